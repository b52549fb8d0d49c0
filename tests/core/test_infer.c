/* test_infer.c -- sample sizes, detectable effects, p-values, intervals of a change, rests (I1-I5).
 */
#include "helpers.h"

/* Normal quantiles to 20 digits (Abramowitz & Stegun, 26.2; recomputed with
 * mpmath at 30 digits), independent of core/normal.c. */
#define Z975 1.9599639845400542355
#define Z95 1.6448536269514727149
#define Z80 0.84162123357291420518
#define Z90 1.2815515655446004670

/* V of I1 and R7, written out here. */
static double v_of(double p, double d)
{
    return p + d - (p - d) * (p - d);
}

/* A share pair {promoter, detractor} in percent. */
static const double shares_50_20[2] = {50.0, 20.0};

/* I1: the worked example of SPEC.md: 1.95996^2 / 0.05^2 - 3 = 1533.58 -> 1534. */
TEST(sample_size_worst_case)
{
    int64_t n = 0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_sample_size(5.0, 0.95, NULL, &n, value), NPS_OK);
    assert_int_equal(n, 1534);
    /* 90%, 3 points: 1.64485^2 / 0.0009 - 3 = 3003.16 -> 3004 */
    assert_int_equal(nps_sample_size(3.0, 0.90, NULL, &n, value), NPS_OK);
    assert_int_equal(n, 3004);
    /* the formula written out at 99% and 2.5 points */
    double z99 = 2.5758293035489004;
    assert_int_equal(nps_sample_size(2.5, 0.99, NULL, &n, value), NPS_OK);
    assert_int_equal(n, (int64_t)ceil(z99 * z99 / (0.025 * 0.025) - 3.0));
}

/* I1: expected shares: p 0.5, d 0.2 give V = 0.7 - 0.09 = 0.61;
 * 3.8414588 x 0.61 / 0.0025 - 3 = 934.32 -> 935.  p 0.6, d 0.1: V = 0.45,
 * 3.8414588 x 0.45 / 0.01 - 3 = 169.87 -> 170. */
TEST(sample_size_with_shares)
{
    int64_t n = 0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_sample_size(5.0, 0.95, shares_50_20, &n, value), NPS_OK);
    assert_int_equal(n, 935);
    const double s2[2] = {60.0, 10.0};
    assert_int_equal(nps_sample_size(10.0, 0.95, s2, &n, value), NPS_OK);
    assert_int_equal(n, 170);
    /* shares that add up to 100 through rounding are accepted */
    const double s3[2] = {60.1, 39.9};
    assert_int_equal(nps_sample_size(10.0, 0.95, s3, &n, value), NPS_OK);
    assert_int_equal(n, (int64_t)ceil(Z975 * Z975 * v_of(0.601, 0.399) / 0.01 - 3.0));
}

/* I1: never below 1: a wide margin (100: 3.84 - 3 = 0.84 -> 1; 150: -1.3
 * -> 1) and zero variance (all promoters expected). */
TEST(sample_size_at_least_one)
{
    int64_t n = 0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_sample_size(100.0, 0.95, NULL, &n, value), NPS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(nps_sample_size(150.0, 0.95, NULL, &n, value), NPS_OK);
    assert_int_equal(n, 1);
    const double all[2] = {100.0, 0.0};
    assert_int_equal(nps_sample_size(1.0, 0.95, all, &n, value), NPS_OK);
    assert_int_equal(n, 1);
    /* 0.001 points: 3.84e10 - 3, well within a bigint */
    assert_int_equal(nps_sample_size(0.001, 0.95, NULL, &n, value), NPS_OK);
    assert_int_equal(n, (int64_t)ceil(Z975 * Z975 / 1e-10 - 3.0));
}

/* I1: every error names its value. */
TEST(sample_size_errors)
{
    int64_t n = 7;
    char value[NPS_VALUE_MAX];
    const double margins[] = {0.0, -1.0, NAN, INFINITY, -INFINITY};
    const char *rendered[] = {"0", "-1", "NaN", "Infinity", "-Infinity"};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(nps_sample_size(margins[i], 0.95, NULL, &n, value), NPS_E_MARGIN);
        assert_string_equal(value, rendered[i]);
    }
    assert_int_equal(nps_sample_size(1e-10, 0.95, NULL, &n, value), NPS_E_MARGIN_SMALL);
    assert_string_equal(value, "1e-10");
    assert_int_equal(nps_sample_size(5.0, 1.0, NULL, &n, value), NPS_E_CONFIDENCE);
    assert_string_equal(value, "1");
    const double neg[2] = {-1.0, 20.0}, big[2] = {50.0, 100.5}, sum[2] = {60.0, 50.0};
    assert_int_equal(nps_sample_size(5.0, 0.95, neg, &n, value), NPS_E_SHARE);
    assert_string_equal(value, "-1");
    assert_int_equal(nps_sample_size(5.0, 0.95, big, &n, value), NPS_E_SHARE);
    assert_string_equal(value, "100.5");
    assert_int_equal(nps_sample_size(5.0, 0.95, sum, &n, value), NPS_E_SHARES_SUM);
    assert_string_equal(value, "60 and 50");
    const double nan[2] = {NAN, 1.0};
    assert_int_equal(nps_sample_size(5.0, 0.95, nan, &n, value), NPS_E_SHARE);
    assert_string_equal(value, "NaN");
    assert_int_equal(n, 7); /* untouched */
}

/* I2: SPEC's example: (1.959964 + 0.841621) x sqrt(2 / 1000) x 100 = 12.529070. */
TEST(mde_worst_case)
{
    double m = 0.0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_mde(1000.0, 1000.0, 0.05, 0.8, NULL, &m, value), NPS_OK);
    assert_near(m, 12.529069984918345, 1e-12);
    /* alpha 0.1 and power 0.9 between 500 and 2000: (1.644854 + 1.281552) x
     * sqrt(1/500 + 1/2000) x 100 = 14.632026 */
    assert_int_equal(nps_mde(500.0, 2000.0, 0.10, 0.9, NULL, &m, value), NPS_OK);
    assert_near(m, 14.632025962480366, 1e-12);
    assert_near(m, (Z95 + Z90) * sqrt(1.0 / 500 + 1.0 / 2000) * 100.0, 1e-12);
    /* a fractional n (Kish's effective n) is allowed */
    assert_int_equal(nps_mde(412.5, 1.0, 0.05, 0.8, NULL, &m, value), NPS_OK);
    assert_near(m, (Z975 + Z80) * sqrt(1.0 / 412.5 + 1.0) * 100.0, 1e-12);
}

/* I2: shares: V = 0.61 at 400 and 400: 2.801585 x sqrt(1.22 / 400) x 100 = 15.472260. */
TEST(mde_with_shares)
{
    double m = 0.0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_mde(400.0, 400.0, 0.05, 0.8, shares_50_20, &m, value), NPS_OK);
    assert_near(m, 15.472260077236525, 1e-12);
    assert_near(m, (Z975 + Z80) * sqrt(v_of(0.5, 0.2) * (2.0 / 400)) * 100.0, 1e-12);
    const double all[2] = {0.0, 100.0};
    assert_int_equal(nps_mde(10.0, 10.0, 0.05, 0.8, all, &m, value), NPS_OK);
    assert_same_double(m, 0.0);
}

/* I2: a power at or below alpha / 2 detects any difference: 0, never negative. */
TEST(mde_low_power)
{
    double m = -1.0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_mde(100.0, 100.0, 0.5, 0.01, NULL, &m, value), NPS_OK);
    assert_same_double(m, 0.0);
    /* just above: (z_0.75 + z_0.3) > 0: 0.674490 - 0.524401 = 0.150089 */
    assert_int_equal(nps_mde(100.0, 100.0, 0.5, 0.3, NULL, &m, value), NPS_OK);
    assert_near(m, (0.67448975019608174 - 0.52440051270804067) * sqrt(0.02) * 100.0, 1e-9);
}

/* I2: every error names its value, in the order of the arguments. */
TEST(mde_errors)
{
    double m = 7.0;
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_mde(0.5, 10.0, 0.05, 0.8, NULL, &m, value), NPS_E_SIZE);
    assert_string_equal(value, "0.5");
    assert_int_equal(nps_mde(10.0, INFINITY, 0.05, 0.8, NULL, &m, value), NPS_E_SIZE);
    assert_string_equal(value, "Infinity");
    assert_int_equal(nps_mde(10.0, NAN, 0.05, 0.8, NULL, &m, value), NPS_E_SIZE);
    assert_string_equal(value, "NaN");
    assert_int_equal(nps_mde(10.0, 10.0, 0.0, 0.8, NULL, &m, value), NPS_E_ALPHA);
    assert_string_equal(value, "0");
    assert_int_equal(nps_mde(10.0, 10.0, 1.0, 0.8, NULL, &m, value), NPS_E_ALPHA);
    assert_string_equal(value, "1");
    assert_int_equal(nps_mde(10.0, 10.0, 0.05, 1.0, NULL, &m, value), NPS_E_POWER);
    assert_string_equal(value, "1");
    assert_int_equal(nps_mde(10.0, 10.0, 0.05, -0.2, NULL, &m, value), NPS_E_POWER);
    assert_string_equal(value, "-0.2");
    const double sum[2] = {70.0, 30.5};
    assert_int_equal(nps_mde(10.0, 10.0, 0.05, 0.8, sum, &m, value), NPS_E_SHARES_SUM);
    assert_string_equal(value, "70 and 30.5");
    assert_same_double(m, 7.0);
}

/* I3: the alternatives, spelled exactly. */
TEST(alternative_names)
{
    nps_alternative alt = NPS_ALT_LESS;
    assert_int_equal(nps_alternative_from_text("two-sided", 9, &alt), NPS_OK);
    assert_int_equal(alt, NPS_ALT_TWO_SIDED);
    assert_int_equal(nps_alternative_from_text("greater", 7, &alt), NPS_OK);
    assert_int_equal(alt, NPS_ALT_GREATER);
    assert_int_equal(nps_alternative_from_text("less", 4, &alt), NPS_OK);
    assert_int_equal(alt, NPS_ALT_LESS);
    const char *badnames[] = {"", "two.sided", "Greater", "less ", "les", "two-sided\0x"};
    const size_t lens[] = {0, 9, 7, 5, 3, 11};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(nps_alternative_from_text(badnames[i], lens[i], &alt), NPS_E_ALTERNATIVE);
}

/* I3: a (20 detractors, 30 passives, 50 promoters: NPS 30, se 100 sqrt(0.61 /
 * 100) = 7.8102) against b (30, 30, 40: NPS 10, se 100 sqrt(0.69 / 100) =
 * 8.3066): z = 20 / sqrt(130) = 1.754116; two-sided p 0.079411, greater
 * 0.039705, less 0.960295 (mpmath, 30 digits). */
TEST(pvalue_alternatives)
{
    nps_state a = counts_state(20, 30, 50), b = counts_state(30, 30, 40);
    double two, greater, less, p;
    assert_int_equal(nps_pvalue_alt(&a, &b, NPS_ALT_TWO_SIDED, &two), NPS_OK);
    assert_int_equal(nps_pvalue_alt(&a, &b, NPS_ALT_GREATER, &greater), NPS_OK);
    assert_int_equal(nps_pvalue_alt(&a, &b, NPS_ALT_LESS, &less), NPS_OK);
    assert_near(two, 0.079410625998942228, 1e-12);
    assert_near(greater, 0.039705312999471114, 1e-12);
    assert_near(less, 0.96029468700052889, 1e-12);
    /* one-sided is half the two-sided one in the direction of the difference */
    assert_same_double(greater, two / 2.0);
    assert_near(less, 1.0 - two / 2.0, 1e-15);
    /* swapped: the directions swap */
    assert_int_equal(nps_pvalue_alt(&b, &a, NPS_ALT_LESS, &p), NPS_OK);
    assert_same_double(p, greater);
    assert_int_equal(nps_pvalue_alt(&b, &a, NPS_ALT_GREATER, &p), NPS_OK);
    assert_near(p, less, 1e-15);
    /* R12's two-sided p-value is the same call */
    assert_int_equal(nps_pvalue(&a, &b, &p), NPS_OK);
    assert_same_double(p, two);
}

/* I3: zero variance: 0 on H1's side, else 1; empty states give NULL. */
TEST(pvalue_alternatives_degenerate)
{
    nps_state all_pro = counts_state(0, 0, 10), all_det = counts_state(5, 0, 0), empty;
    nps_state_init(&empty);
    double p = -1.0;
    assert_int_equal(nps_pvalue_alt(&all_pro, &all_det, NPS_ALT_GREATER, &p), NPS_OK);
    assert_same_double(p, 0.0);
    assert_int_equal(nps_pvalue_alt(&all_pro, &all_det, NPS_ALT_LESS, &p), NPS_OK);
    assert_same_double(p, 1.0);
    assert_int_equal(nps_pvalue_alt(&all_pro, &all_pro, NPS_ALT_GREATER, &p), NPS_OK);
    assert_same_double(p, 1.0);
    assert_int_equal(nps_pvalue_alt(&all_pro, &all_pro, NPS_ALT_TWO_SIDED, &p), NPS_OK);
    assert_same_double(p, 1.0);
    assert_int_equal(nps_pvalue_alt(&all_pro, &empty, NPS_ALT_LESS, &p), NPS_EMPTY);
    assert_int_equal(nps_pvalue_alt(&empty, &all_pro, NPS_ALT_LESS, &p), NPS_EMPTY);
}

/* I3: one state against a benchmark: a (NPS 30, se 7.810250) against 25:
 * z = 5 / 7.810250 = 0.640184; two-sided 0.522053, greater 0.261026, less
 * 0.738974 (mpmath). */
TEST(pvalue_target)
{
    nps_state a = counts_state(20, 30, 50);
    char value[NPS_VALUE_MAX];
    double two, greater, less;
    assert_int_equal(nps_pvalue_target(&a, 25.0, NPS_ALT_TWO_SIDED, &two, value), NPS_OK);
    assert_int_equal(nps_pvalue_target(&a, 25.0, NPS_ALT_GREATER, &greater, value), NPS_OK);
    assert_int_equal(nps_pvalue_target(&a, 25.0, NPS_ALT_LESS, &less, value), NPS_OK);
    assert_near(two, 0.52205272371528804, 1e-12);
    assert_near(greater, 0.26102636185764402, 1e-12);
    assert_near(less, 0.73897363814235598, 1e-12);
    /* the z written out: (30 - 25) / (100 sqrt(0.61 / 100)) */
    double z = 5.0 / (100.0 * sqrt(v_of(0.5, 0.2) / 100.0));
    assert_near(greater, 0.5 * erfc(z / sqrt(2.0)), 1e-14);
    /* at the target itself: z = 0 */
    assert_int_equal(nps_pvalue_target(&a, 30.0, NPS_ALT_GREATER, &greater, value), NPS_OK);
    assert_near(greater, 0.5, 1e-15);
    /* the bounds are allowed; zero variance compares the NPS with the target */
    nps_state all_pro = counts_state(0, 0, 4);
    assert_int_equal(nps_pvalue_target(&all_pro, 100.0, NPS_ALT_TWO_SIDED, &two, value), NPS_OK);
    assert_same_double(two, 1.0);
    assert_int_equal(nps_pvalue_target(&all_pro, -100.0, NPS_ALT_GREATER, &two, value), NPS_OK);
    assert_same_double(two, 0.0);
}

/* I3: a target outside -100..100 is an error naming it; empty is NULL. */
TEST(pvalue_target_errors)
{
    nps_state a = counts_state(20, 30, 50), empty;
    nps_state_init(&empty);
    char value[NPS_VALUE_MAX];
    double p = 3.0;
    assert_int_equal(nps_pvalue_target(&a, 100.5, NPS_ALT_LESS, &p, value), NPS_E_TARGET);
    assert_string_equal(value, "100.5");
    assert_int_equal(nps_pvalue_target(&a, NAN, NPS_ALT_LESS, &p, value), NPS_E_TARGET);
    assert_string_equal(value, "NaN");
    assert_int_equal(nps_pvalue_target(&empty, -101.0, NPS_ALT_LESS, &p, value), NPS_E_TARGET);
    assert_int_equal(nps_pvalue_target(&empty, 0.0, NPS_ALT_LESS, &p, value), NPS_EMPTY);
    assert_same_double(p, 3.0);
}

/* I4: a (20, 30, 50) and b (30, 30, 40), each with 0.75 / 1.5 / 0.75 added
 * (n 103): a' p = 50.75 / 103, d = 20.75 / 103; b' p = 40.75 / 103, d =
 * 30.75 / 103.  At 95%: -41.386547 .. 2.551596; at 90%: -37.854502 ..
 * -0.980450 (mpmath, 30 digits). */
TEST(diff_ci_counts)
{
    nps_state a = counts_state(20, 30, 50), b = counts_state(30, 30, 40);
    char value[NPS_VALUE_MAX];
    double lo, hi;
    assert_int_equal(nps_diff_ci(&a, &b, 0.95, &lo, &hi, value), NPS_OK);
    assert_near(lo, -41.38654743913794, 1e-12);
    assert_near(hi, 2.5515959828272609, 1e-12);
    double pa = 50.75 / 103, da = 20.75 / 103, pb = 40.75 / 103, db = 30.75 / 103;
    double change = (pb - db) - (pa - da);
    double half = Z975 * sqrt(v_of(pa, da) / 103 + v_of(pb, db) / 103);
    assert_near(lo, 100.0 * (change - half), 1e-12);
    assert_near(hi, 100.0 * (change + half), 1e-12);
    assert_int_equal(nps_diff_ci(&a, &b, 0.90, &lo, &hi, value), NPS_OK);
    assert_near(lo, -37.854501902922913, 1e-12);
    assert_near(hi, -0.98044955338776663, 1e-12);
    /* the change the other way round: the interval mirrored */
    double lo2, hi2;
    assert_int_equal(nps_diff_ci(&b, &a, 0.90, &lo2, &hi2, value), NPS_OK);
    assert_near(lo2, -hi, 1e-12);
    assert_near(hi2, -lo, 1e-12);
}

/* I4: weighted states use Kish's n, as R9 does: the reference state
 * (detractor 1.5, passive 1, promoters 2 and 0.5) has sum w = 5, sum w^2 =
 * 7.5, n = 25 / 7.5 = 10/3; shares scaled to it, plus the pseudo-responses. */
TEST(diff_ci_weighted)
{
    nps_state w = weighted_reference(), b = counts_state(1, 1, 1);
    char value[NPS_VALUE_MAX];
    double lo, hi;
    assert_int_equal(nps_diff_ci(&w, &b, 0.95, &lo, &hi, value), NPS_OK);
    double n = 25.0 / 7.5, na = n + 3.0, nb = 6.0;
    double pa = (2.5 / 5.0 * n + 0.75) / na, da = (1.5 / 5.0 * n + 0.75) / na;
    double pb = 1.75 / nb, db = 1.75 / nb;
    double change = (pb - db) - (pa - da);
    double half = Z975 * sqrt(v_of(pa, da) / na + v_of(pb, db) / nb);
    assert_near(lo, 100.0 * (change - half), 1e-12);
    assert_near(hi, 100.0 * (change + half), 1e-12);
    /* its own R9 interval is the one-state case of the same adjustment */
    double ci_lo = measure(&w, NPS_M_CI_LOWER, 0.95);
    assert_near(ci_lo, 100.0 * ((pa - da) - Z975 * sqrt(v_of(pa, da) / na)), 1e-12);
}

/* I4: clipped to -200..200; a bad confidence names itself; empty is NULL. */
TEST(diff_ci_clip_and_errors)
{
    nps_state det = counts_state(1, 0, 0), pro = counts_state(0, 0, 1), empty;
    nps_state_init(&empty);
    char value[NPS_VALUE_MAX];
    double lo = 5.0, hi = 5.0;
    /* one row each: change 0.5 +- 4.89 x sqrt(2 x 0.5625 / 4) = 0.5 +- 2.59: both clipped */
    assert_int_equal(nps_diff_ci(&det, &pro, 0.999999, &lo, &hi, value), NPS_OK);
    assert_same_double(lo, -200.0);
    assert_same_double(hi, 200.0);
    assert_int_equal(nps_diff_ci(&det, &pro, 0.0, &lo, &hi, value), NPS_E_CONFIDENCE);
    assert_string_equal(value, "0");
    assert_int_equal(nps_diff_ci(&empty, &pro, 1.5, &lo, &hi, value), NPS_E_CONFIDENCE);
    assert_string_equal(value, "1.5");
    lo = hi = 5.0;
    assert_int_equal(nps_diff_ci(&empty, &pro, 0.95, &lo, &hi, value), NPS_EMPTY);
    assert_int_equal(nps_diff_ci(&pro, &empty, 0.95, &lo, &hi, value), NPS_EMPTY);
    assert_same_double(lo, 5.0);
}

/* I5: the rest of a total: counts taken out score by score. */
TEST(state_rest_counts)
{
    nps_state total = counts_state(20, 30, 50), part = counts_state(5, 10, 25), rest, want;
    memset(&want, 0, sizeof want);
    for (int i = 0; i < NPS_NSCORES; i++)
        want.count[i] = total.count[i] - part.count[i];
    fix_rows(&want);
    char value[NPS_VALUE_MAX];
    assert_int_equal(nps_state_rest(&total, &part, &rest, value), NPS_OK);
    assert_state_equal(&rest, &want);
    /* total minus itself: no rows */
    nps_state none;
    nps_state_init(&none);
    assert_int_equal(nps_state_rest(&total, &total, &rest, value), NPS_OK);
    assert_state_equal(&rest, &none);
    /* weighted: the reference minus one of its rows (the 0.5 promoter) */
    nps_state w = weighted_reference(), one, wrest, wwant;
    nps_state_init(&one);
    nps_state_init(&wwant);
    assert_int_equal(nps_add_weighted(&one, 10, 0.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&wwant, 0, 1.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&wwant, 7, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&wwant, 9, 2.0), NPS_OK);
    assert_int_equal(nps_state_rest(&w, &one, &wrest, value), NPS_OK);
    assert_state_equal(&wrest, &wwant);
}

/* I5: a part the total does not hold names the first score it lacks. */
TEST(state_rest_errors)
{
    nps_state total = counts_state(20, 30, 50), part = counts_state(5, 40, 25);
    nps_state rest = sentinel_state(), keep = sentinel_state();
    char value[NPS_VALUE_MAX];
    /* counts_state puts passives on 7 and 8: 40 split 20 + 20 against 15 + 15 */
    assert_int_equal(nps_state_rest(&total, &part, &rest, value), NPS_E_NOT_PART);
    char want[NPS_VALUE_MAX];
    snprintf(want, sizeof want, "score 7: %lld in the part, %lld in the total",
             (long long)part.count[7], (long long)total.count[7]);
    assert_string_equal(value, want);
    assert_state_equal(&rest, &keep);
    /* a weighted part against unweighted rows of the same scores */
    nps_state w;
    nps_state_init(&w);
    assert_int_equal(nps_add_weighted(&w, 9, 2.0), NPS_OK);
    nps_state plain;
    nps_state_init(&plain);
    assert_int_equal(nps_add(&plain, 9), NPS_OK);
    assert_int_equal(nps_state_rest(&plain, &w, &rest, value), NPS_E_NOT_PART);
    assert_string_equal(value, "the weights of the part");
}

/* The texts of the new statuses, with their SQLSTATEs. */
TEST(infer_messages)
{
    message_is(NPS_E_MARGIN, "f", "0", "f: margin 0 is not a finite number > 0");
    message_is(NPS_E_MARGIN_SMALL, "f", "1e-10", "f: margin 1e-10 needs more than 2^62 responses");
    message_is(NPS_E_SHARE, "f", "101", "f: share 101 is outside 0..100");
    message_is(NPS_E_SHARES_SUM, "f", "60 and 50",
               "f: promoter and detractor shares 60 and 50 add up to more than 100");
    message_is(NPS_E_ALPHA, "f", "0", "f: alpha 0 is outside (0, 1)");
    message_is(NPS_E_POWER, "f", "1", "f: power 1 is outside (0, 1)");
    message_is(NPS_E_SIZE, "f", "0", "f: sample size 0 is not a finite number >= 1");
    message_is(NPS_E_ALTERNATIVE, "f", "'up'",
               "f: unknown alternative 'up' (known: two-sided, greater, less)");
    message_is(NPS_E_TARGET, "f", "120", "f: target nps 120 is outside -100..100");
    message_is(NPS_E_NOT_PART, "f", "score 9: 2 in the part, 1 in the total",
               "f: the part is not contained in the total (score 9: 2 in the part, 1 in the "
               "total)");
    message_is(NPS_E_PART_INEXACT, "f", "",
               "f: cannot take the part out of the total exactly: their weights span more "
               "than about 1e20");
    const nps_status range[] = {NPS_E_MARGIN,     NPS_E_MARGIN_SMALL, NPS_E_SHARE,
                                NPS_E_SHARES_SUM, NPS_E_ALPHA,        NPS_E_POWER,
                                NPS_E_SIZE,       NPS_E_TARGET,       NPS_E_PART_INEXACT};
    for (size_t i = 0; i < sizeof range / sizeof range[0]; i++)
        assert_string_equal(nps_sqlstate(range[i]), "22003");
    assert_string_equal(nps_sqlstate(NPS_E_ALTERNATIVE), "22023");
    assert_string_equal(nps_sqlstate(NPS_E_NOT_PART), "22023");
}
