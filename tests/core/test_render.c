/* test_render.c -- numbers and offending values as text (core/render.c). */
#include "helpers.h"

/* A control byte in a rendered value shows as '?': a NUL would end the message. */
TEST(test_render_text_control_bytes)
{
    char buf[NPS_VALUE_MAX];
    nps_render_text("9\0x\n", 4, buf, sizeof buf);
    assert_string_equal(buf, "'9?x?'");
}

/* Check nps_format_double(v) against want. */
static void format_is(double v, const char *want)
{
    char buf[64];
    nps_format_double(v, buf, sizeof buf);
    if (strcmp(buf, want) != 0) {
        print_error("format(%.17g) = '%s', want '%s'\n", v, buf, want);
        fail();
    }
}

/* Shortest round-trip text, PostgreSQL's layout (plain for exponents -4..14). */
TEST(test_format_double_examples)
{
    format_is(0.1, "0.1");
    format_is(100.0 / 3.0, "33.333333333333336");
    format_is(2.0 / 3.0, "0.6666666666666666");
    format_is(1e300, "1e+300");
    format_is(-0.0, "-0");
    format_is(0.0, "0");
    format_is(1.0, "1");
    format_is(100.0, "100");
    format_is(-100.0, "-100");
    format_is(-1.5, "-1.5");
    format_is(51.0, "51");
    format_is(0.0001, "0.0001");
    format_is(0.00001, "1e-05");
    format_is(1.5e-5, "1.5e-05");
    format_is(1e14, "100000000000000");
    format_is(123456789012345.6, "123456789012345.6");
    format_is(1e15, "1e+15");
    format_is(1.2345e16, "1.2345e+16");
    format_is(1e-300, "1e-300");
    format_is(4.9406564584124654e-324, "5e-324");
    format_is(DBL_MAX, "1.7976931348623157e+308");
    format_is(0.30000000000000004, "0.30000000000000004");
    format_is(NAN, "NaN");
    format_is(INFINITY, "Infinity");
    format_is(-INFINITY, "-Infinity");
}

/* Number of significant digits in a decimal text (sign, point, exponent,
 * leading and trailing zeros excluded). */
static int significant_digits(const char *s)
{
    char d[64];
    int n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9' && n < 63)
            d[n++] = *s;
    int a = 0;
    while (a < n && d[a] == '0')
        a++;
    while (n > a && d[n - 1] == '0')
        n--;
    return n - a;
}

/* Shortest round trip on many doubles: the text reads back to the same bits,
 * and no text with fewer significant digits would. */
TEST(test_format_double_round_trip)
{
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int k = 0; k < 20000; k++) {
        x ^= x << 13; /* xorshift64 */
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        uint64_t bits = x;
        if (k % 4 == 1) /* values in the range results live in */
            v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 200.0;
        else if (k % 4 == 2)
            v = (double)(int64_t)(x >> 40) / 1000.0;
        else
            memcpy(&v, &bits, sizeof v);
        if (!isfinite(v))
            continue;
        char buf[64];
        nps_format_double(v, buf, sizeof buf);
        double back = strtod(buf, NULL);
        if (memcmp(&back, &v, sizeof v) != 0) {
            print_error("format(%.17g) = '%s' reads back as %.17g\n", v, buf, back);
            fail();
        }
        int shortest = 1;
        for (; shortest < 17; shortest++) {
            char t[64];
            snprintf(t, sizeof t, "%.*e", shortest - 1, v);
            if (strtod(t, NULL) == v)
                break;
        }
        if (significant_digits(buf) != shortest) {
            print_error("format(%.17g) = '%s', not %d significant digits\n", v, buf, shortest);
            fail();
        }
    }
}

/* nps_format_double never writes past cap and always ends the text, however small cap is. */
TEST(test_format_double_small_buffer)
{
    static const double v[] = {1.0 / 3.0, 1e300, -1.5e-5, 0.1, NAN, -INFINITY};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char full[64];
        nps_format_double(v[i], full, sizeof full);
        for (size_t cap = 1; cap < 32; cap++) {
            char buf[64];
            memset(buf, 'Z', sizeof buf);
            nps_format_double(v[i], buf, cap);
            for (size_t k = cap; k < sizeof buf; k++)
                assert_int_equal(buf[k], 'Z');
            assert_non_null(memchr(buf, '\0', cap));
            /* what fits is a prefix of the full text */
            assert_int_equal(strncmp(buf, full, strlen(buf)), 0);
        }
    }
}

/* Render offending values for messages: integers, doubles, quoted text. */
TEST(test_render_values)
{
    char buf[NPS_VALUE_MAX];
    nps_render_int(11, buf, sizeof buf);
    assert_string_equal(buf, "11");
    nps_render_int(-1, buf, sizeof buf);
    assert_string_equal(buf, "-1");
    nps_render_int(INT64_MIN, buf, sizeof buf);
    assert_string_equal(buf, "-9223372036854775808");
    nps_render_int(INT64_MAX, buf, sizeof buf);
    assert_string_equal(buf, "9223372036854775807");
    nps_render_double(7.5, buf, sizeof buf);
    assert_string_equal(buf, "7.5");
    nps_render_double(0.1, buf, sizeof buf);
    assert_string_equal(buf, "0.1");
    nps_render_double(NAN, buf, sizeof buf);
    assert_string_equal(buf, "NaN");
    nps_render_double(-INFINITY, buf, sizeof buf);
    assert_string_equal(buf, "-Infinity");
}

/* Check nps_render_text of (text, len) into an NPS_VALUE_MAX buffer against want. */
static void render_is(const char *text, size_t len, const char *want)
{
    char buf[NPS_VALUE_MAX + 8];
    memset(buf, 'Z', sizeof buf);
    nps_render_text(text, len, buf, NPS_VALUE_MAX);
    for (size_t k = NPS_VALUE_MAX; k < sizeof buf; k++)
        assert_int_equal(buf[k], 'Z');
    assert_non_null(memchr(buf, '\0', NPS_VALUE_MAX));
    if (strcmp(buf, want) != 0) {
        print_error("render('%.*s') = \"%s\", want \"%s\"\n", (int)len, text, buf, want);
        fail();
    }
}

/* Quoted text: single quotes doubled, cut to 40 bytes with "..." and never inside
 * a UTF-8 sequence. */
TEST(test_render_text_quoting_and_cutting)
{
    render_is("abc", 3, "'abc'");
    render_is("", 0, "''");
    render_is("it's", 4, "'it''s'");
    render_is("'", 1, "''''");
    render_is("abcdef", 2, "'ab'"); /* length-delimited */
    const char *forty = "0123456789012345678901234567890123456789";
    char want[128];
    snprintf(want, sizeof want, "'%s'", forty);
    render_is(forty, 40, want);
    const char *fifty = "01234567890123456789012345678901234567890123456789";
    snprintf(want, sizeof want, "'%.40s...'", fifty);
    render_is(fifty, 50, want);
    render_is(fifty, 41, want);
    /* "é" (2 bytes) at bytes 39-40: the cut falls inside it, so it goes whole */
    char utf[64];
    memset(utf, 'a', 39);
    memcpy(utf + 39, "\xc3\xa9", 2);
    memcpy(utf + 41, "bbb", 4);
    snprintf(want, sizeof want, "'%.39s...'", utf);
    render_is(utf, 44, want);
    /* a 3-byte character at bytes 38-40 */
    memset(utf, 'a', 38);
    memcpy(utf + 38, "\xe2\x82\xac", 3); /* euro sign */
    memcpy(utf + 41, "bbb", 4);
    snprintf(want, sizeof want, "'%.38s...'", utf);
    render_is(utf, 44, want);
    /* ending exactly at byte 40 is not a cut */
    memset(utf, 'a', 38);
    memcpy(utf + 38, "\xc3\xa9", 3);
    snprintf(want, sizeof want, "'%s'", utf);
    render_is(utf, 40, want);
}

/* Quoted text of 40 quotes doubles to 80 bytes: more than NPS_VALUE_MAX.  The
 * rendering must still show it was cut rather than end quietly early. */
TEST(test_render_text_many_quotes)
{
    char q[41];
    memset(q, '\'', 40);
    q[40] = '\0';
    char buf[NPS_VALUE_MAX];
    nps_render_text(q, 40, buf, sizeof buf);
    size_t n = strlen(buf);
    assert_true(n < sizeof buf);
    assert_true(n >= 5);
    /* either all 40 quotes doubled, or a visible "..." before the closing quote */
    int complete = n == 82;
    int marked = memcmp(buf + n - 4, "...'", 4) == 0;
    if (!complete && !marked) {
        print_error("render of 40 quotes = \"%s\": cut without a mark\n", buf);
        fail();
    }
}

/* Rendering into less than NPS_VALUE_MAX never writes past cap. */
TEST(test_render_text_small_buffer)
{
    for (size_t cap = 0; cap < 24; cap++) {
        char buf[64];
        memset(buf, 'Z', sizeof buf);
        nps_render_text("hello world, it's me", 20, buf, cap);
        for (size_t k = cap; k < sizeof buf; k++)
            assert_int_equal(buf[k], 'Z');
    }
}

/* Rendering text made only of UTF-8 continuation bytes cuts it all away. */
TEST(test_render_text_only_continuation_bytes)
{
    char junk[45];
    memset(junk, 0x80, sizeof junk);
    render_is(junk, sizeof junk, "'...'");
}

/* R1: a number too long for a message keeps its head and tail around "...":
 * a 300-digit number renders under 60 bytes and the score message still
 * ends with "is outside 0..10"; 40 bytes or less are written whole. */
TEST(test_render_number_middle_cut)
{
    char digits[301];
    for (int i = 0; i < 300; i++)
        digits[i] = (char)('1' + i % 9);
    digits[300] = '\0';
    char buf[NPS_VALUE_MAX];
    nps_render_number(digits, 300, buf, sizeof buf);
    size_t n = strlen(buf);
    assert_true(n < 60);
    assert_non_null(strstr(buf, "..."));
    assert_int_equal(strncmp(buf, digits, 10), 0);           /* the head */
    assert_int_equal(strcmp(buf + n - 10, digits + 290), 0); /* the tail */
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, NPS_E_SCORE_RANGE, "nps", buf);
    size_t m = strlen(msg);
    assert_true(m > 16 && strcmp(msg + m - 16, "is outside 0..10") == 0);
    assert_int_equal(strncmp(msg, "nps: score 1234567891", 21), 0);
    nps_render_number("12.5e3", 6, buf, sizeof buf);
    assert_string_equal(buf, "12.5e3");
    nps_render_number(digits, 40, buf, sizeof buf);
    assert_int_equal(strlen(buf), 40);
    assert_int_equal(strncmp(buf, digits, 40), 0);
    nps_render_number(digits, 41, buf, sizeof buf);
    assert_true(strlen(buf) < 41);
    /* never past cap */
    char small[16];
    memset(small, 'Z', sizeof small);
    nps_render_number(digits, 300, small, 8);
    assert_non_null(memchr(small, '\0', 8));
    for (size_t k = 8; k < sizeof small; k++)
        assert_int_equal(small[k], 'Z');
}

/* A column of a table, rendered for a message: both names quoted and cut
 * as nps_render_text() cuts them. */
TEST(test_render_column)
{
    char buf[NPS_COLUMN_VALUE_MAX];
    nps_render_column("scor", 4, "responses", 9, buf, sizeof buf);
    assert_string_equal(buf, "'scor' in table 'responses'");
    nps_render_column("it's", 4, "", 0, buf, sizeof buf);
    assert_string_equal(buf, "'it''s' in table ''");
    char longname[60];
    memset(longname, 'x', sizeof longname);
    nps_render_column(longname, sizeof longname, longname, sizeof longname, buf, sizeof buf);
    assert_string_equal(buf, "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' in table "
                             "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'");
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, NPS_E_NO_COLUMN, "nps_alert_on", buf);
    assert_true(strlen(msg) + 1 < sizeof msg);
}
