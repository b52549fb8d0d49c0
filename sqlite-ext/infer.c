/*
 * infer.c -- the SQLite face of inference beyond the point estimate (I1-I5 of
 * core/nps.h): nps_sample_size, nps_mde, nps_pvalue with an alternative or
 * against a benchmark, nps_diff_ci_lower/upper and nps_state_unmerge.
 *
 * Each function reads its arguments and calls the core, which renders the
 * offending number of an error, so both engines say the same words.  Every
 * one is STRICT: a NULL argument gives NULL.
 */
#include <stdint.h>

#include "nps_sqlite.h"

/* Read the numbers argv[from .. argc) into out[]; an argument that is not a
 * number fails ctx with the status of its position in kinds[]. */
static int numbers(sqlite3_context *ctx, int argc, sqlite3_value **argv, int from,
                   const nps_status *kinds, double *out)
{
    for (int i = from; i < argc; i++)
        if (number_of(argv[i], &out[i]) != NPS_OK) {
            fail(ctx, kinds[i], argv[i]);
            return 0;
        }
    return 1;
}

/* nps_sample_size(margin [, confidence [, promoter_share, detractor_share]]) (I1). */
static void fn_sample_size(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const nps_status kinds[] = {NPS_E_MARGIN, NPS_E_CONFIDENCE, NPS_E_SHARE, NPS_E_SHARE};
    double a[4] = {0.0, NPS_DEFAULT_CONFIDENCE, 0.0, 0.0};
    char value[NPS_VALUE_MAX] = "";
    int64_t n;
    if (any_null(argc, argv) || !numbers(ctx, argc, argv, 0, kinds, a))
        return;
    nps_status st = nps_sample_size(a[0], a[1], argc == 4 ? &a[2] : NULL, &n, value);
    if (st == NPS_OK)
        sqlite3_result_int64(ctx, n);
    else
        fail_text(ctx, st, value);
}

/* nps_mde(n_a, n_b [, alpha [, power [, promoter_share, detractor_share]]]) (I2). */
static void fn_mde(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const nps_status kinds[] = {NPS_E_SIZE,  NPS_E_SIZE,  NPS_E_ALPHA,
                                       NPS_E_POWER, NPS_E_SHARE, NPS_E_SHARE};
    double a[6] = {0.0, 0.0, 0.05, 0.8, 0.0, 0.0};
    char value[NPS_VALUE_MAX] = "";
    double mde;
    if (any_null(argc, argv) || !numbers(ctx, argc, argv, 0, kinds, a))
        return;
    nps_status st = nps_mde(a[0], a[1], a[2], a[3], argc == 6 ? &a[4] : NULL, &mde, value);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, mde);
    else
        fail_text(ctx, st, value);
}

/* nps_pvalue(a, b [, alternative]) and nps_pvalue(a, target [, alternative])
 * (R12, I3): a blob second argument is a state, a number a benchmark NPS. */
static void fn_pvalue(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    static const nps_status kinds[] = {NPS_E_NOT_STATE, NPS_E_TARGET};
    nps_alternative alt = NPS_ALT_TWO_SIDED;
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2];
    double p, target[2];
    int versus_target = sqlite3_value_type(argv[1]) != SQLITE_BLOB &&
                        sqlite3_value_numeric_type(argv[1]) != SQLITE_TEXT;
    nps_status st;
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 1, &s[0]))
        return;
    if (versus_target ? !numbers(ctx, 2, argv, 1, kinds, target)
                      : !state_arg(ctx, argv, 1, 1, &s[1]))
        return;
    if (argc == 3) {
        const char *text = (const char *)sqlite3_value_text(argv[2]);
        if (text == NULL) {
            sqlite3_result_error_nomem(ctx);
            return;
        }
        if (nps_alternative_from_text(text, (size_t)sqlite3_value_bytes(argv[2]), &alt) != NPS_OK) {
            fail(ctx, NPS_E_ALTERNATIVE, argv[2]);
            return;
        }
    }
    st = versus_target ? nps_pvalue_target(&s[0], target[1], alt, &p, value)
                       : nps_pvalue_alt(&s[0], &s[1], alt, &p);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, p);
    else if (st != NPS_EMPTY)
        fail_text(ctx, st, value);
}

/* nps_diff_ci_lower / _upper(a, b [, confidence]): one bound of I4. */
static void diff_ci(sqlite3_context *ctx, int argc, sqlite3_value **argv, int upper)
{
    static const nps_status kinds[] = {NPS_E_NOT_STATE, NPS_E_NOT_STATE, NPS_E_CONFIDENCE};
    double a[3] = {0.0, 0.0, NPS_DEFAULT_CONFIDENCE}, bound[2];
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2];
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 1, &s[0]) ||
        !state_arg(ctx, argv, 1, 1, &s[1]) || !numbers(ctx, argc, argv, 2, kinds, a))
        return;
    nps_status st = nps_diff_ci(&s[0], &s[1], a[2], &bound[0], &bound[1], value);
    if (st == NPS_OK)
        sqlite3_result_double(ctx, bound[upper]);
    else if (st != NPS_EMPTY)
        fail_text(ctx, st, value);
}

static void fn_diff_ci_lower(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    diff_ci(ctx, argc, argv, 0);
}

static void fn_diff_ci_upper(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    diff_ci(ctx, argc, argv, 1);
}

/* nps_state_unmerge(total, part): the state of the rest (I5). */
static void fn_state_unmerge(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    char value[NPS_VALUE_MAX] = "";
    nps_state s[2], rest;
    uint8_t blob[NPS_STATE_BYTES];
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 1, &s[0]) ||
        !state_arg(ctx, argv, 1, 1, &s[1]))
        return;
    nps_status st = nps_state_rest(&s[0], &s[1], &rest, value);
    if (st != NPS_OK) {
        fail_text(ctx, st, value);
        return;
    }
    size_t len = nps_encode(&rest, blob);
    sqlite3_result_blob(ctx, blob, (int)len, SQLITE_TRANSIENT);
}

/* The rows registered by sqlite3_nps_init() (nps_sqlite.c). */
const nps_function nps_infer_functions[] = {
    NPS_SCALAR("nps_sample_size", 1, PURE, fn_sample_size),
    NPS_SCALAR("nps_sample_size", 2, PURE, fn_sample_size),
    NPS_SCALAR("nps_sample_size", 4, PURE, fn_sample_size),
    NPS_SCALAR("nps_mde", 2, PURE, fn_mde),
    NPS_SCALAR("nps_mde", 3, PURE, fn_mde),
    NPS_SCALAR("nps_mde", 4, PURE, fn_mde),
    NPS_SCALAR("nps_mde", 6, PURE, fn_mde),
    NPS_SCALAR("nps_pvalue", 2, PURE, fn_pvalue),
    NPS_SCALAR("nps_pvalue", 3, PURE, fn_pvalue),
    NPS_SCALAR("nps_diff_ci_lower", 2, PURE, fn_diff_ci_lower),
    NPS_SCALAR("nps_diff_ci_lower", 3, PURE, fn_diff_ci_lower),
    NPS_SCALAR("nps_diff_ci_upper", 2, PURE, fn_diff_ci_upper),
    NPS_SCALAR("nps_diff_ci_upper", 3, PURE, fn_diff_ci_upper),
    NPS_SCALAR("nps_state_unmerge", 2, PURE, fn_state_unmerge),
};
const size_t nps_infer_count = sizeof nps_infer_functions / sizeof nps_infer_functions[0];
