/* test_sample.c -- the sampling key (core/sample.c; P1). */
#include "helpers.h"

/* Sampling key of two C strings. */
static int64_t sample_key(const char *key, const char *seed)
{
    return nps_sample_key(key, strlen(key), seed, strlen(seed));
}

/* P1: keys recomputed by an independent Python implementation of the
 * definition in nps.h (FNV-1a 64, 0xFF separator, splitmix64 finaliser, >> 1). */
TEST(test_p1_sample_key_vectors)
{
    assert_true(sample_key("", "") == INT64_C(2852707689641812070));
    assert_true(sample_key("C000001", "spring-2026") == INT64_C(7008420068686807341));
    assert_true(sample_key("C000002", "spring-2026") == INT64_C(6067895996554231801));
    assert_true(sample_key("C000001", "autumn-2026") == INT64_C(4604435850749044763));
    assert_true(sample_key("42", "nps") == INT64_C(9185981254202890225));
    assert_true(sample_key("Zo\xc3\xab", "\xe7\xa8\xae\xe5\xad\x90") ==
                INT64_C(5796896273817788678));
}

/* P1: the separator keeps (key, seed) pairs apart that concatenate alike, and
 * bytes after a NUL count. */
TEST(test_p1_sample_key_separator)
{
    assert_true(sample_key("ab", "c") == INT64_C(2773989124615203768));
    assert_true(sample_key("a", "bc") == INT64_C(2837120749772608398));
    assert_true(nps_sample_key("a\0b", 3, "s", 1) != nps_sample_key("a", 1, "s", 1));
}

/* P1: keys are never negative; `key % 100 < 10` of C000001..C010000 under
 * seed spring-2026 keeps 995 contacts (Python recomputation), and the five
 * smallest keys are the contacts Python ranks first. */
TEST(test_p1_sample_key_share_and_order)
{
    int kept = 0;
    int64_t lowest[5] = {INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX};
    int who[5] = {0, 0, 0, 0, 0};
    for (int i = 1; i <= 10000; i++) {
        char key[16];
        snprintf(key, sizeof key, "C%06d", i);
        int64_t k = sample_key(key, "spring-2026");
        assert_true(k >= 0);
        kept += k % 100 < 10;
        for (int j = 0; j < 5; j++) {
            if (k < lowest[j]) {
                memmove(lowest + j + 1, lowest + j, (size_t)(4 - j) * sizeof lowest[0]);
                memmove(who + j + 1, who + j, (size_t)(4 - j) * sizeof who[0]);
                lowest[j] = k;
                who[j] = i;
                break;
            }
        }
    }
    assert_int_equal(kept, 995);
    assert_int_equal(who[0], 1428);
    assert_int_equal(who[1], 4282);
    assert_int_equal(who[2], 5828);
    assert_int_equal(who[3], 5880);
    assert_int_equal(who[4], 8089);
}
