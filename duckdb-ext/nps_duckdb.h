/*
 * nps_duckdb.h -- what the files of the DuckDB wrapper share: the C
 * extension API, the row of a registration table, and the reading of
 * argument columns and the errors that name them (args.c).
 *
 * DuckDB calls a function once per chunk of up to 2048 rows, with one
 * vector per argument.  Every argument is declared ANY, so a value arrives
 * with the type it has in the query (an INTEGER column, a DECIMAL literal,
 * VARCHAR from a CSV file, a BLOB state) and is read here as SQLite's
 * wrapper reads a value: by its type, at run time, the type looked up once
 * per chunk.  Errors are the core's nps_message() texts, so DuckDB says the
 * words SQLite and PostgreSQL say.
 */
#ifndef NPS_DUCKDB_H
#define NPS_DUCKDB_H

#include <stddef.h>
#include <stdint.h>

#include <duckdb_extension.h>
DUCKDB_EXTENSION_EXTERN

#include "nps.h"

/* Shared between the wrapper's files, invisible outside the library. */
#if defined(__GNUC__) && !defined(_WIN32)
#define NPS_INTERNAL __attribute__((visibility("hidden")))
#else
#define NPS_INTERNAL
#endif

/* The SQL type of a function's result. */
typedef enum nps_result_type {
    NPS_T_DOUBLE,
    NPS_T_BLOB,
    NPS_T_JSON, /* VARCHAR with the alias JSON */
    NPS_T_BIGINT,
    NPS_T_VARCHAR
} nps_result_type;

/* The callbacks an aggregate shares with the others over the same state:
 * those over an nps_state (nps_duckdb.c), those over a pair state (pair.c). */
typedef struct nps_aggregate {
    duckdb_aggregate_state_size size;
    duckdb_aggregate_init_t init;
    duckdb_aggregate_update_t update;
    duckdb_aggregate_combine_t combine;
} nps_aggregate;

/* One SQL function with its arity: a scalar (scalar) or an aggregate (agg
 * and its own finalize).  The row is the function's extra info, so every
 * callback knows which function it serves and names it in its errors.  Rows
 * of one name are adjacent in a table: they are registered as one set of
 * overloads. */
typedef struct nps_function {
    const char *name;
    int nargs;
    nps_result_type result;
    nps_measure measure; /* what a function serving several measures computes */
    nps_scale scale;     /* the scale of a CSAT or CES function (scale.c) */
    nps_scale_measure scale_measure;
    int handles_null; /* 1: called for NULL arguments too (nps_state_merge) */
    duckdb_scalar_function_t scalar;
    const nps_aggregate *agg;
    duckdb_aggregate_finalize_t finalize;
} nps_function;

/* The row of a scalar. */
#define NPS_SCALAR(fn_name, fn_nargs, fn_result, fn_scalar)                                        \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result), .scalar = (fn_scalar)       \
    }

/* The rows of pair.c (paired waves), registered after those of
 * nps_duckdb.c, then those of infer.c (inference beyond the point estimate
 * and small segments). */
NPS_INTERNAL extern const nps_function nps_pair_functions[];
NPS_INTERNAL extern const size_t nps_pair_count;
NPS_INTERNAL extern const nps_function nps_infer_functions[];
NPS_INTERNAL extern const size_t nps_infer_count;
/* The rows of scale.c, CSAT and CES, registered last. */
NPS_INTERNAL extern const nps_function nps_scale_functions[];
NPS_INTERNAL extern const size_t nps_scale_count;

/* One argument of a chunk: its vector's values and validity, and its type,
 * read once per chunk. */
typedef struct nps_col {
    duckdb_type type;     /* DUCKDB_TYPE_* of the values */
    duckdb_type internal; /* a DECIMAL's storage type */
    uint8_t scale;        /* a DECIMAL's scale */
    const void *data;
    const uint64_t *validity; /* NULL: every row is valid */
} nps_col;

/* A call of a function on one chunk: what an error needs to be raised. */
typedef struct nps_call {
    duckdb_function_info info;
    const nps_function *f;
    int aggregate; /* errors of aggregates and scalars are set by different calls */
} nps_call;

/* Open argument i of a chunk. */
NPS_INTERNAL void col_open(nps_col *c, duckdb_data_chunk chunk, idx_t i);
/* True when row is NULL. */
static inline int col_null(const nps_col *c, idx_t row)
{
    return c->validity != NULL && !((c->validity[row / 64] >> (row % 64)) & 1);
}
/* True for the integer types the hot path of an aggregate reads directly. */
static inline int col_is_int(const nps_col *c)
{
    return c->type == DUCKDB_TYPE_TINYINT || c->type == DUCKDB_TYPE_SMALLINT ||
           c->type == DUCKDB_TYPE_INTEGER || c->type == DUCKDB_TYPE_BIGINT;
}
/* The bytes of a VARCHAR or BLOB value (*len set), or NULL for another type. */
NPS_INTERNAL const char *col_bytes(const nps_col *c, idx_t row, size_t *len);
/* A score from a non-NULL value (R1): an integer type, a DECIMAL, FLOAT or
 * DOUBLE holding a whole number, text read by the core's rule (NPS_EMPTY for
 * blank text); NPS_E_SCORE_TYPE for a BLOB or any other type.  On NPS's
 * scale (scale < 0) or, for CSAT and CES, on the core's nps_scale (S1). */
NPS_INTERNAL nps_status col_score_on(const nps_col *c, idx_t row, int scale, int64_t *score);
static inline nps_status col_score(const nps_col *c, idx_t row, int64_t *score)
{
    return col_score_on(c, row, -1, score);
}
/* A number from a non-NULL value: any numeric type, or text that reads as one. */
NPS_INTERNAL nps_status col_number(const nps_col *c, idx_t row, double *out);
/* A weight from a non-NULL value (R6): a finite number >= 0 whose square is
 * finite; 0 after failing the call with an error that names the value. */
NPS_INTERNAL int col_weight(const nps_call *call, const nps_col *c, idx_t row, double *w);
/* An nps_state from a non-NULL value: a BLOB that decodes (R11). */
NPS_INTERNAL nps_status col_state(const nps_col *c, idx_t row, nps_state *s);
/* Render a value for a message: a number, quoted text, a blob as x'..' (its
 * byte count where the message is about a malformed state), or the kind of
 * a value of another type ("a boolean"). */
NPS_INTERNAL void col_render(const nps_col *c, idx_t row, nps_status st, char buf[NPS_VALUE_MAX]);

/* Fail the call with the core's text for st, naming fn and a value already
 * rendered.  The function returns at once: DuckDB raises the error then. */
NPS_INTERNAL void fail_as(const nps_call *call, nps_status st, const char *fn, const char *value);
/* The same, naming the SQL function. */
NPS_INTERNAL void fail_text(const nps_call *call, nps_status st, const char *value);
/* The same, naming the SQL function and the value in row of c (none when c is NULL). */
NPS_INTERNAL void fail(const nps_call *call, nps_status st, const nps_col *c, idx_t row);
/* Read argument i of a scalar that takes states, in row; 0 after failing
 * the call with an error that names the value (name_it: and the argument,
 * the function takes several states). */
NPS_INTERNAL int state_arg(const nps_call *call, const nps_col *c, idx_t row, int i, int name_it,
                           nps_state *s);

/* The call of a scalar on a chunk, with its columns opened (at most 6). */
#define NPS_MAX_ARGS 6
typedef struct nps_scalar_call {
    nps_call call;
    idx_t rows, nargs;
    nps_col col[NPS_MAX_ARGS];
    duckdb_vector out;
    uint64_t *out_validity; /* made writable on the first NULL result */
} nps_scalar_call;

/* Start the call of a scalar on a chunk. */
NPS_INTERNAL void scalar_open(nps_scalar_call *sc, duckdb_function_info info,
                              duckdb_data_chunk input, duckdb_vector output);
/* True when an argument of row is NULL: a strict scalar's result is then NULL. */
NPS_INTERNAL int scalar_any_null(const nps_scalar_call *sc, idx_t row);
/* Results of row: NULL, a double, text, a blob, a bigint. */
NPS_INTERNAL void result_null(nps_scalar_call *sc, idx_t row);
NPS_INTERNAL void result_double(nps_scalar_call *sc, idx_t row, double v);
NPS_INTERNAL void result_text(nps_scalar_call *sc, idx_t row, const char *text, size_t len);
NPS_INTERNAL void result_bigint(nps_scalar_call *sc, idx_t row, int64_t v);
/* Return a state as its binary form (R11) in row of a vector. */
NPS_INTERNAL void vector_state(duckdb_vector out, idx_t row, const nps_state *s);
/* Set row of a vector to NULL. */
NPS_INTERNAL void vector_null(duckdb_vector out, idx_t row);

#endif
