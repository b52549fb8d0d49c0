/* credible_coverage.c -- coverage of the 95% credible interval (B3) under its own prior: true
 * shares from Dirichlet(1, 1, 1), a multinomial sample of n, 20,000 draws per n with a fixed seed;
 * fails outside 93.5%..96.5%. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "nps.h"

/* xorshift64*: a fixed, portable stream. */
static uint64_t rng = 0x9E3779B97F4A7C15u;
static double unit(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return ((rng * 0x2545F4914F6CDD1Du) >> 11) * 0x1.0p-53;
}

/* An Exp(1) variate: a Gamma(1) draw, all a uniform Dirichlet needs. */
static double exponential(void)
{
    return -log(1.0 - unit());
}

int main(void)
{
    const int ns[] = {20, 50, 200, 1000}, draws = 20000;
    int failed = 0;
    printf("%6s %8s %9s\n", "n", "draws", "coverage");
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
        int covered = 0;
        for (int r = 0; r < draws; r++) {
            double g[3] = {exponential(), exponential(), exponential()};
            double sum = g[0] + g[1] + g[2], p = g[2] / sum, d = g[0] / sum;
            nps_state s;
            nps_state_init(&s);
            for (int i = 0; i < ns[k]; i++) {
                double u = unit();
                nps_add(&s, u < d ? 0 : u < d + (1.0 - p - d) ? 7 : 10);
            }
            /* truth inside [lower, upper] exactly when P(NPS > truth) is
             * within [0.025, 0.975] (B3: the bounds are those quantiles) */
            double above;
            nps_prob_above(&s, 100.0 * (p - d), &above);
            covered += above >= 0.025 && above <= 0.975;
        }
        double c = 100.0 * covered / draws;
        int ok = c >= 93.5 && c <= 96.5;
        failed += !ok;
        printf("%6d %8d %8.2f%% %s\n", ns[k], draws, c, ok ? "ok" : "FAIL (outside 93.5..96.5)");
    }
    return failed != 0;
}
