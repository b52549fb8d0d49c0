/* test_categories.c -- category names and lists (core/categories.c; P4). */
#include "helpers.h"

/* Parse a category list; returns the mask or -1 and the offending name. */
static int categories_of(const char *text, char *bad)
{
    unsigned mask = 99;
    const char *b = NULL;
    size_t bl = 0;
    nps_status st = nps_parse_categories(text, strlen(text), &mask, &b, &bl);
    if (st != NPS_OK) {
        assert_int_equal(st, NPS_E_CATEGORY);
        assert_int_equal(mask, 99);
        assert_true(b >= text && b + bl <= text + strlen(text));
        memcpy(bad, b, bl);
        bad[bl] = '\0';
        return -1;
    }
    return (int)mask;
}

/* P4: names, blanks, case, repeats; the mask bits are 1 << NPS_DETRACTOR etc. */
TEST(test_p4_categories_parse)
{
    char bad[64];
    assert_int_equal(categories_of("detractor", bad), 1);
    assert_int_equal(categories_of("passive", bad), 2);
    assert_int_equal(categories_of("promoter", bad), 4);
    assert_int_equal(categories_of("detractor,promoter", bad), 5);
    assert_int_equal(categories_of(" Promoter ,\tDETRACTOR", bad), 5);
    assert_int_equal(categories_of("promoter,passive,detractor,promoter", bad), 7);
    assert_int_equal(categories_of("detractors", bad), -1);
    assert_string_equal(bad, "detractors");
    assert_int_equal(categories_of("detractor, foe ,promoter", bad), -1);
    assert_string_equal(bad, "foe");
    assert_int_equal(categories_of("", bad), -1);
    assert_string_equal(bad, "");
    assert_int_equal(categories_of("detractor,", bad), -1);
    assert_string_equal(bad, "");
    assert_int_equal(categories_of(" , promoter", bad), -1);
    assert_string_equal(bad, "");
    assert_int_equal(categories_of("detractor;promoter", bad), -1);
    assert_string_equal(bad, "detractor;promoter");
}

/* P4: the canonical list is in category order; names and their order agree
 * with nps_category_label()'s English labels. */
TEST(test_p4_categories_text)
{
    static const char *const want[8] = {
        "",         "detractor",          "passive",          "detractor,passive",
        "promoter", "detractor,promoter", "passive,promoter", "detractor,passive,promoter"};
    for (unsigned m = 0; m < 8; m++) {
        char buf[NPS_CATEGORIES_MAX];
        nps_categories_text(m, buf, sizeof buf);
        assert_string_equal(buf, want[m]);
    }
    char small[12];
    nps_categories_text(7, small, sizeof small);
    assert_string_equal(small, "detractor,p");
    for (int c = 0; c < 3; c++) {
        const char *label;
        assert_int_equal(nps_category_label(c == 0 ? 0 : c == 1 ? 7 : 9, "en", 2, &label), NPS_OK);
        assert_string_equal(nps_category_name(c), label);
    }
    assert_string_equal(nps_category_name(3), "");
    assert_string_equal(nps_category_name(-1), "");
}
