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

/* The density of S = P + D at s, Beta(as, aa) with log B(as, aa) = lbeta_s. */
static double density(double s, double as, double aa, double lbeta_s)
{
    return exp((as - 1.0) * log(s) + (aa - 1.0) * log1p(-s) - lbeta_s);
}

/* From this many of each of aP and aD, P(U > c(s)) at the quadrature nodes
 * is accumulated node to node from U's density (u_mass); under it, each
 * node takes its own incomplete beta, whose continued fraction is short
 * there.  Against one incomplete beta per node the accumulation agrees
 * within 3e-12 from 8 on (1e-10 at 5, 3e-4 at 1: far from normal, the
 * density needs more points than the widths below give). */
#define STEPPED_MIN 10.0

/* Gauss-Legendre rules of 3 to 6 points on [-1, 1]: the nodes >= 0 and their
 * weights, a 0 node (odd rules) last, its weight counted once. */
static const double glk_node[4][3] = {{0.77459666924148337704, 0.0, 0.0},
                                      {0.86113631159405257522, 0.33998104358485626480, 0.0},
                                      {0.90617984593866399280, 0.53846931010568309104, 0.0},
                                      {0.93246951420315202781, 0.66120938646626451366,
                                       0.23861918608319690863}};
static const double glk_weight[4][3] = {{0.55555555555555555556, 0.88888888888888888889, 0.0},
                                        {0.34785484513745385737, 0.65214515486254614263, 0.0},
                                        {0.23692688505618908751, 0.47862867049936646804,
                                         0.56888888888888888889},
                                        {0.17132449237917034504, 0.36076157304813860757,
                                         0.46791393457269104739}};
/* The widest step, in standard deviations, each rule takes: the k-point
 * rule's error over a width h of a density of sd 1 is h^(2k+1) (k!)^4 /
 * ((2k + 1) ((2k)!)^3) max |f^(2k)|, and these widths hold it under 1e-12
 * for the normal density (max |f^(2k)| = (2k - 1)!! / sqrt(2 pi)); a
 * Beta(a, b) with a, b >= STEPPED_MIN is close enough to normal. */
static const double glk_width[4] = {0.118, 0.326, 0.634, 1.019};

/* The integral of the Beta(ap, ad) density (sd sd_u) over [lo, hi]: one
 * step of the fewest points whose width allows, else steps of the
 * 6-point rule. */
static double u_mass(double lo, double hi, double ap, double ad, double lbeta_u, double sd_u)
{
    double h = (hi - lo) / sd_u;
    int r = h <= glk_width[0] ? 0 : h <= glk_width[1] ? 1 : h <= glk_width[2] ? 2 : 3;
    int steps = r < 3 ? 1 : (int)ceil(h / glk_width[3]);
    double width = (hi - lo) / steps, total = 0.0;
    for (int k = 0; k < steps; k++) {
        double mid = lo + (k + 0.5) * width, half = 0.5 * width, sum = 0.0;
        for (int i = 0; i < 3; i++) {
            double x = glk_node[r][i], w = glk_weight[r][i];
            if (w == 0.0)
                break;
            sum += x == 0.0 ? w * density(mid, ap, ad, lbeta_u)
                            : w * (density(mid - half * x, ap, ad, lbeta_u) +
                                   density(mid + half * x, ap, ad, lbeta_u));
        }
        total += half * sum;
    }
    return total;
}

/* P(NPS > t) for 0 < t < 1 under Dirichlet(ap, aa, ad) (B2).  NPS = S (2U - 1)
 * with S ~ Beta(ap + ad, aa) and U ~ Beta(ap, ad) independent, so the
 * probability is the integral over s > t of f_S(s) P(U > c(s)), c(s) = (1 +
 * t / s) / 2.  Only a window of S (its mean +- WINDOW_SDS sd) holds mass;
 * inside it, P(U > c(s)) is 0 while c(s) is above U's window and 1 once it
 * is below, which leaves S's upper tail, an incomplete beta; in between a
 * composite Gauss-Legendre rule.  Every width is a number of standard
 * deviations, so the cost does not grow with the counts.  At the rule's
 * nodes P(U > c(s)) is an incomplete beta each, except when aP and aD are
 * both large, where the continued fraction near U's bulk takes O(sqrt(n))
 * terms: there the first node takes the incomplete beta and each next one
 * adds the mass of U's density between their c(s), whose cost is bounded
 * by the number of sd it spans. */
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
        int stepped = ap >= STEPPED_MIN && ad >= STEPPED_MIN;
        double lbeta_u = stepped ? nps_log_beta(ap, ad) : 0.0;
        /* P(U > c) at the last node, c_prev its c; the nodes go up in s, so c goes down */
        double c_prev = 0.5 + 0.5 * t / a, g = 1.0 - nps_beta_cdf(c_prev, ap, ad);
        for (int k = 0; k < PANELS; k++) {
            double mid = a + (k + 0.5) * width, half = 0.5 * width, sum = 0.0;
            for (int j = 0; j < 16; j++) {
                int i = j < 8 ? j : 15 - j;
                double s = j < 8 ? mid - half * gl_node[i] : mid + half * gl_node[i];
                double c = 0.5 + 0.5 * t / s;
                if (stepped) {
                    g += u_mass(c, c_prev, ap, ad, lbeta_u, su);
                    c_prev = c;
                } else {
                    g = 1.0 - nps_beta_cdf(c, ap, ad);
                }
                sum += gl_weight[i] * density(s, ap + ad, aa, lbeta_s) * g;
            }
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
