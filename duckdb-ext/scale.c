/*
 * scale.c -- CSAT and CES in DuckDB: the aggregates, _of scalars and state
 * merge of each scale of ../sql/surface.h (NPS_SCALES, NPS_SCALE_MEASURES),
 * the same shape as NPS's in nps_duckdb.c over the core's scale state
 * (core/nps_scale.h, S1-S7).  A state is a BLOB in the scale's own format,
 * the bytes SQLite and PostgreSQL write; a blob of another measure is an
 * error that names it.  As NPS's, the aggregates need no inverse: DuckDB's
 * window frames and threads merge partial states (nps_scale_merge).
 */
#include <stdio.h>
#include <string.h>

#include "nps_duckdb.h"

#include "../sql/surface.h"

static idx_t scale_size(duckdb_function_info info)
{
    (void)info;
    return sizeof(nps_scale_state);
}

/* An empty state of the function's scale. */
static void scale_init(duckdb_function_info info, duckdb_aggregate_state state)
{
    const nps_function *f = duckdb_aggregate_function_get_extra_info(info);
    nps_scale_init((nps_scale_state *)state, f->scale);
}

/* Count the rows of an integer column: the hot path. */
#define COUNT_INTS(T)                                                                              \
    do {                                                                                           \
        const T *v = score.data;                                                                   \
        for (idx_t i = 0; i < rows; i++) {                                                         \
            if (col_null(&score, i))                                                               \
                continue;                                                                          \
            nps_status st = nps_scale_add((nps_scale_state *)states[i], v[i]);                     \
            if (st != NPS_OK) {                                                                    \
                fail(&call, st, st == NPS_E_OVERFLOW ? NULL : &score, i);                          \
                return;                                                                            \
            }                                                                                      \
        }                                                                                          \
    } while (0)

/* Add the rows of a chunk to their states: a score of the scale, a weighted
 * score, or a state of the scale to merge; a NULL in any argument skips the
 * row (R4). */
static void scale_update(duckdb_function_info info, duckdb_data_chunk input,
                         duckdb_aggregate_state *states)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    nps_scale k = call.f->scale;
    idx_t rows = duckdb_data_chunk_get_size(input);
    int weighted = duckdb_data_chunk_get_column_count(input) == 2;
    nps_col score, weight;
    col_open(&score, input, 0);
    if (!weighted && col_is_int(&score)) {
        switch (score.type) {
        case DUCKDB_TYPE_TINYINT:
            COUNT_INTS(int8_t);
            break;
        case DUCKDB_TYPE_SMALLINT:
            COUNT_INTS(int16_t);
            break;
        case DUCKDB_TYPE_INTEGER:
            COUNT_INTS(int32_t);
            break;
        default:
            COUNT_INTS(int64_t);
            break;
        }
        return;
    }
    if (weighted)
        col_open(&weight, input, 1);
    for (idx_t i = 0; i < rows; i++) {
        nps_scale_state *a = (nps_scale_state *)states[i];
        double w = 0.0;
        nps_status st;
        if (col_null(&score, i) || (weighted && col_null(&weight, i)))
            continue;
        if (weighted && score.type == DUCKDB_TYPE_BLOB) {
            fail(&call, nps_scale_status(k, NPS_SE_WEIGHT_STATE), &weight, i);
            return;
        }
        if (weighted && !col_weight(&call, &weight, i, &w))
            return;
        if (score.type == DUCKDB_TYPE_BLOB) {
            nps_scale_state other;
            size_t len;
            const char *bytes = col_bytes(&score, i, &len);
            st = nps_scale_decode(k, (const uint8_t *)bytes, len, &other);
            if (st == NPS_OK)
                st = nps_scale_merge(a, &other);
        } else {
            int64_t sc;
            st = col_score_on(&score, i, (int)k, &sc);
            if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
                continue;
            if (st == NPS_OK)
                st = weighted ? nps_scale_add_weighted(a, sc, w) : nps_scale_add(a, sc);
        }
        if (st == NPS_E_OVERFLOW) {
            fail(&call, st, NULL, 0);
            return;
        }
        if (st != NPS_OK) {
            fail(&call, st, &score, i);
            return;
        }
    }
}

/* Merge partial states; the source is left as it is. */
static void scale_combine(duckdb_function_info info, duckdb_aggregate_state *source,
                          duckdb_aggregate_state *target, idx_t count)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    for (idx_t i = 0; i < count; i++) {
        nps_status st =
            nps_scale_merge((nps_scale_state *)target[i], (const nps_scale_state *)source[i]);
        if (st != NPS_OK) {
            fail(&call, st, NULL, 0);
            return;
        }
    }
}

/* Write a state's binary form (S6) in row of a vector. */
static void vector_scale_state(duckdb_vector out, idx_t row, const nps_scale_state *s)
{
    uint8_t blob[NPS_SCALE_BYTES];
    size_t len = nps_scale_encode(s, blob);
    duckdb_vector_assign_string_element_len(out, row, (const char *)blob, len);
}

/* Write a state's JSON summary in row of a vector; NULL without rows. */
static void vector_scale_summary(duckdb_vector out, idx_t row, const nps_scale_state *s)
{
    char json[NPS_SCALE_SUMMARY_MAX];
    if (nps_scale_summary_json(s, json, sizeof json) == NPS_OK)
        duckdb_vector_assign_string_element_len(out, row, json, strlen(json));
    else
        vector_null(out, row);
}

/* Final step of an aggregate whose result is a number: its measure at 95%;
 * NULL without a value (R5, S4). */
static void agg_final_number(duckdb_function_info info, duckdb_aggregate_state *source,
                             duckdb_vector result, idx_t count, idx_t offset)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    double *out = duckdb_vector_get_data(result);
    for (idx_t i = 0; i < count; i++) {
        double v;
        nps_status st = nps_scale_compute((const nps_scale_state *)source[i], call.f->scale_measure,
                                          NPS_DEFAULT_CONFIDENCE, &v);
        if (st == NPS_OK) {
            out[offset + i] = v;
        } else if (st == NPS_EMPTY) {
            vector_null(result, offset + i);
        } else {
            fail(&call, st, NULL, 0);
            return;
        }
    }
}

/* Final step of <scale>_state(): the state, NULL without rows. */
static void agg_final_state(duckdb_function_info info, duckdb_aggregate_state *source,
                            duckdb_vector result, idx_t count, idx_t offset)
{
    (void)info;
    for (idx_t i = 0; i < count; i++) {
        const nps_scale_state *s = (const nps_scale_state *)source[i];
        if (s->rows > 0)
            vector_scale_state(result, offset + i, s);
        else
            vector_null(result, offset + i);
    }
}

/* Final step of <scale>_summary(): the JSON summary, NULL without rows. */
static void agg_final_summary(duckdb_function_info info, duckdb_aggregate_state *source,
                              duckdb_vector result, idx_t count, idx_t offset)
{
    (void)info;
    for (idx_t i = 0; i < count; i++)
        vector_scale_summary(result, offset + i, (const nps_scale_state *)source[i]);
}

/* Read argument i, a state of the function's scale, in row; 0 after
 * failing the call with an error that names the value (and the argument,
 * for name_it). */
static int scale_arg(const nps_scalar_call *sc, idx_t row, int i, int name_it, nps_scale_state *s)
{
    const nps_col *c = &sc->col[i];
    nps_scale k = sc->call.f->scale;
    nps_status st = nps_scale_status(k, NPS_SE_NOT_STATE);
    if (c->type == DUCKDB_TYPE_BLOB) {
        size_t len;
        const char *bytes = col_bytes(c, row, &len);
        st = nps_scale_decode(k, (const uint8_t *)bytes, len, s);
    }
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX], fn[NPS_VALUE_MAX];
    col_render(c, row, st, value);
    snprintf(fn, sizeof fn, name_it ? "%s: argument %d" : "%s", sc->call.f->name, i + 1);
    fail_as(&sc->call, st, fn, value);
    return 0;
}

/* <name>_of(st [, confidence]): the aggregate's result for one state. */
static void fn_of_number(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        double confidence = NPS_DEFAULT_CONFIDENCE, v;
        nps_scale_state s;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        if (!scale_arg(&sc, row, 0, 0, &s))
            return;
        if (sc.nargs == 2 && col_number(&sc.col[1], row, &confidence) != NPS_OK) {
            fail(&sc.call, NPS_E_CONFIDENCE, &sc.col[1], row);
            return;
        }
        nps_status st = nps_scale_compute(&s, sc.call.f->scale_measure, confidence, &v);
        if (st == NPS_OK) {
            result_double(&sc, row, v);
        } else if (st == NPS_EMPTY) {
            result_null(&sc, row);
        } else {
            fail(&sc.call, st, st == NPS_E_CONFIDENCE && sc.nargs == 2 ? &sc.col[1] : NULL, row);
            return;
        }
    }
}

/* <scale>_summary_of(st): the JSON summary of one state. */
static void fn_of_summary(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_scale_state s;
        if (scalar_any_null(&sc, row))
            result_null(&sc, row);
        else if (scale_arg(&sc, row, 0, 0, &s))
            vector_scale_summary(sc.out, row, &s);
        else
            return;
    }
}

/* <scale>_rows_of(st): the number of rows a state holds. */
static void fn_of_rows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_scale_state s;
        if (scalar_any_null(&sc, row))
            result_null(&sc, row);
        else if (scale_arg(&sc, row, 0, 0, &s))
            result_bigint(&sc, row, s.rows);
        else
            return;
    }
}

/* <scale>_state_merge(a, b): the merged state; NULL + s = s. */
static void fn_state_merge(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_scale_state s[2];
        int have[2];
        for (int i = 0; i < 2; i++) {
            have[i] = !col_null(&sc.col[i], row);
            if (have[i] && !scale_arg(&sc, row, i, 1, &s[i]))
                return;
        }
        if (!have[0] && !have[1]) {
            result_null(&sc, row);
            continue;
        }
        if (!have[0]) {
            s[0] = s[1];
        } else if (have[1]) {
            nps_status st = nps_scale_merge(&s[0], &s[1]);
            if (st != NPS_OK) {
                fail(&sc.call, st, NULL, row);
                return;
            }
        }
        vector_scale_state(sc.out, row, &s[0]);
    }
}

/* The callbacks of every aggregate of a scale. */
static const nps_aggregate scale_aggregate = {scale_size, scale_init, scale_update, scale_combine};

/* The SQL type of each kind of result (sql/surface.h). */
#define TYPE_number NPS_T_DOUBLE
#define TYPE_state NPS_T_BLOB
#define TYPE_summary NPS_T_JSON
#define TYPE_rows NPS_T_BIGINT

/* The row of an aggregate and of a scalar of scale k. */
#define AGGREGATE(fn_name, fn_nargs, fn_result, k, m, fn_final)                                    \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result), .scale = (nps_scale)(k),    \
        .scale_measure = (m), .agg = &scale_aggregate, .finalize = (fn_final)                      \
    }
#define SCALAR(fn_name, fn_nargs, fn_result, k, m, fn_scalar, fn_null)                             \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result), .scale = (nps_scale)(k),    \
        .scale_measure = (m), .handles_null = (fn_null), .scalar = (fn_scalar)                     \
    }

/* The rows of one measure of a scale, as nps_duckdb.c's MEASURE_ROWS. */
#define AGGREGATE_no(name, type, k, m, final)
#define AGGREGATE_yes(name, type, k, m, final)                                                     \
    AGGREGATE(name, 1, type, k, m, final), AGGREGATE(name, 2, type, k, m, final),
#define OF_no(name, type, k, m, scalar)
#define OF_yes(name, type, k, m, scalar) SCALAR(name, 1, type, k, m, scalar, 0),
#define OF_confidence(name, type, k, m, scalar)                                                    \
    SCALAR(name, 1, type, k, m, scalar, 0), SCALAR(name, 2, type, k, m, scalar, 0),
/* SCALE_ID_<scale>: the nps_scale of each row of NPS_SCALES. */
#define SCALE_ID(scale, id, empty, scores) SCALE_ID_##scale = id,
enum { NPS_SCALES(SCALE_ID) };
#define MEASURE_ROWS(scale, name, final, result, measure, aggregate, of, about, final_about,       \
                     of_about)                                                                     \
    AGGREGATE_##aggregate(#name, TYPE_##result, SCALE_ID_##scale, measure, agg_final_##result)     \
        OF_##of(#name "_of", TYPE_##result, SCALE_ID_##scale, measure, fn_of_##result)
#define MERGE_ROW(scale, id, empty, scores)                                                        \
    SCALAR(#scale "_state_merge", 2, NPS_T_BLOB, id, NPS_S_VALUE, fn_state_merge, 1),

/* Every function of CSAT and CES, once, as SQLite's. */
const nps_function nps_scale_functions[] = {
    NPS_SCALE_MEASURES(MEASURE_ROWS) /* each row ends with its comma */
    NPS_SCALES(MERGE_ROW)};
const size_t nps_scale_count = sizeof nps_scale_functions / sizeof nps_scale_functions[0];
