/*
 * bayes.c -- the SQLite face of the small-segment scalars (core/bayes.c,
 * rules B1-B5 of core/nps.h): credible interval, probability above a target
 * and shrunk estimate of a state, registered from their own table by
 * sqlite3_nps_init().  Every one is STRICT: a NULL argument gives NULL.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

#include "nps.h"
#include "nps_sqlite.h"

/* Read the number in argument i, or fail with st naming the value (a
 * number outside the range and a value that is no number are one error). */
static int number_arg(sqlite3_context *ctx, sqlite3_value **argv, int i, nps_status st, double *out)
{
    if (number_of(argv[i], out) == NPS_OK)
        return 1;
    fail(ctx, st, argv[i]);
    return 0;
}

/* Return a result of the core: the number, NULL for no rows (R5), or the
 * error naming the argument the status is about. */
static void result(sqlite3_context *ctx, nps_status st, double v, sqlite3_value *culprit)
{
    if (st == NPS_OK)
        sqlite3_result_double(ctx, v);
    else if (st != NPS_EMPTY)
        fail(ctx, st, culprit);
}

/* nps_credible_lower_of(st [, prob]) and _upper_of: a bound of the
 * equal-tailed credible interval (B3); upper in the row's measure field. */
static void fn_credible(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const nps_function *f = sqlite3_user_data(ctx);
    double prob = NPS_DEFAULT_CONFIDENCE, v = 0.0;
    nps_state s;
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 0, &s))
        return;
    if (argc == 2 && !number_arg(ctx, argv, 1, NPS_E_PROBABILITY, &prob))
        return;
    nps_status st = nps_credible_bound(&s, prob, f->measure != 0, &v);
    result(ctx, st, v, argc == 2 ? argv[1] : NULL);
}

/* nps_prob_above_of(st, target): P(NPS > target points) (B2). */
static void fn_prob_above(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double target, v = 0.0;
    nps_state s;
    if (any_null(argc, argv) || !state_arg(ctx, argv, 0, 0, &s) ||
        !number_arg(ctx, argv, 1, NPS_E_TARGET, &target))
        return;
    nps_status st = nps_prob_above(&s, target, &v);
    result(ctx, st, v, argv[1]);
}

/* nps_shrunk_of(st, parent [, strength]): the posterior mean NPS with the
 * parent's shares as a prior worth strength (30) responses (B4). */
static void fn_shrunk(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    double strength = 30.0, v = 0.0;
    nps_state s[2];
    if (any_null(argc, argv))
        return;
    for (int i = 0; i < 2; i++)
        if (!state_arg(ctx, argv, i, 1, &s[i]))
            return;
    if (argc == 3 && !number_arg(ctx, argv, 2, NPS_E_STRENGTH, &strength))
        return;
    nps_status st = nps_shrunk(&s[0], &s[1], strength, &v);
    result(ctx, st, v, argc == 3 ? argv[2] : NULL);
}

/* The row of a credible bound: measure 0 the lower, 1 the upper. */
#define CREDIBLE(fn_name, fn_nargs, upper)                                                         \
    {                                                                                              \
        .name = (fn_name), .nargs = (fn_nargs), .flags = PURE, .measure = (nps_measure)(upper),    \
        .xfunc = fn_credible                                                                       \
    }

const nps_function nps_bayes_functions[] = {
    CREDIBLE("nps_credible_lower_of", 1, 0),
    CREDIBLE("nps_credible_lower_of", 2, 0),
    CREDIBLE("nps_credible_upper_of", 1, 1),
    CREDIBLE("nps_credible_upper_of", 2, 1),
    NPS_SCALAR("nps_prob_above_of", 2, PURE, fn_prob_above),
    NPS_SCALAR("nps_shrunk_of", 2, PURE, fn_shrunk),
    NPS_SCALAR("nps_shrunk_of", 3, PURE, fn_shrunk),
};
const size_t nps_bayes_count = sizeof nps_bayes_functions / sizeof nps_bayes_functions[0];
