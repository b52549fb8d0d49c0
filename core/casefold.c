/* casefold.c -- simple case folding of UTF-8 text (P2). */
#include "nps.h"

/* Simple lower case of one code point (P2); the code point itself if none. */
static uint32_t lower_of(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F) || (c >= 0xFF21 && c <= 0xFF3A))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    /* Latin Extended-A: pairs, upper case even or odd by block */
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c % 2 == 1 ? c + 1 : c;
    if (c == 0x130)
        return 'i';
    if (c == 0x178)
        return 0xFF;
    /* Greek with tonos */
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    /* the rest of the Greek block */
    if (c == 0x370 || c == 0x372 || c == 0x376 || (c >= 0x3D8 && c <= 0x3EF) || c == 0x3FA)
        return c % 2 == 0 ? c + 1 : c;
    if (c >= 0x3FD && c <= 0x3FF)
        return c - 130;
    switch (c) {
    case 0x37F:
        return 0x3F3;
    case 0x3CF:
        return 0x3D7;
    case 0x3F4:
        return 0x3B8;
    case 0x3F7:
        return 0x3F8;
    case 0x3F9:
        return 0x3F2;
    default:
        break;
    }
    /* Cyrillic supplement pairs */
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F))
        return c % 2 == 0 ? c + 1 : c;
    if (c == 0x4C0)
        return 0x4CF;
    if (c >= 0x4C1 && c <= 0x4CE)
        return c % 2 == 1 ? c + 1 : c;
    /* Latin Extended Additional (Vietnamese and others), capital sharp s */
    if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
        return c % 2 == 0 ? c + 1 : c;
    if (c == 0x1E9E)
        return 0xDF;
    return c;
}

/* Decode one UTF-8 sequence at p (n bytes left): its code point and length,
 * or length 0 when the bytes are not well-formed UTF-8. */
static size_t utf8_decode(const uint8_t *p, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t c, min;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0) {
        len = 2, c = p[0] & 0x1F, min = 0x80;
    } else if ((p[0] & 0xF0) == 0xE0) {
        len = 3, c = p[0] & 0x0F, min = 0x800;
    } else if ((p[0] & 0xF8) == 0xF0) {
        len = 4, c = p[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Encode a code point as UTF-8 into out; returns its length. */
static size_t utf8_encode(uint32_t c, uint8_t *out)
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

size_t nps_casefold(const char *in, size_t len, char *out)
{
    const uint8_t *p = (const uint8_t *)in;
    uint8_t *q = (uint8_t *)out;
    size_t i = 0, o = 0;
    while (i < len) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (n == 0) { /* not UTF-8: the byte as it is */
            q[o++] = p[i++];
            continue;
        }
        /* every mapping of lower_of() is at most as long as its source */
        o += utf8_encode(lower_of(c), q + o);
        i += n;
    }
    return o;
}
