/*
 * pair.c -- the SQLite functions of paired waves (W1-W5 of core/nps.h):
 * the aggregates nps_change, nps_change_pvalue, nps_migration and
 * nps_pair_state over (before, after) scores or over pair states, window
 * functions with an inverse; their _of scalars and nps_pair_state_merge.
 * Its table of functions is registered by sqlite3_nps_init().
 */
#include <stdint.h>
#include <string.h>

#include "nps_sqlite.h"

/* What a pair aggregate's final step returns. */
enum pair_result { PAIR_CHANGE, PAIR_PVALUE, PAIR_MIGRATION, PAIR_STATE };

/* Render the offending value of a pair state argument: a blob by its byte
 * count where the message is about its length, as the value otherwise. */
static void render_pair(sqlite3_value *v, nps_status st, char buf[NPS_VALUE_MAX])
{
    if (st == NPS_E_PAIR_LENGTH)
        nps_render_int(sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
    else
        render_value(v, st, buf);
}

/* Decode a non-NULL argument as a pair state; a status naming what is wrong. */
static nps_status pair_of(sqlite3_value *v, nps_pair_state *s)
{
    if (sqlite3_value_type(v) != SQLITE_BLOB)
        return NPS_E_NOT_PAIR;
    return nps_pair_decode(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v), s);
}

/* A score of a pair; NPS_EMPTY for blank text (a skipped answer).  On an
 * error, value holds what the message names. */
static nps_status pair_score(sqlite3_value *v, int64_t *score, char value[NPS_VALUE_MAX])
{
    nps_status st = score_of(v, sqlite3_value_type(v), score);
    if (st == NPS_OK && (uint64_t)*score > 10u)
        st = NPS_E_SCORE_RANGE;
    if (st == NPS_E_SCORE_TYPE) { /* a blob: say what kind when it is a state */
        nps_pair_state p;
        nps_state s;
        const void *b = sqlite3_value_blob(v);
        size_t n = (size_t)sqlite3_value_bytes(v);
        if (nps_pair_decode(b, n, &p) == NPS_OK)
            strcpy(value, "an nps_pair_state");
        else if (nps_decode(b, n, &s) == NPS_OK)
            strcpy(value, "an nps_state");
        else {
            char bytes[NPS_VALUE_MAX];
            render_value(v, st, bytes);
            sqlite3_snprintf(NPS_VALUE_MAX, value, "a blob %s", bytes);
        }
    } else if (st != NPS_OK && st != NPS_EMPTY) {
        render_value(v, st, value);
    }
    return st;
}

/* Add one row to a pair aggregate or take it out (xInverse): a pair of
 * scores, or a pair state to merge; a NULL in either skips it (W1). */
static void pair_row(sqlite3_context *ctx, int argc, sqlite3_value **argv, int remove)
{
    char value[NPS_VALUE_MAX] = "";
    nps_pair_state *a, one;
    nps_status st;
    int64_t before, after;

    if (argc == 3) {
        fail_text(ctx, NPS_E_PAIR_WEIGHT, "");
        return;
    }
    if (any_null(argc, argv))
        return;
    if (argc == 1) {
        st = pair_of(argv[0], &one);
        if (st != NPS_OK) {
            render_pair(argv[0], st, value);
            fail_text(ctx, st, value);
            return;
        }
    } else {
        for (int i = 0; i < 2; i++) {
            st = pair_score(argv[i], i == 0 ? &before : &after, value);
            if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
                return;
            if (st != NPS_OK) {
                fail_text(ctx, st, value);
                return;
            }
        }
    }
    if ((a = sqlite3_aggregate_context(ctx, sizeof *a)) == NULL) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    if (argc == 1)
        st = remove ? nps_pair_unmerge(a, &one) : nps_pair_merge(a, &one);
    else
        st = remove ? nps_pair_remove(a, before, after) : nps_pair_add(a, before, after);
    if (st != NPS_OK)
        fail_text(ctx, st, "");
}

/* xStep of every pair aggregate. */
static void pair_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    pair_row(ctx, argc, argv, 0);
}

/* xInverse of every pair aggregate: the row leaves a sliding window frame. */
static void pair_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    pair_row(ctx, argc, argv, 1);
}

/* Return what a pair state gives for a function; NULL without pairs. */
static void pair_result(sqlite3_context *ctx, const nps_pair_state *s, enum pair_result r)
{
    double v;
    nps_status st = NPS_OK;
    if (r == PAIR_STATE) {
        uint8_t blob[NPS_PAIR_BYTES];
        if (s->rows > 0)
            sqlite3_result_blob(ctx, blob, (int)nps_pair_encode(s, blob), SQLITE_TRANSIENT);
        return;
    }
    if (r == PAIR_MIGRATION) {
        char json[NPS_MIGRATION_MAX];
        if (nps_pair_migration_json(s, json, sizeof json) == NPS_OK) {
            sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
            sqlite3_result_subtype(ctx, JSON_SUBTYPE);
        }
        return;
    }
    st = r == PAIR_CHANGE ? nps_pair_change(s, &v) : nps_pair_pvalue(s, &v);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, v);
}

/* Read argument i of a scalar as a pair state; 0 after failing ctx with an
 * error naming it ("fn: argument 2" when the function takes two). */
static int pair_arg(sqlite3_context *ctx, sqlite3_value **argv, int i, int name_it,
                    nps_pair_state *s)
{
    nps_status st = pair_of(argv[i], s);
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX], fn[NPS_VALUE_MAX];
    const nps_function *f = sqlite3_user_data(ctx);
    render_pair(argv[i], st, value);
    if (name_it)
        sqlite3_snprintf((int)sizeof fn, fn, "%s: argument %d", f->name, i + 1);
    else
        sqlite3_snprintf((int)sizeof fn, fn, "%s", f->name);
    fail_as(ctx, st, fn, value);
    return 0;
}

/* The xFinal and xValue of the pair aggregates of one result, pair_value_<r>,
 * and its _of scalar, pair_of_<r>: NULL before the first pair, or for NULL
 * (nps_pair_state has no _of: the state itself is its value). */
#define PAIR_VALUE(r)                                                                              \
    static void pair_value_##r(sqlite3_context *ctx)                                               \
    {                                                                                              \
        const nps_pair_state *a = sqlite3_aggregate_context(ctx, 0);                               \
        if (a != NULL)                                                                             \
            pair_result(ctx, a, r);                                                                \
    }
#define PAIR_RESULT_FUNCTIONS(r)                                                                   \
    PAIR_VALUE(r)                                                                                  \
    static void pair_of_##r(sqlite3_context *ctx, int argc, sqlite3_value **argv)                  \
    {                                                                                              \
        nps_pair_state s;                                                                          \
        if (!any_null(argc, argv) && pair_arg(ctx, argv, 0, 0, &s))                                \
            pair_result(ctx, &s, r);                                                               \
    }

PAIR_RESULT_FUNCTIONS(PAIR_CHANGE)
PAIR_RESULT_FUNCTIONS(PAIR_PVALUE)
PAIR_RESULT_FUNCTIONS(PAIR_MIGRATION)
PAIR_VALUE(PAIR_STATE)

/* nps_pair_state_merge(a, b): the merged pair state; NULL + s = s. */
static void fn_pair_merge(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    nps_pair_state s[2];
    int have[2];
    (void)argc;
    for (int i = 0; i < 2; i++) {
        have[i] = sqlite3_value_type(argv[i]) != SQLITE_NULL;
        if (have[i] && !pair_arg(ctx, argv, i, 1, &s[i]))
            return;
    }
    if (!have[0] && !have[1])
        return;
    if (!have[0])
        s[0] = s[1];
    else if (have[1] && nps_pair_merge(&s[0], &s[1]) != NPS_OK) {
        fail_text(ctx, NPS_E_OVERFLOW, "");
        return;
    }
    pair_result(ctx, &s[0], PAIR_STATE);
}

#ifdef SQLITE_RESULT_SUBTYPE
#define PAIR_JSON (PURE | SQLITE_RESULT_SUBTYPE)
#else
#define PAIR_JSON PURE
#endif

/* The row of a pair aggregate of nargs arguments that returns r. */
#define PAIR_AGG(fn_name, fn_nargs, fn_flags, r)                                                   \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = (fn_flags), .step = pair_step,            \
        .inverse = pair_inverse, .value = pair_value_##r                                           \
    }
/* An aggregate over (before, after), over a pair state, and the form with a
 * third argument that says pairs take no weight. */
#define PAIR_AGGS(fn_name, fn_flags, r)                                                            \
    PAIR_AGG(fn_name, 2, fn_flags, r), PAIR_AGG(fn_name, 1, fn_flags, r),                          \
        PAIR_AGG(fn_name, 3, fn_flags, r)

/* Every function of paired waves, once. */
const nps_function nps_pair_functions[] = {
    PAIR_AGGS("nps_change", PURE, PAIR_CHANGE),
    PAIR_AGGS("nps_change_pvalue", PURE, PAIR_PVALUE),
    PAIR_AGGS("nps_migration", PAIR_JSON, PAIR_MIGRATION),
    PAIR_AGGS("nps_pair_state", PURE, PAIR_STATE),
    NPS_SCALAR("nps_change_of", 1, PURE, pair_of_PAIR_CHANGE),
    NPS_SCALAR("nps_change_pvalue_of", 1, PURE, pair_of_PAIR_PVALUE),
    NPS_SCALAR("nps_migration_of", 1, PAIR_JSON, pair_of_PAIR_MIGRATION),
    NPS_SCALAR("nps_pair_state_merge", 2, PURE, fn_pair_merge),
};
const size_t nps_pair_count = sizeof nps_pair_functions / sizeof nps_pair_functions[0];
