/* scale_stats.c -- what a scale state yields: CSAT, the CES mean, the top-box share, Wilson and t
 * intervals, the JSON summary (S2-S4). */
#include "internal.h"

#include <math.h>
#include <stdio.h>

/* The weights of a scale state, scaled as nps_group_weights() scales them. */
typedef struct {
    const nps_scale_info *info;
    int n;                   /* scores on the scale */
    double w[NPS_SCALE_MAX]; /* weight per score */
    double total, good;      /* all weight; the top box's */
    double eff;              /* Kish's effective n; the rows when unweighted */
} scale_shape;

/* The shape of a state; NPS_EMPTY when its weight is 0 (R5). */
static nps_status shape_of(const nps_scale_state *s, scale_shape *sh)
{
    double q[NPS_SCALE_MAX], qt = 0.0;
    sh->info = nps_scale_describe((nps_scale)s->scale);
    sh->n = sh->info->hi - sh->info->lo + 1;
    nps_group_weights(s->count, s->weighted, s->wsum, s->wsq, sh->n, sh->w, q);
    sh->total = sh->good = 0.0;
    for (int i = 0; i < sh->n; i++) {
        sh->total += sh->w[i];
        qt += q[i];
        if (i + sh->info->lo >= sh->info->top)
            sh->good += sh->w[i];
    }
    if (!(sh->total > 0.0) || !(qt > 0.0))
        return NPS_EMPTY;
    /* Kish's n lies in 1..rows (exact sums; the bounds only absorb rounding) */
    sh->eff = nps_clamp(sh->total * (sh->total / qt), 1.0, (double)s->rows);
    return NPS_OK;
}

/* The share of the top box, a proportion 0..1. */
static double top_share(const scale_shape *sh)
{
    return nps_clamp(sh->good / sh->total, 0.0, 1.0);
}

/* The mean score, lo..hi. */
static double mean_of(const scale_shape *sh)
{
    double sum = 0.0;
    for (int i = 0; i < sh->n; i++)
        sum += sh->w[i] * (double)(i + sh->info->lo);
    return nps_clamp(sum / sh->total, sh->info->lo, sh->info->hi);
}

/* Wilson's score interval of the top-box share (S3), in points: sign 0 the
 * half-width, -1 the lower bound, +1 the upper. */
static double wilson(const scale_shape *sh, double z, int sign)
{
    double p = top_share(sh), n = sh->eff, z2 = z * z;
    double centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    double half = z / (1.0 + z2 / n) * sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    if (sign == 0)
        return nps_clamp(100.0 * half, 0.0, 50.0);
    /* the interval holds p: at p = 0 or 1 the bound on its side is p itself,
     * which centre - half and centre + half only reach up to rounding */
    if (sign < 0)
        return nps_clamp(100.0 * (centre - half), 0.0, 100.0 * p);
    return nps_clamp(100.0 * (centre + half), 100.0 * p, 100.0);
}

/* Student's t interval of the mean (S4): sign 0 the margin, -1 the lower
 * bound, +1 the upper; NPS_EMPTY when the effective n is 1 or less. */
static nps_status t_interval(const scale_shape *sh, double confidence, int sign, double *out)
{
    if (!(sh->eff > 1.0))
        return NPS_EMPTY;
    double t, mean = mean_of(sh), v = 0.0;
    nps_status st = nps_t_for_confidence(confidence, sh->eff - 1.0, &t);
    if (st != NPS_OK)
        return st;
    for (int i = 0; i < sh->n; i++) {
        double d = (double)(i + sh->info->lo) - mean;
        v += sh->w[i] * d * d;
    }
    double width = (double)(sh->info->hi - sh->info->lo);
    double margin = nps_clamp(t * sqrt(v / sh->total / (sh->eff - 1.0)), 0.0, width);
    *out = sign == 0 ? margin : nps_clamp(mean + sign * margin, sh->info->lo, sh->info->hi);
    return NPS_OK;
}

nps_status nps_scale_compute(const nps_scale_state *s, nps_scale_measure m, double confidence,
                             double *out)
{
    scale_shape sh;
    double z = 0.0;
    int sign = m == NPS_S_CI_LOWER ? -1 : m == NPS_S_CI_UPPER ? 1 : 0;
    if (m == NPS_S_MOE || sign != 0) {
        nps_status st = nps_z_for_confidence(confidence, &z);
        if (st != NPS_OK)
            return st;
    }
    if (shape_of(s, &sh) != NPS_OK)
        return NPS_EMPTY;
    int mean = s->scale == NPS_CES; /* the value of CES is its mean, of CSAT its share */
    switch (m) {
    case NPS_S_VALUE:
        *out = mean ? mean_of(&sh) : 100.0 * top_share(&sh);
        return NPS_OK;
    case NPS_S_SHARE:
        *out = 100.0 * top_share(&sh);
        return NPS_OK;
    case NPS_S_MOE:
    case NPS_S_CI_LOWER:
    case NPS_S_CI_UPPER:
        if (mean)
            return t_interval(&sh, confidence, sign, out);
        *out = wilson(&sh, z, sign);
        return NPS_OK;
    }
    return NPS_E_SCORE_TYPE;
}

nps_status nps_scale_summary_json(const nps_scale_state *s, char *buf, size_t cap)
{
    static const char *const keys[] = {"moe95", "ci95_lower", "ci95_upper"};
    static const nps_scale_measure measures[] = {NPS_S_MOE, NPS_S_CI_LOWER, NPS_S_CI_UPPER};
    scale_shape sh;
    if (shape_of(s, &sh) != NPS_OK)
        return NPS_EMPTY;
    char num[32];
    double v;
    size_t len = (size_t)snprintf(buf, cap, "{\"n\":%lld", (long long)s->rows);
    int weighted = 0;
    for (int i = 0; i < sh.n; i++)
        weighted |= s->weighted[i] != 0;
    if (weighted && len < cap) { /* the counts are rows; the rest is weighted, on Kish's n */
        nps_format_double(sh.eff, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"weighted\":true,\"effective_n\":%s", num);
    }
    nps_scale_compute(s, NPS_S_VALUE, NPS_DEFAULT_CONFIDENCE, &v);
    nps_format_double(v, num, sizeof num);
    if (len < cap)
        len += (size_t)snprintf(buf + len, cap - len, ",\"%s\":%s", sh.info->name, num);
    if (s->scale == NPS_CES && len < cap) {
        nps_scale_compute(s, NPS_S_SHARE, NPS_DEFAULT_CONFIDENCE, &v);
        nps_format_double(v, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"easy_share\":%s", num);
    }
    for (size_t k = 0; k < sizeof keys / sizeof keys[0] && len < cap; k++) {
        snprintf(num, sizeof num, "null"); /* a measure without a value (S4) */
        if (nps_scale_compute(s, measures[k], NPS_DEFAULT_CONFIDENCE, &v) == NPS_OK)
            nps_format_double(v, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"%s\":%s", keys[k], num);
    }
    for (int i = 0; i < sh.n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", i ? "," : ",\"scores\":[",
                                (long long)s->count[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "]}");
    return NPS_OK;
}
