/*
 * test_core.c -- cmocka unit tests of the scoring core (core/nps.h).
 *
 * Every test names the rule of core/nps.h it checks (R1..R13).  Expected
 * values come from the formulas in the header and SPEC.md worked by hand or
 * recomputed independently (high-precision arithmetic) when the tests were
 * written, never from the output of the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps.h"

/* Declare a cmocka test whose body takes no arguments. */
#define TEST(name)                                                                                 \
    static void name##_body(void);                                                                 \
    static void name(void **cm_state)                                                              \
    {                                                                                              \
        (void)cm_state;                                                                            \
        name##_body();                                                                             \
    }                                                                                              \
    static void name##_body(void)

/* Fail with both values unless got is within tol (relative, absolute below 1) of want. */
#define assert_near(got, want, tol) assert_near_at((got), (want), (tol), __FILE__, __LINE__)

/* Implementation of assert_near(); NaN never matches a number. */
static void assert_near_at(double got, double want, double tol, const char *file, int line)
{
    double lim = tol * fmax(1.0, fabs(want));
    if (isnan(want) && isnan(got))
        return;
    if (!(fabs(got - want) <= lim) && !(got == want)) {
        print_error("%s:%d: got %.17g, want %.17g (tol %g)\n", file, line, got, want, tol);
        _fail(file, line);
    }
}

/* Fail unless two doubles are the same bits (so 0.0 and -0.0 differ). */
#define assert_same_double(got, want) assert_same_double_at((got), (want), __FILE__, __LINE__)

/* Implementation of assert_same_double(). */
static void assert_same_double_at(double got, double want, const char *file, int line)
{
    if (memcmp(&got, &want, sizeof got) != 0) {
        print_error("%s:%d: got %.17g, want exactly %.17g\n", file, line, got, want);
        _fail(file, line);
    }
}

/* Fail unless two states are byte-for-byte identical. */
#define assert_state_equal(a, b) assert_memory_equal((a), (b), sizeof(nps_state))

/* Tolerance for results recomputed independently: different operation order. */
#define TOL 1e-12

/* A state whose bytes are all 0xA5: a sentinel to prove an output was not written. */
static nps_state sentinel_state(void)
{
    nps_state s;
    memset(&s, 0xA5, sizeof s);
    return s;
}

/* A state with d detractors, pa passives and pr promoters spread over the
 * scores of each category, built field by field (not through nps_add). */
static nps_state counts_state(int64_t d, int64_t pa, int64_t pr)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    for (int i = 0; i < 7; i++)
        s.count[i] = d / 7 + (i < d % 7);
    for (int i = 0; i < 2; i++)
        s.count[7 + i] = pa / 2 + (i < pa % 2);
    for (int i = 0; i < 2; i++)
        s.count[9 + i] = pr / 2 + (i < pr % 2);
    return s;
}

/* Fetch one measure, asserting the call succeeds. */
static double measure(const nps_state *s, nps_measure m, double confidence)
{
    double out = NAN;
    assert_int_equal(nps_compute(s, m, confidence, &out), NPS_OK);
    return out;
}

/* The weighted reference state: detractor weight 1.5, passive 1, promoters 2 and 0.5. */
static nps_state weighted_reference(void)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 0, 1.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 7, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 2.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 0.5), NPS_OK);
    return s;
}

/* ------------------------------------------------------------------ */
/* State basics, R2, R1 on the add path, R10 add/remove.               */
/* ------------------------------------------------------------------ */

/* nps_state_init clears every field, whatever was there before. */
TEST(test_state_init_clears_everything)
{
    nps_state s, zero;
    memset(&s, 0xFF, sizeof s);
    memset(&zero, 0, sizeof zero);
    nps_state_init(&s);
    assert_state_equal(&s, &zero);
    assert_int_equal(nps_rows(&s), 0);
}

/* R2: 0-6 detractor, 7-8 passive, 9-10 promoter. */
TEST(test_r2_category_of_every_score)
{
    static const int want[NPS_NSCORES] = {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
    for (int64_t score = 0; score <= 10; score++)
        assert_int_equal(nps_category_of(score), want[score]);
    assert_int_equal(NPS_DETRACTOR, 0);
    assert_int_equal(NPS_PASSIVE, 1);
    assert_int_equal(NPS_PROMOTER, 2);
}

/* R1/R10: adding a score counts exactly that score once. */
TEST(test_r1_add_counts_each_score_once)
{
    for (int64_t score = 0; score <= 10; score++) {
        nps_state s, want;
        nps_state_init(&s);
        memset(&want, 0, sizeof want);
        want.count[score] = 1;
        assert_int_equal(nps_add(&s, score), NPS_OK);
        assert_state_equal(&s, &want);
        assert_int_equal(nps_rows(&s), 1);
    }
}

/* R1: a score outside 0..10 is an error and counts nothing. */
TEST(test_r1_add_out_of_range_rejected)
{
    static const int64_t bad[] = {-1, 11, 12, 100, -10, INT64_MIN, INT64_MAX, INT64_MIN + 1};
    nps_state s = counts_state(1, 2, 3), before = s;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(nps_add(&s, bad[i]), NPS_E_SCORE_RANGE);
        assert_state_equal(&s, &before);
        assert_int_equal(nps_remove(&s, bad[i]), NPS_E_SCORE_RANGE);
        assert_state_equal(&s, &before);
    }
}

/* R10: removing what was added, in another order, restores the state exactly. */
TEST(test_r10_add_remove_round_trip_exact)
{
    static const int64_t seq[] = {0, 10, 9, 7, 7, 3, 6, 8, 10, 10, 1, 2, 4, 5, 9};
    size_t n = sizeof seq / sizeof seq[0];
    nps_state s = counts_state(4, 1, 2), start = s;
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nps_add(&s, seq[i]), NPS_OK);
    assert_int_equal(nps_rows(&s), 7 + (int64_t)n);
    assert_int_equal(s.count[10], 1 + 3);
    assert_int_equal(s.count[7], 1 + 2);
    for (size_t i = 0; i < n; i++) /* reverse-interleaved order */
        assert_int_equal(nps_remove(&s, seq[(i * 7) % n]), NPS_OK);
    assert_state_equal(&s, &start);
}

/* R10: removing from an empty state is NPS_E_REMOVE and changes nothing. */
TEST(test_r10_remove_from_empty)
{
    nps_state s, zero;
    nps_state_init(&s);
    memset(&zero, 0, sizeof zero);
    for (int64_t score = 0; score <= 10; score++) {
        assert_int_equal(nps_remove(&s, score), NPS_E_REMOVE);
        assert_state_equal(&s, &zero);
    }
}

/* R10: removing a score the state does not hold fails even if its category is held. */
TEST(test_r10_remove_absent_score)
{
    nps_state s, before;
    nps_state_init(&s);
    assert_int_equal(nps_add(&s, 9), NPS_OK);
    before = s;
    assert_int_equal(nps_remove(&s, 10), NPS_E_REMOVE);
    assert_state_equal(&s, &before);
    assert_int_equal(nps_remove(&s, 9), NPS_OK);
    assert_int_equal(nps_remove(&s, 9), NPS_E_REMOVE);
    assert_int_equal(nps_rows(&s), 0);
}

/* nps_rows counts every row, weighted or not, including weight 0. */
TEST(test_rows_counts_weighted_and_unweighted)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_rows(&s), 0);
    assert_int_equal(nps_add(&s, 3), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 8, 2.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 0.0), NPS_OK);
    assert_int_equal(nps_rows(&s), 3);
    nps_state big = counts_state(700, 200, 100);
    assert_int_equal(nps_rows(&big), 1000);
}

/* ------------------------------------------------------------------ */
/* R6: weights.                                                        */
/* ------------------------------------------------------------------ */

/* R6: finite weights >= 0 are accepted; negative, infinite and NaN are not. */
TEST(test_r6_check_weight)
{
    static const double good[] = {0.0, -0.0, 1.0, 0.5, 1e-300, 4.9406564584124654e-324, 1e300,
                                  DBL_MAX};
    static const double bad[] = {-1.0, -1e-300, -4.9406564584124654e-324, -DBL_MAX};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_int_equal(nps_check_weight(good[i]), NPS_OK);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(nps_check_weight(bad[i]), NPS_E_WEIGHT);
    assert_int_equal(nps_check_weight(INFINITY), NPS_E_WEIGHT);
    assert_int_equal(nps_check_weight(-INFINITY), NPS_E_WEIGHT);
    assert_int_equal(nps_check_weight(NAN), NPS_E_WEIGHT);
    assert_int_equal(nps_check_weight(-NAN), NPS_E_WEIGHT);
}

/* R6/R10: a weighted row updates the score count, the category's weighted
 * count and its sums of weights and squared weights. */
TEST(test_r6_add_weighted_fields)
{
    nps_state got = weighted_reference(), want;
    memset(&want, 0, sizeof want);
    want.count[0] = 1;
    want.count[7] = 1;
    want.count[9] = 1;
    want.count[10] = 1;
    want.weighted[NPS_DETRACTOR] = 1;
    want.weighted[NPS_PASSIVE] = 1;
    want.weighted[NPS_PROMOTER] = 2;
    want.wsum[NPS_DETRACTOR] = 1.5;
    want.wsum[NPS_PASSIVE] = 1.0;
    want.wsum[NPS_PROMOTER] = 2.5;
    want.wsq[NPS_DETRACTOR] = 2.25;
    want.wsq[NPS_PASSIVE] = 1.0;
    want.wsq[NPS_PROMOTER] = 4.25;
    assert_state_equal(&got, &want);
}

/* R6: a bad weight or score leaves the state unchanged; the weight is checked first. */
TEST(test_r6_add_weighted_rejects)
{
    nps_state s = weighted_reference(), before = s;
    static const double bad[] = {-1.0, -1e-300, INFINITY, -INFINITY, NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(nps_add_weighted(&s, 9, bad[i]), NPS_E_WEIGHT);
        assert_int_equal(nps_add_weighted(&s, 11, bad[i]), NPS_E_WEIGHT);
        assert_int_equal(nps_remove_weighted(&s, 9, bad[i]), NPS_E_WEIGHT);
        assert_state_equal(&s, &before);
    }
    assert_int_equal(nps_add_weighted(&s, 11, 1.0), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_add_weighted(&s, -1, 1.0), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_add_weighted(&s, INT64_MIN, 1.0), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_remove_weighted(&s, 11, 1.0), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_remove_weighted(&s, INT64_MAX, 1.0), NPS_E_SCORE_RANGE);
    assert_state_equal(&s, &before);
}

/* R10: removing every weighted row returns the sums to exactly +0, whatever
 * rounding the additions left behind. */
TEST(test_r10_remove_weighted_sums_back_to_zero)
{
    static const double w[] = {0.1, 0.2, 0.7, 1e-300, 3.3, 1e10, 0.3};
    size_t n = sizeof w / sizeof w[0];
    nps_state s, zero;
    nps_state_init(&s);
    memset(&zero, 0, sizeof zero);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(nps_add_weighted(&s, 9 + (int64_t)(i % 2), w[i]), NPS_OK);
        assert_int_equal(nps_add_weighted(&s, (int64_t)i, w[i]), NPS_OK);
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = (i * 3) % n; /* another order */
        assert_int_equal(nps_remove_weighted(&s, (int64_t)j, w[j]), NPS_OK);
    }
    for (size_t i = 0; i < n; i++) {
        size_t j = n - 1 - i;
        assert_int_equal(nps_remove_weighted(&s, 9 + (int64_t)(j % 2), w[j]), NPS_OK);
    }
    assert_state_equal(&s, &zero);
}

/* R10: weighted rows and unweighted rows of one category are undone independently. */
TEST(test_r10_remove_weighted_keeps_unweighted)
{
    nps_state s, want;
    nps_state_init(&s);
    assert_int_equal(nps_add(&s, 9), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 0.2), NPS_OK);
    assert_int_equal(nps_remove_weighted(&s, 10, 0.1), NPS_OK);
    assert_int_equal(nps_remove_weighted(&s, 10, 0.2), NPS_OK);
    memset(&want, 0, sizeof want);
    want.count[9] = 1;
    assert_state_equal(&s, &want);
    /* The remaining promoter is unweighted: no weighted row to remove. */
    assert_int_equal(nps_remove_weighted(&s, 9, 1.0), NPS_E_REMOVE);
    assert_state_equal(&s, &want);
}

/* R10: removing a weighted row the state does not hold is NPS_E_REMOVE, state unchanged. */
TEST(test_r10_remove_weighted_not_held)
{
    nps_state s, before;
    nps_state_init(&s);
    before = s;
    for (int64_t score = 0; score <= 10; score++) {
        assert_int_equal(nps_remove_weighted(&s, score, 1.0), NPS_E_REMOVE);
        assert_state_equal(&s, &before);
    }
    assert_int_equal(nps_add_weighted(&s, 9, 2.0), NPS_OK);
    before = s;
    assert_int_equal(nps_remove_weighted(&s, 10, 2.0), NPS_E_REMOVE); /* score 10 absent */
    assert_int_equal(nps_remove_weighted(&s, 0, 2.0), NPS_E_REMOVE);  /* other category */
    assert_state_equal(&s, &before);
}

/* ------------------------------------------------------------------ */
/* R3, R5, R7, R8, R9: results of a state.                              */
/* ------------------------------------------------------------------ */

static const nps_measure all_measures[] = {NPS_M_NPS,       NPS_M_PROMOTER_SHARE,
                                           NPS_M_PASSIVE_SHARE, NPS_M_DETRACTOR_SHARE,
                                           NPS_M_STDERR,    NPS_M_MOE,
                                           NPS_M_CI_LOWER,  NPS_M_CI_UPPER};
#define NMEASURES (sizeof all_measures / sizeof all_measures[0])

/* R5: a state with no rows gives NPS_EMPTY for every measure, never 0. */
TEST(test_r5_empty_state_every_measure)
{
    nps_state s;
    nps_state_init(&s);
    for (size_t i = 0; i < NMEASURES; i++) {
        double out = 12345.0;
        assert_int_equal(nps_compute(&s, all_measures[i], 0.95, &out), NPS_EMPTY);
    }
}

/* R5/R6: rows that all weigh 0 have a sum of weights of 0: every measure is NPS_EMPTY. */
TEST(test_r5_zero_weights_are_empty)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 0, 0.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 8, 0.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, -0.0), NPS_OK);
    assert_int_equal(nps_rows(&s), 3);
    for (size_t i = 0; i < NMEASURES; i++) {
        double out = 12345.0;
        assert_int_equal(nps_compute(&s, all_measures[i], 0.95, &out), NPS_EMPTY);
    }
}

/* R3/R7/R8: the reference (1 detractor, 2 passives, 3 promoters): NPS 100/3,
 * variance 5/9, stderr 100*sqrt(5/54). */
TEST(test_r3_r7_reference_1_2_3)
{
    nps_state s = counts_state(1, 2, 3);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 / 3.0, TOL);
    assert_near(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 50.0, TOL);
    assert_near(measure(&s, NPS_M_PASSIVE_SHARE, 0.95), 100.0 / 3.0, TOL);
    assert_near(measure(&s, NPS_M_DETRACTOR_SHARE, 0.95), 100.0 / 6.0, TOL);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 30.429030972509224, TOL);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt(5.0 / 9.0 / 6.0), TOL);
    /* stderr does not depend on the confidence */
    assert_near(measure(&s, NPS_M_STDERR, 0.5), 30.429030972509224, TOL);
}

/* R7: per-respondent variances p + d - (p - d)^2 of the published examples. */
TEST(test_r7_reference_variances)
{
    nps_state b = counts_state(1, 0, 1); /* variance 1 */
    nps_state c = counts_state(0, 1, 1); /* variance 1/4 */
    nps_state d = counts_state(1, 1, 1); /* variance 2/3 */
    assert_near(measure(&b, NPS_M_STDERR, 0.95), 100.0 * sqrt(1.0 / 2.0), TOL);
    assert_near(measure(&c, NPS_M_STDERR, 0.95), 100.0 * sqrt(0.25 / 2.0), TOL);
    assert_near(measure(&d, NPS_M_STDERR, 0.95), 100.0 * sqrt((2.0 / 3.0) / 3.0), TOL);
    assert_near(measure(&b, NPS_M_NPS, 0.95), 0.0, TOL);
    assert_near(measure(&c, NPS_M_NPS, 0.95), 50.0, TOL);
    assert_near(measure(&d, NPS_M_NPS, 0.95), 0.0, TOL);
    /* 1000 answers: 120 / 250 / 630 -> NPS 51, variance 0.4899 */
    nps_state l = counts_state(120, 250, 630);
    assert_near(measure(&l, NPS_M_NPS, 0.95), 51.0, TOL);
    assert_near(measure(&l, NPS_M_STDERR, 0.95), 100.0 * sqrt(0.4899 / 1000.0), TOL);
    assert_near(measure(&l, NPS_M_PROMOTER_SHARE, 0.95), 63.0, TOL);
    assert_near(measure(&l, NPS_M_PASSIVE_SHARE, 0.95), 25.0, TOL);
    assert_near(measure(&l, NPS_M_DETRACTOR_SHARE, 0.95), 12.0, TOL);
}

/* R3/R7: one category only: NPS -100, 0 or 100 and stderr 0. */
TEST(test_r3_single_category)
{
    nps_state pro = counts_state(0, 0, 5), det = counts_state(1, 0, 0), pas = counts_state(0, 4, 0);
    assert_near(measure(&pro, NPS_M_NPS, 0.95), 100.0, 0);
    assert_near(measure(&pro, NPS_M_PROMOTER_SHARE, 0.95), 100.0, 0);
    assert_near(measure(&pro, NPS_M_PASSIVE_SHARE, 0.95), 0.0, 0);
    assert_near(measure(&pro, NPS_M_DETRACTOR_SHARE, 0.95), 0.0, 0);
    assert_near(measure(&pro, NPS_M_STDERR, 0.95), 0.0, 0);
    assert_near(measure(&pro, NPS_M_MOE, 0.95), 0.0, 0);
    assert_near(measure(&det, NPS_M_NPS, 0.95), -100.0, 0);
    assert_near(measure(&det, NPS_M_DETRACTOR_SHARE, 0.95), 100.0, 0);
    assert_near(measure(&det, NPS_M_STDERR, 0.95), 0.0, 0);
    /* all passives: NPS 0, passive share 100, zero variance */
    assert_near(measure(&pas, NPS_M_NPS, 0.95), 0.0, 0);
    assert_near(measure(&pas, NPS_M_PASSIVE_SHARE, 0.95), 100.0, 0);
    assert_near(measure(&pas, NPS_M_PROMOTER_SHARE, 0.95), 0.0, 0);
    assert_near(measure(&pas, NPS_M_STDERR, 0.95), 0.0, 0);
    assert_near(measure(&pas, NPS_M_MOE, 0.99), 0.0, 0);
}

/* R3: promoter share - detractor share = NPS; the shares add up to 100; every
 * score lands in its category (each score alone). */
TEST(test_r3_shares_consistent_per_score)
{
    for (int64_t score = 0; score <= 10; score++) {
        nps_state s;
        nps_state_init(&s);
        assert_int_equal(nps_add(&s, score), NPS_OK);
        double want = score <= 6 ? -100.0 : score <= 8 ? 0.0 : 100.0;
        assert_near(measure(&s, NPS_M_NPS, 0.95), want, 0);
    }
    nps_state s = counts_state(17, 5, 29);
    double p = measure(&s, NPS_M_PROMOTER_SHARE, 0.95);
    double a = measure(&s, NPS_M_PASSIVE_SHARE, 0.95);
    double d = measure(&s, NPS_M_DETRACTOR_SHARE, 0.95);
    assert_near(p - d, measure(&s, NPS_M_NPS, 0.95), TOL);
    assert_near(p + a + d, 100.0, TOL);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 * 12.0 / 51.0, TOL);
}

/* Reference intervals: confidence, z*stderr, adjusted-Wald lower and upper. */
struct interval_ref {
    double confidence, moe, lower, upper;
};

/* Check MOE and adjusted-Wald bounds of s against a table. */
static void check_intervals(const nps_state *s, const struct interval_ref *ref, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_near(measure(s, NPS_M_MOE, ref[i].confidence), ref[i].moe, TOL);
        assert_near(measure(s, NPS_M_CI_LOWER, ref[i].confidence), ref[i].lower, TOL);
        assert_near(measure(s, NPS_M_CI_UPPER, ref[i].confidence), ref[i].upper, TOL);
    }
}

/* R8/R9: margin of error and adjusted-Wald interval of the (1,2,3) reference,
 * n' = 9, p' = 3.75/9, d' = 1.75/9; at 0.999 the upper bound is clipped to 100
 * and at 0.9999999 both bounds are clipped. */
TEST(test_r8_r9_reference_1_2_3)
{
    static const struct interval_ref ref[] = {
        {0.8, 38.99637228082434, -9.794584897243283, 54.239029341687726},
        {0.9, 50.051301959750504, -18.87090483543092, 63.31534927987536},
        {0.95, 59.63980479057189, -26.74325879410453, 71.18770323854898},
        {0.99, 78.37998965758635, -42.129328040483294, 86.57377248492773},
        {0.999, 100.1275398284364, -59.98450477658677, 100.0},
        {0.9999999, 162.087046123709, -100.0, 100.0},
    };
    nps_state s = counts_state(1, 2, 3);
    check_intervals(&s, ref, sizeof ref / sizeof ref[0]);
    /* The adjusted-Wald formula written out for 0.95. */
    double z = 1.9599639845400538, n2 = 9.0, p2 = 3.75 / n2, d2 = 1.75 / n2;
    double se2 = sqrt((p2 + d2 - (p2 - d2) * (p2 - d2)) / n2);
    assert_near(measure(&s, NPS_M_CI_LOWER, 0.95), 100.0 * (p2 - d2 - z * se2), TOL);
    assert_near(measure(&s, NPS_M_CI_UPPER, 0.95), 100.0 * (p2 - d2 + z * se2), TOL);
    assert_near(measure(&s, NPS_M_MOE, 0.95), z * 30.429030972509224, TOL);
}

/* R8/R9: other reference states, including zero-variance ones whose adjusted
 * interval still has a width, and clipping at either end. */
TEST(test_r9_more_intervals)
{
    static const struct interval_ref b[] = {
        {0.8, 90.61938024368233, -47.951268817516635, 47.951268817516635},
        {0.99, 182.13863677184494, -96.37870740692519, 96.37870740692519},
        {0.999, 232.67537655135246, -100.0, 100.0},
    };
    static const struct interval_ref all_pro[] = {
        {0.8, 0.0, 33.070492987663535, 91.92950701233646},
        {0.9, 0.0, 24.727636678774928, 100.0},
        {0.999, 0.0, -13.063545098217988, 100.0},
        {0.9999999, 0.0, -59.822708024105545, 100.0},
    };
    static const struct interval_ref all_pas[] = {
        {0.95, 0.0, -34.29222625968078, 34.29222625968078},
        {0.9999999, 0.0, -93.19825373265185, 93.19825373265185},
    };
    static const struct interval_ref one_det[] = {
        {0.95, 0.0, -98.49864942025202, 48.498649420252015},
        {0.99, 0.0, -100.0, 71.59359888308376},
        {0.9999999, 0.0, -100.0, 100.0},
    };
    static const struct interval_ref large[] = {
        {0.8, 2.8365458324904522, 48.01282856064548, 53.6820866935918},
        {0.95, 4.338122492804983, 46.51226657496863, 55.18264867926865},
        {0.999, 7.283148129076926, 43.569231008800614, 58.12568424543667},
    };
    nps_state sb = counts_state(1, 0, 1), sp = counts_state(0, 0, 5), sa = counts_state(0, 4, 0);
    nps_state sd = counts_state(1, 0, 0), sl = counts_state(120, 250, 630);
    check_intervals(&sb, b, sizeof b / sizeof b[0]);
    check_intervals(&sp, all_pro, sizeof all_pro / sizeof all_pro[0]);
    check_intervals(&sa, all_pas, sizeof all_pas / sizeof all_pas[0]);
    check_intervals(&sd, one_det, sizeof one_det / sizeof one_det[0]);
    check_intervals(&sl, large, sizeof large / sizeof large[0]);
}

/* R8: confidence defaults are the caller's; NPS_DEFAULT_CONFIDENCE is 0.95. */
TEST(test_r8_default_confidence)
{
    nps_state s = counts_state(1, 2, 3);
    assert_true(NPS_DEFAULT_CONFIDENCE == 0.95);
    assert_near(measure(&s, NPS_M_MOE, NPS_DEFAULT_CONFIDENCE), 59.63980479057188, TOL);
}

/* R8: MOE and CI reject a confidence outside (0, 1); the other measures ignore it. */
TEST(test_r8_invalid_confidence)
{
    static const double bad[] = {0.0, -0.0, 1.0, -0.5, 1.5, 95.0, INFINITY, -INFINITY, NAN};
    static const nps_measure uses[] = {NPS_M_MOE, NPS_M_CI_LOWER, NPS_M_CI_UPPER};
    static const nps_measure ignores[] = {NPS_M_NPS, NPS_M_PROMOTER_SHARE, NPS_M_PASSIVE_SHARE,
                                          NPS_M_DETRACTOR_SHARE, NPS_M_STDERR};
    nps_state s = counts_state(1, 2, 3);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        for (size_t j = 0; j < sizeof uses / sizeof uses[0]; j++) {
            double out = 0;
            assert_int_equal(nps_compute(&s, uses[j], bad[i], &out), NPS_E_CONFIDENCE);
        }
        for (size_t j = 0; j < sizeof ignores / sizeof ignores[0]; j++) {
            double out = 0;
            assert_int_equal(nps_compute(&s, ignores[j], bad[i], &out), NPS_OK);
        }
    }
    /* tiny and near-1 confidences are valid */
    double out;
    assert_int_equal(nps_compute(&s, NPS_M_MOE, 1e-9, &out), NPS_OK);
    assert_near(out, 1.2533141373155003e-09 * 30.429030972509224, 1e-9);
    assert_int_equal(nps_compute(&s, NPS_M_CI_UPPER, nextafter(1.0, 0.0), &out), NPS_OK);
    assert_near(out, 100.0, 0);
}

/* R6/R7: weighted NPS (2.5 - 1.5) / 5 = 20 %, Kish n_eff = 25 / 7.5, and the
 * adjusted-Wald pseudo counts added to n_eff. */
TEST(test_r7_weighted_reference)
{
    static const struct interval_ref ref[] = {
        {0.8, 61.193248537249445, -30.428950484385236, 51.481582063332624},
        {0.95, 93.58699755405449, -52.109358835058494, 73.16199041400586},
        {0.99, 122.99416348074556, -71.79091423007984, 92.8435458090272},
        {0.999, 157.12049792789935, -94.63090307922828, 100.0},
    };
    nps_state s = weighted_reference();
    assert_near(measure(&s, NPS_M_NPS, 0.95), 20.0, TOL);
    assert_near(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 50.0, TOL);
    assert_near(measure(&s, NPS_M_PASSIVE_SHARE, 0.95), 20.0, TOL);
    assert_near(measure(&s, NPS_M_DETRACTOR_SHARE, 0.95), 30.0, TOL);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt(0.76 / (25.0 / 7.5)), TOL);
    check_intervals(&s, ref, sizeof ref / sizeof ref[0]);
}

/* R6: in a mixed state unweighted rows weigh 1.  Weighted rows as above plus
 * unweighted 0, 10, 10, 10: W = 9, P = 5.5, D = 2.5, sum w^2 = 11.5. */
TEST(test_r6_mixed_weighted_unweighted)
{
    nps_state s = weighted_reference();
    assert_int_equal(nps_add(&s, 0), NPS_OK);
    assert_int_equal(nps_add(&s, 10), NPS_OK);
    assert_int_equal(nps_add(&s, 10), NPS_OK);
    assert_int_equal(nps_add(&s, 9), NPS_OK);
    double W = 9.0, p = 5.5 / W, a = 1.0 / W, d = 2.5 / W, neff = W * W / 11.5;
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 * 3.0 / 9.0, TOL);
    assert_near(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 100.0 * p, TOL);
    assert_near(measure(&s, NPS_M_PASSIVE_SHARE, 0.95), 100.0 * a, TOL);
    assert_near(measure(&s, NPS_M_DETRACTOR_SHARE, 0.95), 100.0 * d, TOL);
    double se = 100.0 * sqrt((p + d - (p - d) * (p - d)) / neff);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), se, TOL);
    assert_near(measure(&s, NPS_M_MOE, 0.9), 1.6448536269514729 * se, TOL);
    double n2 = neff + 3.0, p2 = (p * neff + 0.75) / n2, d2 = (d * neff + 0.75) / n2;
    double se2 = sqrt((p2 + d2 - (p2 - d2) * (p2 - d2)) / n2);
    assert_near(measure(&s, NPS_M_CI_LOWER, 0.9), 100.0 * (p2 - d2 - 1.6448536269514729 * se2),
                TOL);
    assert_near(measure(&s, NPS_M_CI_UPPER, 0.9), 100.0 * (p2 - d2 + 1.6448536269514729 * se2),
                TOL);
}

/* R6/R7: weight 1 on every row gives the unweighted results; scaling every
 * weight leaves every result unchanged. */
TEST(test_r7_unit_weights_and_scale_invariance)
{
    static const int64_t scores[] = {0, 3, 6, 6, 7, 8, 9, 9, 10, 10, 10, 9};
    nps_state u, w1, w3;
    nps_state_init(&u);
    nps_state_init(&w1);
    nps_state_init(&w3);
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        assert_int_equal(nps_add(&u, scores[i]), NPS_OK);
        assert_int_equal(nps_add_weighted(&w1, scores[i], 1.0), NPS_OK);
        assert_int_equal(nps_add_weighted(&w3, scores[i], 1e-3 * (double)(i + 1)), NPS_OK);
    }
    nps_state w3x = w3;
    /* the same weights times 1000 */
    nps_state_init(&w3x);
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++)
        assert_int_equal(nps_add_weighted(&w3x, scores[i], (double)(i + 1)), NPS_OK);
    for (size_t i = 0; i < NMEASURES; i++) {
        assert_near(measure(&w1, all_measures[i], 0.9), measure(&u, all_measures[i], 0.9), TOL);
        assert_near(measure(&w3, all_measures[i], 0.9), measure(&w3x, all_measures[i], 0.9), TOL);
    }
    /* 4 detractors, 2 passives, 6 promoters unweighted -> NPS 100*2/12 */
    assert_near(measure(&u, NPS_M_NPS, 0.95), 100.0 / 6.0, TOL);
}

/* R6: a weight-0 row counts as a row but changes no result. */
TEST(test_r6_zero_weight_rows_change_nothing)
{
    nps_state s = weighted_reference(), z = s;
    assert_int_equal(nps_add_weighted(&z, 0, 0.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&z, 3, 0.0), NPS_OK);
    assert_int_equal(nps_rows(&z), nps_rows(&s) + 2);
    for (size_t i = 0; i < NMEASURES; i++)
        assert_near(measure(&z, all_measures[i], 0.95), measure(&s, all_measures[i], 0.95), 0);
}

/* R3: large counts stay exact enough: 10^15 promoters and 10^15 detractors
 * and one passive give NPS 0; counts near INT64_MAX / 11 give finite results. */
TEST(test_r3_large_counts)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    s.count[10] = 1000000000000000;
    s.count[0] = 1000000000000000;
    s.count[8] = 1;
    assert_near(measure(&s, NPS_M_NPS, 0.95), 0.0, 1e-12);
    for (int i = 0; i < NPS_NSCORES; i++)
        s.count[i] = INT64_MAX / 11;
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 * (2.0 - 7.0) / 11.0, TOL);
    double se = measure(&s, NPS_M_STDERR, 0.95);
    assert_true(isfinite(se) && se > 0.0 && se < 1e-6);
    double lo = measure(&s, NPS_M_CI_LOWER, 0.95), hi = measure(&s, NPS_M_CI_UPPER, 0.95);
    assert_true(lo < hi);
    assert_near(lo, 100.0 * (2.0 - 7.0) / 11.0, 1e-6);
}

/* ------------------------------------------------------------------ */
/* R10: merge and unmerge.                                              */
/* ------------------------------------------------------------------ */

/* R10: merging adds counts, weighted counts and sums field by field. */
TEST(test_r10_merge_adds_fields)
{
    nps_state a = counts_state(3, 1, 4), b = weighted_reference(), want;
    assert_int_equal(nps_add(&b, 5), NPS_OK);
    want = a;
    for (int i = 0; i < NPS_NSCORES; i++)
        want.count[i] += b.count[i];
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        want.weighted[c] = b.weighted[c];
        want.wsum[c] = b.wsum[c];
        want.wsq[c] = b.wsq[c];
    }
    assert_int_equal(nps_merge(&a, &b), NPS_OK);
    assert_state_equal(&a, &want);
    assert_int_equal(nps_rows(&a), 8 + 5);
}

/* R10: merging with an empty state changes nothing, either way round. */
TEST(test_r10_merge_empty_is_identity)
{
    nps_state a = weighted_reference(), before = a, e, e2;
    assert_int_equal(nps_add(&a, 4), NPS_OK);
    before = a;
    nps_state_init(&e);
    assert_int_equal(nps_merge(&a, &e), NPS_OK);
    assert_state_equal(&a, &before);
    assert_int_equal(nps_unmerge(&a, &e), NPS_OK);
    assert_state_equal(&a, &before);
    nps_state_init(&e2);
    assert_int_equal(nps_merge(&e2, &a), NPS_OK);
    assert_state_equal(&e2, &before);
}

/* R10: merge order does not matter: counts exactly, sums exactly for two
 * states (addition commutes), results to rounding for three. */
TEST(test_r10_merge_order_independent)
{
    nps_state parts[3];
    parts[0] = counts_state(5, 2, 9);
    parts[1] = weighted_reference();
    nps_state_init(&parts[2]);
    assert_int_equal(nps_add_weighted(&parts[2], 10, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&parts[2], 1, 0.2), NPS_OK);
    assert_int_equal(nps_add_weighted(&parts[2], 9, 0.3), NPS_OK);
    assert_int_equal(nps_add(&parts[2], 8), NPS_OK);

    nps_state ab = parts[0], ba = parts[1];
    assert_int_equal(nps_merge(&ab, &parts[1]), NPS_OK);
    assert_int_equal(nps_merge(&ba, &parts[0]), NPS_OK);
    assert_state_equal(&ab, &ba);

    static const int perm[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                                   {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    nps_state first;
    for (int k = 0; k < 6; k++) {
        nps_state m;
        nps_state_init(&m);
        for (int j = 0; j < 3; j++)
            assert_int_equal(nps_merge(&m, &parts[perm[k][j]]), NPS_OK);
        if (k == 0) {
            first = m;
            continue;
        }
        assert_memory_equal(m.count, first.count, sizeof m.count);
        assert_memory_equal(m.weighted, first.weighted, sizeof m.weighted);
        for (int c = 0; c < NPS_NCATEGORIES; c++) {
            assert_near(m.wsum[c], first.wsum[c], 1e-15);
            assert_near(m.wsq[c], first.wsq[c], 1e-15);
        }
        for (size_t i = 0; i < NMEASURES; i++)
            assert_near(measure(&m, all_measures[i], 0.95), measure(&first, all_measures[i], 0.95),
                        TOL);
    }
    /* the merged state scores like the rows added one by one */
    assert_int_equal(nps_rows(&first), 16 + 4 + 4);
}

/* R10: a merged state computes what one state holding all rows computes. */
TEST(test_r10_merge_equals_single_pass)
{
    static const int64_t scores[] = {0, 1, 9, 10, 7, 7, 8, 6, 10, 9, 9, 3, 4, 10};
    nps_state all, left, right;
    nps_state_init(&all);
    nps_state_init(&left);
    nps_state_init(&right);
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        assert_int_equal(nps_add(&all, scores[i]), NPS_OK);
        assert_int_equal(nps_add(i % 3 ? &left : &right, scores[i]), NPS_OK);
    }
    assert_int_equal(nps_merge(&left, &right), NPS_OK);
    assert_state_equal(&left, &all);
}

/* R10: unmerge takes a merged state back out exactly (counts and, once no
 * weighted row remains, sums back to exactly 0). */
TEST(test_r10_unmerge_round_trip)
{
    nps_state a = counts_state(7, 3, 11), start = a, b = weighted_reference();
    assert_int_equal(nps_add_weighted(&b, 2, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&b, 9, 0.7), NPS_OK);
    assert_int_equal(nps_merge(&a, &b), NPS_OK);
    assert_int_equal(nps_unmerge(&a, &b), NPS_OK);
    assert_state_equal(&a, &start);
    /* and unweighted only: exact whatever the counts */
    nps_state c = counts_state(1000, 2000, 3000), cs = c, d = counts_state(999, 1, 3000);
    assert_int_equal(nps_merge(&c, &d), NPS_OK);
    assert_int_equal(nps_unmerge(&c, &d), NPS_OK);
    assert_state_equal(&c, &cs);
}

/* R10: unmerging what dst does not hold is NPS_E_REMOVE and leaves dst unchanged. */
TEST(test_r10_unmerge_not_held)
{
    nps_state dst = counts_state(1, 1, 1), before = dst, src = counts_state(1, 1, 1);
    src.count[10] = 1; /* dst holds one promoter at 9 only... */
    src.count[9] = 1;  /* ...src has one at 9 and one at 10 */
    assert_int_equal(nps_unmerge(&dst, &src), NPS_E_REMOVE);
    assert_state_equal(&dst, &before);
    /* weighted rows dst does not hold */
    nps_state w = weighted_reference();
    assert_int_equal(nps_unmerge(&dst, &w), NPS_E_REMOVE);
    assert_state_equal(&dst, &before);
    /* from an empty state */
    nps_state e, e0;
    nps_state_init(&e);
    e0 = e;
    assert_int_equal(nps_unmerge(&e, &before), NPS_E_REMOVE);
    assert_state_equal(&e, &e0);
}

/* R10: a merge whose counts would pass INT64_MAX is NPS_E_OVERFLOW and leaves
 * dst unchanged, whichever field overflows (the first, a middle or the last). */
TEST(test_r10_merge_overflow)
{
    for (int i = 0; i < NPS_NSCORES; i++) {
        nps_state dst, src, before;
        memset(&dst, 0, sizeof dst);
        memset(&src, 0, sizeof src);
        dst.count[i] = INT64_MAX - 1;
        src.count[i] = 2;
        src.count[(i + 5) % NPS_NSCORES] = 1; /* a field that alone would fit */
        before = dst;
        assert_int_equal(nps_merge(&dst, &src), NPS_E_OVERFLOW);
        assert_state_equal(&dst, &before);
        /* reaching exactly INT64_MAX fits */
        memset(&src, 0, sizeof src);
        src.count[i] = 1;
        assert_int_equal(nps_merge(&dst, &src), NPS_OK);
        assert_int_equal(dst.count[i], INT64_MAX);
        assert_int_equal(nps_rows(&dst), INT64_MAX);
        /* and one more overflows */
        before = dst;
        assert_int_equal(nps_merge(&dst, &src), NPS_E_OVERFLOW);
        assert_state_equal(&dst, &before);
    }
    /* INT64_MAX + INT64_MAX */
    nps_state a, b;
    memset(&a, 0, sizeof a);
    a.count[10] = INT64_MAX;
    b = a;
    nps_state before = a;
    assert_int_equal(nps_merge(&a, &b), NPS_E_OVERFLOW);
    assert_state_equal(&a, &before);
    /* weighted counts overflow too */
    nps_state wa = weighted_reference(), wb = weighted_reference();
    wa.count[9] = INT64_MAX - 1;
    wa.weighted[NPS_PROMOTER] = INT64_MAX - 1;
    nps_state wbefore = wa;
    assert_int_equal(nps_merge(&wa, &wb), NPS_E_OVERFLOW);
    assert_state_equal(&wa, &wbefore);
}

/* R10: merging a state into itself doubles it; unmerging it from itself empties it. */
TEST(test_r10_merge_self)
{
    nps_state a = counts_state(2, 3, 4), want = a;
    for (int i = 0; i < NPS_NSCORES; i++)
        want.count[i] *= 2;
    assert_int_equal(nps_merge(&a, &a), NPS_OK);
    assert_state_equal(&a, &want);
    nps_state w = weighted_reference(), zero;
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_unmerge(&w, &w), NPS_OK);
    assert_state_equal(&w, &zero);
}

/* ------------------------------------------------------------------ */
/* R1: checking scores given as doubles or as text.                    */
/* ------------------------------------------------------------------ */

/* R1: whole doubles 0..10 are scores; -0.0 is 0. */
TEST(test_r1_score_from_double_valid)
{
    for (int i = 0; i <= 10; i++) {
        int64_t score = -1;
        assert_int_equal(nps_score_from_double((double)i, &score), NPS_OK);
        assert_int_equal(score, i);
    }
    int64_t score = -1;
    assert_int_equal(nps_score_from_double(-0.0, &score), NPS_OK);
    assert_int_equal(score, 0);
    assert_int_equal(nps_score_from_double(7.0, &score), NPS_OK);
    assert_int_equal(score, 7);
}

/* R1: fractions, numbers outside 0..10, NaN and infinities are errors. */
TEST(test_r1_score_from_double_invalid)
{
    int64_t score = 42;
    assert_int_equal(nps_score_from_double(7.5, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(0.5, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(nextafter(7.0, 8.0), &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(nextafter(7.0, 6.0), &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(1e-300, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(11.0, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-1.0, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(1e300, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-1e300, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(9.3e18, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-9.3e18, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(INFINITY, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-INFINITY, &score), NPS_E_SCORE_RANGE);
    assert_int_not_equal(nps_score_from_double(NAN, &score), NPS_OK);
    assert_int_equal(score, 42); /* never written on error */
}

/* Check that text of length len parses to want; file and line are the caller's. */
static void text_ok_at(const char *text, size_t len, int64_t want, const char *file, int line)
{
    int64_t score = -1;
    nps_status st = nps_score_from_text(text, len, &score);
    if (st != NPS_OK || score != want) {
        print_error("%s:%d: text '%.*s' (len %zu): status %d score %lld, want %lld\n", file, line,
                    (int)len, text, len, (int)st, (long long)score, (long long)want);
        _fail(file, line);
    }
}

/* Check that text of length len is rejected with want_status and score untouched. */
static void text_bad_at(const char *text, size_t len, nps_status want_status, const char *file,
                        int line)
{
    int64_t score = 42;
    nps_status st = nps_score_from_text(text, len, &score);
    if (st != want_status || score != 42) {
        print_error("%s:%d: text '%.*s' (len %zu): status %d score %lld, want status %d\n", file,
                    line, (int)len, text, len, (int)st, (long long)score, (int)want_status);
        _fail(file, line);
    }
}

#define text_ok(t, len, want) text_ok_at((t), (len), (want), __FILE__, __LINE__)
#define text_bad(t, len, st) text_bad_at((t), (len), (st), __FILE__, __LINE__)
#define TEXT_OK(t, want) text_ok((t), sizeof(t) - 1, (want))
#define TEXT_BAD(t, st) text_bad((t), sizeof(t) - 1, (st))

/* R1: accepted text forms (CSV imports store scores as text). */
TEST(test_r1_score_from_text_valid)
{
    static const char *digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    for (int i = 0; i <= 10; i++)
        text_ok(digits[i], strlen(digits[i]), i);
    TEXT_OK(" 9 ", 9);
    TEXT_OK("\t9\n", 9);
    TEXT_OK("+3", 3);
    TEXT_OK("07", 7);
    TEXT_OK("007", 7);
    TEXT_OK("7.0", 7);
    TEXT_OK("7.00", 7);
    TEXT_OK("10.0", 10);
    TEXT_OK("-0", 0);
    TEXT_OK("+0", 0);
    TEXT_OK("9\r", 9);     /* a CSV line ending in CR LF */
    TEXT_OK("\r\n 8 \r\n", 8);
    TEXT_OK("7.", 7);
    TEXT_OK("10.000000000000000000000", 10);
}

/* R1: the header accepts "an exponent that keeps it whole". */
TEST(test_r1_score_from_text_exponent)
{
    TEXT_OK("1e1", 10);
    TEXT_OK("1E1", 10);
    TEXT_OK("7e0", 7);
    TEXT_OK("70e-1", 7);
    TEXT_OK("1.0e1", 10);
    TEXT_BAD("75e-1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("2e1", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e400", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e", NPS_E_SCORE_TEXT);
    TEXT_BAD("e1", NPS_E_SCORE_TEXT);
    TEXT_BAD("1e+", NPS_E_SCORE_TEXT);
}

/* R1: rejected text forms, with the status naming what is wrong. */
TEST(test_r1_score_from_text_invalid)
{
    TEXT_BAD("7.5", NPS_E_SCORE_FRACTION);
    TEXT_BAD("0.1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("11", NPS_E_SCORE_RANGE);
    TEXT_BAD("-1", NPS_E_SCORE_RANGE);
    TEXT_BAD("100", NPS_E_SCORE_RANGE);
    TEXT_BAD("99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("-99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("10.5", NPS_E_SCORE_FRACTION);
    TEXT_BAD("7.000000000000000000001", NPS_E_SCORE_FRACTION);
    TEXT_BAD("abc", NPS_E_SCORE_TEXT);
    TEXT_BAD("", NPS_E_SCORE_TEXT);
    TEXT_BAD(" ", NPS_E_SCORE_TEXT);
    TEXT_BAD("+", NPS_E_SCORE_TEXT);
    TEXT_BAD("-", NPS_E_SCORE_TEXT);
    TEXT_BAD(".", NPS_E_SCORE_TEXT);
    TEXT_BAD("7a", NPS_E_SCORE_TEXT);
    TEXT_BAD("7 7", NPS_E_SCORE_TEXT);
    TEXT_BAD("++7", NPS_E_SCORE_TEXT);
    TEXT_BAD("0x7", NPS_E_SCORE_TEXT);
    TEXT_BAD("7,0", NPS_E_SCORE_TEXT);
    TEXT_BAD("\"7\"", NPS_E_SCORE_TEXT);
    TEXT_BAD("7\xc2\xa0", NPS_E_SCORE_TEXT);
    TEXT_BAD("nan", NPS_E_SCORE_TEXT);
    TEXT_BAD("inf", NPS_E_SCORE_TEXT);
    TEXT_BAD("seven", NPS_E_SCORE_TEXT);
}

/* R1: the text is length-delimited: bytes past len are not read, an embedded
 * NUL is not a terminator. */
TEST(test_r1_score_from_text_length_delimited)
{
    text_ok("7x", 1, 7);
    text_ok("12", 1, 1);
    text_ok("10", 2, 10);
    text_bad("7\0", 2, NPS_E_SCORE_TEXT);
    text_bad("9", 0, NPS_E_SCORE_TEXT);
    /* a text that is not NUL-terminated at all */
    char buf[3] = {'1', '0', '5'};
    text_ok(buf, 2, 10);
    text_bad(buf, 3, NPS_E_SCORE_RANGE);
}

/* ------------------------------------------------------------------ */
/* R8: the normal quantile and tail.                                    */
/* ------------------------------------------------------------------ */

/* R8: z for the usual confidences, against Python's NormalDist().inv_cdf(0.5 + c/2)
 * to 1e-9, and to 1e-12 against sqrt(2) erfinv(c) in 50-digit arithmetic. */
TEST(test_r8_z_for_confidence)
{
    static const double exact[][2] = {
        {0.8, 1.2815515655446006},  {0.9, 1.6448536269514729},
        {0.95, 1.9599639845400538}, {0.99, 2.5758293035489004},
        {0.999, 3.2905267314918945}, {0.9999999, 5.326723886480144},
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
        double z = 0;
        assert_int_equal(nps_z_for_confidence(exact[i][0], &z), NPS_OK);
        assert_near(z, exact[i][1], 1e-12);
    }
    static const double ref[][2] = {
        {0.8, 1.2815515655446008},  {0.9, 1.6448536269514715},
        {0.95, 1.9599639845400536}, {0.99, 2.5758293035489},
        {0.999, 3.2905267314919255}, {0.5, 0.6744897501960817},
        {0.9999999, 5.326723886480144},
    };
    for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
        double z = 0;
        assert_int_equal(nps_z_for_confidence(ref[i][0], &z), NPS_OK);
        assert_near(z, ref[i][1], 1e-9);
    }
}

/* R8: a confidence outside (0, 1) is NPS_E_CONFIDENCE and z is not written. */
TEST(test_r8_z_invalid_confidence)
{
    static const double bad[] = {0.0, -0.0, 1.0, -0.1, 1.1, INFINITY, -INFINITY, NAN, 95.0};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double z = 12345.0;
        assert_int_equal(nps_z_for_confidence(bad[i], &z), NPS_E_CONFIDENCE);
        assert_true(z == 12345.0);
    }
}

/* p and the normal quantile of that double, from 50-digit root finding
 * (Python's NormalDist().inv_cdf agrees to 1e-15). */
static const double quantile_ref[][2] = {
    {1e-300, -37.0470962993612},
    {1e-100, -21.273453560965326},
    {1e-20, -9.262340089798407},
    {1e-10, -6.361340902404057},
    {1e-05, -4.264890793922825},
    {0.001, -3.0902323061678136},
    {0.02, -2.053748910631823},
    {0.02424, -1.9731366119445441},
    {0.02425, -1.972961051311885},
    {0.02426, -1.9727855514678605},
    {0.1, -1.2815515655446004},
    {0.25, -0.6744897501960817},
    {0.3, -0.5244005127080408},
    {0.4999, -0.00025066283008800747},
    {0.5, 0.0},
    {0.5001, 0.00025066283008800747},
    {0.7, 0.5244005127080407},
    {0.9, 1.2815515655446006},
    {0.97574, 1.9727855514678614},
    {0.97575, 1.972961051311885},
    {0.97576, 1.9731366119445435},
    {0.99, 2.3263478740408408},
    {0.999, 3.090232306167813},
    {0.99999, 4.264890793923841},
    {0.9999999999, 6.361340889697422},
    {0.9999999999999999, 8.209536151601387},
    {2.2250738585072014e-308, -37.5193793471445},
};

/* R8: nps_normal_quantile over a grid that crosses the 0.02425 / 0.97575
 * region boundaries and reaches the far tails, to 1e-9. */
TEST(test_r8_normal_quantile_grid)
{
    for (size_t i = 0; i < sizeof quantile_ref / sizeof quantile_ref[0]; i++)
        assert_near(nps_normal_quantile(quantile_ref[i][0]), quantile_ref[i][1], 1e-9);
    assert_same_double(nps_normal_quantile(0.5), 0.0);
}

/* R8: the header promises ~1e-15; allow 1e-13 (relative beyond 1, absolute below). */
TEST(test_r8_normal_quantile_full_precision)
{
    for (size_t i = 0; i < sizeof quantile_ref / sizeof quantile_ref[0]; i++)
        assert_near(nps_normal_quantile(quantile_ref[i][0]), quantile_ref[i][1], 1e-13);
}

/* R8: subnormal p is still in (0, 1): the quantile is finite and right. */
TEST(test_r8_normal_quantile_subnormal)
{
    assert_near(nps_normal_quantile(1e-310), -37.663060331949524, 1e-9);
    assert_near(nps_normal_quantile(4.9406564584124654e-324), -38.467405617144344, 1e-9);
}

/* R8: outside (0, 1) the quantile is -inf at 0, +inf at 1 and NaN otherwise. */
TEST(test_r8_normal_quantile_outside)
{
    assert_true(nps_normal_quantile(0.0) == -INFINITY);
    assert_true(nps_normal_quantile(1.0) == INFINITY);
    assert_true(isnan(nps_normal_quantile(-0.5)));
    assert_true(isnan(nps_normal_quantile(1.5)));
    assert_true(isnan(nps_normal_quantile(NAN)));
}

/* R8: quantile(p) = -quantile(1 - p) where 1 - p is exact, and the quantile increases. */
TEST(test_r8_normal_quantile_symmetry_monotone)
{
    double prev = -INFINITY;
    for (int k = 1; k < 4096; k++) {
        double p = (double)k / 4096.0; /* 1 - p exact */
        double q = nps_normal_quantile(p);
        assert_near(q, -nps_normal_quantile(1.0 - p), 1e-14);
        assert_true(q > prev);
        prev = q;
    }
}

/* P(Z > x) from 50-digit arithmetic. */
static const double tail_ref[][2] = {
    {-40.0, 1.0},
    {-10.0, 1.0},
    {-3.0, 0.9986501019683699},
    {-1.5, 0.9331927987311419},
    {-0.5, 0.6914624612740131},
    {0.0, 0.5},
    {0.5, 0.3085375387259869},
    {1.0, 0.15865525393145705},
    {1.5, 0.06680720126885807},
    {1.959963984540054, 0.025000000000000012},
    {2.0, 0.02275013194817921},
    {3.0, 0.0013498980316300946},
    {5.0, 2.866515718791939e-07},
    {8.0, 6.220960574271784e-16},
    {10.0, 7.619853024160525e-24},
    {20.0, 2.7536241186062337e-89},
    {30.0, 4.906713927148187e-198},
    {37.0, 5.725571222524577e-300},
};

/* R12: the upper tail, relative 1e-12 even far out where 1 - CDF would cancel. */
TEST(test_r12_normal_upper_tail)
{
    for (size_t i = 0; i < sizeof tail_ref / sizeof tail_ref[0]; i++) {
        double want = tail_ref[i][1], got = nps_normal_upper_tail(tail_ref[i][0]);
        if (!(fabs(got - want) <= 1e-12 * want)) {
            print_error("upper_tail(%.17g) = %.17g, want %.17g\n", tail_ref[i][0], got, want);
            fail();
        }
    }
    assert_true(nps_normal_upper_tail(INFINITY) == 0.0);
    assert_true(nps_normal_upper_tail(-INFINITY) == 1.0);
    /* tail and quantile invert each other */
    for (size_t i = 0; i < sizeof quantile_ref / sizeof quantile_ref[0]; i++) {
        double p = quantile_ref[i][0];
        if (p < 0.5)
            assert_near(nps_normal_upper_tail(-nps_normal_quantile(p)) / p, 1.0, 1e-12);
    }
}

/* ------------------------------------------------------------------ */
/* R12: p-values.                                                       */
/* ------------------------------------------------------------------ */

/* Fetch a p-value, asserting success. */
static double pvalue(const nps_state *a, const nps_state *b)
{
    double out = NAN;
    assert_int_equal(nps_pvalue(a, b, &out), NPS_OK);
    return out;
}

/* R12: p = erfc(|z| / sqrt 2), z = (nps_a - nps_b) / sqrt(se_a^2 + se_b^2) in points. */
TEST(test_r12_pvalue_reference)
{
    nps_state a = counts_state(1, 2, 3), b = counts_state(1, 0, 1);
    nps_state l = counts_state(120, 250, 630), e = counts_state(0, 0, 5);
    nps_state c = counts_state(0, 1, 1), d = counts_state(1, 1, 1);
    assert_near(pvalue(&a, &b), 0.6650055421020291, TOL);
    assert_near(pvalue(&b, &a), 0.6650055421020291, TOL);
    assert_near(pvalue(&a, &l), 0.5625513457662485, TOL);
    assert_near(pvalue(&l, &a), 0.5625513457662485, TOL);
    assert_near(pvalue(&a, &e), 0.028459736916310593, TOL); /* e has zero variance */
    assert_near(pvalue(&c, &d), 0.3961439091520741, TOL);
    /* written out for a vs e: z = (100/3 - 100) / 30.429... */
    double z = (100.0 / 3.0 - 100.0) / 30.429030972509224;
    assert_near(pvalue(&e, &a), erfc(fabs(z) / sqrt(2.0)), TOL);
}

/* R12: weighted states use their Kish effective n. */
TEST(test_r12_pvalue_weighted)
{
    nps_state w = weighted_reference(), m = weighted_reference();
    assert_int_equal(nps_add(&m, 0), NPS_OK);
    assert_int_equal(nps_add(&m, 0), NPS_OK);
    assert_int_equal(nps_add(&m, 10), NPS_OK);
    /* m: W 8, P 3.5, D 3.5, sum w^2 10.5 -> NPS 0, se 37.88861141556919 */
    assert_near(measure(&m, NPS_M_STDERR, 0.95), 37.88861141556919, TOL);
    assert_near(pvalue(&w, &m), 0.7428289750946845, TOL);
}

/* R12: equal zero-variance states give 1; different zero-variance states 0;
 * any state against itself 1. */
TEST(test_r12_pvalue_zero_variance)
{
    nps_state pro5 = counts_state(0, 0, 5), pro1 = counts_state(0, 0, 1);
    nps_state det = counts_state(3, 0, 0), pas = counts_state(0, 2, 0), pas9 = counts_state(0, 9, 0);
    assert_true(pvalue(&pro5, &pro1) == 1.0);
    assert_true(pvalue(&pas, &pas9) == 1.0);
    assert_true(pvalue(&pro5, &det) == 0.0);
    assert_true(pvalue(&det, &pro5) == 0.0);
    assert_true(pvalue(&pas, &pro1) == 0.0);
    nps_state a = counts_state(1, 2, 3);
    assert_true(pvalue(&a, &a) == 1.0);
    /* a nonzero-variance state with the same NPS as a zero-variance one */
    nps_state b = counts_state(1, 0, 1);
    assert_true(pvalue(&b, &pas) == 1.0);
}

/* R12/R5: when either state is empty the p-value is NULL (NPS_EMPTY). */
TEST(test_r12_pvalue_empty)
{
    nps_state e, a = counts_state(1, 2, 3), z;
    nps_state_init(&e);
    nps_state_init(&z);
    assert_int_equal(nps_add_weighted(&z, 9, 0.0), NPS_OK); /* weights sum to 0 */
    double out = 12345.0;
    assert_int_equal(nps_pvalue(&e, &a, &out), NPS_EMPTY);
    assert_int_equal(nps_pvalue(&a, &e, &out), NPS_EMPTY);
    assert_int_equal(nps_pvalue(&e, &e, &out), NPS_EMPTY);
    assert_int_equal(nps_pvalue(&z, &a, &out), NPS_EMPTY);
    assert_int_equal(nps_pvalue(&a, &z, &out), NPS_EMPTY);
}

/* ------------------------------------------------------------------ */
/* R13: bands.                                                          */
/* ------------------------------------------------------------------ */

/* Check that value has band want. */
static void band_is(double value, const char *want)
{
    const char *label = NULL;
    assert_int_equal(nps_band(value, &label), NPS_OK);
    assert_non_null(label);
    if (strcmp(label, want) != 0) {
        print_error("band(%.17g) = '%s', want '%s'\n", value, label, want);
        fail();
    }
}

/* R13: every boundary of every band. */
TEST(test_r13_band_boundaries)
{
    band_is(-100.0, "negative");
    band_is(-50.0, "negative");
    band_is(-1e-300, "negative");
    band_is(nextafter(0.0, -1.0), "negative");
    band_is(-0.0, "good"); /* -0.0 is not below 0 */
    band_is(0.0, "good");
    band_is(4.9406564584124654e-324, "good");
    band_is(29.9, "good");
    band_is(nextafter(30.0, 0.0), "good");
    band_is(30.0, "great");
    band_is(50.0, "great");
    band_is(nextafter(70.0, 0.0), "great");
    band_is(70.0, "excellent");
    band_is(99.9, "excellent");
    band_is(100.0, "excellent");
}

/* R13: outside -100..100 (and NaN) is NPS_E_BAND. */
TEST(test_r13_band_out_of_range)
{
    static const double bad[] = {nextafter(100.0, 200.0), nextafter(-100.0, -200.0), 101.0,
                                 -101.0, 1e300, -1e300, INFINITY, -INFINITY, NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = "untouched";
        assert_int_equal(nps_band(bad[i], &label), NPS_E_BAND);
    }
}

/* ------------------------------------------------------------------ */
/* R2: category labels.                                                 */
/* ------------------------------------------------------------------ */

/* Label of score in language lang (NUL-terminated), asserting success. */
static const char *label_of(int64_t score, const char *lang)
{
    const char *label = NULL;
    assert_int_equal(nps_category_label(score, lang, strlen(lang), &label), NPS_OK);
    assert_non_null(label);
    return label;
}

/* R2: English labels for every score. */
TEST(test_r2_labels_english)
{
    for (int64_t score = 0; score <= 10; score++) {
        const char *want = score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
        assert_string_equal(label_of(score, "en"), want);
    }
}

/* True if s is well-formed UTF-8 (no overlong forms, no surrogates). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return 0;
        uint32_t cp = n == 0 ? *p : n == 1 ? (*p & 0x1Fu) : n == 2 ? (*p & 0x0Fu) : (*p & 0x07u);
        for (int k = 1; k <= n; k++) {
            if ((p[k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[k] & 0x3Fu);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        p += n + 1;
    }
    return 1;
}

/* R2: every advertised language has three distinct, non-empty, valid UTF-8
 * labels; zh, pl and th differ from English on every category (es shares
 * "detractor" with English, rightly). */
TEST(test_r2_labels_other_languages)
{
    static const char *langs[] = {"zh", "pl", "th", "de", "es", "fr", "ja"};
    static const int64_t reps[] = {0, 7, 10};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        const char *l[3];
        for (int c = 0; c < 3; c++) {
            l[c] = label_of(reps[c], langs[i]);
            assert_true(strlen(l[c]) > 0);
            assert_true(valid_utf8(l[c]));
            if (i < 3)
                assert_string_not_equal(l[c], label_of(reps[c], "en"));
            /* every score of the category has the same label */
            for (int64_t s = 0; s <= 10; s++)
                if (nps_category_of(s) == c)
                    assert_string_equal(label_of(s, langs[i]), l[c]);
        }
        assert_string_not_equal(l[0], l[1]);
        assert_string_not_equal(l[1], l[2]);
        assert_string_not_equal(l[0], l[2]);
    }
}

/* R2: the list of languages names at least the eight the header lists. */
TEST(test_r2_languages_list)
{
    const char *list = nps_languages();
    static const char *langs[] = {"en", "zh", "pl", "th", "de", "es", "fr", "ja"};
    assert_non_null(list);
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        /* find langs[i] as a whole comma-separated item */
        int found = 0;
        for (const char *p = list; *p;) {
            const char *end = strchr(p, ',');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            while (n > 0 && *p == ' ') {
                p++;
                n--;
            }
            if (n == 2 && memcmp(p, langs[i], 2) == 0)
                found = 1;
            if (!end)
                break;
            p = end + 1;
        }
        if (!found) {
            print_error("'%s' missing from nps_languages() = '%s'\n", langs[i], list);
            fail();
        }
        /* every listed language is accepted */
        label_of(9, langs[i]);
    }
}

/* R2: an unknown language is NPS_E_LANG; the code is length-delimited. */
TEST(test_r2_labels_unknown_language)
{
    static const char *bad[] = {"", "e", "xx", "eng", "en ", " en", "english", "zz", "e\xc3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = "untouched";
        assert_int_equal(nps_category_label(9, bad[i], strlen(bad[i]), &label), NPS_E_LANG);
    }
    const char *label = NULL;
    /* "enx" cut to 2 bytes is "en"; "en" cut to 1 byte is "e"; a NUL inside the length counts */
    assert_int_equal(nps_category_label(9, "enx", 2, &label), NPS_OK);
    assert_string_equal(label, "promoter");
    assert_int_equal(nps_category_label(9, "en", 1, &label), NPS_E_LANG);
    assert_int_equal(nps_category_label(9, "en\0", 3, &label), NPS_E_LANG);
    assert_int_equal(nps_category_label(9, "zhx", 2, &label), NPS_OK);
    assert_string_equal(label, label_of(9, "zh"));
}

/* R1/R2: a label for a score outside 0..10 is NPS_E_SCORE_RANGE. */
TEST(test_r2_labels_score_range)
{
    static const int64_t bad[] = {-1, 11, INT64_MIN, INT64_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = NULL;
        assert_int_equal(nps_category_label(bad[i], "en", 2, &label), NPS_E_SCORE_RANGE);
    }
}

/* ------------------------------------------------------------------ */
/* R11: binary state.                                                   */
/* ------------------------------------------------------------------ */

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320, init and final xor 0xFFFFFFFF), bit by bit. */
static uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

/* Store the checksum of buf[0 .. NPS_STATE_BYTES - 4) little-endian in its last 4 bytes. */
static void reseal(uint8_t *buf)
{
    uint32_t c = crc32_ieee(buf, NPS_STATE_BYTES - 4);
    for (int i = 0; i < 4; i++)
        buf[NPS_STATE_BYTES - 4 + i] = (uint8_t)(c >> (8 * i));
}

/* The test's own CRC-32 gives the published check value. */
TEST(test_r11_crc32_check_value)
{
    assert_int_equal(crc32_ieee((const uint8_t *)"123456789", 9), 0xCBF43926u);
    assert_int_equal(crc32_ieee((const uint8_t *)"", 0), 0u);
}

/* States used by the round-trip tests. */
static void sample_states(nps_state *out, size_t *n)
{
    size_t k = 0;
    nps_state_init(&out[k++]); /* empty */
    out[k++] = counts_state(1, 2, 3);
    out[k++] = weighted_reference();
    out[k] = weighted_reference(); /* mixed, odd weights */
    assert_int_equal(nps_add(&out[k], 4), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 8, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 8, 1e-300), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 9, 1e150), NPS_OK);
    k++;
    memset(&out[k], 0, sizeof out[k]); /* large counts */
    for (int i = 0; i < NPS_NSCORES; i++)
        out[k].count[i] = INT64_MAX / 11 - i;
    k++;
    nps_state_init(&out[k]); /* weight-0 rows only */
    assert_int_equal(nps_add_weighted(&out[k], 2, 0.0), NPS_OK);
    k++;
    *n = k;
}

/* R11: encode then decode gives back the same state, bit for bit. */
TEST(test_r11_round_trip)
{
    nps_state st[8];
    size_t n;
    sample_states(st, &n);
    for (size_t i = 0; i < n; i++) {
        uint8_t buf[NPS_STATE_BYTES];
        nps_state back = sentinel_state();
        nps_encode(&st[i], buf);
        assert_int_equal(nps_decode(buf, sizeof buf, &back), NPS_OK);
        assert_state_equal(&back, &st[i]);
        /* re-encoding is byte-identical */
        uint8_t again[NPS_STATE_BYTES];
        nps_encode(&back, again);
        assert_memory_equal(buf, again, sizeof buf);
        /* the checksum is the IEEE CRC-32 of everything before it, little-endian */
        uint32_t c = crc32_ieee(buf, NPS_STATE_BYTES - 4);
        uint32_t stored = (uint32_t)buf[NPS_STATE_BYTES - 4] |
                          (uint32_t)buf[NPS_STATE_BYTES - 3] << 8 |
                          (uint32_t)buf[NPS_STATE_BYTES - 2] << 16 |
                          (uint32_t)buf[NPS_STATE_BYTES - 1] << 24;
        assert_int_equal(stored, c);
    }
}

/* R11: every length but NPS_STATE_BYTES is NPS_E_STATE_LENGTH; out untouched. */
TEST(test_r11_wrong_lengths)
{
    nps_state s = counts_state(1, 2, 3);
    uint8_t buf[NPS_STATE_BYTES + 16];
    memset(buf, 0, sizeof buf);
    nps_encode(&s, buf);
    for (size_t len = 0; len < NPS_STATE_BYTES; len++) {
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(buf, len, &out), NPS_E_STATE_LENGTH);
        assert_state_equal(&out, &sent);
    }
    for (size_t len = NPS_STATE_BYTES + 1; len <= sizeof buf; len++) {
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(buf, len, &out), NPS_E_STATE_LENGTH);
        assert_state_equal(&out, &sent);
    }
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_decode(NULL, 0, &out), NPS_E_STATE_LENGTH);
    assert_state_equal(&out, &sent);
    assert_int_equal(nps_decode(buf, SIZE_MAX, &out), NPS_E_STATE_LENGTH);
    assert_state_equal(&out, &sent);
}

/* R11: corrupting any single byte never decodes to a different state: it is
 * an error (and out is untouched) or, at most, the same state. */
TEST(test_r11_every_byte_flip)
{
    static const uint8_t masks[] = {0x01, 0x80, 0xFF, 0x10};
    nps_state st[8];
    size_t n;
    sample_states(st, &n);
    for (size_t k = 0; k < n; k++) {
        uint8_t good[NPS_STATE_BYTES];
        nps_encode(&st[k], good);
        for (size_t pos = 0; pos < NPS_STATE_BYTES; pos++) {
            for (size_t m = 0; m < sizeof masks; m++) {
                uint8_t bad[NPS_STATE_BYTES];
                memcpy(bad, good, sizeof bad);
                bad[pos] ^= masks[m];
                nps_state out = sentinel_state(), sent = sentinel_state();
                nps_status r = nps_decode(bad, sizeof bad, &out);
                if (r == NPS_OK) {
                    print_error("state %zu: byte %zu ^ 0x%02x decoded\n", k, pos, masks[m]);
                    fail();
                }
                assert_true(r == NPS_E_STATE_MAGIC || r == NPS_E_STATE_VERSION ||
                            r == NPS_E_STATE_CHECKSUM || r == NPS_E_STATE_VALUE);
                assert_state_equal(&out, &sent);
            }
        }
    }
}

/* R11: a foreign or future blob with a valid checksum is still rejected:
 * wrong magic is NPS_E_STATE_MAGIC, another version NPS_E_STATE_VERSION. */
TEST(test_r11_magic_and_version_with_valid_checksum)
{
    nps_state s = counts_state(1, 2, 3);
    uint8_t good[NPS_STATE_BYTES];
    nps_encode(&s, good);
    assert_memory_equal(good, "nps", 3);
    assert_int_equal(good[3], NPS_STATE_VERSION);
    static const uint8_t versions[] = {0, 2, 3, 0x7F, 0x80, 0xFF};
    for (size_t i = 0; i < sizeof versions; i++) {
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, good, sizeof bad);
        bad[3] = versions[i];
        reseal(bad);
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(bad, sizeof bad, &out), NPS_E_STATE_VERSION);
        assert_state_equal(&out, &sent);
    }
    for (int pos = 0; pos < 3; pos++) {
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, good, sizeof bad);
        bad[pos] = 'X';
        reseal(bad);
        nps_state out = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_decode(bad, sizeof bad, &out), NPS_E_STATE_MAGIC);
        assert_state_equal(&out, &sent);
    }
    /* a blob of the right length that is all zeros, or all 0xFF */
    uint8_t z[NPS_STATE_BYTES];
    nps_state out = sentinel_state();
    memset(z, 0, sizeof z);
    assert_int_equal(nps_decode(z, sizeof z, &out), NPS_E_STATE_MAGIC);
    memset(z, 0xFF, sizeof z);
    assert_int_equal(nps_decode(z, sizeof z, &out), NPS_E_STATE_MAGIC);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_init_clears_everything),
        cmocka_unit_test(test_r2_category_of_every_score),
        cmocka_unit_test(test_r1_add_counts_each_score_once),
        cmocka_unit_test(test_r1_add_out_of_range_rejected),
        cmocka_unit_test(test_r10_add_remove_round_trip_exact),
        cmocka_unit_test(test_r10_remove_from_empty),
        cmocka_unit_test(test_r10_remove_absent_score),
        cmocka_unit_test(test_rows_counts_weighted_and_unweighted),
        cmocka_unit_test(test_r6_check_weight),
        cmocka_unit_test(test_r6_add_weighted_fields),
        cmocka_unit_test(test_r6_add_weighted_rejects),
        cmocka_unit_test(test_r10_remove_weighted_sums_back_to_zero),
        cmocka_unit_test(test_r10_remove_weighted_keeps_unweighted),
        cmocka_unit_test(test_r10_remove_weighted_not_held),
        cmocka_unit_test(test_r5_empty_state_every_measure),
        cmocka_unit_test(test_r5_zero_weights_are_empty),
        cmocka_unit_test(test_r3_r7_reference_1_2_3),
        cmocka_unit_test(test_r7_reference_variances),
        cmocka_unit_test(test_r3_single_category),
        cmocka_unit_test(test_r3_shares_consistent_per_score),
        cmocka_unit_test(test_r8_r9_reference_1_2_3),
        cmocka_unit_test(test_r9_more_intervals),
        cmocka_unit_test(test_r8_default_confidence),
        cmocka_unit_test(test_r8_invalid_confidence),
        cmocka_unit_test(test_r7_weighted_reference),
        cmocka_unit_test(test_r6_mixed_weighted_unweighted),
        cmocka_unit_test(test_r7_unit_weights_and_scale_invariance),
        cmocka_unit_test(test_r6_zero_weight_rows_change_nothing),
        cmocka_unit_test(test_r3_large_counts),
        cmocka_unit_test(test_r10_merge_adds_fields),
        cmocka_unit_test(test_r10_merge_empty_is_identity),
        cmocka_unit_test(test_r10_merge_order_independent),
        cmocka_unit_test(test_r10_merge_equals_single_pass),
        cmocka_unit_test(test_r10_unmerge_round_trip),
        cmocka_unit_test(test_r10_unmerge_not_held),
        cmocka_unit_test(test_r10_merge_overflow),
        cmocka_unit_test(test_r10_merge_self),
        cmocka_unit_test(test_r1_score_from_double_valid),
        cmocka_unit_test(test_r1_score_from_double_invalid),
        cmocka_unit_test(test_r1_score_from_text_valid),
        cmocka_unit_test(test_r1_score_from_text_exponent),
        cmocka_unit_test(test_r1_score_from_text_invalid),
        cmocka_unit_test(test_r1_score_from_text_length_delimited),
        cmocka_unit_test(test_r8_z_for_confidence),
        cmocka_unit_test(test_r8_z_invalid_confidence),
        cmocka_unit_test(test_r8_normal_quantile_grid),
        cmocka_unit_test(test_r8_normal_quantile_full_precision),
        cmocka_unit_test(test_r8_normal_quantile_subnormal),
        cmocka_unit_test(test_r8_normal_quantile_outside),
        cmocka_unit_test(test_r8_normal_quantile_symmetry_monotone),
        cmocka_unit_test(test_r12_normal_upper_tail),
        cmocka_unit_test(test_r12_pvalue_reference),
        cmocka_unit_test(test_r12_pvalue_weighted),
        cmocka_unit_test(test_r12_pvalue_zero_variance),
        cmocka_unit_test(test_r12_pvalue_empty),
        cmocka_unit_test(test_r13_band_boundaries),
        cmocka_unit_test(test_r13_band_out_of_range),
        cmocka_unit_test(test_r2_labels_english),
        cmocka_unit_test(test_r2_labels_other_languages),
        cmocka_unit_test(test_r2_languages_list),
        cmocka_unit_test(test_r2_labels_unknown_language),
        cmocka_unit_test(test_r2_labels_score_range),
        cmocka_unit_test(test_r11_crc32_check_value),
        cmocka_unit_test(test_r11_round_trip),
        cmocka_unit_test(test_r11_wrong_lengths),
        cmocka_unit_test(test_r11_every_byte_flip),
        cmocka_unit_test(test_r11_magic_and_version_with_valid_checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
