/* bayes_speed.c -- calls per second of the posterior's credible lower bound
 * (B3) and probability above a target (B2) as n grows, balanced and skewed
 * mixes.  Each rate is printed with its ratio to the n = 10 rate of the same
 * mix, measured in the same run: the cost should not grow with n (a ratio
 * near 1 or above).  Report only; build and run with `make bench-bayes`. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "nps.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static volatile double sink;

/* Calls per second of one function, run for about 0.3 s; the counts are
 * moved by a tiny step per call so no call repeats the last one exactly. */
static double rate(int quantile, double ap, double aa, double ad, double target)
{
    long calls = 0;
    double start = now(), spent;
    do {
        for (int i = 0; i < 20; i++, calls++) {
            double j = 1e-7 * (double)(calls % 64);
            sink += quantile ? nps_dirichlet_quantile(ap + j, aa, ad, 0.025)
                             : nps_dirichlet_above(ap + j, aa, ad, target);
        }
        spent = now() - start;
    } while (spent < 0.3);
    return calls / spent;
}

int main(void)
{
    static const long ns[] = {10, 1000, 10000, 1000000};
    /* promoter, passive, detractor shares */
    static const struct {
        const char *name;
        double p, a, d;
    } mixes[] = {{"balanced", 0.45, 0.35, 0.20}, {"skewed", 0.90, 0.08, 0.02}};
    printf("%-9s %-9s %10s %14s %8s %14s %8s\n", "mix", "n", "", "lower/s", "ratio",
           "prob_above/s", "ratio");
    for (int m = 0; m < 2; m++) {
        double base_q = 0.0, base_p = 0.0;
        for (int k = 0; k < 4; k++) {
            double n = (double)ns[k];
            double ap = 1.0 + round(n * mixes[m].p), ad = 1.0 + round(n * mixes[m].d);
            double aa = 1.0 + n - (ap - 1.0) - (ad - 1.0);
            /* a target one posterior sd below the mean: inside the bulk */
            double tot = ap + aa + ad, mean = (ap - ad) / tot;
            double sd = sqrt(((ap + ad) / tot - mean * mean) / (tot + 1.0));
            double target = 100.0 * (mean - sd);
            double q = rate(1, ap, aa, ad, 0.0), p = rate(0, ap, aa, ad, target);
            if (k == 0) {
                base_q = q;
                base_p = p;
            }
            printf("%-9s %-9ld %10s %14.0f %8.2f %14.0f %8.2f\n", mixes[m].name, ns[k], "", q,
                   q / base_q, p, p / base_p);
        }
    }
    printf("ratio: calls per second against n = 10 of the same mix, this run\n");
    return 0;
}
