/* test_pair.c -- paired waves: the pair state, change, paired p-value, migration, formats
 * (core/pair.c, core/pair_format.c; W1-W5). */
#include "helpers.h"

/* A pair state from its 9 counts, row by row (before D, P, T; after D, P, T),
 * set field by field here rather than through the code under test. */
static nps_pair_state table(const int64_t c[9])
{
    nps_pair_state s;
    s.rows = 0;
    for (int k = 0; k < 9; k++) {
        s.count[k / 3][k % 3] = c[k];
        s.rows += c[k];
    }
    return s;
}

/* A pair state whose bytes are all 0xA5: proves an output was not written. */
static nps_pair_state pair_sentinel(void)
{
    nps_pair_state s;
    memset(&s, 0xa5, sizeof s);
    return s;
}

static void assert_pair_equal(const nps_pair_state *a, const nps_pair_state *b)
{
    assert_memory_equal(a, b, sizeof *a);
}

/* The bytes of W5 written here from the description: "npp", 1, flags 0, the 9
 * counts little-endian, the test's own CRC-32 of the 80 bytes before it. */
static void craft_pair(const int64_t c[9], uint8_t out[NPS_PAIR_BYTES])
{
    memset(out, 0, NPS_PAIR_BYTES);
    out[0] = 'n';
    out[1] = 'p';
    out[2] = 'p';
    out[3] = 1;
    for (int k = 0; k < 9; k++)
        for (int i = 0; i < 8; i++)
            out[8 + 8 * k + i] = (uint8_t)((uint64_t)c[k] >> (8 * i));
    uint32_t crc = crc32_ieee(out, 80);
    for (int i = 0; i < 4; i++)
        out[80 + i] = (uint8_t)(crc >> (8 * i));
}

/* W1-W3 by hand.  Before (rows) -> after (columns), D P T:
 *      D  2 1 1     before: 4 D, 6 P, 5 T  -> nps (5 - 4) / 15 = 6.667
 *      P  1 3 2     after:  3 D, 5 P, 7 T  -> nps (7 - 3) / 15 = 26.667
 *      T  0 1 4     change 20 points
 * D = after code - before code: -2 x0, -1 x2 (P->D, T->P), 0 x9, +1 x3
 * (D->P, P->T P->T), +2 x1 (D->T).  n = 15, sum D = 3, mean 0.2;
 * sum D^2 = 2 + 3 + 4 = 9, ss = 9 - 15 * 0.2^2 = 8.4, var = 8.4 / 14 = 0.6,
 * se = sqrt(0.6 / 15) = 0.2, z = 1, p = 2 (1 - Phi(1)) = 0.31731050786291415. */
TEST(test_w2_w3_hand_table)
{
    static const int64_t c[9] = {2, 1, 1, 1, 3, 2, 0, 1, 4};
    nps_pair_state s = table(c);
    double change, p;
    assert_int_equal(nps_pair_change(&s, &change), NPS_OK);
    assert_near(change, 20.0, 1e-13);
    assert_int_equal(nps_pair_pvalue(&s, &p), NPS_OK);
    assert_near(p, 0.31731050786291415, 1e-13);
    /* the change is nps(after) - nps(before) of the two waves as states */
    nps_state before, after;
    nps_state_init(&before);
    nps_state_init(&after);
    static const int64_t rep[3] = {0, 7, 9}; /* a score of each category */
    for (int k = 0; k < 9; k++)
        for (int64_t i = 0; i < c[k]; i++) {
            assert_int_equal(nps_add(&before, rep[k / 3]), NPS_OK);
            assert_int_equal(nps_add(&after, rep[k % 3]), NPS_OK);
        }
    double nb, na, independent;
    assert_int_equal(nps_compute(&before, NPS_M_NPS, 0.95, &nb), NPS_OK);
    assert_int_equal(nps_compute(&after, NPS_M_NPS, 0.95, &na), NPS_OK);
    assert_near(nb, 100.0 / 15.0, 1e-13);
    assert_near(na, 400.0 / 15.0, 1e-13);
    assert_near(change, na - nb, 1e-12);
    /* The independent test on the same data (R12): both waves have
     * V = p + d - (p - d)^2 = 9/15 - (1/15)^2 = 10/15 - (4/15)^2 = 134/225,
     * z = 0.2 / sqrt(2 V / 15), larger p: it ignores the pairing. */
    assert_int_equal(nps_pvalue(&before, &after, &independent), NPS_OK);
    assert_near(independent, erfc(0.2 / sqrt(2.0 * (134.0 / 225.0) / 15.0) / sqrt(2.0)), 1e-12);
    assert_true(independent > 0.47 && independent < 0.48);
}

/* W3 by hand, z not a round number.  D->P 4 (D = +1), P->D 1 (D = -1),
 * T->T 3 (D = 0): n = 8, mean = 3/8, sum D^2 = 5, ss = 5 - 8 (3/8)^2 = 31/8,
 * var = 31/56, se^2 = 31/448, z = (3/8) / sqrt(31/448) = 1.4255...,
 * p = erfc(z / sqrt 2) = 0.1540...; change 100 * 3/8 = 37.5. */
TEST(test_w3_hand_second_table)
{
    static const int64_t c[9] = {0, 4, 0, 1, 0, 0, 0, 0, 3};
    nps_pair_state s = table(c);
    double change, p, z = (3.0 / 8.0) / sqrt(31.0 / 448.0);
    assert_near(z, 1.42557, 1e-5);
    assert_int_equal(nps_pair_change(&s, &change), NPS_OK);
    assert_near(change, 37.5, 1e-13);
    assert_int_equal(nps_pair_pvalue(&s, &p), NPS_OK);
    assert_near(p, erfc(z / sqrt(2.0)), 1e-13);
    assert_near(p, 0.15400, 1e-4);
}

/* W2, W3: the degenerate cases.  No pairs: everything NULL.  One pair: the
 * change is defined, the p-value is not (sd needs n >= 2).  sd = 0: p = 1
 * when nobody's category moved (D = 0 for all, whatever their cells), p = 0
 * when everyone moved by the same D != 0.  A mean of 0 with sd > 0: z = 0,
 * p = 1. */
TEST(test_w3_degenerate)
{
    nps_pair_state s;
    double v = -7.0;
    nps_pair_init(&s);
    assert_int_equal(nps_pair_change(&s, &v), NPS_EMPTY);
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_EMPTY);
    char json[NPS_MIGRATION_MAX];
    assert_int_equal(nps_pair_migration_json(&s, json, sizeof json), NPS_EMPTY);
    assert_same_double(v, -7.0);

    assert_int_equal(nps_pair_add(&s, 3, 10), NPS_OK);
    assert_int_equal(nps_pair_change(&s, &v), NPS_OK);
    assert_same_double(v, 200.0);
    v = -7.0;
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_EMPTY);
    assert_same_double(v, -7.0);

    static const int64_t same[9] = {1, 0, 0, 0, 5, 0, 0, 0, 2}; /* D = 0 for all */
    s = table(same);
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_OK);
    assert_same_double(v, 1.0);
    assert_int_equal(nps_pair_change(&s, &v), NPS_OK);
    assert_same_double(v, 0.0);

    static const int64_t up[9] = {0, 2, 0, 0, 0, 3, 0, 0, 0}; /* D = +1 for all */
    s = table(up);
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_OK);
    assert_same_double(v, 0.0);
    assert_int_equal(nps_pair_change(&s, &v), NPS_OK);
    assert_same_double(v, 100.0);

    static const int64_t down[9] = {0, 0, 0, 0, 0, 0, 2, 0, 0}; /* D = -2 for both */
    s = table(down);
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_OK);
    assert_same_double(v, 0.0);
    assert_int_equal(nps_pair_change(&s, &v), NPS_OK);
    assert_same_double(v, -200.0);

    static const int64_t balanced[9] = {0, 1, 0, 1, 0, 0, 0, 0, 0}; /* D = +1, -1 */
    s = table(balanced);
    assert_int_equal(nps_pair_pvalue(&s, &v), NPS_OK);
    assert_same_double(v, 1.0);
}

/* W3 at the row limit: results finite and in range. */
TEST(test_w3_huge_counts)
{
    static const int64_t c[9] = {(int64_t)1 << 60, 0, (int64_t)1 << 60, 0, 0, 0, 0,
                                 (int64_t)1 << 61, 0};
    nps_pair_state s = table(c);
    double change, p;
    assert_int_equal(nps_pair_change(&s, &change), NPS_OK);
    /* D: 0 x 2^60, +2 x 2^60, -1 x 2^61: sum 0 */
    assert_same_double(change, 0.0);
    assert_int_equal(nps_pair_pvalue(&s, &p), NPS_OK);
    assert_same_double(p, 1.0);
}

/* W4: the migration table, outer key before, inner after. */
TEST(test_w4_migration_json)
{
    static const int64_t c[9] = {2, 1, 1, 1, 3, 2, 0, 1, 4};
    nps_pair_state s = table(c);
    char json[NPS_MIGRATION_MAX];
    assert_int_equal(nps_pair_migration_json(&s, json, sizeof json), NPS_OK);
    assert_string_equal(json, "{\"n\":15,"
                              "\"detractor\":{\"detractor\":2,\"passive\":1,\"promoter\":1},"
                              "\"passive\":{\"detractor\":1,\"passive\":3,\"promoter\":2},"
                              "\"promoter\":{\"detractor\":0,\"passive\":1,\"promoter\":4}}");
    /* the longest counts fit the buffer */
    static const int64_t big[9] = {NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9,
                                   NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9,
                                   NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9, NPS_MAX_ROWS / 9};
    s = table(big);
    assert_int_equal(nps_pair_migration_json(&s, json, sizeof json), NPS_OK);
    assert_true(strlen(json) < NPS_MIGRATION_MAX - 1);
    assert_int_equal(json[strlen(json) - 1], '}');
}

/* W1: scores map to categories as R2; each score is checked 0..10. */
TEST(test_w1_add_categories_and_range)
{
    nps_pair_state s;
    nps_pair_init(&s);
    for (int64_t b = 0; b <= 10; b++)
        for (int64_t a = 0; a <= 10; a++)
            assert_int_equal(nps_pair_add(&s, b, a), NPS_OK);
    /* 7 detractor, 2 passive, 2 promoter scores on each side */
    static const int64_t want[9] = {49, 14, 14, 14, 4, 4, 14, 4, 4};
    nps_pair_state w = table(want);
    assert_pair_equal(&s, &w);
    static const int64_t bad[][2] = {{11, 0}, {0, 11}, {-1, 5}, {5, -1}, {INT64_MIN, 0}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(nps_pair_add(&s, bad[i][0], bad[i][1]), NPS_E_SCORE_RANGE);
        assert_int_equal(nps_pair_remove(&s, bad[i][0], bad[i][1]), NPS_E_SCORE_RANGE);
    }
    assert_pair_equal(&s, &w);
}

/* W1: removing what was added restores the state bit for bit; removing a
 * pair the state does not hold is an error that changes nothing. */
TEST(test_w1_remove_restores)
{
    nps_pair_state s, empty;
    nps_pair_init(&s);
    nps_pair_init(&empty);
    static const int64_t pairs[][2] = {{0, 10}, {7, 7}, {9, 3}, {10, 10}, {6, 8}, {0, 10}};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(nps_pair_add(&s, pairs[i][0], pairs[i][1]), NPS_OK);
    nps_pair_state held = s;
    assert_int_equal(nps_pair_remove(&s, 8, 0), NPS_E_REMOVE); /* P -> D: none */
    assert_pair_equal(&s, &held);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(nps_pair_remove(&s, pairs[i][0], pairs[i][1]), NPS_OK);
    assert_pair_equal(&s, &empty);
    assert_int_equal(nps_pair_remove(&s, 0, 0), NPS_E_REMOVE);
    assert_pair_equal(&s, &empty);
}

/* W1: merge in any order gives the whole; unmerge gives the part back; the
 * row limit holds for add and merge; a failed call leaves dst unchanged. */
TEST(test_w1_merge_unmerge)
{
    static const int64_t a[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    static const int64_t b[9] = {9, 0, 7, 0, 5, 0, 3, 0, 1};
    static const int64_t ab[9] = {10, 2, 10, 4, 10, 6, 10, 8, 10};
    nps_pair_state x = table(a), y = table(b), whole = table(ab);
    nps_pair_state m1 = x, m2 = y;
    assert_int_equal(nps_pair_merge(&m1, &y), NPS_OK);
    assert_int_equal(nps_pair_merge(&m2, &x), NPS_OK);
    assert_pair_equal(&m1, &whole);
    assert_pair_equal(&m2, &whole);
    assert_int_equal(nps_pair_unmerge(&m1, &y), NPS_OK);
    assert_pair_equal(&m1, &x);
    /* y is not part of x */
    nps_pair_state before = m1;
    assert_int_equal(nps_pair_unmerge(&m1, &y), NPS_E_REMOVE);
    assert_pair_equal(&m1, &before);

    static const int64_t full[9] = {NPS_MAX_ROWS, 0, 0, 0, 0, 0, 0, 0, 0};
    nps_pair_state f = table(full), one;
    nps_pair_init(&one);
    assert_int_equal(nps_pair_add(&one, 7, 7), NPS_OK);
    before = f;
    assert_int_equal(nps_pair_add(&f, 0, 0), NPS_E_OVERFLOW);
    assert_int_equal(nps_pair_merge(&f, &one), NPS_E_OVERFLOW);
    assert_pair_equal(&f, &before);
    nps_pair_state f2 = f;
    assert_int_equal(nps_pair_merge(&f2, &f), NPS_E_OVERFLOW);
    assert_pair_equal(&f2, &before);
}

/* W5: the bytes are the ones written here from the description, and decode
 * back to the same state; re-encoding gives the same bytes. */
TEST(test_w5_layout_and_round_trip)
{
    static const int64_t c[3][9] = {{2, 1, 1, 1, 3, 2, 0, 1, 4},
                                    {0, 0, 0, 0, 0, 0, 0, 0, 0},
                                    {NPS_MAX_ROWS - 8, 1, 1, 1, 1, 1, 1, 1, 1}};
    assert_int_equal(NPS_PAIR_BYTES, 84);
    for (int i = 0; i < 3; i++) {
        nps_pair_state s = table(c[i]), back = pair_sentinel();
        uint8_t buf[NPS_PAIR_BYTES], mine[NPS_PAIR_BYTES], again[NPS_PAIR_BYTES];
        craft_pair(c[i], mine);
        assert_int_equal(nps_pair_encode(&s, buf), NPS_PAIR_BYTES);
        assert_memory_equal(buf, mine, NPS_PAIR_BYTES);
        assert_int_equal(nps_pair_decode(buf, NPS_PAIR_BYTES, &back), NPS_OK);
        assert_pair_equal(&back, &s);
        assert_int_equal(nps_pair_encode(&back, again), NPS_PAIR_BYTES);
        assert_memory_equal(again, buf, NPS_PAIR_BYTES);
    }
    /* the first bytes of the hand table, written out */
    uint8_t buf[NPS_PAIR_BYTES];
    nps_pair_state s = table(c[0]);
    nps_pair_encode(&s, buf);
    static const uint8_t head[16] = {'n', 'p', 'p', 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0};
    assert_memory_equal(buf, head, 16);
    assert_int_equal(buf[16], 1);
    assert_int_equal(buf[8 + 8 * 8], 4);
}

/* Decode bytes and expect st, with out untouched. */
static void refused(const uint8_t *buf, size_t len, nps_status st)
{
    nps_pair_state out = pair_sentinel(), sent = pair_sentinel();
    nps_status got = nps_pair_decode(buf, len, &out);
    if (got != st) {
        print_error("decode of %zu bytes: status %d, want %d\n", len, (int)got, (int)st);
        fail();
    }
    assert_pair_equal(&out, &sent);
}

/* W5: every crafted bad blob is refused with its reason. */
TEST(test_w5_bad_blobs)
{
    static const int64_t c[9] = {2, 1, 1, 1, 3, 2, 0, 1, 4};
    uint8_t good[NPS_PAIR_BYTES + 1], bad[NPS_PAIR_BYTES + 1];
    craft_pair(c, good);
    good[NPS_PAIR_BYTES] = 0;
    /* truncated at every length, and one byte too long */
    for (size_t len = 0; len < 8; len++)
        refused(good, len, NPS_E_PAIR_LENGTH);
    for (size_t len = 8; len < NPS_PAIR_BYTES; len++)
        refused(good, len, NPS_E_PAIR_LENGTH);
    refused(good, NPS_PAIR_BYTES + 1, NPS_E_PAIR_LENGTH);
    /* wrong magic, checksum made right again */
    for (int pos = 0; pos < 3; pos++) {
        memcpy(bad, good, NPS_PAIR_BYTES);
        bad[pos] = 'X';
        reseal(bad, NPS_PAIR_BYTES);
        refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_MAGIC);
    }
    /* an nps_state, of either length, says what it is */
    nps_state st = counts_state(1, 2, 3);
    uint8_t sb[NPS_STATE_BYTES];
    refused(sb, nps_encode(&st, sb), NPS_E_PAIR_IS_STATE);
    nps_add_weighted(&st, 9, 0.5);
    refused(sb, nps_encode(&st, sb), NPS_E_PAIR_IS_STATE);
    /* and a pair state given as an nps_state says what it is */
    nps_state out = sentinel_state(), sent = sentinel_state();
    assert_int_equal(nps_decode(good, NPS_PAIR_BYTES, &out), NPS_E_STATE_IS_PAIR);
    assert_memory_equal(&out, &sent, sizeof out);
    /* another version, or a flag set */
    static const uint8_t versions[] = {0, 2, 0x7f, 0xff};
    for (size_t i = 0; i < sizeof versions; i++) {
        memcpy(bad, good, NPS_PAIR_BYTES);
        bad[3] = versions[i];
        reseal(bad, NPS_PAIR_BYTES);
        refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VERSION);
    }
    for (int pos = 4; pos < 8; pos++) {
        memcpy(bad, good, NPS_PAIR_BYTES);
        bad[pos] = 1;
        reseal(bad, NPS_PAIR_BYTES);
        refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VERSION);
    }
    /* any one bit flipped after the header: the checksum catches it */
    for (size_t pos = 8; pos < NPS_PAIR_BYTES; pos++)
        for (int bit = 0; bit < 8; bit++) {
            memcpy(bad, good, NPS_PAIR_BYTES);
            bad[pos] ^= (uint8_t)(1u << bit);
            refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_CHECKSUM);
        }
    /* counts a state cannot hold, with a right checksum */
    static const int64_t negative[9] = {2, 1, 1, -1, 3, 2, 0, 1, 4};
    static const int64_t cell_over[9] = {NPS_MAX_ROWS + 1, 0, 0, 0, 0, 0, 0, 0, 0};
    static const int64_t sum_over[9] = {NPS_MAX_ROWS / 2, 0, 0, 0, NPS_MAX_ROWS / 2, 0, 0, 0, 1};
    static const int64_t wraps[9] = {INT64_MAX, INT64_MAX, 2, 0, 0, 0, 0, 0, 0};
    static const int64_t limit[9] = {NPS_MAX_ROWS / 2, 0, 0, 0, NPS_MAX_ROWS / 2, 0, 0, 0, 0};
    craft_pair(negative, bad);
    refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VALUE);
    craft_pair(cell_over, bad);
    refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VALUE);
    craft_pair(sum_over, bad);
    refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VALUE);
    craft_pair(wraps, bad);
    refused(bad, NPS_PAIR_BYTES, NPS_E_PAIR_VALUE);
    craft_pair(limit, bad);
    nps_pair_state ok;
    assert_int_equal(nps_pair_decode(bad, NPS_PAIR_BYTES, &ok), NPS_OK);
    assert_int_equal(ok.rows, NPS_MAX_ROWS);
}

/* W5: the text form: written as documented, read back exactly; malformed
 * text is refused with out untouched. */
TEST(test_w5_text)
{
    static const int64_t c[9] = {2, 1, 1, 1, 3, 2, 0, 1, 4};
    nps_pair_state s = table(c), back = pair_sentinel();
    char buf[NPS_PAIR_TEXT_MAX];
    nps_pair_to_text(&s, buf, sizeof buf);
    assert_string_equal(buf, "pairs=2,1,1,1,3,2,0,1,4");
    assert_int_equal(nps_pair_from_text(buf, &back), NPS_OK);
    assert_pair_equal(&back, &s);
    assert_int_equal(nps_pair_from_text("  pairs=2,1,1,1,3,2,0,1,4\n", &back), NPS_OK);
    assert_pair_equal(&back, &s);
    static const int64_t full[9] = {NPS_MAX_ROWS, 0, 0, 0, 0, 0, 0, 0, 0};
    assert_int_equal(nps_pair_from_text("pairs=4611686018427387904,0,0,0,0,0,0,0,0", &back),
                     NPS_OK);
    nps_pair_state f = table(full);
    assert_pair_equal(&back, &f);
    nps_pair_to_text(&f, buf, sizeof buf);
    assert_string_equal(buf, "pairs=4611686018427387904,0,0,0,0,0,0,0,0");
    static const char *const bad[] = {
        "",
        "pairs=",
        "pairs=1,2,3,4,5,6,7,8",
        "pairs=1,2,3,4,5,6,7,8,9,10",
        "pairs=1,2,3,4,5,6,7,8,x",
        "pairs=-1,2,3,4,5,6,7,8,9",
        "pairs=+1,2,3,4,5,6,7,8,9",
        "pairs= 1,2,3,4,5,6,7,8,9",
        "pairs=1, 2,3,4,5,6,7,8,9",
        "pairs=1,,3,4,5,6,7,8,9",
        "pair=1,2,3,4,5,6,7,8,9",
        "scores=0,0,0,0,0,0,0,0,0,0,0",
        "pairs=4611686018427387905,0,0,0,0,0,0,0,0",
        "pairs=4611686018427387904,1,0,0,0,0,0,0,0",
        "pairs=99999999999999999999999,0,0,0,0,0,0,0,0",
        "pairs=1,2,3,4,5,6,7,8,9 x",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nps_pair_state out = pair_sentinel(), sent = pair_sentinel();
        if (nps_pair_from_text(bad[i], &out) != NPS_E_PAIR_TEXT) {
            print_error("text '%s' was not refused\n", bad[i]);
            fail();
        }
        assert_pair_equal(&out, &sent);
    }
}

/* Check one message text. */
/* The words of the pair errors, the same in both engines. */
TEST(test_w_messages)
{
    message_is(NPS_E_STATE_IS_PAIR, "nps", NULL, "nps: takes an nps_state, got an nps_pair_state");
    message_is(NPS_E_PAIR_IS_STATE, "nps_change", NULL,
               "nps_change: takes an nps_pair_state, got an nps_state");
    message_is(NPS_E_NOT_PAIR, "nps_change_of", "5", "nps_change_of: 5 is not an nps_pair_state");
    message_is(NPS_E_PAIR_LENGTH, "nps_change", "3",
               "nps_change: invalid nps_pair_state: 3 bytes, expected 84");
    message_is(NPS_E_PAIR_MAGIC, "nps_change", NULL,
               "nps_change: invalid nps_pair_state: not an nps_pair_state value");
    message_is(NPS_E_PAIR_VERSION, "nps_change", NULL,
               "nps_change: invalid nps_pair_state: unknown format version or flags (this build "
               "reads version 1)");
    message_is(NPS_E_PAIR_CHECKSUM, "nps_change", NULL,
               "nps_change: invalid nps_pair_state: checksum mismatch (corrupted)");
    message_is(NPS_E_PAIR_VALUE, "nps_change", NULL,
               "nps_change: invalid nps_pair_state: negative counts or more than 2^62 pairs");
    message_is(NPS_E_PAIR_TEXT, "nps_pair_state_in", "'pairs='",
               "nps_pair_state_in: invalid nps_pair_state text 'pairs='");
    message_is(NPS_E_PAIR_WEIGHT, "nps_change", NULL,
               "nps_change: paired answers take no weight: give (before, after) scores or one "
               "nps_pair_state");
}
