/* bayes_values.c -- the core's posterior of the NPS for given Dirichlet parameters, one line in,
 * one number out: the subject of bayes_reference.py. */
#include <stdio.h>
#include <string.h>

#include "nps.h"

/* Each input line: "above ap aa ad target" (P(NPS > target points)) or
 * "quantile ap aa ad q" (the NPS in points below which lies q); each output
 * line the value to 17 digits. */
int main(void)
{
    char kind[16];
    double ap, aa, ad, x;
    while (scanf("%15s %lf %lf %lf %lf", kind, &ap, &aa, &ad, &x) == 5) {
        if (strcmp(kind, "above") == 0)
            printf("%.17g\n", nps_dirichlet_above(ap, aa, ad, x));
        else
            printf("%.17g\n", nps_dirichlet_quantile(ap, aa, ad, x));
    }
    return 0;
}
