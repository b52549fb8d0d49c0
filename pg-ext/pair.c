/*
 * pair.c -- the PostgreSQL face of paired waves (W1-W5 of core/nps.h): the
 * nps_pair_state type, the support functions of the aggregates
 * nps_change, nps_change_pvalue, nps_migration and nps_pair_state, their
 * _of scalars and nps_pair_state_merge.  The SQL objects are declared in
 * sql/nps.sql (from sql/nps.sql.tmpl); the transition functions of each
 * score type come from ../sql/surface.h.
 *
 * nps_pair_state is a varlena: a layout version, then the core pair state.
 * Text form, binary form and bytea cast are the core's (pair format 1, the
 * same bytes as SQLite's pair state blob).  Inside an aggregate a
 * transition updates its state in place; called directly, a copy.
 */
#include "postgres.h"

#include <string.h>

#include "fmgr.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "nps.h"
#include "nps_pg.h"

#include "../sql/surface.h"

/* The SQL type nps_pair_state; as stored in tables, so `layout` says which. */
typedef struct PgPairState {
    int32 vl_len_;       /* varlena header; never touch directly */
    uint32 layout;       /* PG_PAIR_LAYOUT */
    nps_pair_state core; /* the core's pair state, in this machine's byte order */
} PgPairState;

/* Layout 1: the core pair state of pair format 1. */
#define PG_PAIR_LAYOUT 1

StaticAssertDecl(offsetof(PgPairState, core) % 8 == 0, "the core pair state is 8-byte aligned");

/* Name used in the errors of the type's input, receive and cast. */
#define PAIR_FN "nps_pair_state"

/* A new pair state value holding s. */
static PgPairState *new_pair(const nps_pair_state *s)
{
    PgPairState *out = (PgPairState *)palloc0(sizeof *out);

    SET_VARSIZE(out, sizeof *out);
    out->layout = PG_PAIR_LAYOUT;
    out->core = *s;
    return out;
}

/* Argument n, an nps_pair_state value, checked for its size and layout. */
static PgPairState *pair_arg(FunctionCallInfo fcinfo, int n)
{
    PgPairState *s = (PgPairState *)PG_DETOAST_DATUM(PG_GETARG_DATUM(n));

    if (unlikely(VARSIZE(s) != sizeof *s || s->layout != PG_PAIR_LAYOUT))
        raise_status(NPS_E_PAIR_VERSION, caller_name(fcinfo), "");
    return s;
}

/* The pair state a transition step updates: in place inside an aggregate. */
static inline PgPairState *trans_pair(FunctionCallInfo fcinfo)
{
    if (in_aggregate(fcinfo))
        return (PgPairState *)PG_GETARG_POINTER(0);
    return new_pair(&pair_arg(fcinfo, 0)->core);
}

/* Transition functions of each score type: add and remove one pair, each
 * score read and checked as the score aggregates read it (R1). */
#define PAIR_TRANSITIONS(T, sql, noun)                                                             \
    PG_FUNCTION_INFO_V1(nps_pair_add_##T);                                                         \
    /* Count one pair. */                                                                          \
    Datum nps_pair_add_##T(PG_FUNCTION_ARGS)                                                       \
    {                                                                                              \
        PgPairState *s = trans_pair(fcinfo);                                                       \
        int64 before = SCORE_##T(1), after = SCORE_##T(2);                                         \
        check_update(fcinfo, nps_pair_add(&s->core, before, after));                               \
        PG_RETURN_POINTER(s);                                                                      \
    }                                                                                              \
    PG_FUNCTION_INFO_V1(nps_pair_remove_##T);                                                      \
    /* Take one pair out again (a row leaving a window frame). */                                  \
    Datum nps_pair_remove_##T(PG_FUNCTION_ARGS)                                                    \
    {                                                                                              \
        PgPairState *s = trans_pair(fcinfo);                                                       \
        int64 before = SCORE_##T(1), after = SCORE_##T(2);                                         \
        check_update(fcinfo, nps_pair_remove(&s->core, before, after));                            \
        PG_RETURN_POINTER(s);                                                                      \
    }

NPS_SCORE_TYPES(PAIR_TRANSITIONS)

PG_FUNCTION_INFO_V1(nps_pair_weighted);
/* A third argument (a weight) given to a pair aggregate: always an error. */
Datum nps_pair_weighted(PG_FUNCTION_ARGS)
{
    raise_status(NPS_E_PAIR_WEIGHT, caller_name(fcinfo), "");
}

PG_FUNCTION_INFO_V1(nps_pair_state_merge);
/* nps_pair_state_merge(a, b): the merged pair state, NULL + s = s; also the
 * transition over pair states and the COMBINEFUNC (in place there). */
Datum nps_pair_state_merge(PG_FUNCTION_ARGS)
{
    PgPairState *s;

    if (PG_ARGISNULL(0) && PG_ARGISNULL(1))
        PG_RETURN_NULL();
    if (PG_ARGISNULL(0))
        PG_RETURN_POINTER(new_pair(&pair_arg(fcinfo, 1)->core));
    s = trans_pair(fcinfo);
    if (!PG_ARGISNULL(1))
        check_update(fcinfo, nps_pair_merge(&s->core, &pair_arg(fcinfo, 1)->core));
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_pair_state_unmerge);
/* Take a merged pair state out again (a row leaving a window frame). */
Datum nps_pair_state_unmerge(PG_FUNCTION_ARGS)
{
    PgPairState *s = trans_pair(fcinfo);

    check_update(fcinfo, nps_pair_unmerge(&s->core, &pair_arg(fcinfo, 1)->core));
    PG_RETURN_POINTER(s);
}

/* A number a pair state gives (change or p-value); NULL when it has none. */
static Datum pair_number(FunctionCallInfo fcinfo, const nps_pair_state *s,
                         nps_status (*compute)(const nps_pair_state *, double *))
{
    double v;

    if (compute(s, &v) != NPS_OK)
        PG_RETURN_NULL();
    PG_RETURN_FLOAT8(v);
}

/* The migration table of a pair state as json text; NULL without pairs. */
static Datum pair_migration(FunctionCallInfo fcinfo, const nps_pair_state *s)
{
    char json[NPS_MIGRATION_MAX];

    if (nps_pair_migration_json(s, json, sizeof json) != NPS_OK)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(cstring_to_text(json));
}

/* The state of the aggregate whose final function runs (STRICT: never NULL). */
#define AGG_PAIR (&((PgPairState *)PG_GETARG_POINTER(0))->core)

PG_FUNCTION_INFO_V1(nps_pair_final_change);
/* Final function of nps_change(): nps(after) - nps(before) in points (W2). */
Datum nps_pair_final_change(PG_FUNCTION_ARGS)
{
    return pair_number(fcinfo, AGG_PAIR, nps_pair_change);
}

PG_FUNCTION_INFO_V1(nps_pair_final_pvalue);
/* Final function of nps_change_pvalue(): the paired p-value (W3). */
Datum nps_pair_final_pvalue(PG_FUNCTION_ARGS)
{
    return pair_number(fcinfo, AGG_PAIR, nps_pair_pvalue);
}

PG_FUNCTION_INFO_V1(nps_pair_final_migration);
/* Final function of nps_migration(): the 3 x 3 table as JSON (W4). */
Datum nps_pair_final_migration(PG_FUNCTION_ARGS)
{
    return pair_migration(fcinfo, AGG_PAIR);
}

PG_FUNCTION_INFO_V1(nps_pair_final_state);
/* Final function of nps_pair_state(): a copy of the state, NULL without pairs. */
Datum nps_pair_final_state(PG_FUNCTION_ARGS)
{
    if (AGG_PAIR->rows == 0)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(new_pair(AGG_PAIR));
}

PG_FUNCTION_INFO_V1(nps_change_of);
/* nps_change_of(st): the change of one pair state. */
Datum nps_change_of(PG_FUNCTION_ARGS)
{
    return pair_number(fcinfo, &pair_arg(fcinfo, 0)->core, nps_pair_change);
}

PG_FUNCTION_INFO_V1(nps_change_pvalue_of);
/* nps_change_pvalue_of(st): the paired p-value of one pair state. */
Datum nps_change_pvalue_of(PG_FUNCTION_ARGS)
{
    return pair_number(fcinfo, &pair_arg(fcinfo, 0)->core, nps_pair_pvalue);
}

PG_FUNCTION_INFO_V1(nps_migration_of);
/* nps_migration_of(st): the migration table of one pair state. */
Datum nps_migration_of(PG_FUNCTION_ARGS)
{
    return pair_migration(fcinfo, &pair_arg(fcinfo, 0)->core);
}

/* A pair state read from the core's binary format (W5); never trusted. */
static PgPairState *pair_from_bytes(const char *buf, size_t len)
{
    nps_pair_state core;
    nps_status st = nps_pair_decode((const uint8_t *)buf, len, &core);

    if (st != NPS_OK) {
        char value[NPS_VALUE_MAX];

        nps_render_int((int64)len, value, sizeof value);
        raise_status(st, PAIR_FN, value);
    }
    return new_pair(&core);
}

PG_FUNCTION_INFO_V1(nps_pair_state_in);
/* Text input: the core's text form, checked. */
Datum nps_pair_state_in(PG_FUNCTION_ARGS)
{
    char *str = PG_GETARG_CSTRING(0);
    nps_pair_state core;

    if (nps_pair_from_text(str, &core) != NPS_OK)
        raise_text(PAIR_FN, NPS_E_PAIR_TEXT, str, strlen(str));
    PG_RETURN_POINTER(new_pair(&core));
}

PG_FUNCTION_INFO_V1(nps_pair_state_out);
/* Text output, read back exactly by nps_pair_state_in. */
Datum nps_pair_state_out(PG_FUNCTION_ARGS)
{
    char buf[NPS_PAIR_TEXT_MAX];

    nps_pair_to_text(&pair_arg(fcinfo, 0)->core, buf, sizeof buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

PG_FUNCTION_INFO_V1(nps_pair_state_recv);
/* Binary input: pair format 1, checked. */
Datum nps_pair_state_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo)PG_GETARG_POINTER(0);
    PgPairState *s = pair_from_bytes(buf->data + buf->cursor, (size_t)(buf->len - buf->cursor));

    buf->cursor = buf->len;
    PG_RETURN_POINTER(s);
}

PG_FUNCTION_INFO_V1(nps_pair_state_send);
/* Binary output and the cast to bytea: the same bytes as SQLite's blob. */
Datum nps_pair_state_send(PG_FUNCTION_ARGS)
{
    bytea *out = (bytea *)palloc(VARHDRSZ + NPS_PAIR_BYTES);
    size_t len = nps_pair_encode(&pair_arg(fcinfo, 0)->core, (uint8_t *)VARDATA(out));

    SET_VARSIZE(out, VARHDRSZ + len);
    PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(nps_pair_state_from_bytea);
/* Cast bytea -> nps_pair_state: decoded and checked by the core. */
Datum nps_pair_state_from_bytea(PG_FUNCTION_ARGS)
{
    bytea *b = PG_GETARG_BYTEA_PP(0);

    PG_RETURN_POINTER(pair_from_bytes(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}
