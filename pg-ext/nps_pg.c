/*
 * nps_pg.c -- the PostgreSQL face of the nps core: the nps_state type, the
 * support functions of every aggregate, and the scalars of the contract.
 *
 * Thin and mechanical: convert the arguments, call the core, and turn a
 * status into an error (args.c).  The SQL objects are declared in
 * sql/nps.sql; the C functions of each measure and score type come from the
 * same table as they do, ../sql/surface.h.
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
 * alert trigger); nps_pg.h declares what the files share.
 */
#include "postgres.h"

#include <math.h>
#include <string.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "nps.h"
#include "nps_pg.h"
#include "nps_version.h"

#include "../sql/surface.h"

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

/* The core state of argument n, for the other files of the wrapper. */
const nps_state *core_state_arg(FunctionCallInfo fcinfo, int n)
{
    return &state_arg(fcinfo, n)->core;
}

/* The state a transition step updates: in place inside an aggregate, a copy otherwise. */
static inline PgNpsState *trans_state(FunctionCallInfo fcinfo)
{
    if (in_aggregate(fcinfo))
        return (PgNpsState *)PG_GETARG_POINTER(0);
    return new_state(&state_arg(fcinfo, 0)->core);
}

/*
 * Transition functions of each score type of ../sql/surface.h: add and
 * remove one score, plain or weighted.  The weight is checked before the
 * score, as in SQLite.  A weighted remove that cannot be exact returns NULL:
 * PostgreSQL then recomputes the window frame (R10).
 */
#define TRANSITIONS(T, sql, noun)                                                                  \
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
    }

NPS_SCORE_TYPES(TRANSITIONS)

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
 * that cannot be exact, so that PostgreSQL recomputes the frame.  Called as
 * nps_state_unmerge(total, part), outside an aggregate: the rest (I5). */
Datum nps_state_unmerge(PG_FUNCTION_ARGS)
{
    PgNpsState *s;
    nps_status st;

    if (!AggCheckCallContext(fcinfo, NULL)) {
        nps_state rest;
        char value[NPS_VALUE_MAX] = "";

        st = nps_state_rest(core_state_arg(fcinfo, 0), core_state_arg(fcinfo, 1), &rest, value);
        if (st != NPS_OK)
            raise_status(st, caller_name(fcinfo), value);
        PG_RETURN_POINTER(new_state(&rest));
    }
    s = trans_state(fcinfo);
    st = nps_unmerge(&s->core, &state_arg(fcinfo, 1)->core);

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

/* The state of the aggregate whose final function runs (STRICT: never NULL). */
static inline const nps_state *agg_core(FunctionCallInfo fcinfo)
{
    return &((PgNpsState *)PG_GETARG_POINTER(0))->core;
}

/* The JSON summary of a state, NULL without rows. */
static Datum summary_result(FunctionCallInfo fcinfo, const nps_state *s)
{
    char json[NPS_SUMMARY_MAX];

    if (nps_summary_json(s, json, sizeof json) != NPS_OK)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(cstring_to_text(json));
}

/* Final function of an aggregate whose result is a number: its measure at 95%. */
static Datum final_number(FunctionCallInfo fcinfo, nps_measure m)
{
    return measure_of(fcinfo, agg_core(fcinfo), m, NPS_DEFAULT_CONFIDENCE);
}

/* Final function of nps_state(): a copy of the state, NULL without rows. */
static Datum final_state(FunctionCallInfo fcinfo, nps_measure m)
{
    if (nps_rows(agg_core(fcinfo)) == 0)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(new_state(agg_core(fcinfo)));
}

/* Final function of nps_summary(): the JSON object, NULL without rows. */
static Datum final_summary(FunctionCallInfo fcinfo, nps_measure m)
{
    return summary_result(fcinfo, agg_core(fcinfo));
}

/* An _of scalar whose result is a number: the measure of one state value,
 * at a confidence when one is given. */
static Datum of_number(FunctionCallInfo fcinfo, nps_measure m)
{
    return measure_of(fcinfo, &state_arg(fcinfo, 0)->core, m,
                      PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : NPS_DEFAULT_CONFIDENCE);
}

/* nps_summary_of(st): the JSON summary of one state. */
static Datum of_summary(FunctionCallInfo fcinfo, nps_measure m)
{
    return summary_result(fcinfo, &state_arg(fcinfo, 0)->core);
}

/* nps_rows_of(st): the number of rows a state holds. */
static Datum of_rows(FunctionCallInfo fcinfo, nps_measure m)
{
    PG_RETURN_INT64(nps_rows(&state_arg(fcinfo, 0)->core));
}

/*
 * The C functions of each measure of ../sql/surface.h: the final function
 * of its aggregates, nps_final_<final>, and its _of scalar, <name>_of, each
 * calling the routine of its kind of result above (final_<result>,
 * of_<result>): a kind without one does not compile.  The names are pasted
 * in MEASURE_FUNCTIONS, before any argument could be expanded as a macro.
 */
#define DEFINE_no(fn, routine, measure)
#define DEFINE_yes(fn, routine, measure)                                                           \
    PG_FUNCTION_INFO_V1(fn);                                                                       \
    Datum fn(PG_FUNCTION_ARGS)                                                                     \
    {                                                                                              \
        return routine(fcinfo, measure);                                                           \
    }
#define DEFINE_confidence DEFINE_yes
#define MEASURE_FUNCTIONS(name, final, result, measure, aggregate, of, about, final_about,         \
                          of_about)                                                                \
    DEFINE_##aggregate(nps_final_##final, final_##result, measure)                                 \
        DEFINE_##of(name##_of, of_##result, measure)

NPS_MEASURES(MEASURE_FUNCTIONS)

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

/* nps_category(score [, lang]) for each score type. */
#define CATEGORY(T, sql, noun) SCORE_SCALAR(nps_category, category, T)
NPS_SCORE_TYPES(CATEGORY)

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
