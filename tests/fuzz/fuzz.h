/*
 * fuzz.h -- checks shared by the libFuzzer targets of tests/fuzz/.
 *
 * Every target checks invariants of core/nps.h and stops with CHECK() (which
 * prints the failed condition and aborts) when one does not hold, so libFuzzer
 * saves the input as a crash.
 */
#ifndef NPS_FUZZ_H
#define NPS_FUZZ_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps.h"

/* Abort with the failed condition and its line when cond is false. */
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* CRC-32 (IEEE, reflected 0xedb88320), bit by bit: independent of the core's table. */
static inline uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

/* True when st is error e of a scale (NPS_SE_IN_NPS, NPS_SE_IN_PAIR: its
 * state where another kind belongs, S6) and buf starts with that scale's magic. */
static inline int scale_state_given(nps_status st, nps_scale_error e, const uint8_t *buf)
{
    nps_scale k;
    nps_scale_error got;
    return nps_scale_error_of(st, &k, &got) && got == e &&
           memcmp(buf, nps_scale_describe(k)->magic, 3) == 0;
}

/* True when two states encode to the same bytes. */
static inline int same_encoding(const nps_state *a, const nps_state *b)
{
    uint8_t ea[NPS_STATE_BYTES], eb[NPS_STATE_BYTES];
    size_t la = nps_encode(a, ea), lb = nps_encode(b, eb);
    return la == lb && memcmp(ea, eb, la) == 0;
}

/* A confidence in (0, 1) taken from the input bytes. */
static inline double confidence_of(const uint8_t *data, size_t size)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 0x100000001b3ULL;
    double c = (double)(h >> 11) * 0x1p-53; /* 0 .. 1 - 2^-53 */
    return c > 0.0 ? c : 0.5;
}

/* Every measure of nps_compute() at one confidence: NPS_EMPTY or finite and
 * in its range (R3, R7-R9); the interval's bounds in order. */
static inline void check_measures(const nps_state *s, double confidence)
{
    double v[NPS_NMEASURES];
    nps_status st[NPS_NMEASURES];
    for (int m = 0; m < NPS_NMEASURES; m++) {
        v[m] = NAN;
        st[m] = nps_compute(s, (nps_measure)m, confidence, &v[m]);
        CHECK(st[m] == NPS_OK || st[m] == NPS_EMPTY);
        if (st[m] != NPS_OK)
            continue;
        CHECK(isfinite(v[m]));
        switch ((nps_measure)m) { /* no default: a new measure must say its range */
        case NPS_M_NPS:
        case NPS_M_CI_LOWER:
        case NPS_M_CI_UPPER:
            CHECK(v[m] >= -100.0 && v[m] <= 100.0);
            break;
        case NPS_M_PROMOTER_SHARE:
        case NPS_M_PASSIVE_SHARE:
        case NPS_M_DETRACTOR_SHARE:
            CHECK(v[m] >= 0.0 && v[m] <= 100.0);
            break;
        case NPS_M_STDERR:
        case NPS_M_MOE:
            CHECK(v[m] >= 0.0);
            break;
        }
    }
    /* no rows, no result (R5): NPS and the shares are empty together */
    for (int m = NPS_M_PROMOTER_SHARE; m <= NPS_M_DETRACTOR_SHARE; m++)
        CHECK(st[m] == st[NPS_M_NPS]);
    CHECK(st[NPS_M_CI_LOWER] == st[NPS_M_CI_UPPER]);
    if (st[NPS_M_CI_LOWER] == NPS_OK)
        CHECK(v[NPS_M_CI_LOWER] <= v[NPS_M_CI_UPPER]);
    if (nps_rows(s) == 0)
        CHECK(st[NPS_M_NPS] == NPS_EMPTY);
}

/* Results of a state in range (check_measures at 0.95 and at confidence), its
 * p-value against itself in 0..1 (R12), its JSON summary complete. */
static inline void check_results(const nps_state *s, double confidence)
{
    check_measures(s, NPS_DEFAULT_CONFIDENCE);
    check_measures(s, confidence);
    double p = NAN;
    nps_status st = nps_pvalue(s, s, &p);
    CHECK(st == NPS_OK || st == NPS_EMPTY);
    if (st == NPS_OK)
        CHECK(isfinite(p) && p >= 0.0 && p <= 1.0);
    char json[NPS_SUMMARY_MAX];
    double nps;
    nps_status want = nps_compute(s, NPS_M_NPS, NPS_DEFAULT_CONFIDENCE, &nps);
    st = nps_summary_json(s, json, sizeof json);
    CHECK(st == want);
    if (st == NPS_OK) {
        size_t n = strlen(json);
        CHECK(n >= 2 && n < sizeof json - 1 && json[0] == '{' && strcmp(json + n - 2, "]}") == 0);
    }
}

/* A state that nps_decode() takes back from its own encoding, unchanged, with
 * at most NPS_MAX_ROWS rows (R10, R11). */
static inline void check_decodable(const nps_state *s)
{
    uint8_t buf[NPS_STATE_BYTES];
    nps_state back;
    size_t len = nps_encode(s, buf);
    CHECK(len == NPS_STATE_BYTES || len == NPS_STATE_BYTES_PLAIN);
    nps_status st = nps_decode(buf, len, &back);
    if (st != NPS_OK) { /* say which state before failing */
        char text[NPS_STATE_TEXT_MAX];
        nps_state_to_text(s, text, sizeof text);
        fprintf(stderr, "state refused by nps_decode (status %d): %s\n", (int)st, text);
    }
    CHECK(st == NPS_OK);
    CHECK(same_encoding(s, &back));
    int64_t rows = nps_rows(s);
    CHECK(rows >= 0 && rows <= NPS_MAX_ROWS);
}

/* The text form of a decoded or parsed state (R11): it fits its buffer, reads
 * back to a state with the same encoding, and writing that again gives the
 * same text (a fixed point). */
static inline void check_text_round_trip(const nps_state *s)
{
    char text[NPS_STATE_TEXT_MAX], again[NPS_STATE_TEXT_MAX];
    nps_state back;
    nps_state_to_text(s, text, sizeof text);
    CHECK(strlen(text) < sizeof text - 1);
    CHECK(nps_state_from_text(text, &back) == NPS_OK);
    CHECK(same_encoding(s, &back));
    nps_state_to_text(&back, again, sizeof again);
    CHECK(strcmp(text, again) == 0);
}

/* The scales (nps_scale.h): a state of scale k from the first input byte. */
static inline nps_scale scale_of(uint8_t byte)
{
    return (nps_scale)(byte % NPS_NSCALES);
}

/* Scores on the scale of a state. */
static inline int scale_scores(const nps_scale_state *s)
{
    const nps_scale_info *info = nps_scale_describe((nps_scale)s->scale);
    return info->hi - info->lo + 1;
}

/* True when two scale states encode to the same bytes. */
static inline int same_scale_encoding(const nps_scale_state *a, const nps_scale_state *b)
{
    uint8_t ea[NPS_SCALE_BYTES], eb[NPS_SCALE_BYTES];
    size_t la = nps_scale_encode(a, ea), lb = nps_scale_encode(b, eb);
    return la == lb && memcmp(ea, eb, la) == 0;
}

/* True when a scale state holds no weight (R5): every row weighted, every sum of weights 0. */
static inline int scale_weightless(const nps_scale_state *s)
{
    for (int i = 0; i < scale_scores(s); i++) {
        if (s->count[i] != s->weighted[i])
            return 0;
        for (int l = 0; l < NPS_SUM_LIMBS; l++)
            if (s->wsum[i].limb[l] != 0)
                return 0;
    }
    return 1;
}

/* True when some sum of a scale state is no longer exact. */
static inline int scale_inexact(const nps_scale_state *s)
{
    for (int i = 0; i < NPS_SCALE_MAX; i++)
        if (s->wsum[i].inexact || s->wsq[i].inexact)
            return 1;
    return 0;
}

/* Every measure of nps_scale_compute() at one confidence (S2-S4): empty or
 * finite and in its range (CSAT: value, share and bounds in 0..100, margin
 * 0..50; CES: value and bounds in 1..7, share 0..100, margin 0..6); empty
 * exactly when the state holds no weight (the CES interval also with one
 * answer); the bounds in order around the value.  Unweighted, the value is
 * the share of the top box or the mean of the counts. */
static inline void check_scale_measures(const nps_scale_state *s, double confidence)
{
    const nps_scale_info *info = nps_scale_describe((nps_scale)s->scale);
    int ces = s->scale == NPS_CES;
    double lo = ces ? info->lo : 0.0, hi = ces ? info->hi : 100.0;
    double v[NPS_NSCALE_MEASURES];
    nps_status st[NPS_NSCALE_MEASURES];
    for (int m = 0; m < NPS_NSCALE_MEASURES; m++) {
        v[m] = NAN;
        st[m] = nps_scale_compute(s, (nps_scale_measure)m, confidence, &v[m]);
        CHECK(st[m] == NPS_OK || st[m] == NPS_EMPTY);
        if (st[m] != NPS_OK)
            continue;
        CHECK(isfinite(v[m]));
        switch ((nps_scale_measure)m) { /* no default: a new measure must say its range */
        case NPS_S_VALUE:
        case NPS_S_CI_LOWER:
        case NPS_S_CI_UPPER:
            CHECK(v[m] >= lo && v[m] <= hi);
            break;
        case NPS_S_SHARE:
            CHECK(v[m] >= 0.0 && v[m] <= 100.0);
            break;
        case NPS_S_MOE:
            CHECK(v[m] >= 0.0 && v[m] <= (ces ? hi - lo : 50.0));
            break;
        }
    }
    CHECK((st[NPS_S_VALUE] == NPS_EMPTY) == scale_weightless(s));
    CHECK(st[NPS_S_SHARE] == st[NPS_S_VALUE]);
    CHECK(st[NPS_S_MOE] == st[NPS_S_CI_LOWER] && st[NPS_S_CI_LOWER] == st[NPS_S_CI_UPPER]);
    if (!ces || st[NPS_S_VALUE] == NPS_EMPTY)
        CHECK(st[NPS_S_MOE] == st[NPS_S_VALUE]);
    if (st[NPS_S_CI_LOWER] == NPS_OK)
        CHECK(v[NPS_S_CI_LOWER] <= v[NPS_S_VALUE] && v[NPS_S_VALUE] <= v[NPS_S_CI_UPPER]);
    if (st[NPS_S_VALUE] != NPS_OK)
        return;
    if (!ces)
        CHECK(v[NPS_S_VALUE] == v[NPS_S_SHARE]);
    int weighted = 0;
    double rows = 0.0, top = 0.0, sum = 0.0;
    for (int i = 0; i < scale_scores(s); i++) {
        weighted |= s->weighted[i] != 0;
        rows += (double)s->count[i];
        sum += (double)s->count[i] * (info->lo + i);
        if (info->lo + i >= info->top)
            top += (double)s->count[i];
    }
    if (!weighted) {
        CHECK(fabs(v[NPS_S_SHARE] - 100.0 * top / rows) <= 1e-9);
        if (ces) {
            CHECK(fabs(v[NPS_S_VALUE] - sum / rows) <= 1e-9);
            CHECK((st[NPS_S_MOE] == NPS_EMPTY) == (s->rows <= 1));
        }
    }
}

/* A scale state that nps_scale_decode() takes back from its own encoding,
 * unchanged, with at most NPS_MAX_ROWS rows (S5, S6). */
static inline void check_scale_decodable(const nps_scale_state *s)
{
    uint8_t buf[NPS_SCALE_BYTES];
    nps_scale_state back;
    size_t len = nps_scale_encode(s, buf);
    CHECK(len <= NPS_SCALE_BYTES);
    nps_status st = nps_scale_decode((nps_scale)s->scale, buf, len, &back);
    if (st != NPS_OK) { /* say which state before failing */
        char text[NPS_SCALE_TEXT_MAX];
        nps_scale_to_text(s, text, sizeof text);
        fprintf(stderr, "state refused by nps_scale_decode (status %d): %s\n", (int)st, text);
    }
    CHECK(st == NPS_OK);
    CHECK(back.scale == s->scale);
    CHECK(same_scale_encoding(s, &back));
    CHECK(s->rows >= 0 && s->rows <= NPS_MAX_ROWS);
}

/* The text form of a scale state (S6): it fits its buffer, reads back to a
 * state with the same encoding, and writing that again gives the same text. */
static inline void check_scale_text_round_trip(const nps_scale_state *s)
{
    char text[NPS_SCALE_TEXT_MAX], again[NPS_SCALE_TEXT_MAX];
    nps_scale_state back;
    nps_scale_to_text(s, text, sizeof text);
    CHECK(strlen(text) < sizeof text - 1);
    CHECK(nps_scale_from_text((nps_scale)s->scale, text, &back) == NPS_OK);
    CHECK(same_scale_encoding(s, &back));
    nps_scale_to_text(&back, again, sizeof again);
    CHECK(strcmp(text, again) == 0);
}

/* Results of a scale state in range at 0.95 and at confidence, its JSON
 * summary there exactly when the value is, and complete. */
static inline void check_scale_results(const nps_scale_state *s, double confidence)
{
    check_scale_measures(s, NPS_DEFAULT_CONFIDENCE);
    check_scale_measures(s, confidence);
    char json[NPS_SCALE_SUMMARY_MAX];
    double v;
    nps_status want = nps_scale_compute(s, NPS_S_VALUE, NPS_DEFAULT_CONFIDENCE, &v);
    nps_status st = nps_scale_summary_json(s, json, sizeof json);
    CHECK(st == want);
    if (st == NPS_OK) {
        size_t n = strlen(json);
        CHECK(n >= 2 && n < sizeof json - 1 && json[0] == '{' && strcmp(json + n - 2, "]}") == 0);
    }
}

/* A step that failed left its state t as it was. */
static inline void check_scale_unchanged(const nps_scale_state *t, const nps_scale_state *was)
{
    CHECK(memcmp(t, was, sizeof *t) == 0);
}

/* The state merged with itself: every count doubled and the value the same
 * (or, past the row limit, an overflow that changes nothing); taking it out
 * again gives the state back while its sums are exact.  Then, for each score,
 * one row added and removed, plain and with a weight, gives it back too. */
static inline void check_scale_steps(const nps_scale_state *s, double weight)
{
    nps_scale_state t = *s;
    nps_status st = nps_scale_merge(&t, s);
    if (st != NPS_OK) {
        CHECK(st == NPS_E_OVERFLOW && s->rows > NPS_MAX_ROWS / 2);
        check_scale_unchanged(&t, s);
    } else {
        CHECK(t.rows == 2 * s->rows);
        for (int i = 0; i < NPS_SCALE_MAX; i++)
            CHECK(t.count[i] == 2 * s->count[i] && t.weighted[i] == 2 * s->weighted[i]);
        check_scale_decodable(&t);
        check_scale_measures(&t, NPS_DEFAULT_CONFIDENCE);
        double a, b;
        if (nps_scale_compute(s, NPS_S_VALUE, NPS_DEFAULT_CONFIDENCE, &a) == NPS_OK) {
            CHECK(nps_scale_compute(&t, NPS_S_VALUE, NPS_DEFAULT_CONFIDENCE, &b) == NPS_OK);
            CHECK(fabs(a - b) <= 1e-9 * fmax(1.0, fabs(a)));
        }
        nps_scale_state twice = t;
        st = nps_scale_unmerge(&t, s);
        if (st == NPS_E_INEXACT) {
            CHECK(scale_inexact(&twice));
            check_scale_unchanged(&t, &twice);
        } else {
            CHECK(st == NPS_OK);
            CHECK(t.rows == s->rows && memcmp(t.count, s->count, sizeof t.count) == 0 &&
                  memcmp(t.weighted, s->weighted, sizeof t.weighted) == 0);
            if (!scale_inexact(&twice))
                CHECK(same_scale_encoding(&t, s));
        }
    }
    const nps_scale_info *info = nps_scale_describe((nps_scale)s->scale);
    for (int score = info->lo - 1; score <= info->hi + 1; score++) {
        int on = score >= info->lo && score <= info->hi;
        nps_status range = nps_scale_status((nps_scale)s->scale, NPS_SE_RANGE);
        for (int w = 0; w < 2; w++) {
            t = *s;
            st = w ? nps_scale_add_weighted(&t, score, weight) : nps_scale_add(&t, score);
            if (!on || st != NPS_OK) {
                CHECK(st == (on ? NPS_E_OVERFLOW : range));
                CHECK(!on || s->rows == NPS_MAX_ROWS);
                check_scale_unchanged(&t, s);
                continue;
            }
            CHECK(t.rows == s->rows + 1 &&
                  t.count[score - info->lo] == s->count[score - info->lo] + 1);
            check_scale_decodable(&t);
            check_scale_measures(&t, NPS_DEFAULT_CONFIDENCE);
            nps_scale_state added = t;
            st = w ? nps_scale_remove_weighted(&t, score, weight) : nps_scale_remove(&t, score);
            if (st == NPS_E_INEXACT) {
                CHECK(w && scale_inexact(&added));
                check_scale_unchanged(&t, &added);
                continue;
            }
            CHECK(st == NPS_OK);
            CHECK(t.rows == s->rows);
            if (!scale_inexact(&added))
                CHECK(same_scale_encoding(&t, s));
        }
    }
}

#endif
