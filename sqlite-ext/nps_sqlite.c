/*
 * nps_sqlite.c -- the SQLite face of the nps core: every SQL function of the
 * contract, registered from one table by sqlite3_nps_init().
 *
 * Thin and mechanical: convert the arguments, call the core, and turn a
 * status into sqlite3_result_error() with the text of nps_message() (args.c).
 * The aggregates are window functions with an inverse, so a sliding frame
 * costs O(1) per row.  The rows of each measure come from the table of the
 * SQL surface, ../sql/surface.h.  The only global is the API pointer of
 * SQLITE_EXTENSION_INIT1, set once by the loader; everything else is a
 * static const table.
 *
 * The programme toolkit's functions (sampling, case folding, follow-up
 * questions, alerts) live in programme.c, the inference functions (sample
 * size, p-values, intervals of a change) in infer.c, registered with these.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "nps.h"
#include "nps_sqlite.h"
#include "nps_version.h"

#include "../sql/surface.h"

/* Aggregate context, zeroed by SQLite (a zeroed nps_state holds no rows). */
typedef struct nps_agg {
    nps_state state;
} nps_agg;

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
    if (weighted && !weight_of(ctx, argv[1], &arg))
        return;
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

/* The current state of an aggregate; NULL before its first row. */
static const nps_state *agg_state(sqlite3_context *ctx)
{
    const nps_agg *a = sqlite3_aggregate_context(ctx, 0);
    return a != NULL ? &a->state : NULL;
}

/* xFinal and xValue of an aggregate whose result is a number: its measure
 * at 95%; no valid rows give NULL (R5). */
static void agg_value_number(sqlite3_context *ctx)
{
    const nps_function *f = sqlite3_user_data(ctx);
    const nps_state *s = agg_state(ctx);
    if (s != NULL)
        result_measure(ctx, s, f->measure, NPS_DEFAULT_CONFIDENCE, NULL);
}

/* xFinal and xValue of nps_state(): the state, NULL without rows. */
static void agg_value_state(sqlite3_context *ctx)
{
    const nps_state *s = agg_state(ctx);
    if (s != NULL && nps_rows(s) > 0)
        result_state(ctx, s);
}

/* xFinal and xValue of nps_summary(): the JSON summary, NULL without rows. */
static void agg_value_summary(sqlite3_context *ctx)
{
    const nps_state *s = agg_state(ctx);
    if (s != NULL)
        result_summary(ctx, s);
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
 * ctx with an error that names the argument (name_it: the function takes
 * several states). */
int state_arg(sqlite3_context *ctx, sqlite3_value **argv, int i, int name_it, nps_state *s)
{
    nps_status st = NPS_E_NOT_STATE;
    if (sqlite3_value_type(argv[i]) == SQLITE_BLOB)
        st = nps_decode(sqlite3_value_blob(argv[i]), (size_t)sqlite3_value_bytes(argv[i]), s);
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX];
    render_value(argv[i], st, value);
    if (name_it) {
        const nps_function *f = sqlite3_user_data(ctx);
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
static void fn_of_number(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const nps_function *f = sqlite3_user_data(ctx);
    double confidence = NPS_DEFAULT_CONFIDENCE;
    nps_state s;
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 0, &s))
        return;
    if (argc == 2 && number_of(argv[1], &confidence) != NPS_OK) {
        fail(ctx, NPS_E_CONFIDENCE, argv[1]);
        return;
    }
    result_measure(ctx, &s, f->measure, confidence, argc == 2 ? argv[1] : NULL);
}

/* nps_summary_of(st): the JSON summary of one state. */
static void fn_of_summary(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s;
    if (!any_null(argc, argv) && state_arg(ctx, argv, 0, 0, &s))
        result_summary(ctx, &s);
}

/* nps_rows_of(st): the number of rows a state holds. */
static void fn_of_rows(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s;
    if (!any_null(argc, argv) && state_arg(ctx, argv, 0, 0, &s))
        sqlite3_result_int64(ctx, nps_rows(&s));
}

/* nps_state_merge(a, b): the merged state; NULL + s = s. */
static void fn_state_merge(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_state s[2];
    int have[2];
    (void)argc;
    for (int i = 0; i < 2; i++) {
        have[i] = sqlite3_value_type(argv[i]) != SQLITE_NULL;
        if (have[i] && !state_arg(ctx, argv, i, 1, &s[i]))
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

/* nps_version(): the release this library was built from. */
static void fn_version(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, NPS_VERSION, -1, SQLITE_STATIC);
}

/* The flags of the functions of each kind of result (sql/surface.h). */
#define FLAGS_number PURE
#define FLAGS_state PURE
#define FLAGS_summary JSON_RESULT
#define FLAGS_rows PURE

/* The row of an aggregate: every one is a window function with an inverse. */
#define AGGREGATE(fn_name, fn_nargs, fn_flags, fn_measure, fn_value)                               \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .measure = (fn_measure),      \
        .step = agg_step, .inverse = agg_inverse, .value = (fn_value)                              \
    }
/* The row of an _of scalar, which computes its measure. */
#define OF_SCALAR(fn_name, fn_nargs, fn_flags, fn_measure, fn_xfunc)                               \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .measure = (fn_measure),      \
        .xfunc = (fn_xfunc)                                                                        \
    }

/* The rows of one measure of sql/surface.h: the aggregate with one argument
 * (a score or a state) and with two (and a weight); the _of scalar with a
 * state and, for a margin or an interval, also with a confidence.  Each
 * takes the C functions of its kind of result by name (agg_value_<result>,
 * fn_of_<result>): a kind without them does not compile. */
#define AGGREGATE_no(name, flags, measure, value)
#define AGGREGATE_yes(name, flags, measure, value)                                                 \
    AGGREGATE(name, 1, flags, measure, value), AGGREGATE(name, 2, flags, measure, value),
#define OF_no(name, flags, measure, xfunc)
#define OF_yes(name, flags, measure, xfunc) OF_SCALAR(name, 1, flags, measure, xfunc),
#define OF_confidence(name, flags, measure, xfunc)                                                 \
    OF_SCALAR(name, 1, flags, measure, xfunc), OF_SCALAR(name, 2, flags, measure, xfunc),
#define MEASURE_ROWS(name, final, result, measure, aggregate, of, about, final_about, of_about)    \
    AGGREGATE_##aggregate(#name, FLAGS_##result, measure, agg_value_##result)                      \
        OF_##of(#name "_of", FLAGS_##result, measure, fn_of_##result)

/* Every SQL function of the contract, once: the measures of the table, then
 * the scalars that are not measures.  The second argument of an aggregate is
 * a weight; the second argument of a margin or interval _of scalar is a
 * confidence. */
static const nps_function functions[] = {
    NPS_MEASURES(MEASURE_ROWS) /* each row ends with its comma */
    NPS_SCALAR("nps_state_merge", 2, PURE, fn_state_merge),
    NPS_SCALAR("nps_category", 1, PURE, fn_category),
    NPS_SCALAR("nps_category", 2, PURE, fn_category),
    NPS_SCALAR("nps_band", 1, PURE, fn_band),
    NPS_SCALAR("nps_version", 0, PURE, fn_version),
};

/* Register the rows of a table; SQLITE_OK or an error code with *pzErrMsg
 * set, as sqlite3_nps_init() returns. */
static int register_functions(sqlite3 *db, const nps_function *fs, size_t n, char **pzErrMsg)
{
    for (size_t i = 0; i < n; i++) {
        const nps_function *f = &fs[i];
        void *data = (void *)f;
        int rc;
        if (f->step != NULL)
            rc = sqlite3_create_window_function(db, f->name, f->nargs, f->flags, data, f->step,
                                                f->value, f->value, f->inverse, NULL);
        else if (f->xfunc != NULL)
            rc = sqlite3_create_function(db, f->name, f->nargs, f->flags, data, f->xfunc, NULL,
                                         NULL);
        else /* SQLite would take a row without functions for a deletion */
            rc = SQLITE_MISUSE;
        if (rc != SQLITE_OK) {
            if (pzErrMsg != NULL)
                *pzErrMsg = sqlite3_mprintf("nps: cannot register %s/%d: %s", f->name, f->nargs,
                                            sqlite3_errstr(rc));
            return rc;
        }
    }
    return SQLITE_OK;
}

/* Entry point of `.load nps`: register every function of the contract and
 * of the programme toolkit (programme.c). */
#ifdef _WIN32
__declspec(dllexport)
#endif
    int sqlite3_nps_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi)
{
    SQLITE_EXTENSION_INIT2(pApi);
    int rc = register_functions(db, functions, sizeof functions / sizeof functions[0], pzErrMsg);
    if (rc == SQLITE_OK)
        rc = register_functions(db, nps_programme_functions, nps_programme_count, pzErrMsg);
    if (rc == SQLITE_OK)
        rc = register_functions(db, nps_pair_functions, nps_pair_count, pzErrMsg);
    if (rc == SQLITE_OK)
        rc = register_functions(db, nps_infer_functions, nps_infer_count, pzErrMsg);
    if (rc == SQLITE_OK)
        rc = register_functions(db, nps_bayes_functions, nps_bayes_count, pzErrMsg);
    if (rc == SQLITE_OK)
        rc = register_functions(db, nps_scale_functions, nps_scale_count, pzErrMsg);
    return rc;
}
