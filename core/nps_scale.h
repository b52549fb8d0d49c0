/*
 * nps_scale.h -- the sibling measures of NPS: CSAT and CES, each a scale of
 * whole-number scores with its own mergeable state.  Included by nps.h, so
 * a wrapper includes nps.h alone.
 *
 *  S1  A scale is a range of whole numbers lo..hi with a top box top..hi:
 *      CSAT ("How satisfied were you?") 1..5, satisfied 4-5; CES ("The
 *      company made it easy for me to handle my issue", 7 = strongly agree)
 *      1..7, easy 5-7.  A score is read as R1 reads one (integers, doubles,
 *      text, blank text as NULL) and must lie on the scale: anything outside
 *      it is an error naming the function and the value ("csat: score 6 is
 *      outside 1..5"), never counted or dropped.  NULLs (R4), weights (R6)
 *      and empty input (R5) are as for NPS.
 *  S2  CSAT = % of scores in the top box, 0..100 (weighted: their share of
 *      the sum of weights).  CES = the mean score, 1..7 (weighted: sum w x /
 *      sum w); ces_easy_share = % of 5-7.  Every result is kept in its range
 *      whatever the rounding.
 *  S3  The CSAT interval is Wilson's score interval of the share p on n
 *      answers (weighted: Kish's effective n), z the two-sided normal
 *      quantile of the confidence (R8): centre (p + z^2/2n) / (1 + z^2/n),
 *      half-width z / (1 + z^2/n) * sqrt(p (1 - p) / n + z^2 / 4n^2), in
 *      points; the margin is the half-width, the bounds lie in 0..100 and
 *      hold the share (at 0% the lower bound is 0, at 100% the upper 100).
 *  S4  The CES interval is Student's t interval of the mean: mean +- t * se,
 *      t the two-sided quantile of t with n - 1 degrees of freedom, se =
 *      sqrt(v / (n - 1)), v = sum w (x - mean)^2 / sum w; unweighted that is
 *      s / sqrt(n) with the sample standard deviation s (n - 1 in its
 *      denominator), weighted n is Kish's effective n.  With n <= 1 (one
 *      answer: no spread to measure) the margin and bounds are NULL.  The
 *      margin is at most 6 (the width of the scale), the bounds lie in 1..7.
 *  S5  A scale state holds the count of each score and, per score, the
 *      number of weighted rows and the exact sums of their weights and
 *      squared weights (R10): merging is exact and order-independent,
 *      removing what was added restores it, at most NPS_MAX_ROWS rows.
 *  S6  The binary form: magic "cst" (CSAT) or "ces" (CES), version 1, uint32
 *      flags (bit 0: weighted), the counts of the scale's scores, and when
 *      weighted the weighted-row counts and the sums as R11 writes them,
 *      little-endian, CRC-32 last; checked as R11 checks a state.  The text
 *      form is "scores=" and the counts, then when weighted " weighted=",
 *      " wsum=" and " wsq=" of each score.  A state of another measure (an
 *      nps_state, an nps_pair_state, the other scale's state) is an error
 *      that names what it is: "csat: takes a csat_state, got an nps_state",
 *      and an nps_state function given a scale state says so too.
 *  S7  Every error of a scale is one of NPS_SE_*, offset into the scale's
 *      block of statuses (nps_scale_status); its text names the scale's
 *      range and state type.
 */
#ifndef NPS_SCALE_H
#define NPS_SCALE_H

/* The scales, in the order of their blocks of statuses (NPS_NSCALES in nps.h). */
typedef enum nps_scale { NPS_CSAT = 0, NPS_CES = 1 } nps_scale;
/* Most scores of any scale (CES: 1..7). */
#define NPS_SCALE_MAX 7

/* What a scale is (S1). */
typedef struct nps_scale_info {
    const char *name;  /* "csat": its aggregate, and the prefix of its functions */
    const char *state; /* "csat_state" */
    const char *magic; /* 3 bytes of its binary form */
    int lo, hi, top;   /* scores lo..hi, top box top..hi */
} nps_scale_info;

/* The scales, by nps_scale (scale.c); read them through nps_scale_describe. */
extern const nps_scale_info nps_scale_table[NPS_NSCALES];

/* The description of a scale (of the first for an unknown one). */
static inline const nps_scale_info *nps_scale_describe(nps_scale k)
{
    return &nps_scale_table[(unsigned)k < NPS_NSCALES ? k : 0];
}

/* The errors of a scale (S7), in the order of each scale's block. */
typedef enum nps_scale_error {
    NPS_SE_RANGE = 0,    /* a score outside the scale */
    NPS_SE_WEIGHT_STATE, /* a weight given with a state */
    NPS_SE_NOT_STATE,    /* an argument that should be the scale's state but is not a blob */
    NPS_SE_LENGTH,       /* a blob of the wrong length */
    NPS_SE_MAGIC,        /* a blob that is no state at all */
    NPS_SE_VERSION,      /* a format version or flags this build cannot read */
    NPS_SE_CHECKSUM,     /* a checksum that does not match */
    NPS_SE_VALUE,        /* inconsistent counts or sums */
    NPS_SE_TEXT,         /* malformed text form */
    NPS_SE_IS_NPS,       /* an nps_state where the scale's state belongs */
    NPS_SE_IS_PAIR,      /* an nps_pair_state where the scale's state belongs */
    NPS_SE_IN_NPS,       /* the scale's state where an nps_state belongs */
    NPS_SE_IN_PAIR,      /* the scale's state where an nps_pair_state belongs */
    NPS_SE_IS_SCALE,     /* + k: scale k's state where this scale's belongs */
    NPS_SE_COUNT = NPS_SE_IS_SCALE + NPS_NSCALES
} nps_scale_error;
_Static_assert(NPS_SE_COUNT == NPS_SCALE_ERRORS, "nps.h reserves a block of this size per scale");

/* The status of error e of scale k. */
static inline nps_status nps_scale_status(nps_scale k, nps_scale_error e)
{
    return (nps_status)(NPS_E_SCALE_FIRST + (int)k * NPS_SE_COUNT + (int)e);
}

/* The scale and error of a status of a scale's block; 0 for any other status. */
int nps_scale_error_of(nps_status st, nps_scale *k, nps_scale_error *e);

/* True for the statuses of a malformed binary state of any kind, whose
 * message speaks of its byte count. */
int nps_is_decode_error(nps_status st);

/* A state of a scale (S5).  Unweighted rows only touch count[] and rows. */
typedef struct nps_scale_state {
    int32_t scale; /* nps_scale */
    int32_t unused;
    int64_t count[NPS_SCALE_MAX];    /* rows per score lo.. */
    int64_t rows;                    /* sum of count[] */
    int64_t weighted[NPS_SCALE_MAX]; /* rows per score that carried a weight */
    nps_sum wsum[NPS_SCALE_MAX];     /* sum of those weights */
    nps_sum wsq[NPS_SCALE_MAX];      /* sum of their squares */
} nps_scale_state;

/* What a scale's final step computes. */
typedef enum nps_scale_measure {
    NPS_S_VALUE = 0, /* CSAT: % in the top box; CES: the mean */
    NPS_S_SHARE,     /* % in the top box */
    NPS_S_MOE,       /* margin of the value at a confidence (S3, S4) */
    NPS_S_CI_LOWER,
    NPS_S_CI_UPPER
} nps_scale_measure;
#define NPS_NSCALE_MEASURES (NPS_S_CI_UPPER + 1)

/* Bytes of the binary form of the largest scale, weighted; of the text form
 * and of the JSON summary, NUL included. */
#define NPS_SCALE_BYTES                                                                            \
    (8 + 2 * NPS_SCALE_MAX * 8 + 2 * NPS_SCALE_MAX * (8 + NPS_SUM_LIMBS * 8) + 4)
#define NPS_SCALE_TEXT_MAX 2048
#define NPS_SCALE_SUMMARY_MAX 512

/* An empty state of scale k. */
void nps_scale_init(nps_scale_state *s, nps_scale k);
/* The score of a double or of text on scale k (S1): R1's reading, then the
 * range; NPS_EMPTY for blank text. */
nps_status nps_scale_score_from_double(nps_scale k, double v, int64_t *score);
nps_status nps_scale_score_from_text(nps_scale k, const char *text, size_t len, int64_t *score);
/* Count a score of the state's scale, checked: the per-row hot path of the
 * wrappers, so inline. */
static inline nps_status nps_scale_add(nps_scale_state *s, int64_t score)
{
    const nps_scale_info *info = nps_scale_describe((nps_scale)s->scale);
    if (score < info->lo || score > info->hi)
        return nps_scale_status((nps_scale)s->scale, NPS_SE_RANGE);
    if (s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    s->count[score - info->lo]++;
    s->rows++;
    return NPS_OK;
}
/* Take a score out again (a row leaving a window frame). */
nps_status nps_scale_remove(nps_scale_state *s, int64_t score);
/* The same with a weight (R6), checked before the score. */
nps_status nps_scale_add_weighted(nps_scale_state *s, int64_t score, double weight);
nps_status nps_scale_remove_weighted(nps_scale_state *s, int64_t score, double weight);
/* Add src into dst, or take it out again; dst is unchanged on error.  Both
 * are of one scale (the decoder has checked that). */
nps_status nps_scale_merge(nps_scale_state *dst, const nps_scale_state *src);
nps_status nps_scale_unmerge(nps_scale_state *dst, const nps_scale_state *src);

/* One result of a state (S2-S4); NPS_EMPTY means SQL NULL. */
nps_status nps_scale_compute(const nps_scale_state *s, nps_scale_measure m, double confidence,
                             double *out);
/* JSON object: n, the value under the scale's name, the top-box share, the
 * margin and interval at 95%, "scores": the counts; weighted, also the
 * effective n.  buf holds NPS_SCALE_SUMMARY_MAX bytes. */
nps_status nps_scale_summary_json(const nps_scale_state *s, char *buf, size_t cap);

/* The binary form (S6) into out, NPS_SCALE_BYTES; returns its length. */
size_t nps_scale_encode(const nps_scale_state *s, uint8_t out[NPS_SCALE_BYTES]);
/* Read a binary state of scale k; out is untouched on error. */
nps_status nps_scale_decode(nps_scale k, const uint8_t *buf, size_t len, nps_scale_state *out);
/* The text form (S6); buf holds NPS_SCALE_TEXT_MAX. */
void nps_scale_to_text(const nps_scale_state *s, char *buf, size_t cap);
/* Parse the text form of a state of scale k; out is untouched on error. */
nps_status nps_scale_from_text(nps_scale k, const char *text, nps_scale_state *out);

/* Two-sided quantile of Student's t with df > 0 degrees of freedom for a
 * confidence 0 < c < 1: the t with P(|T| <= t) = c (S4). */
nps_status nps_t_for_confidence(double confidence, double df, double *t);

#endif
