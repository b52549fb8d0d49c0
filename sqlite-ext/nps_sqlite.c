/*
 * nps_sqlite.c -- the SQLite face of the nps core: every SQL function of the
 * contract, registered from one table by sqlite3_nps_init().
 *
 * Thin and mechanical: convert the arguments, call the core, and turn a
 * status into sqlite3_result_error() with the text of nps_message().  The
 * aggregates are window functions with an inverse, so a sliding frame costs
 * O(1) per row.  The only global is the API pointer of SQLITE_EXTENSION_INIT1,
 * set once by the loader; everything else is a static const table.
 *
 * The programme toolkit adds nps_sample_key() and nps_casefold() (pure),
 * nps_followup_question() (reads an optional override table, so not
 * deterministic), and nps_alert_on() / nps_alert_off(), which create and
 * drop triggers: SQLITE_DIRECTONLY, so no view, trigger or schema can call
 * them behind the user's back.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "nps.h"
#include "nps_version.h"

/* What a registered function does; the aggregate kinds come first. */
typedef enum nps_kind {
    NPS_K_MEASURE,    /* aggregate: one number of nps_compute() */
    NPS_K_STATE,      /* aggregate: the binary nps_state */
    NPS_K_SUMMARY,    /* aggregate: the JSON summary */
    NPS_K_MEASURE_OF, /* scalar: one number of nps_compute() of one state */
    NPS_K_SUMMARY_OF, /* scalar: nps_summary_of(state) */
    NPS_K_ROWS_OF,    /* scalar: nps_rows_of(state) */
    NPS_K_MERGE,      /* scalar: nps_state_merge(a, b) */
    NPS_K_CATEGORY,   /* scalar: nps_category(score [, lang]) */
    NPS_K_BAND,     /* scalar: nps_band(nps_value) */
    NPS_K_PVALUE,   /* scalar: nps_pvalue(state_a, state_b) */
    NPS_K_VERSION,  /* scalar: nps_version() */
    NPS_K_SAMPLE,   /* scalar: nps_sample_key(key, seed) */
    NPS_K_CASEFOLD, /* scalar: nps_casefold(text) */
    NPS_K_QUESTION, /* scalar: nps_followup_question(score [, lang]) */
    NPS_K_ALERT_ON, /* nps_alert_on(table, column [, queue [, categories]]) */
    NPS_K_ALERT_OFF /* nps_alert_off(table) */
} nps_kind;

/* One row of the registration table; also the user data of the function. */
typedef struct nps_function {
    const char *name;
    int nargs;
    nps_kind kind;
    nps_measure measure; /* NPS_K_MEASURE only */
    int flags;
} nps_function;

/* Every function, aggregate or scalar, is a pure function of its arguments,
 * except the programme's: one reads a table, two change the schema. */
#define PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
#define READS (SQLITE_UTF8)
#define SCHEMA (SQLITE_UTF8 | SQLITE_DIRECTONLY)

/* Every SQL function, once.  The second argument of an aggregate is a
 * weight; the second argument of a margin or interval _of scalar is a
 * confidence. */
static const nps_function functions[] = {
    {"nps", 1, NPS_K_MEASURE, NPS_M_NPS, PURE},
    {"nps", 2, NPS_K_MEASURE, NPS_M_NPS, PURE},
    {"promoter_share", 1, NPS_K_MEASURE, NPS_M_PROMOTER_SHARE, PURE},
    {"promoter_share", 2, NPS_K_MEASURE, NPS_M_PROMOTER_SHARE, PURE},
    {"passive_share", 1, NPS_K_MEASURE, NPS_M_PASSIVE_SHARE, PURE},
    {"passive_share", 2, NPS_K_MEASURE, NPS_M_PASSIVE_SHARE, PURE},
    {"detractor_share", 1, NPS_K_MEASURE, NPS_M_DETRACTOR_SHARE, PURE},
    {"detractor_share", 2, NPS_K_MEASURE, NPS_M_DETRACTOR_SHARE, PURE},
    {"nps_stderr", 1, NPS_K_MEASURE, NPS_M_STDERR, PURE},
    {"nps_stderr", 2, NPS_K_MEASURE, NPS_M_STDERR, PURE},
    {"nps_moe", 1, NPS_K_MEASURE, NPS_M_MOE, PURE},
    {"nps_moe", 2, NPS_K_MEASURE, NPS_M_MOE, PURE},
    {"nps_ci_lower", 1, NPS_K_MEASURE, NPS_M_CI_LOWER, PURE},
    {"nps_ci_lower", 2, NPS_K_MEASURE, NPS_M_CI_LOWER, PURE},
    {"nps_ci_upper", 1, NPS_K_MEASURE, NPS_M_CI_UPPER, PURE},
    {"nps_ci_upper", 2, NPS_K_MEASURE, NPS_M_CI_UPPER, PURE},
    {"nps_state", 1, NPS_K_STATE, NPS_M_NPS, PURE},
    {"nps_state", 2, NPS_K_STATE, NPS_M_NPS, PURE},
    {"nps_summary", 1, NPS_K_SUMMARY, NPS_M_NPS, PURE},
    {"nps_summary", 2, NPS_K_SUMMARY, NPS_M_NPS, PURE},
    {"nps_of", 1, NPS_K_MEASURE_OF, NPS_M_NPS, PURE},
    {"promoter_share_of", 1, NPS_K_MEASURE_OF, NPS_M_PROMOTER_SHARE, PURE},
    {"passive_share_of", 1, NPS_K_MEASURE_OF, NPS_M_PASSIVE_SHARE, PURE},
    {"detractor_share_of", 1, NPS_K_MEASURE_OF, NPS_M_DETRACTOR_SHARE, PURE},
    {"nps_stderr_of", 1, NPS_K_MEASURE_OF, NPS_M_STDERR, PURE},
    {"nps_moe_of", 1, NPS_K_MEASURE_OF, NPS_M_MOE, PURE},
    {"nps_moe_of", 2, NPS_K_MEASURE_OF, NPS_M_MOE, PURE},
    {"nps_ci_lower_of", 1, NPS_K_MEASURE_OF, NPS_M_CI_LOWER, PURE},
    {"nps_ci_lower_of", 2, NPS_K_MEASURE_OF, NPS_M_CI_LOWER, PURE},
    {"nps_ci_upper_of", 1, NPS_K_MEASURE_OF, NPS_M_CI_UPPER, PURE},
    {"nps_ci_upper_of", 2, NPS_K_MEASURE_OF, NPS_M_CI_UPPER, PURE},
    {"nps_summary_of", 1, NPS_K_SUMMARY_OF, NPS_M_NPS, PURE},
    {"nps_rows_of", 1, NPS_K_ROWS_OF, NPS_M_NPS, PURE},
    {"nps_state_merge", 2, NPS_K_MERGE, NPS_M_NPS, PURE},
    {"nps_category", 1, NPS_K_CATEGORY, NPS_M_NPS, PURE},
    {"nps_category", 2, NPS_K_CATEGORY, NPS_M_NPS, PURE},
    {"nps_band", 1, NPS_K_BAND, NPS_M_NPS, PURE},
    {"nps_pvalue", 2, NPS_K_PVALUE, NPS_M_NPS, PURE},
    {"nps_version", 0, NPS_K_VERSION, NPS_M_NPS, PURE},
    {"nps_sample_key", 2, NPS_K_SAMPLE, NPS_M_NPS, PURE},
    {"nps_casefold", 1, NPS_K_CASEFOLD, NPS_M_NPS, PURE},
    {"nps_followup_question", 1, NPS_K_QUESTION, NPS_M_NPS, READS},
    {"nps_followup_question", 2, NPS_K_QUESTION, NPS_M_NPS, READS},
    {"nps_alert_on", 2, NPS_K_ALERT_ON, NPS_M_NPS, SCHEMA},
    {"nps_alert_on", 3, NPS_K_ALERT_ON, NPS_M_NPS, SCHEMA},
    {"nps_alert_on", 4, NPS_K_ALERT_ON, NPS_M_NPS, SCHEMA},
    {"nps_alert_off", 1, NPS_K_ALERT_OFF, NPS_M_NPS, SCHEMA},
};

/* Aggregate context, zeroed by SQLite (a zeroed nps_state holds no rows). */
typedef struct nps_agg {
    nps_state state;
} nps_agg;

/* SQLite's subtype of JSON text, so that json() and json_object() embed the
 * summary as an object. */
#define JSON_SUBTYPE 74

/* True for the statuses whose message speaks of an nps_state's byte count. */
static int is_state_error(nps_status st)
{
    return st == NPS_E_STATE_LENGTH || st == NPS_E_STATE_MAGIC || st == NPS_E_STATE_VERSION ||
           st == NPS_E_STATE_CHECKSUM || st == NPS_E_STATE_VALUE;
}

/* Render a blob as an SQL literal x'..', cut after 16 bytes. */
static void render_blob(const unsigned char *p, int n, char *buf, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t out = 0;
    int shown = n > 16 ? 16 : n;
    buf[out++] = 'x';
    buf[out++] = '\'';
    for (int i = 0; i < shown && out + 6 < cap; i++) {
        buf[out++] = hex[p[i] >> 4];
        buf[out++] = hex[p[i] & 15];
    }
    if (shown < n)
        for (int k = 0; k < 3; k++)
            buf[out++] = '.';
    buf[out++] = '\'';
    buf[out] = '\0';
}

/* Render the offending SQL value of an error: number, quoted text, or a blob
 * (its byte count where the message is about a malformed state). */
static void render_value(sqlite3_value *v, nps_status st, char buf[NPS_VALUE_MAX])
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        nps_render_int(sqlite3_value_int64(v), buf, NPS_VALUE_MAX);
        break;
    case SQLITE_FLOAT:
        nps_render_double(sqlite3_value_double(v), buf, NPS_VALUE_MAX);
        break;
    case SQLITE_TEXT: {
        const char *text = (const char *)sqlite3_value_text(v);
        nps_render_text(text ? text : "", (size_t)sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        break;
    }
    default: /* SQLITE_BLOB; a NULL argument never reaches an error */
        if (is_state_error(st))
            nps_render_int(sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        else
            render_blob(sqlite3_value_blob(v), sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        break;
    }
}

/* Fail the statement with the core's text for st, naming the SQL function
 * and a value already rendered. */
static void fail_text(sqlite3_context *ctx, nps_status st, const char *value)
{
    const nps_function *f = sqlite3_user_data(ctx);
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, st, f->name, value);
    sqlite3_result_error(ctx, msg, -1);
}

/* Fail the statement with the core's text for st, naming the SQL function and the value. */
static void fail(sqlite3_context *ctx, nps_status st, sqlite3_value *culprit)
{
    char value[NPS_VALUE_MAX] = "";
    if (culprit != NULL)
        render_value(culprit, st, value);
    fail_text(ctx, st, value);
}

/* A score from a non-NULL value: integer (range checked by the core call that
 * counts it), real or text holding a whole number 0..10 (R1). */
static nps_status score_of(sqlite3_value *v, int type, int64_t *score)
{
    switch (type) {
    case SQLITE_INTEGER:
        *score = sqlite3_value_int64(v);
        return NPS_OK;
    case SQLITE_FLOAT:
        return nps_score_from_double(sqlite3_value_double(v), score);
    case SQLITE_TEXT: {
        const char *text = (const char *)sqlite3_value_text(v);
        if (text == NULL)
            return NPS_E_SCORE_TEXT;
        return nps_score_from_text(text, (size_t)sqlite3_value_bytes(v), score);
    }
    default:
        return NPS_E_SCORE_TYPE;
    }
}

/* A number from a non-NULL value: integer, real, or text that reads as one. */
static nps_status number_of(sqlite3_value *v, double *out)
{
    switch (sqlite3_value_numeric_type(v)) {
    case SQLITE_INTEGER:
        *out = (double)sqlite3_value_int64(v);
        return NPS_OK;
    case SQLITE_FLOAT:
        *out = sqlite3_value_double(v);
        return NPS_OK;
    default:
        return NPS_E_NOT_NUMBER;
    }
}

/* Add one row to an aggregate, or take it out again (xInverse): a score, a
 * weighted score, or an nps_state to merge; a NULL in any argument skips it (R4).
 * A lone integer score is the hot path: three API calls and nps_add(). */
static void agg_row(sqlite3_context *ctx, int argc, sqlite3_value **argv, int remove)
{
    int type = sqlite3_value_type(argv[0]);
    nps_agg *a;
    nps_status st;

    if (argc == 1 && type == SQLITE_INTEGER) {
        int64_t score = sqlite3_value_int64(argv[0]);
        if ((a = sqlite3_aggregate_context(ctx, sizeof *a)) == NULL) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        st = remove ? nps_remove(&a->state, score) : nps_add(&a->state, score);
        if (st != NPS_OK)
            fail(ctx, st, argv[0]);
        return;
    }

    int weighted = argc == 2;
    double arg = 0.0;
    if (type == SQLITE_NULL || (argc == 2 && sqlite3_value_type(argv[1]) == SQLITE_NULL))
        return;
    if (weighted && type == SQLITE_BLOB) {
        fail(ctx, NPS_E_WEIGHT_STATE, argv[1]);
        return;
    }
    if (weighted) {
        st = number_of(argv[1], &arg);
        if (st != NPS_OK) /* name the argument: "weight 'abc' ..." */
            st = NPS_E_WEIGHT;
        else
            st = nps_check_weight(arg);
        if (st == NPS_OK && !isfinite(arg * arg))
            st = NPS_E_WEIGHT_SQUARE;
        if (st != NPS_OK) {
            fail(ctx, st, argv[1]);
            return;
        }
    }
    if ((a = sqlite3_aggregate_context(ctx, sizeof *a)) == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (type == SQLITE_BLOB) {
        nps_state s;
        st = nps_decode(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &s);
        if (st == NPS_OK)
            st = remove ? nps_unmerge(&a->state, &s) : nps_merge(&a->state, &s);
    } else {
        int64_t score;
        st = score_of(argv[0], type, &score);
        if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
            return;
        if (st == NPS_OK && weighted)
            st = remove ? nps_remove_weighted(&a->state, score, arg)
                        : nps_add_weighted(&a->state, score, arg);
        else if (st == NPS_OK)
            st = remove ? nps_remove(&a->state, score) : nps_add(&a->state, score);
    }
    if (st == NPS_E_INEXACT || st == NPS_E_OVERFLOW)
        fail(ctx, st, NULL);
    else if (st != NPS_OK)
        fail(ctx, st, argv[0]);
}

/* xStep of every aggregate. */
static void agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    agg_row(ctx, argc, argv, 0);
}

/* xInverse of every aggregate: the row leaves a sliding window frame. */
static void agg_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    agg_row(ctx, argc, argv, 1);
}

/* Return a state as its binary form (R11). */
static void result_state(sqlite3_context *ctx, const nps_state *s)
{
    uint8_t blob[NPS_STATE_BYTES];
    size_t len = nps_encode(s, blob);
    sqlite3_result_blob(ctx, blob, (int)len, SQLITE_TRANSIENT);
}

/* Return the JSON summary of a state, marked as JSON; NULL without rows. */
static void result_summary(sqlite3_context *ctx, const nps_state *s)
{
    char json[NPS_SUMMARY_MAX];
    if (nps_summary_json(s, json, sizeof json) != NPS_OK)
        return;
    sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
    sqlite3_result_subtype(ctx, JSON_SUBTYPE);
}

/* Return one measure of a state; NULL without rows (R5). */
static void result_measure(sqlite3_context *ctx, const nps_state *s, nps_measure m,
                           double confidence)
{
    double v;
    nps_status st = nps_compute(s, m, confidence, &v);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, v);
    else if (st != NPS_EMPTY)
        fail(ctx, st, NULL);
}

/* xFinal and xValue: the function's result from the current state; no valid
 * rows give NULL (R5). */
static void agg_value(sqlite3_context *ctx)
{
    const nps_function *f = sqlite3_user_data(ctx);
    const nps_agg *a = sqlite3_aggregate_context(ctx, 0);
    if (a == NULL)
        return;
    switch (f->kind) {
    case NPS_K_STATE:
        if (nps_rows(&a->state) > 0)
            result_state(ctx, &a->state);
        return;
    case NPS_K_SUMMARY:
        result_summary(ctx, &a->state);
        return;
    default:
        result_measure(ctx, &a->state, f->measure, NPS_DEFAULT_CONFIDENCE);
        return;
    }
}

/* True when any argument is NULL: every scalar then returns NULL. */
static int any_null(int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            return 1;
    return 0;
}

/* Read the arguments of nps_category and nps_followup_question: a score 0..10
 * and a language ('en' when absent).  0 when the call already has its result:
 * NULL for a NULL argument, or an error. */
static int score_and_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv, int64_t *score,
                          const char **lang, int *lang_len)
{
    if (any_null(argc, argv))
        return 0;
    nps_status st = score_of(argv[0], sqlite3_value_type(argv[0]), score);
    if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
        return 0;
    if (st == NPS_OK && (uint64_t)*score > 10u)
        st = NPS_E_SCORE_RANGE;
    if (st == NPS_E_SCORE_TYPE) { /* a blob: a state, or some other bytes */
        nps_state s;
        if (nps_decode(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &s) ==
            NPS_OK)
            st = NPS_E_SCALAR_STATE;
        else {
            char value[NPS_VALUE_MAX] = "a blob ";
            render_blob(sqlite3_value_blob(argv[0]), sqlite3_value_bytes(argv[0]), value + 7,
                        sizeof value - 7);
            fail_text(ctx, st, value);
            return 0;
        }
    }
    if (st != NPS_OK) {
        fail(ctx, st, argv[0]);
        return 0;
    }
    *lang = "en";
    *lang_len = 2;
    if (argc == 2) {
        *lang = (const char *)sqlite3_value_text(argv[1]);
        if (*lang == NULL) {
            sqlite3_result_error_nomem(ctx);
            return 0;
        }
        *lang_len = sqlite3_value_bytes(argv[1]);
    }
    return 1;
}

/* nps_category(score [, lang]): the category's label, English by default (R2). */
static void fn_category(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *lang, *label;
    int lang_len;
    int64_t score;
    if (!score_and_lang(ctx, argc, argv, &score, &lang, &lang_len))
        return;
    nps_status st = nps_category_label(score, lang, (size_t)lang_len, &label);
    if (st == NPS_OK)
        sqlite3_result_text(ctx, label, -1, SQLITE_STATIC);
    else
        fail(ctx, st, st == NPS_E_LANG ? argv[1] : argv[0]);
}

/* nps_band(nps_value): 'negative', 'good', 'great' or 'excellent' (R13). */
static void fn_band(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *label;
    double v;
    if (any_null(argc, argv))
        return;
    nps_status st = number_of(argv[0], &v);
    if (st == NPS_OK)
        st = nps_band(v, &label);
    if (st == NPS_OK)
        sqlite3_result_text(ctx, label, -1, SQLITE_STATIC);
    else
        fail(ctx, st, argv[0]);
}

/* Read argument i (0-based) of a scalar that takes states; 0 after failing
 * ctx with an error that names the argument when there are several. */
static int state_arg(sqlite3_context *ctx, int argc, sqlite3_value **argv, int i, nps_state *s)
{
    nps_status st = NPS_E_NOT_STATE;
    if (sqlite3_value_type(argv[i]) == SQLITE_BLOB)
        st = nps_decode(sqlite3_value_blob(argv[i]), (size_t)sqlite3_value_bytes(argv[i]), s);
    if (st == NPS_OK)
        return 1;
    const nps_function *f = sqlite3_user_data(ctx);
    char fn[NPS_VALUE_MAX], value[NPS_VALUE_MAX], msg[NPS_MESSAGE_MAX];
    int states = argc > 1 && f->kind != NPS_K_MEASURE_OF;
    if (states)
        sqlite3_snprintf((int)sizeof fn, fn, "%s: argument %d", f->name, i + 1);
    else
        sqlite3_snprintf((int)sizeof fn, fn, "%s", f->name);
    render_value(argv[i], st, value);
    nps_message(msg, sizeof msg, st, fn, value);
    sqlite3_result_error(ctx, msg, -1);
    return 0;
}

/* nps_of(st) and the other _of scalars: the aggregate's result for one
 * state; the margin and the interval take a confidence (0.95 by default). */
static void fn_measure_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const nps_function *f = sqlite3_user_data(ctx);
    double confidence = NPS_DEFAULT_CONFIDENCE, z;
    nps_state s;
    if (any_null(argc, argv) || !state_arg(ctx, argc, argv, 0, &s))
        return;
    if (argc == 2 && (number_of(argv[1], &confidence) != NPS_OK ||
                      nps_z_for_confidence(confidence, &z) != NPS_OK)) {
        fail(ctx, NPS_E_CONFIDENCE, argv[1]);
        return;
    }
    result_measure(ctx, &s, f->measure, confidence);
}

/* nps_summary_of(st): the JSON summary of one state. */
static void fn_summary_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s;
    if (!any_null(argc, argv) && state_arg(ctx, argc, argv, 0, &s))
        result_summary(ctx, &s);
}

/* nps_rows_of(st): the number of rows a state holds. */
static void fn_rows_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s;
    if (!any_null(argc, argv) && state_arg(ctx, argc, argv, 0, &s))
        sqlite3_result_int64(ctx, nps_rows(&s));
}

/* nps_state_merge(a, b): the merged state; NULL + s = s. */
static void fn_state_merge(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s[2];
    int have[2];
    for (int i = 0; i < 2; i++) {
        have[i] = sqlite3_value_type(argv[i]) != SQLITE_NULL;
        if (have[i] && !state_arg(ctx, argc, argv, i, &s[i]))
            return;
    }
    if (!have[0] && !have[1])
        return;
    if (!have[0])
        s[0] = s[1];
    else if (have[1]) {
        nps_status st = nps_merge(&s[0], &s[1]);
        if (st != NPS_OK) {
            fail(ctx, st, NULL);
            return;
        }
    }
    result_state(ctx, &s[0]);
}

/* nps_pvalue(state_a, state_b): two-sided p-value that the two NPS differ (R12). */
static void fn_pvalue(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s[2];
    double p;
    if (any_null(argc, argv))
        return;
    for (int i = 0; i < 2; i++)
        if (!state_arg(ctx, argc, argv, i, &s[i]))
            return;
    nps_status st = nps_pvalue(&s[0], &s[1], &p);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, p);
    else if (st != NPS_EMPTY)
        fail(ctx, st, NULL);
}

/* nps_version(): the release this library was built from. */
static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, NPS_VERSION, -1, SQLITE_STATIC);
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

/* The question of nps_followup_questions(category, lang, question) for a
 * category and language, when that table exists and has one: copied into
 * the result and 1 returned; 0 when there is none; -1 after failing ctx. */
static int override_question(sqlite3_context *ctx, int category, const char *lang, int lang_len)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    static const char sql[] =
        "SELECT question FROM nps_followup_questions"
        " WHERE category = ?1 AND lower(lang) = lower(?2) AND question IS NOT NULL";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK) {
        const char *err = sqlite3_errmsg(db);
        if (strncmp(err, "no such table: ", 15) == 0)
            return 0; /* no override table: the built-in questions */
        char *msg = sqlite3_mprintf("nps_followup_question: %s", err);
        sqlite3_result_error(ctx, msg ? msg : "nps_followup_question: out of memory", -1);
        sqlite3_free(msg);
        return -1;
    }
    sqlite3_bind_text(stmt, 1, nps_category_name(category), -1, SQLITE_STATIC);
    sqlite3_bind_text(stmt, 2, lang, lang_len, SQLITE_STATIC);
    int rc = sqlite3_step(stmt), found = 0;
    if (rc == SQLITE_ROW) {
        sqlite3_result_value(ctx, sqlite3_column_value(stmt, 0));
        found = 1;
    } else if (rc != SQLITE_DONE) {
        sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
        found = -1;
    }
    sqlite3_finalize(stmt);
    return found;
}

/* nps_followup_question(score [, lang]): the question to ask after a score
 * (P3), from nps_followup_questions when it has one, else built in. */
static void fn_question(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const char *lang, *question;
    int lang_len;
    int64_t score;
    if (!score_and_lang(ctx, argc, argv, &score, &lang, &lang_len))
        return;
    if (override_question(ctx, nps_category_of(score), lang, lang_len) != 0)
        return;
    nps_status st = nps_followup_question(score, lang, (size_t)lang_len, &question);
    if (st == NPS_OK)
        sqlite3_result_text(ctx, question, -1, SQLITE_STATIC);
    else
        fail(ctx, st, st == NPS_E_LANG ? argv[1] : argv[0]);
}

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
    const nps_function *f = sqlite3_user_data(ctx);
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    if (rc == SQLITE_NOMEM) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    char *msg = sqlite3_mprintf("%s: %s", f->name, sqlite3_errmsg(db));
    if (msg == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
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

/* Category of a value, in SQL: the value must be a whole number 0..10, as a
 * number or as text of digits; anything else is NULL (no alert).  Plain SQL,
 * so that connections which write rows need not load the extension. */
static void append_category(sqlite3_str *sql, const char *column)
{
    sqlite3_str_appendf(
        sql,
        "CASE WHEN typeof(NEW.\"%w\") IN ('integer', 'real') THEN CASE"
        " WHEN NEW.\"%w\" IN (0, 1, 2, 3, 4, 5, 6) THEN 'detractor'"
        " WHEN NEW.\"%w\" IN (7, 8) THEN 'passive'"
        " WHEN NEW.\"%w\" IN (9, 10) THEN 'promoter' END"
        " WHEN typeof(NEW.\"%w\") = 'text' THEN CASE"
        " WHEN trim(NEW.\"%w\") IN ('0', '1', '2', '3', '4', '5', '6') THEN 'detractor'"
        " WHEN trim(NEW.\"%w\") IN ('7', '8') THEN 'passive'"
        " WHEN trim(NEW.\"%w\") IN ('9', '10') THEN 'promoter' END END",
        column, column, column, column, column, column, column, column);
}

/* What nps_alert_on() installs: everything it needs to write its SQL. */
typedef struct alert_spec {
    const char *table, *column, *queue;
    unsigned mask;                       /* categories that alert, 1 << NPS_DETRACTOR etc. */
    char categories[NPS_CATEGORIES_MAX]; /* canonical list, e.g. "detractor,promoter" */
    int followups;                       /* nps_followups exists: add a follow-up row */
    int clock;                           /* nps_config exists: its now is the time */
} alert_spec;

/* Append one trigger (INSERT or UPDATE) of an alert to sql.  UPDATE alerts
 * only when the score changed. */
static void append_trigger(sqlite3_str *sql, const alert_spec *a, int update)
{
    const char *now = a->clock ? "(SELECT now FROM nps_config)" : "datetime('now')";
    if (update)
        sqlite3_str_appendf(sql,
                            "CREATE TRIGGER main.\"nps_alert_%w_update\" AFTER UPDATE OF \"%w\""
                            " ON \"%w\" WHEN NEW.\"%w\" IS NOT OLD.\"%w\" AND (",
                            a->table, a->column, a->table, a->column, a->column);
    else
        sqlite3_str_appendf(sql,
                            "CREATE TRIGGER main.\"nps_alert_%w_insert\" AFTER INSERT ON \"%w\""
                            " WHEN (",
                            a->table, a->table);
    append_category(sql, a->column);
    sqlite3_str_appendf(sql, ") IN (");
    for (int c = 0, first = 1; c < NPS_NCATEGORIES; c++)
        if (a->mask & (1u << c)) {
            sqlite3_str_appendf(sql, "%s'%s'", first ? "" : ", ", nps_category_name(c));
            first = 0;
        }
    sqlite3_str_appendf(
        sql,
        ") BEGIN INSERT INTO \"%w\" (table_name, row_id, score, category, created_at)"
        " VALUES ('%q', NEW.rowid, CAST(trim(NEW.\"%w\") AS INTEGER), ",
        a->queue, a->table, a->column);
    append_category(sql, a->column);
    sqlite3_str_appendf(sql, ", %s);", now);
    if (a->followups)
        sqlite3_str_appendf(
            sql,
            " INSERT INTO nps_followups (source_table, response_key, score, responded_at)"
            " VALUES ('%q', NEW.rowid, CAST(trim(NEW.\"%w\") AS INTEGER), %s);",
            a->table, a->column, now);
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
    const nps_function *f = sqlite3_user_data(ctx);
    char *msg = sqlite3_mprintf("%s: %s", f->name, err);
    sqlite3_free(err);
    if (msg == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_error(ctx, msg, -1);
    sqlite3_free(msg);
}

/* The column of a table named by arg, as the table spells it (generated
 * columns count); NULL after failing ctx. */
static char *alerted_column(sqlite3_context *ctx, const char *table, sqlite3_value *arg)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    char *column = NULL;
    const char *name = (const char *)sqlite3_value_text(arg);
    int len = sqlite3_value_bytes(arg);
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

/* 1 when the table has a rowid, 0 after failing ctx (a WITHOUT ROWID table). */
static int has_rowid(sqlite3_context *ctx, const char *table)
{
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_stmt *stmt = NULL;
    char *sql = sqlite3_mprintf("SELECT rowid FROM main.\"%w\" LIMIT 0", table);
    if (sql == NULL) {
        sqlite3_result_error_nomem(ctx);
        return 0;
    }
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    sqlite3_finalize(stmt);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) {
        char value[NPS_VALUE_MAX];
        nps_render_text(table, strlen(table), value, sizeof value);
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
    if (!alert_options(ctx, argc, argv, &a) || !has_rowid(ctx, table) || !queue_usable(ctx, &a))
        goto done;
    a.followups = has_object(db, "nps_followups", "'table'", &rc);
    if (rc == SQLITE_OK)
        a.clock = has_object(db, "nps_config", "'table', 'view'", &rc);
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

/* The xFunc of a scalar kind. */
typedef void (*nps_xfunc)(sqlite3_context *, int, sqlite3_value **);
static nps_xfunc scalar_of(nps_kind kind)
{
    switch (kind) {
    case NPS_K_MEASURE_OF:
        return fn_measure_of;
    case NPS_K_SUMMARY_OF:
        return fn_summary_of;
    case NPS_K_ROWS_OF:
        return fn_rows_of;
    case NPS_K_MERGE:
        return fn_state_merge;
    case NPS_K_CATEGORY:
        return fn_category;
    case NPS_K_BAND:
        return fn_band;
    case NPS_K_PVALUE:
        return fn_pvalue;
    case NPS_K_SAMPLE:
        return fn_sample_key;
    case NPS_K_CASEFOLD:
        return fn_casefold;
    case NPS_K_QUESTION:
        return fn_question;
    case NPS_K_ALERT_ON:
        return fn_alert_on;
    case NPS_K_ALERT_OFF:
        return fn_alert_off;
    default:
        return fn_version;
    }
}

/* Entry point of `.load nps`: register every function of the table. */
#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_nps_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    SQLITE_EXTENSION_INIT2(pApi);
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
        const nps_function *f = &functions[i];
        void *data = (void *)f;
        int rc;
        if (f->kind <= NPS_K_SUMMARY)
            rc = sqlite3_create_window_function(db, f->name, f->nargs, f->flags, data, agg_step,
                                                agg_value, agg_value, agg_inverse, NULL);
        else
            rc = sqlite3_create_function(db, f->name, f->nargs, f->flags, data, scalar_of(f->kind),
                                         NULL, NULL);
        if (rc != SQLITE_OK) {
            if (pzErrMsg != NULL)
                *pzErrMsg = sqlite3_mprintf("nps: cannot register %s/%d: %s", f->name, f->nargs,
                                            sqlite3_errstr(rc));
            return rc;
        }
    }
    return SQLITE_OK;
}
