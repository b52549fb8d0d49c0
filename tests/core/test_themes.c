/* test_themes.c -- the themes a text mentions (core/themes.c; P5). */
#include "helpers.h"

/* The JSON of nps_themes_json() for C strings, in a static buffer. */
static const char *themes(const char *text, const char *list)
{
    static char out[4096];
    size_t len = strlen(list);
    assert_true(NPS_THEMES_JSON_MAX(len) < sizeof out);
    size_t n = nps_themes_json(text, strlen(text), list, len, out);
    assert_true(n <= NPS_THEMES_JSON_MAX(len));
    out[n] = '\0';
    return out;
}

/* P5: a phrase anywhere in the text, at the start, at the end, the whole
 * text; a theme once however many of its phrases occur; list order. */
TEST(test_p5_themes_found)
{
    static const char list[] = "price\x1f"
                               "expensive\x1e"
                               "price\x1f"
                               "cost\x1e"
                               "speed\x1f"
                               "slow\x1e"
                               "support\x1f"
                               "support";
    assert_string_equal(themes("too expensive and slow", list), "[\"price\",\"speed\"]");
    assert_string_equal(themes("expensive", list), "[\"price\"]");
    assert_string_equal(themes("slow", list), "[\"speed\"]");
    assert_string_equal(themes("cost: expensive", list), "[\"price\"]");
    assert_string_equal(themes("support was slow; costly", list),
                        "[\"price\",\"speed\",\"support\"]");
    assert_string_equal(themes("nothing to say", list), "[]");
    assert_string_equal(themes("", list), "[]");
    assert_string_equal(themes("slo", list), "[]");
}

/* P5: bytes, not characters: CJK and Thai phrases of one or two characters,
 * a phrase that is a prefix of a longer match, repeated first bytes. */
TEST(test_p5_themes_bytes)
{
    static const char list[] = "price\x1f\xe8\xb4\xb5\x1e"                 /* 贵 */
                               "support\x1f\xe5\xae\xa2\xe6\x9c\x8d\x1e"   /* 客服 */
                               "speed\x1f\xe0\xb8\x8a\xe0\xb9\x89\xe0\xb8\xb2\x1e" /* ช้า */
                               "aa\x1f"
                               "aab";
    assert_string_equal(themes("\xe5\xa4\xaa\xe8\xb4\xb5\xe4\xba\x86\xef\xbc\x8c\xe5\xae\xa2\xe6\x9c"
                               "\x8d\xe4\xb9\x9f\xe5\xbe\x88\xe6\x85\xa2",
                               list),
                        "[\"price\",\"support\"]");
    assert_string_equal(themes("\xe0\xb9\x81\xe0\xb8\x9e\xe0\xb8\x87 \xe0\xb8\x8a\xe0\xb9\x89\xe0\xb8\xb2", list),
                        "[\"speed\"]");
    assert_string_equal(themes("\xe5\xae\xa2", list), "[]"); /* half of 客服 */
    assert_string_equal(themes("aaab", list), "[\"aa\"]");
    assert_string_equal(themes("aaaaaab", list), "[\"aa\"]");
    assert_string_equal(themes("abab", list), "[]");
}

/* P5: theme names are written as JSON strings; an entry without a separator
 * is skipped, an empty phrase occurs in every text, an empty list has no
 * theme. */
TEST(test_p5_themes_json_and_edges)
{
    assert_string_equal(themes("x", "say \"hi\"\\\x1fx"), "[\"say \\\"hi\\\"\\\\\"]");
    assert_string_equal(themes("x", "tab\there\x1fx"), "[\"tab\\u0009here\"]");
    assert_string_equal(themes("x", "no separator\x1e"
                                    "t\x1fx"),
                        "[\"t\"]");
    assert_string_equal(themes("anything", "all\x1f"), "[\"all\"]");
    assert_string_equal(themes("anything", ""), "[]");
    assert_string_equal(themes("x", "\x1e\x1e"
                                    "t\x1fx\x1e"),
                        "[\"t\"]");
}
