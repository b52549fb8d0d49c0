/*
 * categories -- bytes through nps_parse_categories() (P4), compared with a
 * reading written here: split at commas, trim blanks (' ', '\t', '\r',
 * '\n'), each piece one of detractor, passive, promoter in any ASCII letter
 * case, the first piece that is not one being the error.
 *
 * On NPS_OK the mask is non-zero, at most 7, and its canonical text
 * (nps_categories_text) parses back to the same mask; on NPS_E_CATEGORY the
 * offending name lies inside the input.
 */
#include "fuzz.h"

static const char *const names[] = {"detractor", "passive", "promoter"};

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Category of text[0..len) ignoring ASCII case, or -1. */
static int name_of(const char *text, size_t len)
{
    for (int c = 0; c < 3; c++) {
        size_t k = 0;
        if (strlen(names[c]) != len)
            continue;
        for (; k < len; k++) {
            char ch = text[k];
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch + ('a' - 'A'));
            if (ch != names[c][k])
                break;
        }
        if (k == len)
            return c;
    }
    return -1;
}

static nps_status reference(const char *text, size_t len, unsigned *mask, const char **bad,
                            size_t *bad_len)
{
    unsigned m = 0;
    size_t start = 0;
    for (;;) {
        const char *comma = memchr(text + start, ',', len - start);
        size_t stop = comma ? (size_t)(comma - text) : len, a = start, b = stop;
        while (a < b && blank(text[a]))
            a++;
        while (b > a && blank(text[b - 1]))
            b--;
        int c = name_of(text + a, b - a);
        if (c < 0) {
            *bad = text + a;
            *bad_len = b - a;
            return NPS_E_CATEGORY;
        }
        m |= 1u << c;
        if (!comma)
            break;
        start = stop + 1;
    }
    *mask = m;
    return NPS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1);
    CHECK(text != NULL);
    memcpy(text, data, size);
    unsigned mask = 99, want = 98;
    const char *bad = NULL, *want_bad = NULL;
    size_t bad_len = 0, want_len = 0;
    nps_status st = nps_parse_categories(text, size, &mask, &bad, &bad_len);
    nps_status ref = reference(text, size, &want, &want_bad, &want_len);
    CHECK(st == ref);
    if (st == NPS_OK) {
        CHECK(mask == want);
        CHECK(mask != 0 && mask <= 7);
        char canon[NPS_CATEGORIES_MAX];
        unsigned again = 0;
        nps_categories_text(mask, canon, sizeof canon);
        CHECK(strlen(canon) < sizeof canon - 1);
        CHECK(nps_parse_categories(canon, strlen(canon), &again, &bad, &bad_len) == NPS_OK);
        CHECK(again == mask);
    } else {
        CHECK(st == NPS_E_CATEGORY);
        CHECK(bad >= text && bad_len <= size && (size_t)(bad - text) <= size - bad_len);
        CHECK(bad == want_bad && bad_len == want_len);
    }
    free(text);
    return 0;
}
