/* test_stats.c -- the results of a state, p-values and bands (core/stats.c; R3-R13). */
#include "helpers.h"

/* R4: the denominator is the valid rows: rejected scores and weights count
 * nowhere; weighted, it is the sum of weights, not the number of rows.  (NULL
 * skipping itself happens in the SQL wrappers, before the core.) */
TEST(test_r4_denominator_valid_rows)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add(&s, 0), NPS_OK);
    assert_int_equal(nps_add(&s, 9), NPS_OK);
    assert_int_equal(nps_add(&s, 10), NPS_OK);
    assert_int_equal(nps_add(&s, 11), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_add(&s, -1), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_add_weighted(&s, 9, NAN), NPS_E_WEIGHT);
    assert_int_equal(nps_rows(&s), 3);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 / 3.0, TOL);
    nps_state w;
    nps_state_init(&w);
    assert_int_equal(nps_add_weighted(&w, 9, 3.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&w, 0, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&w, 5, -2.0), NPS_E_WEIGHT);
    assert_near(measure(&w, NPS_M_NPS, 0.95), 50.0, TOL); /* (3 - 1) / 4, not (1 - 1) / 2 */
    assert_near(measure(&w, NPS_M_PROMOTER_SHARE, 0.95), 75.0, TOL);
}

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

/* R9: over every small state (0..5 of each category) and several confidences,
 * the bounds match the adjusted-Wald formula written out here, clipped to
 * -100..100, and lower <= upper. */
TEST(test_r9_adjusted_wald_grid)
{
    static const double conf[][2] = {
        {0.5, 0.6744897501960817},  {0.8, 1.2815515655446006},   {0.95, 1.9599639845400538},
        {0.99, 2.5758293035489004}, {0.999, 3.2905267314918945}, {0.9999999, 5.326723886480144},
    };
    for (int d = 0; d <= 5; d++)
        for (int a = 0; a <= 5; a++)
            for (int p = 0; p <= 5; p++) {
                if (d + a + p == 0)
                    continue;
                nps_state s = counts_state(d, a, p);
                double n2 = d + a + p + 3.0, p2 = (p + 0.75) / n2, d2 = (d + 0.75) / n2;
                double se2 = sqrt((p2 + d2 - (p2 - d2) * (p2 - d2)) / n2);
                for (size_t k = 0; k < sizeof conf / sizeof conf[0]; k++) {
                    double lo = 100.0 * (p2 - d2 - conf[k][1] * se2);
                    double hi = 100.0 * (p2 - d2 + conf[k][1] * se2);
                    lo = lo < -100.0 ? -100.0 : lo;
                    hi = hi > 100.0 ? 100.0 : hi;
                    double glo = measure(&s, NPS_M_CI_LOWER, conf[k][0]);
                    double ghi = measure(&s, NPS_M_CI_UPPER, conf[k][0]);
                    assert_near(glo, lo, TOL);
                    assert_near(ghi, hi, TOL);
                    assert_true(-100.0 <= glo && glo <= ghi && ghi <= 100.0);
                }
            }
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
    assert_near(out / (1.2533141373155004e-09 * 30.429030972509224), 1.0, 1e-6);
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
 * and one passive give NPS 0; NPS_MAX_ROWS / 11 on every score (close to the
 * row cap) gives finite results. */
TEST(test_r3_large_counts)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    s.count[10] = 1000000000000000;
    s.count[0] = 1000000000000000;
    s.count[8] = 1;
    fix_rows(&s);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 0.0, 1e-12);
    for (int i = 0; i < NPS_NSCORES; i++)
        s.count[i] = NPS_MAX_ROWS / 11;
    fix_rows(&s);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 * (2.0 - 7.0) / 11.0, TOL);
    double se = measure(&s, NPS_M_STDERR, 0.95);
    assert_true(isfinite(se) && se > 0.0 && se < 1e-6);
    double lo = measure(&s, NPS_M_CI_LOWER, 0.95), hi = measure(&s, NPS_M_CI_UPPER, 0.95);
    assert_true(lo < hi);
    assert_near(lo, 100.0 * (2.0 - 7.0) / 11.0, 1e-6);
}

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
    nps_state det = counts_state(3, 0, 0), pas = counts_state(0, 2, 0),
              pas9 = counts_state(0, 9, 0);
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
    const double bad[] = {nextafter(100.0, 200.0),
                          nextafter(-100.0, -200.0),
                          101.0,
                          -101.0,
                          1e300,
                          -1e300,
                          INFINITY,
                          -INFINITY,
                          NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = "untouched";
        assert_int_equal(nps_band(bad[i], &label), NPS_E_BAND);
    }
}

/* R8/R5: an invalid confidence is an error even over no rows (the argument is
 * wrong whatever the data); an unknown measure is never NPS_OK. */
TEST(test_compute_argument_checks)
{
    nps_state e;
    nps_state_init(&e);
    double out = 12345.0;
    assert_int_equal(nps_compute(&e, NPS_M_MOE, 2.0, &out), NPS_E_CONFIDENCE);
    assert_int_equal(nps_compute(&e, NPS_M_NPS, 2.0, &out), NPS_EMPTY);
    nps_state s = counts_state(1, 2, 3);
    assert_int_not_equal(nps_compute(&s, (nps_measure)99, 0.95, &out), NPS_OK);
    assert_true(out == 12345.0);
}

/* R3: with more rows than 2^53 / 100, 100 * part rounds: a state of
 * 46116860184293878 detractors at score 0 and 20 at score 1 gave NPS
 * -100.00000000000001 and a detractor share of 100.00000000000001 (found by
 * a fuzz target); reached by merging states.  They are -100 and 100. */
TEST(test_r3_nps_in_range_at_huge_counts)
{
    nps_state s, t;
    double v;
    nps_state_init(&s);
    s.count[0] = 46116860184293878;
    s.count[1] = 20;
    s.rows = s.count[0] + s.count[1];
    assert_int_equal(nps_compute(&s, NPS_M_NPS, 0.95, &v), NPS_OK);
    assert_same_double(v, -100.0);
    assert_int_equal(nps_compute(&s, NPS_M_DETRACTOR_SHARE, 0.95, &v), NPS_OK);
    assert_same_double(v, 100.0);
    /* the same state made by merging */
    nps_state_init(&t);
    for (int i = 0; i < 20; i++)
        assert_int_equal(nps_add(&t, 1), NPS_OK);
    s.count[1] = 0;
    s.rows = s.count[0];
    assert_int_equal(nps_merge(&s, &t), NPS_OK);
    assert_int_equal(nps_compute(&s, NPS_M_NPS, 0.95, &v), NPS_OK);
    assert_same_double(v, -100.0);
}

/* R11: sums of weights below 1 / DBL_MAX with a large sum of squares made
 * the interval NaN in an earlier format (found by a fuzz target); such sums
 * are impossible (wsq <= wsum^2) and refused, while genuinely tiny weights
 * give a finite interval. */
TEST(test_r9_interval_of_tiny_sums)
{
    nps_state s, out;
    double lo, hi;
    assert_int_equal(nps_state_from_text("scores=0,0,1,0,0,0,0,0,0,1,0 weighted=1,0,1 "
                                         "wsum=0,0,1.265e-321 wsq=0,0,1e300",
                                         &out),
                     NPS_E_STATE_TEXT);
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 2, 0.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 1.265e-321), NPS_OK);
    assert_int_equal(nps_compute(&s, NPS_M_CI_LOWER, 0.95, &lo), NPS_OK);
    assert_int_equal(nps_compute(&s, NPS_M_CI_UPPER, 0.95, &hi), NPS_OK);
    /* all the weight is the promoter's, effective n 1: adjusted counts 0.75,
     * 1.5 and 1.75 of 4, so 25 -+ z * 100 * sqrt(0.5625 / 4) */
    assert_near(lo, 25.0 - 1.959963984540054 * 37.5, 1e-9);
    assert_near(hi, 25.0 + 1.959963984540054 * 37.5, 1e-9);
}

/* R3: results are clamped into range whatever the rounding: one promoter of
 * weight 0.69 is exactly 100 (100 x 0.69 / 0.69 rounds above), and over
 * many random weighted states every share is in 0..100, the NPS and the
 * interval in -100..100, the stderr finite and >= 0; one category alone is
 * 100 / -100 / 0 (to one rounding: the rounding below 100 is not clamped). */
TEST(test_r3_results_clamped)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 10, 0.69), NPS_OK);
    assert_same_double(measure(&s, NPS_M_NPS, 0.95), 100.0);
    assert_same_double(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 100.0);
    assert_same_double(measure(&s, NPS_M_DETRACTOR_SHARE, 0.95), 0.0);
    uint64_t x = 0x243F6A8885A308D3u;
    for (int k = 0; k < 3000; k++) {
        nps_state_init(&s);
        int rows = 1 + (int)(rng_next(&x) % 12);
        int one_category = k % 5 == 0 ? (int)(rng_next(&x) % 3) : -1;
        double scale = pow(2.0, (double)(int)(rng_next(&x) % 200) - 100.0);
        for (int r = 0; r < rows; r++) {
            int64_t score = (int64_t)(rng_next(&x) % 11);
            if (one_category >= 0)
                score = one_category == 0   ? score % 7
                        : one_category == 1 ? 7 + score % 2
                                            : 9 + score % 2;
            double w = scale * (0.01 + 3.0 * rng_unit(&x));
            if (k % 3 == 0)
                w = pow(10.0, -8.0 + 16.0 * rng_unit(&x));
            assert_int_equal(nps_add_weighted(&s, score, w), NPS_OK);
        }
        double v[NMEASURES];
        for (size_t i = 0; i < NMEASURES; i++)
            v[i] = measure(&s, all_measures[i], 0.95);
        assert_true(v[0] >= -100.0 && v[0] <= 100.0);
        for (int i = 1; i <= 3; i++)
            assert_true(v[i] >= 0.0 && v[i] <= 100.0);
        assert_true(isfinite(v[4]) && v[4] >= 0.0 && isfinite(v[5]) && v[5] >= 0.0);
        assert_true(v[6] >= -100.0 && v[6] <= v[7] && v[7] <= 100.0);
        if (one_category >= 0) {
            double want = one_category == 0 ? -100.0 : one_category == 1 ? 0.0 : 100.0;
            assert_near(v[0], want, 1e-15);
            assert_near(v[one_category == 0 ? 3 : one_category == 1 ? 2 : 1], 100.0, 1e-15);
        }
    }
}

/* R5: results are scale-free: the same scores with every weight 1e-170, 1 or
 * 1e150 give the same stderr, moe and interval (to 1e-12 relative; the
 * scale is not a power of two, so sums round differently), and weights
 * scaled by a power of two give the same doubles. */
TEST(test_r5_scale_free)
{
    static const int64_t scores[] = {0, 3, 6, 7, 8, 9, 9, 10, 10, 10, 2, 9};
    static const double scales[] = {1e-170, 1.0, 1e150};
    nps_state st[3];
    for (int k = 0; k < 3; k++) {
        nps_state_init(&st[k]);
        for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++)
            assert_int_equal(nps_add_weighted(&st[k], scores[i], scales[k]), NPS_OK);
    }
    nps_state u = counts_state(0, 0, 0);
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++)
        assert_int_equal(nps_add(&u, scores[i]), NPS_OK);
    for (size_t i = 0; i < NMEASURES; i++) {
        double want = measure(&u, all_measures[i], 0.9);
        for (int k = 0; k < 3; k++)
            assert_near(measure(&st[k], all_measures[i], 0.9), want, 1e-12);
    }
    /* equal weights: n is the row count, 12; p = 6/12, d = 4/12 */
    double p = 0.5, d = 1.0 / 3.0, se = 100.0 * sqrt((p + d - (p - d) * (p - d)) / 12.0);
    for (int k = 0; k < 3; k++) {
        assert_near(measure(&st[k], NPS_M_STDERR, 0.95), se, 1e-12);
        assert_near(measure(&st[k], NPS_M_MOE, 0.95), 1.9599639845400538 * se, 1e-12);
    }
    /* unequal weights times 2^-560 (squares below DBL_MIN) and 2^490 */
    nps_state a, b, c;
    nps_state_init(&a);
    nps_state_init(&b);
    nps_state_init(&c);
    uint64_t x = 77;
    for (size_t i = 0; i < sizeof scores / sizeof scores[0]; i++) {
        double w = 0.1 + rng_unit(&x);
        assert_int_equal(nps_add_weighted(&a, scores[i], w), NPS_OK);
        assert_int_equal(nps_add_weighted(&b, scores[i], ldexp(w, -560)), NPS_OK);
        assert_int_equal(nps_add_weighted(&c, scores[i], ldexp(w, 490)), NPS_OK);
    }
    for (size_t i = 0; i < NMEASURES; i++) {
        assert_same_double(measure(&b, all_measures[i], 0.95), measure(&a, all_measures[i], 0.95));
        assert_same_double(measure(&c, all_measures[i], 0.95), measure(&a, all_measures[i], 0.95));
    }
}
