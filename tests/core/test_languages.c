/* test_languages.c -- labels and follow-up questions by language (core/languages.c; R2, P3). */
#include "helpers.h"

/* Label of score in language lang (NUL-terminated), asserting success. */
static const char *label_of(int64_t score, const char *lang)
{
    const char *label = NULL;
    assert_int_equal(nps_category_label(score, lang, strlen(lang), &label), NPS_OK);
    assert_non_null(label);
    return label;
}

/* R2: English labels for every score. */
TEST(test_r2_labels_english)
{
    for (int64_t score = 0; score <= 10; score++) {
        const char *want = score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter";
        assert_string_equal(label_of(score, "en"), want);
    }
}

/* True if s is well-formed UTF-8 (no overlong forms, no surrogates). */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80             ? 0
                : (*p & 0xE0) == 0xC0 ? 1
                : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3
                                      : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return 0;
        uint32_t cp = n == 0 ? *p : n == 1 ? (*p & 0x1Fu) : n == 2 ? (*p & 0x0Fu) : (*p & 0x07u);
        for (int k = 1; k <= n; k++) {
            if ((p[k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[k] & 0x3Fu);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        p += n + 1;
    }
    return 1;
}

/* R2: every advertised language has three distinct, non-empty, valid UTF-8
 * labels; zh, pl and th differ from English on every category (es shares
 * "detractor" with English, rightly). */
TEST(test_r2_labels_other_languages)
{
    static const char *langs[] = {"zh", "pl", "th", "de", "es", "fr", "ja"};
    static const int64_t reps[] = {0, 7, 10};
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        const char *l[3];
        for (int c = 0; c < 3; c++) {
            l[c] = label_of(reps[c], langs[i]);
            assert_true(strlen(l[c]) > 0);
            assert_true(valid_utf8(l[c]));
            if (i < 3)
                assert_string_not_equal(l[c], label_of(reps[c], "en"));
            /* every score of the category has the same label */
            for (int64_t s = 0; s <= 10; s++)
                if (nps_category_of(s) == c)
                    assert_string_equal(label_of(s, langs[i]), l[c]);
        }
        assert_string_not_equal(l[0], l[1]);
        assert_string_not_equal(l[1], l[2]);
        assert_string_not_equal(l[0], l[2]);
    }
}

/* R2: the list of languages names at least the eight the header lists. */
TEST(test_r2_languages_list)
{
    const char *list = nps_languages();
    static const char *langs[] = {"en", "zh", "pl", "th", "de", "es", "fr", "ja"};
    assert_non_null(list);
    for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
        /* find langs[i] as a whole comma-separated item */
        int found = 0;
        for (const char *p = list; *p;) {
            const char *end = strchr(p, ',');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            while (n > 0 && *p == ' ') {
                p++;
                n--;
            }
            if (n == 2 && memcmp(p, langs[i], 2) == 0)
                found = 1;
            if (!end)
                break;
            p = end + 1;
        }
        if (!found) {
            print_error("'%s' missing from nps_languages() = '%s'\n", langs[i], list);
            fail();
        }
        /* every listed language is accepted */
        label_of(9, langs[i]);
    }
}

/* R2: an unknown language is NPS_E_LANG; the code is length-delimited. */
TEST(test_r2_labels_unknown_language)
{
    static const char *bad[] = {"", "e", "xx", "eng", "en ", " en", "english", "zz", "e\xc3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = "untouched";
        assert_int_equal(nps_category_label(9, bad[i], strlen(bad[i]), &label), NPS_E_LANG);
    }
    const char *label = NULL;
    /* "enx" cut to 2 bytes is "en"; "en" cut to 1 byte is "e"; a NUL inside the length counts */
    assert_int_equal(nps_category_label(9, "enx", 2, &label), NPS_OK);
    assert_string_equal(label, "promoter");
    assert_int_equal(nps_category_label(9, "en", 1, &label), NPS_E_LANG);
    assert_int_equal(nps_category_label(9, "en\0", 3, &label), NPS_E_LANG);
    assert_int_equal(nps_category_label(9, "zhx", 2, &label), NPS_OK);
    assert_string_equal(label, label_of(9, "zh"));
}

/* R1/R2: a label for a score outside 0..10 is NPS_E_SCORE_RANGE. */
TEST(test_r2_labels_score_range)
{
    static const int64_t bad[] = {-1, 11, INT64_MIN, INT64_MAX};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *label = NULL;
        assert_int_equal(nps_category_label(bad[i], "en", 2, &label), NPS_E_SCORE_RANGE);
    }
}

/* Check one built-in question. */
static void question_is(int64_t score, const char *lang, const char *want)
{
    const char *q = NULL;
    assert_int_equal(nps_followup_question(score, lang, strlen(lang), &q), NPS_OK);
    assert_string_equal(q, want);
}

/* P3: the English questions for every score, R2's boundaries included. */
TEST(test_p3_questions_english)
{
    const char *d = "We are sorry to hear that. What went wrong, and what could we do better?";
    const char *p = "Thank you! What would make it a 10 for you?";
    const char *m = "Thank you! What do you value most about us?";
    for (int s = 0; s <= 10; s++)
        question_is(s, "en", s <= 6 ? d : s <= 8 ? p : m);
    question_is(6, "EN", d);
    question_is(9, "En", m);
}

/* P3: the other languages: every question is there, the passive one asks
 * for a 10 in every language, the three differ, none is the English text. */
TEST(test_p3_questions_languages)
{
    static const char *const langs[] = {"en", "zh", "pl", "th", "de", "es", "fr", "ja"};
    const char *english[3];
    for (int c = 0; c < 3; c++)
        assert_int_equal(nps_followup_question(c == 0   ? 3
                                               : c == 1 ? 7
                                                        : 10,
                                               "en", 2, &english[c]),
                         NPS_OK);
    for (size_t k = 0; k < sizeof langs / sizeof langs[0]; k++) {
        const char *q[3];
        for (int c = 0; c < 3; c++) {
            assert_int_equal(nps_followup_question(c == 0   ? 0
                                                   : c == 1 ? 8
                                                            : 9,
                                                   langs[k], 2, &q[c]),
                             NPS_OK);
            assert_true(strlen(q[c]) > 10 && strlen(q[c]) < NPS_QUESTION_MAX);
            if (k > 0)
                assert_string_not_equal(q[c], english[c]);
        }
        assert_non_null(strstr(q[1], "10"));
        assert_string_not_equal(q[0], q[1]);
        assert_string_not_equal(q[1], q[2]);
        assert_string_not_equal(q[0], q[2]);
    }
    question_is(2, "pl",
                "Przykro nam. Co posz\xc5\x82o nie tak i co mo\xc5\xbc"
                "emy poprawi\xc4\x87?");
    question_is(7, "de", "Danke! Was w\xc3\xbcrde es f\xc3\xbcr Sie zu einer 10 machen?");
}

/* P3: a score outside 0..10 or an unknown language is an error. */
TEST(test_p3_questions_errors)
{
    const char *q = "untouched";
    assert_int_equal(nps_followup_question(11, "en", 2, &q), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_followup_question(-1, "en", 2, &q), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_followup_question(5, "xx", 2, &q), NPS_E_LANG);
    assert_int_equal(nps_followup_question(5, "eng", 3, &q), NPS_E_LANG);
    assert_int_equal(nps_followup_question(5, "", 0, &q), NPS_E_LANG);
    assert_string_equal(q, "untouched");
}
