/*
 * compat.h -- what differs between the PostgreSQL majors the extension
 * builds against (14 to 19), in one place: one shim per difference, each
 * keyed on PG_VERSION_NUM and saying which release changed what.  The
 * files of the wrapper write the newest spelling and include this header
 * (through nps_pg.h) after postgres.h.
 *
 * Also kept for every major: a function without parameters is declared
 * (void), not (), since 20 (in development) builds with -Wstrict-prototypes
 * and -Wold-style-definition.
 *
 * Not needed: stringToQualifiedNameList() took a second argument
 * (escontext) in 16; the wrapper does not call it (alert names are split
 * with SplitIdentifierString(), the same in every major).  Were it called
 * again, the shim would be: before 160000, define it with the second
 * argument dropped, and pass NULL everywhere.
 */
#ifndef NPS_PG_COMPAT_H
#define NPS_PG_COMPAT_H

#include "postgres.h"

/*
 * pg_noreturn, written before a declaration (pg_noreturn static void
 * f(...)): 18 added it and removed pg_attribute_noreturn(), which earlier
 * majors write after the return type.  Before 18 it is that attribute,
 * which GCC and Clang also take before the declaration.
 */
#if PG_VERSION_NUM < 180000 && !defined(pg_noreturn)
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * RelationGetPrimaryKeyIndex(rel, deferrable_ok): 18 added the second
 * argument.  Earlier majors never return a deferrable primary key, so false
 * keeps their behaviour in every major.
 */
#if PG_VERSION_NUM >= 180000
#define nps_primary_key_index(rel) RelationGetPrimaryKeyIndex((rel), false)
#else
#define nps_primary_key_index(rel) RelationGetPrimaryKeyIndex(rel)
#endif

/*
 * A date as a timestamp, false when it is out of the timestamp range:
 * 13 to 18 call date2timestamp_opt_overflow(date, &overflow); 19 replaced it
 * with date2timestamp_safe(date, escontext), which reports the overflow in
 * an ErrorSaveContext (16 and later) instead.
 */
#if PG_VERSION_NUM >= 190000
#include "nodes/miscnodes.h"
#include "utils/date.h"
static inline bool nps_date_to_timestamp(DateADT date, Timestamp *out)
{
    ErrorSaveContext escontext = {.type = T_ErrorSaveContext, .error_occurred = false};

    *out = date2timestamp_safe(date, (Node *)&escontext);
    return !escontext.error_occurred;
}
#else
#include "utils/date.h"
static inline bool nps_date_to_timestamp(DateADT date, Timestamp *out)
{
    int overflow = 0;

    *out = date2timestamp_opt_overflow(date, &overflow);
    return overflow == 0;
}
#endif

/*
 * The varlena macros (VARSIZE, SET_VARSIZE, VARDATA, VARDATA_ANY, ...): 16
 * moved them from postgres.h to varatt.h, which postgres.h still included
 * up to 18; 19 no longer includes it.  Before 16 there is no varatt.h.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#endif
