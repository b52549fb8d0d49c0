/* test_scale.c -- CSAT and CES: scores on a scale, the state, its values and intervals, its forms
 * (core/scale.c, scale_stats.c, scale_format.c, student.c; S1-S7). */
#include "helpers.h"

/* A state of scale k holding count[i] unweighted rows of score lo + i. */
static nps_scale_state counts(nps_scale k, const int *count, int n)
{
    nps_scale_state s;
    nps_scale_init(&s, k);
    for (int i = 0; i < n; i++)
        for (int r = 0; r < count[i]; r++)
            assert_int_equal(nps_scale_add(&s, nps_scale_describe(k)->lo + i), NPS_OK);
    return s;
}

static double value(const nps_scale_state *s, nps_scale_measure m, double confidence)
{
    double v = NAN;
    assert_int_equal(nps_scale_compute(s, m, confidence, &v), NPS_OK);
    return v;
}

/* S1: what each scale is. */
TEST(test_s1_scales)
{
    const nps_scale_info *c = nps_scale_describe(NPS_CSAT), *e = nps_scale_describe(NPS_CES);
    assert_string_equal(c->name, "csat");
    assert_string_equal(c->state, "csat_state");
    assert_int_equal(c->lo, 1);
    assert_int_equal(c->hi, 5);
    assert_int_equal(c->top, 4);
    assert_string_equal(e->name, "ces");
    assert_string_equal(e->state, "ces_state");
    assert_int_equal(e->lo, 1);
    assert_int_equal(e->hi, 7);
    assert_int_equal(e->top, 5);
}

/* S1: scores read as R1 reads them, then on the scale; 0 and 6 are off CSAT's,
 * 0 and 8 off CES's; fractions and text stay R1's errors. */
TEST(test_s1_scores)
{
    int64_t x = -1;
    nps_status csat_range = nps_scale_status(NPS_CSAT, NPS_SE_RANGE);
    nps_status ces_range = nps_scale_status(NPS_CES, NPS_SE_RANGE);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, 0.0, &x), csat_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, 6.0, &x), csat_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, 11.0, &x), csat_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, -1.0, &x), csat_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, 4.5, &x), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, NAN, &x), NPS_E_SCORE_TEXT);
    assert_int_equal(x, -1); /* untouched on error */
    assert_int_equal(nps_scale_score_from_double(NPS_CSAT, 5.0, &x), NPS_OK);
    assert_int_equal(x, 5);
    assert_int_equal(nps_scale_score_from_double(NPS_CES, 0.0, &x), ces_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CES, 8.0, &x), ces_range);
    assert_int_equal(nps_scale_score_from_double(NPS_CES, 7.0, &x), NPS_OK);
    assert_int_equal(x, 7);
    assert_int_equal(nps_scale_score_from_text(NPS_CSAT, " 4 ", 3, &x), NPS_OK);
    assert_int_equal(x, 4);
    assert_int_equal(nps_scale_score_from_text(NPS_CSAT, "6", 1, &x), csat_range);
    assert_int_equal(nps_scale_score_from_text(NPS_CSAT, "0", 1, &x), csat_range);
    assert_int_equal(nps_scale_score_from_text(NPS_CSAT, "12", 2, &x), csat_range);
    assert_int_equal(nps_scale_score_from_text(NPS_CES, "7.0", 3, &x), NPS_OK);
    assert_int_equal(x, 7);
    assert_int_equal(nps_scale_score_from_text(NPS_CES, "8", 1, &x), ces_range);
    assert_int_equal(nps_scale_score_from_text(NPS_CES, "6.5", 3, &x), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_scale_score_from_text(NPS_CES, "easy", 4, &x), NPS_E_SCORE_TEXT);
    assert_int_equal(nps_scale_score_from_text(NPS_CES, "  ", 2, &x), NPS_EMPTY);
    /* integers go straight to the state, which checks them */
    nps_scale_state s;
    nps_scale_init(&s, NPS_CSAT);
    assert_int_equal(nps_scale_add(&s, 0), csat_range);
    assert_int_equal(nps_scale_add(&s, 6), csat_range);
    assert_int_equal(nps_scale_add_weighted(&s, 6, 1.0), csat_range);
    assert_int_equal(nps_scale_add_weighted(&s, 3, -1.0), NPS_E_WEIGHT);
    assert_int_equal(nps_scale_add_weighted(&s, 3, 1e200), NPS_E_WEIGHT_SQUARE);
    assert_int_equal(s.rows, 0);
    nps_scale_init(&s, NPS_CES);
    assert_int_equal(nps_scale_add(&s, 8), ces_range);
    assert_int_equal(nps_scale_add(&s, 6), NPS_OK);
}

/* S2, S3: the example, counts (2, 3, 5, 20, 30) of 1..5: 50 of 60
 * satisfied, 83.333...%; the Wilson bounds from S3's formula in 30-digit
 * arithmetic: 71.968386836385463 .. 90.686823020808546, half-width
 * 9.3592180922115414. */
TEST(test_s3_csat_example)
{
    static const int c[] = {2, 3, 5, 20, 30};
    nps_scale_state s = counts(NPS_CSAT, c, 5);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 250.0 / 3.0, 1e-13);
    assert_near(value(&s, NPS_S_SHARE, 0.95), 250.0 / 3.0, 1e-13);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 71.968386836385463, 1e-12);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 90.686823020808546, 1e-12);
    assert_near(value(&s, NPS_S_MOE, 0.95), 9.3592180922115414, 1e-12);
}

/* S3: Wilson behaves at 100%: 10 of 10 satisfied give n / (n + z^2) ..
 * 100, where Wald would give 100 .. 100; at 0% the mirror image. */
TEST(test_s3_wilson_edges)
{
    static const int all[] = {0, 0, 0, 4, 6}, none[] = {3, 4, 3, 0, 0};
    double z = 1.959963984540054;
    nps_scale_state s = counts(NPS_CSAT, all, 5);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 100.0, 1e-15);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 100.0 * 10.0 / (10.0 + z * z), 1e-12);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 72.246720013711075, 1e-12);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 100.0, 1e-15);
    s = counts(NPS_CSAT, none, 5);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 0.0, 1e-15);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 0.0, 1e-15);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 100.0 - 72.246720013711075, 1e-12);
}

/* S3: at 0% and 100% Wilson's interval is [0, z^2 / (n + z^2)] and [n / (n +
 * z^2), 1]: the bound on the estimate's side is the estimate itself, exactly,
 * for every n to 1000, unweighted and with equal weights (Kish's n is n).
 * Computed as centre -+ half-width, rounding gave a lower bound of 2.8e-15
 * for 7 answers all dissatisfied and an upper one of 99.999999999999986 for
 * 10 all satisfied: intervals that missed their own estimate. */
TEST(test_s3_wilson_holds_estimate)
{
    double z2 = 1.959963984540054 * 1.959963984540054;
    for (int n = 1; n <= 1000; n++) {
        for (int weighted = 0; weighted < 2; weighted++) {
            nps_scale_state none, all;
            nps_scale_init(&none, NPS_CSAT);
            nps_scale_init(&all, NPS_CSAT);
            for (int r = 0; r < n; r++) {
                assert_int_equal(weighted ? nps_scale_add_weighted(&none, 1, 0.3)
                                          : nps_scale_add(&none, 1),
                                 NPS_OK);
                assert_int_equal(weighted ? nps_scale_add_weighted(&all, 5, 0.3)
                                          : nps_scale_add(&all, 5),
                                 NPS_OK);
            }
            assert_true(value(&none, NPS_S_VALUE, 0.95) == 0.0);
            assert_true(value(&none, NPS_S_CI_LOWER, 0.95) == 0.0);
            assert_near(value(&none, NPS_S_CI_UPPER, 0.95), 100.0 * z2 / (n + z2), 1e-11);
            assert_true(value(&all, NPS_S_VALUE, 0.95) == 100.0);
            assert_true(value(&all, NPS_S_CI_UPPER, 0.95) == 100.0);
            assert_near(value(&all, NPS_S_CI_LOWER, 0.95), 100.0 * n / (n + z2), 1e-11);
        }
    }
}

/* S2, S4: the example, counts (1, 1, 2, 4, 8, 10, 4) of 1..7: sum
 * 153, mean 5.1; sum of squares 843, sample variance (843 - 30 * 5.1^2) /
 * 29 = 62.7 / 29, sd 1.4704; t(29, 0.975) = 2.0452296421327043, so the
 * margin is 0.54905546997365625; 22 of 30 easy (5-7). */
TEST(test_s4_ces_example)
{
    static const int c[] = {1, 1, 2, 4, 8, 10, 4};
    nps_scale_state s = counts(NPS_CES, c, 7);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 5.1, 1e-14);
    assert_near(value(&s, NPS_S_SHARE, 0.95), 2200.0 / 30.0, 1e-13);
    assert_near(sqrt(62.7 / 29.0), 1.4704, 1e-4);
    assert_near(value(&s, NPS_S_MOE, 0.95), 0.54905546997365625, 1e-12);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 5.1 - 0.54905546997365625, 1e-12);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 5.1 + 0.54905546997365625, 1e-12);
    /* another level: t(29, 0.995) = 2.7563859036706... by the same route */
    assert_near(value(&s, NPS_S_MOE, 0.99) / value(&s, NPS_S_MOE, 0.95),
                2.7563859036706 / 2.0452296421327043, 1e-9);
}

/* S4: one answer has no spread: the mean, but no margin (NULL); answers that
 * all agree have a margin of 0. */
TEST(test_s4_ces_degenerate)
{
    static const int one[] = {0, 0, 0, 0, 1, 0, 0}, same[] = {0, 0, 0, 0, 0, 9, 0};
    nps_scale_state s = counts(NPS_CES, one, 7);
    double v;
    assert_near(value(&s, NPS_S_VALUE, 0.95), 5.0, 0);
    assert_int_equal(nps_scale_compute(&s, NPS_S_MOE, 0.95, &v), NPS_EMPTY);
    assert_int_equal(nps_scale_compute(&s, NPS_S_CI_LOWER, 0.95, &v), NPS_EMPTY);
    s = counts(NPS_CES, same, 7);
    assert_near(value(&s, NPS_S_MOE, 0.95), 0.0, 0);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 6.0, 0);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 6.0, 0);
    /* two answers far apart: t(1) = 12.7062 makes the margin 6 * 12.7 / 2 =
     * 38.1, kept to the width of the scale, and the bounds to 1..7 */
    static const int apart[] = {1, 0, 0, 0, 0, 0, 1};
    s = counts(NPS_CES, apart, 7);
    assert_near(value(&s, NPS_S_MOE, 0.95), 6.0, 0);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 1.0, 0);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 7.0, 0);
}

/* R5 for scales: no rows, or only weights of 0, give NULL. */
TEST(test_s2_empty)
{
    nps_scale_state s;
    double v;
    for (int k = 0; k < NPS_NSCALES; k++) {
        nps_scale_init(&s, (nps_scale)k);
        for (int m = 0; m < NPS_NSCALE_MEASURES; m++)
            assert_int_equal(nps_scale_compute(&s, (nps_scale_measure)m, 0.95, &v), NPS_EMPTY);
        assert_int_equal(nps_scale_add_weighted(&s, 3, 0.0), NPS_OK);
        for (int m = 0; m < NPS_NSCALE_MEASURES; m++)
            assert_int_equal(nps_scale_compute(&s, (nps_scale_measure)m, 0.95, &v), NPS_EMPTY);
        char json[NPS_SCALE_SUMMARY_MAX];
        assert_int_equal(nps_scale_summary_json(&s, json, sizeof json), NPS_EMPTY);
    }
}

/* R8: a confidence outside (0, 1) is an error for the margins and bounds. */
TEST(test_s4_confidence)
{
    static const int c[] = {1, 1, 2, 4, 8, 10, 4};
    nps_scale_state s = counts(NPS_CES, c, 7);
    double v;
    assert_int_equal(nps_scale_compute(&s, NPS_S_MOE, 1.0, &v), NPS_E_CONFIDENCE);
    assert_int_equal(nps_scale_compute(&s, NPS_S_CI_LOWER, 0.0, &v), NPS_E_CONFIDENCE);
    assert_int_equal(nps_scale_compute(&s, NPS_S_CI_UPPER, NAN, &v), NPS_E_CONFIDENCE);
    assert_int_equal(nps_t_for_confidence(1.5, 10, &v), NPS_E_CONFIDENCE);
}

/* S4: Student's t quantiles against 30-digit values (mpmath's incomplete
 * beta, solved for the quantile) and classic table entries. */
TEST(test_s4_t_quantiles)
{
    static const struct {
        double df, confidence, t;
    } want[] = {
        {1, 0.95, 12.706204736174705},    {2, 0.95, 4.3026527297494639},
        {10, 0.95, 2.2281388519862747},   {29, 0.95, 2.0452296421327043},
        {30, 0.99, 2.7499956535672253},   {2.5, 0.9, 2.5582186141359366},
        {0.5, 0.95, 164.55767348048853},  {2.6, 0.95, 3.4781824106911312},
        {5000, 0.95, 1.9604385517065079},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        double t;
        assert_int_equal(nps_t_for_confidence(want[i].confidence, want[i].df, &t), NPS_OK);
        assert_near(t, want[i].t, 1e-12);
    }
    /* df = 1 is the Cauchy distribution: tan(pi c / 2) exactly */
    double t;
    assert_int_equal(nps_t_for_confidence(0.8, 1.0, &t), NPS_OK);
    assert_near(t, tan(3.14159265358979323846 * 0.4), 1e-12);
    /* a huge df: the normal quantile plus the first term of the expansion,
     * (z^3 + z) / 4 df, the rest far below a double's precision */
    double z = 1.959963984540054;
    assert_int_equal(nps_t_for_confidence(0.95, 1e12, &t), NPS_OK);
    assert_near(t, z + (z * z * z + z) / 4e12, 1e-15);
}

/* S3, S4 weighted: by hand from the formulas.  CSAT: 5 (w 3), 2 (w 1), 4
 * (w 0.5), 1 (w 0.5): p = 3.5 / 5 = 0.7, Kish n = 25 / 10.5; Wilson on that
 * n: 19.588335979968931 .. 95.71732161027428.  CES: 2 (w 1), 4 (w 1), 4 (w
 * 2), 6 (w 2): mean 26 / 6, v = sum w (x - mean)^2 / 6, n = 36 / 10, t(2.6)
 * = 3.4781824106911312, margin 2.9646189922154023. */
TEST(test_s4_weighted_by_hand)
{
    nps_scale_state s;
    nps_scale_init(&s, NPS_CSAT);
    assert_int_equal(nps_scale_add_weighted(&s, 5, 3.0), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 2, 1.0), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 4, 0.5), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 1, 0.5), NPS_OK);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 70.0, 1e-13);
    assert_near(value(&s, NPS_S_CI_LOWER, 0.95), 19.588335979968931, 1e-12);
    assert_near(value(&s, NPS_S_CI_UPPER, 0.95), 95.71732161027428, 1e-12);
    assert_near(value(&s, NPS_S_MOE, 0.95), 38.064492815152675, 1e-12);
    nps_scale_init(&s, NPS_CES);
    assert_int_equal(nps_scale_add_weighted(&s, 2, 1.0), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 4, 1.0), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 4, 2.0), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 6, 2.0), NPS_OK);
    assert_near(value(&s, NPS_S_VALUE, 0.95), 26.0 / 6.0, 1e-14);
    assert_near(value(&s, NPS_S_SHARE, 0.95), 100.0 * 2.0 / 6.0, 1e-13);
    assert_near(value(&s, NPS_S_MOE, 0.95), 2.9646189922154023, 1e-12);
}

/* R5 for scales: equal weights give the unweighted numbers, and the
 * numbers do not depend on the scale of the weights (1e-300 .. 1e150). */
TEST(test_s2_scale_free)
{
    static const int c[] = {1, 1, 2, 4, 8, 10, 4};
    static const double w[] = {1e-300, 2.5, 1e150};
    nps_scale_state plain = counts(NPS_CES, c, 7);
    for (size_t k = 0; k < 3; k++) {
        nps_scale_state s;
        nps_scale_init(&s, NPS_CES);
        for (int i = 0; i < 7; i++)
            for (int r = 0; r < c[i]; r++)
                assert_int_equal(nps_scale_add_weighted(&s, i + 1, w[k]), NPS_OK);
        for (int m = 0; m < NPS_NSCALE_MEASURES; m++)
            assert_near(value(&s, (nps_scale_measure)m, 0.95),
                        value(&plain, (nps_scale_measure)m, 0.95), 1e-13);
    }
}

/* S5: removing what was added restores the state bit for bit; merging is
 * order-independent; taking out what a state does not hold is refused. */
TEST(test_s5_arithmetic)
{
    nps_scale_state a, b, ab, ba, t;
    nps_scale_init(&a, NPS_CES);
    nps_scale_init(&b, NPS_CES);
    assert_int_equal(nps_scale_add(&a, 3), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&a, 7, 0.1), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&b, 7, 1e10), NPS_OK);
    assert_int_equal(nps_scale_add(&b, 1), NPS_OK);
    t = a;
    assert_int_equal(nps_scale_add_weighted(&t, 7, 0.3), NPS_OK);
    assert_int_equal(nps_scale_add(&t, 5), NPS_OK);
    assert_int_equal(nps_scale_remove(&t, 5), NPS_OK);
    assert_int_equal(nps_scale_remove_weighted(&t, 7, 0.3), NPS_OK);
    assert_memory_equal(&t, &a, sizeof a);
    ab = a;
    ba = b;
    assert_int_equal(nps_scale_merge(&ab, &b), NPS_OK);
    assert_int_equal(nps_scale_merge(&ba, &a), NPS_OK);
    uint8_t x[NPS_SCALE_BYTES], y[NPS_SCALE_BYTES];
    size_t lx = nps_scale_encode(&ab, x), ly = nps_scale_encode(&ba, y);
    assert_int_equal(lx, ly);
    assert_memory_equal(x, y, lx);
    assert_int_equal(ab.rows, 4);
    assert_int_equal(nps_scale_unmerge(&ab, &b), NPS_OK);
    assert_int_equal(nps_scale_encode(&ab, y), nps_scale_encode(&a, x));
    assert_memory_equal(x, y, nps_scale_encode(&a, x));
    /* nothing to take out */
    t = a;
    assert_int_equal(nps_scale_remove(&t, 7), NPS_E_REMOVE); /* the 7 is weighted */
    assert_int_equal(nps_scale_remove(&t, 4), NPS_E_REMOVE);
    assert_int_equal(nps_scale_remove_weighted(&t, 3, 1.0), NPS_E_REMOVE);
    assert_int_equal(nps_scale_unmerge(&t, &b), NPS_E_REMOVE);
    assert_memory_equal(&t, &a, sizeof a);
    /* a weight that was never added, beside one that was */
    assert_int_equal(nps_scale_add_weighted(&t, 7, 0.2), NPS_OK);
    assert_int_equal(nps_scale_remove_weighted(&t, 7, 0.5), NPS_E_REMOVE);
    /* the row limit */
    t.count[0] = NPS_MAX_ROWS - t.rows + t.count[0];
    t.rows = NPS_MAX_ROWS;
    assert_int_equal(nps_scale_add(&t, 2), NPS_E_OVERFLOW);
    assert_int_equal(nps_scale_merge(&t, &b), NPS_E_OVERFLOW);
}

/* The bytes of S6 written here from the description: magic, version 1,
 * flags 0, the counts little-endian, the test's own CRC-32 of what precedes. */
static size_t craft_scale(const char *magic, const int64_t *c, int n, uint8_t *out)
{
    size_t len = 8 + 8 * (size_t)n + 4;
    memset(out, 0, len);
    memcpy(out, magic, 3);
    out[3] = 1;
    for (int i = 0; i < n; i++)
        for (int b = 0; b < 8; b++)
            out[8 + 8 * i + b] = (uint8_t)((uint64_t)c[i] >> (8 * b));
    uint32_t crc = 0xffffffffu;
    for (size_t i = 0; i < len - 4; i++) {
        crc ^= out[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    crc ^= 0xffffffffu;
    for (int b = 0; b < 4; b++)
        out[len - 4 + b] = (uint8_t)(crc >> (8 * b));
    return len;
}

/* S6: the binary form is what the description says, byte for byte, and
 * reads back; lengths 52 (CSAT) and 68 (CES) unweighted. */
TEST(test_s6_binary)
{
    static const int c[] = {2, 3, 5, 20, 30};
    static const int64_t c64[] = {2, 3, 5, 20, 30};
    nps_scale_state s = counts(NPS_CSAT, c, 5), back;
    uint8_t got[NPS_SCALE_BYTES], want[NPS_SCALE_BYTES];
    size_t len = nps_scale_encode(&s, got);
    assert_int_equal(len, 52);
    assert_int_equal(craft_scale("cst", c64, 5, want), 52);
    assert_memory_equal(got, want, 52);
    assert_int_equal(nps_scale_decode(NPS_CSAT, want, 52, &back), NPS_OK);
    assert_memory_equal(&back, &s, sizeof s);
    static const int64_t e64[] = {1, 1, 2, 4, 8, 10, 4};
    assert_int_equal(craft_scale("ces", e64, 7, want), 68);
    assert_int_equal(nps_scale_decode(NPS_CES, want, 68, &back), NPS_OK);
    assert_near(value(&back, NPS_S_VALUE, 0.95), 5.1, 1e-14);
    /* weighted: 8 + 40 + 40 + 10 sums of 48 + 4 = 572 for CSAT */
    assert_int_equal(nps_scale_add_weighted(&s, 5, 0.25), NPS_OK);
    len = nps_scale_encode(&s, got);
    assert_int_equal(len, 572);
    assert_int_equal(nps_scale_decode(NPS_CSAT, got, len, &back), NPS_OK);
    assert_memory_equal(&back, &s, sizeof s);
}

/* S6: a blob that is not a good state of the scale is an error that says
 * what is wrong, and the output is untouched. */
TEST(test_s6_bad_blobs)
{
    static const int64_t c64[] = {2, 3, 5, 20, 30};
    uint8_t b[NPS_SCALE_BYTES];
    nps_scale_state out, sentinel;
    memset(&sentinel, 0xa5, sizeof sentinel);
    out = sentinel;
    size_t len = craft_scale("cst", c64, 5, b);
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len - 1, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_LENGTH));
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, 5, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_LENGTH));
    assert_int_equal(nps_scale_decode(NPS_CES, b, len, &out),
                     nps_scale_status(NPS_CES, NPS_SE_IS_SCALE + NPS_CSAT));
    b[20] ^= 1;
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_CHECKSUM));
    b[20] ^= 1;
    b[3] = 2;
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_VERSION));
    b[3] = 1;
    b[4] = 1; /* weighted flag on a plain-length blob */
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_LENGTH));
    b[4] = 2; /* an unknown flag */
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_VERSION));
    static const int64_t neg[] = {2, -3, 5, 20, 30};
    len = craft_scale("cst", neg, 5, b);
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_VALUE));
    static const int64_t huge[] = {NPS_MAX_ROWS, 1, 0, 0, 0};
    len = craft_scale("cst", huge, 5, b);
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_VALUE));
    memcpy(b, "xyz", 3);
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_MAGIC));
    assert_memory_equal(&out, &sentinel, sizeof out);
}

/* S6: a state of another measure is named, in every direction. */
TEST(test_s6_foreign_states)
{
    static const int64_t c64[] = {2, 3, 5, 20, 30};
    uint8_t b[NPS_STATE_BYTES + NPS_SCALE_BYTES], pb[NPS_PAIR_BYTES];
    nps_scale_state out;
    nps_state ns;
    nps_pair_state ps;
    nps_state_init(&ns);
    assert_int_equal(nps_add(&ns, 9), NPS_OK);
    size_t len = nps_encode(&ns, b);
    assert_int_equal(nps_scale_decode(NPS_CSAT, b, len, &out),
                     nps_scale_status(NPS_CSAT, NPS_SE_IS_NPS));
    assert_int_equal(nps_scale_decode(NPS_CES, b, len, &out),
                     nps_scale_status(NPS_CES, NPS_SE_IS_NPS));
    nps_pair_init(&ps);
    len = nps_pair_encode(&ps, pb);
    assert_int_equal(nps_scale_decode(NPS_CES, pb, len, &out),
                     nps_scale_status(NPS_CES, NPS_SE_IS_PAIR));
    len = craft_scale("cst", c64, 5, b);
    assert_int_equal(nps_decode(b, len, &ns), nps_scale_status(NPS_CSAT, NPS_SE_IN_NPS));
    assert_int_equal(nps_pair_decode(b, len, &ps), nps_scale_status(NPS_CSAT, NPS_SE_IN_PAIR));
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_IS_NPS), "csat", "52");
    assert_string_equal(msg, "csat: takes a csat_state, got an nps_state");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_IN_NPS), "nps", "52");
    assert_string_equal(msg, "nps: takes an nps_state, got a csat_state");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CES, NPS_SE_IS_SCALE + NPS_CSAT), "ces_of",
                "");
    assert_string_equal(msg, "ces_of: takes a ces_state, got a csat_state");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_IN_PAIR), "nps_change", "");
    assert_string_equal(msg, "nps_change: takes an nps_pair_state, got a csat_state");
}

/* S7: the words of each scale's errors, and their SQLSTATEs. */
TEST(test_s7_messages)
{
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_RANGE), "csat", "6");
    assert_string_equal(msg, "csat: score 6 is outside 1..5");
    assert_string_equal(nps_sqlstate(nps_scale_status(NPS_CSAT, NPS_SE_RANGE)), "22003");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CES, NPS_SE_RANGE), "ces_moe", "8");
    assert_string_equal(msg, "ces_moe: score 8 is outside 1..7");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_LENGTH), "csat_state", "3");
    assert_string_equal(msg, "csat_state: invalid csat_state: 3 bytes, expected 52 or 572");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CES, NPS_SE_LENGTH), "ces", "3");
    assert_string_equal(msg, "ces: invalid ces_state: 3 bytes, expected 68 or 796");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CES, NPS_SE_WEIGHT_STATE), "ces", "");
    assert_string_equal(msg, "ces: a weight cannot be applied to a ces_state");
    nps_message(msg, sizeof msg, nps_scale_status(NPS_CSAT, NPS_SE_TEXT), "csat_state", "'x'");
    assert_string_equal(msg, "csat_state: invalid csat_state text 'x'");
    for (int k = 0; k < NPS_NSCALES; k++)
        for (int e = 1; e < NPS_SE_COUNT; e++) {
            nps_scale kk;
            nps_scale_error ee;
            nps_status st = nps_scale_status((nps_scale)k, (nps_scale_error)e);
            assert_true(nps_scale_error_of(st, &kk, &ee));
            assert_int_equal(kk, k);
            assert_int_equal(ee, e);
            assert_string_equal(nps_sqlstate(st), "22023");
            nps_message(msg, sizeof msg, st, "f", "v");
            assert_null(strchr(msg, '{')); /* every word put in */
        }
    nps_scale kk;
    nps_scale_error ee;
    assert_false(nps_scale_error_of(NPS_E_SCORE_RANGE, &kk, &ee));
    assert_true(nps_is_decode_error(nps_scale_status(NPS_CES, NPS_SE_CHECKSUM)));
    assert_false(nps_is_decode_error(nps_scale_status(NPS_CES, NPS_SE_IS_NPS)));
    assert_true(nps_is_decode_error(NPS_E_STATE_LENGTH));
}

/* S6: the text form round-trips exactly, weighted too, and bad text is an
 * error of the scale. */
TEST(test_s6_text)
{
    static const int c[] = {1, 1, 2, 4, 8, 10, 4};
    nps_scale_state s = counts(NPS_CES, c, 7), back;
    char buf[NPS_SCALE_TEXT_MAX];
    nps_scale_to_text(&s, buf, sizeof buf);
    assert_string_equal(buf, "scores=1,1,2,4,8,10,4");
    assert_int_equal(nps_scale_from_text(NPS_CES, buf, &back), NPS_OK);
    assert_memory_equal(&back, &s, sizeof s);
    assert_int_equal(nps_scale_add_weighted(&s, 2, 0.1), NPS_OK);
    assert_int_equal(nps_scale_add_weighted(&s, 2, 0.2), NPS_OK);
    nps_scale_to_text(&s, buf, sizeof buf);
    assert_int_equal(nps_scale_from_text(NPS_CES, buf, &back), NPS_OK);
    assert_memory_equal(&back, &s, sizeof s);
    nps_status bad = nps_scale_status(NPS_CES, NPS_SE_TEXT);
    assert_int_equal(nps_scale_from_text(NPS_CES, "scores=1,2,3,4,5", &back), bad);
    assert_int_equal(nps_scale_from_text(NPS_CSAT, "scores=1,2,3,4,5,6,7", &back),
                     nps_scale_status(NPS_CSAT, NPS_SE_TEXT));
    assert_int_equal(nps_scale_from_text(NPS_CES, "scores=1,2,3,4,5,6,-7", &back), bad);
    assert_int_equal(nps_scale_from_text(NPS_CES,
                                         "scores=1,1,1,1,1,1,1 weighted=0,2,0,0,0,0,0 "
                                         "wsum=0,1,0,0,0,0,0 wsq=0,1,0,0,0,0,0",
                                         &back),
                     bad); /* 2 weighted rows of score 2 with only one row of it */
}

/* The summary of a scale: the counts and the values, null where S4 has none. */
TEST(test_s2_summary)
{
    static const int c[] = {2, 3, 5, 20, 30}, one[] = {0, 0, 1, 0, 0, 0, 0};
    nps_scale_state s = counts(NPS_CSAT, c, 5);
    char json[NPS_SCALE_SUMMARY_MAX];
    assert_int_equal(nps_scale_summary_json(&s, json, sizeof json), NPS_OK);
    assert_non_null(strstr(json, "{\"n\":60,\"csat\":83.33333333333"));
    assert_non_null(strstr(json, ",\"ci95_lower\":71.9683868363"));
    assert_non_null(strstr(json, ",\"scores\":[2,3,5,20,30]}"));
    assert_null(strstr(json, "easy_share"));
    s = counts(NPS_CES, one, 7);
    assert_int_equal(nps_scale_summary_json(&s, json, sizeof json), NPS_OK);
    assert_string_equal(json,
                        "{\"n\":1,\"ces\":3,\"easy_share\":0,\"moe95\":null,"
                        "\"ci95_lower\":null,\"ci95_upper\":null,\"scores\":[0,0,1,0,0,0,0]}");
}
