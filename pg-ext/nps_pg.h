/*
 * nps_pg.h -- what the files of the PostgreSQL wrapper share: raising the
 * core's errors and reading a score argument the way every function does
 * (args.c), and the shims between PostgreSQL majors (compat.h).
 */
#ifndef NPS_PG_H
#define NPS_PG_H

#include "postgres.h"

#include <math.h>

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/numeric.h"

#include "compat.h"
#include "nps.h"

/* Raise the core's error for st, naming fn and the rendered value. */
pg_noreturn void raise_status(nps_status st, const char *fn, const char *value);
/* Raise st for a text value, quoted by the core. */
pg_noreturn void raise_text(const char *fn, nps_status st, const char *text, size_t len);
/* Raise st for an integer value, naming the SQL function the user called. */
pg_noreturn void raise_int(FunctionCallInfo fcinfo, nps_status st, int64 v);
/* Raise st for a double value, naming the SQL function the user called. */
pg_noreturn void raise_double(FunctionCallInfo fcinfo, nps_status st, double v);
/* Name of the SQL function the user called (the aggregate, inside one). */
const char *caller_name(FunctionCallInfo fcinfo);
/* Argument n, an nps_state value, checked: the core state it holds (nps_pg.c). */
const nps_state *core_state_arg(FunctionCallInfo fcinfo, int n);
/* A score held in a double or a numeric, checked as nps_category checks it (R1). */
int64 score_float8(FunctionCallInfo fcinfo, double v);
int64 score_numeric(FunctionCallInfo fcinfo, Numeric num);
/* The same by a scale's rule (S1), scale an nps_scale. */
int64 score_float8_on(FunctionCallInfo fcinfo, int scale, double v);
int64 score_numeric_on(FunctionCallInfo fcinfo, int scale, Numeric num);

/* A score held in an integer type: checked against 0..10 (R1).  Inline:
 * the transition functions run it on every row. */
static inline int64 score_int(FunctionCallInfo fcinfo, int64 v)
{
    if (unlikely((uint64)v > 10))
        raise_int(fcinfo, NPS_E_SCORE_RANGE, v);
    return v;
}

/* A weight argument, checked (R6): finite, >= 0, and its square finite. */
static inline double weight_arg(FunctionCallInfo fcinfo, int n)
{
    double w = PG_GETARG_FLOAT8(n);

    if (unlikely(nps_check_weight(w) != NPS_OK))
        raise_double(fcinfo, NPS_E_WEIGHT, w);
    if (unlikely(!isfinite(w * w)))
        raise_double(fcinfo, NPS_E_WEIGHT_SQUARE, w);
    return w;
}

/* True when a transition function runs inside an aggregate or a window,
 * where it may update its state in place: AggCheckCallContext()'s test,
 * inlined, since it runs on every row. */
static inline bool in_aggregate(FunctionCallInfo fcinfo)
{
    return likely(fcinfo->context != NULL &&
                  (IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState)));
}

/* Raise a failed core update of a state (overflow or a remove it cannot do). */
static inline void check_update(FunctionCallInfo fcinfo, nps_status st)
{
    if (unlikely(st != NPS_OK))
        raise_status(st, caller_name(fcinfo), "");
}

/* Argument n read as a score, for each score type of ../sql/surface.h. */
#define SCORE_int2(n) score_int(fcinfo, PG_GETARG_INT16(n))
#define SCORE_int4(n) score_int(fcinfo, PG_GETARG_INT32(n))
#define SCORE_int8(n) score_int(fcinfo, PG_GETARG_INT64(n))
#define SCORE_numeric(n) score_numeric(fcinfo, PG_GETARG_NUMERIC(n))
#define SCORE_float8(n) score_float8(fcinfo, PG_GETARG_FLOAT8(n))

/* A score of scale k held in an integer type: checked against the scale (S1). */
static inline int64 scale_score_int(FunctionCallInfo fcinfo, nps_scale k, int64 v)
{
    const nps_scale_info *info = nps_scale_describe(k);

    if (unlikely(v < info->lo || v > info->hi))
        raise_int(fcinfo, nps_scale_status(k, NPS_SE_RANGE), v);
    return v;
}

/* Argument n read as a score of scale k, for each score type. */
#define SCALE_SCORE_int2(k, n) scale_score_int(fcinfo, k, PG_GETARG_INT16(n))
#define SCALE_SCORE_int4(k, n) scale_score_int(fcinfo, k, PG_GETARG_INT32(n))
#define SCALE_SCORE_int8(k, n) scale_score_int(fcinfo, k, PG_GETARG_INT64(n))
#define SCALE_SCORE_numeric(k, n) score_numeric_on(fcinfo, k, PG_GETARG_NUMERIC(n))
#define SCALE_SCORE_float8(k, n) score_float8_on(fcinfo, k, PG_GETARG_FLOAT8(n))

/* The C function fn_<type> of a scalar that takes a score of type T first:
 * impl(fcinfo, the checked score). */
#define SCORE_SCALAR(fn, impl, T)                                                                  \
    PG_FUNCTION_INFO_V1(fn##_##T);                                                                 \
    Datum fn##_##T(PG_FUNCTION_ARGS)                                                               \
    {                                                                                              \
        return impl(fcinfo, SCORE_##T(0));                                                         \
    }

#endif
