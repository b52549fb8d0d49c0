/* infer.c -- sample sizes, detectable effects, p-values, intervals of a change, rests (I1-I5). */
#include "internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Rounding that percent arithmetic may leave in shares that add up to 100. */
#define SHARES_SLACK 1e-9

/* Fail with st, naming the number v. */
static nps_status bad(nps_status st, double v, char *value)
{
    nps_render_double(v, value, NPS_VALUE_MAX);
    return st;
}

nps_status nps_alternative_from_text(const char *text, size_t len, nps_alternative *alt)
{
    static const char *const names[] = {"two-sided", "greater", "less"};
    for (int i = 0; i < 3; i++)
        if (len == strlen(names[i]) && memcmp(text, names[i], len) == 0) {
            *alt = (nps_alternative)i;
            return NPS_OK;
        }
    return NPS_E_ALTERNATIVE;
}

/* V of I1: from the expected shares in percent, or 1 (the worst case). */
static nps_status expected_variance(const double *shares, double *v, char *value)
{
    if (shares == NULL) {
        *v = 1.0;
        return NPS_OK;
    }
    for (int i = 0; i < 2; i++)
        if (!(shares[i] >= 0.0 && shares[i] <= 100.0))
            return bad(NPS_E_SHARE, shares[i], value);
    if (shares[0] + shares[1] > 100.0 + SHARES_SLACK) {
        char p[NPS_VALUE_MAX / 2 - 4], d[NPS_VALUE_MAX / 2 - 4];
        nps_render_double(shares[0], p, sizeof p);
        nps_render_double(shares[1], d, sizeof d);
        snprintf(value, NPS_VALUE_MAX, "%s and %s", p, d);
        return NPS_E_SHARES_SUM;
    }
    *v = nps_variance(shares[0] / 100.0, shares[1] / 100.0);
    return NPS_OK;
}

nps_status nps_sample_size(double margin, double confidence, const double *shares, int64_t *out,
                           char *value)
{
    double z, v;
    if (!(isfinite(margin) && margin > 0.0))
        return bad(NPS_E_MARGIN, margin, value);
    if (nps_z_for_confidence(confidence, &z) != NPS_OK)
        return bad(NPS_E_CONFIDENCE, confidence, value);
    nps_status st = expected_variance(shares, &v, value);
    if (st != NPS_OK)
        return st;
    double m = margin / 100.0;
    double need = ceil(z * z * v / (m * m) - 3.0);
    if (!(need <= (double)NPS_MAX_ROWS))
        return bad(NPS_E_MARGIN_SMALL, margin, value);
    *out = need >= 1.0 ? (int64_t)need : 1;
    return NPS_OK;
}

nps_status nps_mde(double n_a, double n_b, double alpha, double power, const double *shares,
                   double *out, char *value)
{
    double v;
    if (!(isfinite(n_a) && n_a >= 1.0))
        return bad(NPS_E_SIZE, n_a, value);
    if (!(isfinite(n_b) && n_b >= 1.0))
        return bad(NPS_E_SIZE, n_b, value);
    if (!(alpha > 0.0 && alpha < 1.0))
        return bad(NPS_E_ALPHA, alpha, value);
    if (!(power > 0.0 && power < 1.0))
        return bad(NPS_E_POWER, power, value);
    nps_status st = expected_variance(shares, &v, value);
    if (st != NPS_OK)
        return st;
    double z = -nps_normal_quantile(alpha / 2.0) + nps_normal_quantile(power);
    double mde = z * sqrt(v / n_a + v / n_b) * 100.0;
    *out = mde > 0.0 ? mde : 0.0;
    return NPS_OK;
}

/* p-value of a difference diff with standard error se (points) under alt (I3). */
static double p_of(double diff, double se, nps_alternative alt)
{
    if (se == 0.0) {
        if (alt == NPS_ALT_TWO_SIDED)
            return diff == 0.0 ? 1.0 : 0.0;
        return (alt == NPS_ALT_GREATER ? diff > 0.0 : diff < 0.0) ? 0.0 : 1.0;
    }
    if (alt == NPS_ALT_TWO_SIDED)
        return erfc(fabs(diff) / se / sqrt(2.0));
    /* P(Z >= z) for 'greater', P(Z <= z) for 'less': half of the above on H1's side */
    return 0.5 * erfc((alt == NPS_ALT_GREATER ? diff : -diff) / se / sqrt(2.0));
}

/* Standard error of a shape's NPS in points (R7). */
static double se_points(const nps_shape *sh)
{
    return 100.0 * sqrt(nps_variance(sh->p, sh->d) / sh->n);
}

nps_status nps_pvalue_alt(const nps_state *a, const nps_state *b, nps_alternative alt, double *out)
{
    nps_shape sa, sb;
    if (nps_shape_of(a, &sa) != NPS_OK || nps_shape_of(b, &sb) != NPS_OK)
        return NPS_EMPTY;
    double diff = 100.0 * ((sa.p - sa.d) - (sb.p - sb.d));
    double ea = se_points(&sa), eb = se_points(&sb);
    *out = p_of(diff, sqrt(ea * ea + eb * eb), alt);
    return NPS_OK;
}

nps_status nps_pvalue_target(const nps_state *a, double target, nps_alternative alt, double *out,
                             char *value)
{
    nps_shape sa;
    if (!(target >= -100.0 && target <= 100.0))
        return bad(NPS_E_TARGET, target, value);
    if (nps_shape_of(a, &sa) != NPS_OK)
        return NPS_EMPTY;
    *out = p_of(100.0 * (sa.p - sa.d) - target, se_points(&sa), alt);
    return NPS_OK;
}

nps_status nps_diff_ci(const nps_state *a, const nps_state *b, double confidence, double *lower,
                       double *upper, char *value)
{
    double z;
    nps_shape sa, sb, aa, ab;
    if (nps_z_for_confidence(confidence, &z) != NPS_OK)
        return bad(NPS_E_CONFIDENCE, confidence, value);
    if (nps_shape_of(a, &sa) != NPS_OK || nps_shape_of(b, &sb) != NPS_OK)
        return NPS_EMPTY;
    nps_adjusted_shape(&sa, &aa);
    nps_adjusted_shape(&sb, &ab);
    double change = (ab.p - ab.d) - (aa.p - aa.d);
    double half = z * sqrt(nps_variance(aa.p, aa.d) / aa.n + nps_variance(ab.p, ab.d) / ab.n);
    *lower = fmin(fmax(100.0 * (change - half), -200.0), 200.0);
    *upper = fmin(fmax(100.0 * (change + half), -200.0), 200.0);
    return NPS_OK;
}

nps_status nps_state_rest(const nps_state *total, const nps_state *part, nps_state *rest,
                          char *value)
{
    nps_state t = *total;
    nps_status st = nps_unmerge(&t, part);
    if (st == NPS_OK) {
        *rest = t;
        return NPS_OK;
    }
    if (st == NPS_E_INEXACT)
        return NPS_E_PART_INEXACT;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (part->count[i] > total->count[i]) {
            snprintf(value, NPS_VALUE_MAX, "score %d: %" PRId64 " in the part, %" PRId64 " in the total",
                     i, part->count[i], total->count[i]);
            return NPS_E_NOT_PART;
        }
    snprintf(value, NPS_VALUE_MAX, "the weights of the part");
    return NPS_E_NOT_PART;
}
