/* test_check.c -- the checks a state read from outside passes (core/check.c; R7, R10, R11). */
#include "helpers.h"

/* Expect a crafted state to be refused as NPS_E_STATE_VALUE, binary and text alike. */
#define assert_refused(s) assert_refused_at((s), 1, __FILE__, __LINE__)
/* The same, binary only: for defects the text form cannot carry. */
#define assert_refused_blob(s) assert_refused_at((s), 0, __FILE__, __LINE__)

/* Implementation of assert_refused(); out must stay untouched. */
static void assert_refused_at(const nps_state *s, int text_too, const char *file, int line)
{
    uint8_t buf[NPS_STATE_BYTES];
    nps_state t = *s;
    size_t len = craft_flags(&t, has_weighted_part(s) ? 1u : 0u, buf);
    nps_state out = sentinel_state(), sent = sentinel_state();
    nps_status st = nps_decode(buf, len, &out);
    if (st != NPS_E_STATE_VALUE || memcmp(&out, &sent, sizeof out) != 0) {
        print_error("%s:%d: decode gave status %d, want NPS_E_STATE_VALUE\n", file, line, (int)st);
        _fail(file, line);
    }
    /* the text form writes sums only when some row is weighted */
    if (!text_too || !(s->weighted[0] | s->weighted[1] | s->weighted[2]))
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            if (!text_too || !sum_zero(&s->wsum[c]) || !sum_zero(&s->wsq[c]))
                return;
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(s, text, sizeof text);
    st = nps_state_from_text(text, &out);
    if (st != NPS_E_STATE_TEXT || memcmp(&out, &sent, sizeof out) != 0) {
        print_error("%s:%d: text '%s' gave status %d, want NPS_E_STATE_TEXT\n", file, line, text,
                    (int)st);
        _fail(file, line);
    }
}

/* R11: a negative count anywhere, with a valid checksum, is NPS_E_STATE_VALUE. */
TEST(test_r11_negative_counts_refused)
{
    for (int i = 0; i < NPS_NSCORES; i++) {
        nps_state s = counts_state(3, 3, 3);
        s.count[i] = -1;
        assert_refused(&s);
        s.count[i] = INT64_MIN;
        assert_refused(&s);
    }
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        nps_state s = counts_state(3, 3, 3);
        s.weighted[c] = -1;
        assert_refused(&s);
    }
}

/* R11: more weighted rows than rows of the category is NPS_E_STATE_VALUE. */
TEST(test_r11_weighted_exceeds_rows_refused)
{
    nps_state s = weighted_reference(); /* 1 detractor, 1 passive, 2 promoters, all weighted */
    s.weighted[NPS_PROMOTER] = 3;
    assert_refused(&s);
    s = weighted_reference();
    s.weighted[NPS_DETRACTOR] = 2;
    assert_refused(&s);
    s = counts_state(0, 0, 4); /* promoters but no passive: a weighted passive is impossible */
    s.weighted[NPS_PASSIVE] = 1;
    s.wsum[NPS_PASSIVE] = dsum(1.0);
    s.wsq[NPS_PASSIVE] = dsum(1.0);
    assert_refused(&s);
}

/* R11: sums that no weights could give are NPS_E_STATE_VALUE: a sum of
 * squares outside wsum^2 / k .. wsum^2 (k weighted rows, w >= 0), a zero sum
 * with nonzero squares or the reverse, sums on a category without weighted
 * rows, an inexact flag other than 0 or 1, a sum that is not canonical, and
 * sums beyond what 2^62 finite weights with finite squares reach. */
TEST(test_r11_bad_sums_refused)
{
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        nps_state ref = weighted_reference(), s;
        double w = (double)sum_value(&ref.wsum[c]), k = (double)ref.weighted[c];
        /* wsq above wsum^2, and below wsum^2 / k; all exact doubles here */
        s = ref;
        s.wsq[c] = dsum(w * w * 2.0);
        assert_refused(&s);
        s = ref;
        s.wsq[c] = dsum(w * w / k / 2.0);
        assert_refused(&s);
        /* just outside the 1e-12 slack */
        s = ref;
        s.wsq[c] = dsum(w * w * (1.0 + 1e-9));
        assert_refused(&s);
        /* zero with nonzero */
        s = ref;
        memset(&s.wsum[c], 0, sizeof s.wsum[c]);
        assert_refused(&s);
        s = ref;
        memset(&s.wsq[c], 0, sizeof s.wsq[c]);
        assert_refused(&s);
        /* inexact flag 2 */
        s = ref;
        s.wsum[c].inexact = 2;
        assert_refused_blob(&s);
        /* not canonical: the same value with the lowest bit not in bit 0 */
        s = ref;
        s.wsum[c] = canon(s.wsum[c]);
        s.wsum[c].limb[0] <<= 1;
        s.wsum[c].exp -= 1;
        assert_refused_blob(&s);
        /* a canonical zero has exponent 0 */
        s = ref;
        s.weighted[c] = 0;
        memset(&s.wsum[c], 0, sizeof s.wsum[c]);
        memset(&s.wsq[c], 0, sizeof s.wsq[c]);
        s.wsum[c].exp = 5;
        if (s.weighted[0] | s.weighted[1] | s.weighted[2])
            assert_refused_blob(&s);
    }
    /* one row of weight 2^600: its square overflows, so no row has it */
    nps_state s = counts_state(0, 0, 1);
    s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_PROMOTER] = dsum(ldexp(1.0, 600));
    s.wsq[NPS_PROMOTER] = isum(1);
    s.wsq[NPS_PROMOTER].exp = 1200;
    assert_refused(&s);
    /* one row of weight 2^-2300: below every double */
    s.wsum[NPS_PROMOTER] = isum(1);
    s.wsum[NPS_PROMOTER].exp = -2300;
    s.wsq[NPS_PROMOTER] = isum(1);
    s.wsq[NPS_PROMOTER].exp = -4600;
    assert_refused(&s);
    /* no weighted row but a sum */
    s = counts_state(2, 2, 2);
    s.wsum[NPS_PROMOTER] = dsum(1.0);
    s.wsq[NPS_PROMOTER] = dsum(1.0);
    assert_refused(&s);
    s = counts_state(2, 2, 2);
    s.wsq[NPS_DETRACTOR] = dsum(0.5);
    assert_refused(&s);
    /* an inexact zero on a category without weighted rows */
    s = weighted_reference();
    assert_int_equal(nps_add(&s, 5), NPS_OK);
    s.weighted[NPS_DETRACTOR] = 0;
    memset(&s.wsum[NPS_DETRACTOR], 0, sizeof s.wsum[NPS_DETRACTOR]);
    memset(&s.wsq[NPS_DETRACTOR], 0, sizeof s.wsq[NPS_DETRACTOR]);
    s.wsum[NPS_DETRACTOR].inexact = 1;
    assert_refused(&s);
}

/* Expect a state to decode from the test's own blob and to read back from its
 * text form, unchanged. */
#define assert_accepted(s) assert_accepted_at((s), __FILE__, __LINE__)

/* Implementation of assert_accepted(). */
static void assert_accepted_at(const nps_state *s, const char *file, int line)
{
    uint8_t buf[NPS_STATE_BYTES];
    size_t len = craft(s, buf);
    nps_state out = sentinel_state();
    nps_status st = nps_decode(buf, len, &out);
    if (st != NPS_OK) {
        print_error("%s:%d: decode gave status %d, want NPS_OK\n", file, line, (int)st);
        _fail(file, line);
    }
    assert_state_equal_at(&out, s, file, line);
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(s, text, sizeof text);
    out = sentinel_state();
    st = nps_state_from_text(text, &out);
    if (st != NPS_OK) {
        print_error("%s:%d: text '%s' gave status %d, want NPS_OK\n", file, line, text, (int)st);
        _fail(file, line);
    }
    assert_state_equal_at(&out, s, file, line);
}

/* R10/R11: a state holds at most NPS_MAX_ROWS = 2^62 rows.  Exactly 2^62
 * decodes and parses, on one score, over every score or in weighted rows;
 * 2^62 + 1 is NPS_E_STATE_VALUE (binary) and NPS_E_STATE_TEXT (text), and so
 * are totals that pass INT64_MAX. */
TEST(test_r11_row_cap)
{
    nps_state s;
    for (int i = 0; i < NPS_NSCORES; i++) {
        memset(&s, 0, sizeof s);
        s.count[i] = CAP_ROWS;
        fix_rows(&s);
        assert_accepted(&s);
        s.count[i] = CAP_ROWS + 1;
        assert_refused(&s);
        s.count[i] = CAP_ROWS;
        s.count[(i + 1) % NPS_NSCORES] = 1;
        assert_refused(&s);
    }
    /* over every score: 10 x 419244183493398900 + 419244183493398904 = 2^62 */
    memset(&s, 0, sizeof s);
    for (int i = 0; i < 10; i++)
        s.count[i] = INT64_C(419244183493398900);
    s.count[10] = INT64_C(419244183493398904);
    fix_rows(&s);
    assert_accepted(&s);
    for (int i = 0; i < NPS_NSCORES; i++) {
        nps_state t = s;
        t.count[i]++;
        assert_refused(&t);
    }
    /* weighted: 2^62 promoters, every one of weight 1 */
    memset(&s, 0, sizeof s);
    s.count[9] = CAP_ROWS;
    s.weighted[NPS_PROMOTER] = CAP_ROWS;
    s.wsum[NPS_PROMOTER] = dsum(4611686018427387904.0);
    s.wsq[NPS_PROMOTER] = dsum(4611686018427387904.0);
    fix_rows(&s);
    assert_accepted(&s);
    s.count[0] = 1;
    assert_refused(&s);
    /* totals past INT64_MAX: two scores at the cap, or one at INT64_MAX */
    memset(&s, 0, sizeof s);
    s.count[9] = CAP_ROWS;
    s.count[10] = CAP_ROWS;
    assert_refused(&s);
    memset(&s, 0, sizeof s);
    s.count[0] = INT64_MAX;
    s.count[10] = 1;
    assert_refused(&s);
    memset(&s, 0, sizeof s);
    s.count[0] = INT64_MAX;
    assert_refused(&s);
    /* the text form, written by hand */
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,0,4611686018427387904", &out),
                     NPS_OK);
    memset(&s, 0, sizeof s);
    s.count[10] = CAP_ROWS;
    s.rows = CAP_ROWS;
    assert_state_equal(&out, &s);
    out = sentinel_state();
    assert_int_equal(nps_state_from_text(
                         "scores=2305843009213693952,0,0,0,0,0,0,0,0,0,2305843009213693952", &out),
                     NPS_OK);
    assert_int_equal(out.count[0], INT64_C(2305843009213693952));
    assert_int_equal(out.count[10], INT64_C(2305843009213693952));
    assert_int_equal(nps_rows(&out), CAP_ROWS);
    static const char *over[] = {
        "scores=0,0,0,0,0,0,0,0,0,0,4611686018427387905",
        "scores=1,0,0,0,0,0,0,0,0,0,4611686018427387904",
        "scores=2305843009213693952,0,0,0,0,0,0,0,0,0,2305843009213693953",
        "scores=0,0,0,0,0,0,0,0,0,4611686018427387904,4611686018427387904",
        ("scores=0,0,0,0,0,0,0,0,0,4611686018427387904,1 weighted=0,0,4611686018427387904 "
         "wsum=0,0,4611686018427387904 wsq=0,0,4611686018427387904"),
    };
    out = sentinel_state();
    for (size_t i = 0; i < sizeof over / sizeof over[0]; i++) {
        assert_int_equal(nps_state_from_text(over[i], &out), NPS_E_STATE_TEXT);
        assert_state_equal(&out, &sent);
    }
    /* weighted rows at the cap exactly parse */
    assert_int_equal(nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,4611686018427387904,0 "
                                         "weighted=0,0,4611686018427387904 "
                                         "wsum=0,0,4611686018427387904 wsq=0,0,4611686018427387904",
                                         &out),
                     NPS_OK);
    assert_int_equal(out.count[9], CAP_ROWS);
    assert_int_equal(out.weighted[NPS_PROMOTER], CAP_ROWS);
    assert_int_equal(nps_rows(&out), CAP_ROWS);
}

/* R7/R11: with exact sums Kish's n of a decoded state lies in 1..rows by
 * Cauchy-Schwarz, and a forged sum of squares that would push it outside
 * (too small: n above the rows; too large: n below 1) is refused. */
TEST(test_r7_kish_n_within_rows)
{
    nps_state s;
    double se;
    uint8_t buf[NPS_STATE_BYTES];
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 9, 50.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 50.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 0, 100.0), NPS_OK);
    /* honest: W = 200, Q = 2500 + 2500 + 10000, n = 40000 / 15000, p = d = 1/2 */
    assert_int_equal(nps_compute(&s, NPS_M_STDERR, 0.95, &se), NPS_OK);
    assert_near(se, 100.0 * sqrt(1.0 / (40000.0 / 15000.0)), 1e-12);
    nps_state back;
    assert_int_equal(nps_decode(buf, nps_encode(&s, buf), &back), NPS_OK);
    assert_int_equal(nps_compute(&back, NPS_M_STDERR, 0.95, &se), NPS_OK);
    assert_near(se, 100.0 * sqrt(1.0 / (40000.0 / 15000.0)), 1e-12);
    /* forged tiny sum of squares: 100^2 / 1e-10 > 2 rows */
    nps_state f = s;
    f.wsq[NPS_PROMOTER] = dsum(1e-10);
    assert_refused(&f);
    /* forged huge sum of squares: 100^2 / 1e6 < 1 */
    f = s;
    f.wsq[NPS_PROMOTER] = dsum(1e6);
    assert_refused(&f);
    /* the bounds themselves: two equal weights (n = 2) and one weight carrying all (n = 1) */
    f = s;
    f.wsq[NPS_PROMOTER] = dsum(10000.0); /* 100^2 / 10000 = 1: one row of 100, one of 0 */
    assert_accepted(&f);
}

/* R11: a sum's exponent near INT32_MAX is refused before anything shifts
 * it (found by the state_decode fuzz target as a signed overflow under
 * UBSan); so is one near INT32_MIN. */
TEST(test_r11_sum_exponent_out_of_range)
{
    nps_state s, out;
    uint8_t buf[NPS_STATE_BYTES];
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 0, 0.75), NPS_OK);
    size_t len = nps_encode(&s, buf);
    assert_int_equal(len, NPS_STATE_BYTES);
    static const uint32_t exps[] = {0x7fffffcdu, 0x80000010u};
    for (int k = 0; k < 2; k++) {
        uint8_t bad[NPS_STATE_BYTES];
        memcpy(bad, buf, len);
        for (int i = 0; i < 4; i++) /* wsum[0]: the first sum, at byte 120 */
            bad[120 + i] = (uint8_t)(exps[k] >> (8 * i));
        bad[128] = 0x02; /* an even mantissa: not canonical either */
        reseal(bad, len);
        assert_int_equal(nps_decode(bad, len, &out), NPS_E_STATE_VALUE);
    }
}

/* R11: crafted states at the edges.  One row of weight 1e307 with squares 1
 * is refused (wsum^2 / wsq is 1e614, not 1), in text and binary; sums of
 * 1e308 in two categories are refused (2^62 weights of at most sqrt(DBL_MAX)
 * sum to about 8e172); the largest weights that are possible (1e154, squares
 * 1e308 exactly) and subnormal ones give finite results in range. */
TEST(test_r11_crafted_extreme_states)
{
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 "
                                         "wsum=0,0,1e307 wsq=0,0,1",
                                         &out),
                     NPS_E_STATE_TEXT);
    assert_state_equal(&out, &sent);
    nps_state s = counts_state(0, 0, 1);
    s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_PROMOTER] = dsum(1e307);
    s.wsq[NPS_PROMOTER] = dsum(1.0);
    assert_refused(&s);
    /* 1e308 in two categories, squares consistent (one row each) */
    s = counts_state(1, 0, 1);
    s.weighted[NPS_DETRACTOR] = s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_DETRACTOR] = s.wsum[NPS_PROMOTER] = dsum(1e308);
    s.wsq[NPS_DETRACTOR] = s.wsq[NPS_PROMOTER] = dsquare(1e308);
    assert_refused(&s);
    /* the same with 1e154: accepted, NPS 0, p = d = 1/2, n = 2 */
    s.wsum[NPS_DETRACTOR] = s.wsum[NPS_PROMOTER] = dsum(1e154);
    s.wsq[NPS_DETRACTOR] = s.wsq[NPS_PROMOTER] = dsquare(1e154);
    assert_accepted(&s);
    for (size_t i = 0; i < NMEASURES; i++)
        assert_true(isfinite(measure(&s, all_measures[i], 0.95)));
    assert_same_double(measure(&s, NPS_M_NPS, 0.95), 0.0);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt(1.0 / 2.0), TOL);
    nps_state direct;
    nps_state_init(&direct);
    assert_int_equal(nps_add_weighted(&direct, 0, 1e154), NPS_OK);
    assert_int_equal(nps_add_weighted(&direct, 9, 1e154), NPS_OK);
    assert_same_encoding(&direct, &s);
    /* subnormal weights: promoters 1 and 2, detractor 3, passive 0 (units of
     * the smallest subnormal): total 6, p = d = 1/2, Kish n = 36 / 14 */
    double tiny = 4.9406564584124654e-324;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 9, tiny), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 2.0 * tiny), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 2, 3.0 * tiny), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 8, 0.0), NPS_OK);
    assert_accepted(&s);
    assert_same_double(measure(&s, NPS_M_NPS, 0.95), 0.0);
    assert_near(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 50.0, TOL);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt(14.0 / 36.0), TOL);
    double lo = measure(&s, NPS_M_CI_LOWER, 0.95), hi = measure(&s, NPS_M_CI_UPPER, 0.95);
    assert_true(-100.0 <= lo && lo <= hi && hi <= 100.0);
    /* every refusal of a malformed sum is a state error */
    static const char *bad[] = {
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,1e308 wsq=0,0,1",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0x1p-3000 wsq=0,0,0x1p-6000",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0x1p600 wsq=0,0,0x1p1200",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0xp1 wsq=0,0,1",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0x1p wsq=0,0,1",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0x1p999999999 wsq=0,0,1",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,~~1 wsq=0,0,1",
        "scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,0x"
        "1000000000000000000000000000000000000000000000000000000000000000000000000000000000p0 "
        "wsq=0,0,1",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        out = sentinel_state();
        nps_status st = nps_state_from_text(bad[i], &out);
        if (st != NPS_E_STATE_TEXT) {
            print_error("'%s': status %d, want NPS_E_STATE_TEXT\n", bad[i], (int)st);
            fail();
        }
        assert_state_equal(&out, &sent);
    }
}
