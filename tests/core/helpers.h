/*
 * helpers.h -- what the cmocka tests of the core (tests/core/test_*.c) share.
 *
 * One file of tests per module of core/ (test_state.c for core/state.c, ...),
 * each test declared with TEST() and so registered: runner.c runs every
 * file's tests as a group of its own, and no list of tests is kept anywhere.
 * A new test file is built and run by `make check-core` as it is.
 *
 * Every test names the rule of core/nps.h it checks (R1..R13, P1..P4).  Expected
 * values come from the formulas in the header and SPEC.md worked by hand or
 * recomputed independently (high-precision arithmetic) when the tests were
 * written, never from the output of the code under test.
 */
#ifndef NPS_TEST_HELPERS_H
#define NPS_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps.h"

/* A registered test: cmocka's entry, and where the test stands. */
typedef struct test_entry {
    struct CMUnitTest test;
    const char *file;
    int line;
    struct test_entry *next;
} test_entry;

/* Add a test to those runner.c runs; called before main() by TEST(). */
void test_register(test_entry *t);

/* Declare a cmocka test whose body takes no arguments, with a teardown
 * (NULL for none), and register it before main() runs. */
#define TEST_TEARDOWN(name, teardown)                                                              \
    static void name##_body(void);                                                                 \
    static void name(void **cm_state)                                                              \
    {                                                                                              \
        (void)cm_state;                                                                            \
        name##_body();                                                                             \
    }                                                                                              \
    static test_entry name##_entry = {cmocka_unit_test_teardown(name, teardown), __FILE__,         \
                                      __LINE__, NULL};                                             \
    __attribute__((constructor)) static void name##_register(void)                                 \
    {                                                                                              \
        test_register(&name##_entry);                                                              \
    }                                                                                              \
    static void name##_body(void)

/* Declare a cmocka test whose body takes no arguments, and register it. */
#define TEST(name) TEST_TEARDOWN(name, NULL)

/* Fail with both values unless got is within tol (relative, absolute below 1) of want. */
#define assert_near(got, want, tol) assert_near_at((got), (want), (tol), __FILE__, __LINE__)

/* Implementation of assert_near(); NaN never matches a number. */
void assert_near_at(double got, double want, double tol, const char *file, int line);

/* Fail unless two doubles are the same bits (so 0.0 and -0.0 differ). */
#define assert_same_double(got, want) assert_same_double_at((got), (want), __FILE__, __LINE__)

/* Implementation of assert_same_double(). */
void assert_same_double_at(double got, double want, const char *file, int line);

/* The canonical form of an exact sum (R11), computed here rather than by the
 * core: the integer shifted right until its lowest bit is set, exponent 0 for
 * zero. */
nps_sum canon(nps_sum x);

/* A finite double >= 0 as an exact sum, built here from its bits: the 53-bit
 * integer mantissa times a power of two, canonical. */
nps_sum dsum(double d);

/* An exact sum holding the integer v (up to 2^64 - 1). */
nps_sum isum(uint64_t v);

/* An exact sum's value as a long double (rounded; for tolerances only). */
long double sum_value(const nps_sum *x);

/* True when two sums hold the same value and inexact flag. */
int same_sum(const nps_sum *a, const nps_sum *b);

/* Fail unless a sum holds exactly the double want (and is exact). */
#define assert_sum_is(sum, want) assert_sum_is_at(&(sum), (want), __FILE__, __LINE__)

/* Implementation of assert_sum_is(). */
void assert_sum_is_at(const nps_sum *got, double want, const char *file, int line);

/* Fail unless two states hold the same rows and sums: counts, row total and
 * weighted counts equal, each sum the same value (an exact sum may sit at
 * another binary exponent in memory).  Identical bytes always pass, so this
 * also checks that an output left untouched still holds its sentinel. */
#define assert_state_equal(a, b) assert_state_equal_at((a), (b), __FILE__, __LINE__)

/* Implementation of assert_state_equal(). */
void assert_state_equal_at(const nps_state *a, const nps_state *b, const char *file, int line);

/* Set a hand-built state's row total to the sum of its counts. */
void fix_rows(nps_state *s);

/* Tolerance for results recomputed independently: different operation order. */
#define TOL 1e-12

/* A state whose bytes are all 0xA5: a sentinel to prove an output was not written. */
nps_state sentinel_state(void);

/* A state with d detractors, pa passives and pr promoters spread over the
 * scores of each category, built field by field (not through nps_add). */
nps_state counts_state(int64_t d, int64_t pa, int64_t pr);

/* Fetch one measure, asserting the call succeeds. */
double measure(const nps_state *s, nps_measure m, double confidence);

/* The weighted reference state: detractor weight 1.5, passive 1, promoters 2 and 0.5. */
nps_state weighted_reference(void);

/* Every measure of nps_compute(), in the order of nps_measure. */
extern const nps_measure all_measures[NPS_NMEASURES];
#define NMEASURES (sizeof all_measures / sizeof all_measures[0])

/* 2^62 written out by hand: the most rows a state may hold (R10). */
#define CAP_ROWS INT64_C(4611686018427387904)

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320, init and final xor 0xFFFFFFFF), bit by bit. */
uint32_t crc32_ieee(const uint8_t *p, size_t n);

/* Store the checksum of buf[0 .. len - 4) little-endian in its last 4 bytes. */
void reseal(uint8_t *buf, size_t len);

/* Byte offsets of format version 2, from R11 and the header's sizes: 8 header
 * bytes (magic, version, uint32 flags), 11 counts, then when weighted 3
 * weighted counts and 6 sums of (int32 exp, uint32 inexact, 5 limbs). */
#define B_COUNTS 8
#define B_WEIGHTED (B_COUNTS + 11 * 8)
#define B_SUMS (B_WEIGHTED + 3 * 8)
#define B_SUM_SIZE (8 + NPS_SUM_LIMBS * 8)
#define B_PLAIN (B_COUNTS + 11 * 8 + 4)
#define B_WEIGHTED_LEN (B_SUMS + 6 * B_SUM_SIZE + 4)

/* True when a sum is zero and exact, read here from its limbs. */
int sum_zero(const nps_sum *x);

/* The test's own encoder: s with the given flags, the sums written as they
 * are held (not made canonical), the CRC last.  Returns the length. */
size_t craft_flags(const nps_state *s, uint32_t flags, uint8_t buf[NPS_STATE_BYTES]);

/* True when a state has a weighted section to write: a weighted count or a sum. */
int has_weighted_part(const nps_state *s);

/* The blob of s as R11 says it is written: the weighted section when there
 * is one, every sum canonical. */
size_t craft(const nps_state *s, uint8_t buf[NPS_STATE_BYTES]);

/* States used by the round-trip tests. */
void sample_states(nps_state *out, size_t *n);
#define NSAMPLES 9

/* xorshift64: a fixed stream of pseudo-random numbers. */
uint64_t rng_next(uint64_t *x);

/* Uniform in [0, 1) from the stream. */
double rng_unit(uint64_t *x);

/* Fail unless two states encode to the same bytes (R11: one blob per state). */
#define assert_same_encoding(a, b) assert_same_encoding_at((a), (b), __FILE__, __LINE__)

/* Implementation of assert_same_encoding(). */
void assert_same_encoding_at(const nps_state *a, const nps_state *b, const char *file, int line);

/* The exact sum of one double's square: the 106-bit square of its 53-bit
 * mantissa, written here into the limbs. */
nps_sum dsquare(double d);

/* Assert that nps_message(st, fn, value) is exactly want. */
void message_is(nps_status st, const char *fn, const char *value, const char *want);

#endif
