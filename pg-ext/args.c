/*
 * args.c -- what every function of the PostgreSQL wrapper does with its
 * arguments: read a score held in a double or a numeric, and raise the
 * core's error for a status with the text of nps_message() and the
 * SQLSTATE of nps_sqlstate(), naming the SQL function the user called and
 * the offending value, so both engines say the same words.
 */
#include "postgres.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

#include "nps.h"
#include "nps_pg.h"

/* Raise the core's error for st, naming fn and the rendered value. */
pg_noreturn void raise_status(nps_status st, const char *fn, const char *value)
{
    char msg[NPS_MESSAGE_MAX];
    const char *code = nps_sqlstate(st);

    nps_message(msg, sizeof msg, st, fn, value);
    ereport(ERROR, (errcode(MAKE_SQLSTATE(code[0], code[1], code[2], code[3], code[4])),
                    errmsg("%s", msg)));
    pg_unreachable();
}

/* Name of the window aggregate whose support function is running, or NULL. */
static const char *window_aggregate_name(WindowAggState *win, Oid support)
{
    ListCell *lc;

    foreach (lc, win->funcs) {
        WindowFuncExprState *wfs = (WindowFuncExprState *)lfirst(lc);
        HeapTuple tup = SearchSysCache1(AGGFNOID, ObjectIdGetDatum(wfs->wfunc->winfnoid));
        Form_pg_aggregate agg;
        bool match;

        if (!HeapTupleIsValid(tup))
            continue;
        agg = (Form_pg_aggregate)GETSTRUCT(tup);
        match = agg->aggtransfn == support || agg->aggmtransfn == support ||
                agg->aggminvtransfn == support;
        ReleaseSysCache(tup);
        if (match)
            return get_func_name(wfs->wfunc->winfnoid);
    }
    return NULL;
}

/*
 * Name of the SQL function the user called: the aggregate when a support
 * function runs inside one, the function itself otherwise.  Looked up only
 * when an error is raised, never per row.
 */
const char *caller_name(FunctionCallInfo fcinfo)
{
    Aggref *ref = AggGetAggref(fcinfo);
    const char *name = NULL;

    if (ref != NULL)
        name = get_func_name(ref->aggfnoid);
    else if (fcinfo->context != NULL && IsA(fcinfo->context, WindowAggState))
        name = window_aggregate_name((WindowAggState *)fcinfo->context, fcinfo->flinfo->fn_oid);
    if (name == NULL)
        name = get_func_name(fcinfo->flinfo->fn_oid);
    return name != NULL ? name : "nps";
}

/* Raise st for an integer value. */
pg_noreturn void raise_int(FunctionCallInfo fcinfo, nps_status st, int64 v)
{
    char value[NPS_VALUE_MAX];

    nps_render_int(v, value, sizeof value);
    raise_status(st, caller_name(fcinfo), value);
}

/* Raise st for a double value. */
pg_noreturn void raise_double(FunctionCallInfo fcinfo, nps_status st, double v)
{
    char value[NPS_VALUE_MAX];

    nps_render_double(v, value, sizeof value);
    raise_status(st, caller_name(fcinfo), value);
}

/* Raise st for a text value, quoted by the core. */
pg_noreturn void raise_text(const char *fn, nps_status st, const char *text, size_t len)
{
    char value[NPS_VALUE_MAX];

    nps_render_text(text, len, value, sizeof value);
    raise_status(st, fn, value);
}

/* A score of a double or of text by NPS's rule (scale < 0, R1) or a
 * scale's (S1). */
static nps_status read_double(int scale, double v, int64_t *score)
{
    return scale < 0 ? nps_score_from_double(v, score)
                     : nps_scale_score_from_double((nps_scale)scale, v, score);
}

static nps_status read_text(int scale, const char *text, size_t len, int64_t *score)
{
    return scale < 0 ? nps_score_from_text(text, len, score)
                     : nps_scale_score_from_text((nps_scale)scale, text, len, score);
}

/* A score held in a double: whole and on the scale, as SQLite's REAL. */
int64 score_float8_on(FunctionCallInfo fcinfo, int scale, double v)
{
    int64_t score;
    nps_status st = read_double(scale, v, &score);

    if (st == NPS_E_SCORE_TEXT)
        raise_text(caller_name(fcinfo), st, "NaN", 3);
    if (st != NPS_OK)
        raise_double(fcinfo, st, v);
    return score;
}

/*
 * A score held in a numeric: its plain decimal text (trailing zeros of the
 * fraction dropped) read by the core's text rule, so 9.0 is 9, 7.5 is a
 * fraction and NaN is not a number.  The conversion's temporaries live in the
 * per-row memory context.
 */
int64 score_numeric_on(FunctionCallInfo fcinfo, int scale, Numeric num)
{
    int64_t score;
    char *text;
    nps_status st;

    if (numeric_is_inf(num))
        raise_double(fcinfo,
                     scale < 0 ? NPS_E_SCORE_RANGE
                               : nps_scale_status((nps_scale)scale, NPS_SE_RANGE),
                     DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(num))));
    text = numeric_normalize(num);
    st = read_text(scale, text, strlen(text), &score);
    if (st == NPS_E_SCORE_TEXT)
        raise_text(caller_name(fcinfo), st, text, strlen(text));
    if (st != NPS_OK) {
        char value[NPS_VALUE_MAX];

        nps_render_number(text, strlen(text), value, sizeof value);
        raise_status(st, caller_name(fcinfo), value);
    }
    return score;
}

int64 score_float8(FunctionCallInfo fcinfo, double v)
{
    return score_float8_on(fcinfo, -1, v);
}

int64 score_numeric(FunctionCallInfo fcinfo, Numeric num)
{
    return score_numeric_on(fcinfo, -1, num);
}
