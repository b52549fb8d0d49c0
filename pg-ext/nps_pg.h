/*
 * nps_pg.h -- what the files of the PostgreSQL wrapper share: raising the
 * core's errors and reading a score argument the way every function does
 * (defined in nps_pg.c), and the shims between PostgreSQL majors (compat.h).
 */
#ifndef NPS_PG_H
#define NPS_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "utils/numeric.h"

#include "compat.h"
#include "nps.h"

/* Raise the core's error for st, naming fn and the rendered value. */
pg_noreturn void raise_status(nps_status st, const char *fn, const char *value);
/* Raise st for a text value, quoted by the core. */
pg_noreturn void raise_text(const char *fn, nps_status st, const char *text, size_t len);
/* Raise st for an integer value, naming the SQL function the user called. */
pg_noreturn void raise_int(FunctionCallInfo fcinfo, nps_status st, int64 v);
/* Name of the SQL function the user called (the aggregate, inside one). */
const char *caller_name(FunctionCallInfo fcinfo);
/* A score held in a double or a numeric, checked as nps_category checks it (R1). */
int64 score_float8(FunctionCallInfo fcinfo, double v);
int64 score_numeric(FunctionCallInfo fcinfo, Numeric num);

#endif
