/*
 * nps_sqlite.h -- what the files of the SQLite wrapper share: the API
 * pointer of the loader, the row of a registration table, and the reading
 * of arguments and the errors that name them (args.c).  nps_sqlite.c
 * registers the aggregates and scalars of the contract, and the rows of
 * programme.c, the programme toolkit's functions.
 *
 * The user data of every registered function is its row, whose first
 * member is the function's SQL name, so the helpers below name the
 * function in their messages whichever table registered it.
 */
#ifndef NPS_SQLITE_H
#define NPS_SQLITE_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "nps.h"

/* SQLite's subtype of JSON text, so that json() and json_object() embed a
 * summary or a migration table as an object. */
#define JSON_SUBTYPE 74

/* Shared between the wrapper's files, invisible outside the library. */
#if defined(__GNUC__) && !defined(_WIN32)
#define NPS_INTERNAL __attribute__((visibility("hidden")))
#else
#define NPS_INTERNAL
#endif

/* The xFunc of a scalar, the xStep and xInverse of an aggregate. */
typedef void (*nps_xfunc)(sqlite3_context *, int, sqlite3_value **);

/* One SQL function with its arity: a scalar (xfunc) or a window aggregate
 * (step, value as xFinal and xValue, inverse).  Rows are written with
 * NPS_SCALAR or nps_sqlite.c's AGGREGATE, which take every pointer the
 * row needs, so a row cannot leave one out. */
typedef struct nps_function {
    const char *name; /* first: the helpers below read it from the user data */
    int nargs;
    int flags;
    nps_measure measure; /* what a function serving several measures computes */
    nps_scale scale;     /* the scale of a CSAT or CES function (scale.c) */
    nps_scale_measure scale_measure;
    nps_xfunc xfunc;
    nps_xfunc step, inverse;
    void (*value)(sqlite3_context *);
} nps_function;

/* The row of a scalar. */
#define NPS_SCALAR(fn_name, fn_nargs, fn_flags, fn_xfunc)                                          \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .xfunc = (fn_xfunc)           \
    }

/* A pure function of its arguments (every aggregate and most scalars). */
#define PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/* The rows of programme.c, registered after those of nps_sqlite.c. */
NPS_INTERNAL extern const nps_function nps_programme_functions[];
NPS_INTERNAL extern const size_t nps_programme_count;
/* The rows of pair.c (paired waves), registered after those. */
NPS_INTERNAL extern const nps_function nps_pair_functions[];
NPS_INTERNAL extern const size_t nps_pair_count;
/* The rows of infer.c, registered after those of programme.c. */
NPS_INTERNAL extern const nps_function nps_infer_functions[];
NPS_INTERNAL extern const size_t nps_infer_count;

/* The rows of bayes.c, the small-segment scalars, registered after those. */
NPS_INTERNAL extern const nps_function nps_bayes_functions[];
NPS_INTERNAL extern const size_t nps_bayes_count;
/* The rows of scale.c, CSAT and CES, registered last. */
NPS_INTERNAL extern const nps_function nps_scale_functions[];
NPS_INTERNAL extern const size_t nps_scale_count;
/* The flags of a function whose result carries a subtype (JSON). */
#ifdef SQLITE_RESULT_SUBTYPE
#define JSON_RESULT (PURE | SQLITE_RESULT_SUBTYPE)
#else
#define JSON_RESULT PURE
#endif

/* Read argument i (0-based) of a scalar that takes states; 0 after failing
 * ctx with an error that names the argument (name_it: the function takes
 * several states). */
NPS_INTERNAL int state_arg(sqlite3_context *ctx, sqlite3_value **argv, int i, int name_it,
                           nps_state *s);
/* Render the offending SQL value of an error: number, quoted text, or a blob
 * (its byte count where the message is about a malformed state). */
NPS_INTERNAL void render_value(sqlite3_value *v, nps_status st, char buf[NPS_VALUE_MAX]);
/* Fail the statement with the core's text for st, naming fn and a value
 * already rendered. */
NPS_INTERNAL void fail_as(sqlite3_context *ctx, nps_status st, const char *fn, const char *value);
/* Fail the statement with the core's text for st, naming the SQL function
 * and a value already rendered. */
NPS_INTERNAL void fail_text(sqlite3_context *ctx, nps_status st, const char *value);
/* Fail the statement with the core's text for st, naming the SQL function and the value. */
NPS_INTERNAL void fail(sqlite3_context *ctx, nps_status st, sqlite3_value *culprit);
/* A score from a non-NULL value of that type: integer, or real or text
 * holding a whole number 0..10 (R1); NPS_EMPTY for blank text. */
NPS_INTERNAL nps_status score_of(sqlite3_value *v, int type, int64_t *score);
/* A number from a non-NULL value: integer, real, or text that reads as one. */
NPS_INTERNAL nps_status number_of(sqlite3_value *v, double *out);
/* A weight from a non-NULL value (R6); 0 after failing ctx with an error
 * that names the value. */
NPS_INTERNAL int weight_of(sqlite3_context *ctx, sqlite3_value *v, double *w);
/* True when any argument is NULL: every scalar then returns NULL. */
NPS_INTERNAL int any_null(int argc, sqlite3_value **argv);
/* Read a score 0..10 and a language ('en' when absent); 0 when the call
 * already has its result: NULL for a NULL argument, or an error. */
NPS_INTERNAL int score_and_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                                int64_t *score, const char **lang, int *lang_len);

#endif
