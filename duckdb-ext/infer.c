/*
 * infer.c -- the DuckDB face of inference beyond the point estimate (I1-I5
 * of core/nps_inference.h) and of the small-segment scalars (B1-B5):
 * nps_pvalue with an alternative or against a benchmark, nps_sample_size,
 * nps_mde, nps_diff_ci_lower/upper, nps_state_unmerge, the credible bounds,
 * nps_prob_above_of and nps_shrunk_of.
 *
 * Each reads its arguments and calls the core, which renders the offending
 * number of an error, so the three engines say the same words.  Every one
 * is strict: a NULL argument gives NULL.
 */
#include <string.h>

#include "nps_duckdb.h"

/* Read the numbers of arguments from .. nargs of row into out[]; an
 * argument that is not a number fails the call with the status of its
 * position in kinds[]. */
static int numbers(const nps_scalar_call *sc, idx_t row, idx_t from, const nps_status *kinds,
                   double *out)
{
    for (idx_t i = from; i < sc->nargs; i++)
        if (col_number(&sc->col[i], row, &out[i]) != NPS_OK) {
            fail(&sc->call, kinds[i], &sc->col[i], row);
            return 0;
        }
    return 1;
}

/* Return a result of the core: the number, NULL for no rows (R5), or the
 * error naming argument i (none when i is negative) or the core's value. */
static int result(nps_scalar_call *sc, idx_t row, nps_status st, double v, int i, const char *value)
{
    if (st == NPS_OK) {
        result_double(sc, row, v);
        return 1;
    }
    if (st == NPS_EMPTY) {
        result_null(sc, row);
        return 1;
    }
    if (value != NULL)
        fail_text(&sc->call, st, value);
    else
        fail(&sc->call, st, i >= 0 ? &sc->col[i] : NULL, row);
    return 0;
}

/* The loop of every function below: NULL for a row with a NULL argument,
 * else the row's own function, which returns 0 after failing the call. */
typedef int (*row_fn)(nps_scalar_call *sc, idx_t row);
static void each_row(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output,
                     row_fn fn)
{
    nps_scalar_call sc;
    scalar_open(&sc, info, input, output);
    for (idx_t row = 0; row < sc.rows; row++) {
        if (scalar_any_null(&sc, row))
            result_null(&sc, row);
        else if (!fn(&sc, row))
            return;
    }
}

/* nps_sample_size(margin [, confidence [, promoter_share, detractor_share]]) (I1). */
static int row_sample_size(nps_scalar_call *sc, idx_t row)
{
    static const nps_status kinds[] = {NPS_E_MARGIN, NPS_E_CONFIDENCE, NPS_E_SHARE, NPS_E_SHARE};
    double a[4] = {0.0, NPS_DEFAULT_CONFIDENCE, 0.0, 0.0};
    char value[NPS_VALUE_MAX] = "";
    int64_t n;
    if (!numbers(sc, row, 0, kinds, a))
        return 0;
    nps_status st = nps_sample_size(a[0], a[1], sc->nargs == 4 ? &a[2] : NULL, &n, value);
    if (st != NPS_OK) {
        fail_text(&sc->call, st, value);
        return 0;
    }
    result_bigint(sc, row, n);
    return 1;
}

/* nps_mde(n_a, n_b [, alpha [, power [, promoter_share, detractor_share]]]) (I2). */
static int row_mde(nps_scalar_call *sc, idx_t row)
{
    static const nps_status kinds[] = {NPS_E_SIZE,  NPS_E_SIZE,  NPS_E_ALPHA,
                                       NPS_E_POWER, NPS_E_SHARE, NPS_E_SHARE};
    double a[6] = {0.0, 0.0, 0.05, 0.8, 0.0, 0.0}, mde = 0.0;
    char value[NPS_VALUE_MAX] = "";
    if (!numbers(sc, row, 0, kinds, a))
        return 0;
    nps_status st = nps_mde(a[0], a[1], a[2], a[3], sc->nargs == 6 ? &a[4] : NULL, &mde, value);
    return result(sc, row, st, mde, -1, value);
}

/* nps_pvalue(a, b [, alternative]) and nps_pvalue(a, target [, alternative])
 * (R12, I3): a number second is a benchmark NPS, anything else a state. */
static int row_pvalue(nps_scalar_call *sc, idx_t row)
{
    nps_alternative alt = NPS_ALT_TWO_SIDED;
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2];
    double p = 0.0, target = 0.0;
    duckdb_type t = sc->col[1].type;
    int versus_target = t != DUCKDB_TYPE_BLOB && t != DUCKDB_TYPE_VARCHAR &&
                        col_number(&sc->col[1], row, &target) == NPS_OK;
    nps_status st;
    if (!state_arg(&sc->call, &sc->col[0], row, 0, 1, &s[0]))
        return 0;
    if (!versus_target && !state_arg(&sc->call, &sc->col[1], row, 1, 1, &s[1]))
        return 0;
    if (sc->nargs == 3) {
        size_t len;
        const char *text = col_bytes(&sc->col[2], row, &len);
        if (text == NULL || sc->col[2].type != DUCKDB_TYPE_VARCHAR ||
            nps_alternative_from_text(text, len, &alt) != NPS_OK) {
            fail(&sc->call, NPS_E_ALTERNATIVE, &sc->col[2], row);
            return 0;
        }
    }
    st = versus_target ? nps_pvalue_target(&s[0], target, alt, &p, value)
                       : nps_pvalue_alt(&s[0], &s[1], alt, &p);
    return result(sc, row, st, p, -1, value);
}

/* nps_diff_ci_lower / _upper(a, b [, confidence]): one bound of I4, the
 * upper in the row's measure field. */
static int row_diff_ci(nps_scalar_call *sc, idx_t row)
{
    static const nps_status kinds[] = {NPS_E_NOT_STATE, NPS_E_NOT_STATE, NPS_E_CONFIDENCE};
    double a[3] = {0.0, 0.0, NPS_DEFAULT_CONFIDENCE}, bound[2] = {0.0, 0.0};
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2];
    if (!state_arg(&sc->call, &sc->col[0], row, 0, 1, &s[0]) ||
        !state_arg(&sc->call, &sc->col[1], row, 1, 1, &s[1]) || !numbers(sc, row, 2, kinds, a))
        return 0;
    nps_status st = nps_diff_ci(&s[0], &s[1], a[2], &bound[0], &bound[1], value);
    return result(sc, row, st, bound[sc->call.f->measure != 0], -1, value);
}

/* nps_state_unmerge(total, part): the state of the rest (I5). */
static int row_state_unmerge(nps_scalar_call *sc, idx_t row)
{
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2], rest;
    if (!state_arg(&sc->call, &sc->col[0], row, 0, 1, &s[0]) ||
        !state_arg(&sc->call, &sc->col[1], row, 1, 1, &s[1]))
        return 0;
    nps_status st = nps_state_rest(&s[0], &s[1], &rest, value);
    if (st != NPS_OK) {
        fail_text(&sc->call, st, value);
        return 0;
    }
    vector_state(sc->out, row, &rest);
    return 1;
}

/* nps_credible_lower_of(st [, prob]) and _upper_of: a bound of the
 * equal-tailed credible interval (B3); the upper in the row's measure field. */
static int row_credible(nps_scalar_call *sc, idx_t row)
{
    double prob = NPS_DEFAULT_CONFIDENCE, v = 0.0;
    nps_state s;
    if (!state_arg(&sc->call, &sc->col[0], row, 0, 0, &s))
        return 0;
    if (sc->nargs == 2 && col_number(&sc->col[1], row, &prob) != NPS_OK) {
        fail(&sc->call, NPS_E_PROBABILITY, &sc->col[1], row);
        return 0;
    }
    nps_status st = nps_credible_bound(&s, prob, sc->call.f->measure != 0, &v);
    return result(sc, row, st, v, sc->nargs == 2 ? 1 : -1, NULL);
}

/* nps_prob_above_of(st, target): P(NPS > target points) (B2). */
static int row_prob_above(nps_scalar_call *sc, idx_t row)
{
    double target, v = 0.0;
    nps_state s;
    if (!state_arg(&sc->call, &sc->col[0], row, 0, 0, &s))
        return 0;
    if (col_number(&sc->col[1], row, &target) != NPS_OK) {
        fail(&sc->call, NPS_E_TARGET, &sc->col[1], row);
        return 0;
    }
    nps_status st = nps_prob_above(&s, target, &v);
    return result(sc, row, st, v, 1, NULL);
}

/* nps_shrunk_of(st, parent [, strength]): the posterior mean NPS with the
 * parent's shares as a prior worth strength (30) responses (B4). */
static int row_shrunk(nps_scalar_call *sc, idx_t row)
{
    double strength = 30.0, v = 0.0;
    nps_state s[2];
    for (int i = 0; i < 2; i++)
        if (!state_arg(&sc->call, &sc->col[i], row, i, 1, &s[i]))
            return 0;
    if (sc->nargs == 3 && col_number(&sc->col[2], row, &strength) != NPS_OK) {
        fail(&sc->call, NPS_E_STRENGTH, &sc->col[2], row);
        return 0;
    }
    nps_status st = nps_shrunk(&s[0], &s[1], strength, &v);
    return result(sc, row, st, v, sc->nargs == 3 ? 2 : -1, NULL);
}

/* The scalar callbacks DuckDB calls, one per row function. */
#define SCALAR_OF(row_fn_name)                                                                     \
    static void fn_##row_fn_name(duckdb_function_info info, duckdb_data_chunk input,               \
                                 duckdb_vector output)                                             \
    {                                                                                              \
        each_row(info, input, output, row_##row_fn_name);                                          \
    }
SCALAR_OF(sample_size)
SCALAR_OF(mde)
SCALAR_OF(pvalue)
SCALAR_OF(diff_ci)
SCALAR_OF(state_unmerge)
SCALAR_OF(credible)
SCALAR_OF(prob_above)
SCALAR_OF(shrunk)

/* The row of a function with two forms told apart by measure: 0 the lower
 * bound, 1 the upper. */
#define BOUND(fn_name, fn_nargs, upper, fn_scalar)                                                 \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .result = NPS_T_DOUBLE,                            \
        .measure = (nps_measure)(upper), .scalar = (fn_scalar)                                     \
    }

/* The rows registered by the entry point (nps_duckdb.c), as SQLite's. */
const nps_function nps_infer_functions[] = {
    NPS_SCALAR("nps_sample_size", 1, NPS_T_BIGINT, fn_sample_size),
    NPS_SCALAR("nps_sample_size", 2, NPS_T_BIGINT, fn_sample_size),
    NPS_SCALAR("nps_sample_size", 4, NPS_T_BIGINT, fn_sample_size),
    NPS_SCALAR("nps_mde", 2, NPS_T_DOUBLE, fn_mde),
    NPS_SCALAR("nps_mde", 3, NPS_T_DOUBLE, fn_mde),
    NPS_SCALAR("nps_mde", 4, NPS_T_DOUBLE, fn_mde),
    NPS_SCALAR("nps_mde", 6, NPS_T_DOUBLE, fn_mde),
    NPS_SCALAR("nps_pvalue", 2, NPS_T_DOUBLE, fn_pvalue),
    NPS_SCALAR("nps_pvalue", 3, NPS_T_DOUBLE, fn_pvalue),
    BOUND("nps_diff_ci_lower", 2, 0, fn_diff_ci),
    BOUND("nps_diff_ci_lower", 3, 0, fn_diff_ci),
    BOUND("nps_diff_ci_upper", 2, 1, fn_diff_ci),
    BOUND("nps_diff_ci_upper", 3, 1, fn_diff_ci),
    NPS_SCALAR("nps_state_unmerge", 2, NPS_T_BLOB, fn_state_unmerge),
    BOUND("nps_credible_lower_of", 1, 0, fn_credible),
    BOUND("nps_credible_lower_of", 2, 0, fn_credible),
    BOUND("nps_credible_upper_of", 1, 1, fn_credible),
    BOUND("nps_credible_upper_of", 2, 1, fn_credible),
    NPS_SCALAR("nps_prob_above_of", 2, NPS_T_DOUBLE, fn_prob_above),
    NPS_SCALAR("nps_shrunk_of", 2, NPS_T_DOUBLE, fn_shrunk),
    NPS_SCALAR("nps_shrunk_of", 3, NPS_T_DOUBLE, fn_shrunk),
};
const size_t nps_infer_count = sizeof nps_infer_functions / sizeof nps_infer_functions[0];
