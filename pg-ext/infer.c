/*
 * infer.c -- the PostgreSQL face of inference beyond the point estimate (I1-I5
 * of core/nps.h): nps_sample_size, nps_mde, nps_pvalue with an alternative or
 * against a benchmark, nps_diff_ci_lower/upper.  nps_state_unmerge(total,
 * part) is nps_pg.c's, which it shares with the aggregates' inverse.
 *
 * Each function reads its arguments and calls the core, which renders the
 * offending number of an error, so both engines say the same words.  Every
 * one is STRICT (sql/nps.sql.tmpl): the arguments are never NULL here.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "nps.h"
#include "nps_pg.h"

/* Raise st naming the value the core rendered; NULL for NPS_EMPTY. */
#define RESULT_FLOAT8(fcinfo, st, v, value)                                                        \
    do {                                                                                           \
        if ((st) == NPS_EMPTY)                                                                     \
            PG_RETURN_NULL();                                                                      \
        if ((st) != NPS_OK)                                                                        \
            raise_status((st), caller_name(fcinfo), (value));                                      \
        PG_RETURN_FLOAT8(v);                                                                       \
    } while (0)

/* Argument n as a double, or dflt when the call has fewer arguments. */
static double float8_or(FunctionCallInfo fcinfo, int n, double dflt)
{
    return PG_NARGS() > n ? PG_GETARG_FLOAT8(n) : dflt;
}

PG_FUNCTION_INFO_V1(nps_sample_size_float8);
/* nps_sample_size(margin [, confidence [, promoter_share, detractor_share]]) (I1). */
Datum nps_sample_size_float8(PG_FUNCTION_ARGS)
{
    double shares[2] = {float8_or(fcinfo, 2, 0.0), float8_or(fcinfo, 3, 0.0)};
    char value[NPS_VALUE_MAX] = "";
    int64_t n;
    nps_status st =
        nps_sample_size(PG_GETARG_FLOAT8(0), float8_or(fcinfo, 1, NPS_DEFAULT_CONFIDENCE),
                        PG_NARGS() == 4 ? shares : NULL, &n, value);

    if (st != NPS_OK)
        raise_status(st, caller_name(fcinfo), value);
    PG_RETURN_INT64(n);
}

PG_FUNCTION_INFO_V1(nps_mde_float8);
/* nps_mde(n_a, n_b [, alpha [, power [, promoter_share, detractor_share]]]) (I2). */
Datum nps_mde_float8(PG_FUNCTION_ARGS)
{
    double shares[2] = {float8_or(fcinfo, 4, 0.0), float8_or(fcinfo, 5, 0.0)};
    char value[NPS_VALUE_MAX] = "";
    double mde = 0.0;
    nps_status st =
        nps_mde(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1), float8_or(fcinfo, 2, 0.05),
                float8_or(fcinfo, 3, 0.8), PG_NARGS() == 6 ? shares : NULL, &mde, value);

    RESULT_FLOAT8(fcinfo, st, mde, value);
}

/* Argument n, an alternative (I3); 'two-sided' when the call has fewer. */
static nps_alternative alternative_arg(FunctionCallInfo fcinfo, int n)
{
    nps_alternative alt = NPS_ALT_TWO_SIDED;
    text *t;

    if (PG_NARGS() <= n)
        return alt;
    t = PG_GETARG_TEXT_PP(n);
    if (nps_alternative_from_text(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &alt) != NPS_OK)
        raise_text(caller_name(fcinfo), NPS_E_ALTERNATIVE, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    return alt;
}

PG_FUNCTION_INFO_V1(nps_pvalue_alternative);
/* nps_pvalue(a, b, alternative) (I3). */
Datum nps_pvalue_alternative(PG_FUNCTION_ARGS)
{
    const nps_state *a = core_state_arg(fcinfo, 0), *b = core_state_arg(fcinfo, 1);
    double p = 0.0;
    nps_status st = nps_pvalue_alt(a, b, alternative_arg(fcinfo, 2), &p);

    RESULT_FLOAT8(fcinfo, st, p, "");
}

PG_FUNCTION_INFO_V1(nps_pvalue_benchmark);
/* nps_pvalue(a, target [, alternative]): against a benchmark NPS (I3). */
Datum nps_pvalue_benchmark(PG_FUNCTION_ARGS)
{
    const nps_state *a = core_state_arg(fcinfo, 0);
    nps_alternative alt = alternative_arg(fcinfo, 2);
    char value[NPS_VALUE_MAX] = "";
    double p = 0.0;
    nps_status st = nps_pvalue_target(a, PG_GETARG_FLOAT8(1), alt, &p, value);

    RESULT_FLOAT8(fcinfo, st, p, value);
}

/* One bound of the interval of nps(b) - nps(a) (I4): 0 lower, 1 upper. */
static Datum diff_ci(FunctionCallInfo fcinfo, int upper)
{
    const nps_state *a = core_state_arg(fcinfo, 0), *b = core_state_arg(fcinfo, 1);
    char value[NPS_VALUE_MAX] = "";
    double bound[2] = {0.0, 0.0};
    nps_status st = nps_diff_ci(a, b, float8_or(fcinfo, 2, NPS_DEFAULT_CONFIDENCE), &bound[0],
                                &bound[1], value);

    RESULT_FLOAT8(fcinfo, st, bound[upper], value);
}

PG_FUNCTION_INFO_V1(nps_diff_ci_lower_state);
/* nps_diff_ci_lower(a, b [, confidence]). */
Datum nps_diff_ci_lower_state(PG_FUNCTION_ARGS)
{
    return diff_ci(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(nps_diff_ci_upper_state);
/* nps_diff_ci_upper(a, b [, confidence]). */
Datum nps_diff_ci_upper_state(PG_FUNCTION_ARGS)
{
    return diff_ci(fcinfo, 1);
}
