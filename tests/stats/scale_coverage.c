/*
 * scale_coverage.c -- how often the 95% CSAT and CES intervals hold the true value, by simulation.
 *
 * For each true distribution of CSAT_GRID (1..5) and CES_GRID (1..7) and each
 * sample size in SIZES, DRAWS multinomial samples (a fixed seed, the PRNG
 * below, one stream per cell) are counted into a scale state with
 * nps_scale_add(), and nps_scale_compute() gives its 95% interval (S3, S4).
 * It prints the share of draws whose interval holds the true value (CSAT: the
 * top-box share in points; CES: the mean) and fails when a cell is outside
 * LOW..HIGH, except the cells of EXEMPT (each with its reason, printed too).
 *
 * CSAT is counted twice.  "fixed": every survey is drawn at the cell's true
 * share p.  Wilson's coverage at a fixed p oscillates with p because the
 * binomial is discrete (Brown, Cai & DasGupta 2001, "Interval estimation for
 * a binomial proportion"): at n = 20 it is 92.5% at p = 0.95 and 97.8% at
 * p = 0.85, so a fixed cell says where on that saw-tooth p happens to fall.
 * "jittered": each survey's true share is drawn uniformly within +-JITTER of
 * p (the top box and the rest keep their inner proportions), as the unknown
 * share of a real programme lies somewhere near p; averaged so, Wilson's
 * coverage is 95.1-96.1% at n = 20 and 95.0-95.5% above (exact, over the
 * binomial).  The band holds the jittered column in every cell, the fixed
 * one but for the cells of EXEMPT.
 *
 * CES is counted at its fixed distributions only: the coverage of the t
 * interval moves smoothly with the distribution (exact at n = 20, "mostly
 * easy" tilted to means 5.30..5.73 gives 93.2..93.9%), with no saw-tooth to
 * average out.  It falls short where the scale is skewed and n small; those
 * cells are in EXEMPT with their numbers.
 *
 * Last, a weighted check: each answer carries a lognormal weight (sigma
 * WEIGHT_SIGMA, design effect about 1.43) independent of the answer, so the
 * weighted share and mean estimate the same truth and the intervals run on
 * Kish's effective n; at n = 200 and 1000 (WEIGHTED_SIZES) they must lie in
 * the looser band WLOW..WHIGH, with a tenth of DRAWS.  Intervals on the
 * row count instead of Kish's n would cover about 90%.
 *
 * Usage: scale_coverage [draws [seed]]   (default 20000 draws, seed 20240601)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps.h"

#define LOW 0.935
#define HIGH 0.965
/* The weighted band, looser: a tenth of the draws (standard error 0.5
 * points), and the skew that costs CES coverage at small n. */
#define WLOW 0.925
#define WHIGH 0.975
#define JITTER 0.05
#define WEIGHT_SIGMA 0.6

/* CSAT: shares of the scores 1..5, top box (4-5) from 50% to 95%. */
static const double CSAT_GRID[][5] = {
    {0.08, 0.12, 0.30, 0.30, 0.20}, {0.05, 0.08, 0.17, 0.35, 0.35}, {0.04, 0.06, 0.15, 0.35, 0.40},
    {0.03, 0.05, 0.12, 0.35, 0.45}, {0.02, 0.04, 0.09, 0.30, 0.55}, {0.02, 0.02, 0.06, 0.25, 0.65},
    {0.01, 0.01, 0.03, 0.20, 0.75},
};
#define NCSAT (sizeof CSAT_GRID / sizeof CSAT_GRID[0])

/* CES: shares of the scores 1..7. */
static const struct {
    const char *name;
    double p[7];
} CES_GRID[] = {
    {"mostly easy", {0.02, 0.03, 0.05, 0.10, 0.20, 0.30, 0.30}},
    {"very easy", {0.01, 0.01, 0.02, 0.04, 0.12, 0.30, 0.50}},
    {"ceiling", {0.005, 0.005, 0.01, 0.02, 0.06, 0.20, 0.70}},
    {"bimodal", {0.20, 0.10, 0.05, 0.05, 0.10, 0.20, 0.30}},
    {"uniform", {1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0, 1 / 7.0}},
    {"mostly hard", {0.30, 0.25, 0.15, 0.10, 0.10, 0.05, 0.05}},
};
#define NCES (sizeof CES_GRID / sizeof CES_GRID[0])

static const int SIZES[] = {20, 50, 200, 1000};
#define NSIZES (sizeof SIZES / sizeof SIZES[0])
static const int WEIGHTED_SIZES[] = {200, 1000};
#define NWSIZES (sizeof WEIGHTED_SIZES / sizeof WEIGHTED_SIZES[0])
/* The rows of CSAT_GRID and CES_GRID the weighted check draws from. */
static const size_t WEIGHTED_CSAT[] = {0, 2, 5}, WEIGHTED_CES[] = {0, 2, 3};
#define NWROWS 3

/* Cells where the band is not claimed: which column ("csat fixed", "csat
 * jittered", "ces", "weighted csat", "weighted ces"), the grid row, the
 * sample size, and why.  Measured with 400,000 draws a cell (Monte Carlo
 * standard error 0.03 points); "exact" is the coverage summed over every
 * possible sample (the binomial for CSAT; all 230,230 samples of 20 answers
 * for CES), computed apart with 30-digit arithmetic. */
static const struct {
    const char *column;
    int row, n;
    const char *why;
} EXEMPT[] = {
    {"csat fixed", 1, 20,
     "70% satisfied, n = 20: 97.5% (exact 97.52%), conservative: only 0-9 and 19-20 satisfied "
     "miss 70 (9 reach 65.8, 19 start at 76.4); jittered 95.2%"},
    {"csat fixed", 2, 20,
     "75% satisfied, n = 20: 93.5% (exact 93.48%), on the band's edge: 11 satisfied reach only "
     "74.2 and 19 start at 76.4, so only 12-18 hold 75, and a run of 20,000 draws (standard "
     "error 0.17 points) falls either side; jittered 95.3%"},
    {"csat fixed", 4, 20,
     "85% satisfied, n = 20: 97.8% (exact 97.81%), conservative: 14-20 satisfied hold 85, 13 "
     "reach 81.9; jittered 95.7%"},
    {"csat fixed", 6, 20,
     "95% satisfied, n = 20: 92.5% (exact 92.45%): 17 of 20 reach only 94.8, so only 18-20 "
     "hold 95; jittered 95.4%"},
    {"csat fixed", 0, 50,
     "50% satisfied, n = 50: 93.6% (exact 93.51%), on the band's edge: 18 and 32 of 50 miss 50 "
     "by 0.14 points, so a run of 20,000 draws (standard error 0.17 points) falls either side; "
     "jittered 95.1%"},
    {"csat fixed", 5, 50,
     "90% satisfied, n = 50: 97.0% (exact 97.03%), conservative: 41-49 hold 90, 40 reach 88.8 "
     "and 50 start at 92.9; jittered 95.4%"},
    {"csat fixed", 6, 200,
     "95% satisfied, n = 200: 96.7% (exact 96.72%), conservative: 184-196 hold 95; jittered "
     "95.2%"},
    {"ces", 0, 20,
     "mostly easy (skew -1.1), n = 20: 93.4% (exact 93.43%): the mean of 20 skewed answers is "
     "not yet normal; a sample short of the rare low scores has a high mean and a small spread, "
     "so 5.5% of intervals lie above the true mean, 1.1% below; 94.4% at n = 50"},
    {"ces", 1, 20,
     "very easy (skew -1.9), n = 20: 91.7% (exact 91.73%): skewness, 7.7% of intervals above "
     "the true mean, 0.6% below; 93.4% at n = 50, 94.6% at n = 200"},
    {"ces", 1, 50, "very easy (skew -1.9), n = 50: 93.4%, skewness as at n = 20; 94.6% at n = 200"},
    {"ces", 2, 20,
     "ceiling (70% answer 7, skew -2.8), n = 20: 88.1% (exact 88.07%): skewness, 11.7% of "
     "intervals above the true mean, 0.3% below; 91.6% at n = 50, 94.1% at n = 200"},
    {"ces", 2, 50, "ceiling (skew -2.8), n = 50: 91.6%, skewness as at n = 20; 94.1% at n = 200"},
};
#define NEXEMPT (sizeof EXEMPT / sizeof EXEMPT[0])

/* splitmix64: a fixed stream of pseudo-random numbers. */
static uint64_t next(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double unit(uint64_t *x)
{
    return (double)(next(x) >> 11) * 0x1.0p-53;
}

/* The stream of one cell: the seed mixed with the cell's place, so that a
 * cell draws the same samples whatever the grid around it holds. */
static uint64_t stream(uint64_t seed, int table, size_t row, size_t size)
{
    uint64_t x = seed ^ ((uint64_t)table << 48 | (uint64_t)row << 24 | (uint64_t)size);
    return next(&x);
}

/* Weights: exp(WEIGHT_SIGMA * z) at NWEIGHTS quantiles z of the standard
 * normal, drawn uniformly: a lognormal sample without a logarithm a draw. */
#define NWEIGHTS 4096
static double weights[NWEIGHTS];

/* The standard normal quantile of u in (0, 1), by bisection of erfc. */
static double normal_quantile(double u)
{
    double lo = -10.0, hi = 10.0;
    for (int i = 0; i < 100; i++) {
        double mid = 0.5 * (lo + hi);
        if (0.5 * erfc(-mid / sqrt(2.0)) < u)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

static void init_weights(void)
{
    for (int i = 0; i < NWEIGHTS; i++)
        weights[i] = exp(WEIGHT_SIGMA * normal_quantile((i + 0.5) / NWEIGHTS));
}

/* A distribution to draw scores from: the scale, and the cumulative shares
 * as thresholds of a 64-bit draw (score lo + j when j thresholds are at or
 * below it, counted without a branch). */
typedef struct {
    nps_scale k;
    int lo, scores;
    uint64_t at[NPS_SCALE_MAX - 1];
} sampler;

static sampler sampler_of(nps_scale k, const double *p)
{
    const nps_scale_info *info = nps_scale_describe(k);
    sampler d = {k, info->lo, info->hi - info->lo + 1, {0}};
    double c = 0.0;
    for (int j = 0; j < d.scores - 1; j++) {
        c += p[j];
        d.at[j] = c >= 1.0 ? UINT64_MAX : (uint64_t)(c * 0x1p64);
    }
    return d;
}

/* A state of n answers drawn from d; weighted, each with a weight. */
static nps_scale_state draw(uint64_t *rng, const sampler *d, int n, int weighted)
{
    nps_scale_state s;
    nps_scale_init(&s, d->k);
    for (int i = 0; i < n; i++) {
        uint64_t x = next(rng);
        int j = 0;
        for (int t = 0; t < d->scores - 1; t++)
            j += x >= d->at[t];
        nps_status st = weighted
                            ? nps_scale_add_weighted(&s, d->lo + j, weights[next(rng) % NWEIGHTS])
                            : nps_scale_add(&s, d->lo + j);
        if (st != NPS_OK)
            abort();
    }
    return s;
}

/* 1 when the 95% interval of s holds truth. */
static int holds(const nps_scale_state *s, double truth)
{
    double lo, hi;
    if (nps_scale_compute(s, NPS_S_CI_LOWER, 0.95, &lo) != NPS_OK ||
        nps_scale_compute(s, NPS_S_CI_UPPER, 0.95, &hi) != NPS_OK)
        abort();
    return lo <= truth && truth <= hi;
}

/* The top-box share of CSAT shares p[], a proportion. */
static double top_box(const double *p)
{
    return p[3] + p[4];
}

/* The shares of a CSAT distribution moved to top-box share q, the top box
 * and the rest each keeping their inner proportions. */
static void moved(const double *p, double q, double *out)
{
    double top = top_box(p);
    for (int i = 0; i < 5; i++)
        out[i] = i >= 3 ? p[i] * q / top : p[i] * (1.0 - q) / (1.0 - top);
}

/* Coverage of CSAT row g at n: fixed share, or each survey's share jittered. */
static double csat_coverage(uint64_t rng, size_t g, int n, long draws, int jittered, int weighted)
{
    const double *p = CSAT_GRID[g];
    long hits = 0;
    for (long r = 0; r < draws; r++) {
        double q = top_box(p), shares[5];
        memcpy(shares, p, sizeof shares);
        if (jittered) {
            q += JITTER * (2.0 * unit(&rng) - 1.0);
            q = q < 0.0 ? 0.0 : q > 1.0 ? 1.0 : q;
            moved(p, q, shares);
        }
        sampler d = sampler_of(NPS_CSAT, shares);
        nps_scale_state s = draw(&rng, &d, n, weighted);
        hits += holds(&s, 100.0 * q);
    }
    return (double)hits / (double)draws;
}

/* The mean and skewness of CES row g. */
static void ces_moments(size_t g, double *mean, double *skew)
{
    double m = 0.0, m2 = 0.0, m3 = 0.0;
    for (int i = 0; i < 7; i++)
        m += CES_GRID[g].p[i] * (i + 1);
    for (int i = 0; i < 7; i++) {
        double d = i + 1 - m;
        m2 += CES_GRID[g].p[i] * d * d;
        m3 += CES_GRID[g].p[i] * d * d * d;
    }
    *mean = m;
    *skew = m3 / pow(m2, 1.5);
}

/* Coverage of CES row g at n. */
static double ces_coverage(uint64_t rng, size_t g, int n, long draws, int weighted)
{
    double mean, skew;
    ces_moments(g, &mean, &skew);
    sampler d = sampler_of(NPS_CES, CES_GRID[g].p);
    long hits = 0;
    for (long r = 0; r < draws; r++) {
        nps_scale_state s = draw(&rng, &d, n, weighted);
        hits += holds(&s, mean);
    }
    return (double)hits / (double)draws;
}

/* The reason a cell is exempt, or NULL. */
static const char *exempt(const char *column, size_t row, int n)
{
    for (size_t i = 0; i < NEXEMPT; i++)
        if (strcmp(EXEMPT[i].column, column) == 0 && (size_t)EXEMPT[i].row == row &&
            EXEMPT[i].n == n)
            return EXEMPT[i].why;
    return NULL;
}

/* Print one coverage and say whether it fails the band low..high. */
static int verdict(const char *column, size_t row, int n, double coverage, double low, double high)
{
    int inside = coverage >= low && coverage <= high;
    const char *why = exempt(column, row, n);
    printf(" %9.4f%s", coverage, inside ? "  " : why ? " e" : " !");
    return !inside && why == NULL;
}

int main(int argc, char **argv)
{
    long draws = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20240601u;
    long wdraws = draws / 10 > 0 ? draws / 10 : 1;
    int failed = 0;
    init_weights();

    printf("coverage of 95%% CSAT and CES intervals, %ld draws a cell, seed %llu, band "
           "%.3f..%.3f (e: exempt, !: outside)\n",
           draws, (unsigned long long)seed, LOW, HIGH);
    printf("\nCSAT (Wilson, S3): fixed share, and share jittered by +-%.0f points a survey\n",
           100.0 * JITTER);
    printf("%-30s %6s %5s %11s %11s\n", "shares of 1/2/3/4/5", "top%", "n", "fixed", "jittered");
    for (size_t g = 0; g < NCSAT; g++) {
        const double *p = CSAT_GRID[g];
        for (size_t k = 0; k < NSIZES; k++) {
            int n = SIZES[k];
            printf("%4.2f/%4.2f/%4.2f/%4.2f/%4.2f%6s %6.1f %5d", p[0], p[1], p[2], p[3], p[4], "",
                   100.0 * top_box(p), n);
            failed += verdict("csat fixed", g, n,
                              csat_coverage(stream(seed, 0, g, k), g, n, draws, 0, 0), LOW, HIGH);
            failed += verdict("csat jittered", g, n,
                              csat_coverage(stream(seed, 1, g, k), g, n, draws, 1, 0), LOW, HIGH);
            printf("\n");
        }
    }

    printf("\nCES (Student's t, S4): true mean\n");
    printf("%-12s %-41s %5s %6s %5s %11s\n", "", "shares of 1..7", "mean", "skew", "n", "coverage");
    for (size_t g = 0; g < NCES; g++) {
        double mean, skew;
        ces_moments(g, &mean, &skew);
        for (size_t k = 0; k < NSIZES; k++) {
            int n = SIZES[k];
            printf("%-12s", CES_GRID[g].name);
            for (int i = 0; i < 7; i++)
                printf("%s%5.3f", i ? "/" : " ", CES_GRID[g].p[i]);
            printf(" %5.2f %6.2f %5d", mean, skew, n);
            failed += verdict("ces", g, n, ces_coverage(stream(seed, 2, g, k), g, n, draws, 0), LOW,
                              HIGH);
            printf("\n");
        }
    }

    printf("\nweighted: lognormal weights (sigma %.1f) independent of the answers, intervals on "
           "Kish's n;\n%ld draws a cell, band %.3f..%.3f\n",
           WEIGHT_SIGMA, wdraws, WLOW, WHIGH);
    printf("%-6s %-36s %5s %11s\n", "scale", "distribution", "n", "coverage");
    for (size_t r = 0; r < NWROWS; r++) {
        size_t g = WEIGHTED_CSAT[r];
        for (size_t k = 0; k < NWSIZES; k++) {
            int n = WEIGHTED_SIZES[k];
            printf("%-6s top box %5.1f%%%22s %5d", "csat", 100.0 * top_box(CSAT_GRID[g]), "", n);
            failed +=
                verdict("weighted csat", g, n,
                        csat_coverage(stream(seed, 3, g, k), g, n, wdraws, 0, 1), WLOW, WHIGH);
            printf("\n");
        }
    }
    for (size_t r = 0; r < NWROWS; r++) {
        size_t g = WEIGHTED_CES[r];
        for (size_t k = 0; k < NWSIZES; k++) {
            int n = WEIGHTED_SIZES[k];
            printf("%-6s %-36s %5d", "ces", CES_GRID[g].name, n);
            failed += verdict("weighted ces", g, n,
                              ces_coverage(stream(seed, 4, g, k), g, n, wdraws, 1), WLOW, WHIGH);
            printf("\n");
        }
    }

    for (size_t i = 0; i < NEXEMPT; i++)
        printf("exempt: %s, row %d, n = %d: %s\n", EXEMPT[i].column, EXEMPT[i].row, EXEMPT[i].n,
               EXEMPT[i].why);
    printf("coverage: %d cell(s) outside the band\n", failed);
    return failed != 0;
}
