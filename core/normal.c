/* normal.c -- the standard normal distribution: quantile, upper tail and z (R8, R12). */
#include "nps.h"

#include <math.h>

nps_status nps_z_for_confidence(double confidence, double *z)
{
    if (!(confidence > 0.0 && confidence < 1.0))
        return NPS_E_CONFIDENCE;
    *z = -nps_normal_quantile((1.0 - confidence) / 2.0);
    return NPS_OK;
}

double nps_normal_upper_tail(double x)
{
    return 0.5 * erfc(x / sqrt(2.0));
}

/* Rational approximations of the normal quantile (central and tail regions),
 * relative error below 1.2e-9, refined below by one Halley step. */
static const double qa[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                            1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
static const double qb[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                            6.680131188771972e+01, -1.328068155288572e+01};
static const double qc[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                            -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
static const double qd[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                            3.754408661907416e+00};

double nps_normal_quantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return p == 0.0 ? -INFINITY : p == 1.0 ? INFINITY : NAN;
    if (p > 0.5)
        return -nps_normal_quantile(1.0 - p);
    double x;
    if (p < 0.02425) {
        double q = sqrt(-2.0 * log(p));
        x = (((((qc[0] * q + qc[1]) * q + qc[2]) * q + qc[3]) * q + qc[4]) * q + qc[5]) /
            ((((qd[0] * q + qd[1]) * q + qd[2]) * q + qd[3]) * q + 1.0);
    } else {
        double q = p - 0.5, r = q * q;
        x = (((((qa[0] * r + qa[1]) * r + qa[2]) * r + qa[3]) * r + qa[4]) * r + qa[5]) * q /
            (((((qb[0] * r + qb[1]) * r + qb[2]) * r + qb[3]) * r + qb[4]) * r + 1.0);
    }
    /* Halley step on Phi(x) - p, with Phi from erfc for full precision in the tail. */
    double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
    double u = e * 2.50662827463100050242 * exp(x * x / 2.0);
    return isfinite(u) ? x - u / (1.0 + x * u / 2.0) : x;
}
