/*
 * merge -- the input drives adds, removes (plain and weighted), merges and
 * unmerges on three states (R6, R10).
 *
 * After every step each state decodes from its own encoding and holds at
 * most NPS_MAX_ROWS rows (but for rows added one by one past the cap, which
 * R10 allows), its results are empty or in range, and a step that
 * fails leaves its state as it was.  Merging B into A then unmerging B gives
 * A back, its counts exactly and its sums within sums_close(); A+B and B+A
 * are equal; an add or merge that succeeds adds exactly its counts.
 *
 * Input: a stream of steps, each an opcode byte (low 3 bits: the operation,
 * next 2: the first state, next 2: the second) then its operands: a score
 * byte (as a signed char, so out-of-range scores are tried) and, for the
 * weighted steps, a weight byte: below 0xF0 it is byte / 8, otherwise the
 * next 8 bytes are the weight's IEEE bits (negative, NaN, huge, tiny).
 */
#include "fuzz.h"

#define NSTATES 3

/* Tolerance of sums that are rounded: merge-then-unmerge relative to the
 * larger operand, and A+B against B+A.  While the sums are plain doubles a
 * merge and an unmerge round; once they are exact (compensated), make this
 * got == want. */
#define UNMERGE_TOLERANCE 1e-9
#define COMMUTE_TOLERANCE 1e-12

/* True when got is want within tol relative to scale (the size of the sums
 * involved); a NaN or infinity never is. */
static int sums_close(double got, double want, double scale, double tol)
{
    if (!isfinite(got) || !isfinite(want))
        return 0;
    return got == want || fabs(got - want) <= tol * fabs(scale);
}

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

/* R10 lets the per-row adds pass NPS_MAX_ROWS (they do not check the cap;
 * test_r10_add_at_row_cap), and such a state is one nps_decode() refuses.  Set
 * to 0 if the adds come to enforce the cap: then no state may pass it. */
#define ADDS_MAY_PASS_CAP 1

/* What must hold of a state after any step (the p-value and the summary are
 * checked at the end); adds is the number of rows added one by one so far. */
static void check_state(const nps_state *s, double confidence, int64_t adds)
{
    int64_t rows = nps_rows(s);
    if (rows > NPS_MAX_ROWS) {
        /* only the adds can take it there, one row each */
        CHECK(ADDS_MAY_PASS_CAP && rows - NPS_MAX_ROWS <= adds);
        uint8_t buf[NPS_STATE_BYTES];
        nps_state back;
        nps_encode(s, buf);
        CHECK(nps_decode(buf, sizeof buf, &back) == NPS_E_STATE_VALUE);
    } else {
        check_decodable(s);
    }
    check_measures(s, confidence);
}

/* Counts of a equal those of b. */
static int same_counts(const nps_state *a, const nps_state *b)
{
    return memcmp(a->count, b->count, sizeof a->count) == 0 &&
           memcmp(a->weighted, b->weighted, sizeof a->weighted) == 0;
}

/* A+B then -B is A (counts exact, sums close); on overflow nothing changes. */
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
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        CHECK(t.weighted[c] == a->weighted[c] + b->weighted[c]);
        double scale = fmax(a->wsum[c], b->wsum[c]), scale2 = fmax(a->wsq[c], b->wsq[c]);
        CHECK(sums_close(t.wsum[c], a->wsum[c] + b->wsum[c], scale, COMMUTE_TOLERANCE));
        CHECK(sums_close(t.wsq[c], a->wsq[c] + b->wsq[c], scale2, COMMUTE_TOLERANCE));
    }
    check_decodable(&t);
    CHECK(nps_unmerge(&t, b) == NPS_OK);
    CHECK(same_counts(&t, a));
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        double scale = fmax(a->wsum[c], b->wsum[c]), scale2 = fmax(a->wsq[c], b->wsq[c]);
        CHECK(sums_close(t.wsum[c], a->wsum[c], scale, UNMERGE_TOLERANCE));
        CHECK(sums_close(t.wsq[c], a->wsq[c], scale2, UNMERGE_TOLERANCE));
    }
    check_decodable(&t);
}

/* A+B equals B+A. */
static void check_commutes(const nps_state *a, const nps_state *b)
{
    nps_state ab = *a, ba = *b;
    nps_status s1 = nps_merge(&ab, b), s2 = nps_merge(&ba, a);
    CHECK(s1 == s2);
    if (s1 != NPS_OK || same_encoding(&ab, &ba))
        return;
    CHECK(same_counts(&ab, &ba));
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        CHECK(sums_close(ab.wsum[c], ba.wsum[c], ab.wsum[c], COMMUTE_TOLERANCE));
        CHECK(sums_close(ab.wsq[c], ba.wsq[c], ab.wsq[c], COMMUTE_TOLERANCE));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nps_state s[NSTATES];
    for (int k = 0; k < NSTATES; k++)
        nps_state_init(&s[k]);
    double confidence = confidence_of(data, size);
    reader r = {data, size};
    int64_t adds = 0;
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
            CHECK(st == ((uint64_t)score > 10 ? NPS_E_SCORE_RANGE : NPS_OK));
            break;
        case 1:
            st = nps_remove(a, score);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE || st == NPS_E_SCORE_RANGE);
            break;
        case 2:
            st = nps_add_weighted(a, score, w);
            if (!isfinite(w) || w < 0.0)
                CHECK(st == NPS_E_WEIGHT);
            else if ((uint64_t)score > 10)
                CHECK(st == NPS_E_SCORE_RANGE);
            else
                CHECK(st == NPS_OK || st == NPS_E_OVERFLOW);
            break;
        case 3:
            st = nps_remove_weighted(a, score, w);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE || st == NPS_E_SCORE_RANGE ||
                  st == NPS_E_WEIGHT);
            break;
        case 4:
            check_merge_unmerge(a, b);
            st = nps_merge(a, b);
            CHECK(st == NPS_OK || st == NPS_E_OVERFLOW);
            break;
        case 5:
            st = nps_unmerge(a, b);
            CHECK(st == NPS_OK || st == NPS_E_REMOVE);
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
            adds++;
            CHECK(a->count[score] == before.count[score] + 1);
            CHECK(nps_rows(a) == nps_rows(&before) + 1);
        } else if (kind == 1 || kind == 3) {
            CHECK(a->count[score] == before.count[score] - 1);
            CHECK(nps_rows(a) == nps_rows(&before) - 1);
        }
        check_state(a, confidence, adds);
    }
    for (int k = 0; k < NSTATES; k++)
        check_results(&s[k], confidence);
    return 0;
}
