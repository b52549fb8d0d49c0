/*
 * internal.h -- what the modules of the core share and its users must not see.
 *
 * The wrappers include nps.h alone: nothing here is part of the API, and any
 * of it may change with the modules that use it.  The rules stay in nps.h.
 */
#ifndef NPS_INTERNAL_H
#define NPS_INTERNAL_H

#include "nps.h"

#include <math.h>

/* True for the blanks a CSV field may carry around a number. */
static inline int nps_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* True when a state carries any weighted row. */
static inline int nps_is_weighted(const nps_state *s)
{
    return (s->weighted[0] | s->weighted[1] | s->weighted[2]) != 0;
}

/* d * 2^e, e a double so that no exponent arithmetic overflows; past the
 * double range it is 0 or infinity, as ldexp makes it. */
static inline double nps_scale2(double d, double e)
{
    return ldexp(d, (int)fmax(fmin(e, 4096.0), -4096.0));
}

/* The sum as written: canonical (R11). */
static inline nps_sum nps_canonical(const nps_sum *x)
{
    nps_sum t = *x;
    nps_sum_canonical(&t);
    return t;
}

/* Proportions and effective n of a state; NPS_EMPTY when the weight is 0 (R5, R7). */
typedef struct {
    double w[NPS_NCATEGORIES]; /* weight per category, scaled */
    double total;              /* sum of weights, scaled */
    double n;                  /* Kish effective n; the row count when unweighted */
    double p, d;               /* promoter and detractor proportions */
} nps_shape;

/* The shape of a state (stats.c). */
nps_status nps_shape_of(const nps_state *s, nps_shape *sh);
/* The shape with R9's pseudo-responses added to its effective n (stats.c). */
void nps_adjusted_shape(const nps_shape *sh, nps_shape *adj);
/* Per-respondent variance of the promoter-minus-detractor score:
 * p + d - (p - d)^2, never below 0 (R7, stats.c). */
double nps_variance(double p, double d);

/* The special functions of the small-segment measures (beta.c), a, b > 0. */
double nps_log_gamma(double x);
double nps_log_beta(double a, double b);
double nps_log_beta_density(double x, double a, double b);
/* Regularized incomplete beta I_x(a, b), the CDF of a Beta(a, b) at x. */
double nps_beta_cdf(double x, double a, double b);
/* The continued fraction of I_x(a, b) (Lentz), for x < (a + 1) / (a + b + 2). */
double nps_beta_fraction(double x, double a, double b);

/* Weight and squared weight of n groups of rows (categories of a state,
 * scores of a scale state), unweighted rows weighing 1, all divided by one
 * power of two chosen so that the largest weight is about 1 (stats.c). */
void nps_group_weights(const int64_t *rows, const int64_t *weighted, const nps_sum *wsum,
                       const nps_sum *wsq, int n, double *w, double *q);
/* x kept inside lo..hi (a NaN becomes lo). */
static inline double nps_clamp(double x, double lo, double hi)
{
    return x > hi ? hi : x >= lo ? x : lo;
}

/* The checks of a state read from outside (check.c). */
/* True when a read sum's fields are in range; checked before anything shifts it. */
int nps_sum_well_formed(const nps_sum *x);
/* True when the sums of category c are possible for its weighted rows. */
int nps_sums_possible(const nps_state *s, int c);
/* True when a sum of weights and a sum of their squares are possible for k
 * weighted rows. */
int nps_sum_pair_possible(const nps_sum *sum, const nps_sum *sq, int64_t k);
/* The checks of check.c on one group of rows of a decoded state: k weighted
 * of rows, and their sums (R11). */
int nps_group_possible(int64_t rows, int64_t k, const nps_sum *sum, const nps_sum *sq);
/* Everything a decoded or parsed state must pass (R11); sets s->rows. */
nps_status nps_check_state(nps_state *s);

/* The helpers of the binary formats (format.c), shared with pair_format.c. */
/* CRC-32 (IEEE 802.3, reflected polynomial 0xedb88320) of n bytes. */
uint32_t nps_crc32(const uint8_t *p, size_t n);
/* Store v as n little-endian bytes at p. */
void nps_put_le(uint8_t *p, uint64_t v, int n);
/* The n little-endian bytes at p. */
uint64_t nps_get_le(const uint8_t *p, int n);
/* True when a sum is in its canonical form (R11). */
int nps_sum_is_canonical(const nps_sum *x);
/* A sum written at p (int32 exponent, uint32 inexact, limbs), canonical; and
 * read back, 0 when out of range or not canonical. */
void nps_put_sum(uint8_t *p, const nps_sum *x);
int nps_get_sum(const uint8_t *p, nps_sum *x);
/* Bytes of one sum in the binary forms. */
#define NPS_SUM_BYTES (8 + NPS_SUM_LIMBS * 8)

/* The pieces of the text forms (text.c), shared with scale_format.c. */
/* Append "name=a,b,c" of n integers, or of n sums; returns the new length. */
size_t nps_text_put_ints(char *buf, size_t cap, size_t len, const char *name, const int64_t *v,
                         int n);
size_t nps_text_put_sums(char *buf, size_t cap, size_t len, const char *name, const nps_sum *v,
                         int n);
/* Read "name=" and n comma-separated integers, or sums, at *p; advances *p. */
int nps_text_ints(const char **p, const char *name, int n, int64_t *v);
int nps_text_sums(const char **p, const char *name, int n, nps_sum *v);

#endif
