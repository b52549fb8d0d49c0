/*
 * casefold -- bytes through nps_casefold() (P2).
 *
 * The output is never longer than the input; folding it again changes
 * nothing; walking input and output together with a strict UTF-8 decoder
 * written here (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF), every byte that is not UTF-8 is copied as it is and every code
 * point becomes one well-formed code point no longer than it, so valid UTF-8
 * stays valid.  Code points outside the folded blocks are unchanged; ASCII
 * maps as tolower(); for Latin-1, basic Greek, basic Cyrillic and full-width
 * Latin a small table written from UnicodeData.txt gives the exact result.
 */
#include "fuzz.h"

/* Length of the well-formed UTF-8 sequence at p (n bytes left) and its code
 * point, or 0 when the bytes are not one. */
static size_t decode(const uint8_t *p, size_t n, uint32_t *cp)
{
    uint8_t b = p[0];
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    if (b <= 0x7F) {
        *cp = b;
        return 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
        len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        len = 3;
        if (b == 0xE0)
            lo = 0xA0;
        if (b == 0xED)
            hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        len = 4;
        if (b == 0xF0)
            lo = 0x90;
        if (b == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (n < len || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    uint32_t c = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < len; i++)
        c = (c << 6) | (p[i] & 0x3F);
    *cp = c;
    return len;
}

/* True when a code point lies outside every block P2 folds. */
static int outside_folded_blocks(uint32_t c)
{
    return !((c >= 0x41 && c <= 0x5A) || (c >= 0xC0 && c <= 0x52F) ||
             (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0xFF21 && c <= 0xFF3A));
}

/* Exact simple lower case for a few ranges, or -1 where this table says nothing. */
static int64_t table_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    if (c <= 0xFF) /* Latin-1: capitals C0-DE but the multiplication sign */
        return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 0x20 : c;
    if (c >= 0x391 && c <= 0x3AB) /* capital alpha .. upsilon with dialytika */
        return c == 0x3A2 ? c : c + 0x20;
    if (c >= 0x3B1 && c <= 0x3CB) /* small alpha .. upsilon with dialytika */
        return c;
    if (c >= 0x400 && c <= 0x40F) /* Ѐ .. Џ */
        return c + 0x50;
    if (c >= 0x410 && c <= 0x42F) /* А .. Я */
        return c + 0x20;
    if (c >= 0x430 && c <= 0x45F) /* а .. џ */
        return c;
    if (c >= 0xFF21 && c <= 0xFF3A) /* full-width A .. Z */
        return c + 0x20;
    if (c >= 0xFF41 && c <= 0xFF5A)
        return c;
    return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size ? size : 1), *out = malloc(size ? size : 1);
    char *twice = malloc(size ? size : 1);
    CHECK(in && out && twice);
    memcpy(in, data, size);
    size_t n = nps_casefold(in, size, out);
    CHECK(n <= size);
    /* idempotent */
    size_t n2 = nps_casefold(out, n, twice);
    CHECK(n2 == n && memcmp(out, twice, n) == 0);
    /* input and output in step */
    const uint8_t *p = (const uint8_t *)in, *q = (const uint8_t *)out;
    size_t i = 0, o = 0;
    int valid = 1;
    while (i < size) {
        uint32_t c, d;
        size_t k = decode(p + i, size - i, &c);
        CHECK(o < n);
        if (k == 0) { /* not UTF-8: copied */
            valid = 0;
            CHECK(q[o] == p[i]);
            i++, o++;
            continue;
        }
        size_t m = decode(q + o, n - o, &d);
        CHECK(m > 0 && m <= k);
        if (outside_folded_blocks(c))
            CHECK(d == c);
        int64_t want = table_lower(c);
        if (want >= 0)
            CHECK(d == (uint32_t)want);
        i += k, o += m;
    }
    CHECK(o == n);
    if (valid)
        for (o = 0; o < n;) {
            uint32_t d;
            size_t m = decode(q + o, n - o, &d);
            CHECK(m > 0);
            o += m;
        }
    free(in);
    free(out);
    free(twice);
    return 0;
}
