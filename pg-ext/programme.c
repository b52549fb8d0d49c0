/*
 * programme.c -- the programme toolkit's functions in PostgreSQL (P1-P5 of
 * core/nps.h): nps_sample_key(), nps_casefold() and nps_themes_of() (pure),
 * nps_followup_question() (reads an optional override table), and
 * nps_alert_on() / nps_alert_off(), which check their arguments with the
 * core's messages and create or drop the trigger whose function is in
 * alert.c.
 *
 * Nothing here resolves a name through the caller's search_path but the
 * table the caller names: the programme's tables are looked up in a given
 * schema (the extension's, or the alerted table's), and only when a role the
 * caller trusts owns them (trusted_relation); every query names them by
 * schema and calls pg_catalog's functions and operators by theirs.
 */
#include "postgres.h"

#include <string.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "commands/dbcommands.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/pg_list.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/varlena.h"

#include "nps.h"
#include "nps_pg.h"

#include "../sql/surface.h"

PG_FUNCTION_INFO_V1(nps_sample_key_text);
/* nps_sample_key(key text, seed text): the sampling key of P1. */
Datum nps_sample_key_text(PG_FUNCTION_ARGS)
{
    text *key = PG_GETARG_TEXT_PP(0);
    text *seed = PG_GETARG_TEXT_PP(1);

    PG_RETURN_INT64(nps_sample_key(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key), VARDATA_ANY(seed),
                                   VARSIZE_ANY_EXHDR(seed)));
}

PG_FUNCTION_INFO_V1(nps_sample_key_int8);
/* nps_sample_key(key bigint, seed text): the key of its decimal digits, as
 * SQLite hashes an integer. */
Datum nps_sample_key_int8(PG_FUNCTION_ARGS)
{
    char digits[NPS_VALUE_MAX];
    text *seed = PG_GETARG_TEXT_PP(1);

    nps_render_int(PG_GETARG_INT64(0), digits, sizeof digits);
    PG_RETURN_INT64(
        nps_sample_key(digits, strlen(digits), VARDATA_ANY(seed), VARSIZE_ANY_EXHDR(seed)));
}

PG_FUNCTION_INFO_V1(nps_casefold_text);
/* nps_casefold(text): the letters in lower case (P2), whatever the locale. */
Datum nps_casefold_text(PG_FUNCTION_ARGS)
{
    text *in = PG_GETARG_TEXT_PP(0);
    size_t len = VARSIZE_ANY_EXHDR(in);
    text *out = (text *)palloc(VARHDRSZ + len);

    SET_VARSIZE(out, VARHDRSZ + nps_casefold(VARDATA_ANY(in), len, VARDATA(out)));
    PG_RETURN_TEXT_P(out);
}

PG_FUNCTION_INFO_V1(nps_themes_of_text);
/* nps_themes_of(text, phrases): the themes of a list of phrases (P5) that
 * the text mentions once both are case-folded, as a JSON array. */
Datum nps_themes_of_text(PG_FUNCTION_ARGS)
{
    text *in = PG_GETARG_TEXT_PP(0), *list = PG_GETARG_TEXT_PP(1);
    size_t len = VARSIZE_ANY_EXHDR(in), list_len = VARSIZE_ANY_EXHDR(list);
    char *folded = palloc(len + 1);
    text *out = (text *)palloc(VARHDRSZ + NPS_THEMES_JSON_MAX(list_len));
    size_t folded_len = nps_casefold(VARDATA_ANY(in), len, folded);

    SET_VARSIZE(out, VARHDRSZ + nps_themes_json(folded, folded_len, VARDATA_ANY(list), list_len,
                                                VARDATA(out)));
    pfree(folded);
    PG_RETURN_TEXT_P(out);
}

/*
 * Whether the extension may read or write a relation it found for the
 * current user: its owner is a superuser, the owner of its schema, or a role
 * whose privileges the current user has.  Anything else was put there by
 * another role, and reading it (a view, a policy, a trigger) could run that
 * role's code with the current user's rights.
 */
static bool trusted_relation(Oid relid)
{
    HeapTuple tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
    Oid owner, schema, schema_owner = InvalidOid;

    if (!HeapTupleIsValid(tup))
        return false;
    owner = ((Form_pg_class)GETSTRUCT(tup))->relowner;
    schema = ((Form_pg_class)GETSTRUCT(tup))->relnamespace;
    ReleaseSysCache(tup);
    tup = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(schema));
    if (HeapTupleIsValid(tup)) {
        schema_owner = ((Form_pg_namespace)GETSTRUCT(tup))->nspowner;
        ReleaseSysCache(tup);
    }
    return superuser_arg(owner) || owner == schema_owner || has_privs_of_role(GetUserId(), owner);
}

/* The relation of that name in a schema, of one of the kinds (relkind
 * letters) and trusted; InvalidOid when there is none. */
static Oid schema_relation(Oid schema, const char *name, const char *kinds)
{
    Oid relid = OidIsValid(schema) ? get_relname_relid(name, schema) : InvalidOid;
    char kind = OidIsValid(relid) ? get_rel_relkind(relid) : '\0';

    if (kind == '\0' || strchr(kinds, kind) == NULL || !trusted_relation(relid))
        return InvalidOid;
    return relid;
}

/* Schema-qualified, quoted name of a relation. */
static char *qualified_name(Oid relid)
{
    return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
                                      get_rel_name(relid));
}

/* The schema of the extension: the one of the function being called. */
static Oid extension_schema(FunctionCallInfo fcinfo)
{
    return get_func_namespace(fcinfo->flinfo->fn_oid);
}

/*
 * The override of nps_followup_questions(category, lang, question) in the
 * extension's schema for a category and language; NULL when there is none.
 * *lang_known tells whether the table has a question of that language for
 * any category.
 */
static text *override_question(Oid schema, int category, text *lang, bool *lang_known)
{
    Oid relid = schema_relation(schema, "nps_followup_questions", "rvmpf");
    Oid types[1] = {TEXTOID};
    Datum values[1] = {PointerGetDatum(lang)};
    const char *want = nps_category_name(category);
    text *found = NULL;
    char *sql;
    uint64 i;

    *lang_known = false;
    if (!OidIsValid(relid))
        return NULL;
    sql = psprintf("SELECT category::pg_catalog.text, question::pg_catalog.text FROM %s"
                   " WHERE pg_catalog.lower(lang::pg_catalog.text) OPERATOR(pg_catalog.=)"
                   " pg_catalog.lower($1) AND question IS NOT NULL",
                   qualified_name(relid));
    if (SPI_connect() != SPI_OK_CONNECT)
        elog(ERROR, "nps_followup_question: SPI_connect failed");
    if (SPI_execute_with_args(sql, 1, types, values, NULL, true, 0) != SPI_OK_SELECT)
        elog(ERROR, "nps_followup_question: reading %s failed", sql);
    *lang_known = SPI_processed > 0;
    for (i = 0; i < SPI_processed && found == NULL; i++) {
        char *cat = SPI_getvalue(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1);
        bool isnull;
        Datum d;

        if (cat == NULL || strcmp(cat, want) != 0)
            continue;
        d = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull);
        if (!isnull) /* copied out of SPI's memory before SPI_finish */
            found = (text *)SPI_datumTransfer(d, false, -1);
    }
    SPI_finish();
    return found;
}

/*
 * nps_followup_question(score [, lang]) for a checked score (P3).  A
 * language that only nps_followup_questions knows, without a question for
 * this score's category, gets the English built-in question.
 */
static Datum followup_question(FunctionCallInfo fcinfo, int64 score)
{
    text *lang = PG_NARGS() == 2 ? PG_GETARG_TEXT_PP(1) : cstring_to_text("en");
    const char *question;
    bool lang_known;
    text *custom;
    nps_status st;

    custom = override_question(extension_schema(fcinfo), nps_category_of(score), lang, &lang_known);
    if (custom != NULL)
        PG_RETURN_TEXT_P(custom);
    st = nps_followup_question(score, VARDATA_ANY(lang), VARSIZE_ANY_EXHDR(lang), &question);
    if (st == NPS_E_LANG && lang_known)
        st = nps_followup_question(score, "en", 2, &question);
    if (st != NPS_OK)
        raise_text(caller_name(fcinfo), st, VARDATA_ANY(lang), VARSIZE_ANY_EXHDR(lang));
    PG_RETURN_TEXT_P(cstring_to_text(question));
}

/* nps_followup_question(score [, lang]) for each score type. */
#define QUESTION(T, sql, noun) SCORE_SCALAR(nps_followup_question, followup_question, T)
NPS_SCORE_TYPES(QUESTION)

/* Text argument n, or an error naming it when NULL. */
static char *required_arg(FunctionCallInfo fcinfo, int n, const char *name)
{
    if (PG_ARGISNULL(n))
        raise_status(NPS_E_NULL_ARG, get_func_name(fcinfo->flinfo->fn_oid), name);
    return text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/* The identifiers of a name written as in SQL, separated by dots: "Quoted"
 * exactly, unquoted folded to lower case.  NIL when it is not such a name. */
static List *name_parts(const char *name)
{
    List *parts = NIL;

    if (!SplitIdentifierString(pstrdup(name), '.', &parts))
        return NIL;
    return parts;
}

/* The table an alert function names (table, schema.table or
 * database.schema.table, identifier rules): a table or partitioned table;
 * an error naming it otherwise. */
static Oid alerted_table(const char *fn, const char *name)
{
    List *parts = name_parts(name);
    RangeVar *rv = NULL;
    Oid relid = InvalidOid;
    char kind;

    if (list_length(parts) == 1)
        rv = makeRangeVar(NULL, linitial(parts), -1);
    else if (list_length(parts) == 2)
        rv = makeRangeVar(linitial(parts), lsecond(parts), -1);
    else if (list_length(parts) == 3 &&
             strcmp(linitial(parts), get_database_name(MyDatabaseId)) == 0)
        rv = makeRangeVar(lsecond(parts), lthird(parts), -1);
    if (rv != NULL)
        relid = RangeVarGetRelid(rv, NoLock, true);
    kind = OidIsValid(relid) ? get_rel_relkind(relid) : '\0';
    if (kind != RELKIND_RELATION && kind != RELKIND_PARTITIONED_TABLE)
        raise_text(fn, NPS_E_NO_TABLE, name, strlen(name));
    return relid;
}

/* The column of the alerted table that a name (identifier rules) names, as
 * its name in the catalog; an error naming it otherwise. */
static char *alerted_column(const char *fn, Oid relid, const char *table, const char *column)
{
    List *parts = name_parts(column);
    AttrNumber attnum = InvalidAttrNumber;
    char value[NPS_COLUMN_VALUE_MAX];

    if (list_length(parts) == 1)
        attnum = get_attnum(relid, linitial(parts));
    if (attnum <= 0) { /* none, dropped, or a system column */
        nps_render_column(column, strlen(column), table, strlen(table), value, sizeof value);
        raise_status(NPS_E_NO_COLUMN, fn, value);
    }
    return linitial(parts);
}

/* Run one utility statement through SPI. */
static void spi_run(const char *sql)
{
    if (SPI_execute(sql, false, 0) < 0)
        elog(ERROR, "nps: statement failed: %s", sql);
}

/*
 * The WHEN clause of the alert trigger, so that a row no alert is for never
 * reaches nps_alert_notify(): for an integer score column, the scores of the
 * categories in mask (adjacent ones as one range), with pg_catalog's
 * operators; for any other type (text, numeric, ...: the function reads
 * them as nps_category does), a score that is not NULL.
 */
static char *alert_when(Oid relid, const char *column, unsigned mask)
{
    static const int lo[NPS_NCATEGORIES] = {0, 7, 9}, hi[NPS_NCATEGORIES] = {6, 8, 10};
    const char *col = quote_identifier(column);
    Oid type = getBaseType(get_atttype(relid, get_attnum(relid, column)));
    StringInfoData buf;
    int c = 0;

    initStringInfo(&buf);
    if (type != INT2OID && type != INT4OID && type != INT8OID) {
        appendStringInfo(&buf, "NEW.%s IS NOT NULL", col);
        return buf.data;
    }
    while (c < NPS_NCATEGORIES) {
        int first;

        if ((mask & (1u << c)) == 0) {
            c++;
            continue;
        }
        first = c;
        while (c + 1 < NPS_NCATEGORIES && (mask & (1u << (c + 1))) != 0)
            c++;
        appendStringInfo(&buf,
                         "%s(NEW.%s OPERATOR(pg_catalog.>=) %d AND NEW.%s OPERATOR(pg_catalog.<=) %d)",
                         buf.len > 0 ? " OR " : "", col, lo[first], col, hi[c]);
        c++;
    }
    return buf.data;
}

PG_FUNCTION_INFO_V1(nps_alert_on_text);
/*
 * nps_alert_on(table, column [, channel [, categories [, with_row]]]): the
 * AFTER INSERT OR UPDATE trigger nps_alert on table that sends NOTIFY
 * <channel> (nps_alert by default) for each new or re-scored row whose score
 * is in one of the categories (detractor by default), with the row itself in
 * the payload only when with_row is true, and adds an open follow-up to
 * nps_followups when the programme is there: in the table's schema or the
 * extension's, owned by a role the caller trusts (trusted_relation).
 * nps_config is taken from the schema of that nps_followups.  Both are
 * resolved here, once, and handed to the trigger by quoted qualified name.
 * Returns what it installed.  Checks come in the order of SQLite's: NULL
 * arguments, table, column, categories, channel name.
 */
Datum nps_alert_on_text(PG_FUNCTION_ARGS)
{
    const char *fn = "nps_alert_on";
    char *table = required_arg(fcinfo, 0, "table");
    char *column_arg = required_arg(fcinfo, 1, "column");
    char *channel = required_arg(fcinfo, 2, "channel");
    char *cats = required_arg(fcinfo, 3, "categories");
    bool with_row;
    Oid relid, followups, config = InvalidOid;
    char *column;
    char categories[NPS_CATEGORIES_MAX];
    const char *bad;
    size_t bad_len;
    unsigned mask;
    char *sql, *result;

    if (PG_ARGISNULL(4))
        raise_status(NPS_E_NULL_ARG, fn, "with_row");
    with_row = PG_GETARG_BOOL(4);
    relid = alerted_table(fn, table);
    column = alerted_column(fn, relid, table, column_arg);
    if (nps_parse_categories(cats, strlen(cats), &mask, &bad, &bad_len) != NPS_OK)
        raise_text(fn, NPS_E_CATEGORY, bad, bad_len);
    nps_categories_text(mask, categories, sizeof categories);
    if (channel[0] == '\0' || strlen(channel) >= NAMEDATALEN)
        raise_text(fn, NPS_E_NAME, channel, strlen(channel));

    followups = schema_relation(get_rel_namespace(relid), "nps_followups", "rp");
    if (!OidIsValid(followups))
        followups = schema_relation(extension_schema(fcinfo), "nps_followups", "rp");
    if (OidIsValid(followups))
        config = schema_relation(get_rel_namespace(followups), "nps_config", "rvm");

    sql = psprintf("CREATE OR REPLACE TRIGGER nps_alert AFTER INSERT OR UPDATE OF %s ON %s"
                   " FOR EACH ROW WHEN (%s) EXECUTE FUNCTION %s.nps_alert_notify(%s, %s, %s, %s, %s, %s)",
                   quote_identifier(column), qualified_name(relid), alert_when(relid, column, mask),
                   quote_identifier(get_namespace_name(extension_schema(fcinfo))),
                   quote_literal_cstr(column), quote_literal_cstr(channel),
                   quote_literal_cstr(categories), quote_literal_cstr(with_row ? "row" : "key"),
                   quote_literal_cstr(OidIsValid(followups) ? qualified_name(followups) : ""),
                   quote_literal_cstr(OidIsValid(config) ? qualified_name(config) : ""));
    if (SPI_connect() != SPI_OK_CONNECT)
        elog(ERROR, "nps_alert_on: SPI_connect failed");
    spi_run(sql);
    SPI_finish();
    result = psprintf("%s.%s: %s -> %s%s%s", get_rel_name(relid), column, categories, channel,
                      with_row ? ", with the row" : "",
                      OidIsValid(followups) ? ", with follow-ups" : "");
    PG_RETURN_TEXT_P(cstring_to_text(result));
}

PG_FUNCTION_INFO_V1(nps_alert_off_text);
/* nps_alert_off(table): drop the trigger of nps_alert_on(); 1 when there was one, 0 when not. */
Datum nps_alert_off_text(PG_FUNCTION_ARGS)
{
    char *table = required_arg(fcinfo, 0, "table");
    Oid relid = alerted_table("nps_alert_off", table);

    if (!OidIsValid(get_trigger_oid(relid, "nps_alert", true)))
        PG_RETURN_INT32(0);
    if (SPI_connect() != SPI_OK_CONNECT)
        elog(ERROR, "nps_alert_off: SPI_connect failed");
    spi_run(psprintf("DROP TRIGGER nps_alert ON %s", qualified_name(relid)));
    SPI_finish();
    PG_RETURN_INT32(1);
}
