/*
 * nps_pg.c -- the PostgreSQL face of the nps core: the nps_state type, the
 * support functions of every aggregate, and the scalars of the contract.
 *
 * Thin and mechanical: convert the arguments, call the core, and turn a
 * status into ereport() with the text of nps_message() and the SQLSTATE of
 * nps_sqlstate(), so both engines say the same words.  The SQL objects are
 * declared in sql/nps.sql.
 *
 * The nps_state type is a varlena: a layout version, then the core state.
 * Text form, binary form and bytea cast are the core's (format 2, the same
 * bytes as SQLite's state blob) and carry the same information.
 *
 * Every transition function updates its state in place when called by an
 * aggregate (the executor owns the state, allocated once per group from the
 * aggregate's INITCOND); called directly it works on a copy.
 *
 * The programme toolkit is in programme.c (its functions) and alert.c (the
 * alert trigger); nps_pg.h declares what they share with this file.
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "access/htup_details.h"
#include "catalog/pg_aggregate.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/syscache.h"

#include "nps.h"
#include "nps_pg.h"
#include "nps_version.h"

PG_MODULE_MAGIC;

/*
 * The SQL type nps_state, a varlena.  This struct is also how PostgreSQL
 * stores the type in tables, so its layout is a stored format: `layout` says
 * which one, and a later release that changes the core state reads older
 * layouts by their number (and writes its own).
 */
typedef struct PgNpsState {
    int32 vl_len_;  /* varlena header; never touch directly */
    uint32 layout;  /* PG_STATE_LAYOUT */
    nps_state core; /* the core's state, in this machine's byte order */
} PgNpsState;

/* Layout 1: core state of format 2 (exact sums). */
#define PG_STATE_LAYOUT 1

StaticAssertDecl(offsetof(PgNpsState, core) % 8 == 0, "the core state is 8-byte aligned");

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
pg_noreturn static void raise_double(FunctionCallInfo fcinfo, nps_status st, double v)
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

/* A score held in an integer type: checked against 0..10 (R1). */
static inline int64 score_int(FunctionCallInfo fcinfo, int64 v)
{
    if (unlikely((uint64)v > 10))
        raise_int(fcinfo, NPS_E_SCORE_RANGE, v);
    return v;
}

/* A score held in a double: whole and 0..10, as SQLite's REAL (R1). */
int64 score_float8(FunctionCallInfo fcinfo, double v)
{
    int64_t score;
    nps_status st = nps_score_from_double(v, &score);

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
int64 score_numeric(FunctionCallInfo fcinfo, Numeric num)
{
    int64_t score;
    char *text;
    nps_status st;

    if (numeric_is_inf(num))
        raise_double(fcinfo, NPS_E_SCORE_RANGE,
                     DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(num))));
    text = numeric_normalize(num);
    st = nps_score_from_text(text, strlen(text), &score);
    if (st == NPS_E_SCORE_TEXT)
        raise_text(caller_name(fcinfo), st, text, strlen(text));
    if (st != NPS_OK) {
        char value[NPS_VALUE_MAX];

        nps_render_number(text, strlen(text), value, sizeof value);
        raise_status(st, caller_name(fcinfo), value);
    }
    return score;
}

#define SCORE_int2(n) score_int(fcinfo, PG_GETARG_INT16(n))
#define SCORE_int4(n) score_int(fcinfo, PG_GETARG_INT32(n))
#define SCORE_int8(n) score_int(fcinfo, PG_GETARG_INT64(n))
#define SCORE_numeric(n) score_numeric(fcinfo, PG_GETARG_NUMERIC(n))
#define SCORE_float8(n) score_float8(fcinfo, PG_GETARG_FLOAT8(n))

/* A new state value holding s. */
static PgNpsState *new_state(const nps_state *s)
{
    PgNpsState *out = (PgNpsState *)palloc0(sizeof *out);

    SET_VARSIZE(out, sizeof *out);
    out->layout = PG_STATE_LAYOUT;
    out->core = *s;
    return out;
}

/* Argument n, an nps_state value: checked for its size and layout, since it
 * may come from a table written by another release. */
static PgNpsState *state_arg(FunctionCallInfo fcinfo, int n)
{
    PgNpsState *s = (PgNpsState *)PG_DETOAST_DATUM(PG_GETARG_DATUM(n));

    if (unlikely(VARSIZE(s) != sizeof *s || s->layout != PG_STATE_LAYOUT))
        raise_status(NPS_E_STATE_VERSION, caller_name(fcinfo), "");
    return s;
}

/* The state a transition step updates: in place inside an aggregate, a copy otherwise. */
static inline PgNpsState *trans_state(FunctionCallInfo fcinfo)
{
    /* AggCheckCallContext()'s test, inlined: it runs on every row */
    if (likely(fcinfo->context != NULL &&
               (IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState))))
        return (PgNpsState *)PG_GETARG_POINTER(0);
    return new_state(&state_arg(fcinfo, 0)->core);
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

/* Raise a failed core update of a state (overflow or a remove it cannot do). */
static inline void check_update(FunctionCallInfo fcinfo, nps_status st)
{
    if (unlikely(st != NPS_OK))
        raise_status(st, caller_name(fcinfo), "");
}

/*
 * Transition functions per score type: add and remove one score, plain or
 * weighted.  The weight is checked before the score, as in SQLite.  A
 * weighted remove that cannot be exact returns NULL: PostgreSQL then
 * recomputes the window frame (R10).
 */
#define NPS_SCORE_FUNCTIONS(T)                                                                     \
    PG_FUNCTION_INFO_V1(nps_state_add_##T);                                                        \
    /* Count one score. */                                                                         \
    Datum nps_state_add_##T(PG_FUNCTION_ARGS)                                                      \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        check_update(fcinfo, nps_count(&s->core, SCORE_##T(1)));                                   \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(nps_state_remove_##T);                                                     \
    /* Take one score out again (a row leaving a window frame). */                                 \
    Datum nps_state_remove_##T(PG_FUNCTION_ARGS)                                                   \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        check_update(fcinfo, nps_remove(&s->core, SCORE_##T(1)));                                  \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(nps_state_add_weighted_##T);                                               \
    /* Count one weighted score. */                                                                \
    Datum nps_state_add_weighted_##T(PG_FUNCTION_ARGS)                                             \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        double w = weight_arg(fcinfo, 2);                                                          \
        check_update(fcinfo, nps_add_weighted(&s->core, SCORE_##T(1), w));                         \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(nps_state_remove_weighted_##T);                                            \
    /* Take one weighted score out again. */                                                       \
    Datum nps_state_remove_weighted_##T(PG_FUNCTION_ARGS)                                          \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        double w = weight_arg(fcinfo, 2);                                                          \
        nps_status st = nps_remove_weighted(&s->core, SCORE_##T(1), w);                            \
        if (st == NPS_E_INEXACT)                                                                   \
            PG_RETURN_NULL();                                                                      \
        check_update(fcinfo, st);                                                                  \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    extern int no_such_variable

NPS_SCORE_FUNCTIONS(int2);
NPS_SCORE_FUNCTIONS(int4);
NPS_SCORE_FUNCTIONS(int8);
NPS_SCORE_FUNCTIONS(numeric);
NPS_SCORE_FUNCTIONS(float8);

PG_FUNCTION_INFO_V1(nps_state_merge);
/* nps_state_merge(a, b): the merged state, NULL + s = s; also every
 * aggregate's transition over states and its COMBINEFUNC (in place there). */
Datum nps_state_merge(PG_FUNCTION_ARGS)
{
    PgNpsState *s;

    if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
        PG_RETURN_NULL();
    if (PG_ARGISNULL(0))
        PG_RETURN_POINTER(new_state(&state_arg(fcinfo, 1)->core));
    s = trans_state(fcinfo);
    if (!PG_ARGISNULL(1))
        check_update(fcinfo, nps_merge(&s->core, &state_arg(fcinfo, 1)->core));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_unmerge);
/* Take a merged state out again (a row leaving a window frame); NULL when
 * that cannot be exact, so that PostgreSQL recomputes the frame. */
Datum nps_state_unmerge(PG_FUNCTION_ARGS)
{
    PgNpsState *s = trans_state(fcinfo);
    nps_status st = nps_unmerge(&s->core, &state_arg(fcinfo, 1)->core);

    if (st == NPS_E_INEXACT)
        PG_RETURN_NULL();
    check_update(fcinfo, st);
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_weighted_state);
/* A weight given with a state: always an error, as in SQLite. */
Datum nps_state_weighted_state(PG_FUNCTION_ARGS)
{
    raise_status(NPS_E_WEIGHT_STATE, caller_name(fcinfo), "");
}

/* One result of a state at a confidence; no valid rows give NULL (R5). */
static Datum measure_of(FunctionCallInfo fcinfo, const nps_state *s, nps_measure m,
                        double confidence)
{
    double out;
    nps_status st = nps_compute(s, m, confidence, &out);

    if (st == NPS_EMPTY)
        PG_RETURN_NULL();
    if (st == NPS_E_CONFIDENCE)
        raise_double(fcinfo, st, confidence);
    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), "");
    PG_RETURN_FLOAT8(out);
}

#define NPS_FINAL(FINAL, NAME, MEASURE)                                                            \
    PG_FUNCTION_INFO_V1(FINAL);                                                                    \
    /* Final function: MEASURE of the aggregate's state, at 95%. */                                \
    Datum FINAL(PG_FUNCTION_ARGS)                                                                  \
    {                                                                                              \
        return measure_of(fcinfo, &((PgNpsState *)PG_GETARG_POINTER(0))->core, MEASURE,            \
                          NPS_DEFAULT_CONFIDENCE);                                                 \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(NAME##_of);                                                                \
    /* The _of scalar: MEASURE of one state value [, at a confidence]. */                          \
    Datum NAME##_of(PG_FUNCTION_ARGS)                                                              \
    {                                                                                              \
        return measure_of(fcinfo, &state_arg(fcinfo, 0)->core, MEASURE,                            \
                          PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : NPS_DEFAULT_CONFIDENCE);          \
    }                                                                                              \
    extern int no_such_variable

NPS_FINAL(nps_final_nps, nps, NPS_M_NPS);
NPS_FINAL(nps_final_promoter_share, promoter_share, NPS_M_PROMOTER_SHARE);
NPS_FINAL(nps_final_passive_share, passive_share, NPS_M_PASSIVE_SHARE);
NPS_FINAL(nps_final_detractor_share, detractor_share, NPS_M_DETRACTOR_SHARE);
NPS_FINAL(nps_final_stderr, nps_stderr, NPS_M_STDERR);
NPS_FINAL(nps_final_moe, nps_moe, NPS_M_MOE);
NPS_FINAL(nps_final_ci_lower, nps_ci_lower, NPS_M_CI_LOWER);
NPS_FINAL(nps_final_ci_upper, nps_ci_upper, NPS_M_CI_UPPER);

PG_FUNCTION_INFO_V1(nps_final_state);
/* Final function of nps_state(): a copy of the state, NULL without rows. */
Datum nps_final_state(PG_FUNCTION_ARGS)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);

    if (nps_rows(&s->core) == 0)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(new_state(&s->core));
}

/* The JSON summary of a state, NULL without rows. */
static Datum summary_of(const nps_state *s)
{
    char json[NPS_SUMMARY_MAX];

    if (nps_summary_json(s, json, sizeof json) != NPS_OK)
        return (Datum)0;
    return PointerGetDatum(cstring_to_text(json));
}

PG_FUNCTION_INFO_V1(nps_final_summary);
/* Final function of nps_summary(): the JSON object, NULL without rows. */
Datum nps_final_summary(PG_FUNCTION_ARGS)
{
    Datum d = summary_of(&((PgNpsState *)PG_GETARG_POINTER(0))->core);

    if (d == (Datum)0)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(d);
}

PG_FUNCTION_INFO_V1(nps_summary_of);
/* nps_summary_of(st): the JSON summary of one state. */
Datum nps_summary_of(PG_FUNCTION_ARGS)
{
    Datum d = summary_of(&state_arg(fcinfo, 0)->core);

    if (d == (Datum)0)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(d);
}

PG_FUNCTION_INFO_V1(nps_rows_of);
/* nps_rows_of(st): the number of rows a state holds. */
Datum nps_rows_of(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(nps_rows(&state_arg(fcinfo, 0)->core));
}

/* Name used in the errors of the type's input, receive and cast. */
#define STATE_FN "nps_state"

/* Raise a decoding error of a binary state of len bytes. */
pg_noreturn static void raise_decode(nps_status st, size_t len)
{
    char value[NPS_VALUE_MAX];

    nps_render_int((int64)len, value, sizeof value);
    raise_status(st, STATE_FN, value);
}

/* A state read from the core's binary format (R11); never trusted. */
static PgNpsState *state_from_bytes(const char *buf, size_t len)
{
    nps_state core;
    nps_status st = nps_decode((const uint8_t *)buf, len, &core);

    if (st != NPS_OK)
        raise_decode(st, len);
    return new_state(&core);
}

PG_FUNCTION_INFO_V1(nps_state_in);
/* Text input: the core's text form, checked. */
Datum nps_state_in(PG_FUNCTION_ARGS)
{
    char *str = PG_GETARG_CSTRING(0);
    nps_state core;

    if (nps_state_from_text(str, &core) != NPS_OK)
        raise_text(STATE_FN, NPS_E_STATE_TEXT, str, strlen(str));
    PG_RETURN_POINTER(new_state(&core));
}

PG_FUNCTION_INFO_V1(nps_state_out);
/* Text output: readable, and read back exactly by nps_state_in. */
Datum nps_state_out(PG_FUNCTION_ARGS)
{
    char buf[NPS_STATE_TEXT_MAX];

    nps_state_to_text(&state_arg(fcinfo, 0)->core, buf, sizeof buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(nps_state_recv);
/* Binary input: the core's format 2, checked. */
Datum nps_state_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
    int len = buf->len - buf->cursor;
    PgNpsState *s = state_from_bytes(buf->data + buf->cursor, (size_t)len);

    buf->cursor = buf->len;
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_send);
/* Binary output and the cast to bytea: the core's format 2, the same bytes
 * as SQLite's state blob. */
Datum nps_state_send(PG_FUNCTION_ARGS)
{
    bytea *out = (bytea *)palloc(VARHDRSZ + NPS_STATE_BYTES);
    size_t len = nps_encode(&state_arg(fcinfo, 0)->core, (uint8_t *)VARDATA(out));

    SET_VARSIZE(out, VARHDRSZ + len);
    PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(nps_state_from_bytea);
/* Cast bytea -> nps_state: decoded and checked by the core. */
Datum nps_state_from_bytea(PG_FUNCTION_ARGS)
{
    bytea *b = PG_GETARG_BYTEA_PP(0);

    PG_RETURN_POINTER(state_from_bytes(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

PG_FUNCTION_INFO_V1(nps_category_state);
/* nps_category(nps_state): an error that says what the function takes. */
Datum nps_category_state(PG_FUNCTION_ARGS)
{
    raise_status(NPS_E_SCALAR_STATE, caller_name(fcinfo), "");
}

/* nps_category(score [, lang]) for a checked score (R2). */
static Datum category(FunctionCallInfo fcinfo, int64 score)
{
    const char *lang = "en";
    size_t lang_len = 2;
    const char *label;
    nps_status st;

    if (PG_NARGS() == 2) {
        text *t = PG_GETARG_TEXT_PP(1);

        lang = VARDATA_ANY(t);
        lang_len = VARSIZE_ANY_EXHDR(t);
    }
    st = nps_category_label(score, lang, lang_len, &label);
    if (st == NPS_E_LANG)
        raise_text(caller_name(fcinfo), st, lang, lang_len);
    if (st != NPS_OK)
        raise_int(fcinfo, st, score);
    PG_RETURN_TEXT_P(cstring_to_text(label));
}

#define NPS_CATEGORY(T)                                                                            \
    PG_FUNCTION_INFO_V1(nps_category_##T);                                                         \
    /* nps_category(score [, lang]) for this score type. */                                        \
    Datum nps_category_##T(PG_FUNCTION_ARGS)                                                       \
    {                                                                                              \
        return category(fcinfo, SCORE_##T(0));                                                     \
    }                                                                                              \
    extern int no_such_variable

NPS_CATEGORY(int2);
NPS_CATEGORY(int4);
NPS_CATEGORY(int8);
NPS_CATEGORY(numeric);
NPS_CATEGORY(float8);

PG_FUNCTION_INFO_V1(nps_band_float8);
/* nps_band(nps_value): 'negative', 'good', 'great' or 'excellent' (R13). */
Datum nps_band_float8(PG_FUNCTION_ARGS)
{
    double v = PG_GETARG_FLOAT8(0);
    const char *label;

    if (nps_band(v, &label) != NPS_OK)
        raise_double(fcinfo, NPS_E_BAND, v);
    PG_RETURN_TEXT_P(cstring_to_text(label));
}

PG_FUNCTION_INFO_V1(nps_pvalue_state);
/* nps_pvalue(state_a, state_b): two-sided p-value that the two NPS differ (R12). */
Datum nps_pvalue_state(PG_FUNCTION_ARGS)
{
    PgNpsState *a = state_arg(fcinfo, 0);
    PgNpsState *b = state_arg(fcinfo, 1);
    double p;
    nps_status st = nps_pvalue(&a->core, &b->core, &p);

    if (st == NPS_EMPTY)
        PG_RETURN_NULL();
    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), "");
    PG_RETURN_FLOAT8(p);
}

PG_FUNCTION_INFO_V1(nps_version_text);
/* nps_version(): the release this library was built from. */
Datum nps_version_text(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(NPS_VERSION));
}
