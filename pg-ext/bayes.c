/*
 * bayes.c -- the PostgreSQL face of the small-segment scalars (core/bayes.c,
 * rules B1-B5 of core/nps.h): credible interval, probability above a target
 * and shrunk estimate of a state.  Declared STRICT in sql/nps.sql: a NULL
 * argument never reaches them.
 */
#include "postgres.h"

#include "fmgr.h"

#include "nps.h"
#include "nps_pg.h"

/* A result of the core: the number, NULL for no rows (R5), or the error
 * naming the argument the status is about. */
static Datum result(FunctionCallInfo fcinfo, nps_status st, double v, double arg)
{
    if (st == NPS_EMPTY)
        PG_RETURN_NULL();
    if (st != NPS_OK)
        raise_double(fcinfo, st, arg);
    PG_RETURN_FLOAT8(v);
}

/* A bound of the equal-tailed credible interval at prob, 0.95 by default (B3). */
static Datum credible(FunctionCallInfo fcinfo, int upper)
{
    double prob = PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : NPS_DEFAULT_CONFIDENCE, v = 0.0;
    nps_status st = nps_credible_bound(core_state_arg(fcinfo, 0), prob, upper, &v);

    return result(fcinfo, st, v, prob);
}

PG_FUNCTION_INFO_V1(nps_credible_lower_of);
/* nps_credible_lower_of(st [, prob]) */
Datum nps_credible_lower_of(PG_FUNCTION_ARGS)
{
    return credible(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(nps_credible_upper_of);
/* nps_credible_upper_of(st [, prob]) */
Datum nps_credible_upper_of(PG_FUNCTION_ARGS)
{
    return credible(fcinfo, 1);
}

PG_FUNCTION_INFO_V1(nps_prob_above_of);
/* nps_prob_above_of(st, target): P(NPS > target points) (B2). */
Datum nps_prob_above_of(PG_FUNCTION_ARGS)
{
    double target = PG_GETARG_FLOAT8(1), v = 0.0;
    nps_status st = nps_prob_above(core_state_arg(fcinfo, 0), target, &v);

    return result(fcinfo, st, v, target);
}

PG_FUNCTION_INFO_V1(nps_shrunk_of);
/* nps_shrunk_of(st, parent [, strength]): the NPS shrunk toward the
 * parent's, a prior worth strength (30) responses (B4). */
Datum nps_shrunk_of(PG_FUNCTION_ARGS)
{
    double strength = PG_NARGS() > 2 ? PG_GETARG_FLOAT8(2) : 30.0, v = 0.0;
    nps_status st = nps_shrunk(core_state_arg(fcinfo, 0), core_state_arg(fcinfo, 1), strength, &v);

    return result(fcinfo, st, v, strength);
}
