/* test_sum.c -- the exact sums (core/sum.c; R10). */
#include "helpers.h"

/* R10: sums never overflow: a promoter and a detractor of weight 1e154
 * merged into themselves until the state holds 2^62 rows have sums of 2^61 x
 * 1e154 and squares of 2^61 x 1e308 (far past DBL_MAX), held exactly; the
 * results are finite (p = d = 1/2, variance 1, n = 2^62: stderr 100 x 2^-31
 * exactly), and one more doubling is NPS_E_OVERFLOW, state unchanged. */
TEST(test_r10_sums_past_dbl_max)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 10, 1e154), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 0, 1e154), NPS_OK);
    for (int k = 0; k < 61; k++) {
        nps_state t = s;
        assert_int_equal(nps_merge(&s, &t), NPS_OK);
    }
    assert_int_equal(nps_rows(&s), CAP_ROWS);
    assert_int_equal(s.wsum[NPS_PROMOTER].inexact, 0);
    nps_sum want = dsum(1e154);
    want.exp += 61;
    assert_true(same_sum(&s.wsum[NPS_PROMOTER], &want));
    assert_true(sum_value(&s.wsq[NPS_DETRACTOR]) > (long double)DBL_MAX);
    for (size_t i = 0; i < NMEASURES; i++)
        assert_true(isfinite(measure(&s, all_measures[i], 0.95)));
    assert_near(measure(&s, NPS_M_NPS, 0.95), 0.0, 0);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), ldexp(100.0, -31), TOL);
    uint8_t buf[NPS_STATE_BYTES];
    nps_state back;
    assert_int_equal(nps_decode(buf, nps_encode(&s, buf), &back), NPS_OK);
    assert_state_equal(&back, &s);
    nps_state before = s, t = s;
    assert_int_equal(nps_merge(&s, &t), NPS_E_OVERFLOW);
    assert_memory_equal(&s, &before, sizeof s);
}

/* R10: the exact sum itself.  Ten times 0.1 added is exactly ten times the
 * double 0.1 (not 1.0, not the rounded double sum), and taking 0.1 out ten
 * times leaves exactly zero; the squares likewise.  1e155 is
 * NPS_E_WEIGHT_SQUARE. */
TEST(test_r10_sum_exactness)
{
    nps_sum s, q;
    memset(&s, 0, sizeof s);
    memset(&q, 0, sizeof q);
    for (int i = 0; i < 10; i++) {
        assert_int_equal(nps_sum_add(&s, 0.1, 1), NPS_OK);
        assert_int_equal(nps_sum_add_square(&q, 0.1, 1), NPS_OK);
    }
    nps_sum ten = dsum(0.1);
    ten.limb[0] *= 10; /* 53-bit mantissa times 10 fits a limb */
    assert_true(same_sum(&s, &ten));
    nps_sum one = dsum(1.0);
    assert_false(same_sum(&s, &one));
    nps_sum q10 = dsquare(0.1);
    unsigned __int128 m = ((unsigned __int128)q10.limb[1] << 64 | q10.limb[0]) * 10u;
    q10.limb[0] = (uint64_t)m;
    q10.limb[1] = (uint64_t)(m >> 64);
    assert_true(same_sum(&q, &q10));           /* same_sum compares canonical forms */
    assert_int_equal(nps_sum_exponent(&s), 0); /* 10 x 0.1 is just above 1 */
    int32_t e;
    double d = nps_sum_scaled(&s, &e);
    assert_same_double(ldexp(d, e), 1.0000000000000000); /* rounds once, to 1 */
    for (int i = 0; i < 10; i++) {
        assert_int_equal(nps_sum_add(&s, 0.1, -1), NPS_OK);
        assert_int_equal(nps_sum_add_square(&q, 0.1, -1), NPS_OK);
    }
    assert_true(nps_sum_is_zero(&s) && nps_sum_is_zero(&q));
    nps_sum zero;
    memset(&zero, 0, sizeof zero);
    assert_true(same_sum(&s, &zero) && same_sum(&q, &zero));
    assert_int_equal(nps_sum_exponent(&s), INT32_MIN);
    /* taking out what is not there */
    nps_sum before = s;
    assert_int_equal(nps_sum_add(&s, 0.1, -1), NPS_E_REMOVE);
    assert_memory_equal(&s, &before, sizeof s);
    /* the same through the state */
    nps_state st, empty;
    nps_state_init(&st);
    nps_state_init(&empty);
    assert_int_equal(nps_add(&st, 9), NPS_OK);
    nps_state base = st;
    for (int i = 0; i < 10; i++)
        assert_int_equal(nps_add_weighted(&st, 9, 0.1), NPS_OK);
    for (int i = 0; i < 9; i++) {
        assert_int_equal(nps_remove_weighted(&st, 9, 0.1), NPS_OK);
        assert_int_equal(st.wsum[NPS_PROMOTER].inexact, 0);
    }
    nps_sum one_tenth = dsum(0.1);
    assert_true(same_sum(&st.wsum[NPS_PROMOTER], &one_tenth));
    assert_int_equal(nps_remove_weighted(&st, 9, 0.1), NPS_OK);
    assert_same_encoding(&st, &base);
    assert_int_equal(nps_add_weighted(&st, 9, 1e155), NPS_E_WEIGHT_SQUARE);
    assert_int_equal(nps_add_weighted(&st, 9, 1.4e154), NPS_E_WEIGHT_SQUARE); /* > sqrt(DBL_MAX) */
    assert_same_encoding(&st, &base);
}

/* R10: past the exact range a sum is marked inexact: weights 1e-300 and 1e10
 * in one category.  Its results are still right (the promoters weigh 1e10,
 * the detractor 1e10: NPS 0), it shows as '~' in the text form and keeps the
 * mark through text and binary, and nothing can be taken out of it
 * (NPS_E_INEXACT, state unchanged), by removal or by unmerge; other
 * categories stay exact. */
TEST(test_r10_inexact_sum)
{
    nps_state s, part;
    nps_state_init(&s);
    nps_state_init(&part);
    assert_int_equal(nps_add_weighted(&s, 9, 1e-300), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 1e10), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 0, 1e10), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 0, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&part, 9, 1e-300), NPS_OK);
    assert_int_equal(s.wsq[NPS_PROMOTER].inexact, 1);
    assert_int_equal(s.wsum[NPS_DETRACTOR].inexact | s.wsq[NPS_DETRACTOR].inexact, 0);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 * (1e10 - (1e10 + 1.0)) / (2e10 + 1.0), TOL);
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(&s, text, sizeof text);
    /* detractors: 1e10 + 1 exactly, squares 1e20 + 1 = 0x56bc75e2d63100000 + 1
     * (not a double: hex); promoters: 1e10 and 1e20, the 1e-300 dropped, '~' */
    assert_string_equal(text, "scores=2,0,0,0,0,0,0,0,0,1,1 weighted=2,0,2 "
                              "wsum=10000000001,0,~10000000000 "
                              "wsq=0x56bc75e2d63100001p0,0,~1e+20");
    nps_state back = sentinel_state();
    assert_int_equal(nps_state_from_text(text, &back), NPS_OK);
    assert_same_encoding(&back, &s);
    assert_int_equal(back.wsq[NPS_PROMOTER].inexact, 1);
    nps_state before = s;
    assert_int_equal(nps_remove_weighted(&s, 10, 1e10), NPS_E_INEXACT);
    assert_int_equal(nps_remove_weighted(&s, 9, 1e-300), NPS_E_INEXACT);
    assert_int_equal(nps_unmerge(&s, &part), NPS_E_INEXACT);
    assert_memory_equal(&s, &before, sizeof s);
    /* the exact detractors still slide */
    assert_int_equal(nps_remove_weighted(&s, 0, 1.0), NPS_OK);
    assert_sum_is(s.wsum[NPS_DETRACTOR], 1e10);
    /* an inexact state merged in makes the target inexact */
    nps_state m;
    nps_state_init(&m);
    assert_int_equal(nps_merge(&m, &before), NPS_OK);
    assert_int_equal(m.wsq[NPS_PROMOTER].inexact, 1);
}
