/*
 * nps_sqlite.h -- what the files of the SQLite wrapper share: the API
 * pointer of the loader, the error helpers and the reading of a score and
 * a language.  nps_sqlite.c registers the aggregates and scalars of the
 * contract, programme.c the programme toolkit's functions.
 *
 * The user data of every registered function is a const struct whose first
 * member is the function's SQL name (const char *), so the helpers below
 * name the function in their messages whichever table registered it.
 */
#ifndef NPS_SQLITE_H
#define NPS_SQLITE_H

#include <stdint.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "nps.h"

/* Shared between the wrapper's files, invisible outside the library. */
#if defined(__GNUC__) && !defined(_WIN32)
#define NPS_INTERNAL __attribute__((visibility("hidden")))
#else
#define NPS_INTERNAL
#endif

/* Fail the statement with the core's text for st, naming the SQL function
 * and a value already rendered. */
NPS_INTERNAL void fail_text(sqlite3_context *ctx, nps_status st, const char *value);
/* Fail the statement with the core's text for st, naming the SQL function and the value. */
NPS_INTERNAL void fail(sqlite3_context *ctx, nps_status st, sqlite3_value *culprit);
/* True when any argument is NULL: every scalar then returns NULL. */
NPS_INTERNAL int any_null(int argc, sqlite3_value **argv);
/* Read a score 0..10 and a language ('en' when absent); 0 when the call
 * already has its result: NULL for a NULL argument, or an error. */
NPS_INTERNAL int score_and_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                                int64_t *score, const char **lang, int *lang_len);

/* Register the programme toolkit's functions (programme.c); SQLITE_OK or
 * an error code with *pzErrMsg set, as sqlite3_nps_init() returns. */
NPS_INTERNAL int nps_programme_register(sqlite3 *db, char **pzErrMsg);

#endif
