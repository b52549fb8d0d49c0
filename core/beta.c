/* beta.c -- the special functions of the Bayesian measures: log-gamma, log-beta, the regularized
 * incomplete beta. */
#include "internal.h"

#include <math.h>

/* log(sqrt(2 pi)) */
#define LN_SQRT_2PI 0.918938533204672741780329736406

/* lgamma(x) - ((x - 0.5) log x - x + log sqrt(2 pi)) for x >= 10: the
 * Stirling series to the x^-11 term (error below 1e-15 there). */
static double stirling_rest(double x)
{
    double r = 1.0 / x, r2 = r * r;
    return r *
           (1.0 / 12 +
            r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 +
                                                        r2 * (1.0 / 1188 - r2 * 691.0 / 360360)))));
}

/* log Gamma(x) for x > 0, without the global sign of lgamma() (so safe in
 * threads): the recurrence up to 10, then Stirling. */
double nps_log_gamma(double x)
{
    double prod = 1.0;
    while (x < 10.0) {
        prod *= x;
        x += 1.0;
    }
    return (x - 0.5) * log(x) - x + LN_SQRT_2PI + stirling_rest(x) - log(prod);
}

/* log B(a, b) for a, b > 0, without the cancellation of three large
 * log-gammas when an argument is large. */
double nps_log_beta(double a, double b)
{
    double p = fmin(a, b), q = fmax(a, b), f = p / (p + q);
    if (p >= 10.0)
        return -0.5 * log(q) + LN_SQRT_2PI + stirling_rest(p) + stirling_rest(q) -
               stirling_rest(p + q) + (p - 0.5) * log(f) + q * log1p(-f);
    if (q >= 10.0)
        return nps_log_gamma(p) + stirling_rest(q) - stirling_rest(p + q) + p - p * log(p + q) +
               (q - 0.5) * log1p(-f);
    return nps_log_gamma(p) + nps_log_gamma(q) - nps_log_gamma(p + q);
}

/* log of the Beta(a, b) density at 0 < x < 1. */
double nps_log_beta_density(double x, double a, double b)
{
    return (a - 1.0) * log(x) + (b - 1.0) * log1p(-x) - nps_log_beta(a, b);
}

/* The continued fraction of I_x(a, b), evaluated by Lentz's method; it
 * converges fast for x < (a + 1) / (a + b + 2). */
double nps_beta_fraction(double x, double a, double b)
{
    const double tiny = 1e-300, eps = 1e-16;
    int most = 200 + (int)(20.0 * sqrt(fmax(a, b)));
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (fabs(d) < tiny)
        d = tiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= most; m++) {
        double m2 = 2.0 * m;
        double step = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
        d = 1.0 + step * d;
        c = 1.0 + step / c;
        d = 1.0 / (fabs(d) < tiny ? tiny : d);
        c = fabs(c) < tiny ? tiny : c;
        h *= d * c;
        step = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
        d = 1.0 + step * d;
        c = 1.0 + step / c;
        d = 1.0 / (fabs(d) < tiny ? tiny : d);
        c = fabs(c) < tiny ? tiny : c;
        double delta = d * c;
        h *= delta;
        if (fabs(delta - 1.0) < eps)
            break;
    }
    return h;
}

/* Regularized incomplete beta I_x(a, b) = P(X <= x) for X ~ Beta(a, b),
 * a, b > 0. */
double nps_beta_cdf(double x, double a, double b)
{
    if (!(x > 0.0))
        return 0.0;
    if (!(x < 1.0))
        return 1.0;
    int swap = x > (a + 1.0) / (a + b + 2.0);
    if (swap) {
        double t = a;
        a = b;
        b = t;
        x = 1.0 - x;
    }
    double front = exp(a * log(x) + b * log1p(-x) - nps_log_beta(a, b)) / a;
    double v = front * nps_beta_fraction(x, a, b);
    v = v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
    return swap ? 1.0 - v : v;
}
