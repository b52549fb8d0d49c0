/* summary.c -- the JSON summary of a state. */
#include "internal.h"

#include <stdio.h>

nps_status nps_summary_json(const nps_state *s, char *buf, size_t cap)
{
    static const char *const keys[] = {
        "promoter_share", "passive_share", "detractor_share", "nps",
        "stderr",         "moe95",         "ci95_lower",      "ci95_upper"};
    static const nps_measure measures[] = {
        NPS_M_PROMOTER_SHARE, NPS_M_PASSIVE_SHARE, NPS_M_DETRACTOR_SHARE, NPS_M_NPS,
        NPS_M_STDERR,         NPS_M_MOE,           NPS_M_CI_LOWER,        NPS_M_CI_UPPER};
    int64_t cat[NPS_NCATEGORIES] = {0, 0, 0};
    for (int i = 0; i < NPS_NSCORES; i++)
        cat[nps_category_of(i)] += s->count[i];
    double v;
    if (nps_compute(s, NPS_M_NPS, NPS_DEFAULT_CONFIDENCE, &v) != NPS_OK)
        return NPS_EMPTY;
    size_t len = (size_t)snprintf(buf, cap,
                                  "{\"n\":%lld,\"promoters\":%lld,\"passives\":%lld,"
                                  "\"detractors\":%lld",
                                  (long long)nps_rows(s), (long long)cat[NPS_PROMOTER],
                                  (long long)cat[NPS_PASSIVE], (long long)cat[NPS_DETRACTOR]);
    nps_shape sh;
    if (nps_is_weighted(s) && nps_shape_of(s, &sh) == NPS_OK && len < cap) {
        /* the counts above are rows; what follows is weighted, on Kish's n */
        char num[32];
        nps_format_double(sh.n, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"weighted\":true,\"effective_n\":%s", num);
    }
    for (size_t k = 0; k < sizeof keys / sizeof keys[0] && len < cap; k++) {
        char num[32] = "null"; /* a measure without a value (R5) */
        if (nps_compute(s, measures[k], NPS_DEFAULT_CONFIDENCE, &v) == NPS_OK)
            nps_format_double(v, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"%s\":%s", keys[k], num);
    }
    for (int i = 0; i < NPS_NSCORES && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", i ? "," : ",\"scores\":[",
                                (long long)s->count[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "]}");
    return NPS_OK;
}
