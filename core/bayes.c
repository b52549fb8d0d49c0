/* bayes.c -- small segments: the posterior of the NPS under a Dirichlet prior, its credible
 * interval, the probability above a target, the shrunk estimate (B1-B5). */
#include "internal.h"

#include <math.h>

/* Half-width of every window, in standard deviations: past 30 of them a
 * Beta(a, b) with a, b >= 1 holds less than 1e-13 (the worst case is the
 * exponential-like Beta(a, 1)). */
#define WINDOW_SDS 30.0
/* Panels of the composite Gauss-Legendre rule over a window. */
#define PANELS 8

/* The 16-point Gauss-Legendre rule on [-1, 1]: the positive nodes and their weights. */
static const double gl_node[8] = {
    0.98940093499164993260, 0.94457502307323257608, 0.86563120238783174388, 0.75540440835500303390,
    0.61787624440264374845, 0.45801677765722738634, 0.28160355077925891323, 0.09501250983763744019};
static const double gl_weight[8] = {
    0.02715245941175409485, 0.06225352393864789286, 0.09515851168249278481, 0.12462897125553387205,
    0.14959598881657673208, 0.16915651939500253819, 0.18260341504492358887, 0.18945061045506849629};

/* Mean and standard deviation of a Beta(a, b). */
static void beta_moments(double a, double b, double *mean, double *sd)
{
    *mean = a / (a + b);
    *sd = sqrt(*mean * (b / (a + b)) / (a + b + 1.0));
}

/* The integrand of P(NPS > t) for t > 0: the density of S = P + D at s
 * times P(U > (1 + t / s) / 2), U = P / (P + D). */
static double integrand(double s, double t, double ap, double aa, double ad, double lbeta_s)
{
    double f = exp((ap + ad - 1.0) * log(s) + (aa - 1.0) * log1p(-s) - lbeta_s);
    return f * (1.0 - nps_beta_cdf(0.5 + 0.5 * t / s, ap, ad));
}

/* P(NPS > t) for 0 < t < 1 under Dirichlet(ap, aa, ad) (B2).  NPS = S (2U - 1)
 * with S ~ Beta(ap + ad, aa) and U ~ Beta(ap, ad) independent, so the
 * probability is the integral over s > t of f_S(s) P(U > c(s)), c(s) = (1 +
 * t / s) / 2.  Only a window of S (its mean +- WINDOW_SDS sd) holds mass;
 * inside it, P(U > c(s)) is 0 while c(s) is above U's window and 1 once it
 * is below, which leaves S's upper tail, an incomplete beta; in between a
 * composite Gauss-Legendre rule.  Every width is a number of standard
 * deviations, so the cost does not grow with the counts. */
static double above_positive(double t, double ap, double aa, double ad)
{
    double ms, ss, mu, su;
    beta_moments(ap + ad, aa, &ms, &ss);
    beta_moments(ap, ad, &mu, &su);
    double lo = fmax(t, ms - WINDOW_SDS * ss), hi = fmin(1.0, ms + WINDOW_SDS * ss);
    double u_hi = mu + WINDOW_SDS * su, u_lo = mu - WINDOW_SDS * su;
    /* c(s) > u_hi below s1: nothing; c(s) < u_lo above s2: everything */
    double s1 = u_hi >= 1.0 ? t : 2.0 * u_hi - 1.0 > t ? t / (2.0 * u_hi - 1.0) : 1.0;
    double s2 = 2.0 * u_lo - 1.0 > t ? t / (2.0 * u_lo - 1.0) : 1.0;
    double total = 0.0;
    if (s2 < hi)
        total += 1.0 - nps_beta_cdf(fmax(s2, lo), ap + ad, aa);
    double a = fmax(lo, s1), b = fmin(hi, s2);
    if (a < b) {
        double lbeta_s = nps_log_beta(ap + ad, aa), width = (b - a) / PANELS;
        for (int k = 0; k < PANELS; k++) {
            double mid = a + (k + 0.5) * width, half = 0.5 * width, sum = 0.0;
            for (int i = 0; i < 8; i++)
                sum += gl_weight[i] * (integrand(mid - half * gl_node[i], t, ap, aa, ad, lbeta_s) +
                                       integrand(mid + half * gl_node[i], t, ap, aa, ad, lbeta_s));
            total += half * sum;
        }
    }
    return total < 0.0 ? 0.0 : total > 1.0 ? 1.0 : total;
}

double nps_dirichlet_above(double ap, double aa, double ad, double target)
{
    double t = target / 100.0;
    if (!(t > -1.0))
        return 1.0;
    if (!(t < 1.0))
        return 0.0;
    if (t == 0.0) /* NPS > 0 exactly when P > D, that is U > 1/2 */
        return 1.0 - nps_beta_cdf(0.5, ap, ad);
    if (t > 0.0)
        return above_positive(t, ap, aa, ad);
    /* -NPS has the promoters and detractors swapped: P(NPS > t) = 1 - P(-NPS >= -t) */
    return 1.0 - above_positive(-t, ad, aa, ap);
}

/* The t in points where P(NPS > t) = above, by Brent's method (bisection
 * with secant and inverse quadratic steps) from a bracket around the normal
 * approximation, one standard deviation each side, widened fourfold until
 * it holds the root (at the latest -100..100). */
double nps_dirichlet_quantile(double ap, double aa, double ad, double q)
{
    double above = 1.0 - q;
    double n = ap + aa + ad, p = ap / n, d = ad / n;
    double sd = 100.0 * sqrt((p + d - (p - d) * (p - d)) / (n + 1.0));
    double guess = 100.0 * (p - d) + sd * nps_normal_quantile(q);
    double a = fmax(-100.0, guess - sd), fa = nps_dirichlet_above(ap, aa, ad, a) - above;
    for (double w = 4.0 * sd; fa < 0.0 && a > -100.0; w *= 4.0) {
        a = fmax(-100.0, a - w);
        fa = a > -100.0 ? nps_dirichlet_above(ap, aa, ad, a) - above : q;
    }
    double b = fmin(100.0, guess + sd), fb = nps_dirichlet_above(ap, aa, ad, b) - above;
    for (double w = 4.0 * sd; fb > 0.0 && b < 100.0; w *= 4.0) {
        b = fmin(100.0, b + w);
        fb = b < 100.0 ? nps_dirichlet_above(ap, aa, ad, b) - above : -above;
    }
    double c = a, fc = fa, e = b - a, step = e;
    for (int it = 0; it < 100; it++) {
        if ((fb > 0.0) == (fc > 0.0)) {
            c = a;
            fc = fa;
            e = step = b - a;
        }
        if (fabs(fc) < fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        double tol = 1e-9, m = 0.5 * (c - b);
        if (fabs(m) <= tol || fb == 0.0)
            break;
        if (fabs(e) >= tol && fabs(fa) > fabs(fb)) {
            double s = fb / fa, pp, qq;
            if (a == c) {
                pp = 2.0 * m * s;
                qq = 1.0 - s;
            } else {
                double r = fa / fc, u = fb / fc;
                pp = s * (2.0 * m * r * (r - u) - (b - a) * (u - 1.0));
                qq = (r - 1.0) * (u - 1.0) * (s - 1.0);
            }
            if (pp > 0.0)
                qq = -qq;
            else
                pp = -pp;
            if (2.0 * pp < fmin(3.0 * m * qq - fabs(tol * qq), fabs(e * qq))) {
                e = step;
                step = pp / qq;
            } else {
                e = step = m;
            }
        } else {
            e = step = m;
        }
        a = b;
        fa = fb;
        b += fabs(step) > tol ? step : m > 0.0 ? tol : -tol;
        fb = nps_dirichlet_above(ap, aa, ad, b) - above;
    }
    return b < -100.0 ? -100.0 : b > 100.0 ? 100.0 : b;
}

/* The posterior parameters of a state (B1): 1 + the counts of each
 * category; weighted, the counts are Kish's effective n times the weighted
 * shares.  NPS_EMPTY without rows. */
static nps_status posterior(const nps_state *s, double *ap, double *aa, double *ad)
{
    nps_shape sh;
    if (nps_shape_of(s, &sh) != NPS_OK)
        return NPS_EMPTY;
    double scale = sh.n / sh.total; /* exactly 1 unweighted: the counts stay exact */
    *ap = 1.0 + sh.w[NPS_PROMOTER] * scale;
    *aa = 1.0 + sh.w[NPS_PASSIVE] * scale;
    *ad = 1.0 + sh.w[NPS_DETRACTOR] * scale;
    return NPS_OK;
}

nps_status nps_credible_bound(const nps_state *s, double prob, int upper, double *out)
{
    double ap, aa, ad;
    if (!(prob > 0.0 && prob < 1.0))
        return NPS_E_PROBABILITY;
    if (posterior(s, &ap, &aa, &ad) != NPS_OK)
        return NPS_EMPTY;
    double tail = 0.5 * (1.0 - prob);
    *out = nps_dirichlet_quantile(ap, aa, ad, upper ? 1.0 - tail : tail);
    return NPS_OK;
}

nps_status nps_prob_above(const nps_state *s, double target, double *out)
{
    double ap, aa, ad;
    if (!(target >= -100.0 && target <= 100.0))
        return NPS_E_TARGET;
    if (posterior(s, &ap, &aa, &ad) != NPS_OK)
        return NPS_EMPTY;
    *out = nps_dirichlet_above(ap, aa, ad, target);
    return NPS_OK;
}

nps_status nps_shrunk(const nps_state *s, const nps_state *parent, double strength, double *out)
{
    nps_shape seg, par;
    if (!(strength >= 0.0 && strength <= 1e300))
        return NPS_E_STRENGTH;
    if (nps_shape_of(parent, &par) != NPS_OK)
        return NPS_EMPTY;
    double prior = par.p - par.d, v;
    if (nps_shape_of(s, &seg) != NPS_OK) {
        if (!(strength > 0.0))
            return NPS_EMPTY;
        v = prior; /* no answers: the prior mean */
    } else {
        /* (n p - n d + k (P - D)) / (n + k), as a weighted mean of the two NPS */
        double wseg = seg.n / (seg.n + strength);
        v = wseg * (seg.p - seg.d) + (1.0 - wseg) * prior;
    }
    v *= 100.0;
    *out = v < -100.0 ? -100.0 : v > 100.0 ? 100.0 : v;
    return NPS_OK;
}
