/* student.c -- quantiles of Student's t distribution, for the CES interval (S4). */
#include "internal.h"

#include <float.h>
#include <math.h>

/* P(T > t) for t >= 0 and df > 0: I_x(df/2, 1/2) / 2 with x = df / (df +
 * t^2), computed with 1 - x = t^2 / (df + t^2) given exactly, so that
 * nothing is lost when x is close to 1 (large df). */
static double upper_tail(double t, double df)
{
    double a = df / 2.0, b = 0.5, x, y;
    if (t * t < df) {
        double r = t * t / df;
        x = 1.0 / (1.0 + r);
        y = r / (1.0 + r);
    } else {
        double r = df / t / t; /* t * t may overflow */
        x = r / (1.0 + r);
        y = 1.0 / (1.0 + r);
    }
    if (!(x > 0.0))
        return 0.0;
    if (!(y > 0.0))
        return 0.5;
    if (x <= (a + 1.0) / (a + b + 2.0))
        return 0.5 * exp(a * log(x) + b * log(y) - nps_log_beta(a, b)) / a *
               nps_beta_fraction(x, a, b);
    /* the fraction converges on the other side: I_x(a, b) = 1 - I_y(b, a) */
    double v = exp(b * log(y) + a * log(x) - nps_log_beta(a, b)) / b * nps_beta_fraction(y, b, a);
    return 0.5 * (1.0 - (v > 1.0 ? 1.0 : v));
}

/* log of the density of t at t, df degrees of freedom. */
static double log_density(double t, double df)
{
    return -0.5 * log(df) - nps_log_beta(df / 2.0, 0.5) - (df + 1.0) / 2.0 * log1p(t * t / df);
}

/* The Cornish-Fisher expansion of the t quantile around the normal one, z
 * (Abramowitz and Stegun 26.7.5): a first guess, and the quantile itself
 * when df is so large that the terms left out are below a double's
 * precision. */
static double cornish_fisher(double z, double df)
{
    double z2 = z * z;
    double g1 = (z2 + 1.0) * z / 4.0;
    double g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    double g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    double g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;
    return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

nps_status nps_t_for_confidence(double confidence, double df, double *t)
{
    double z;
    nps_status st = nps_z_for_confidence(confidence, &z);
    if (st != NPS_OK)
        return st;
    if (!(df > 0.0))
        return NPS_EMPTY;
    if (df >= 3000.0) { /* what is left out is below 2e-13 of t for confidences to 1 - 1e-12 */
        *t = cornish_fisher(z, df);
        return NPS_OK;
    }
    double alpha = (1.0 - confidence) / 2.0;
    /* Newton's method on u = log t, inside a bracket [lo, hi] that always
     * holds the root: the tail falls in t, and t >= z for any df. */
    double lo = log(z), hi = log(fmax(cornish_fisher(z, fmax(df, 1.0)), z)) + 1.0, grow = 1.0;
    while (upper_tail(exp(hi), df) > alpha) {
        lo = hi;
        hi += grow;
        grow *= 2.0;
        if (hi > log(DBL_MAX)) { /* beyond any double: the interval is the whole scale */
            *t = INFINITY;
            return NPS_OK;
        }
    }
    double u = df >= 3.0 ? log(cornish_fisher(z, df)) : 0.5 * (lo + hi);
    if (!(u > lo && u < hi))
        u = 0.5 * (lo + hi);
    for (int i = 0; i < 200; i++) {
        double tt = exp(u), g = upper_tail(tt, df) - alpha;
        if (g > 0.0)
            lo = u;
        else
            hi = u;
        /* d/du P(T > e^u) = -f(e^u) e^u: a Newton step, or halve the bracket */
        double next = u + g / exp(log_density(tt, df) + u);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        int done = fabs(next - u) <= 1e-15 * fmax(1.0, fabs(u)) || hi - lo <= 1e-15;
        u = next;
        if (done)
            break;
    }
    *t = exp(u);
    return NPS_OK;
}
