/*
 * merge -- the input drives adds, removes (plain and weighted), merges and
 * unmerges on three states (R6, R10).
 *
 * After every step each state decodes from its own encoding and holds at
 * most NPS_MAX_ROWS rows, its results are empty or in range, and a step that
 * fails leaves its state as it was.  Merging B into A then unmerging B gives
 * A back bit for bit (the sums are exact; an inexact sum refuses the
 * unmerge and changes nothing); A+B and B+A encode the same; an add or merge
 * that succeeds adds exactly its counts.
 *
 * Input: a stream of steps, each an opcode byte (low 3 bits: the operation,
 * next 2: the first state, next 2: the second) then its operands: a score
 * byte (as a signed char, so out-of-range scores are tried) and, for the
 * weighted steps, a weight byte: below 0xF0 it is byte / 8, otherwise the
 * next 8 bytes are the weight's IEEE bits (negative, NaN, huge, tiny).
 */
#include "fuzz.h"

#define NSTATES 3

/* Reads the input. */
typedef struct {
    const uint8_t *p;
    size_t n;
} reader;

static int next_byte(reader *r, uint8_t *b)
{
    if (r->n == 0)
        return 0;
    *b = *r->p++;
    r->n--;
    return 1;
}

static int next_weight(reader *r, double *w)
{
    uint8_t b;
    if (!next_byte(r, &b))
        return 0;
    if (b < 0xF0) {
        *w = b / 8.0;
        return 1;
    }
    if (r->n < 8)
        return 0;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits |= (uint64_t)r->p[i] << (8 * i);
    memcpy(w, &bits, sizeof *w);
    r->p += 8;
    r->n -= 8;
    return 1;
}

/* What must hold of a state after any step (the p-value and the summary are
 * checked at the end). */
static void check_state(const nps_state *s, double confidence)
{
    check_decodable(s);
    check_measures(s, confidence);
}

/* Counts of a equal those of b. */
static int same_counts(const nps_state *a, const nps_state *b)
{
    return memcmp(a->count, b->count, sizeof a->count) == 0 &&
           memcmp(a->weighted, b->weighted, sizeof a->weighted) == 0;
}

/* True when a state has a sum that is no longer exact. */
static int has_inexact(const nps_state *s)
{
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        if (s->wsum[c].inexact || s->wsq[c].inexact)
            return 1;
    return 0;
}

/* A+B then -B is A, exactly; on overflow nothing changes. */
static void check_merge_unmerge(const nps_state *a, const nps_state *b)
{
    nps_state t = *a;
    nps_status st = nps_merge(&t, b);
    if (st != NPS_OK) {
        CHECK(st == NPS_E_OVERFLOW);
        CHECK(memcmp(&t, a, sizeof t) == 0);
        return;
    }
    /* the counts are added exactly */
    for (int i = 0; i < NPS_NSCORES; i++)
        CHECK(t.count[i] == a->count[i] + b->count[i]);
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        CHECK(t.weighted[c] == a->weighted[c] + b->weighted[c]);
    check_decodable(&t);
    nps_state merged = t;
    st = nps_unmerge(&t, b);
    if (st == NPS_E_INEXACT) {
        CHECK(has_inexact(&merged) || has_inexact(b));
        CHECK(memcmp(&t, &merged, sizeof t) == 0);
        return;
    }
    CHECK(st == NPS_OK);
    if (!has_inexact(&merged))
        CHECK(same_encoding(&t, a));
    CHECK(same_counts(&t, a));
    check_decodable(&t);
}

/* A+B equals B+A, bit for bit while the sums are exact. */
static void check_commutes(const nps_state *a, const nps_state *b)
{
    nps_state ab = *a, ba = *b;
    nps_status s1 = nps_merge(&ab, b), s2 = nps_merge(&ba, a);
    CHECK(s1 == s2);
    if (s1 != NPS_OK)
        return;
    CHECK(same_counts(&ab, &ba));
    if (!has_inexact(&ab))
        CHECK(same_encoding(&ab, &ba));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nps_state s[NSTATES];
    for (int k = 0; k < NSTATES; k++)
        nps_state_init(&s[k]);
    double confidence = confidence_of(data, size);
    reader r = {data, size};
    uint8_t op;
    while (next_byte(&r, &op)) {
        nps_state *a = &s[((op >> 3) & 3) % NSTATES], *b = &s[((op >> 5) & 3) % NSTATES];
        nps_state before = *a;
        uint8_t sb = 0;
        double w = 0.0;
        int64_t score = 0;
        nps_status st = NPS_OK;
        int kind = op & 7;
        if (kind <= 3) {
            if (!next_byte(&r, &sb))
                break;
            score = (int8_t)sb;
            if (kind >= 2 && !next_weight(&r, &w))
                break;
        }
        switch (kind) {
        case 0:
            st = nps_add(a, score);
            CHECK(st == ((uint64_t)score > 10 ? NPS_E_SCORE_RANGE : NPS_OK) ||
                  (st == NPS_E_OVERFLOW && nps_rows(a) == NPS_MAX_ROWS));
            break;
        case 1:
            st = nps_remove(a, score);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE || st == NPS_E_SCORE_RANGE);
            break;
        case 2:
            st = nps_add_weighted(a, score, w);
            if (!isfinite(w) || w < 0.0)
                CHECK(st == NPS_E_WEIGHT);
            else if (!isfinite(w * w))
                CHECK(st == NPS_E_WEIGHT_SQUARE);
            else if ((uint64_t)score > 10)
                CHECK(st == NPS_E_SCORE_RANGE);
            else
                CHECK(st == NPS_OK || st == NPS_E_OVERFLOW);
            break;
        case 3:
            st = nps_remove_weighted(a, score, w);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE || st == NPS_E_SCORE_RANGE ||
                  st == NPS_E_WEIGHT || st == NPS_E_WEIGHT_SQUARE || st == NPS_E_INEXACT);
            break;
        case 4:
            check_merge_unmerge(a, b);
            st = nps_merge(a, b);
            CHECK(st == NPS_OK || st == NPS_E_OVERFLOW);
            break;
        case 5:
            st = nps_unmerge(a, b);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE || st == NPS_E_INEXACT);
            break;
        case 6:
            check_merge_unmerge(a, b);
            break;
        case 7:
            check_commutes(a, b);
            break;
        }
        if (st != NPS_OK) {
            CHECK(memcmp(a, &before, sizeof before) == 0);
        } else if (kind == 0 || kind == 2) {
            CHECK(a->count[score] == before.count[score] + 1);
            CHECK(nps_rows(a) == nps_rows(&before) + 1);
        } else if (kind == 1 || kind == 3) {
            CHECK(a->count[score] == before.count[score] - 1);
            CHECK(nps_rows(a) == nps_rows(&before) - 1);
        }
        check_state(a, confidence);
    }
    for (int k = 0; k < NSTATES; k++)
        check_results(&s[k], confidence);
    return 0;
}
