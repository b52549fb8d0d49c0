/*
 * nps.h -- the engine-free scoring core of the nps extension.
 *
 * Plain C11: no engine header, no allocation.  Both SQL wrappers (SQLite in
 * sqlite-ext/, PostgreSQL in pg-ext/) convert arguments, call these functions
 * and turn a status into an engine error whose text comes from
 * nps_message(), so both engines say the same words.
 *
 * The rules.  Tests name the rule they check ("R3").
 *
 *  R1  A score is a whole number 0..10.  Anything else (a fraction, text that
 *      is not a number, a number outside 0..10) is an error naming the
 *      function and the value; it is never counted as 0 nor dropped.  Text
 *      may carry blanks, a sign, a fraction of zeros and an exponent
 *      ("7", " 9 ", "7.0", "1e1"), read exactly, never through a double.
 *      Text that is empty or only blanks is a skipped answer, as NULL.
 *  R2  Detractor 0-6, passive 7-8, promoter 9-10.
 *  R3  NPS = % promoters - % detractors, a double in -100..100, never rounded;
 *      every result is kept inside its documented range (a share in 0..100)
 *      whatever rounding the arithmetic did.
 *  R4  NULL scores are skipped; with a weight, a NULL weight skips the row.
 *      The denominator is the valid rows (weighted: their sum of weights).
 *  R5  Over no valid rows (or a sum of weights of 0) every result is NULL
 *      (status NPS_EMPTY), never 0 and never an error.  Results are computed
 *      scale-free: weights of 1e-300 give the same numbers as weights of 1.
 *  R6  A weight is finite and >= 0.  An unweighted row weighs 1.
 *  R7  Standard error in points: 100 * sqrt((p + d - (p - d)^2) / n), p and d
 *      the promoter and detractor proportions; weighted, n is Kish's
 *      effective n = (sum w)^2 / sum w^2.
 *  R8  Margin of error = z * stderr (Wald), z the two-sided normal quantile
 *      of a confidence 0 < c < 1 (0.95 by default).
 *  R9  Adjusted-Wald interval: add 0.75 detractor, 1.5 passive and 0.75
 *      promoter pseudo-responses to n, then Wald; clipped to -100..100.
 *  R10 A state holds the count of each score and, per category, the number
 *      of explicitly weighted rows and their sums of weights and squared
 *      weights.  The sums are exact (nps_sum: a 320-bit integer times a
 *      power of two), so merging is exact and order-independent and
 *      removing what was added restores the state bit for bit, while the
 *      weights a sum has seen span up to about 1e22 (1e20 and more for the
 *      squares).  Past that a sum is marked inexact: its value is still
 *      right to ~1e-80 relative, but nothing can be taken out of it any
 *      more (NPS_E_INEXACT).  A weight whose square overflows a double is an
 *      error.  A state holds at most NPS_MAX_ROWS rows: every add, merge,
 *      decode and parse enforces it, so no function writes a state that it
 *      would refuse.
 *  R11 The binary state: magic "nps", version 2, flags, counts, and only
 *      when some row was weighted the weighted-row counts and the sums, all
 *      little-endian, CRC-32 last.  Decoding checks length, magic, version,
 *      flags, checksum, canonical form and consistency before use: counts
 *      within the row limit, sums possible for their counts
 *      (wsq <= wsum^2 <= weighted * wsq), so every result is finite and in
 *      range.  The text form carries the same information.
 *  R12 p-value of two states: z = (nps_a - nps_b) / sqrt(se_a^2 + se_b^2),
 *      two-sided; 1 when both are equal with zero variance, NULL when either
 *      is empty.
 *  R13 Bands: 'negative' below 0, 'good' 0 to below 30, 'great' 30 to below
 *      70, 'excellent' 70 and up; outside -100..100 is an error.
 *
 * The programme toolkit (alerts, follow-ups, sampling, themes) adds:
 *
 *  P1  Sampling key of (key, seed): FNV-1a 64 (offset basis
 *      0xcbf29ce484222325, prime 0x100000001b3) over the bytes of the seed,
 *      one 0xFF byte (never part of UTF-8 text, so ("ab", "c") and ("a",
 *      "bc") differ), then the bytes of the key; then the splitmix64
 *      finaliser (x ^= x >> 30; x *= 0xbf58476d1ce4e5b9; x ^= x >> 27;
 *      x *= 0x94d049bb133111eb; x ^= x >> 31); the result is x >> 1, an
 *      integer 0 .. 2^63 - 1, so `key % 100 < 10` is a 10% sample in any
 *      engine.
 *  P2  Case folding maps each upper-case letter of Basic Latin, Latin-1,
 *      Latin Extended-A, Latin Extended Additional, Greek, Cyrillic and the
 *      full-width Latin letters to its simple lower case (Unicode
 *      UnicodeData.txt), and copies every other byte, valid UTF-8 or not.
 *      The result is never longer than the input.
 *  P3  The follow-up question of a score asks a detractor what went wrong
 *      and what could be done better, a passive what would make it a 10, a
 *      promoter what they value most; built in for the languages of
 *      nps_category_label().
 *  P4  Alert categories are a comma-separated list of detractor, passive and
 *      promoter (blanks around a name and letter case do not matter); an
 *      empty list, an empty name or any other name is an error naming it.
 *
 * Inference beyond the point estimate (I1-I5), paired waves (W1-W5) and
 * small segments (B1-B5) are stated in nps_inference.h, and the sibling
 * measures CSAT and CES (S1-S7) in nps_scale.h, which this header includes
 * at its end.
 */
#ifndef NPS_CORE_H
#define NPS_CORE_H

#include <stddef.h>
#include <stdint.h>

#define NPS_NSCORES 11
#define NPS_NCATEGORIES 3
#define NPS_DEFAULT_CONFIDENCE 0.95
/* Most rows a state may hold (R10): 2^62. */
#define NPS_MAX_ROWS ((int64_t)1 << 62)

/* Categories, in the order used by every per-category array. */
enum { NPS_DETRACTOR = 0, NPS_PASSIVE = 1, NPS_PROMOTER = 2 };

/* The scales beside NPS and the number of errors each has (nps_scale.h,
 * S7): every scale has a block of statuses at the end of nps_status. */
#define NPS_NSCALES 2
#define NPS_SCALE_ERRORS 15

/* Outcome of every core call; the wrappers map it to an engine error. */
typedef enum nps_status {
    NPS_OK = 0,
    NPS_EMPTY,            /* no valid rows: the SQL result is NULL (R5) */
    NPS_E_SCORE_RANGE,    /* a number outside 0..10 */
    NPS_E_SCORE_FRACTION, /* a number with a fractional part */
    NPS_E_SCORE_TEXT,     /* text that is not a number */
    NPS_E_SCORE_TYPE,     /* a value that is neither a score nor a state */
    NPS_E_WEIGHT,         /* negative, infinite or NaN weight */
    NPS_E_WEIGHT_STATE,   /* a weight given with a state */
    NPS_E_CONFIDENCE,     /* confidence outside (0, 1) */
    NPS_E_WEIGHT_SQUARE,  /* a weight whose square overflows */
    NPS_E_INEXACT,        /* taking rows out of a sum that is no longer exact */
    NPS_E_SCALAR_STATE,   /* a scalar that takes a score given an nps_state */
    NPS_E_NOT_NUMBER,     /* a non-score argument that is not a number */
    NPS_E_NOT_STATE,      /* an argument that should be an nps_state but is not a blob */
    NPS_E_BAND,           /* nps value outside -100..100 */
    NPS_E_LANG,           /* unknown language */
    NPS_E_STATE_LENGTH,   /* blob of the wrong length */
    NPS_E_STATE_MAGIC,    /* blob that is not an nps_state */
    NPS_E_STATE_VERSION,  /* nps_state of a version this build cannot read */
    NPS_E_STATE_CHECKSUM, /* nps_state whose checksum does not match */
    NPS_E_STATE_VALUE,    /* nps_state whose contents are inconsistent */
    NPS_E_STATE_TEXT,     /* malformed text form of an nps_state */
    NPS_E_OVERFLOW,       /* a count would overflow */
    NPS_E_REMOVE,         /* removing something the state does not hold */
    NPS_E_CATEGORY,       /* unknown category name (P4) */
    NPS_E_NO_TABLE,       /* no such table */
    NPS_E_NO_COLUMN,      /* no such column in a table */
    NPS_E_NAME,           /* a name that is empty or too long */
    NPS_E_NULL_ARG,       /* a NULL where a value is required */
    NPS_E_QUEUE,          /* a table of the queue's name that is not an alert queue */
    NPS_E_NO_ROWID,       /* a table without rowid where one is needed */
    NPS_E_ROWID_NAMES,    /* a table whose columns take every name of its rowid */
    NPS_E_STATE_IS_PAIR,  /* an nps_pair_state where an nps_state belongs */
    NPS_E_PAIR_IS_STATE,  /* an nps_state where an nps_pair_state belongs */
    NPS_E_NOT_PAIR,       /* an argument that should be an nps_pair_state but is not a blob */
    NPS_E_PAIR_LENGTH,    /* pair state blob of the wrong length */
    NPS_E_PAIR_MAGIC,     /* blob that is not an nps_pair_state */
    NPS_E_PAIR_VERSION,   /* nps_pair_state of a version or flags this build cannot read */
    NPS_E_PAIR_CHECKSUM,  /* nps_pair_state whose checksum does not match */
    NPS_E_PAIR_VALUE,     /* nps_pair_state with a negative count or over the row limit */
    NPS_E_PAIR_TEXT,      /* malformed text form of an nps_pair_state */
    NPS_E_PAIR_WEIGHT,    /* a weight given to a paired aggregate */
    NPS_E_MARGIN,         /* a margin that is not a finite number > 0 (I1) */
    NPS_E_MARGIN_SMALL,   /* a margin that needs more responses than a state holds (I1) */
    NPS_E_SHARE,          /* an expected share outside 0..100 (I1, I2) */
    NPS_E_SHARES_SUM,     /* expected promoter and detractor shares above 100 together */
    NPS_E_ALPHA,          /* a significance level outside (0, 1) (I2) */
    NPS_E_POWER,          /* a power outside (0, 1) (I2) */
    NPS_E_SIZE,           /* a sample size that is not a finite number >= 1 (I2) */
    NPS_E_ALTERNATIVE,    /* an unknown alternative hypothesis (I3) */
    NPS_E_TARGET,         /* a benchmark or target NPS outside -100..100 (I3, B2) */
    NPS_E_NOT_PART,       /* a part holding rows the total does not (I5) */
    NPS_E_PART_INEXACT,   /* a part whose weights cannot be taken out exactly (I5) */
    NPS_E_PROBABILITY,    /* credible probability outside (0, 1) (B3) */
    NPS_E_STRENGTH,       /* prior strength negative or not finite (B4) */
    NPS_E_SCALE_FIRST,    /* the first status of the first scale's block (S7) */
    NPS_STATUS_COUNT = NPS_E_SCALE_FIRST + NPS_NSCALES * NPS_SCALE_ERRORS
} nps_status;

/* An exact sum of doubles >= 0 (R10): sum of limb[i] * 2^(64 i + exp). */
#define NPS_SUM_LIMBS 5
typedef struct nps_sum {
    uint64_t limb[NPS_SUM_LIMBS];
    int32_t exp;      /* binary exponent of the lowest bit */
    uint32_t inexact; /* 1 once a bit had to be dropped */
} nps_sum;

/* Mergeable aggregate state (R10).  Unweighted rows only touch count[] and rows. */
typedef struct nps_state {
    int64_t count[NPS_NSCORES];        /* rows per score 0..10 */
    int64_t rows;                      /* sum of count[] */
    int64_t weighted[NPS_NCATEGORIES]; /* rows that carried a weight */
    nps_sum wsum[NPS_NCATEGORIES];     /* sum of those weights */
    nps_sum wsq[NPS_NCATEGORIES];      /* sum of their squares */
} nps_state;

/* What an aggregate's final step computes from a state. */
typedef enum nps_measure {
    NPS_M_NPS = 0,
    NPS_M_PROMOTER_SHARE,
    NPS_M_PASSIVE_SHARE,
    NPS_M_DETRACTOR_SHARE,
    NPS_M_STDERR,
    NPS_M_MOE,
    NPS_M_CI_LOWER,
    NPS_M_CI_UPPER
} nps_measure;

/* How many measures there are: a new measure goes after the last above
 * (nps_compute's fast path relies on the order of the first four). */
#define NPS_NMEASURES (NPS_M_CI_UPPER + 1)

/* Binary state (R11): 8 header bytes, 11 counts, then when weighted 3
 * weighted-row counts and 6 sums of 48 bytes; CRC-32 last. */
#define NPS_STATE_VERSION 2
#define NPS_STATE_FLAG_WEIGHTED 1u
#define NPS_STATE_BYTES_PLAIN (8 + 11 * 8 + 4)
#define NPS_STATE_BYTES (NPS_STATE_BYTES_PLAIN + 3 * 8 + 6 * (8 + NPS_SUM_LIMBS * 8))
/* Longest text form of a state, NUL included. */
#define NPS_STATE_TEXT_MAX 1024
/* Longest JSON summary, NUL included. */
#define NPS_SUMMARY_MAX 1024
/* Buffer size that holds any message of nps_message(). */
#define NPS_MESSAGE_MAX 256
/* Buffer size for a rendered value (nps_render_*). */
#define NPS_VALUE_MAX 96

/* Category of a score 0..10 (R2); the caller has checked the range. */
static inline int nps_category_of(int64_t score)
{
    return score <= 6 ? NPS_DETRACTOR : score <= 8 ? NPS_PASSIVE : NPS_PROMOTER;
}

/* Reset a state to no rows. */
void nps_state_init(nps_state *s);

/* Count one unweighted score already known to be 0..10, within the row
 * limit (R10).  The per-row hot path of a wrapper that checked the score. */
static inline nps_status nps_count(nps_state *s, int64_t score)
{
    if (s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    s->count[score]++;
    s->rows++;
    return NPS_OK;
}

/* Count one unweighted score (R1): check and count. */
static inline nps_status nps_add(nps_state *s, int64_t score)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    return nps_count(s, score);
}

/* Undo nps_add() for a sliding window frame. */
nps_status nps_remove(nps_state *s, int64_t score);

/* Count one weighted score (R6); the weight is checked first. */
nps_status nps_add_weighted(nps_state *s, int64_t score, double weight);
/* Undo nps_add_weighted(); sums return to exactly 0 once no weighted row remains. */
nps_status nps_remove_weighted(nps_state *s, int64_t score, double weight);
/* Add all of src into dst (R10); dst is unchanged on error. */
nps_status nps_merge(nps_state *dst, const nps_state *src);
/* Take src, previously merged, back out of dst; dst is unchanged on error. */
nps_status nps_unmerge(nps_state *dst, const nps_state *src);
/* Number of rows in a state (all scores, weighted or not). */
static inline int64_t nps_rows(const nps_state *s)
{
    return s->rows;
}

/* Exact sums (R10), in sum.c.  sign is +1 to add, -1 to take out. */
nps_status nps_sum_add(nps_sum *s, double w, int sign);
nps_status nps_sum_add_square(nps_sum *s, double w, int sign);
nps_status nps_sum_merge(nps_sum *dst, const nps_sum *src, int sign);
int nps_sum_is_zero(const nps_sum *s);
/* The sum as d * 2^exp2, d a double rounded once (no overflow, no underflow). */
double nps_sum_scaled(const nps_sum *s, int32_t *exp2);
/* floor(log2(sum)), INT32_MIN for 0. */
int nps_sum_exponent(const nps_sum *s);
/* The one form of a value: lowest bit set (exp 0 for 0). */
void nps_sum_canonical(nps_sum *s);

/* Check a double holding a score: whole and 0..10 (R1). */
nps_status nps_score_from_double(double v, int64_t *score);
/* Check text holding a score (R1): blanks, sign, digits, a fraction and an
 * exponent, evaluated exactly in decimal.  NPS_EMPTY for blank text. */
nps_status nps_score_from_text(const char *text, size_t len, int64_t *score);
/* Check a weight (R6). */
nps_status nps_check_weight(double w);

/* One result of a state (R3, R7-R9); NPS_EMPTY means SQL NULL.  confidence
 * is used by NPS_M_MOE and NPS_M_CI_*, ignored otherwise. */
nps_status nps_compute(const nps_state *s, nps_measure m, double confidence, double *out);
/* Two-sided p-value that two states' NPS differ (R12). */
nps_status nps_pvalue(const nps_state *a, const nps_state *b, double *out);
/* JSON object with counts, shares, nps, stderr, moe95 and the 95% interval,
 * and "scores": the 11 counts.  buf holds NPS_SUMMARY_MAX bytes. */
nps_status nps_summary_json(const nps_state *s, char *buf, size_t cap);

/* Two-sided z for a confidence in (0, 1) (R8). */
nps_status nps_z_for_confidence(double confidence, double *z);
/* Inverse of the standard normal CDF for 0 < p < 1: accurate to ~1e-15 for
 * p >= 1e-300, to ~1e-9 relative below (no refinement step there). */
double nps_normal_quantile(double p);
/* Upper tail of the standard normal: P(Z > x). */
double nps_normal_upper_tail(double x);

/* Label of a score's category in a language, one of nps_languages(). */
nps_status nps_category_label(int64_t score, const char *lang, size_t lang_len, const char **label);
/* Comma-separated list of the known language codes. */
const char *nps_languages(void);
/* Band of an NPS value (R13). */
nps_status nps_band(double value, const char **label);

/* Serialize a state (R11) into out, which holds NPS_STATE_BYTES; returns
 * the length written. */
size_t nps_encode(const nps_state *s, uint8_t out[NPS_STATE_BYTES]);
/* Parse and check a binary state; out is untouched on error (R11). */
nps_status nps_decode(const uint8_t *buf, size_t len, nps_state *out);
/* Readable text form that round-trips exactly; buf holds NPS_STATE_TEXT_MAX. */
void nps_state_to_text(const nps_state *s, char *buf, size_t cap);
/* Parse the text form; out is untouched on error. */
nps_status nps_state_from_text(const char *text, nps_state *out);

/* Shortest text that reads back as the same double (locale-independent). */
void nps_format_double(double v, char *buf, size_t cap);
/* Render an offending value for a message: integer, double, quoted text
 * (cut to 40 bytes), the text of a number (unquoted, its middle cut when
 * longer than 40 bytes), or a byte count.  buf holds NPS_VALUE_MAX bytes. */
void nps_render_int(int64_t v, char *buf, size_t cap);
void nps_render_double(double v, char *buf, size_t cap);
void nps_render_text(const char *text, size_t len, char *buf, size_t cap);
void nps_render_number(const char *text, size_t len, char *buf, size_t cap);
/* The error text for a status: "<fn>: score 11 is outside 0..10". */
void nps_message(char *buf, size_t cap, nps_status st, const char *fn, const char *value);
/* SQLSTATE of an error status: "22003" (out of range), "22023" (invalid
 * value), or for the programme's arguments "42P01" (no table), "42703" (no
 * column), "42602" (bad name), "22004" (NULL), "42809" (wrong kind of table) or
 * "42P16" (a table whose rowid has no name left). */
const char *nps_sqlstate(nps_status st);

/* ------------------------------------------------------------------------
 * The programme toolkit (P1-P4).
 * ------------------------------------------------------------------------ */

/* Longest follow-up question, NUL included. */
#define NPS_QUESTION_MAX 256
/* Longest canonical category list ("detractor,passive,promoter"), NUL included. */
#define NPS_CATEGORIES_MAX 32
/* Buffer size for a rendered column of a table (nps_render_column). */
#define NPS_COLUMN_VALUE_MAX (2 * NPS_VALUE_MAX)

/* English name of a category (NPS_DETRACTOR..NPS_PROMOTER): "detractor", ... */
const char *nps_category_name(int category);
/* Built-in follow-up question for a score's category in a language (P3). */
nps_status nps_followup_question(int64_t score, const char *lang, size_t lang_len,
                                 const char **question);
/* Parse a category list (P4) into a mask of 1 << NPS_DETRACTOR etc.  On
 * NPS_E_CATEGORY, *bad and *bad_len point at the offending name in text. */
nps_status nps_parse_categories(const char *text, size_t len, unsigned *mask, const char **bad,
                                size_t *bad_len);
/* Canonical list of a mask, in category order: "detractor,promoter". */
void nps_categories_text(unsigned mask, char *buf, size_t cap);
/* Sampling key of key under seed (P1): 0 .. 2^63 - 1. */
int64_t nps_sample_key(const char *key, size_t key_len, const char *seed, size_t seed_len);
/* Fold the case of UTF-8 text (P2) into out, which holds len bytes; returns
 * the number of bytes written (<= len; no NUL is added). */
size_t nps_casefold(const char *in, size_t len, char *out);
/* Render a column of a table for a message: 'score' in table 'responses'.
 * buf holds NPS_COLUMN_VALUE_MAX bytes. */
void nps_render_column(const char *column, size_t column_len, const char *table, size_t table_len,
                       char *buf, size_t cap);

/* Inference beyond the point estimate, paired waves, small segments. */
#include "nps_inference.h"
/* The sibling measures: CSAT and CES. */
#include "nps_scale.h"

#endif
