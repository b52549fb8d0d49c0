/*
 * scale.c -- CSAT and CES in SQLite: the aggregates, _of scalars and state
 * merge of each scale of ../sql/surface.h (NPS_SCALES, NPS_SCALE_MEASURES),
 * the same shape as NPS's in nps_sqlite.c over the core's scale state
 * (core/nps_scale.h, S1-S7).  A state is a BLOB in the scale's own format;
 * a blob of another measure is an error that names it.
 */
#include <stdint.h>
#include <string.h>

#include "nps_sqlite.h"

#include "../sql/surface.h"

/* Aggregate context, zeroed by SQLite: `started` tells a fresh one, which
 * becomes an empty state of the function's scale. */
typedef struct scale_agg {
    int started;
    nps_scale_state state;
} scale_agg;

/* The aggregate context of a row's function, started; NULL when out of memory. */
static nps_scale_state *context_of(sqlite3_context *ctx)
{
    scale_agg *a = sqlite3_aggregate_context(ctx, sizeof *a);
    if (a == NULL) {
        sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    if (!a->started) {
        const nps_function *f = sqlite3_user_data(ctx);
        nps_scale_init(&a->state, f->scale);
        a->started = 1;
    }
    return &a->state;
}

/* A score of scale k from a non-NULL value (S1): an integer as it is (the
 * state checks it), a real or text read by the core; NPS_EMPTY for blank text. */
static nps_status scale_score(nps_scale k, sqlite3_value *v, int type, int64_t *score)
{
    switch (type) {
    case SQLITE_INTEGER:
        *score = sqlite3_value_int64(v);
        return NPS_OK;
    case SQLITE_FLOAT:
        return nps_scale_score_from_double(k, sqlite3_value_double(v), score);
    default: {
        const char *text = (const char *)sqlite3_value_text(v);
        if (text == NULL)
            return NPS_E_SCORE_TEXT;
        return nps_scale_score_from_text(k, text, (size_t)sqlite3_value_bytes(v), score);
    }
    }
}

/* Add one row to an aggregate, or take it out again (xInverse): a score, a
 * weighted score, or a state of the scale to merge; a NULL in any argument
 * skips it (R4). */
static void scale_row(sqlite3_context *ctx, int argc, sqlite3_value **argv, int remove)
{
    int type = sqlite3_value_type(argv[0]), weighted = argc == 2;
    double w = 0.0;
    nps_scale_state *s;
    nps_status st;

    if (argc == 1 && type == SQLITE_INTEGER && !remove) {
        /* the hot path: one integer score into a started context */
        scale_agg *a = sqlite3_aggregate_context(ctx, sizeof *a);
        if (a != NULL && a->started)
            s = &a->state;
        else if ((s = context_of(ctx)) == NULL)
            return;
        if ((st = nps_scale_add(s, sqlite3_value_int64(argv[0]))) != NPS_OK)
            fail(ctx, st, st == NPS_E_OVERFLOW ? NULL : argv[0]);
        return;
    }
    const nps_function *f = sqlite3_user_data(ctx);
    if (type == SQLITE_NULL || (weighted && sqlite3_value_type(argv[1]) == SQLITE_NULL))
        return;
    if (weighted && type == SQLITE_BLOB) {
        fail(ctx, nps_scale_status(f->scale, NPS_SE_WEIGHT_STATE), argv[1]);
        return;
    }
    if ((weighted && !weight_of(ctx, argv[1], &w)) || (s = context_of(ctx)) == NULL)
        return;
    if (type == SQLITE_BLOB) {
        nps_scale_state other;
        st = nps_scale_decode(f->scale, sqlite3_value_blob(argv[0]),
                              (size_t)sqlite3_value_bytes(argv[0]), &other);
        if (st == NPS_OK)
            st = remove ? nps_scale_unmerge(s, &other) : nps_scale_merge(s, &other);
    } else {
        int64_t score;
        st = scale_score(f->scale, argv[0], type, &score);
        if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
            return;
        if (st == NPS_OK && weighted)
            st = remove ? nps_scale_remove_weighted(s, score, w)
                        : nps_scale_add_weighted(s, score, w);
        else if (st == NPS_OK)
            st = remove ? nps_scale_remove(s, score) : nps_scale_add(s, score);
    }
    if (st == NPS_E_INEXACT || st == NPS_E_OVERFLOW)
        fail(ctx, st, NULL);
    else if (st != NPS_OK)
        fail(ctx, st, argv[0]);
}

static void scale_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    scale_row(ctx, argc, argv, 0);
}

static void scale_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    scale_row(ctx, argc, argv, 1);
}

/* The current state of an aggregate; NULL before its first row. */
static const nps_scale_state *agg_state(sqlite3_context *ctx)
{
    const scale_agg *a = sqlite3_aggregate_context(ctx, 0);
    return a != NULL && a->started ? &a->state : NULL;
}

/* Return a state as its binary form (S6). */
static void result_state(sqlite3_context *ctx, const nps_scale_state *s)
{
    uint8_t blob[NPS_SCALE_BYTES];
    size_t len = nps_scale_encode(s, blob);
    sqlite3_result_blob(ctx, blob, (int)len, SQLITE_TRANSIENT);
}

/* Return the JSON summary of a state, marked as JSON; NULL without rows. */
static void result_summary(sqlite3_context *ctx, const nps_scale_state *s)
{
    char json[NPS_SCALE_SUMMARY_MAX];
    if (nps_scale_summary_json(s, json, sizeof json) != NPS_OK)
        return;
    sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
    sqlite3_result_subtype(ctx, JSON_SUBTYPE);
}

/* Return one measure of a state; NULL without a value (R5, S4). */
static void result_measure(sqlite3_context *ctx, const nps_scale_state *s, double confidence,
                           sqlite3_value *confidence_arg)
{
    const nps_function *f = sqlite3_user_data(ctx);
    double v;
    nps_status st = nps_scale_compute(s, f->scale_measure, confidence, &v);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, v);
    else if (st != NPS_EMPTY)
        fail(ctx, st, st == NPS_E_CONFIDENCE ? confidence_arg : NULL);
}

/* xFinal and xValue of the aggregates of each kind of result. */
static void agg_value_number(sqlite3_context *ctx)
{
    const nps_scale_state *s = agg_state(ctx);
    if (s != NULL)
        result_measure(ctx, s, NPS_DEFAULT_CONFIDENCE, NULL);
}

static void agg_value_state(sqlite3_context *ctx)
{
    const nps_scale_state *s = agg_state(ctx);
    if (s != NULL && s->rows > 0)
        result_state(ctx, s);
}

static void agg_value_summary(sqlite3_context *ctx)
{
    const nps_scale_state *s = agg_state(ctx);
    if (s != NULL)
        result_summary(ctx, s);
}

/* Read argument i, a state of the function's scale; 0 after failing ctx
 * with an error that names the value (and the argument, for name_it). */
static int scale_arg(sqlite3_context *ctx, sqlite3_value **argv, int i, int name_it,
                     nps_scale_state *s)
{
    const nps_function *f = sqlite3_user_data(ctx);
    nps_status st = nps_scale_status(f->scale, NPS_SE_NOT_STATE);
    if (sqlite3_value_type(argv[i]) == SQLITE_BLOB)
        st = nps_scale_decode(f->scale, sqlite3_value_blob(argv[i]),
                              (size_t)sqlite3_value_bytes(argv[i]), s);
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX], fn[NPS_VALUE_MAX];
    render_value(argv[i], st, value);
    if (name_it)
        sqlite3_snprintf((int)sizeof fn, fn, "%s: argument %d", f->name, i + 1);
    fail_as(ctx, st, name_it ? fn : f->name, value);
    return 0;
}

/* <name>_of(st [, confidence]): the aggregate's result for one state. */
static void fn_of_number(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double confidence = NPS_DEFAULT_CONFIDENCE;
    nps_scale_state s;
    if (any_null(argc, argv) || !scale_arg(ctx, argv, 0, 0, &s))
        return;
    if (argc == 2 && number_of(argv[1], &confidence) != NPS_OK) {
        fail(ctx, NPS_E_CONFIDENCE, argv[1]);
        return;
    }
    result_measure(ctx, &s, confidence, argc == 2 ? argv[1] : NULL);
}

static void fn_of_summary(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_scale_state s;
    if (!any_null(argc, argv) && scale_arg(ctx, argv, 0, 0, &s))
        result_summary(ctx, &s);
}

static void fn_of_rows(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_scale_state s;
    if (!any_null(argc, argv) && scale_arg(ctx, argv, 0, 0, &s))
        sqlite3_result_int64(ctx, s.rows);
}

/* <scale>_state_merge(a, b): the merged state; NULL + s = s. */
static void fn_state_merge(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_scale_state s[2];
    int have[2];
    (void)argc;
    for (int i = 0; i < 2; i++) {
        have[i] = sqlite3_value_type(argv[i]) != SQLITE_NULL;
        if (have[i] && !scale_arg(ctx, argv, i, 1, &s[i]))
            return;
    }
    if (!have[0] && !have[1])
        return;
    if (!have[0])
        s[0] = s[1];
    else if (have[1]) {
        nps_status st = nps_scale_merge(&s[0], &s[1]);
        if (st != NPS_OK) {
            fail(ctx, st, NULL);
            return;
        }
    }
    result_state(ctx, &s[0]);
}

#define FLAGS_number PURE
#define FLAGS_state PURE
#define FLAGS_summary JSON_RESULT
#define FLAGS_rows PURE

/* The row of an aggregate of scale k, a window function with an inverse. */
#define AGGREGATE(fn_name, fn_nargs, fn_flags, k, m, fn_value)                                     \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .scale = (nps_scale)(k),      \
        .scale_measure = (m), .step = scale_step, .inverse = scale_inverse, .value = (fn_value)    \
    }
/* The row of a scalar of scale k. */
#define SCALAR(fn_name, fn_nargs, fn_flags, k, m, fn_xfunc)                                        \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .scale = (nps_scale)(k),      \
        .scale_measure = (m), .xfunc = (fn_xfunc)                                                  \
    }

/* The rows of one measure of a scale, as nps_sqlite.c's MEASURE_ROWS. */
#define AGGREGATE_no(name, flags, k, m, value)
#define AGGREGATE_yes(name, flags, k, m, value)                                                    \
    AGGREGATE(name, 1, flags, k, m, value), AGGREGATE(name, 2, flags, k, m, value),
#define OF_no(name, flags, k, m, xfunc)
#define OF_yes(name, flags, k, m, xfunc) SCALAR(name, 1, flags, k, m, xfunc),
#define OF_confidence(name, flags, k, m, xfunc)                                                    \
    SCALAR(name, 1, flags, k, m, xfunc), SCALAR(name, 2, flags, k, m, xfunc),
/* SCALE_ID_<scale>: the nps_scale of each row of NPS_SCALES. */
#define SCALE_ID(scale, id, empty, scores) SCALE_ID_##scale = id,
enum { NPS_SCALES(SCALE_ID) };
#define MEASURE_ROWS(scale, name, final, result, measure, aggregate, of, about, final_about,       \
                     of_about)                                                                     \
    AGGREGATE_##aggregate(#name, FLAGS_##result, SCALE_ID_##scale, measure, agg_value_##result)    \
        OF_##of(#name "_of", FLAGS_##result, SCALE_ID_##scale, measure, fn_of_##result)
#define MERGE_ROW(scale, id, empty, scores)                                                        \
    SCALAR(#scale "_state_merge", 2, PURE, id, NPS_S_VALUE, fn_state_merge),

const nps_function nps_scale_functions[] = {
    NPS_SCALE_MEASURES(MEASURE_ROWS) /* each row ends with its comma */
    NPS_SCALES(MERGE_ROW)};
const size_t nps_scale_count = sizeof nps_scale_functions / sizeof nps_scale_functions[0];
