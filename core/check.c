/* check.c -- the checks a state read from outside passes before use (R10, R11). */
#include "internal.h"

/* Lowest and highest binary exponent a sum of a state may reach: weights
 * whose squares are finite, at most 2^62 of them. */
#define SUM_EXP_MIN (-2 * 1074 - 64)
#define SUM_EXP_MAX (1024 + 64)

/* S^2 / Q of two sums, scale-free; 0 when Q is 0. */
static double square_ratio(const nps_sum *sum, const nps_sum *sq)
{
    int32_t es, eq;
    double ds = nps_sum_scaled(sum, &es), dq = nps_sum_scaled(sq, &eq);
    if (dq == 0.0)
        return 0.0;
    return nps_scale2(ds * ds / dq, 2.0 * es - eq);
}

/* True when a read sum's fields are in range: an exponent a state can reach
 * (checked before anything shifts the sum) and a 0/1 inexact mark. */
int nps_sum_well_formed(const nps_sum *x)
{
    return x->inexact <= 1 && x->exp >= SUM_EXP_MIN && x->exp <= SUM_EXP_MAX;
}

/* True when the sums of k weighted rows are possible: both 0, or, weights
 * w >= 0, sum w^2 <= (sum w)^2 <= k * sum w^2 (Cauchy-Schwarz), with room
 * for the rounding of the comparison. */
int nps_sum_pair_possible(const nps_sum *sum, const nps_sum *sq, int64_t k)
{
    if (nps_sum_is_zero(sum) != nps_sum_is_zero(sq))
        return 0;
    if (nps_sum_is_zero(sum))
        return 1;
    double r = square_ratio(sum, sq);
    return r >= 1.0 - 1e-12 && r <= (double)k * (1.0 + 1e-12);
}

int nps_sums_possible(const nps_state *s, int c)
{
    return nps_sum_pair_possible(&s->wsum[c], &s->wsq[c], s->weighted[c]);
}

/* One group of a decoded state: k weighted rows of rows, their sums in
 * range, zero without weighted rows, possible for k. */
int nps_group_possible(int64_t rows, int64_t k, const nps_sum *sum, const nps_sum *sq)
{
    if (k < 0 || k > rows)
        return 0;
    if (!nps_sum_well_formed(sum) || !nps_sum_well_formed(sq))
        return 0;
    if (nps_sum_exponent(sum) >= 512 + 63 || nps_sum_exponent(sq) >= 1024 + 63)
        return 0;
    if (k == 0 && (!nps_sum_is_zero(sum) || !nps_sum_is_zero(sq) || sum->inexact || sq->inexact))
        return 0;
    return nps_sum_pair_possible(sum, sq, k);
}

/* Checks a decoded or parsed state must pass before use (R11): counts within
 * the row limit, sums in range and possible for their counts. */
nps_status nps_check_state(nps_state *s)
{
    int64_t rows[NPS_NCATEGORIES] = {0, 0, 0}, total = 0;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (s->count[i] < 0 ||
            __builtin_add_overflow(rows[nps_category_of(i)], s->count[i],
                                   &rows[nps_category_of(i)]) ||
            __builtin_add_overflow(total, s->count[i], &total))
            return NPS_E_STATE_VALUE;
    if (total > NPS_MAX_ROWS)
        return NPS_E_STATE_VALUE;
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        if (!nps_group_possible(rows[c], s->weighted[c], &s->wsum[c], &s->wsq[c]))
            return NPS_E_STATE_VALUE;
    s->rows = total;
    return NPS_OK;
}
