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
 * Paired waves (the same respondents answering twice; pair.c, pair_format.c):
 *
 *  W1  A pair is (before, after), two scores each checked as R1, a NULL in
 *      either skipping the pair.  Pairs take no weight: a weight is an
 *      error (NPS_E_PAIR_WEIGHT).  The pair state holds the 3 x 3 counts of
 *      pairs from the category before (row) to the category after (column),
 *      in the order of R2, at most NPS_MAX_ROWS pairs in all; merging and
 *      unmerging are exact, removing what was added restores it.
 *  W2  Change = nps(after) - nps(before) over the pairs, in points:
 *      100 * mean(D), D = code(after) - code(before), codes detractor -1,
 *      passive 0, promoter +1; within -200..200.  NULL without pairs.
 *  W3  Paired p-value, two-sided: z = mean(D) / (sd(D) / sqrt(n)), sd with
 *      n - 1, p = 2 * P(Z > |z|).  NULL for fewer than 2 pairs (sd is not
 *      defined).  When sd = 0 every pair moved by the same D: p = 1 when
 *      D = 0 (no evidence of any change), p = 0 when D != 0 (|z| is
 *      infinite), the convention of R12.
 *  W4  Migration: JSON {"n":N,"detractor":{"detractor":c,"passive":c,
 *      "promoter":c},"passive":{...},"promoter":{...}}, the outer key the
 *      category before, the inner the category after.  NULL without pairs.
 *  W5  The binary pair state: magic "npp", version 1, uint32 flags 0, the
 *      9 counts as int64 row by row (before detractor: after detractor,
 *      passive, promoter; then before passive, before promoter), CRC-32 of
 *      the 80 bytes before it: 84 bytes, little-endian.  Decoding checks
 *      length, magic (an nps_state says so), version, flags, checksum, and
 *      counts >= 0 summing to at most NPS_MAX_ROWS.  The text form
 *      'pairs=c,c,c,c,c,c,c,c,c' (the same order) carries the same.
 * Small segments (bayes.c, beta.c):
 *
 *  B1  Posterior: under a uniform Dirichlet(1, 1, 1) prior on the promoter,
 *      passive and detractor shares, a state's posterior is Dirichlet(nP + 1,
 *      nA + 1, nD + 1).  Weighted, the counts are Kish's effective n (R7)
 *      times the weighted shares, so weights move the centre and a state
 *      of unequal weights is as informative as its effective n, never as
 *      its row count.  Without rows (R5) every result is NULL.
 *  B2  nps_prob_above: the posterior probability that the NPS exceeds a
 *      target in points, -100..100 (else an error).  Computed without
 *      sampling: NPS = S (2U - 1) with S = P + D ~ Beta(aP + aD, aA) and
 *      U = P / (P + D) ~ Beta(aP, aD) independent, one integral over S of
 *      an incomplete beta, over a window of a fixed number of standard
 *      deviations (a cost that does not grow with n); within 1e-6 of a
 *      high-precision integration for n up to 10,000 and 1e-4 beyond.
 *  B3  nps_credible_lower / _upper: the equal-tailed credible interval at a
 *      probability 0 < prob < 1 (0.95 by default; else an error): the
 *      (1 - prob) / 2 and (1 + prob) / 2 posterior quantiles in points,
 *      found by Brent's method on B2 to 1e-9 points.
 *  B4  nps_shrunk: the posterior mean NPS with the parent's shares as a
 *      prior worth k responses (strength, 30 by default; finite and >= 0,
 *      else an error): (nP + k P - nD - k D) / (n + k) x 100, P and D the
 *      parent's proportions; weighted, n is Kish's n and nP, nD as in B1.
 *      An empty segment gives the parent's NPS when k > 0 (the prior mean)
 *      and NULL when k = 0; an empty parent gives NULL (no prior to shrink
 *      toward), whatever k.
 *  B5  Each of these reads states only, so it works on raw rows through
 *      nps_state(score), on rollups, windows and shards alike.
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
 * Inference beyond the point estimate (infer.c) adds:
 *
 *  I1  Sample size for an adjusted-Wald interval of half-width <= margin
 *      points at a confidence (0.95): ceil(z^2 V / (margin / 100)^2 - 3),
 *      never below 1, V = p + d - (p - d)^2 from the expected promoter and
 *      detractor shares in percent, V = 1 (the worst case) when they are
 *      not given.  A margin is a finite number > 0; one that needs more
 *      than 2^62 responses (the most a state holds) is an error.  Shares
 *      are 0..100 each and at most 100 together (1e-9 allowed for rounding).
 *  I2  Minimum detectable effect of a two-sided test at alpha (0.05) with a
 *      power (0.8) between samples of n_a and n_b responses, in points:
 *      (z_{1-alpha/2} + z_power) * sqrt(V / n_a + V / n_b) * 100, V as in
 *      I1; 0 when power <= alpha / 2 (any difference is then detected).
 *      alpha and power lie in (0, 1); n_a and n_b are finite and >= 1 (a
 *      fraction is allowed: Kish's effective n).
 *  I3  p-values with an alternative: 'two-sided' (R12), 'greater' (H1: nps_a
 *      > nps_b; P(Z >= z)) or 'less' (H1: nps_a < nps_b; P(Z <= z)), z =
 *      (nps_a - nps_b) / sqrt(se_a^2 + se_b^2), so a one-sided p-value is
 *      half the two-sided one in the direction of the difference.  Against a
 *      fixed benchmark NPS in -100..100: z = (nps_a - target) / se_a.  With
 *      zero variance: 0 when the difference lies on H1's side, else 1.  NULL
 *      when a state is empty.  Any other alternative is an error naming it.
 *  I4  Interval of the change nps_b - nps_a: each state adjusted as R9
 *      (weighted: on Kish's n), the difference of the adjusted NPS
 *      +- z * sqrt(V_a / n_a + V_b / n_b) * 100, n the adjusted n and V of
 *      the adjusted shares; clipped to -200..200.  NULL when a state is empty.
 *  I5  The rest of a total without a part (total minus part): every count,
 *      weighted count and exact sum of the part must be held by the total,
 *      or it is an error that names the first score that is not; a total
 *      minus itself is the state of no rows.
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
    NPS_STATUS_COUNT
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

/* The pair state of paired waves (W1): count[before][after] by category. */
typedef struct nps_pair_state {
    int64_t count[NPS_NCATEGORIES][NPS_NCATEGORIES];
    int64_t rows; /* sum of count[][] */
} nps_pair_state;

/* Binary pair state (W5). */
#define NPS_PAIR_MAGIC "npp"
#define NPS_PAIR_VERSION 1
#define NPS_PAIR_BYTES (8 + 9 * 8 + 4)
/* Longest text form of a pair state, NUL included. */
#define NPS_PAIR_TEXT_MAX 256
/* Longest JSON migration table, NUL included. */
#define NPS_MIGRATION_MAX 512

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
/* Small segments (B1-B5): NPS_EMPTY means SQL NULL.  A bound of the
 * equal-tailed credible interval (upper 0: lower), in points (B3). */
nps_status nps_credible_bound(const nps_state *s, double prob, int upper, double *out);
/* Posterior probability that the NPS exceeds target points (B2). */
nps_status nps_prob_above(const nps_state *s, double target, double *out);
/* Posterior mean NPS shrunk toward the parent's, prior worth strength responses (B4). */
nps_status nps_shrunk(const nps_state *s, const nps_state *parent, double strength, double *out);
/* P(NPS > target points) when the shares are Dirichlet(ap, aa, ad), ap, aa, ad >= 1 (B2). */
double nps_dirichlet_above(double ap, double aa, double ad, double target);
/* The NPS in points below which that Dirichlet puts probability q (B3). */
double nps_dirichlet_quantile(double ap, double aa, double ad, double q);
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

/* Paired waves (W1-W5), pair.c and pair_format.c. */
/* Reset a pair state to no pairs. */
void nps_pair_init(nps_pair_state *s);
/* Count one pair of scores (W1); each must be 0..10 (NPS_E_SCORE_RANGE). */
nps_status nps_pair_add(nps_pair_state *s, int64_t before, int64_t after);
/* Undo nps_pair_add() for a sliding window frame (NPS_E_REMOVE when not held). */
nps_status nps_pair_remove(nps_pair_state *s, int64_t before, int64_t after);
/* Add src into dst; take src, previously merged, out of dst.  dst is
 * unchanged on error. */
nps_status nps_pair_merge(nps_pair_state *dst, const nps_pair_state *src);
nps_status nps_pair_unmerge(nps_pair_state *dst, const nps_pair_state *src);
/* Change in points (W2) and paired p-value (W3); NPS_EMPTY means SQL NULL. */
nps_status nps_pair_change(const nps_pair_state *s, double *out);
nps_status nps_pair_pvalue(const nps_pair_state *s, double *out);
/* The migration table as JSON (W4); buf holds NPS_MIGRATION_MAX bytes. */
nps_status nps_pair_migration_json(const nps_pair_state *s, char *buf, size_t cap);
/* Serialize (W5): writes NPS_PAIR_BYTES bytes, returns that length. */
size_t nps_pair_encode(const nps_pair_state *s, uint8_t out[NPS_PAIR_BYTES]);
/* Parse and check a binary pair state; out is untouched on error (W5). */
nps_status nps_pair_decode(const uint8_t *buf, size_t len, nps_pair_state *out);
/* The text form (W5) and its parser; buf holds NPS_PAIR_TEXT_MAX; out is
 * untouched on error. */
void nps_pair_to_text(const nps_pair_state *s, char *buf, size_t cap);
nps_status nps_pair_from_text(const char *text, nps_pair_state *out);

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

/* ------------------------------------------------------------------------
 * Inference beyond the point estimate (I1-I5), in infer.c.  On an error,
 * value receives the offending number as nps_message() names it (it holds
 * NPS_VALUE_MAX bytes).
 * ------------------------------------------------------------------------ */

/* The alternative hypothesis of a p-value (I3). */
typedef enum nps_alternative {
    NPS_ALT_TWO_SIDED = 0,
    NPS_ALT_GREATER,
    NPS_ALT_LESS
} nps_alternative;

/* 'two-sided', 'greater' or 'less' (exactly), else NPS_E_ALTERNATIVE. */
nps_status nps_alternative_from_text(const char *text, size_t len, nps_alternative *alt);
/* Responses needed for a margin (I1); shares NULL or {promoter, detractor} in percent. */
nps_status nps_sample_size(double margin, double confidence, const double *shares, int64_t *out,
                           char *value);
/* Minimum detectable effect in points (I2); shares as for nps_sample_size. */
nps_status nps_mde(double n_a, double n_b, double alpha, double power, const double *shares,
                   double *out, char *value);
/* p-value that two states' NPS differ in the direction of alt (I3, R12). */
nps_status nps_pvalue_alt(const nps_state *a, const nps_state *b, nps_alternative alt, double *out);
/* p-value of one state against a benchmark NPS (I3). */
nps_status nps_pvalue_target(const nps_state *a, double target, nps_alternative alt, double *out,
                             char *value);
/* Interval of nps(b) - nps(a) at a confidence (I4). */
nps_status nps_diff_ci(const nps_state *a, const nps_state *b, double confidence, double *lower,
                       double *upper, char *value);
/* The rest of total without part (I5); rest is untouched on error. */
nps_status nps_state_rest(const nps_state *total, const nps_state *part, nps_state *rest,
                          char *value);

#endif
