/* scale.c -- the scales beside NPS: what each is, its scores read, its state's arithmetic (S1, S5).
 */
#include "internal.h"

#include <math.h>
#include <string.h>

/* The scales, by nps_scale (S1, S6). */
const nps_scale_info nps_scale_table[NPS_NSCALES] = {
    [NPS_CSAT] = {"csat", "csat_state", "cst", 1, 5, 4},
    [NPS_CES] = {"ces", "ces_state", "ces", 1, 7, 5},
};

int nps_scale_error_of(nps_status st, nps_scale *k, nps_scale_error *e)
{
    if (st < NPS_E_SCALE_FIRST || st >= NPS_STATUS_COUNT)
        return 0;
    *k = (nps_scale)((st - NPS_E_SCALE_FIRST) / NPS_SE_COUNT);
    *e = (nps_scale_error)((st - NPS_E_SCALE_FIRST) % NPS_SE_COUNT);
    return 1;
}

int nps_is_decode_error(nps_status st)
{
    nps_scale k;
    nps_scale_error e;
    if (nps_scale_error_of(st, &k, &e))
        return e >= NPS_SE_LENGTH && e <= NPS_SE_VALUE;
    return st == NPS_E_STATE_LENGTH || st == NPS_E_STATE_MAGIC || st == NPS_E_STATE_VERSION ||
           st == NPS_E_STATE_CHECKSUM || st == NPS_E_STATE_VALUE;
}

void nps_scale_init(nps_scale_state *s, nps_scale k)
{
    memset(s, 0, sizeof *s);
    s->scale = (int32_t)k;
}

/* A score read as R1 reads one, then put on scale k: R1's range error, or a
 * whole number off the scale, is the scale's range error. */
static nps_status on_scale(nps_scale k, nps_status st, int64_t score)
{
    const nps_scale_info *info = nps_scale_describe(k);
    if (st == NPS_E_SCORE_RANGE || (st == NPS_OK && (score < info->lo || score > info->hi)))
        return nps_scale_status(k, NPS_SE_RANGE);
    return st;
}

nps_status nps_scale_score_from_double(nps_scale k, double v, int64_t *score)
{
    int64_t x = 0;
    nps_status st = nps_score_from_double(v, &x);
    if ((st = on_scale(k, st, x)) == NPS_OK)
        *score = x;
    return st;
}

nps_status nps_scale_score_from_text(nps_scale k, const char *text, size_t len, int64_t *score)
{
    int64_t x = 0;
    nps_status st = nps_score_from_text(text, len, &x);
    if ((st = on_scale(k, st, x)) == NPS_OK)
        *score = x;
    return st;
}

/* The index of a score on the state's scale, or -1 off it. */
static int slot(const nps_scale_state *s, int64_t score)
{
    const nps_scale_info *info = nps_scale_describe((nps_scale)s->scale);
    return score >= info->lo && score <= info->hi ? (int)(score - info->lo) : -1;
}

/* Check a weighted row before it is added or removed: its weight, the
 * square of it, then its score; its slot in *i. */
static nps_status check_weighted(const nps_scale_state *s, int64_t score, double weight, int *i)
{
    if (nps_check_weight(weight) != NPS_OK)
        return NPS_E_WEIGHT;
    if (!isfinite(weight * weight))
        return NPS_E_WEIGHT_SQUARE;
    if ((*i = slot(s, score)) < 0)
        return nps_scale_status((nps_scale)s->scale, NPS_SE_RANGE);
    return NPS_OK;
}

nps_status nps_scale_remove(nps_scale_state *s, int64_t score)
{
    int i = slot(s, score);
    if (i < 0)
        return nps_scale_status((nps_scale)s->scale, NPS_SE_RANGE);
    if (s->count[i] - s->weighted[i] <= 0) /* no unweighted row of that score */
        return NPS_E_REMOVE;
    s->count[i]--;
    s->rows--;
    return NPS_OK;
}

nps_status nps_scale_add_weighted(nps_scale_state *s, int64_t score, double weight)
{
    int i;
    nps_status st = check_weighted(s, score, weight, &i);
    if (st != NPS_OK)
        return st;
    if (s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    nps_sum_add(&s->wsum[i], weight, 1);
    nps_sum_add_square(&s->wsq[i], weight, 1);
    s->count[i]++;
    s->rows++;
    s->weighted[i]++;
    return NPS_OK;
}

/* Once no weighted row of a score remains, its sums are exactly 0 again. */
static void clear_sums(nps_scale_state *s, int i)
{
    memset(&s->wsum[i], 0, sizeof s->wsum[i]);
    memset(&s->wsq[i], 0, sizeof s->wsq[i]);
}

/* After the sums of score i were reduced (st the status of that):
 * NPS_E_REMOVE when what was taken out was never in them, NPS_E_INEXACT
 * when it could not be taken out exactly. */
static nps_status taken_out(const nps_scale_state *t, int i, nps_status st)
{
    if (st != NPS_OK || !nps_sum_pair_possible(&t->wsum[i], &t->wsq[i], t->weighted[i]))
        return NPS_E_REMOVE;
    if (t->wsum[i].inexact || t->wsq[i].inexact)
        return NPS_E_INEXACT;
    return NPS_OK;
}

nps_status nps_scale_remove_weighted(nps_scale_state *s, int64_t score, double weight)
{
    int i;
    nps_status st = check_weighted(s, score, weight, &i);
    if (st != NPS_OK)
        return st;
    if (s->weighted[i] <= 0)
        return NPS_E_REMOVE;
    nps_scale_state t = *s;
    t.count[i]--;
    t.rows--;
    if (--t.weighted[i] == 0) {
        clear_sums(&t, i);
    } else {
        if (t.wsum[i].inexact || t.wsq[i].inexact)
            return NPS_E_INEXACT;
        st = nps_sum_add(&t.wsum[i], weight, -1);
        if (st == NPS_OK)
            st = nps_sum_add_square(&t.wsq[i], weight, -1);
        if ((st = taken_out(&t, i, st)) != NPS_OK)
            return st;
    }
    *s = t;
    return NPS_OK;
}

nps_status nps_scale_merge(nps_scale_state *dst, const nps_scale_state *src)
{
    nps_scale_state t = *dst;
    for (int i = 0; i < NPS_SCALE_MAX; i++) {
        if (__builtin_add_overflow(t.count[i], src->count[i], &t.count[i]) ||
            __builtin_add_overflow(t.weighted[i], src->weighted[i], &t.weighted[i]))
            return NPS_E_OVERFLOW;
        if (src->weighted[i] != 0) {
            nps_sum_merge(&t.wsum[i], &src->wsum[i], 1);
            nps_sum_merge(&t.wsq[i], &src->wsq[i], 1);
        }
    }
    if (__builtin_add_overflow(t.rows, src->rows, &t.rows) || t.rows > NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    *dst = t;
    return NPS_OK;
}

nps_status nps_scale_unmerge(nps_scale_state *dst, const nps_scale_state *src)
{
    nps_scale_state t = *dst;
    for (int i = 0; i < NPS_SCALE_MAX; i++) {
        if (src->count[i] > t.count[i] || src->weighted[i] > t.weighted[i])
            return NPS_E_REMOVE;
        t.count[i] -= src->count[i];
        if (src->weighted[i] != 0) {
            t.weighted[i] -= src->weighted[i];
            if (t.weighted[i] == 0) {
                clear_sums(&t, i);
            } else {
                if (t.wsum[i].inexact || t.wsq[i].inexact || src->wsum[i].inexact ||
                    src->wsq[i].inexact)
                    return NPS_E_INEXACT;
                nps_status st = nps_sum_merge(&t.wsum[i], &src->wsum[i], -1);
                if (st == NPS_OK)
                    st = nps_sum_merge(&t.wsq[i], &src->wsq[i], -1);
                if ((st = taken_out(&t, i, st)) != NPS_OK)
                    return st;
            }
        }
        if (t.count[i] < t.weighted[i]) /* took out unweighted rows it did not hold */
            return NPS_E_REMOVE;
    }
    t.rows -= src->rows;
    *dst = t;
    return NPS_OK;
}
