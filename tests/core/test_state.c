/* test_state.c -- adding, removing, merging and unmerging rows (core/state.c; R1, R6, R10). */
#include "helpers.h"

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
        want.rows = 1;
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

/* R6: finite weights >= 0 are accepted; negative, infinite and NaN are not. */
TEST(test_r6_check_weight)
{
    static const double good[] = {0.0,   -0.0,   1.0, 0.5, 1e-300, 4.9406564584124654e-324,
                                  1e300, DBL_MAX};
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
    want.rows = 4;
    want.wsum[NPS_DETRACTOR] = dsum(1.5);
    want.wsum[NPS_PASSIVE] = dsum(1.0);
    want.wsum[NPS_PROMOTER] = dsum(2.5);
    want.wsq[NPS_DETRACTOR] = dsum(2.25);
    want.wsq[NPS_PASSIVE] = dsum(1.0);
    want.wsq[NPS_PROMOTER] = dsum(4.25);
    assert_state_equal(&got, &want);
    assert_sum_is(got.wsum[NPS_PROMOTER], 2.5);
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

/* R10: removing every weighted row, in any order, returns the sums to exactly
 * 0: the sums are exact, so nothing is left behind (weights spanning 1e-7 to
 * 1e10, well inside what a sum keeps exactly). */
TEST(test_r10_remove_weighted_sums_back_to_zero)
{
    static const double w[] = {0.1, 0.2, 0.7, 1e-7, 3.3, 1e10, 0.3};
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
    want.rows = 1;
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

/* R10: merging adds counts, weighted counts and sums field by field. */
TEST(test_r10_merge_adds_fields)
{
    nps_state a = counts_state(3, 1, 4), b = weighted_reference(), want;
    assert_int_equal(nps_add(&b, 5), NPS_OK);
    want = a;
    for (int i = 0; i < NPS_NSCORES; i++)
        want.count[i] += b.count[i];
    want.rows += b.rows;
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

/* R10: merge order does not matter: the sums are exact, so every order of
 * three states gives the same state, and the same results. */
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
        assert_state_equal(&m, &first);
        uint8_t em[NPS_STATE_BYTES], ef[NPS_STATE_BYTES];
        size_t lm = nps_encode(&m, em), lf = nps_encode(&first, ef);
        assert_int_equal(lm, lf);
        assert_memory_equal(em, ef, lm);
        for (size_t i = 0; i < NMEASURES; i++)
            assert_same_double(measure(&m, all_measures[i], 0.95),
                               measure(&first, all_measures[i], 0.95));
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

/* R10: states merged one by one and unmerged again end exactly empty, even
 * when the sums left rounding behind on the way (0.1 + 0.2 - 0.1 - 0.2 != 0). */
TEST(test_r10_unmerge_all_back_to_empty)
{
    nps_state a, b, m, zero;
    nps_state_init(&a);
    nps_state_init(&b);
    nps_state_init(&m);
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_add_weighted(&a, 9, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&a, 0, 0.7), NPS_OK);
    assert_int_equal(nps_add_weighted(&b, 10, 0.2), NPS_OK);
    assert_int_equal(nps_add_weighted(&b, 3, 0.1), NPS_OK);
    assert_int_equal(nps_merge(&m, &a), NPS_OK);
    assert_int_equal(nps_merge(&m, &b), NPS_OK);
    assert_int_equal(nps_unmerge(&m, &a), NPS_OK);
    assert_int_equal(nps_unmerge(&m, &b), NPS_OK);
    assert_state_equal(&m, &zero);
}

/* R10: unmerging what dst does not hold is NPS_E_REMOVE and leaves dst unchanged. */
TEST(test_r10_unmerge_not_held)
{
    nps_state dst = counts_state(1, 1, 1), before = dst, src = counts_state(1, 1, 1);
    src.count[10] = 1; /* dst holds one promoter at 9 only... */
    src.count[9] = 1;  /* ...src has one at 9 and one at 10 */
    fix_rows(&src);
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

/* R10: a merge whose result would hold more than NPS_MAX_ROWS = 2^62 rows is
 * NPS_E_OVERFLOW and leaves dst unchanged, whichever scores carry the rows;
 * a result of exactly 2^62 rows merges with exact counts. */
TEST(test_r10_merge_row_cap)
{
    assert_int_equal(NPS_MAX_ROWS, CAP_ROWS);
    for (int i = 0; i < NPS_NSCORES; i++) {
        nps_state dst, src, before;
        memset(&dst, 0, sizeof dst);
        memset(&src, 0, sizeof src);
        dst.count[i] = CAP_ROWS - 2;
        src.count[i] = 2;
        src.count[(i + 5) % NPS_NSCORES] = 1; /* one row too many, on another score */
        fix_rows(&dst);
        fix_rows(&src);
        before = dst;
        assert_int_equal(nps_merge(&dst, &src), NPS_E_OVERFLOW);
        assert_state_equal(&dst, &before);
        /* reaching exactly the cap merges */
        src.count[(i + 5) % NPS_NSCORES] = 0;
        fix_rows(&src);
        assert_int_equal(nps_merge(&dst, &src), NPS_OK);
        assert_int_equal(dst.count[i], CAP_ROWS);
        assert_int_equal(nps_rows(&dst), CAP_ROWS);
        /* and one more row, on any score, is refused */
        for (int j = 0; j < NPS_NSCORES; j++) {
            memset(&src, 0, sizeof src);
            src.count[j] = 1;
            fix_rows(&src);
            before = dst;
            assert_int_equal(nps_merge(&dst, &src), NPS_E_OVERFLOW);
            assert_state_equal(&dst, &before);
        }
    }
    /* two halves of 2^61 fit; a half and a half plus one do not */
    nps_state a, b, before;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.count[0] = INT64_C(2305843009213693952);
    b.count[10] = INT64_C(2305843009213693952);
    fix_rows(&a);
    fix_rows(&b);
    nps_state t = a;
    assert_int_equal(nps_merge(&t, &b), NPS_OK);
    assert_int_equal(t.count[0], INT64_C(2305843009213693952));
    assert_int_equal(t.count[10], INT64_C(2305843009213693952));
    assert_int_equal(nps_rows(&t), CAP_ROWS);
    b.count[10]++;
    fix_rows(&b);
    before = a;
    assert_int_equal(nps_merge(&a, &b), NPS_E_OVERFLOW);
    assert_state_equal(&a, &before);
    /* two states at the cap: 2^63 passes int64 itself, on one score or on two */
    memset(&a, 0, sizeof a);
    a.count[10] = CAP_ROWS;
    fix_rows(&a);
    b = a;
    before = a;
    assert_int_equal(nps_merge(&a, &b), NPS_E_OVERFLOW);
    assert_state_equal(&a, &before);
    memset(&b, 0, sizeof b);
    b.count[0] = CAP_ROWS;
    fix_rows(&b);
    assert_int_equal(nps_merge(&a, &b), NPS_E_OVERFLOW);
    assert_state_equal(&a, &before);
    /* weighted rows count toward the cap like any other: cap - 1 promoters of
     * weight 1 (sums exactly 2^62 - 1), plus one more */
    nps_state wa, wb;
    memset(&wa, 0, sizeof wa);
    wa.count[9] = CAP_ROWS - 1;
    wa.weighted[NPS_PROMOTER] = CAP_ROWS - 1;
    wa.wsum[NPS_PROMOTER] = isum((uint64_t)CAP_ROWS - 1);
    wa.wsq[NPS_PROMOTER] = isum((uint64_t)CAP_ROWS - 1);
    fix_rows(&wa);
    nps_state_init(&wb);
    assert_int_equal(nps_add_weighted(&wb, 10, 1.0), NPS_OK);
    assert_int_equal(nps_merge(&wa, &wb), NPS_OK);
    assert_int_equal(wa.count[9], CAP_ROWS - 1);
    assert_int_equal(wa.count[10], 1);
    assert_int_equal(wa.weighted[NPS_PROMOTER], CAP_ROWS);
    assert_sum_is(wa.wsum[NPS_PROMOTER], 4611686018427387904.0); /* 2^62, exactly */
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
    want.rows *= 2;
    assert_int_equal(nps_merge(&a, &a), NPS_OK);
    assert_state_equal(&a, &want);
    nps_state w = weighted_reference(), zero;
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_unmerge(&w, &w), NPS_OK);
    assert_state_equal(&w, &zero);
}

/* R10: a weight whose square overflows a double (1e155, DBL_MAX) is
 * NPS_E_WEIGHT_SQUARE, state unchanged, on add and remove; 1e154 (square
 * 1e308) is accepted, and sums past DBL_MAX (two of them, 2e308 of squares)
 * are held exactly, merge, and give finite results. */
TEST(test_r10_weight_square_overflow)
{
    nps_state s = weighted_reference(), before = s;
    assert_int_equal(nps_add_weighted(&s, 9, 1e155), NPS_E_WEIGHT_SQUARE);
    assert_int_equal(nps_add_weighted(&s, 9, 1e200), NPS_E_WEIGHT_SQUARE);
    assert_int_equal(nps_add_weighted(&s, 9, DBL_MAX), NPS_E_WEIGHT_SQUARE);
    assert_int_equal(nps_remove_weighted(&s, 9, 1e155), NPS_E_WEIGHT_SQUARE);
    assert_state_equal(&s, &before);
    /* the largest weight whose square is finite is accepted */
    double big = sqrt(DBL_MAX);
    assert_true(isfinite(big * big));
    nps_state alone;
    nps_state_init(&alone);
    assert_int_equal(nps_add_weighted(&alone, 9, big), NPS_OK);
    assert_int_equal(nps_remove_weighted(&alone, 9, big), NPS_OK);
    assert_int_equal(nps_rows(&alone), 0);
    /* next to weights 2 and 0.5 its square spans far more than a sum keeps
     * exactly: the sum is marked inexact and nothing can be taken out */
    assert_int_equal(nps_add_weighted(&s, 9, big), NPS_OK);
    assert_int_equal(s.wsq[NPS_PROMOTER].inexact, 1);
    nps_state held = s;
    assert_int_equal(nps_remove_weighted(&s, 9, big), NPS_E_INEXACT);
    assert_int_equal(nps_remove_weighted(&s, 10, 0.5), NPS_E_INEXACT);
    assert_memory_equal(&s, &held, sizeof s);
    /* two promoters and one detractor of 1e154: p = 2/3, d = 1/3, n = 3 */
    nps_state a, b;
    nps_state_init(&a);
    assert_int_equal(nps_add_weighted(&a, 10, 1e154), NPS_OK);
    assert_int_equal(nps_add_weighted(&a, 10, 1e154), NPS_OK);
    assert_int_equal(nps_add_weighted(&a, 0, 1e154), NPS_OK);
    assert_true(sum_value(&a.wsq[NPS_PROMOTER]) > (long double)DBL_MAX);
    assert_near(measure(&a, NPS_M_NPS, 0.95), 100.0 / 3.0, TOL);
    double p = 2.0 / 3.0, d = 1.0 / 3.0;
    assert_near(measure(&a, NPS_M_STDERR, 0.95), 100.0 * sqrt((p + d - (p - d) * (p - d)) / 3.0),
                TOL);
    b = a;
    assert_int_equal(nps_merge(&a, &b), NPS_OK); /* doubles every sum */
    assert_near(measure(&a, NPS_M_STDERR, 0.95), 100.0 * sqrt((p + d - (p - d) * (p - d)) / 6.0),
                TOL);
    assert_int_equal(nps_unmerge(&a, &b), NPS_OK);
    assert_state_equal(&a, &b);
}

/* R10: merging rows whose grand total passes INT64_MAX is NPS_E_OVERFLOW even
 * when no single score overflows. */
TEST(test_r10_merge_total_overflow)
{
    nps_state a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    a.count[0] = INT64_MAX;
    b.count[10] = 1;
    fix_rows(&a);
    fix_rows(&b);
    nps_state before = a;
    assert_int_equal(nps_merge(&a, &b), NPS_E_OVERFLOW);
    assert_state_equal(&a, &before);
}

/* R10, R11: taking out a weight that was never added would leave sums no
 * weights can have (one promoter row of sum 1.5 and squares 1.75, where one
 * weight of 1.5 has the square 2.25; found by the merge fuzz target): the
 * remove and the unmerge refuse with NPS_E_REMOVE and change nothing. */
TEST(test_r10_remove_of_a_weight_never_added)
{
    nps_state s, before, part;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 9, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 1.0), NPS_OK);
    before = s;
    assert_int_equal(nps_remove_weighted(&s, 9, 0.5), NPS_E_REMOVE);
    assert_memory_equal(&s, &before, sizeof s);
    nps_state_init(&part);
    assert_int_equal(nps_add_weighted(&part, 10, 0.5), NPS_OK);
    assert_int_equal(nps_unmerge(&s, &part), NPS_E_REMOVE);
    assert_memory_equal(&s, &before, sizeof s);
    /* the weight that was added comes out, and the state is one row of 1 */
    assert_int_equal(nps_remove_weighted(&s, 9, 1.0), NPS_OK);
    uint8_t buf[NPS_STATE_BYTES];
    nps_state back;
    size_t len = nps_encode(&s, buf);
    assert_int_equal(nps_decode(buf, len, &back), NPS_OK);
    assert_int_equal(
        nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,1,0 weighted=0,0,1 wsum=0,0,1 wsq=0,0,1",
                            &before),
        NPS_OK);
    assert_state_equal(&s, &before);
}

/* R10: a state whose promoters are all weighted does not hold an unweighted
 * promoter: removing or unmerging one is NPS_E_REMOVE, state unchanged (else
 * the category would have more weighted rows than rows). */
TEST(test_r10_remove_unweighted_from_weighted_only)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 9, 2.0), NPS_OK);
    assert_int_equal(nps_add(&s, 3), NPS_OK);
    nps_state before = s;
    assert_int_equal(nps_remove(&s, 9), NPS_E_REMOVE);
    assert_state_equal(&s, &before);
    nps_state one;
    nps_state_init(&one);
    assert_int_equal(nps_add(&one, 9), NPS_OK);
    assert_int_equal(nps_unmerge(&s, &one), NPS_E_REMOVE);
    assert_state_equal(&s, &before);
}

/* R10: the sums are exact, so they know what they hold: removing weight 5
 * from two promoters of weight 1 is NPS_E_REMOVE (2 - 5 is below 0), and so
 * is removing 1.5 (the sum 2 - 1.5 is fine, the squares 2 - 2.25 are not);
 * the state is unchanged.  Unmerging a promoter of weight 5 likewise.  The
 * last weighted row of a category takes the sums to exactly 0. */
TEST(test_r10_remove_weight_not_held)
{
    nps_state s, zero;
    nps_state_init(&s);
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_add_weighted(&s, 9, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 1.0), NPS_OK);
    nps_state start = s;
    assert_int_equal(nps_remove_weighted(&s, 9, 5.0), NPS_E_REMOVE);
    assert_state_equal(&s, &start);
    assert_int_equal(nps_remove_weighted(&s, 9, 1.5), NPS_E_REMOVE);
    assert_state_equal(&s, &start);
    nps_state big;
    nps_state_init(&big);
    assert_int_equal(nps_add_weighted(&big, 9, 5.0), NPS_OK);
    assert_int_equal(nps_unmerge(&s, &big), NPS_E_REMOVE);
    assert_state_equal(&s, &start);
    /* the right weights come out exactly */
    assert_int_equal(nps_remove_weighted(&s, 9, 1.0), NPS_OK);
    assert_sum_is(s.wsum[NPS_PROMOTER], 1.0);
    assert_sum_is(s.wsq[NPS_PROMOTER], 1.0);
    assert_int_equal(nps_remove_weighted(&s, 10, 1.0), NPS_OK);
    assert_state_equal(&s, &zero);
}

/* R10: 0.01 added next to 1e20 is kept exactly (a double would round it
 * away: the spacing of doubles near 1e20 is 16384), so once 1e20 is removed
 * the sums hold exactly 0.01 and 0.0001's double square, by removal or by
 * unmerge, in either order, and the state is that of 0.01 alone. */
TEST(test_r10_remove_small_next_to_large)
{
    nps_state s, zero, small;
    nps_state_init(&s);
    nps_state_init(&small);
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_add_weighted(&small, 9, 0.01), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 0.01), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 1e20), NPS_OK);
    assert_true(1e20 + 0.01 == 1e20); /* the premise: a double would lose 0.01 */
    assert_int_equal(s.wsum[NPS_PROMOTER].inexact, 0);
    nps_sum only_big = dsum(1e20);
    assert_false(same_sum(&s.wsum[NPS_PROMOTER], &only_big));
    assert_int_equal(nps_remove_weighted(&s, 10, 1e20), NPS_OK);
    assert_state_equal(&s, &small);
    assert_sum_is(s.wsum[NPS_PROMOTER], 0.01);
    assert_int_equal(nps_remove_weighted(&s, 9, 0.01), NPS_OK);
    assert_state_equal(&s, &zero);
    /* first in, first out */
    assert_int_equal(nps_add_weighted(&s, 9, 0.01), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 1e20), NPS_OK);
    assert_int_equal(nps_remove_weighted(&s, 9, 0.01), NPS_OK);
    assert_sum_is(s.wsum[NPS_PROMOTER], 1e20);
    /* 1e20 = 5^20 x 2^20 is a double; its square 10^40 = 5^40 x 2^40 is not
     * (5^40 needs 93 bits), yet the sum of squares holds it exactly */
    unsigned __int128 five40 = 1;
    for (int k = 0; k < 40; k++)
        five40 *= 5;
    nps_sum sq;
    memset(&sq, 0, sizeof sq);
    sq.limb[0] = (uint64_t)five40;
    sq.limb[1] = (uint64_t)(five40 >> 64);
    sq.exp = 40;
    assert_true(same_sum(&s.wsq[NPS_PROMOTER], &sq));
    assert_int_equal(nps_remove_weighted(&s, 10, 1e20), NPS_OK);
    assert_state_equal(&s, &zero);
    /* merge and unmerge, both orders */
    nps_state a, b;
    nps_state_init(&a);
    nps_state_init(&b);
    assert_int_equal(nps_add_weighted(&a, 9, 0.01), NPS_OK);
    assert_int_equal(nps_add_weighted(&b, 10, 1e20), NPS_OK);
    for (int order = 0; order < 2; order++) {
        nps_state m;
        nps_state_init(&m);
        assert_int_equal(nps_merge(&m, &a), NPS_OK);
        assert_int_equal(nps_merge(&m, &b), NPS_OK);
        assert_int_equal(nps_unmerge(&m, order ? &a : &b), NPS_OK);
        assert_state_equal(&m, order ? &b : &a);
        assert_int_equal(nps_unmerge(&m, order ? &b : &a), NPS_OK);
        assert_state_equal(&m, &zero);
    }
}

/* R10: an unmerge leaves exactly the sums of what remains, and removing the
 * last weighted row brings the state back to exactly empty. */
TEST(test_r10_unmerge_then_remove_to_empty)
{
    nps_state a, b, zero;
    nps_state_init(&a);
    nps_state_init(&b);
    memset(&zero, 0, sizeof zero);
    assert_int_equal(nps_add_weighted(&a, 9, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&b, 10, 0.2), NPS_OK);
    assert_int_equal(nps_merge(&a, &b), NPS_OK);
    assert_int_equal(nps_unmerge(&a, &b), NPS_OK);
    assert_int_equal(a.weighted[NPS_PROMOTER], 1);
    assert_sum_is(a.wsum[NPS_PROMOTER], 0.1);
    assert_int_equal(nps_remove_weighted(&a, 9, 0.1), NPS_OK);
    assert_state_equal(&a, &zero);
}

/* R10: every add checks the row cap.  From a valid state 4 rows short of 2^62,
 * weighted and unweighted adds up to exactly 2^62 succeed with exact counts
 * and sums, one more is NPS_E_OVERFLOW for nps_add and nps_add_weighted alike
 * with the state unchanged, and removing the added rows restores the start. */
TEST(test_r10_add_at_row_cap)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    s.count[9] = CAP_ROWS - 5;
    s.count[10] = 1;
    s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_PROMOTER] = dsum(2.0);
    s.wsq[NPS_PROMOTER] = dsum(4.0);
    fix_rows(&s);
    uint8_t buf[NPS_STATE_BYTES];
    size_t len = craft(&s, buf);
    nps_state at = sentinel_state();
    assert_int_equal(nps_decode(buf, len, &at), NPS_OK); /* a valid state */
    assert_state_equal(&at, &s);
    assert_int_equal(nps_add(&at, 10), NPS_OK);
    assert_int_equal(nps_add(&at, 0), NPS_OK);
    assert_int_equal(nps_add_weighted(&at, 10, 0.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&at, 3, 0.25), NPS_OK);
    nps_state want = s;
    want.count[0] = 1;
    want.count[3] = 1;
    want.count[10] = 3;
    want.rows = CAP_ROWS;
    want.weighted[NPS_DETRACTOR] = 1;
    want.weighted[NPS_PROMOTER] = 2;
    want.wsum[NPS_DETRACTOR] = dsum(0.25);
    want.wsq[NPS_DETRACTOR] = dsum(0.0625);
    want.wsum[NPS_PROMOTER] = dsum(2.5);
    want.wsq[NPS_PROMOTER] = dsum(4.25);
    assert_state_equal(&at, &want);
    assert_int_equal(nps_rows(&at), CAP_ROWS);
    for (int64_t score = 0; score <= 10; score++) {
        assert_int_equal(nps_add(&at, score), NPS_E_OVERFLOW);
        assert_int_equal(nps_add_weighted(&at, score, 1.0), NPS_E_OVERFLOW);
        assert_int_equal(nps_add_weighted(&at, score, 0.0), NPS_E_OVERFLOW);
        assert_state_equal(&at, &want);
    }
    assert_int_equal(nps_remove_weighted(&at, 3, 0.25), NPS_OK);
    assert_int_equal(nps_remove_weighted(&at, 10, 0.5), NPS_OK);
    assert_int_equal(nps_remove(&at, 0), NPS_OK);
    assert_int_equal(nps_remove(&at, 10), NPS_OK);
    assert_state_equal(&at, &s);
}

/* R10: a state of 2^62 rows, from the text form and from a blob of the test's
 * own encoder: adding one more row is NPS_E_OVERFLOW for nps_add and for
 * nps_add_weighted (any weight), and the state is unchanged (same bytes). */
TEST(test_r10_add_to_full_state_refused)
{
    nps_state full[2];
    assert_int_equal(
        nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,0,4611686018427387904", &full[0]), NPS_OK);
    assert_int_equal(nps_rows(&full[0]), CAP_ROWS);
    nps_state s;
    memset(&s, 0, sizeof s);
    s.count[0] = CAP_ROWS / 2;
    s.count[9] = CAP_ROWS / 2 - 1;
    s.count[10] = 1;
    s.weighted[NPS_PROMOTER] = 1;
    s.wsum[NPS_PROMOTER] = dsum(3.0);
    s.wsq[NPS_PROMOTER] = dsum(9.0);
    uint8_t buf[NPS_STATE_BYTES];
    size_t len = craft(&s, buf);
    assert_int_equal(nps_decode(buf, len, &full[1]), NPS_OK);
    assert_int_equal(nps_rows(&full[1]), CAP_ROWS);
    static const double weights[] = {0.0, 1.0, 1e-300, 1e150};
    for (int k = 0; k < 2; k++) {
        nps_state before = full[k];
        for (int64_t score = 0; score <= 10; score++) {
            assert_int_equal(nps_add(&full[k], score), NPS_E_OVERFLOW);
            for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++)
                assert_int_equal(nps_add_weighted(&full[k], score, weights[i]), NPS_E_OVERFLOW);
            assert_memory_equal(&full[k], &before, sizeof before);
        }
        /* a merge of one more row too */
        nps_state one;
        nps_state_init(&one);
        assert_int_equal(nps_add(&one, 5), NPS_OK);
        assert_int_equal(nps_merge(&full[k], &one), NPS_E_OVERFLOW);
        assert_memory_equal(&full[k], &before, sizeof before);
        /* the score and the weight are still checked first */
        assert_int_equal(nps_add(&full[k], 11), NPS_E_SCORE_RANGE);
        assert_int_equal(nps_add_weighted(&full[k], 5, -1.0), NPS_E_WEIGHT);
        assert_int_equal(nps_add_weighted(&full[k], 5, 1e155), NPS_E_WEIGHT_SQUARE);
    }
}

/* R10: unmerge checks weighted rows as well as counts: dst holds four
 * unweighted rows, src the same scores weighted. */
TEST(test_r10_unmerge_weighted_not_held)
{
    nps_state dst = counts_state(1, 1, 2), before = dst, src = weighted_reference();
    assert_memory_equal(dst.count, src.count, sizeof dst.count);
    assert_int_equal(nps_unmerge(&dst, &src), NPS_E_REMOVE);
    assert_state_equal(&dst, &before);
}

/* R10: a sliding window that drops a huge weight is left with exactly the
 * rest: (9, 1e17), five (9, 1) and (0, 1), then the 1e17 row removed, is 5
 * promoters and 1 detractor of weight 1: NPS (5 - 1) / 6 x 100, stderr
 * 100 sqrt((p + d - (p - d)^2) / 6) with p = 5/6, d = 1/6. */
TEST(test_r10_sliding_removal_of_huge_weight)
{
    nps_state s, want;
    nps_state_init(&s);
    nps_state_init(&want);
    assert_int_equal(nps_add_weighted(&s, 9, 1e17), NPS_OK);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(nps_add_weighted(&s, 9, 1.0), NPS_OK);
        assert_int_equal(nps_add_weighted(&want, 9, 1.0), NPS_OK);
    }
    assert_int_equal(nps_add_weighted(&s, 0, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&want, 0, 1.0), NPS_OK);
    assert_int_equal(nps_remove_weighted(&s, 9, 1e17), NPS_OK);
    assert_same_encoding(&s, &want);
    assert_sum_is(s.wsum[NPS_PROMOTER], 5.0);
    assert_sum_is(s.wsq[NPS_PROMOTER], 5.0);
    assert_near(measure(&s, NPS_M_NPS, 0.95), 400.0 / 6.0, 1e-15);
    assert_near(measure(&s, NPS_M_PROMOTER_SHARE, 0.95), 500.0 / 6.0, 1e-15);
    double p = 5.0 / 6.0, d = 1.0 / 6.0;
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt((p + d - (p - d) * (p - d)) / 6.0),
                TOL);
}

/* Build from 150 rows of the stream (scores 0..10, weights from pick) the
 * state without and with an outlier row of weight big added at row 75 and
 * removed after row 120. */
static void outlier_states(uint64_t seed, double (*pick)(uint64_t *), double big, nps_state *plain,
                           nps_state *slid)
{
    uint64_t x = seed;
    nps_state_init(plain);
    nps_state_init(slid);
    for (int i = 0; i < 150; i++) {
        int64_t score = (int64_t)(rng_next(&x) % 11);
        double w = pick(&x);
        if (i == 75)
            assert_int_equal(nps_add_weighted(slid, 10, big), NPS_OK);
        assert_int_equal(nps_add_weighted(plain, score, w), NPS_OK);
        assert_int_equal(nps_add_weighted(slid, score, w), NPS_OK);
        if (i == 120)
            assert_int_equal(nps_remove_weighted(slid, 10, big), NPS_OK);
    }
}

/* Weights uniform in 0.5..2. */
static double pick_moderate(uint64_t *x)
{
    return 0.5 + 1.5 * rng_unit(x);
}

/* Weights log-uniform in 1e-10..1e10. */
static double pick_wide(uint64_t *x)
{
    return pow(10.0, -10.0 + 20.0 * rng_unit(x));
}

/* R10/R11: a 1e15 outlier added and removed among 150 rows leaves exactly
 * the state built without it (the same blob), for weights in 0.5..2 and for
 * weights spanning 1e-10..1e10; removing it again, or a weight not held, is
 * refused. */
TEST(test_r10_outlier_added_and_removed)
{
    double (*picks[2])(uint64_t *) = {pick_moderate, pick_wide};
    for (int k = 0; k < 2; k++) {
        for (uint64_t seed = 1; seed <= 5; seed++) {
            nps_state plain, slid;
            outlier_states(seed * 0x9E3779B97F4A7C15u, picks[k], 1e15, &plain, &slid);
            assert_int_equal(nps_rows(&plain), 150);
            for (int c = 0; c < NPS_NCATEGORIES; c++) {
                assert_int_equal(plain.wsum[c].inexact, 0);
                assert_int_equal(plain.wsq[c].inexact, 0);
            }
            assert_same_encoding(&slid, &plain);
            for (size_t i = 0; i < NMEASURES; i++)
                assert_same_double(measure(&slid, all_measures[i], 0.9),
                                   measure(&plain, all_measures[i], 0.9));
        }
    }
}
