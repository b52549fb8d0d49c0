/* test_text.c -- the text form of a state (core/text.c; R11). */
#include "helpers.h"

/* R11: the text form round-trips exactly, including weights like 0.1, 1e-300,
 * a subnormal and large ones. */
TEST(test_r11_text_round_trip)
{
    static const double w[] = {0.1,
                               1e-300,
                               4.9406564584124654e-324,
                               1e150,
                               0.30000000000000004,
                               123456.789,
                               2.0 / 3.0,
                               1.0 / 3.0,
                               7.0,
                               1e-7};
    nps_state st[16];
    size_t n;
    sample_states(st, &n);
    nps_state_init(&st[n]);
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_int_equal(nps_add_weighted(&st[n], (int64_t)i, w[i]), NPS_OK);
    n++;
    memset(&st[n], 0, sizeof st[n]);
    for (int i = 0; i < NPS_NSCORES; i++)
        st[n].count[i] = NPS_MAX_ROWS / 11 - 1000 * i;
    fix_rows(&st[n]);
    assert_int_equal(nps_add_weighted(&st[n], 9, 1e150), NPS_OK);
    assert_int_equal(nps_add_weighted(&st[n], 10, 1e149), NPS_OK);
    n++;
    for (size_t i = 0; i < n; i++) {
        char text[NPS_STATE_TEXT_MAX];
        memset(text, 'Z', sizeof text);
        nps_state_to_text(&st[i], text, sizeof text);
        assert_non_null(memchr(text, '\0', sizeof text));
        nps_state back = sentinel_state();
        if (nps_state_from_text(text, &back) != NPS_OK) {
            print_error("state %zu: '%s' does not read back\n", i, text);
            fail();
        }
        assert_state_equal(&back, &st[i]);
    }
}

/* R11: the text form of two small states, written by hand. */
TEST(test_r11_text_exact)
{
    nps_state s = counts_state(1, 2, 3);
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(&s, text, sizeof text);
    assert_string_equal(text, "scores=1,0,0,0,0,0,0,1,1,2,1");
    s = weighted_reference();
    nps_state_to_text(&s, text, sizeof text);
    assert_string_equal(text, "scores=1,0,0,0,0,0,0,1,0,1,1 weighted=1,1,2 "
                              "wsum=1.5,1,2.5 wsq=2.25,1,4.25");
    nps_state e;
    nps_state_init(&e);
    nps_state_to_text(&e, text, sizeof text);
    assert_string_equal(text, "scores=0,0,0,0,0,0,0,0,0,0,0");
    nps_state back = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,0,0", &back), NPS_OK);
    assert_state_equal(&back, &e);
}

/* R11: malformed text is NPS_E_STATE_TEXT and leaves out untouched. */
TEST(test_r11_text_malformed)
{
    static const char *bad[] = {
        "",
        " ",
        "scores=",
        "scores",
        "Scores=1,0,0,0,0,0,0,1,1,2,1",
        "scores=1,0,0,0,0,0,0,1,1,2",                      /* 10 counts */
        "scores=1,0,0,0,0,0,0,1,1,2,1,0",                  /* 12 counts */
        "scores=1,0,0,0,0,0,0,1,1,2,",                     /* empty last */
        "scores=1,,0,0,0,0,0,1,1,2,1",                     /* empty field */
        "scores=-1,0,0,0,0,0,0,1,1,2,1",                   /* negative */
        "scores=+1,0,0,0,0,0,0,1,1,2,1",                   /* sign */
        "scores=1,0,0,0,0,0,0,1,1,2,1x",                   /* trailing garbage */
        "scores=1,0,0,0,0,0,0,1,1,2,1;",                   /* trailing garbage */
        "scores=1.0,0,0,0,0,0,0,1,1,2,1",                  /* not an integer */
        "scores=1 ,0,0,0,0,0,0,1,1,2,1",                   /* blank inside */
        "scores= 1,0,0,0,0,0,0,1,1,2,1",                   /* blank inside */
        "scores=99999999999999999999,0,0,0,0,0,0,1,1,2,1", /* > INT64_MAX */
        "scores=9223372036854775808,0,0,0,0,0,0,0,0,0,0",  /* INT64_MAX + 1 */
        "scores=9223372036854775807,0,0,0,0,0,0,0,0,0,1",  /* total overflows */
        "scores=0x1,0,0,0,0,0,0,1,1,2,1",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1",                    /* no sums */
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,2",         /* no wsq */
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,2 wsq=0,0", /* 2 of 3 */
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,nan wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,inf wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,1e999 wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,0x2 wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,-2 wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,2 wsq=0,0,4 x",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,4 wsum=0,0,2 wsq=0,0,4", /* 4 > 3 promoters */
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,2e wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,. wsq=0,0,4",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsq=0,0,4 wsum=0,0,2", /* order */
        "scores=1,0,0,0,0,0,0,1,1,2,1  weighted=0,0,1 wsum=0,0,2 wsq=0,0,4",
        "weighted=0,0,1 scores=1,0,0,0,0,0,0,1,1,2,1",
        "nps",
        "\x01\x02",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nps_state out = sentinel_state(), sent = sentinel_state();
        nps_status st = nps_state_from_text(bad[i], &out);
        if (st != NPS_E_STATE_TEXT || memcmp(&out, &sent, sizeof out) != 0) {
            print_error("'%s': status %d, want NPS_E_STATE_TEXT and out untouched\n", bad[i],
                        (int)st);
            fail();
        }
    }
    /* the well-formed neighbour of those lines reads */
    nps_state out = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 "
                                         "wsum=0,0,2 wsq=0,0,4",
                                         &out),
                     NPS_OK);
    assert_int_equal(out.count[9], 2);
    assert_int_equal(out.weighted[NPS_PROMOTER], 1);
    assert_sum_is(out.wsum[NPS_PROMOTER], 2.0);
    assert_sum_is(out.wsq[NPS_PROMOTER], 4.0);
}

/* R11: the text form's "-0" sum is a zero sum, and a weight of -0.0 is a
 * weight of 0: neither leaves a trace in the encoding (an earlier format
 * kept a -0.0 double, found by a fuzz target). */
TEST(test_r11_negative_zero_sum_is_zero)
{
    nps_state s, out;
    uint8_t a[NPS_STATE_BYTES], b[NPS_STATE_BYTES];
    assert_int_equal(nps_state_from_text(
                         "scores=0,0,0,0,0,0,0,0,0,1,0 weighted=0,0,0 wsum=-0,0,0 wsq=0,0,0", &out),
                     NPS_OK);
    nps_state_init(&s);
    assert_int_equal(nps_add(&s, 9), NPS_OK);
    assert_int_equal(nps_encode(&out, a), NPS_STATE_BYTES_PLAIN);
    nps_encode(&s, b);
    assert_memory_equal(a, b, NPS_STATE_BYTES_PLAIN);
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 2, -0.0), NPS_OK);
    assert_true(nps_sum_is_zero(&s.wsum[NPS_DETRACTOR]) && nps_sum_is_zero(&s.wsq[NPS_DETRACTOR]));
    size_t len = nps_encode(&s, a);
    assert_int_equal(nps_decode(a, len, &out), NPS_OK);
}

/* Restore the "C" numeric locale after a test that changed it. */
static int restore_c_locale(void **cm_state)
{
    (void)cm_state;
    setlocale(LC_NUMERIC, "C");
    return 0;
}

/* R11: numbers and the text form do not depend on the host's locale: under a
 * locale whose decimal point is ',' (a SQLite host may set one), numbers are
 * still written with '.' and the text form still reads back.  Skipped where no
 * such locale is installed. */
TEST_TEARDOWN(test_r11_text_form_locale_independent, restore_c_locale)
{
    if (!setlocale(LC_NUMERIC, "de_DE.UTF-8") && !setlocale(LC_NUMERIC, "de_DE.utf8") &&
        !setlocale(LC_NUMERIC, "fr_FR.UTF-8")) {
        skip();
        return;
    }
    char buf[64];
    nps_format_double(0.5, buf, sizeof buf);
    assert_string_equal(buf, "0.5");
    nps_format_double(100.0 / 3.0, buf, sizeof buf);
    assert_string_equal(buf, "33.333333333333336");
    nps_format_double(1.5e-5, buf, sizeof buf);
    assert_string_equal(buf, "1.5e-05");
    nps_state s = weighted_reference(), back = sentinel_state();
    assert_int_equal(nps_add_weighted(&s, 3, 0.25), NPS_OK);
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(&s, text, sizeof text);
    assert_non_null(strstr(text, " wsum=1.75,1,2.5 wsq=2.3125,1,4.25"));
    assert_int_equal(nps_state_from_text(text, &back), NPS_OK);
    assert_state_equal(&back, &s);
}

/* R11: parsing details of the text form: 'E' exponents and signs in sums, a
 * digit run cut by a non-digit, and very long numbers (read exactly or refused,
 * never misread). */
TEST(test_r11_text_number_forms)
{
    nps_state out = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 "
                                         "wsum=0,0,2E0 wsq=0,0,4e+0",
                                         &out),
                     NPS_OK);
    assert_sum_is(out.wsum[NPS_PROMOTER], 2.0);
    assert_sum_is(out.wsq[NPS_PROMOTER], 4.0);
    static const char *bad[] = {
        "scores=1,0,0,0,0,0,0,1,1,2,A",
        "scores=1,0,0,0,0,0,0,1,1,2,:",
        "scores=1,0,0,0,0,0,0,1,1,2,/",
        "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 wsum=0,0,2:0 wsq=0,0,4",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nps_state o = sentinel_state(), sent = sentinel_state();
        assert_int_equal(nps_state_from_text(bad[i], &o), NPS_E_STATE_TEXT);
        assert_state_equal(&o, &sent);
    }
    /* 0.1 written with all 55 digits of its exact binary value */
    const char *longer = "scores=1,0,0,0,0,0,0,1,1,2,1 weighted=0,0,1 "
                         "wsum=0,0,0.1000000000000000055511151231257827021181583404541015625 "
                         "wsq=0,0,0.010000000000000002";
    nps_state o = sentinel_state(), sent = sentinel_state();
    nps_status st = nps_state_from_text(longer, &o);
    if (st == NPS_OK) {
        assert_sum_is(o.wsum[NPS_PROMOTER], 0.1);
    } else {
        assert_int_equal(st, NPS_E_STATE_TEXT);
        assert_state_equal(&o, &sent);
    }
}

/* nps_state_to_text never writes past cap and always ends the text. */
TEST(test_r11_text_small_buffer)
{
    nps_state s = weighted_reference();
    assert_int_equal(nps_add_weighted(&s, 3, 0.1), NPS_OK);
    char full[NPS_STATE_TEXT_MAX];
    nps_state_to_text(&s, full, sizeof full);
    for (size_t cap = 1; cap < strlen(full) + 2; cap++) {
        char buf[NPS_STATE_TEXT_MAX + 8];
        memset(buf, 'Z', sizeof buf);
        nps_state_to_text(&s, buf, cap);
        for (size_t k = cap; k < sizeof buf; k++)
            assert_int_equal(buf[k], 'Z');
        assert_non_null(memchr(buf, '\0', cap));
        assert_int_equal(strncmp(buf, full, strlen(buf)), 0);
    }
}

/* R10/R11: a sum that is not a double is written in the exact hex form and
 * reads back: weights 1 and 2^-60 sum to 2^60 + 1 units of 2^-60, and their
 * squares to 2^120 + 1 units of 2^-120. */
TEST(test_r11_hex_sum_text)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 9, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, ldexp(1.0, -60)), NPS_OK);
    char text[NPS_STATE_TEXT_MAX];
    nps_state_to_text(&s, text, sizeof text);
    assert_string_equal(text, "scores=0,0,0,0,0,0,0,0,0,1,1 weighted=0,0,2 "
                              "wsum=0,0,0x1000000000000001p-60 "
                              "wsq=0,0,0x1000000000000000000000000000001p-120");
    nps_state back = sentinel_state();
    assert_int_equal(nps_state_from_text(text, &back), NPS_OK);
    assert_same_encoding(&back, &s);
    /* the exponent moves the hex point: the same value written with more zeros */
    back = sentinel_state();
    assert_int_equal(nps_state_from_text("scores=0,0,0,0,0,0,0,0,0,1,1 weighted=0,0,2 "
                                         "wsum=0,0,0x10000000000000010p-64 "
                                         "wsq=0,0,0x1000000000000000000000000000001p-120",
                                         &back),
                     NPS_OK);
    assert_same_encoding(&back, &s);
    /* removal from the parsed state is exact */
    assert_int_equal(nps_remove_weighted(&back, 10, ldexp(1.0, -60)), NPS_OK);
    assert_sum_is(back.wsum[NPS_PROMOTER], 1.0);
    assert_sum_is(back.wsq[NPS_PROMOTER], 1.0);
}
