/*
 * interval_coverage.c -- how often the 95% intervals hold the true NPS, by simulation.
 *
 * For each true distribution of promoters, passives and detractors in GRID
 * and each sample size in SIZES, DRAWS multinomial samples (a fixed seed, the
 * PRNG below) give:
 *   ci    the adjusted-Wald interval of one sample (R9: nps_ci_lower/upper);
 *   diff  the interval of the change between two independent samples (I4:
 *         nps_diff_ci), the second drawn from the next distribution of GRID,
 *         so the true change is nps(next) - nps(this).
 * It prints a table of the share of draws whose interval holds the true value
 * and fails when a cell is outside LOW..HIGH, except the cells of EXEMPT, where
 * the method is not claimed to hold (each with its reason, printed too).
 *
 * Usage: coverage [draws [seed]]   (default 20000 draws, seed 20240601)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps.h"

#define LOW 0.935
#define HIGH 0.965

/* True shares: promoters, passives, detractors. */
static const struct {
    double pro, pas, det;
} GRID[] = {
    {0.5, 0.3, 0.2},    {0.2, 0.3, 0.5},   {0.1, 0.8, 0.1},   {0.7, 0.25, 0.05},
    {0.33, 0.34, 0.33}, {0.05, 0.25, 0.7}, {0.45, 0.1, 0.45}, {0.9, 0.08, 0.02},
};
#define NGRID (sizeof GRID / sizeof GRID[0])

static const int SIZES[] = {20, 50, 200, 1000};
#define NSIZES (sizeof SIZES / sizeof SIZES[0])

/* Cells where the interval is not claimed to hold the band: which interval
 * ("ci" or "diff"), the grid row, the sample size, and why. */
static const struct {
    const char *interval;
    int row, n;
    const char *why;
} EXEMPT[] = {
    /* Measured with 400,000 draws a cell (Monte Carlo standard error 0.0003):
     * these three fall outside the band at every seed tried. */
    {"ci", 2, 20,
     "80% passives, n = 20: 98.3%, conservative (on the safe side): 20 answers with V = 0.2 "
     "take few values and the pseudo-responses widen the interval; 95.9% at n = 50"},
    {"ci", 7, 50,
     "90% promoters, 2% detractors, n = 50: 96.6%, conservative: the pseudo-responses pull "
     "the centre towards 0 and widen a near-degenerate interval; 95.7% at n = 200"},
    {"diff", 6, 20,
     "45/10/45 against 90/8/2, n = 20 each: 93.3%, 1.7 points short: one sample almost "
     "without variance beside one with the most; 94.3% at n = 50"},
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

/* A state of n answers drawn from grid row g: a promoter counts as a 10, a
 * passive as an 8, a detractor as a 0. */
static nps_state draw(uint64_t *rng, size_t g, int n)
{
    nps_state s;
    nps_state_init(&s);
    for (int i = 0; i < n; i++) {
        double u = unit(rng);
        int score = u < GRID[g].pro ? 10 : u < GRID[g].pro + GRID[g].pas ? 8 : 0;
        if (nps_add(&s, score) != NPS_OK)
            abort();
    }
    return s;
}

/* The reason a cell is exempt, or NULL. */
static const char *exempt(const char *interval, size_t row, int n)
{
    for (size_t i = 0; i < NEXEMPT; i++)
        if (strcmp(EXEMPT[i].interval, interval) == 0 && (size_t)EXEMPT[i].row == row &&
            EXEMPT[i].n == n)
            return EXEMPT[i].why;
    return NULL;
}

/* Print one coverage and say whether it fails the band. */
static int verdict(const char *interval, size_t row, int n, double coverage)
{
    int inside = coverage >= LOW && coverage <= HIGH;
    const char *why = exempt(interval, row, n);
    printf(" %7.4f%s", coverage, inside ? "  " : why ? " e" : " !");
    return !inside && why == NULL;
}

int main(int argc, char **argv)
{
    long draws = argc > 1 ? strtol(argv[1], NULL, 10) : 20000;
    uint64_t rng = argc > 2 ? strtoull(argv[2], NULL, 10) : 20240601u;
    int failed = 0;

    printf("coverage of 95%% intervals, %ld draws a cell, band %.3f..%.3f "
           "(e: exempt, !: outside)\n",
           draws, LOW, HIGH);
    printf("%-22s %-22s %5s %9s %9s\n", "distribution (P/Pa/D)", "diff against", "n", "ci", "diff");
    for (size_t g = 0; g < NGRID; g++) {
        size_t h = (g + 1) % NGRID;
        double truth = 100.0 * (GRID[g].pro - GRID[g].det);
        double change = 100.0 * (GRID[h].pro - GRID[h].det) - truth;
        for (size_t k = 0; k < NSIZES; k++) {
            int n = SIZES[k];
            long ci_hits = 0, diff_hits = 0;
            for (long r = 0; r < draws; r++) {
                nps_state a = draw(&rng, g, n), b = draw(&rng, h, n);
                double lo, hi;
                char value[NPS_VALUE_MAX];
                if (nps_compute(&a, NPS_M_CI_LOWER, 0.95, &lo) != NPS_OK ||
                    nps_compute(&a, NPS_M_CI_UPPER, 0.95, &hi) != NPS_OK)
                    abort();
                ci_hits += lo <= truth && truth <= hi;
                if (nps_diff_ci(&a, &b, 0.95, &lo, &hi, value) != NPS_OK)
                    abort();
                diff_hits += lo <= change && change <= hi;
            }
            printf("%4.2f/%4.2f/%4.2f         %4.2f/%4.2f/%4.2f         %5d", GRID[g].pro,
                   GRID[g].pas, GRID[g].det, GRID[h].pro, GRID[h].pas, GRID[h].det, n);
            failed += verdict("ci", g, n, (double)ci_hits / (double)draws);
            failed += verdict("diff", g, n, (double)diff_hits / (double)draws);
            printf("\n");
        }
    }
    for (size_t i = 0; i < NEXEMPT; i++)
        printf("exempt: %s, row %d, n = %d: %s\n", EXEMPT[i].interval, EXEMPT[i].row, EXEMPT[i].n,
               EXEMPT[i].why);
    printf("coverage: %d cell(s) outside the band\n", failed);
    return failed != 0;
}
