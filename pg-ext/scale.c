/*
 * scale.c -- CSAT and CES in PostgreSQL: for each scale of ../sql/surface.h
 * (NPS_SCALES) its state type (csat_state, ces_state) with text, binary and
 * bytea forms, merge, combine and unmerge, the transitions of every score
 * type, and the final functions and _of scalars of its measures
 * (NPS_SCALE_MEASURES).  The same shape as nps_state's in nps_pg.c, over the
 * core's scale state (core/nps_scale.h, S1-S7).
 *
 * The C functions are named after the SQL ones; each is a line of a macro
 * that passes its scale to one routine here, so the scales share every
 * routine and differ only in their nps_scale.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "nps.h"
#include "nps_pg.h"

#include "../sql/surface.h"

/*
 * A scale's SQL state type, a varlena; its layout is a stored format, as
 * PgNpsState's is (nps_pg.c): `layout` says which.
 */
typedef struct PgScaleState {
    int32 vl_len_;        /* varlena header; never touch directly */
    uint32 layout;        /* SCALE_LAYOUT */
    nps_scale_state core; /* the core's state, in this machine's byte order */
} PgScaleState;

/* Layout 1: the core's scale state of format 1. */
#define SCALE_LAYOUT 1

StaticAssertDecl(offsetof(PgScaleState, core) % 8 == 0, "the core state is 8-byte aligned");

/* A new state value holding s. */
static PgScaleState *new_state(const nps_scale_state *s)
{
    PgScaleState *out = (PgScaleState *)palloc0(sizeof *out);

    SET_VARSIZE(out, sizeof *out);
    out->layout = SCALE_LAYOUT;
    out->core = *s;
    return out;
}

/* Argument n, a state of scale k: checked for its size, layout and scale,
 * since it may come from a table written by another release. */
static PgScaleState *state_arg(FunctionCallInfo fcinfo, nps_scale k, int n)
{
    PgScaleState *s = (PgScaleState *)PG_DETOAST_DATUM(PG_GETARG_DATUM(n));

    if (unlikely(VARSIZE(s) != sizeof *s || s->layout != SCALE_LAYOUT || s->core.scale != (int)k))
        raise_status(nps_scale_status(k, NPS_SE_VERSION), caller_name(fcinfo), "");
    return s;
}

/* The state a transition step updates: in place inside an aggregate, a copy otherwise. */
static inline PgScaleState *trans_state(FunctionCallInfo fcinfo, nps_scale k)
{
    if (in_aggregate(fcinfo))
        return (PgScaleState *)PG_GETARG_POINTER(0);
    return new_state(&state_arg(fcinfo, k, 0)->core);
}

/* Add (remove 0) or take out one score, weighted or not.  A weighted
 * remove that cannot be exact returns NULL: PostgreSQL then recomputes the
 * window frame (R10). */
static Datum step(FunctionCallInfo fcinfo, nps_scale k, int64 score, int weighted, int remove)
{
    PgScaleState *s = trans_state(fcinfo, k);
    double w = weighted ? weight_arg(fcinfo, 2) : 0.0;
    nps_status st;

    if (weighted)
        st = remove ? nps_scale_remove_weighted(&s->core, score, w)
                    : nps_scale_add_weighted(&s->core, score, w);
    else
        st = remove ? nps_scale_remove(&s->core, score) : nps_scale_add(&s->core, score);
    if (st == NPS_E_INEXACT)
        PG_RETURN_NULL();
    check_update(fcinfo, st);
    PG_RETURN_POINTER(s);
}

/* <state>_merge(a, b): the merged state, NULL + s = s; also the transition
 * over states and the COMBINEFUNC (in place there). */
static Datum merge(FunctionCallInfo fcinfo, nps_scale k)
{
    PgScaleState *s;

    if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
        PG_RETURN_NULL();
    if (PG_ARGISNULL(0))
        PG_RETURN_POINTER(new_state(&state_arg(fcinfo, k, 1)->core));
    s = trans_state(fcinfo, k);
    if (!PG_ARGISNULL(1))
        check_update(fcinfo, nps_scale_merge(&s->core, &state_arg(fcinfo, k, 1)->core));
    PG_RETURN_POINTER(s);
}

/* <state>_unmerge(a, b): take a merged state out again (a row leaving a
 * window frame); NULL when that cannot be exact. */
static Datum unmerge(FunctionCallInfo fcinfo, nps_scale k)
{
    PgScaleState *s = trans_state(fcinfo, k);
    nps_status st = nps_scale_unmerge(&s->core, &state_arg(fcinfo, k, 1)->core);

    if (st == NPS_E_INEXACT)
        PG_RETURN_NULL();
    check_update(fcinfo, st);
    PG_RETURN_POINTER(s);
}

/* One result of a state at a confidence; no value gives NULL (R5, S4). */
static Datum measure_of(FunctionCallInfo fcinfo, const nps_scale_state *s, nps_scale_measure m,
                        double confidence)
{
    double out;
    nps_status st = nps_scale_compute(s, m, confidence, &out);

    if (st == NPS_EMPTY)
        PG_RETURN_NULL();
    if (st == NPS_E_CONFIDENCE)
        raise_double(fcinfo, st, confidence);
    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), "");
    PG_RETURN_FLOAT8(out);
}

/* The JSON summary of a state, NULL without rows. */
static Datum summary_result(FunctionCallInfo fcinfo, const nps_scale_state *s)
{
    char json[NPS_SCALE_SUMMARY_MAX];

    if (nps_scale_summary_json(s, json, sizeof json) != NPS_OK)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(cstring_to_text(json));
}

/* The state of the aggregate whose final function runs (STRICT: never NULL). */
static inline const nps_scale_state *agg_core(FunctionCallInfo fcinfo)
{
    return &((PgScaleState *)PG_GETARG_POINTER(0))->core;
}

/* Final functions and _of scalars, by kind of result (sql/surface.h). */
static Datum final_number(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    return measure_of(fcinfo, agg_core(fcinfo), m, NPS_DEFAULT_CONFIDENCE);
}

static Datum final_state(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    if (agg_core(fcinfo)->rows == 0)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(new_state(agg_core(fcinfo)));
}

static Datum final_summary(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    return summary_result(fcinfo, agg_core(fcinfo));
}

static Datum of_number(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    return measure_of(fcinfo, &state_arg(fcinfo, k, 0)->core, m,
                      PG_NARGS() > 1 ? PG_GETARG_FLOAT8(1) : NPS_DEFAULT_CONFIDENCE);
}

static Datum of_summary(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    return summary_result(fcinfo, &state_arg(fcinfo, k, 0)->core);
}

static Datum of_rows(FunctionCallInfo fcinfo, nps_scale k, nps_scale_measure m)
{
    PG_RETURN_INT64(state_arg(fcinfo, k, 0)->core.rows);
}

/* Raise a decoding error of a binary state of len bytes. */
pg_noreturn static void raise_decode(nps_scale k, nps_status st, size_t len)
{
    char value[NPS_VALUE_MAX];

    nps_render_int((int64)len, value, sizeof value);
    raise_status(st, nps_scale_describe(k)->state, value);
}

/* A state read from the core's binary format (S6); never trusted. */
static PgScaleState *state_from_bytes(nps_scale k, const char *buf, size_t len)
{
    nps_scale_state core;
    nps_status st = nps_scale_decode(k, (const uint8_t *)buf, len, &core);

    if (st != NPS_OK)
        raise_decode(k, st, len);
    return new_state(&core);
}

/* Text input: the core's text form, checked. */
static Datum state_in(FunctionCallInfo fcinfo, nps_scale k)
{
    char *str = PG_GETARG_CSTRING(0);
    nps_scale_state core;
    nps_status st = nps_scale_from_text(k, str, &core);

    if (st != NPS_OK)
        raise_text(nps_scale_describe(k)->state, st, str, strlen(str));
    PG_RETURN_POINTER(new_state(&core));
}

/* Text output: read back exactly by the input. */
static Datum state_out(FunctionCallInfo fcinfo, nps_scale k)
{
    char buf[NPS_SCALE_TEXT_MAX];

    nps_scale_to_text(&state_arg(fcinfo, k, 0)->core, buf, sizeof buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

/* Binary input: the core's format 1, checked. */
static Datum state_recv(FunctionCallInfo fcinfo, nps_scale k)
{
    StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
    int len = buf->len - buf->cursor;
    PgScaleState *s = state_from_bytes(k, buf->data + buf->cursor, (size_t)len);

    buf->cursor = buf->len;
    PG_RETURN_POINTER(s);
}

/* Binary output and the cast to bytea: the same bytes as SQLite's blob. */
static Datum state_send(FunctionCallInfo fcinfo, nps_scale k)
{
    bytea *out = (bytea *)palloc(VARHDRSZ + NPS_SCALE_BYTES);
    size_t len = nps_scale_encode(&state_arg(fcinfo, k, 0)->core, (uint8_t *)VARDATA(out));

    SET_VARSIZE(out, VARHDRSZ + len);
    PG_RETURN_BYTEA_P(out);
}

/* Cast bytea -> the state: decoded and checked; another state's bytes are named. */
static Datum state_from_bytea(FunctionCallInfo fcinfo, nps_scale k)
{
    bytea *b = PG_GETARG_BYTEA_PP(0);

    PG_RETURN_POINTER(state_from_bytes(k, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

/* A weight given with a state: always an error, as in SQLite. */
static Datum weighted_state(FunctionCallInfo fcinfo, nps_scale k)
{
    raise_status(nps_scale_status(k, NPS_SE_WEIGHT_STATE), caller_name(fcinfo), "");
}

/* A C function fn calling routine(fcinfo, args...). */
#define CALL(fn, ...)                                                                              \
    PG_FUNCTION_INFO_V1(fn);                                                                       \
    Datum fn(PG_FUNCTION_ARGS)                                                                     \
    {                                                                                              \
        return __VA_ARGS__;                                                                        \
    }

/* SCALE_ID_<scale>: the nps_scale of each row of NPS_SCALES. */
#define SCALE_ID(scale, id, empty, scores) static const nps_scale SCALE_ID_##scale = id;
NPS_SCALES(SCALE_ID)

/* The transitions of scale S for score type T. */
#define TRANSITIONS(T, sql, noun, S)                                                               \
    CALL(S##_state_add_##T, step(fcinfo, SCALE_ID_##S, SCALE_SCORE_##T(SCALE_ID_##S, 1), 0, 0))    \
    CALL(S##_state_remove_##T, step(fcinfo, SCALE_ID_##S, SCALE_SCORE_##T(SCALE_ID_##S, 1), 0, 1)) \
    CALL(S##_state_add_weighted_##T,                                                               \
         step(fcinfo, SCALE_ID_##S, SCALE_SCORE_##T(SCALE_ID_##S, 1), 1, 0))                       \
    CALL(S##_state_remove_weighted_##T,                                                            \
         step(fcinfo, SCALE_ID_##S, SCALE_SCORE_##T(SCALE_ID_##S, 1), 1, 1))

/* The objects of each scale's state type. */
#define STATE_FUNCTIONS(S, id, empty, scores)                                                      \
    CALL(S##_state_in, state_in(fcinfo, id))                                                       \
    CALL(S##_state_out, state_out(fcinfo, id))                                                     \
    CALL(S##_state_recv, state_recv(fcinfo, id))                                                   \
    CALL(S##_state_send, state_send(fcinfo, id))                                                   \
    CALL(S##_state_from_bytea, state_from_bytea(fcinfo, id))                                       \
    CALL(S##_state_merge, merge(fcinfo, id))                                                       \
    CALL(S##_state_unmerge, unmerge(fcinfo, id))                                                   \
    CALL(S##_state_weighted_state, weighted_state(fcinfo, id))                                     \
    NPS_SCORE_TYPES_FOR(TRANSITIONS, S)

NPS_SCALES(STATE_FUNCTIONS)

/* The final function and _of scalar of each measure of a scale, calling the
 * routine of its kind of result (final_<result>, of_<result>): a kind
 * without one does not compile. */
#define DEFINE_no(fn, routine, k, m)
#define DEFINE_yes(fn, routine, k, m) CALL(fn, routine(fcinfo, k, m))
#define DEFINE_confidence DEFINE_yes
#define MEASURE_FUNCTIONS(S, name, final, result, measure, aggregate, of, about, final_about,      \
                          of_about)                                                                \
    DEFINE_##aggregate(S##_final_##final, final_##result, SCALE_ID_##S, measure)                   \
        DEFINE_##of(name##_of, of_##result, SCALE_ID_##S, measure)

NPS_SCALE_MEASURES(MEASURE_FUNCTIONS)
