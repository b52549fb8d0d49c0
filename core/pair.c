/* pair.c -- paired waves: the 3 x 3 pair state, change, paired p-value, migration (W1-W4). */
#include "internal.h"

#include <math.h>
#include <stdio.h>

void nps_pair_init(nps_pair_state *s)
{
    *s = (nps_pair_state){0};
}

/* The cell of a pair of scores; NPS_E_SCORE_RANGE when either is outside 0..10. */
static nps_status cell_of(int64_t before, int64_t after, int *b, int *a)
{
    if ((uint64_t)before > 10u || (uint64_t)after > 10u)
        return NPS_E_SCORE_RANGE;
    *b = nps_category_of(before);
    *a = nps_category_of(after);
    return NPS_OK;
}

/* Count one pair (sign +1) or take it out (sign -1). */
static nps_status pair_step(nps_pair_state *s, int64_t before, int64_t after, int sign)
{
    int b, a;
    nps_status st = cell_of(before, after, &b, &a);
    if (st != NPS_OK)
        return st;
    if (sign > 0 && s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    if (sign < 0 && s->count[b][a] <= 0)
        return NPS_E_REMOVE;
    s->count[b][a] += sign;
    s->rows += sign;
    return NPS_OK;
}

nps_status nps_pair_add(nps_pair_state *s, int64_t before, int64_t after)
{
    return pair_step(s, before, after, 1);
}

nps_status nps_pair_remove(nps_pair_state *s, int64_t before, int64_t after)
{
    return pair_step(s, before, after, -1);
}

nps_status nps_pair_merge(nps_pair_state *dst, const nps_pair_state *src)
{
    /* both hold at most 2^62 pairs: the difference cannot overflow, the sum could */
    if (src->rows > NPS_MAX_ROWS - dst->rows)
        return NPS_E_OVERFLOW;
    for (int b = 0; b < NPS_NCATEGORIES; b++)
        for (int a = 0; a < NPS_NCATEGORIES; a++)
            dst->count[b][a] += src->count[b][a];
    dst->rows += src->rows;
    return NPS_OK;
}

nps_status nps_pair_unmerge(nps_pair_state *dst, const nps_pair_state *src)
{
    for (int b = 0; b < NPS_NCATEGORIES; b++)
        for (int a = 0; a < NPS_NCATEGORIES; a++)
            if (src->count[b][a] > dst->count[b][a])
                return NPS_E_REMOVE;
    for (int b = 0; b < NPS_NCATEGORIES; b++)
        for (int a = 0; a < NPS_NCATEGORIES; a++)
            dst->count[b][a] -= src->count[b][a];
    dst->rows -= src->rows;
    return NPS_OK;
}

/* Pairs by their D = code(after) - code(before) (W2), at index D + 2.  The
 * code of a category is its index - 1 (detractor -1, passive 0, promoter +1),
 * so D = a - b. */
static void pairs_by_d(const nps_pair_state *s, double by_d[5])
{
    for (int k = 0; k < 5; k++)
        by_d[k] = 0.0;
    for (int b = 0; b < NPS_NCATEGORIES; b++)
        for (int a = 0; a < NPS_NCATEGORIES; a++)
            by_d[a - b + 2] += (double)s->count[b][a];
}

/* mean(D) of a state with pairs. */
static double mean_d(const double by_d[5], double n)
{
    /* exact while the counts stay below 2^53, then rounded to a few ulps */
    return ((by_d[3] - by_d[1]) + 2.0 * (by_d[4] - by_d[0])) / n;
}

nps_status nps_pair_change(const nps_pair_state *s, double *out)
{
    if (s->rows == 0)
        return NPS_EMPTY;
    double by_d[5];
    pairs_by_d(s, by_d);
    double c = 100.0 * mean_d(by_d, (double)s->rows);
    *out = c > 200.0 ? 200.0 : c < -200.0 ? -200.0 : c;
    return NPS_OK;
}

nps_status nps_pair_pvalue(const nps_pair_state *s, double *out)
{
    if (s->rows < 2)
        return NPS_EMPTY;
    double by_d[5], n = (double)s->rows;
    pairs_by_d(s, by_d);
    double mean = mean_d(by_d, n);
    /* the sum of squares about the mean: each term >= 0, no cancellation */
    double ss = 0.0;
    int values = 0; /* how many different D occur */
    for (int k = 0; k < 5; k++) {
        if (by_d[k] > 0.0)
            values++;
        ss += by_d[k] * ((k - 2) - mean) * ((k - 2) - mean);
    }
    if (values == 1) { /* sd = 0 exactly: every pair moved by the same D (W3) */
        *out = mean == 0.0 ? 1.0 : 0.0;
        return NPS_OK;
    }
    double se = sqrt(ss / (n - 1.0)) / sqrt(n);
    double p = erfc(fabs(mean) / se / sqrt(2.0));
    *out = p > 1.0 ? 1.0 : p >= 0.0 ? p : 0.0;
    return NPS_OK;
}

nps_status nps_pair_migration_json(const nps_pair_state *s, char *buf, size_t cap)
{
    if (s->rows == 0)
        return NPS_EMPTY;
    size_t len = (size_t)snprintf(buf, cap, "{\"n\":%lld", (long long)s->rows);
    for (int b = 0; b < NPS_NCATEGORIES && len < cap; b++) {
        len += (size_t)snprintf(buf + len, cap - len, ",\"%s\":{", nps_category_name(b));
        for (int a = 0; a < NPS_NCATEGORIES && len < cap; a++)
            len += (size_t)snprintf(buf + len, cap - len, "%s\"%s\":%lld", a ? "," : "",
                                    nps_category_name(a), (long long)s->count[b][a]);
        if (len < cap)
            len += (size_t)snprintf(buf + len, cap - len, "}");
    }
    if (len < cap)
        snprintf(buf + len, cap - len, "}");
    return NPS_OK;
}
