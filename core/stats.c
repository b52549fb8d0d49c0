/* stats.c -- what a state yields: NPS, shares, errors, intervals, p-values, bands (R3-R13). */
#include "internal.h"

#include <math.h>

/* Pseudo-responses of the adjusted-Wald interval (R9). */
static const double adjust[NPS_NCATEGORIES] = {0.75, 1.5, 0.75};

void nps_group_weights(const int64_t *rows, const int64_t *weighted, const nps_sum *wsum,
                       const nps_sum *wsq, int n, double *w, double *q)
{
    int any = 0;
    for (int c = 0; c < n; c++)
        any |= weighted[c] != 0;
    if (!any) {
        for (int c = 0; c < n; c++)
            w[c] = q[c] = (double)rows[c]; /* every row weighs 1 */
        return;
    }
    int top = INT32_MIN;
    for (int c = 0; c < n; c++) {
        double plain = (double)(rows[c] - weighted[c]);
        if (plain > 0.0 && ilogb(plain) > top)
            top = ilogb(plain);
        int e = nps_sum_exponent(&wsum[c]);
        if (e > top)
            top = e;
    }
    if (top == INT32_MIN)
        top = 0;
    for (int c = 0; c < n; c++) {
        double plain = (double)(rows[c] - weighted[c]);
        int32_t e;
        double d = nps_sum_scaled(&wsum[c], &e);
        w[c] = ldexp(plain, -top) + nps_scale2(d, (double)e - top);
        d = nps_sum_scaled(&wsq[c], &e);
        q[c] = ldexp(plain, -2 * top) + nps_scale2(d, (double)e - 2.0 * top);
    }
}

/* Weight and squared weight per category, unweighted rows weighing 1, all
 * divided by one power of two (2^E for weights, 2^2E for squares) chosen
 * so that the largest weight is about 1: the results are ratios, so they
 * come out the same at any scale, and nothing overflows or underflows. */
static void category_weights(const nps_state *s, double w[NPS_NCATEGORIES],
                             double q[NPS_NCATEGORIES])
{
    int64_t rows[NPS_NCATEGORIES] = {0, 0, 0};
    for (int i = 0; i < NPS_NSCORES; i++)
        rows[nps_category_of(i)] += s->count[i];
    nps_group_weights(rows, s->weighted, s->wsum, s->wsq, NPS_NCATEGORIES, w, q);
}

nps_status nps_shape_of(const nps_state *s, nps_shape *sh)
{
    double q[NPS_NCATEGORIES];
    category_weights(s, sh->w, q);
    sh->total = sh->w[0] + sh->w[1] + sh->w[2];
    double qt = q[0] + q[1] + q[2];
    if (!(sh->total > 0.0) || !(qt > 0.0))
        return NPS_EMPTY;
    /* Kish's n lies in 1..rows (exact sums; the bounds only absorb rounding) */
    sh->n = nps_clamp(sh->total * (sh->total / qt), 1.0, (double)nps_rows(s));
    sh->p = nps_clamp(sh->w[NPS_PROMOTER] / sh->total, 0.0, 1.0);
    sh->d = nps_clamp(sh->w[NPS_DETRACTOR] / sh->total, 0.0, 1.0 - sh->p);
    return NPS_OK;
}

/* Per-respondent variance of the promoter-minus-detractor score. */
double nps_variance(double p, double d)
{
    double v = p + d - (p - d) * (p - d);
    return v > 0.0 ? v : 0.0;
}

/* Standard error in points (R7). */
static double stderr_points(const nps_shape *sh)
{
    return 100.0 * sqrt(nps_variance(sh->p, sh->d) / sh->n);
}

void nps_adjusted_shape(const nps_shape *sh, nps_shape *adj)
{
    double scale = sh->n / sh->total, n = sh->n;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        adj->w[c] = sh->w[c] * scale + adjust[c];
        n += adjust[c];
    }
    adj->total = adj->n = n;
    adj->p = adj->w[NPS_PROMOTER] / n;
    adj->d = adj->w[NPS_DETRACTOR] / n;
}

/* One bound of the adjusted-Wald interval (R9); sign -1 lower, +1 upper. */
static double adjusted_wald(const nps_shape *sh, double z, double sign)
{
    nps_shape a;
    nps_adjusted_shape(sh, &a);
    return nps_clamp(100.0 * ((a.p - a.d) + sign * z * sqrt(nps_variance(a.p, a.d) / a.n)), -100.0,
                 100.0);
}

nps_status nps_compute(const nps_state *s, nps_measure m, double confidence, double *out)
{
    nps_shape sh;
    double z = 0.0;
    if (m == NPS_M_MOE || m == NPS_M_CI_LOWER || m == NPS_M_CI_UPPER) {
        nps_status st = nps_z_for_confidence(confidence, &z);
        if (st != NPS_OK)
            return st;
    }
    if ((unsigned)m <= NPS_M_DETRACTOR_SHARE) {
        /* The final step of every sliding window row: one division, no effective n. */
        static const int share_of[] = {0, NPS_PROMOTER, NPS_PASSIVE, NPS_DETRACTOR};
        double w[NPS_NCATEGORIES], q[NPS_NCATEGORIES];
        category_weights(s, w, q);
        double total = w[0] + w[1] + w[2];
        if (!(total > 0.0))
            return NPS_EMPTY;
        if (m == NPS_M_NPS)
            *out = nps_clamp(100.0 * ((w[NPS_PROMOTER] - w[NPS_DETRACTOR]) / total), -100.0, 100.0);
        else
            *out = nps_clamp(100.0 * (w[share_of[m]] / total), 0.0, 100.0);
        return NPS_OK;
    }
    if (nps_shape_of(s, &sh) != NPS_OK)
        return NPS_EMPTY;
    switch (m) {
    case NPS_M_STDERR:
        *out = stderr_points(&sh);
        break;
    case NPS_M_MOE:
        *out = z * stderr_points(&sh);
        break;
    case NPS_M_CI_LOWER:
        *out = adjusted_wald(&sh, z, -1.0);
        break;
    case NPS_M_CI_UPPER:
        *out = adjusted_wald(&sh, z, 1.0);
        break;
    default:
        return NPS_E_SCORE_TYPE;
    }
    return NPS_OK;
}

nps_status nps_pvalue(const nps_state *a, const nps_state *b, double *out)
{
    return nps_pvalue_alt(a, b, NPS_ALT_TWO_SIDED, out);
}

nps_status nps_band(double value, const char **label)
{
    if (!(value >= -100.0 && value <= 100.0))
        return NPS_E_BAND;
    *label = value < 0.0    ? "negative"
             : value < 30.0 ? "good"
             : value < 70.0 ? "great"
                            : "excellent";
    return NPS_OK;
}
