/* state.c -- state arithmetic: weights checked, rows added, removed, merged, unmerged (R6, R10). */
#include "internal.h"

#include <math.h>
#include <string.h>

void nps_state_init(nps_state *s)
{
    memset(s, 0, sizeof *s);
}

nps_status nps_check_weight(double w)
{
    return (isfinite(w) && w >= 0.0) ? NPS_OK : NPS_E_WEIGHT;
}

/* Check a weighted row before it is added or removed: its weight, the
 * square of it, then its score. */
static nps_status check_weighted(int64_t score, double weight)
{
    if (nps_check_weight(weight) != NPS_OK)
        return NPS_E_WEIGHT;
    if (!isfinite(weight * weight))
        return NPS_E_WEIGHT_SQUARE;
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    return NPS_OK;
}

nps_status nps_add_weighted(nps_state *s, int64_t score, double weight)
{
    nps_status st = check_weighted(score, weight);
    if (st != NPS_OK)
        return st;
    if (s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    int c = nps_category_of(score);
    nps_sum_add(&s->wsum[c], weight, 1);
    nps_sum_add_square(&s->wsq[c], weight, 1);
    s->count[score]++;
    s->rows++;
    s->weighted[c]++;
    return NPS_OK;
}

/* After the sums of category c were reduced (st the status of that), as
 * nps_remove_weighted and nps_unmerge end: NPS_E_REMOVE when what was taken
 * out was never in them (sums no weights can have), NPS_E_INEXACT when it
 * could not be taken out exactly. */
static nps_status taken_out(const nps_state *t, int c, nps_status st)
{
    if (st != NPS_OK || !nps_sums_possible(t, c))
        return NPS_E_REMOVE;
    if (t->wsum[c].inexact || t->wsq[c].inexact)
        return NPS_E_INEXACT;
    return NPS_OK;
}

/* Rows of category c that carry no weight. */
static int64_t plain_rows(const nps_state *s, int c)
{
    int64_t rows = 0;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (nps_category_of(i) == c)
            rows += s->count[i];
    return rows - s->weighted[c];
}

nps_status nps_remove(nps_state *s, int64_t score)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    if (s->count[score] <= 0)
        return NPS_E_REMOVE;
    if (s->weighted[nps_category_of(score)] > 0 && plain_rows(s, nps_category_of(score)) <= 0)
        return NPS_E_REMOVE;
    s->count[score]--;
    s->rows--;
    return NPS_OK;
}

/* Once no weighted row of a category remains, its sums are exactly 0 again. */
static void clear_sums(nps_state *s, int c)
{
    memset(&s->wsum[c], 0, sizeof s->wsum[c]);
    memset(&s->wsq[c], 0, sizeof s->wsq[c]);
}

nps_status nps_remove_weighted(nps_state *s, int64_t score, double weight)
{
    nps_status st = check_weighted(score, weight);
    if (st != NPS_OK)
        return st;
    int c = nps_category_of(score);
    if (s->count[score] <= 0 || s->weighted[c] <= 0)
        return NPS_E_REMOVE;
    nps_state t = *s;
    t.count[score]--;
    t.rows--;
    if (--t.weighted[c] == 0) {
        clear_sums(&t, c);
    } else {
        if (t.wsum[c].inexact || t.wsq[c].inexact)
            return NPS_E_INEXACT;
        st = nps_sum_add(&t.wsum[c], weight, -1);
        if (st == NPS_OK)
            st = nps_sum_add_square(&t.wsq[c], weight, -1);
        if ((st = taken_out(&t, c, st)) != NPS_OK)
            return st;
    }
    *s = t;
    return NPS_OK;
}

nps_status nps_merge(nps_state *dst, const nps_state *src)
{
    nps_state t = *dst;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (__builtin_add_overflow(t.count[i], src->count[i], &t.count[i]))
            return NPS_E_OVERFLOW;
    if (__builtin_add_overflow(t.rows, src->rows, &t.rows) || t.rows > NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        if (src->weighted[c] == 0)
            continue;
        if (__builtin_add_overflow(t.weighted[c], src->weighted[c], &t.weighted[c]))
            return NPS_E_OVERFLOW;
        nps_sum_merge(&t.wsum[c], &src->wsum[c], 1);
        nps_sum_merge(&t.wsq[c], &src->wsq[c], 1);
    }
    *dst = t;
    return NPS_OK;
}

nps_status nps_unmerge(nps_state *dst, const nps_state *src)
{
    nps_state t = *dst;
    for (int i = 0; i < NPS_NSCORES; i++) {
        if (src->count[i] > t.count[i])
            return NPS_E_REMOVE;
        t.count[i] -= src->count[i];
    }
    t.rows -= src->rows;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        if (src->weighted[c] > t.weighted[c])
            return NPS_E_REMOVE;
        if (src->weighted[c] == 0)
            continue;
        t.weighted[c] -= src->weighted[c];
        if (t.weighted[c] == 0) {
            clear_sums(&t, c);
            continue;
        }
        if (t.wsum[c].inexact || t.wsq[c].inexact || src->wsum[c].inexact || src->wsq[c].inexact)
            return NPS_E_INEXACT;
        nps_status st = nps_sum_merge(&t.wsum[c], &src->wsum[c], -1);
        if (st == NPS_OK)
            st = nps_sum_merge(&t.wsq[c], &src->wsq[c], -1);
        if ((st = taken_out(&t, c, st)) != NPS_OK)
            return st;
    }
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        if (plain_rows(&t, c) < 0)
            return NPS_E_REMOVE;
    *dst = t;
    return NPS_OK;
}
