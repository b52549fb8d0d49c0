/* test_bayes.c -- small segments: the posterior of the NPS, credible intervals, probability above a
 * target, the shrunk estimate, and their special functions (core/bayes.c, core/beta.c; B1-B5). */
#include "helpers.h"

#include "../../core/internal.h"

/* P(NPS > t points) of a state, asserting the call succeeds. */
static double above(const nps_state *s, double target)
{
    double v = NAN;
    assert_int_equal(nps_prob_above(s, target, &v), NPS_OK);
    return v;
}

/* A bound of the credible interval of a state, asserting the call succeeds. */
static double credible(const nps_state *s, double prob, int upper)
{
    double v = NAN;
    assert_int_equal(nps_credible_bound(s, prob, upper, &v), NPS_OK);
    return v;
}

/* The special functions against closed forms: I_x(1, b) = 1 - (1 - x)^b,
 * I_x(a, 1) = x^a, I_{1/2}(a, a) = 1/2, Gamma(1/2) = sqrt(pi), and the
 * log-beta of large arguments against log-gammas (Stirling, by hand). */
TEST(test_beta_special_functions)
{
    assert_near(nps_beta_cdf(0.3, 1.0, 7.0), 1.0 - pow(0.7, 7.0), 1e-15);
    assert_near(nps_beta_cdf(0.3, 7.0, 1.0), pow(0.3, 7.0), 1e-15);
    assert_near(nps_beta_cdf(0.5, 40.5, 40.5), 0.5, 1e-14);
    /* at a million, the prefactor's logarithms of 1e6 leave ~1e-10 */
    assert_near(nps_beta_cdf(0.5, 5e5, 5e5), 0.5, 1e-9);
    assert_near(nps_beta_cdf(0.0, 2.0, 3.0), 0.0, 0.0);
    assert_near(nps_beta_cdf(1.0, 2.0, 3.0), 1.0, 0.0);
    assert_near(nps_log_gamma(0.5), 0.5 * log(acos(-1.0)), 1e-14);
    assert_near(nps_log_gamma(20.0), log(121645100408832000.0), 1e-13);
    /* B(3, 4) = 2! 3! / 6! = 1/60; B(1, b) = 1/b */
    assert_near(nps_log_beta(3.0, 4.0), -log(60.0), 1e-14);
    assert_near(nps_log_beta(1.0, 1e6), -log(1e6), 1e-9);
    assert_near(nps_log_beta(12.0, 15.0), lgamma(12.0) + lgamma(15.0) - lgamma(27.0), 1e-12);
}

/* B2: counts (0, 0, 0) give the uniform Dirichlet, whose NPS = P - D has
 * P(NPS > t) = (1 - t)^2 / 2 for 0 <= t <= 1 (the area of the triangle p -
 * d > t, p + d <= 1, times the density 2), and by symmetry 1 - (1 + t)^2 / 2
 * below 0; its quantiles invert it: q = 1 - (1 - t)^2 / 2. */
TEST(test_b2_uniform_closed_form)
{
    for (double t = -0.99; t < 1.0; t += 0.07) {
        double want = t >= 0 ? (1 - t) * (1 - t) / 2 : 1 - (1 + t) * (1 + t) / 2;
        assert_near(nps_dirichlet_above(1, 1, 1, 100 * t), want, 1e-12);
    }
    assert_near(nps_dirichlet_above(1, 1, 1, 0.0), 0.5, 1e-15);
    assert_near(nps_dirichlet_above(1, 1, 1, -100.0), 1.0, 0.0);
    assert_near(nps_dirichlet_above(1, 1, 1, 100.0), 0.0, 0.0);
    /* the 97.5% quantile: (1 - t)^2 / 2 = 0.025, t = 1 - sqrt(0.05) */
    assert_near(nps_dirichlet_quantile(1, 1, 1, 0.975), 100 * (1 - sqrt(0.05)), 1e-7);
    assert_near(nps_dirichlet_quantile(1, 1, 1, 0.025), -100 * (1 - sqrt(0.05)), 1e-7);
    assert_near(nps_dirichlet_quantile(1, 1, 1, 0.5), 0.0, 1e-7);
}

/* B1-B3: counts symmetric in promoters and detractors give P(NPS > 0) = 1/2
 * and a median of 0, and an interval symmetric about 0, at any n. */
TEST(test_b3_symmetric_counts)
{
    for (int64_t n = 1; n <= 100000; n *= 10) {
        nps_state s = counts_state(n, 2 * n, n);
        assert_near(above(&s, 0.0), 0.5, 1e-10);
        assert_near(nps_dirichlet_quantile(n + 1, 2 * n + 1, n + 1, 0.5), 0.0, 1e-7);
        assert_near(credible(&s, 0.9, 0), -credible(&s, 0.9, 1), 1e-7);
    }
}

/* B2: against the brute-force 2-D integration of tests/stats/bayes_reference.py
 * (an independent decomposition over D, 8-point rules on 64 panels): counts
 * 18 promoters, 12 passives, 10 detractors above 30; 4500/3500/2000 above 26. */
TEST(test_b2_reference_values)
{
    nps_state s = counts_state(10, 12, 18);
    assert_near(above(&s, 30.0), 0.178736662957393, 1e-9);
    s = counts_state(2000, 3500, 4500);
    assert_near(above(&s, 26.0), 0.09412772331254145, 1e-9);
}

/* B3: a credible bound is the quantile at (1 -+ prob) / 2, so P(NPS > lower)
 * = (1 + prob) / 2 and P(NPS > upper) = (1 - prob) / 2; a wider probability
 * gives a wider interval. */
TEST(test_b3_bounds_are_quantiles)
{
    nps_state s = counts_state(10, 12, 18);
    double lo = credible(&s, 0.95, 0), hi = credible(&s, 0.95, 1);
    assert_near(above(&s, lo), 0.975, 1e-9);
    assert_near(above(&s, hi), 0.025, 1e-9);
    assert_true(credible(&s, 0.8, 0) > lo && credible(&s, 0.8, 1) < hi);
    assert_true(lo < 20.0 && hi > 20.0); /* the sample NPS is inside */
}

/* B1: a weighted state's posterior is Dirichlet(1 + n_eff x shares): two
 * promoters weighing 1 and 3 and a detractor weighing 2 have shares 4/6,
 * 0, 2/6 and Kish's n 36/14, so the parameters are 1 + 12/7, 1, 1 + 6/7
 * (brute-force reference with 1024 panels, as the endpoint d^0.86 of a non-integer parameter needs:
 * 0.46772616551255264 above 20); the same at any scale of the weights (R5). */
TEST(test_b1_weighted_effective_n)
{
    nps_state s, tiny;
    nps_state_init(&s);
    nps_state_init(&tiny);
    double w[3] = {1, 3, 2};
    int score[3] = {9, 10, 0};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(nps_add_weighted(&s, score[i], w[i]), NPS_OK);
        assert_int_equal(nps_add_weighted(&tiny, score[i], w[i] * 1e-300), NPS_OK);
    }
    assert_near(above(&s, 20.0), nps_dirichlet_above(1 + 12.0 / 7, 1, 1 + 6.0 / 7, 20.0), 1e-12);
    assert_near(above(&s, 20.0), 0.46772616551255264, 1e-9);
    assert_near(above(&tiny, 20.0), above(&s, 20.0), 1e-12);
    assert_near(credible(&tiny, 0.9, 1), credible(&s, 0.9, 1), 1e-9);
}

/* B4: the shrunk NPS by hand: 10 promoters, 5 passives, 5 detractors under
 * a parent of 50% promoters and 20% detractors, k = 30: (10 + 15 - 5 - 6) /
 * 50 = 28; k = 0 is the segment's NPS (25); a large k tends to the
 * parent's (30). */
TEST(test_b4_shrunk_by_hand)
{
    nps_state seg = counts_state(5, 5, 10), parent = counts_state(20, 30, 50), empty;
    nps_state_init(&empty);
    double v;
    assert_int_equal(nps_shrunk(&seg, &parent, 30.0, &v), NPS_OK);
    assert_near(v, 28.0, 1e-12);
    assert_int_equal(nps_shrunk(&seg, &parent, 0.0, &v), NPS_OK);
    assert_near(v, 25.0, 1e-12);
    assert_int_equal(nps_shrunk(&seg, &parent, 1e12, &v), NPS_OK);
    assert_near(v, 30.0, 1e-9);
    /* an empty segment: the parent's NPS when k > 0, NULL when k = 0 */
    assert_int_equal(nps_shrunk(&empty, &parent, 30.0, &v), NPS_OK);
    assert_near(v, 30.0, 1e-12);
    assert_int_equal(nps_shrunk(&empty, &parent, 0.0, &v), NPS_EMPTY);
    /* an empty parent: NULL whatever k */
    assert_int_equal(nps_shrunk(&seg, &empty, 30.0, &v), NPS_EMPTY);
    assert_int_equal(nps_shrunk(&seg, &empty, 0.0, &v), NPS_EMPTY);
    /* weighted: n is Kish's n; 2 promoters of weight 1 and 3 (n = 16/10 =
     * 1.6, NPS 100) under the parent above, k = 1.6: halfway, 65 */
    nps_state w;
    nps_state_init(&w);
    assert_int_equal(nps_add_weighted(&w, 9, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&w, 10, 3.0), NPS_OK);
    assert_int_equal(nps_shrunk(&w, &parent, 1.6, &v), NPS_OK);
    assert_near(v, 65.0, 1e-12);
}

/* B2-B4: arguments outside their range are errors, checked before the
 * state; an empty state gives NPS_EMPTY (R5). */
TEST(test_b_errors_and_empty)
{
    nps_state s = counts_state(1, 1, 1), empty;
    nps_state_init(&empty);
    double v;
    double bad_prob[] = {0.0, 1.0, -0.5, 1.5, NAN, INFINITY};
    for (size_t i = 0; i < sizeof bad_prob / sizeof bad_prob[0]; i++) {
        assert_int_equal(nps_credible_bound(&s, bad_prob[i], 0, &v), NPS_E_PROBABILITY);
        assert_int_equal(nps_credible_bound(&empty, bad_prob[i], 1, &v), NPS_E_PROBABILITY);
    }
    double bad_target[] = {-100.5, 100.5, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof bad_target / sizeof bad_target[0]; i++)
        assert_int_equal(nps_prob_above(&s, bad_target[i], &v), NPS_E_TARGET);
    double bad_strength[] = {-1.0, -1e-300, NAN, INFINITY};
    for (size_t i = 0; i < sizeof bad_strength / sizeof bad_strength[0]; i++)
        assert_int_equal(nps_shrunk(&s, &s, bad_strength[i], &v), NPS_E_STRENGTH);
    assert_int_equal(nps_credible_bound(&empty, 0.95, 0, &v), NPS_EMPTY);
    assert_int_equal(nps_prob_above(&empty, 0.0, &v), NPS_EMPTY);
    assert_near(above(&s, -100.0), 1.0, 0.0);
    assert_near(above(&s, 100.0), 0.0, 0.0);
}

/* B2, B3: every result is in range and monotone in the target, from one
 * answer to a million. */
TEST(test_b3_range_and_monotone)
{
    for (int64_t n = 1; n <= 1000000; n *= 10) {
        nps_state s = counts_state(n / 5, n / 3, n - n / 5 - n / 3);
        double last = 1.0;
        for (double t = -100.0; t <= 100.0; t += 12.5) {
            double p = above(&s, t);
            assert_true(p >= 0.0 && p <= last + 1e-12);
            last = p;
        }
        double lo = credible(&s, 0.99, 0), hi = credible(&s, 0.99, 1);
        assert_true(-100.0 <= lo && lo < hi && hi <= 100.0);
    }
}
