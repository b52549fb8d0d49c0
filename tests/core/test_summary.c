/* test_summary.c -- the JSON summary (core/summary.c). */
#include "helpers.h"

/* A JSON reader just big enough for the summary: an object of number
 * members and one array of integers. */
struct json {
    const char *p;
    char keys[16][32];
    double nums[16];
    int nkeys;
    long long ints[NPS_NSCORES + 1];
    int nints;
};

/* Skip JSON whitespace. */
static void json_ws(struct json *j)
{
    while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
        j->p++;
}

/* Read one JSON number per the grammar (no '+', no leading zeros, no NaN). */
static int json_number(struct json *j, double *out)
{
    const char *s = j->p;
    if (*j->p == '-')
        j->p++;
    if (*j->p == '0')
        j->p++;
    else if (*j->p >= '1' && *j->p <= '9')
        while (*j->p >= '0' && *j->p <= '9')
            j->p++;
    else
        return 0;
    if (*j->p == '.') {
        j->p++;
        if (!(*j->p >= '0' && *j->p <= '9'))
            return 0;
        while (*j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    if (*j->p == 'e' || *j->p == 'E') {
        j->p++;
        if (*j->p == '+' || *j->p == '-')
            j->p++;
        if (!(*j->p >= '0' && *j->p <= '9'))
            return 0;
        while (*j->p >= '0' && *j->p <= '9')
            j->p++;
    }
    *out = strtod(s, NULL);
    return 1;
}

/* Parse the summary; 1 when it is well-formed JSON of the expected shape. */
static int json_parse(struct json *j, const char *text)
{
    memset(j, 0, sizeof *j);
    j->p = text;
    json_ws(j);
    if (*j->p++ != '{')
        return 0;
    for (;;) {
        json_ws(j);
        if (*j->p++ != '"')
            return 0;
        size_t k = 0;
        while (*j->p && *j->p != '"' && k < 31)
            j->keys[j->nkeys][k++] = *j->p++;
        if (*j->p++ != '"')
            return 0;
        json_ws(j);
        if (*j->p++ != ':')
            return 0;
        json_ws(j);
        if (*j->p == '[') {
            j->p++;
            for (;;) {
                double v;
                json_ws(j);
                const char *start = j->p;
                if (!json_number(j, &v) || j->nints > NPS_NSCORES)
                    return 0;
                for (const char *q = start; q < j->p; q++)
                    if (*q == '.' || *q == 'e' || *q == 'E')
                        return 0; /* counts are integers */
                j->ints[j->nints++] = strtoll(start, NULL, 10);
                json_ws(j);
                if (*j->p == ']')
                    break;
                if (*j->p++ != ',')
                    return 0;
            }
            j->p++;
            j->nums[j->nkeys] = NAN;
        } else if (strncmp(j->p, "true", 4) == 0) {
            j->p += 4;
            j->nums[j->nkeys] = 1.0;
        } else if (!json_number(j, &j->nums[j->nkeys])) {
            return 0;
        }
        if (++j->nkeys >= 16)
            return 0;
        json_ws(j);
        if (*j->p == '}')
            break;
        if (*j->p++ != ',')
            return 0;
    }
    j->p++;
    json_ws(j);
    return *j->p == '\0';
}

static const char *const summary_keys[] = {"n",
                                           "promoters",
                                           "passives",
                                           "detractors",
                                           "promoter_share",
                                           "passive_share",
                                           "detractor_share",
                                           "nps",
                                           "stderr",
                                           "moe95",
                                           "ci95_lower",
                                           "ci95_upper",
                                           "scores"};

/* Parse a state's summary, check it is valid JSON with the keys of SPEC.md in
 * order; a weighted state has "weighted":true,"effective_n":N after
 * "detractors", which are taken out of j so that the other keys keep their
 * places.  Returns effective_n, NaN when unweighted. */
static double summary_of(const nps_state *s, struct json *j, char *buf)
{
    memset(buf, 'Z', NPS_SUMMARY_MAX);
    assert_int_equal(nps_summary_json(s, buf, NPS_SUMMARY_MAX), NPS_OK);
    assert_non_null(memchr(buf, '\0', NPS_SUMMARY_MAX));
    if (!json_parse(j, buf)) {
        print_error("not valid JSON: %s\n", buf);
        fail();
    }
    double neff = NAN;
    int weighted = (s->weighted[0] | s->weighted[1] | s->weighted[2]) != 0;
    if (weighted) {
        assert_int_equal(j->nkeys, 15);
        assert_string_equal(j->keys[4], "weighted");
        assert_true(j->nums[4] == 1.0);
        assert_non_null(strstr(buf, "\"weighted\":true,"));
        assert_string_equal(j->keys[5], "effective_n");
        neff = j->nums[5];
        memmove(j->keys[4], j->keys[6], 9 * sizeof j->keys[0]);
        memmove(j->nums + 4, j->nums + 6, 9 * sizeof j->nums[0]);
        j->nkeys -= 2;
    }
    assert_int_equal(j->nkeys, 13);
    for (int k = 0; k < 13; k++)
        assert_string_equal(j->keys[k], summary_keys[k]);
    assert_int_equal(j->nints, NPS_NSCORES);
    return neff;
}

/* The summary of the (1,2,3) reference: counts, shares, NPS, stderr, MOE and
 * the adjusted-Wald 95% interval, and the 11 score counts. */
TEST(test_summary_reference)
{
    nps_state s = counts_state(1, 2, 3);
    struct json j;
    char buf[NPS_SUMMARY_MAX];
    summary_of(&s, &j, buf);
    assert_true(j.nums[0] == 6 && j.nums[1] == 3 && j.nums[2] == 2 && j.nums[3] == 1);
    assert_near(j.nums[4], 50.0, TOL);
    assert_near(j.nums[5], 100.0 / 3.0, TOL);
    assert_near(j.nums[6], 100.0 / 6.0, TOL);
    assert_near(j.nums[7], 100.0 / 3.0, TOL);
    assert_near(j.nums[8], 30.429030972509224, TOL);
    assert_near(j.nums[9], 59.63980479057189, TOL);
    assert_near(j.nums[10], -26.74325879410453, TOL);
    assert_near(j.nums[11], 71.18770323854898, TOL);
    static const long long scores[NPS_NSCORES] = {1, 0, 0, 0, 0, 0, 0, 1, 1, 2, 1};
    for (int i = 0; i < NPS_NSCORES; i++)
        assert_int_equal(j.ints[i], scores[i]);
    /* the integers are written as integers, the shares without a needless ".0" */
    assert_non_null(strstr(buf, "{\"n\":6,\"promoters\":3,\"passives\":2,\"detractors\":1,"
                                "\"promoter_share\":50,"));
    assert_non_null(strstr(buf, ",\"scores\":[1,0,0,0,0,0,0,1,1,2,1]}"));
}

/* R5/R7: weights whose squares underflow a double (1e-200) still have an
 * effective n, so every measure of the summary has a value (none is null),
 * and it is the summary of weights 1 (to rounding: 1e-200 is not a power of
 * two, so 3 x 1e-200 rounds where 3 x 1 does not): equal weights give Kish
 * n = 3. */
TEST(test_summary_tiny_weights_no_null)
{
    nps_state s, u;
    char json[NPS_SUMMARY_MAX], unit[NPS_SUMMARY_MAX];
    nps_state_init(&s);
    nps_state_init(&u);
    static const int64_t scores[] = {9, 10, 3};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(nps_add_weighted(&s, scores[i], 1e-200), NPS_OK);
        assert_int_equal(nps_add_weighted(&u, scores[i], 1.0), NPS_OK);
    }
    assert_int_equal(nps_summary_json(&s, json, sizeof json), NPS_OK);
    assert_int_equal(nps_summary_json(&u, unit, sizeof unit), NPS_OK);
    assert_non_null(strstr(json, "\"n\":3,"));
    assert_null(strstr(json, "null"));
    assert_non_null(strstr(json, "\"weighted\":true,\"effective_n\":3,"));
    struct json a, b;
    assert_true(json_parse(&a, json) && json_parse(&b, unit));
    assert_int_equal(a.nkeys, b.nkeys);
    for (int k = 0; k < a.nkeys; k++) {
        assert_string_equal(a.keys[k], b.keys[k]);
        assert_near(a.nums[k], b.nums[k], 1e-14);
    }
    /* 2 promoters, 1 detractor of 3: NPS 100/3, stderr 100 sqrt((1 - 1/9) / 3) */
    assert_near(measure(&s, NPS_M_NPS, 0.95), 100.0 / 3.0, TOL);
    assert_near(measure(&s, NPS_M_STDERR, 0.95), 100.0 * sqrt((8.0 / 9.0) / 3.0), TOL);
}

/* R5: the summary of no rows is NULL (NPS_EMPTY), also when weights sum to 0. */
TEST(test_summary_empty)
{
    nps_state s;
    nps_state_init(&s);
    char buf[NPS_SUMMARY_MAX];
    assert_int_equal(nps_summary_json(&s, buf, sizeof buf), NPS_EMPTY);
    assert_int_equal(nps_add_weighted(&s, 9, 0.0), NPS_OK);
    assert_int_equal(nps_summary_json(&s, buf, sizeof buf), NPS_EMPTY);
}

/* The longest summary (18- and 19-digit counts near the row cap, 17-digit
 * doubles, the weighted keys) fits NPS_SUMMARY_MAX and is whole; a
 * one-category state has zero stderr written as 0. */
TEST(test_summary_longest_and_single_category)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    for (int i = 0; i < NPS_NSCORES; i++)
        s.count[i] = NPS_MAX_ROWS / 11 - 12345 * i;
    fix_rows(&s);
    struct json j;
    char buf[NPS_SUMMARY_MAX];
    assert_true(isnan(summary_of(&s, &j, buf)));
    assert_true(strlen(buf) < NPS_SUMMARY_MAX);
    for (int i = 0; i < NPS_NSCORES; i++)
        assert_int_equal(j.ints[i], s.count[i]);
    assert_int_equal(nps_add_weighted(&s, 9, 1.0 / 3.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 0, 2.0 / 3.0), NPS_OK);
    assert_true(isfinite(summary_of(&s, &j, buf)));
    assert_true(strlen(buf) < NPS_SUMMARY_MAX);
    for (int i = 0; i < NPS_NSCORES; i++)
        assert_int_equal(j.ints[i], s.count[i]);
    s = weighted_reference(); /* the weighted shares; the counts are rows */
    /* Kish n = 5^2 / (2.25 + 1 + 4 + 0.25) = 25 / 7.5 */
    assert_near(summary_of(&s, &j, buf), 25.0 / 7.5, TOL);
    assert_true(j.nums[0] == 4 && j.nums[1] == 2 && j.nums[2] == 1 && j.nums[3] == 1);
    assert_non_null(strstr(buf, "\"detractors\":1,\"weighted\":true,\"effective_n\":"));
    assert_near(j.nums[7], 20.0, TOL);
    assert_near(j.nums[4], 50.0, TOL);
    s = counts_state(0, 0, 3);
    summary_of(&s, &j, buf);
    assert_non_null(strstr(buf, "\"nps\":100,\"stderr\":0,\"moe95\":0,"));
}

/* The summary never writes past cap. */
TEST(test_summary_small_buffer)
{
    nps_state s = counts_state(1, 2, 3);
    for (size_t cap = 1; cap < 300; cap += 7) {
        char buf[320];
        memset(buf, 'Z', sizeof buf);
        nps_summary_json(&s, buf, cap);
        for (size_t k = cap; k < sizeof buf; k++)
            assert_int_equal(buf[k], 'Z');
        assert_non_null(memchr(buf, '\0', cap));
    }
}
