/*
 * nps_inference.h -- inference beyond the point estimate, paired waves and
 * small segments: their rules and their API.  Included by nps.h at its end
 * (wrappers include nps.h alone); the rules R1-R13 it builds on are there.
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
 *
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
 */
#ifndef NPS_INFERENCE_H
#define NPS_INFERENCE_H

#include "nps.h"

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

/* ------------------------------------------------------------------------
 * Paired waves (W1-W5).
 * ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------
 * Small segments (B1-B5).
 * ------------------------------------------------------------------------ */

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
#endif
