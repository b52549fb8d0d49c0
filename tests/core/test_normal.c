/* test_normal.c -- the standard normal quantile, tail and z (core/normal.c; R8, R12). */
#include "helpers.h"

/* R8: z for the usual confidences, against Python's NormalDist().inv_cdf(0.5 + c/2)
 * to 1e-9, and to 1e-12 against sqrt(2) erfinv(c) in 50-digit arithmetic. */
TEST(test_r8_z_for_confidence)
{
    static const double exact[][2] = {
        {0.8, 1.2815515655446006},  {0.9, 1.6448536269514729},   {0.95, 1.9599639845400538},
        {0.99, 2.5758293035489004}, {0.999, 3.2905267314918945}, {0.9999999, 5.326723886480144},
    };
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
        double z = 0;
        assert_int_equal(nps_z_for_confidence(exact[i][0], &z), NPS_OK);
        assert_near(z, exact[i][1], 1e-12);
    }
    static const double ref[][2] = {
        {0.8, 1.2815515655446008},      {0.9, 1.6448536269514715},   {0.95, 1.9599639845400536},
        {0.99, 2.5758293035489},        {0.999, 3.2905267314919255}, {0.5, 0.6744897501960817},
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

/* R8: below p = 1e-300 the header promises ~1e-9 relative (no refinement
 * step there): check 1e-8 relative and finiteness down to the smallest
 * subnormal; at 1e-300 the full precision still holds.  References from
 * 50-digit arithmetic (root of log(erfc(-x / sqrt 2) / 2) = log p). */
TEST(test_r8_normal_quantile_subnormal)
{
    static const double ref[][2] = {
        {1e-305, -37.356346093067103689},
        {2.2250738585072014e-308, -37.519379347144499821}, /* DBL_MIN */
        {1e-310, -37.663060331949523732},
        {1e-315, -37.967300351067357735},
        {1e-320, -38.269125343032651018},
        {4.9406564584124654e-324, -38.467405617144346251}, /* the smallest subnormal */
    };
    for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
        double q = nps_normal_quantile(ref[i][0]);
        assert_true(isfinite(q));
        assert_near(q, ref[i][1], 1e-8);
    }
    assert_near(nps_normal_quantile(1e-300), -37.047096299361199237, 1e-13);
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
