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

#endif
