/*
 * nps_pg.c -- the PostgreSQL face of the nps core: the nps_state type, the
 * support functions of every aggregate, and the scalars of the contract.
 *
 * Thin and mechanical: convert the arguments, call the core, and turn a
 * status into ereport() with the text of nps_message() and the SQLSTATE of
 * nps_sqlstate(), so both engines say the same words.  The SQL objects are
 * declared in sql/nps.sql.
 *
 * The in-memory nps_state is the core state followed by one double, the
 * confidence of the aggregates that take one (nps_moe, nps_ci_lower,
 * nps_ci_upper with a second argument): a PostgreSQL final function does not
 * see argument values, so the transition keeps the confidence in the state.
 * 0 means "not set".  The text form carries it (" confidence=0.9", only when
 * set) so Citus-style partial aggregation keeps it; the binary form and the
 * bytea cast are the core's 172-byte format and carry the counts and sums only.
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
 * The SQL type nps_state; its size is INTERNALLENGTH in sql/nps.sql.  This
 * struct is also how PostgreSQL stores the type in tables, so its layout is a
 * stored format: it never changes, or states stored by an older release would
 * stop reading.  A richer state would be a new type with a cast from this one.
 */
typedef struct PgNpsState {
    nps_state core;
    double confidence; /* 0: not set; else 0 < confidence < 1 */
} PgNpsState;

StaticAssertDecl(sizeof(PgNpsState) == 168, "INTERNALLENGTH of nps_state in sql/nps.sql");

/* Raise the core's error for st, naming fn and the rendered value. */
void pg_attribute_noreturn() raise_status(nps_status st, const char *fn, const char *value)
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
void pg_attribute_noreturn() raise_int(FunctionCallInfo fcinfo, nps_status st, int64 v)
{
    char value[NPS_VALUE_MAX];

    nps_render_int(v, value, sizeof value);
    raise_status(st, caller_name(fcinfo), value);
}

/* Raise st for a double value. */
static void pg_attribute_noreturn() raise_double(FunctionCallInfo fcinfo, nps_status st, double v)
{
    char value[NPS_VALUE_MAX];

    nps_render_double(v, value, sizeof value);
    raise_status(st, caller_name(fcinfo), value);
}

/* Raise st for a text value, quoted by the core. */
void pg_attribute_noreturn() raise_text(const char *fn, nps_status st, const char *text, size_t len)
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
    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), text);
    return score;
}

#define SCORE_int2(n) score_int(fcinfo, PG_GETARG_INT16(n))
#define SCORE_int4(n) score_int(fcinfo, PG_GETARG_INT32(n))
#define SCORE_int8(n) score_int(fcinfo, PG_GETARG_INT64(n))
#define SCORE_numeric(n) score_numeric(fcinfo, PG_GETARG_NUMERIC(n))
#define SCORE_float8(n) score_float8(fcinfo, PG_GETARG_FLOAT8(n))

/* The state a transition step updates: in place inside an aggregate, a copy otherwise. */
static inline PgNpsState *trans_state(FunctionCallInfo fcinfo)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);
    PgNpsState *copy;

    /* AggCheckCallContext()'s test, inlined: it runs on every row */
    if (likely(fcinfo->context != NULL &&
               (IsA(fcinfo->context, AggState) || IsA(fcinfo->context, WindowAggState))))
        return s;
    copy = (PgNpsState *)palloc(sizeof *copy);
    memcpy(copy, s, sizeof *copy);
    return copy;
}

/* Keep the group's confidence: the first one, checked (R8); a different one later is an error. */
static inline void keep_confidence(FunctionCallInfo fcinfo, PgNpsState *s, double c)
{
    double z;

    if (likely(c == s->confidence))
        return;
    if (nps_z_for_confidence(c, &z) != NPS_OK)
        raise_double(fcinfo, NPS_E_CONFIDENCE, c);
    if (s->confidence != 0.0)
        raise_double(fcinfo, NPS_E_CONFIDENCE_VARIES, c);
    s->confidence = c;
}

/* A weight argument, checked (R6). */
static inline double weight_arg(FunctionCallInfo fcinfo, int n)
{
    double w = PG_GETARG_FLOAT8(n);

    if (unlikely(nps_check_weight(w) != NPS_OK))
        raise_double(fcinfo, NPS_E_WEIGHT, w);
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
 * weighted, and add one with a confidence (its inverse is the plain remove:
 * the group's confidence stays).  The second argument of a two-argument form
 * is checked before the score, as in SQLite.
 */
#define NPS_SCORE_FUNCTIONS(T)                                                                     \
    PG_FUNCTION_INFO_V1(nps_state_add_##T);                                                        \
    /* Count one score. */                                                                         \
    Datum nps_state_add_##T(PG_FUNCTION_ARGS)                                                      \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        s->core.count[SCORE_##T(1)]++;                                                             \
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
        check_update(fcinfo, nps_remove_weighted(&s->core, SCORE_##T(1), w));                      \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(nps_state_add_confidence_##T);                                             \
    /* Count one score of an aggregate that takes a confidence. */                                 \
    Datum nps_state_add_confidence_##T(PG_FUNCTION_ARGS)                                           \
    {                                                                                              \
        PgNpsState *s = trans_state(fcinfo);                                                       \
        keep_confidence(fcinfo, s, PG_GETARG_FLOAT8(2));                                           \
        s->core.count[SCORE_##T(1)]++;                                                             \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    extern int no_such_variable

NPS_SCORE_FUNCTIONS(int2);
NPS_SCORE_FUNCTIONS(int4);
NPS_SCORE_FUNCTIONS(int8);
NPS_SCORE_FUNCTIONS(numeric);
NPS_SCORE_FUNCTIONS(float8);

/* Merge src's counts and confidence into dst: confidences must agree (or one be unset). */
static void merge_into(FunctionCallInfo fcinfo, PgNpsState *dst, const PgNpsState *src)
{
    if (src->confidence != 0.0 && src->confidence != dst->confidence) {
        if (dst->confidence != 0.0)
            raise_double(fcinfo, NPS_E_CONFIDENCE_VARIES, src->confidence);
        dst->confidence = src->confidence;
    }
    check_update(fcinfo, nps_merge(&dst->core, &src->core));
}

PG_FUNCTION_INFO_V1(nps_state_merge);
/* Merge a state into the aggregate's state; also every aggregate's COMBINEFUNC. */
Datum nps_state_merge(PG_FUNCTION_ARGS)
{
    PgNpsState *s = trans_state(fcinfo);

    merge_into(fcinfo, s, (PgNpsState *)PG_GETARG_POINTER(1));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_unmerge);
/* Take a merged state out again (a row leaving a window frame). */
Datum nps_state_unmerge(PG_FUNCTION_ARGS)
{
    PgNpsState *s = trans_state(fcinfo);
    PgNpsState *in = (PgNpsState *)PG_GETARG_POINTER(1);

    check_update(fcinfo, nps_unmerge(&s->core, &in->core));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_merge_confidence);
/* Merge a state into the state of an aggregate that takes a confidence. */
Datum nps_state_merge_confidence(PG_FUNCTION_ARGS)
{
    PgNpsState *s = trans_state(fcinfo);

    keep_confidence(fcinfo, s, PG_GETARG_FLOAT8(2));
    merge_into(fcinfo, s, (PgNpsState *)PG_GETARG_POINTER(1));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_weighted_state);
/* A weight given with a state: always an error, as in SQLite. */
Datum nps_state_weighted_state(PG_FUNCTION_ARGS)
{
    raise_status(NPS_E_WEIGHT_STATE, caller_name(fcinfo), "");
}

/* One result of the aggregate's state; no valid rows give NULL (R5). */
static Datum final_measure(FunctionCallInfo fcinfo, nps_measure m, bool own_confidence)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);
    double confidence = NPS_DEFAULT_CONFIDENCE;
    double out;
    nps_status st;

    if (own_confidence) {
        /* Unset only when no row reached the transition: then the state is empty. */
        confidence = s->confidence;
        if (confidence == 0.0 && nps_rows(&s->core) == 0)
            PG_RETURN_NULL();
    }
    st = nps_compute(&s->core, m, confidence, &out);
    if (st == NPS_EMPTY)
        PG_RETURN_NULL();
    if (st == NPS_E_CONFIDENCE)
        raise_double(fcinfo, st, confidence);
    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), "");
    PG_RETURN_FLOAT8(out);
}

#define NPS_FINAL(NAME, MEASURE, OWN)                                                              \
    PG_FUNCTION_INFO_V1(NAME);                                                                     \
    /* Final function: MEASURE of the state. */                                                    \
    Datum NAME(PG_FUNCTION_ARGS)                                                                   \
    {                                                                                              \
        return final_measure(fcinfo, MEASURE, OWN);                                                \
    }                                                                                              \
    extern int no_such_variable

NPS_FINAL(nps_final_nps, NPS_M_NPS, false);
NPS_FINAL(nps_final_promoter_share, NPS_M_PROMOTER_SHARE, false);
NPS_FINAL(nps_final_passive_share, NPS_M_PASSIVE_SHARE, false);
NPS_FINAL(nps_final_detractor_share, NPS_M_DETRACTOR_SHARE, false);
NPS_FINAL(nps_final_stderr, NPS_M_STDERR, false);
NPS_FINAL(nps_final_moe, NPS_M_MOE, false);
NPS_FINAL(nps_final_ci_lower, NPS_M_CI_LOWER, false);
NPS_FINAL(nps_final_ci_upper, NPS_M_CI_UPPER, false);
NPS_FINAL(nps_final_moe_confidence, NPS_M_MOE, true);
NPS_FINAL(nps_final_ci_lower_confidence, NPS_M_CI_LOWER, true);
NPS_FINAL(nps_final_ci_upper_confidence, NPS_M_CI_UPPER, true);

PG_FUNCTION_INFO_V1(nps_final_state);
/* Final function of nps_state(): a copy of the state, NULL without rows. */
Datum nps_final_state(PG_FUNCTION_ARGS)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);
    PgNpsState *out;

    if (nps_rows(&s->core) == 0)
        PG_RETURN_NULL();
    out = (PgNpsState *)palloc(sizeof *out);
    memcpy(out, s, sizeof *out);
    PG_RETURN_POINTER(out);
}

PG_FUNCTION_INFO_V1(nps_final_summary);
/* Final function of nps_summary(): the JSON object, NULL without rows. */
Datum nps_final_summary(PG_FUNCTION_ARGS)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);
    char json[NPS_SUMMARY_MAX];

    if (nps_summary_json(&s->core, json, sizeof json) != NPS_OK)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(cstring_to_text(json));
}

/* Name used in the errors of the type's input, receive and cast. */
#define STATE_FN "nps_state"

/* Raise a decoding error of a binary state of len bytes. */
static void pg_attribute_noreturn() raise_decode(nps_status st, size_t len)
{
    char value[NPS_VALUE_MAX];

    nps_render_int((int64)len, value, sizeof value);
    raise_status(st, STATE_FN, value);
}

/* A state read from the core's binary format (R11); never trusted. */
static PgNpsState *state_from_bytes(const char *buf, size_t len)
{
    PgNpsState *s = (PgNpsState *)palloc0(sizeof *s);
    nps_status st = nps_decode((const uint8_t *)buf, len, &s->core);

    if (st != NPS_OK)
        raise_decode(st, len);
    return s;
}

/* Marker of the confidence in the text form. */
#define CONFIDENCE_KEY " confidence="

PG_FUNCTION_INFO_V1(nps_state_in);
/* Text input: the core's text form, optionally followed by " confidence=<c>". */
Datum nps_state_in(PG_FUNCTION_ARGS)
{
    char *str = PG_GETARG_CSTRING(0);
    PgNpsState *s = (PgNpsState *)palloc0(sizeof *s);
    char *key = strstr(str, CONFIDENCE_KEY);
    char *counts = str;

    if (key != NULL) {
        char *end;
        double c = strtod(key + strlen(CONFIDENCE_KEY), &end);
        double z;

        while (*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
            end++;
        if (end == key + strlen(CONFIDENCE_KEY) || *end != '\0' ||
            nps_z_for_confidence(c, &z) != NPS_OK)
            raise_text(STATE_FN, NPS_E_STATE_TEXT, str, strlen(str));
        s->confidence = c;
        counts = pnstrdup(str, key - str);
    }
    if (nps_state_from_text(counts, &s->core) != NPS_OK)
        raise_text(STATE_FN, NPS_E_STATE_TEXT, str, strlen(str));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_state_out);
/* Text output: readable, and read back exactly by nps_state_in. */
Datum nps_state_out(PG_FUNCTION_ARGS)
{
    PgNpsState *s = (PgNpsState *)PG_GETARG_POINTER(0);
    char buf[NPS_STATE_TEXT_MAX];
    char num[NPS_VALUE_MAX];

    nps_state_to_text(&s->core, buf, sizeof buf);
    if (s->confidence == 0.0)
        PG_RETURN_CSTRING(pstrdup(buf));
    nps_format_double(s->confidence, num, sizeof num);
    PG_RETURN_CSTRING(psprintf("%s%s%s", buf, CONFIDENCE_KEY, num));
}

PG_FUNCTION_INFO_V1(nps_state_recv);
/* Binary input: the core's 172-byte format, checked. */
Datum nps_state_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
    int len = buf->len - buf->cursor;
    PgNpsState *s = state_from_bytes(buf->data + buf->cursor, (size_t)len);

    buf->cursor = buf->len;
    PG_RETURN_POINTER(s);
}

/* The core's binary format of a state as a bytea. */
static bytea *state_to_bytea(const PgNpsState *s)
{
    bytea *out = (bytea *)palloc(VARHDRSZ + NPS_STATE_BYTES);

    SET_VARSIZE(out, VARHDRSZ + NPS_STATE_BYTES);
    nps_encode(&s->core, (uint8_t *)VARDATA(out));
    return out;
}

PG_FUNCTION_INFO_V1(nps_state_send);
/* Binary output and the cast to bytea: the core's 172-byte format, the same
 * bytes as SQLite's state blob. */
Datum nps_state_send(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(state_to_bytea((PgNpsState *)PG_GETARG_POINTER(0)));
}

PG_FUNCTION_INFO_V1(nps_state_from_bytea);
/* Cast bytea -> nps_state: decoded and checked by the core. */
Datum nps_state_from_bytea(PG_FUNCTION_ARGS)
{
    bytea *b = PG_GETARG_BYTEA_PP(0);

    PG_RETURN_POINTER(state_from_bytes(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
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
    PgNpsState *a = (PgNpsState *)PG_GETARG_POINTER(0);
    PgNpsState *b = (PgNpsState *)PG_GETARG_POINTER(1);
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
