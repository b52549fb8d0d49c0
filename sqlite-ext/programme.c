/*
 * programme.c -- the SQLite functions of the programme toolkit: the
 * sampling key, case folding and the themes of a text (pure), the
 * follow-up question (reads an optional override table, so not
 * deterministic), and the alerts
 * nps_alert_on() / nps_alert_off(), which create and drop triggers:
 * SQLITE_DIRECTONLY, so no view, trigger or schema can call them behind the
 * user's back; and the upkeep of the programme's maintained tables,
 * nps_watch() / nps_unwatch(), which create and drop triggers alike.  Its
 * table of functions is registered by sqlite3_nps_init().
 */
#include <stdint.h>
#include <string.h>

#include "nps_sqlite.h"

/* One string value of a query with one text parameter, copied with
 * sqlite3_mprintf (NULL when there is no row); *rc is the outcome. */
static char *query_text(sqlite3 *db, const char *sql, const char *param, int param_len, int *rc)
{
    sqlite3_stmt *stmt = NULL;
    char *out = NULL;
    *rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    if (*rc != SQLITE_OK)
        return NULL;
    if (param != NULL)
        sqlite3_bind_text(stmt, 1, param, param_len, SQLITE_STATIC);
    *rc = sqlite3_step(stmt);
    if (*rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(stmt, 0);
        out = sqlite3_mprintf("%s", v ? v : "");
        *rc = out ? SQLITE_OK : SQLITE_NOMEM;
    } else if (*rc == SQLITE_DONE) {
        *rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return out;
}

/* Fail with SQLite's own error of the connection, after the function's name. */
static void fail_sqlite(sqlite3_context *ctx, int rc)
{
    const char *const *name = sqlite3_user_data(ctx);
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    if (rc == SQLITE_NOMEM) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    char *msg = sqlite3_mprintf("%s: %s", *name, sqlite3_errmsg(db));
    if (msg == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
}

/* nps_sample_key(key, seed): the deterministic sampling key of P1; text
 * arguments hash their UTF-8 bytes, numbers their text form, blobs their bytes. */
static void fn_sample_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const void *p[2];
    int n[2];
    if (any_null(argc, argv))
        return;
    for (int i = 0; i < 2; i++) {
        p[i] = sqlite3_value_type(argv[i]) == SQLITE_BLOB
                   ? sqlite3_value_blob(argv[i])
                   : (const void *)sqlite3_value_text(argv[i]);
        n[i] = sqlite3_value_bytes(argv[i]);
        if (p[i] == NULL && n[i] > 0) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
    }
    sqlite3_result_int64(
        ctx, nps_sample_key(p[0] ? p[0] : "", (size_t)n[0], p[1] ? p[1] : "", (size_t)n[1]));
}

/* nps_casefold(text): the text with its letters in lower case (P2), the
 * same in every engine and locale. */
static void fn_casefold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (any_null(argc, argv))
        return;
    const char *in = (const char *)sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    char *out = sqlite3_malloc(n + 1);
    if (in == NULL || out == NULL) {
        sqlite3_free(out);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t len = nps_casefold(in, (size_t)n, out);
    sqlite3_result_text(ctx, out, (int)len, sqlite3_free);
}

/* nps_themes_of(text, phrases): the themes of a list of phrases (P5) that
 * the text mentions once both are case-folded (the list holds folded
 * phrases, as the programme's nps_theme_index keeps them), as a JSON array;
 * NULL for a NULL argument. */
static void fn_themes_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (any_null(argc, argv))
        return;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    int text_len = sqlite3_value_bytes(argv[0]);
    const char *list = (const char *)sqlite3_value_text(argv[1]);
    int list_len = sqlite3_value_bytes(argv[1]);
    char *folded = sqlite3_malloc(text_len + 1);
    char *out = sqlite3_malloc64(NPS_THEMES_JSON_MAX(list_len));
    if (text == NULL || list == NULL || folded == NULL || out == NULL) {
        sqlite3_free(folded);
        sqlite3_free(out);
        sqlite3_result_error_nomem(ctx);
        return;
    }
    size_t folded_len = nps_casefold(text, (size_t)text_len, folded);
    size_t n = nps_themes_json(folded, folded_len, list, (size_t)list_len, out);
    sqlite3_free(folded);
    sqlite3_result_text64(ctx, out, n, sqlite3_free, SQLITE_UTF8);
    sqlite3_result_subtype(ctx, JSON_SUBTYPE);
}

/* The question of main.nps_followup_questions(category, lang, question) for
 * a category and language, when that table exists and has one: copied into
 * the result and 1 returned.  2 when the table has questions in that
 * language but none for the category, 0 when it has none in that language
 * (or there is no such table), -1 after failing ctx.  Only the main
 * database's table counts: a TEMP or attached table of the same name does not
 * change the questions behind the user's back. */
static int override_question(sqlite3_context *ctx, int category, const char *lang, int lang_len)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    static const char sql[] = "SELECT question, category = ?1 FROM main.nps_followup_questions"
                              " WHERE lower(lang) = lower(?2) AND question IS NOT NULL"
                              " ORDER BY category = ?1 DESC LIMIT 1";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        if (strncmp(sqlite3_errmsg(db), "no such table: ", 15) == 0)
            return 0; /* no override table: the built-in questions */
        fail_sqlite(ctx, SQLITE_ERROR);
        return -1;
    }
    sqlite3_bind_text(stmt, 1, nps_category_name(category), -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, lang, lang_len, SQLITE_STATIC);
    int rc = sqlite3_step(stmt), found = 0;
    if (rc == SQLITE_ROW && sqlite3_column_int(stmt, 1)) {
        sqlite3_result_value(ctx, sqlite3_column_value(stmt, 0));
        found = 1;
    } else if (rc == SQLITE_ROW) {
        found = 2;
    } else if (rc != SQLITE_DONE) {
        fail_sqlite(ctx, rc);
        found = -1;
    }
    sqlite3_finalize(stmt);
    return found;
}

/* nps_followup_question(score [, lang]): the question to ask after a score
 * (P3), from nps_followup_questions when it has one, else built in; a
 * language of that table alone falls back to English for the categories it
 * leaves out. */
static void fn_question(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *lang, *question;
    int lang_len;
    int64_t score;
    if (!score_and_lang(ctx, argc, argv, &score, &lang, &lang_len))
        return;
    int found = override_question(ctx, nps_category_of(score), lang, lang_len);
    if (found == 1 || found < 0)
        return;
    nps_status st = nps_followup_question(score, lang, (size_t)lang_len, &question);
    if (st == NPS_E_LANG && found == 2)
        st = nps_followup_question(score, "en", 2, &question);
    if (st == NPS_OK)
        sqlite3_result_text(ctx, question, -1, SQLITE_STATIC);
    else
        fail(ctx, st, st == NPS_E_LANG ? argv[1] : argv[0]);
}

/* The table of the main database named by argv[0] (SQLite's case-insensitive
 * match), as its schema spells it; NULL after failing ctx. */
static char *alerted_table(sqlite3_context *ctx, sqlite3_value *arg)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char value[NPS_VALUE_MAX];
    int rc;
    if (sqlite3_value_type(arg) == SQLITE_NULL) {
        fail_text(ctx, NPS_E_NULL_ARG, "table");
        return NULL;
    }
    const char *name = (const char *)sqlite3_value_text(arg);
    int len = sqlite3_value_bytes(arg);
    if (name == NULL) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    char *table = query_text(db,
                             "SELECT name FROM main.sqlite_schema"
                             " WHERE type = 'table' AND name = ?1 COLLATE NOCASE",
                             name, len, &rc);
    if (rc != SQLITE_OK) {
        fail_sqlite(ctx, rc);
        return NULL;
    }
    if (table == NULL) {
        nps_render_text(name, (size_t)len, value, sizeof value);
        fail_text(ctx, NPS_E_NO_TABLE, value);
    }
    return table;
}

/* True when the main database holds an object of that name and one of the
 * types listed in the SQL condition. */
static int has_object(sqlite3 *db, const char *name, const char *types, int *rc)
{
    char *sql = sqlite3_mprintf("SELECT type FROM main.sqlite_schema WHERE name = ?1 COLLATE NOCASE"
                                " AND type IN (%s)",
                                types);
    if (sql == NULL) {
        *rc = SQLITE_NOMEM;
        return 0;
    }
    char *type = query_text(db, sql, name, -1, rc);
    sqlite3_free(sql);
    sqlite3_free(type);
    return type != NULL;
}

/* Score of the new value of a column in SQL, by R1 exactly as
 * nps_score_from_double() and nps_score_from_text() read it: an integer
 * 0..10; a real that is whole and 0..10; text of blanks (space, tab, CR, LF)
 * around an optional sign, digits with at most one point, and an optional
 * exponent, whose exact decimal value is whole and 0..10 ("06", "6.0",
 * " 0.6e1 ", "-0", "1e1").  Anything else, blank text included, is NULL: no
 * alert.  Plain SQL, so that connections which write rows need not load the
 * extension.
 *
 * Text other than "0".."10" is cut into sign, mantissa m (integer digits i,
 * fraction digits f) and exponent e; d is i || f without its leading zeros
 * and dd is d without its trailing ones, so the value is dd x 10^k, k =
 * (trailing zeros) + e - |f|.  A value other than 0 is whole and at most 10
 * only as one digit with k = 0, or as "1" with k = 1.  An exponent too long
 * for an integer saturates, and k is then far from 0 and 1, as the verdict
 * needs.
 * Each step is a subquery with LIMIT 1, which SQLite does not flatten: a
 * flattened step would copy its expressions into every use of its columns. */
static void append_score(sqlite3_str *sql, const char *column)
{
    sqlite3_str_appendf(
        sql,
        "CASE typeof(NEW.\"%w\")"
        " WHEN 'integer' THEN CASE WHEN NEW.\"%w\" BETWEEN 0 AND 10 THEN NEW.\"%w\" END"
        " WHEN 'real' THEN CASE WHEN NEW.\"%w\" IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"
        " THEN CAST(NEW.\"%w\" AS INTEGER) END"
        " WHEN 'text' THEN CASE"
        " WHEN NEW.\"%w\" IN ('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10')"
        " THEN CAST(NEW.\"%w\" AS INTEGER) ELSE (SELECT CASE"
        " WHEN instr(CAST(v AS BLOB), x'00') > 0"
        " OR m NOT GLOB '*[0-9]*' OR m GLOB '*[^0-9.]*' OR m GLOB '*.*.*'"
        " OR (e IS NOT NULL AND (ed NOT GLOB '[0-9]*' OR ed GLOB '*[^0-9]*')) THEN NULL"
        " WHEN d = '' THEN 0"
        " WHEN neg THEN NULL"
        " WHEN length(dd) = 1 AND k = 0 THEN CAST(dd AS INTEGER)"
        " WHEN dd = '1' AND k = 1 THEN 10 END"
        " FROM (SELECT *, rtrim(d, '0') AS dd,"
        " length(d) - length(rtrim(d, '0')) + coalesce(CAST(e AS INTEGER), 0) - length(f) AS k"
        " FROM (SELECT *,"
        " CASE WHEN instr(m, '.') > 0 THEN substr(m, instr(m, '.') + 1) ELSE '' END AS f,"
        " ltrim(CASE WHEN instr(m, '.') > 0 THEN substr(m, 1, instr(m, '.') - 1) ELSE m END"
        " || CASE WHEN instr(m, '.') > 0 THEN substr(m, instr(m, '.') + 1) ELSE '' END, '0') AS d"
        " FROM (SELECT v, e, substr(s, 1, 1) = '-' AS neg,"
        " CASE WHEN substr(s, 1, 1) IN ('+', '-') THEN substr(s, 2) ELSE s END AS m,"
        " CASE WHEN substr(e, 1, 1) IN ('+', '-') THEN substr(e, 2) ELSE e END AS ed"
        " FROM (SELECT v, CASE WHEN p > 0 THEN substr(t, 1, p - 1) ELSE t END AS s,"
        " CASE WHEN p > 0 THEN substr(t, p + 1) END AS e"
        " FROM (SELECT NEW.\"%w\" AS v, trim(NEW.\"%w\", ' ' || char(9, 10, 13)) AS t,"
        " instr(replace(trim(NEW.\"%w\", ' ' || char(9, 10, 13)), 'E', 'e'), 'e') AS p)"
        " LIMIT 1) LIMIT 1) LIMIT 1) LIMIT 1)) END END",
        column, column, column, column, column, column, column, column, column, column);
}

/* The category of the column score, in SQL (R2). */
#define CATEGORY_OF_SCORE                                                                          \
    "CASE WHEN score <= 6 THEN 'detractor' WHEN score <= 8 THEN 'passive' ELSE 'promoter' END"

/* The rows an alert writes, in SQL: the score and category of the new value
 * when its category is one of the mask's, else none. */
static void append_alerted(sqlite3_str *sql, const char *column, unsigned mask)
{
    static const char *const range[NPS_NCATEGORIES] = {
        "score BETWEEN 0 AND 6", "score BETWEEN 7 AND 8", "score BETWEEN 9 AND 10"};
    sqlite3_str_appendf(sql, " FROM (SELECT ");
    append_score(sql, column);
    sqlite3_str_appendf(sql, " AS score LIMIT 1) WHERE ");
    for (int c = 0, first = 1; c < NPS_NCATEGORIES; c++)
        if (mask & (1u << c)) {
            sqlite3_str_appendf(sql, "%s%s", first ? "" : " OR ", range[c]);
            first = 0;
        }
}

/* What nps_alert_on() installs: everything it needs to write its SQL. */
typedef struct alert_spec {
    const char *table, *column, *queue;
    const char *rowid;                   /* a name of the rowid no column takes */
    unsigned mask;                       /* categories that alert, 1 << NPS_DETRACTOR etc. */
    char categories[NPS_CATEGORIES_MAX]; /* canonical list, e.g. "detractor,promoter" */
    int followups;                       /* nps_followups exists: add a follow-up row */
    int clock;                           /* nps_config exists: its now is the time */
    char *responded;                     /* the table's responded_at column, or NULL */
} alert_spec;

/* Append the WHEN condition every alerting row meets: a score that is not
 * NULL, and when it is an integer, one of the categories' (so that the other
 * rows never run the trigger's program). */
static void append_when(sqlite3_str *sql, const alert_spec *a)
{
    static const char *const range[NPS_NCATEGORIES] = {"BETWEEN 0 AND 6", "BETWEEN 7 AND 8",
                                                       "BETWEEN 9 AND 10"};
    sqlite3_str_appendf(sql, "NEW.\"%w\" IS NOT NULL AND (typeof(NEW.\"%w\") <> 'integer'", a->column,
                        a->column);
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        if (a->mask & (1u << c))
            sqlite3_str_appendf(sql, " OR NEW.\"%w\" %s", a->column, range[c]);
    sqlite3_str_appendf(sql, ")");
}

/* Append one trigger (INSERT or UPDATE) of an alert to sql.  UPDATE alerts
 * only when the score changed. */
static void append_trigger(sqlite3_str *sql, const alert_spec *a, int update)
{
    const char *now = a->clock ? "(SELECT now FROM nps_config)" : "datetime('now')";
    if (update)
        sqlite3_str_appendf(sql,
                            "CREATE TRIGGER main.\"nps_alert_%w_update\" AFTER UPDATE OF \"%w\""
                            " ON \"%w\" WHEN NEW.\"%w\" IS NOT OLD.\"%w\" AND ",
                            a->table, a->column, a->table, a->column, a->column);
    else
        sqlite3_str_appendf(sql,
                            "CREATE TRIGGER main.\"nps_alert_%w_insert\" AFTER INSERT ON \"%w\" WHEN ",
                            a->table, a->table);
    append_when(sql, a);
    sqlite3_str_appendf(
        sql,
        " BEGIN INSERT INTO \"%w\" (table_name, row_id, score, category, created_at)"
        " SELECT '%q', NEW.%s, score, " CATEGORY_OF_SCORE ", %s",
        a->queue, a->table, a->rowid, now);
    append_alerted(sql, a->column, a->mask);
    sqlite3_str_appendf(sql, ";");
    if (a->followups) {
        sqlite3_str_appendf(sql,
                            " INSERT INTO nps_followups (source_table, response_key, score,"
                            " responded_at) SELECT '%q', NEW.%s, score, ",
                            a->table, a->rowid);
        if (a->responded != NULL) /* the response's own time starts its SLA */
            sqlite3_str_appendf(sql, "coalesce(NEW.\"%w\", %s)", a->responded, now);
        else
            sqlite3_str_appendf(sql, "%s", now);
        append_alerted(sql, a->column, a->mask);
        sqlite3_str_appendf(sql, ";");
    }
    sqlite3_str_appendf(sql, " END;\n");
}

/* Run a script inside a savepoint, all of it or nothing; NULL on success,
 * else SQLite's error message (free it with sqlite3_free). */
static char *run_atomically(sqlite3 *db, const char *script)
{
    char *err = NULL;
    if (sqlite3_exec(db, "SAVEPOINT nps_alert", NULL, NULL, &err) != SQLITE_OK)
        return err ? err : sqlite3_mprintf("out of memory");
    if (sqlite3_exec(db, script, NULL, NULL, &err) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK TO nps_alert; RELEASE nps_alert", NULL, NULL, NULL);
        return err ? err : sqlite3_mprintf("out of memory");
    }
    if (sqlite3_exec(db, "RELEASE nps_alert", NULL, NULL, &err) != SQLITE_OK)
        return err ? err : sqlite3_mprintf("out of memory");
    return NULL;
}

/* Fail with an error of a script run by the function, after its name. */
static void fail_script(sqlite3_context *ctx, char *err)
{
    const char *const *name = sqlite3_user_data(ctx);
    char *msg = sqlite3_mprintf("%s: %s", *name, err);
    sqlite3_free(err);
    if (msg == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
}

/* The column of a table named name (len bytes), as the table spells it
 * (generated columns count); NULL after failing ctx. */
static char *table_column(sqlite3_context *ctx, const char *table, const char *name, int len)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    char *column = NULL;
    if (name == NULL) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    int rc = sqlite3_prepare_v2(db,
                                "SELECT name FROM pragma_table_xinfo(?1, 'main')"
                                " WHERE name = ?2 COLLATE NOCASE AND hidden <> 1",
                                -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, name, len, SQLITE_STATIC);
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            column = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(stmt, 0));
            rc = column != NULL ? SQLITE_DONE : SQLITE_NOMEM;
        }
        sqlite3_finalize(stmt);
    }
    if (rc != SQLITE_DONE) {
        fail_sqlite(ctx, rc);
        return NULL;
    }
    if (column == NULL) {
        char value[NPS_COLUMN_VALUE_MAX];
        nps_render_column(name, (size_t)len, table, strlen(table), value, sizeof value);
        fail_text(ctx, NPS_E_NO_COLUMN, value);
    }
    return column;
}

/* The column of a table named by arg; NULL after failing ctx. */
static char *alerted_column(sqlite3_context *ctx, const char *table, sqlite3_value *arg)
{
    return table_column(ctx, table, (const char *)sqlite3_value_text(arg), sqlite3_value_bytes(arg));
}

/* Check the optional arguments of nps_alert_on() (queue name, categories)
 * into a; 0 after failing ctx. */
static int alert_options(sqlite3_context *ctx, int argc, sqlite3_value **argv, alert_spec *a)
{
    const char *queue = "nps_alert", *cats = "detractor";
    int queue_len = 9, cats_len = 9;
    char value[NPS_VALUE_MAX];
    if (argc > 2) {
        queue = (const char *)sqlite3_value_text(argv[2]);
        queue_len = sqlite3_value_bytes(argv[2]);
    }
    if (argc > 3) {
        cats = (const char *)sqlite3_value_text(argv[3]);
        cats_len = sqlite3_value_bytes(argv[3]);
    }
    if (queue == NULL || cats == NULL) {
        sqlite3_result_error_nomem(ctx);
        return 0;
    }
    unsigned mask;
    const char *bad;
    size_t bad_len;
    if (nps_parse_categories(cats, (size_t)cats_len, &mask, &bad, &bad_len) != NPS_OK) {
        nps_render_text(bad, bad_len, value, sizeof value);
        fail_text(ctx, NPS_E_CATEGORY, value);
        return 0;
    }
    a->mask = mask;
    nps_categories_text(mask, a->categories, sizeof a->categories);
    if (queue_len == 0 || queue_len > 63 || memchr(queue, '\0', (size_t)queue_len) != NULL) {
        nps_render_text(queue, (size_t)queue_len, value, sizeof value);
        fail_text(ctx, NPS_E_NAME, value);
        return 0;
    }
    a->queue = queue;
    return 1;
}

/* 1 when an existing queue table has the seven columns of one (or the name
 * is free), 0 after failing ctx. */
static int queue_usable(sqlite3_context *ctx, const alert_spec *a)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char value[NPS_VALUE_MAX];
    int rc;
    int exists = has_object(db, a->queue, "'table', 'view', 'index', 'trigger'", &rc);
    if (rc == SQLITE_OK && exists) {
        char *sql = sqlite3_mprintf(
            "SELECT count(*) FROM main.sqlite_schema AS s, pragma_table_info(s.name, 'main') AS c"
            " WHERE s.type = 'table' AND s.name = ?1 COLLATE NOCASE"
            " AND s.name <> '%q' COLLATE NOCASE"
            " AND lower(c.name) IN ('id', 'table_name', 'row_id', 'score', 'category',"
            " 'created_at', 'handled_at')",
            a->table);
        char *n = sql != NULL ? query_text(db, sql, a->queue, -1, &rc) : NULL;
        int ok = n != NULL && strcmp(n, "7") == 0;
        sqlite3_free(sql);
        sqlite3_free(n);
        if (sql == NULL)
            rc = SQLITE_NOMEM;
        if (rc == SQLITE_OK && !ok) {
            nps_render_text(a->queue, strlen(a->queue), value, sizeof value);
            fail_text(ctx, NPS_E_QUEUE, value);
            return 0;
        }
    }
    if (rc != SQLITE_OK) {
        fail_sqlite(ctx, rc);
        return 0;
    }
    return 1;
}

/* The first of the rowid's names (rowid, _rowid_, oid) that no column of
 * the table takes, as SQLite matches names (any case), into a->rowid; then
 * check that the table has a rowid.  0 after failing ctx: every name taken,
 * or a WITHOUT ROWID table. */
static int rowid_name(sqlite3_context *ctx, alert_spec *a)
{
    static const char *const names[] = {"rowid", "_rowid_", "oid"};
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    char value[NPS_VALUE_MAX];
    int rc;
    char *free_name =
        query_text(db,
                   "WITH n(k, name) AS (VALUES (0, 'rowid'), (1, '_rowid_'), (2, 'oid'))"
                   " SELECT k FROM n WHERE NOT EXISTS (SELECT 1"
                   " FROM pragma_table_xinfo(?1, 'main') AS c"
                   " WHERE c.name = n.name COLLATE NOCASE) ORDER BY k LIMIT 1",
                   a->table, -1, &rc);
    if (rc != SQLITE_OK) {
        fail_sqlite(ctx, rc);
        return 0;
    }
    a->rowid = free_name != NULL ? names[free_name[0] - '0'] : NULL;
    sqlite3_free(free_name);
    nps_render_text(a->table, strlen(a->table), value, sizeof value);
    if (a->rowid == NULL) {
        fail_text(ctx, NPS_E_ROWID_NAMES, value);
        return 0;
    }
    char *sql = sqlite3_mprintf("SELECT %s FROM main.\"%w\" LIMIT 0", a->rowid, a->table);
    if (sql == NULL) {
        sqlite3_result_error_nomem(ctx);
        return 0;
    }
    rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    sqlite3_finalize(stmt);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        fail_text(ctx, NPS_E_NO_ROWID, value);
        return 0;
    }
    return 1;
}

/* The SQL that installs an alert: the queue (when missing) and both triggers. */
static char *alert_script(sqlite3 *db, const alert_spec *a)
{
    sqlite3_str *sql = sqlite3_str_new(db);
    sqlite3_str_appendf(sql,
                        "CREATE TABLE IF NOT EXISTS main.\"%w\" (\n"
                        "    id INTEGER PRIMARY KEY,\n"
                        "    table_name TEXT NOT NULL,\n"
                        "    row_id INTEGER NOT NULL,\n"
                        "    score INTEGER NOT NULL,\n"
                        "    category TEXT NOT NULL,\n"
                        "    created_at TEXT NOT NULL,\n"
                        "    handled_at TEXT\n"
                        ");\n"
                        "CREATE INDEX IF NOT EXISTS main.\"%w_open\" ON \"%w\" (id)"
                        " WHERE handled_at IS NULL;\n"
                        "DROP TRIGGER IF EXISTS main.\"nps_alert_%w_insert\";\n"
                        "DROP TRIGGER IF EXISTS main.\"nps_alert_%w_update\";\n",
                        a->queue, a->queue, a->queue, a->table, a->table);
    append_trigger(sql, a, 0);
    append_trigger(sql, a, 1);
    if (sqlite3_str_errcode(sql) != SQLITE_OK) {
        sqlite3_free(sqlite3_str_finish(sql));
        return NULL;
    }
    return sqlite3_str_finish(sql);
}

/* nps_alert_on(table, column [, queue [, categories]]): triggers on table
 * that append each new or changed row whose score is in one of the
 * categories (detractor by default) to the queue table (nps_alert by
 * default, created when missing), and an open follow-up to nps_followups
 * when that table exists.  Returns what it installed.  Checks come in this
 * order: NULL arguments, table, column, categories, queue name, rowid, queue. */
static void fn_alert_on(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const char *const names[4] = {"table", "column", "queue", "categories"};
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    alert_spec a;
    char *table = NULL, *column = NULL, *script = NULL, *result = NULL;
    int rc = SQLITE_OK;

    memset(&a, 0, sizeof a);
    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            fail_text(ctx, NPS_E_NULL_ARG, names[i]);
            return;
        }
    if ((table = alerted_table(ctx, argv[0])) == NULL)
        return;
    a.table = table;
    if ((column = alerted_column(ctx, table, argv[1])) == NULL)
        goto done;
    a.column = column;
    if (!alert_options(ctx, argc, argv, &a) || !rowid_name(ctx, &a) || !queue_usable(ctx, &a))
        goto done;
    a.followups = has_object(db, "nps_followups", "'table'", &rc);
    if (rc == SQLITE_OK)
        a.clock = has_object(db, "nps_config", "'table', 'view'", &rc);
    if (rc == SQLITE_OK && a.followups)
        a.responded = query_text(db,
                                 "SELECT name FROM pragma_table_xinfo(?1, 'main')"
                                 " WHERE name = 'responded_at' COLLATE NOCASE",
                                 table, -1, &rc);
    if (rc != SQLITE_OK) {
        fail_sqlite(ctx, rc);
        goto done;
    }
    if ((script = alert_script(db, &a)) == NULL) {
        sqlite3_result_error_nomem(ctx);
        goto done;
    }
    char *err = run_atomically(db, script);
    if (err != NULL) {
        fail_script(ctx, err);
        goto done;
    }
    result = sqlite3_mprintf("%s.%s: %s -> %s%s", table, column, a.categories, a.queue,
                             a.followups ? ", with follow-ups" : "");
    if (result == NULL)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, result, -1, sqlite3_free);
done:
    sqlite3_free(script);
    sqlite3_free(a.responded);
    sqlite3_free(table);
    sqlite3_free(column);
}

/* nps_alert_off(table): drop the alert triggers of nps_alert_on(); 1 when
 * there were some, 0 when not.  The queue and its rows stay. */
static void fn_alert_off(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *table = alerted_table(ctx, argv[0]);
    int rc;
    (void)argc;
    if (table == NULL)
        return;
    char *names = sqlite3_mprintf("nps_alert_%s_insert", table);
    int had = names != NULL && has_object(db, names, "'trigger'", &rc) && rc == SQLITE_OK;
    sqlite3_free(names);
    names = sqlite3_mprintf("nps_alert_%s_update", table);
    had |= names != NULL && has_object(db, names, "'trigger'", &rc) && rc == SQLITE_OK;
    sqlite3_free(names);
    char *script = sqlite3_mprintf("DROP TRIGGER IF EXISTS main.\"nps_alert_%w_insert\";"
                                   " DROP TRIGGER IF EXISTS main.\"nps_alert_%w_update\";",
                                   table, table);
    sqlite3_free(table);
    if (script == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    char *err = run_atomically(db, script);
    sqlite3_free(script);
    if (err != NULL)
        fail_script(ctx, err);
    else
        sqlite3_result_int(ctx, had);
}

/* The relations nps_watch() keeps the maintained tables of: the relation,
 * its key, the view of the programme's script whose INSTEAD OF triggers
 * forget and note one of its rows (or, with several rows of a key, all the
 * rows of a key), whether a key has several rows, and what the names of its
 * triggers on a table have after the table's name (so that one table can be
 * behind two relations). */
static const struct watched {
    const char *relation, *key, *upkeep, *tag;
    int several;
} watched_relations[] = {
    {"nps_contacts", "contact_id", "nps_contact_upkeep", "", 0},
    {"nps_invitations", "id", "nps_invitation_upkeep", "", 0},
    {"nps_responses", "id", "nps_response_upkeep", "", 0},
    {"nps_account_contacts", "contact_id", "nps_account_contact_upkeep", "account_", 0},
    {"nps_response_attributes", "response_id", "nps_response_attribute_upkeep", "attribute_", 1},
};
#define N_WATCHED (sizeof watched_relations / sizeof watched_relations[0])

/* The watched relation that argv names (any case), its upkeep view being
 * there; NULL after failing ctx. */
static const struct watched *watched_relation(sqlite3_context *ctx, sqlite3_value *arg)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    const char *name = (const char *)sqlite3_value_text(arg);
    char value[NPS_VALUE_MAX];
    int rc = SQLITE_OK;
    if (name == NULL) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    for (size_t i = 0; i < N_WATCHED; i++) {
        const struct watched *w = &watched_relations[i];
        if (sqlite3_stricmp(name, w->relation) == 0 && has_object(db, w->upkeep, "'view'", &rc))
            return w;
        if (rc != SQLITE_OK) {
            fail_sqlite(ctx, rc);
            return NULL;
        }
    }
    nps_render_text(name, (size_t)sqlite3_value_bytes(arg), value, sizeof value);
    fail_text(ctx, NPS_E_WATCHED, value);
    return NULL;
}

/* The triggers of nps_watch() on a table, for a relation whose key the
 * table's column key is: before a row is updated or deleted, its key is
 * forgotten (the relation still shows the row as it was); after a row is
 * inserted or updated, noted.  A relation with several rows of a key has
 * its keys noted after every write instead (the old key and the new one of
 * an update), the note putting back all the rows of the key as the
 * relation shows them.  On the relation itself, also the index by contact
 * that the upkeep reads. */
static char *watch_script(sqlite3 *db, const char *table, const struct watched *w, const char *key)
{
    static const char *const trigger[4][3] = {
        {"forget_update", "BEFORE UPDATE", "OLD"},
        {"delete", "BEFORE DELETE", "OLD"},
        {"insert", "AFTER INSERT", "NEW"},
        {"update", "AFTER UPDATE", "NEW"},
    };
    static const char *const several[3][3] = {
        {"insert", "AFTER INSERT", "NEW"},
        {"update", "AFTER UPDATE", "OLD"},
        {"delete", "AFTER DELETE", "OLD"},
    };
    sqlite3_str *sql = sqlite3_str_new(db);
    for (int i = 0; i < 4 && !w->several; i++)
        sqlite3_str_appendf(sql,
                            "DROP TRIGGER IF EXISTS main.\"nps_watch_%w_%w%s\";\n"
                            "CREATE TRIGGER main.\"nps_watch_%w_%w%s\" %s ON \"%w\" BEGIN"
                            " INSERT INTO \"%w\" (\"%w\", step) VALUES (%s.\"%w\", '%s'); END;\n",
                            table, w->tag, trigger[i][0], table, w->tag, trigger[i][0], trigger[i][1],
                            table, w->upkeep, w->key, trigger[i][2], key, i < 2 ? "forget" : "note");
    for (int i = 0; i < 3 && w->several; i++) {
        sqlite3_str_appendf(sql,
                            "DROP TRIGGER IF EXISTS main.\"nps_watch_%w_%w%s\";\n"
                            "CREATE TRIGGER main.\"nps_watch_%w_%w%s\" %s ON \"%w\" BEGIN"
                            " INSERT INTO \"%w\" (\"%w\", step) SELECT %s.\"%w\", 'note'",
                            table, w->tag, several[i][0], table, w->tag, several[i][0], several[i][1],
                            table, w->upkeep, w->key, several[i][2], key);
        if (i == 1)
            sqlite3_str_appendf(sql, " UNION SELECT NEW.\"%w\", 'note'", key);
        sqlite3_str_appendf(sql, "; END;\n");
    }
    if (sqlite3_stricmp(table, w->relation) == 0 && strcmp(w->key, "id") == 0)
        sqlite3_str_appendf(sql, "CREATE INDEX IF NOT EXISTS main.\"%w_contact\" ON \"%w\" (contact_id);\n",
                            w->relation, table);
    else if (sqlite3_stricmp(table, w->relation) == 0 && strcmp(w->relation, "nps_account_contacts") == 0)
        sqlite3_str_appendf(sql, "CREATE INDEX IF NOT EXISTS main.\"%w_account\" ON \"%w\" (account_id);\n",
                            w->relation, table);
    if (sqlite3_str_errcode(sql) != SQLITE_OK) {
        sqlite3_free(sqlite3_str_finish(sql));
        return NULL;
    }
    return sqlite3_str_finish(sql);
}

/* nps_watch(table, relation [, key]): keep the programme's maintained tables
 * following the writes to table, which relation (nps_contacts,
 * nps_invitations, nps_responses, nps_account_contacts or
 * nps_response_attributes) is or shows: key is the table's column that
 * relation shows as its key (by default the column of the key's own name:
 * id, contact_id for nps_contacts and nps_account_contacts, response_id for
 * nps_response_attributes).  Returns what it installed.
 * Checks come in this order: NULL arguments, table, relation, key. */
static void fn_watch(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const char *const names[3] = {"table", "relation", "key"};
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *table = NULL, *key = NULL, *script = NULL, *err, *result;
    const struct watched *w;

    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
            fail_text(ctx, NPS_E_NULL_ARG, names[i]);
            return;
        }
    if ((table = alerted_table(ctx, argv[0])) == NULL)
        return;
    if ((w = watched_relation(ctx, argv[1])) == NULL)
        goto done;
    key = argc > 2 ? alerted_column(ctx, table, argv[2])
                   : table_column(ctx, table, w->key, (int)strlen(w->key));
    if (key == NULL)
        goto done;
    if ((script = watch_script(db, table, w, key)) == NULL) {
        sqlite3_result_error_nomem(ctx);
        goto done;
    }
    if ((err = run_atomically(db, script)) != NULL) {
        fail_script(ctx, err);
        goto done;
    }
    result = sqlite3_mprintf("%s -> %s (key %s)", table, w->relation, key);
    if (result == NULL)
        sqlite3_result_error_nomem(ctx);
    else
        sqlite3_result_text(ctx, result, -1, sqlite3_free);
done:
    sqlite3_free(script);
    sqlite3_free(key);
    sqlite3_free(table);
}

/* nps_unwatch(table): drop the triggers of nps_watch(); 1 when there were
 * some, 0 when not.  The maintained tables stay as they are. */
static void fn_unwatch(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const char *const suffix[4] = {"forget_update", "delete", "insert", "update"};
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    char *table = alerted_table(ctx, argv[0]), *err;
    int had = 0, rc = SQLITE_OK;
    (void)argc;
    if (table == NULL)
        return;
    sqlite3_str *sql = sqlite3_str_new(db);
    for (size_t j = 0; j < N_WATCHED; j++) {
        const char *tag = watched_relations[j].tag;
        if (j > 0 && strcmp(tag, watched_relations[j - 1].tag) == 0)
            continue; /* the names of an earlier relation's tag are dropped already */
        for (int i = 0; i < 4 && rc == SQLITE_OK; i++) {
            char *name = sqlite3_mprintf("nps_watch_%s_%s%s", table, tag, suffix[i]);
            had |= name != NULL && has_object(db, name, "'trigger'", &rc);
            if (name == NULL)
                rc = SQLITE_NOMEM;
            sqlite3_free(name);
            sqlite3_str_appendf(sql, "DROP TRIGGER IF EXISTS main.\"nps_watch_%w_%w%s\";\n", table,
                                tag, suffix[i]);
        }
    }
    sqlite3_free(table);
    char *script = sqlite3_str_finish(sql);
    if (rc != SQLITE_OK || script == NULL) {
        sqlite3_free(script);
        fail_sqlite(ctx, script == NULL ? SQLITE_NOMEM : rc);
        return;
    }
    err = run_atomically(db, script);
    sqlite3_free(script);
    if (err != NULL)
        fail_script(ctx, err);
    else
        sqlite3_result_int(ctx, had);
}

/* Every function reads or writes only its arguments (PURE), except these:
 * the question reads a table, the alerts change the schema. */
#define READS (SQLITE_UTF8)
#define SCHEMA (SQLITE_UTF8 | SQLITE_DIRECTONLY)

/* Every function of the programme toolkit, once. */
const nps_function nps_programme_functions[] = {
    NPS_SCALAR("nps_sample_key", 2, PURE, fn_sample_key),
    NPS_SCALAR("nps_casefold", 1, PURE, fn_casefold),
    NPS_SCALAR("nps_themes_of", 2, JSON_RESULT, fn_themes_of),
    NPS_SCALAR("nps_followup_question", 1, READS, fn_question),
    NPS_SCALAR("nps_followup_question", 2, READS, fn_question),
    NPS_SCALAR("nps_alert_on", 2, SCHEMA, fn_alert_on),
    NPS_SCALAR("nps_alert_on", 3, SCHEMA, fn_alert_on),
    NPS_SCALAR("nps_alert_on", 4, SCHEMA, fn_alert_on),
    NPS_SCALAR("nps_alert_off", 1, SCHEMA, fn_alert_off),
    NPS_SCALAR("nps_watch", 2, SCHEMA, fn_watch),
    NPS_SCALAR("nps_watch", 3, SCHEMA, fn_watch),
    NPS_SCALAR("nps_unwatch", 1, SCHEMA, fn_unwatch),
};
const size_t nps_programme_count =
    sizeof nps_programme_functions / sizeof nps_programme_functions[0];
