/*
 * nps_duckdb.c -- the DuckDB face of the nps core: the aggregates and
 * scalars of the contract, registered from one table by the entry point of
 * `LOAD 'nps.duckdb_extension'` (nps_init_c_api, DuckDB's stable C
 * extension API).
 *
 * Thin and mechanical, as the SQLite wrapper: read the arguments (args.c),
 * call the core, and turn a status into the function's error with the text
 * of nps_message().  The rows of each measure come from the table of the SQL
 * surface, ../sql/surface.h, exactly as SQLite registers them.
 *
 * Aggregates have no inverse here, and need none: DuckDB computes a window
 * frame from a segment tree of partial states merged with the combine
 * callback (nps_merge, exact and order-independent), so a sliding frame
 * costs O(log n) merges per row, not a recomputation.  The same combine
 * merges the partial states of DuckDB's parallel threads.  A state is a
 * plain nps_state (no pointers), which DuckDB may move as bytes; no
 * aggregate allocates per row.
 *
 * The only global is the API struct of DUCKDB_EXTENSION_ENTRYPOINT, set
 * once by the loader; everything else is a static const table.
 */
#define DUCKDB_EXTENSION_NAME nps
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "nps_duckdb.h"
#include "nps_version.h"

#include "../sql/surface.h"

/* The state of every aggregate: an nps_state, updated in place. */
static idx_t agg_size(duckdb_function_info info)
{
    (void)info;
    return sizeof(nps_state);
}

static void agg_init(duckdb_function_info info, duckdb_aggregate_state state)
{
    (void)info;
    nps_state_init((nps_state *)state);
}

/* Count the rows of an integer column: the hot path, no conversion. */
#define COUNT_INTS(T)                                                                              \
    do {                                                                                           \
        const T *v = score.data;                                                                   \
        for (idx_t i = 0; i < rows; i++) {                                                         \
            if (col_null(&score, i))                                                               \
                continue;                                                                          \
            nps_status st = nps_add((nps_state *)states[i], v[i]);                                 \
            if (st != NPS_OK) {                                                                    \
                fail(&call, st, st == NPS_E_OVERFLOW ? NULL : &score, i);                          \
                return;                                                                            \
            }                                                                                      \
        }                                                                                          \
    } while (0)

/* Add the rows of a chunk to their states: a score, a weighted score, or an
 * nps_state to merge; a NULL in any argument skips the row (R4).  An
 * unweighted integer column is the hot path. */
static void agg_update(duckdb_function_info info, duckdb_data_chunk input,
                       duckdb_aggregate_state *states)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
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
        nps_state *a = (nps_state *)states[i];
        double w = 0.0;
        nps_status st;
        if (col_null(&score, i) || (weighted && col_null(&weight, i)))
            continue;
        if (weighted && score.type == DUCKDB_TYPE_BLOB) {
            fail(&call, NPS_E_WEIGHT_STATE, &weight, i);
            return;
        }
        if (weighted && !col_weight(&call, &weight, i, &w))
            return;
        if (score.type == DUCKDB_TYPE_BLOB) {
            nps_state s;
            st = col_state(&score, i, &s);
            if (st == NPS_OK)
                st = nps_merge(a, &s);
        } else {
            int64_t sc;
            st = col_score(&score, i, &sc);
            if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
                continue;
            if (st == NPS_OK)
                st = weighted ? nps_add_weighted(a, sc, w) : nps_add(a, sc);
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

/* Merge partial states: DuckDB's threads, and the nodes of a window's
 * segment tree.  The source is left as it is. */
static void agg_combine(duckdb_function_info info, duckdb_aggregate_state *source,
                        duckdb_aggregate_state *target, idx_t count)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    for (idx_t i = 0; i < count; i++) {
        nps_status st = nps_merge((nps_state *)target[i], (const nps_state *)source[i]);
        if (st != NPS_OK) {
            fail(&call, st, NULL, 0);
            return;
        }
    }
}

/* Final step of an aggregate whose result is a number: its measure at 95%;
 * no valid rows give NULL (R5). */
static void agg_final_number(duckdb_function_info info, duckdb_aggregate_state *source,
                             duckdb_vector result, idx_t count, idx_t offset)
{
    nps_call call = {info, duckdb_aggregate_function_get_extra_info(info), 1};
    double *out = duckdb_vector_get_data(result);
    for (idx_t i = 0; i < count; i++) {
        double v;
        nps_status st =
            nps_compute((const nps_state *)source[i], call.f->measure, NPS_DEFAULT_CONFIDENCE, &v);
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

/* Final step of nps_state(): the state, NULL without rows. */
static void agg_final_state(duckdb_function_info info, duckdb_aggregate_state *source,
                            duckdb_vector result, idx_t count, idx_t offset)
{
    (void)info;
    for (idx_t i = 0; i < count; i++) {
        const nps_state *s = (const nps_state *)source[i];
        if (nps_rows(s) > 0)
            vector_state(result, offset + i, s);
        else
            vector_null(result, offset + i);
    }
}

/* Final step of nps_summary(): the JSON summary, NULL without rows. */
static void agg_final_summary(duckdb_function_info info, duckdb_aggregate_state *source,
                              duckdb_vector result, idx_t count, idx_t offset)
{
    (void)info;
    for (idx_t i = 0; i < count; i++) {
        char json[NPS_SUMMARY_MAX];
        if (nps_summary_json((const nps_state *)source[i], json, sizeof json) == NPS_OK)
            duckdb_vector_assign_string_element_len(result, offset + i, json, strlen(json));
        else
            vector_null(result, offset + i);
    }
}

/* nps_of(st) and the other _of scalars: the aggregate's result for one
 * state; the margin and the interval take a confidence (0.95 by default). */
static void fn_of_number(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        double confidence = NPS_DEFAULT_CONFIDENCE, v;
        nps_state s;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        if (!state_arg(&sc.call, &sc.col[0], row, 0, 0, &s))
            return;
        if (sc.nargs == 2 && col_number(&sc.col[1], row, &confidence) != NPS_OK) {
            fail(&sc.call, NPS_E_CONFIDENCE, &sc.col[1], row);
            return;
        }
        nps_status st = nps_compute(&s, sc.call.f->measure, confidence, &v);
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

/* nps_summary_of(st): the JSON summary of one state. */
static void fn_of_summary(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        char json[NPS_SUMMARY_MAX];
        nps_state s;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        if (!state_arg(&sc.call, &sc.col[0], row, 0, 0, &s))
            return;
        if (nps_summary_json(&s, json, sizeof json) == NPS_OK)
            result_text(&sc, row, json, strlen(json));
        else
            result_null(&sc, row);
    }
}

/* nps_rows_of(st): the number of rows a state holds. */
static void fn_of_rows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_state s;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        if (!state_arg(&sc.call, &sc.col[0], row, 0, 0, &s))
            return;
        result_bigint(&sc, row, nps_rows(&s));
    }
}

/* nps_state_merge(a, b): the merged state; NULL + s = s. */
static void fn_state_merge(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        nps_state s[2];
        int have[2];
        for (int i = 0; i < 2; i++) {
            have[i] = !col_null(&sc.col[i], row);
            if (have[i] && !state_arg(&sc.call, &sc.col[i], row, i, 1, &s[i]))
                return;
        }
        if (!have[0] && !have[1]) {
            result_null(&sc, row);
            continue;
        }
        if (!have[0]) {
            s[0] = s[1];
        } else if (have[1]) {
            nps_status st = nps_merge(&s[0], &s[1]);
            if (st != NPS_OK) {
                fail(&sc.call, st, NULL, row);
                return;
            }
        }
        vector_state(sc.out, row, &s[0]);
    }
}

/* nps_category(score [, lang]): the category's label, English by default
 * (R2).  A state or another blob is not a score. */
static void fn_category(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        const char *lang = "en", *label;
        size_t lang_len = 2;
        int64_t score;
        nps_state s;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        nps_status st = col_score(&sc.col[0], row, &score);
        if (st == NPS_EMPTY) { /* blank text: a skipped answer, as NULL (R1) */
            result_null(&sc, row);
            continue;
        }
        if (st == NPS_OK && (uint64_t)score > 10u)
            st = NPS_E_SCORE_RANGE;
        if (st == NPS_E_SCORE_TYPE && sc.col[0].type == DUCKDB_TYPE_BLOB) {
            if (col_state(&sc.col[0], row, &s) == NPS_OK) {
                fail(&sc.call, NPS_E_SCALAR_STATE, NULL, row);
            } else {
                char blob[NPS_VALUE_MAX], value[NPS_VALUE_MAX + 8];
                col_render(&sc.col[0], row, st, blob);
                snprintf(value, sizeof value, "a blob %s", blob);
                fail_text(&sc.call, st, value);
            }
            return;
        }
        if (st == NPS_OK && sc.nargs == 2) {
            lang = col_bytes(&sc.col[1], row, &lang_len);
            if (lang == NULL || sc.col[1].type != DUCKDB_TYPE_VARCHAR) {
                fail(&sc.call, NPS_E_LANG, &sc.col[1], row);
                return;
            }
        }
        if (st == NPS_OK)
            st = nps_category_label(score, lang, lang_len, &label);
        if (st != NPS_OK) {
            fail(&sc.call, st, st == NPS_E_LANG ? &sc.col[1] : &sc.col[0], row);
            return;
        }
        result_text(&sc, row, label, strlen(label));
    }
}

/* nps_band(nps_value): 'negative', 'good', 'great' or 'excellent' (R13). */
static void fn_band(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        const char *label;
        double v;
        if (scalar_any_null(&sc, row)) {
            result_null(&sc, row);
            continue;
        }
        nps_status st = col_number(&sc.col[0], row, &v);
        if (st == NPS_OK)
            st = nps_band(v, &label);
        if (st != NPS_OK) {
            fail(&sc.call, st, &sc.col[0], row);
            return;
        }
        result_text(&sc, row, label, strlen(label));
    }
}

/* nps_version(): the release this library was built from. */
static void fn_version(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++)
        result_text(&sc, row, NPS_VERSION, strlen(NPS_VERSION));
}

/* The callbacks of every aggregate over scores and nps_states. */
static const nps_aggregate score_aggregate = {agg_size, agg_init, agg_update, agg_combine};

/* The SQL type of each kind of result (sql/surface.h). */
#define TYPE_number NPS_T_DOUBLE
#define TYPE_state NPS_T_BLOB
#define TYPE_summary NPS_T_JSON
#define TYPE_rows NPS_T_BIGINT

/* The row of an aggregate and of an _of scalar. */
#define AGGREGATE(fn_name, fn_nargs, fn_result, fn_measure, fn_final)                              \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result), .measure = (fn_measure),    \
        .agg = &score_aggregate, .finalize = (fn_final)                                            \
    }
#define OF_SCALAR(fn_name, fn_nargs, fn_result, fn_measure, fn_scalar)                             \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = (fn_result), .measure = (fn_measure),    \
        .scalar = (fn_scalar)                                                                      \
    }

/* The rows of one measure of sql/surface.h, as nps_sqlite.c makes them: the
 * aggregate with one argument (a score or a state) and with two (and a
 * weight); the _of scalar with a state and, for a margin or an interval,
 * also with a confidence.  Each takes the C functions of its kind of result
 * by name (agg_final_<result>, fn_of_<result>): a kind without them does
 * not compile. */
#define AGGREGATE_no(name, type, measure, final)
#define AGGREGATE_yes(name, type, measure, final)                                                  \
    AGGREGATE(name, 1, type, measure, final), AGGREGATE(name, 2, type, measure, final),
#define OF_no(name, type, measure, scalar)
#define OF_yes(name, type, measure, scalar) OF_SCALAR(name, 1, type, measure, scalar),
#define OF_confidence(name, type, measure, scalar)                                                 \
    OF_SCALAR(name, 1, type, measure, scalar), OF_SCALAR(name, 2, type, measure, scalar),
#define MEASURE_ROWS(name, final, result, measure, aggregate, of, about, final_about, of_about)    \
    AGGREGATE_##aggregate(#name, TYPE_##result, measure, agg_final_##result)                       \
        OF_##of(#name "_of", TYPE_##result, measure, fn_of_##result)

/* Every SQL function of the contract, once: the measures of the table, then
 * the scalars that are not measures. */
static const nps_function functions[] = {
    NPS_MEASURES(MEASURE_ROWS) /* each row ends with its comma */
    {.name = "nps_state_merge",
     .nargs = 2,
     .result = NPS_T_BLOB,
     .handles_null = 1,
     .scalar = fn_state_merge},
    NPS_SCALAR("nps_category", 1, NPS_T_VARCHAR, fn_category),
    NPS_SCALAR("nps_category", 2, NPS_T_VARCHAR, fn_category),
    NPS_SCALAR("nps_band", 1, NPS_T_VARCHAR, fn_band),
    NPS_SCALAR("nps_version", 0, NPS_T_VARCHAR, fn_version),
};

/* A new logical type of a kind of result; the caller destroys it. */
static duckdb_logical_type new_type(nps_result_type r)
{
    duckdb_logical_type t;
    switch (r) {
    case NPS_T_DOUBLE:
        return duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE);
    case NPS_T_BLOB:
        return duckdb_create_logical_type(DUCKDB_TYPE_BLOB);
    case NPS_T_BIGINT:
        return duckdb_create_logical_type(DUCKDB_TYPE_BIGINT);
    case NPS_T_JSON:
        t = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
        duckdb_logical_type_set_alias(t, "JSON");
        return t;
    default:
        return duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
    }
}

/* Add the rows fs[0 .. n) to a new function of DuckDB, all of one name:
 * every argument ANY, the row as extra info. */
static duckdb_state register_set(duckdb_connection con, const nps_function *fs, size_t n)
{
    duckdb_logical_type any = duckdb_create_logical_type(DUCKDB_TYPE_ANY);
    duckdb_state rc = DuckDBSuccess;
    if (fs[0].agg != NULL) {
        duckdb_aggregate_function_set set = duckdb_create_aggregate_function_set(fs[0].name);
        for (size_t i = 0; i < n && rc == DuckDBSuccess; i++) {
            duckdb_aggregate_function fn = duckdb_create_aggregate_function();
            duckdb_logical_type ret = new_type(fs[i].result);
            duckdb_aggregate_function_set_name(fn, fs[i].name);
            for (int k = 0; k < fs[i].nargs; k++)
                duckdb_aggregate_function_add_parameter(fn, any);
            duckdb_aggregate_function_set_return_type(fn, ret);
            duckdb_aggregate_function_set_functions(fn, fs[i].agg->size, fs[i].agg->init,
                                                    fs[i].agg->update, fs[i].agg->combine,
                                                    fs[i].finalize);
            duckdb_aggregate_function_set_extra_info(fn, (void *)&fs[i], NULL);
            rc = duckdb_add_aggregate_function_to_set(set, fn);
            duckdb_destroy_logical_type(&ret);
            duckdb_destroy_aggregate_function(&fn);
        }
        if (rc == DuckDBSuccess)
            rc = duckdb_register_aggregate_function_set(con, set);
        duckdb_destroy_aggregate_function_set(&set);
    } else {
        duckdb_scalar_function_set set = duckdb_create_scalar_function_set(fs[0].name);
        for (size_t i = 0; i < n && rc == DuckDBSuccess; i++) {
            duckdb_scalar_function fn = duckdb_create_scalar_function();
            duckdb_logical_type ret = new_type(fs[i].result);
            duckdb_scalar_function_set_name(fn, fs[i].name);
            for (int k = 0; k < fs[i].nargs; k++)
                duckdb_scalar_function_add_parameter(fn, any);
            duckdb_scalar_function_set_return_type(fn, ret);
            duckdb_scalar_function_set_function(fn, fs[i].scalar);
            duckdb_scalar_function_set_extra_info(fn, (void *)&fs[i], NULL);
            if (fs[i].handles_null)
                duckdb_scalar_function_set_special_handling(fn);
            rc = duckdb_add_scalar_function_to_set(set, fn);
            duckdb_destroy_logical_type(&ret);
            duckdb_destroy_scalar_function(&fn);
        }
        if (rc == DuckDBSuccess)
            rc = duckdb_register_scalar_function_set(con, set);
        duckdb_destroy_scalar_function_set(&set);
    }
    duckdb_destroy_logical_type(&any);
    return rc;
}

/* Register the rows of a table, each run of rows of one name as one set of
 * overloads; 1, or 0 with the name that failed in err. */
static int register_functions(duckdb_connection con, const nps_function *fs, size_t n, char *err,
                              size_t cap)
{
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(fs[j].name, fs[i].name) == 0; j++)
            ;
        if (register_set(con, &fs[i], j - i) != DuckDBSuccess) {
            snprintf(err, cap, "nps: cannot register %s", fs[i].name);
            return 0;
        }
    }
    return 1;
}

/* Entry point of LOAD: register every function of the contract, of paired
 * waves (pair.c), of inference (infer.c) and of CSAT and CES (scale.c). */
DUCKDB_EXTENSION_ENTRYPOINT(duckdb_connection connection, duckdb_extension_info info,
                            struct duckdb_extension_access *access)
{
    char err[NPS_MESSAGE_MAX];
    if (register_functions(connection, functions, sizeof functions / sizeof functions[0], err,
                           sizeof err) &&
        register_functions(connection, nps_pair_functions, nps_pair_count, err, sizeof err) &&
        register_functions(connection, nps_infer_functions, nps_infer_count, err, sizeof err) &&
        register_functions(connection, nps_scale_functions, nps_scale_count, err, sizeof err))
        return true;
    access->set_error(info, err);
    return false;
}
