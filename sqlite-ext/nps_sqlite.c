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
 * The programme toolkit's functions (sampling, case folding, follow-up
 * questions, alerts) live in programme.c, registered from there.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "nps.h"
#include "nps_sqlite.h"
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
    NPS_K_BAND,       /* scalar: nps_band(nps_value) */
    NPS_K_PVALUE,     /* scalar: nps_pvalue(state_a, state_b) */
    NPS_K_VERSION     /* scalar: nps_version() */
} nps_kind;

/* One row of the registration table; also the user data of the function,
 * so its name comes first (nps_sqlite.h). */
typedef struct nps_function {
    const char *name;
    int nargs;
    nps_kind kind;
    nps_measure measure; /* NPS_K_MEASURE only */
    int flags;
} nps_function;

/* Every function, aggregate or scalar, is a pure function of its arguments. */
#define PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* A function whose result carries a subtype (JSON) says so to SQLite 3.45+. */
#ifdef SQLITE_RESULT_SUBTYPE
#define JSON_RESULT (PURE | SQLITE_RESULT_SUBTYPE)
#else
#define JSON_RESULT PURE
#endif

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
    {"nps_summary", 1, NPS_K_SUMMARY, NPS_M_NPS, JSON_RESULT},
    {"nps_summary", 2, NPS_K_SUMMARY, NPS_M_NPS, JSON_RESULT},
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
    {"nps_summary_of", 1, NPS_K_SUMMARY_OF, NPS_M_NPS, JSON_RESULT},
    {"nps_rows_of", 1, NPS_K_ROWS_OF, NPS_M_NPS, PURE},
    {"nps_state_merge", 2, NPS_K_MERGE, NPS_M_NPS, PURE},
    {"nps_category", 1, NPS_K_CATEGORY, NPS_M_NPS, PURE},
    {"nps_category", 2, NPS_K_CATEGORY, NPS_M_NPS, PURE},
    {"nps_band", 1, NPS_K_BAND, NPS_M_NPS, PURE},
    {"nps_pvalue", 2, NPS_K_PVALUE, NPS_M_NPS, PURE},
    {"nps_version", 0, NPS_K_VERSION, NPS_M_NPS, PURE},
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

/* Fail the statement with the core's text for st, naming fn and a value
 * already rendered. */
static void fail_as(sqlite3_context *ctx, nps_status st, const char *fn, const char *value)
{
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, st, fn, value);
    sqlite3_result_error(ctx, msg, -1);
}

/* Fail the statement with the core's text for st, naming the SQL function
 * (the first member of the user data, nps_sqlite.h) and a value already rendered. */
void fail_text(sqlite3_context *ctx, nps_status st, const char *value)
{
    const char *const *name = sqlite3_user_data(ctx);
    fail_as(ctx, st, *name, value);
}

/* Fail the statement with the core's text for st, naming the SQL function and the value. */
void fail(sqlite3_context *ctx, nps_status st, sqlite3_value *culprit)
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

/* Return one measure of a state; NULL without rows (R5).  A confidence the
 * core refuses is named by the SQL value it came from, when there is one. */
static void result_measure(sqlite3_context *ctx, const nps_state *s, nps_measure m,
                           double confidence, sqlite3_value *confidence_arg)
{
    double v;
    nps_status st = nps_compute(s, m, confidence, &v);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, v);
    else if (st != NPS_EMPTY)
        fail(ctx, st, st == NPS_E_CONFIDENCE ? confidence_arg : NULL);
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
        result_measure(ctx, &a->state, f->measure, NPS_DEFAULT_CONFIDENCE, NULL);
        return;
    }
}

/* True when any argument is NULL: every scalar then returns NULL. */
int any_null(int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            return 1;
    return 0;
}

/* Read the arguments of nps_category and nps_followup_question: a score 0..10
 * and a language ('en' when absent).  0 when the call already has its result:
 * NULL for a NULL argument, or an error. */
int score_and_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv, int64_t *score,
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
    char value[NPS_VALUE_MAX];
    render_value(argv[i], st, value);
    if (argc > 1 && f->kind != NPS_K_MEASURE_OF) { /* several states: say which */
        char fn[NPS_VALUE_MAX];
        sqlite3_snprintf((int)sizeof fn, fn, "%s: argument %d", f->name, i + 1);
        fail_as(ctx, st, fn, value);
    } else {
        fail_text(ctx, st, value);
    }
    return 0;
}

/* nps_of(st) and the other _of scalars: the aggregate's result for one
 * state; the margin and the interval take a confidence (0.95 by default). */
static void fn_measure_of(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const nps_function *f = sqlite3_user_data(ctx);
    double confidence = NPS_DEFAULT_CONFIDENCE;
    nps_state s;
    if (any_null(argc, argv) || !state_arg(ctx, argc, argv, 0, &s))
        return;
    if (argc == 2 && number_of(argv[1], &confidence) != NPS_OK) {
        fail(ctx, NPS_E_CONFIDENCE, argv[1]);
        return;
    }
    result_measure(ctx, &s, f->measure, confidence, argc == 2 ? argv[1] : NULL);
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

/* The xFunc of a scalar kind; NULL for an aggregate kind.  No default: the
 * compiler names a kind left out here (-Wswitch), and registration refuses
 * a scalar without an xFunc rather than registering something else. */
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
    case NPS_K_VERSION:
        return fn_version;
    case NPS_K_MEASURE:
    case NPS_K_STATE:
    case NPS_K_SUMMARY:
        break;
    }
    return NULL;
}

/* Entry point of `.load nps`: register every function of the table, then
 * the programme toolkit's (programme.c). */
#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_nps_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    SQLITE_EXTENSION_INIT2(pApi);
    for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
        const nps_function *f = &functions[i];
        void *data = (void *)f;
        nps_xfunc scalar = scalar_of(f->kind);
        int rc;
        if (f->kind <= NPS_K_SUMMARY)
            rc = sqlite3_create_window_function(db, f->name, f->nargs, f->flags, data, agg_step,
                                                agg_value, agg_value, agg_inverse, NULL);
        else if (scalar != NULL)
            rc = sqlite3_create_function(db, f->name, f->nargs, f->flags, data, scalar, NULL, NULL);
        else
            rc = SQLITE_INTERNAL; /* a scalar kind that scalar_of() does not know */
        if (rc != SQLITE_OK) {
            if (pzErrMsg != NULL)
                *pzErrMsg = sqlite3_mprintf("nps: cannot register %s/%d: %s", f->name, f->nargs,
                                            sqlite3_errstr(rc));
            return rc;
        }
    }
    return nps_programme_register(db, pzErrMsg);
}
