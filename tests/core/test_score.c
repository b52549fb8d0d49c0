/* test_score.c -- scores read from doubles and text (core/score.c; R1). */
#include "helpers.h"

/* R1: whole doubles 0..10 are scores; -0.0 is 0. */
TEST(test_r1_score_from_double_valid)
{
    for (int i = 0; i <= 10; i++) {
        int64_t score = -1;
        assert_int_equal(nps_score_from_double((double)i, &score), NPS_OK);
        assert_int_equal(score, i);
    }
    int64_t score = -1;
    assert_int_equal(nps_score_from_double(-0.0, &score), NPS_OK);
    assert_int_equal(score, 0);
    assert_int_equal(nps_score_from_double(7.0, &score), NPS_OK);
    assert_int_equal(score, 7);
}

/* R1: fractions, numbers outside 0..10, NaN and infinities are errors. */
TEST(test_r1_score_from_double_invalid)
{
    int64_t score = 42;
    assert_int_equal(nps_score_from_double(7.5, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(0.5, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(nextafter(7.0, 8.0), &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(nextafter(7.0, 6.0), &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(1e-300, &score), NPS_E_SCORE_FRACTION);
    assert_int_equal(nps_score_from_double(11.0, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-1.0, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(1e300, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-1e300, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(9.3e18, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-9.3e18, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(INFINITY, &score), NPS_E_SCORE_RANGE);
    assert_int_equal(nps_score_from_double(-INFINITY, &score), NPS_E_SCORE_RANGE);
    assert_int_not_equal(nps_score_from_double(NAN, &score), NPS_OK);
    assert_int_equal(score, 42); /* never written on error */
}

/* Check that text of length len parses to want; file and line are the caller's. */
static void text_ok_at(const char *text, size_t len, int64_t want, const char *file, int line)
{
    int64_t score = -1;
    nps_status st = nps_score_from_text(text, len, &score);
    if (st != NPS_OK || score != want) {
        print_error("%s:%d: text '%.*s' (len %zu): status %d score %lld, want %lld\n", file, line,
                    (int)len, text, len, (int)st, (long long)score, (long long)want);
        _fail(file, line);
    }
}

/* Check that text of length len is rejected with want_status and score untouched. */
static void text_bad_at(const char *text, size_t len, nps_status want_status, const char *file,
                        int line)
{
    int64_t score = 42;
    nps_status st = nps_score_from_text(text, len, &score);
    if (st != want_status || score != 42) {
        print_error("%s:%d: text '%.*s' (len %zu): status %d score %lld, want status %d\n", file,
                    line, (int)len, text, len, (int)st, (long long)score, (int)want_status);
        _fail(file, line);
    }
}

#define text_ok(t, len, want) text_ok_at((t), (len), (want), __FILE__, __LINE__)
#define text_bad(t, len, st) text_bad_at((t), (len), (st), __FILE__, __LINE__)
#define TEXT_OK(t, want) text_ok((t), sizeof(t) - 1, (want))
#define TEXT_BAD(t, st) text_bad((t), sizeof(t) - 1, (st))

/* R1: accepted text forms (CSV imports store scores as text). */
TEST(test_r1_score_from_text_valid)
{
    static const char *digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    for (int i = 0; i <= 10; i++)
        text_ok(digits[i], strlen(digits[i]), i);
    TEXT_OK(" 9 ", 9);
    TEXT_OK("\t9\n", 9);
    TEXT_OK("+3", 3);
    TEXT_OK("07", 7);
    TEXT_OK("007", 7);
    TEXT_OK("7.0", 7);
    TEXT_OK("7.00", 7);
    TEXT_OK("10.0", 10);
    TEXT_OK("-0", 0);
    TEXT_OK("+0", 0);
    TEXT_OK("9\r", 9); /* a CSV line ending in CR LF */
    TEXT_OK("\r\n 8 \r\n", 8);
    TEXT_OK("7.", 7);
    TEXT_OK("10.000000000000000000000", 10);
}

/* R1: text may carry an exponent; the value is read exactly in decimal. */
TEST(test_r1_score_from_text_exponent)
{
    TEXT_OK("1e1", 10);
    TEXT_OK("1E1", 10);
    TEXT_OK("7e0", 7);
    TEXT_OK("70e-1", 7);
    TEXT_OK("1.0e1", 10);
    /* read exactly in decimal, never through a double */
    TEXT_OK("0.7e1", 7);
    TEXT_OK("700e-2", 7);
    TEXT_OK("10.0e0", 10);
    TEXT_OK("-0e5", 0);
    TEXT_OK("0.0000000000000000000000001e25", 1);
    TEXT_OK("1e-0", 1);
    TEXT_OK("1e+1", 10);
    TEXT_OK("+7E+0", 7);
    TEXT_OK(" 7e0 ", 7);
    TEXT_OK("00000000000000000000000000000009", 9);
    TEXT_OK("10000000000000000000000e-22", 1);
    TEXT_OK("7e00000000000000000000000", 7);
    TEXT_OK("0e99999999999999999999", 0);
    TEXT_BAD("1.00000000000000000001", NPS_E_SCORE_FRACTION);
    TEXT_BAD("1.0000000000000000000001e1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("1.05e1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("7e-0000000000000000000001", NPS_E_SCORE_FRACTION);
    TEXT_BAD("1e-99999999999999999999", NPS_E_SCORE_FRACTION);
    TEXT_BAD("0.11e2", NPS_E_SCORE_RANGE);
    TEXT_BAD("-7e0", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e1e1", NPS_E_SCORE_TEXT);
    TEXT_BAD("1e1.5", NPS_E_SCORE_TEXT);
    TEXT_BAD("1 e1", NPS_E_SCORE_TEXT);
    TEXT_BAD("1e 1", NPS_E_SCORE_TEXT);
    TEXT_BAD("75e-1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("2e1", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e400", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("1e", NPS_E_SCORE_TEXT);
    TEXT_BAD("e1", NPS_E_SCORE_TEXT);
    TEXT_BAD("1e+", NPS_E_SCORE_TEXT);
}

/* R1: rejected text forms, with the status naming what is wrong. */
TEST(test_r1_score_from_text_invalid)
{
    TEXT_BAD("7.5", NPS_E_SCORE_FRACTION);
    TEXT_BAD("0.1", NPS_E_SCORE_FRACTION);
    TEXT_BAD("11", NPS_E_SCORE_RANGE);
    TEXT_BAD("-1", NPS_E_SCORE_RANGE);
    TEXT_BAD("100", NPS_E_SCORE_RANGE);
    TEXT_BAD("99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("-99999999999999999999", NPS_E_SCORE_RANGE);
    TEXT_BAD("10.5", NPS_E_SCORE_FRACTION);
    TEXT_BAD("7.000000000000000000001", NPS_E_SCORE_FRACTION);
    TEXT_BAD("abc", NPS_E_SCORE_TEXT);
    TEXT_BAD("", NPS_EMPTY); /* blank: a skipped answer, as NULL */
    TEXT_BAD(" ", NPS_EMPTY);
    TEXT_BAD("+", NPS_E_SCORE_TEXT);
    TEXT_BAD("-", NPS_E_SCORE_TEXT);
    TEXT_BAD(".", NPS_E_SCORE_TEXT);
    TEXT_BAD("7a", NPS_E_SCORE_TEXT);
    TEXT_BAD("7 7", NPS_E_SCORE_TEXT);
    TEXT_BAD("++7", NPS_E_SCORE_TEXT);
    TEXT_BAD("0x7", NPS_E_SCORE_TEXT);
    TEXT_BAD("7,0", NPS_E_SCORE_TEXT);
    TEXT_BAD("\"7\"", NPS_E_SCORE_TEXT);
    TEXT_BAD("7\xc2\xa0", NPS_E_SCORE_TEXT);
    TEXT_BAD("nan", NPS_E_SCORE_TEXT);
    TEXT_BAD("inf", NPS_E_SCORE_TEXT);
    TEXT_BAD("seven", NPS_E_SCORE_TEXT);
}

/* R1: the text is length-delimited: bytes past len are not read, an embedded
 * NUL is not a terminator. */
TEST(test_r1_score_from_text_length_delimited)
{
    text_ok("7x", 1, 7);
    text_ok("12", 1, 1);
    text_ok("10", 2, 10);
    text_bad("7\0", 2, NPS_E_SCORE_TEXT);
    text_bad("9", 0, NPS_EMPTY); /* nothing inside the length: blank */
    /* a text that is not NUL-terminated at all */
    char buf[3] = {'1', '0', '5'};
    text_ok(buf, 2, 10);
    text_bad(buf, 3, NPS_E_SCORE_RANGE);
}

/* R1: an exponent with more digits than fit a counter is still read exactly:
 * "1" and a million zeros, times 10^-1000000, is 1; "0." and 999999 zeros then
 * "7e1000000" is 7; the same with one zero fewer is 70, out of range. */
TEST(test_r1_score_from_text_long_exponent)
{
    size_t zeros = 1000000, len;
    char *t = malloc(zeros + 32);
    int64_t score = -1;
    assert_non_null(t);
    t[0] = '1';
    memset(t + 1, '0', zeros);
    len = 1 + zeros + (size_t)sprintf(t + 1 + zeros, "e-1000000");
    assert_int_equal(nps_score_from_text(t, len, &score), NPS_OK);
    assert_int_equal(score, 1);
    memcpy(t, "0.", 2);
    memset(t + 2, '0', zeros - 1);
    len = 1 + zeros + (size_t)sprintf(t + 1 + zeros, "7e1000000");
    assert_int_equal(nps_score_from_text(t, len, &score), NPS_OK);
    assert_int_equal(score, 7);
    len = zeros + (size_t)sprintf(t + zeros, "7e1000000");
    assert_int_equal(nps_score_from_text(t, len, &score), NPS_E_SCORE_RANGE);
    free(t);
}

/* R1: text with a fraction followed by junk is not a number. */
TEST(test_r1_score_from_text_fraction_junk)
{
    TEXT_BAD("7.0x", NPS_E_SCORE_TEXT);
    TEXT_BAD("7.:", NPS_E_SCORE_TEXT);
    TEXT_BAD("7.0.0", NPS_E_SCORE_TEXT);
    TEXT_BAD("7..0", NPS_E_SCORE_TEXT);
    TEXT_OK("7.0 ", 7);
}

/* R1: text that is empty or only blanks is a skipped answer (NPS_EMPTY, as
 * NULL), the score untouched; text with anything else in it is not. */
TEST(test_r1_blank_text_is_skipped)
{
    TEXT_BAD("", NPS_EMPTY);
    TEXT_BAD("   ", NPS_EMPTY);
    TEXT_BAD("\t\n", NPS_EMPTY);
    TEXT_BAD(" \r\n\t ", NPS_EMPTY);
    text_bad("   7", 3, NPS_EMPTY); /* the length stops before the digit */
    TEXT_BAD(" . ", NPS_E_SCORE_TEXT);
    TEXT_BAD(" - ", NPS_E_SCORE_TEXT);
    TEXT_BAD("\v", NPS_E_SCORE_TEXT); /* a vertical tab is not one of the blanks */
}
