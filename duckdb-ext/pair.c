/*
 * pair.c -- the DuckDB functions of paired waves (W1-W5 of
 * core/nps_inference.h): the aggregates nps_change, nps_change_pvalue,
 * nps_migration and nps_pair_state over (before, after) scores or over pair
 * states, their _of scalars and nps_pair_state_merge.  The aggregates share
 * one state, an nps_pair_state updated in place, and as the others need no
 * inverse: DuckDB's window frames merge partial states (nps_pair_merge).
 */
#include <stdio.h>
#include <string.h>

#include "nps_duckdb.h"

/* What a pair function returns, in the measure field of its row. */
enum pair_result { PAIR_CHANGE, PAIR_PVALUE, PAIR_MIGRATION, PAIR_STATE };

/* Render the offending value of a pair state argument: a blob by its byte
 * count where the message is about its length, as the value otherwise. */
static void render_pair(const nps_col *c, idx_t row, nps_status st, char buf[NPS_VALUE_MAX])
{
    size_t len;
    if (st == NPS_E_PAIR_LENGTH && col_bytes(c, row, &len) != NULL)
        nps_render_int((int64_t)len, buf, NPS_VALUE_MAX);
    else
        col_render(c, row, st, buf);
}

/* Decode a non-NULL value as a pair state; a status naming what is wrong. */
static nps_status pair_of(const nps_col *c, idx_t row, nps_pair_state *s)
{
    size_t len;
    if (c->type != DUCKDB_TYPE_BLOB)
        return NPS_E_NOT_PAIR;
    const char *bytes = col_bytes(c, row, &len);
    return nps_pair_decode((const uint8_t *)bytes, len, s);
}

/* A score of a pair; NPS_EMPTY for blank text (a skipped answer).  On an
 * error, value holds what the message names: a state says what kind it is. */
static nps_status pair_score(const nps_col *c, idx_t row, int64_t *score, char value[NPS_VALUE_MAX])
{
    nps_status st = col_score(c, row, score);
    if (st == NPS_OK && (uint64_t)*score > 10u)
        st = NPS_E_SCORE_RANGE;
    if (st == NPS_E_SCORE_TYPE && c->type == DUCKDB_TYPE_BLOB) {
        nps_pair_state p;
        nps_state s;
        size_t len;
        const uint8_t *bytes = (const uint8_t *)col_bytes(c, row, &len);
        if (nps_pair_decode(bytes, len, &p) == NPS_OK) {
            snprintf(value, NPS_VALUE_MAX, "an nps_pair_state");
        } else if (nps_decode(bytes, len, &s) == NPS_OK) {
            snprintf(value, NPS_VALUE_MAX, "an nps_state");
        } else {
            char blob[NPS_VALUE_MAX];
            col_render(c, row, st, blob);
            snprintf(value, NPS_VALUE_MAX, "a blob %.80s", blob);
        }
    } else if (st != NPS_OK && st != NPS_EMPTY) {
        col_render(c, row, st, value);
    }
    return st;
}

static idx_t pair_size(duckdb_function_info info)
{
    (void)info;
    return sizeof(nps_pair_state);
}

static void pair_init(duckdb_function_info info, duckdb_aggregate_state state)
{
    (void)info;
    nps_pair_init((nps_pair_state *)state);
}

/* Add the rows of a chunk to their pair states: a pair of scores, or a pair
 * state to merge; a NULL in either skips the row (W1).  A third argument is
 * a weight, which pairs do not take. */
static void pair_update(duckdb_function_info info, duckdb_data_chunk input,
                        duckdb_aggregate_state *states)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    idx_t rows = duckdb_data_chunk_get_size(input),
          nargs = duckdb_data_chunk_get_column_count(input);
    nps_col col[2];
    if (nargs == 3) {
        if (rows > 0)
            fail_text(&call, NPS_E_PAIR_WEIGHT, "");
        return;
    }
    for (idx_t i = 0; i < nargs; i++)
        col_open(&col[i], input, i);
    for (idx_t row = 0; row < rows; row++) {
        char value[NPS_VALUE_MAX] = "";
        nps_pair_state *a = (nps_pair_state *)states[row], one;
        int64_t score[2];
        nps_status st = NPS_OK;
        if (col_null(&col[0], row) || (nargs == 2 && col_null(&col[1], row)))
            continue;
        if (nargs == 1) {
            st = pair_of(&col[0], row, &one);
            if (st != NPS_OK) {
                render_pair(&col[0], row, st, value);
                fail_text(&call, st, value);
                return;
            }
            st = nps_pair_merge(a, &one);
        } else {
            for (int i = 0; i < 2 && st == NPS_OK; i++)
                st = pair_score(&col[i], row, &score[i], value);
            if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
                continue;
            if (st != NPS_OK) {
                fail_text(&call, st, value);
                return;
            }
            st = nps_pair_add(a, score[0], score[1]);
        }
        if (st != NPS_OK) {
            fail_text(&call, st, "");
            return;
        }
    }
}

/* Merge partial pair states; the source is left as it is. */
static void pair_combine(duckdb_function_info info, duckdb_aggregate_state *source,
                         duckdb_aggregate_state *target, idx_t count)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    for (idx_t i = 0; i < count; i++)
        if (nps_pair_merge((nps_pair_state *)target[i], (const nps_pair_state *)source[i]) !=
            NPS_OK) {
            fail_text(&call, NPS_E_OVERFLOW, "");
            return;
        }
}

/* Write what a pair state gives for a function in row of out; NULL without
 * pairs. */
static void pair_result(duckdb_vector out, idx_t row, const nps_pair_state *s, enum pair_result r)
{
    double v;
    if (r == PAIR_STATE) {
        uint8_t blob[NPS_PAIR_BYTES];
        if (s->rows > 0)
            duckdb_vector_assign_string_element_len(out, row, (const char *)blob,
                                                    nps_pair_encode(s, blob));
        else
            vector_null(out, row);
    } else if (r == PAIR_MIGRATION) {
        char json[NPS_MIGRATION_MAX];
        if (nps_pair_migration_json(s, json, sizeof json) == NPS_OK)
            duckdb_vector_assign_string_element_len(out, row, json, strlen(json));
        else
            vector_null(out, row);
    } else if ((r == PAIR_CHANGE ? nps_pair_change(s, &v) : nps_pair_pvalue(s, &v)) == NPS_OK) {
        ((double *)duckdb_vector_get_data(out))[row] = v;
    } else {
        vector_null(out, row);
    }
}

/* Final step of every pair aggregate: the result of its row's kind. */
static void pair_finalize(duckdb_function_info info, duckdb_aggregate_state *source,
                          duckdb_vector result, idx_t count, idx_t offset)
{
    const nps_function *f = duckdb_aggregate_function_get_extra_info(info);
    for (idx_t i = 0; i < count; i++)
        pair_result(result, offset + i, (const nps_pair_state *)source[i],
                    (enum pair_result)f->measure);
}

/* Read argument i of a scalar as a pair state; 0 after failing the call
 * with an error naming it ("fn: argument 2" when the function takes two). */
static int pair_arg(const nps_scalar_call *sc, idx_t row, int i, int name_it, nps_pair_state *s)
{
    nps_status st = pair_of(&sc->col[i], row, s);
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX], fn[NPS_VALUE_MAX];
    render_pair(&sc->col[i], row, st, value);
    if (name_it)
        snprintf(fn, sizeof fn, "%s: argument %d", sc->call.f->name, i + 1);
    else
        snprintf(fn, sizeof fn, "%s", sc->call.f->name);
    fail_as(&sc->call, st, fn, value);
    return 0;
}

/* nps_change_of(st), nps_change_pvalue_of(st), nps_migration_of(st). */
static void fn_pair_of(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_pair_state s;
        if (scalar_any_null(&sc, row))
            result_null(&sc, row);
        else if (pair_arg(&sc, row, 0, 0, &s))
            pair_result(sc.out, row, &s, (enum pair_result)sc.call.f->measure);
        else
            return;
    }
}

/* nps_pair_state_merge(a, b): the merged pair state; NULL + s = s. */
static void fn_pair_merge(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_pair_state s[2];
        int have[2];
        for (int i = 0; i < 2; i++) {
            have[i] = !col_null(&sc.col[i], row);
            if (have[i] && !pair_arg(&sc, row, i, 1, &s[i]))
                return;
        }
        if (!have[0] && !have[1]) {
            result_null(&sc, row);
            continue;
        }
        if (!have[0]) {
            s[0] = s[1];
        } else if (have[1] && nps_pair_merge(&s[0], &s[1]) != NPS_OK) {
            fail_text(&sc.call, NPS_E_OVERFLOW, "");
            return;
        }
        pair_result(sc.out, row, &s[0], PAIR_STATE);
    }
}

/* The callbacks of every pair aggregate. */
static const nps_aggregate pair_aggregate = {pair_size, pair_init, pair_update, pair_combine};

/* The row of a pair aggregate of nargs arguments that returns r. */
#define PAIR_AGG(fn_name, fn_nargs, fn_result, r)                                                  \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result),                             \
        .measure = (nps_measure)(r), .agg = &pair_aggregate, .finalize = pair_finalize             \
    }
/* An aggregate over (before, after), over a pair state, and the form with a
 * third argument that says pairs take no weight. */
#define PAIR_AGGS(fn_name, fn_result, r)                                                           \
    PAIR_AGG(fn_name, 2, fn_result, r), PAIR_AGG(fn_name, 1, fn_result, r),                        \
        PAIR_AGG(fn_name, 3, fn_result, r)
/* The row of an _of scalar that returns r. */
#define PAIR_OF(fn_name, fn_result, r)                                                             \
    {                                                                                              \
        .name = (fn_name), .nargs = 1, .result = (fn_result), .measure = (nps_measure)(r),         \
        .scalar = fn_pair_of                                                                       \
    }

/* Every function of paired waves, once, as SQLite's. */
const nps_function nps_pair_functions[] = {
    PAIR_AGGS("nps_change", NPS_T_DOUBLE, PAIR_CHANGE),
    PAIR_AGGS("nps_change_pvalue", NPS_T_DOUBLE, PAIR_PVALUE),
    PAIR_AGGS("nps_migration", NPS_T_JSON, PAIR_MIGRATION),
    PAIR_AGGS("nps_pair_state", NPS_T_BLOB, PAIR_STATE),
    PAIR_OF("nps_change_of", NPS_T_DOUBLE, PAIR_CHANGE),
    PAIR_OF("nps_change_pvalue_of", NPS_T_DOUBLE, PAIR_PVALUE),
    PAIR_OF("nps_migration_of", NPS_T_JSON, PAIR_MIGRATION),
    {.name = "nps_pair_state_merge",
     .nargs = 2,
     .result = NPS_T_BLOB,
     .handles_null = 1,
     .scalar = fn_pair_merge},
};
const size_t nps_pair_count = sizeof nps_pair_functions / sizeof nps_pair_functions[0];
