/* pair_format.c -- the pair state as bytes and as text, both checked on the way in (W5). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* Layout of pair format version 1, byte offsets. */
enum {
    PAIR_OFF_MAGIC = 0,   /* "npp" */
    PAIR_OFF_VERSION = 3, /* 1 */
    PAIR_OFF_FLAGS = 4,   /* uint32, 0: no flag is defined */
    PAIR_OFF_COUNT = 8,   /* 9 x int64: count[before][after], row by row */
    PAIR_OFF_CRC = 80     /* uint32: CRC-32 of bytes 0..79 */
};

_Static_assert(NPS_PAIR_VERSION == 1, "nps_pair_encode writes pair format version 1");
_Static_assert(PAIR_OFF_CRC + 4 == NPS_PAIR_BYTES, "the CRC closes the pair state");

size_t nps_pair_encode(const nps_pair_state *s, uint8_t out[NPS_PAIR_BYTES])
{
    memcpy(out + PAIR_OFF_MAGIC, NPS_PAIR_MAGIC, 3);
    out[PAIR_OFF_VERSION] = NPS_PAIR_VERSION;
    nps_put_le(out + PAIR_OFF_FLAGS, 0, 4);
    for (int k = 0; k < NPS_NCATEGORIES * NPS_NCATEGORIES; k++)
        nps_put_le(out + PAIR_OFF_COUNT + 8 * k, (uint64_t)s->count[k / 3][k % 3], 8);
    nps_put_le(out + PAIR_OFF_CRC, nps_crc32(out, PAIR_OFF_CRC), 4);
    return NPS_PAIR_BYTES;
}

/* Counts that a pair state may hold (W1): each >= 0, at most NPS_MAX_ROWS
 * in all; sets s->rows. */
static nps_status check_counts(nps_pair_state *s, nps_status bad)
{
    int64_t rows = 0;
    for (int b = 0; b < NPS_NCATEGORIES; b++)
        for (int a = 0; a < NPS_NCATEGORIES; a++) {
            /* rows <= 2^62 before the addition, so it cannot overflow */
            if (s->count[b][a] < 0 || s->count[b][a] > NPS_MAX_ROWS - rows)
                return bad;
            rows += s->count[b][a];
        }
    s->rows = rows;
    return NPS_OK;
}

nps_status nps_pair_decode(const uint8_t *buf, size_t len, nps_pair_state *out)
{
    if (len < PAIR_OFF_COUNT)
        return NPS_E_PAIR_LENGTH;
    if (memcmp(buf + PAIR_OFF_MAGIC, "nps", 3) == 0)
        return NPS_E_PAIR_IS_STATE;
    for (int k = 0; k < NPS_NSCALES; k++) /* a scale's state (S6) */
        if (memcmp(buf + PAIR_OFF_MAGIC, nps_scale_describe((nps_scale)k)->magic, 3) == 0)
            return nps_scale_status((nps_scale)k, NPS_SE_IN_PAIR);
    if (memcmp(buf + PAIR_OFF_MAGIC, NPS_PAIR_MAGIC, 3) != 0)
        return NPS_E_PAIR_MAGIC;
    if (buf[PAIR_OFF_VERSION] != NPS_PAIR_VERSION || nps_get_le(buf + PAIR_OFF_FLAGS, 4) != 0)
        return NPS_E_PAIR_VERSION;
    if (len != NPS_PAIR_BYTES)
        return NPS_E_PAIR_LENGTH;
    if (nps_get_le(buf + PAIR_OFF_CRC, 4) != nps_crc32(buf, PAIR_OFF_CRC))
        return NPS_E_PAIR_CHECKSUM;
    nps_pair_state s;
    for (int k = 0; k < NPS_NCATEGORIES * NPS_NCATEGORIES; k++)
        s.count[k / 3][k % 3] = (int64_t)nps_get_le(buf + PAIR_OFF_COUNT + 8 * k, 8);
    nps_status st = check_counts(&s, NPS_E_PAIR_VALUE);
    if (st == NPS_OK)
        *out = s;
    return st;
}

/* The word that opens the text form. */
#define PAIR_TEXT_NAME "pairs="

void nps_pair_to_text(const nps_pair_state *s, char *buf, size_t cap)
{
    size_t len = (size_t)snprintf(buf, cap, "%s", PAIR_TEXT_NAME);
    for (int k = 0; k < NPS_NCATEGORIES * NPS_NCATEGORIES && len < cap; k++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", k ? "," : "",
                                (long long)s->count[k / 3][k % 3]);
}

nps_status nps_pair_from_text(const char *text, nps_pair_state *out)
{
    nps_pair_state s;
    const char *p = text;
    while (nps_is_blank(*p))
        p++;
    if (strncmp(p, PAIR_TEXT_NAME, strlen(PAIR_TEXT_NAME)) != 0)
        return NPS_E_PAIR_TEXT;
    p += strlen(PAIR_TEXT_NAME);
    for (int k = 0; k < NPS_NCATEGORIES * NPS_NCATEGORIES; k++) {
        if (k > 0 && *p++ != ',')
            return NPS_E_PAIR_TEXT;
        /* digits only: no sign, no blank, nothing strtoll would also take */
        uint64_t v = 0;
        const char *start = p;
        for (; *p >= '0' && *p <= '9'; p++) {
            v = v * 10 + (uint64_t)(*p - '0');
            if (v > (uint64_t)NPS_MAX_ROWS)
                return NPS_E_PAIR_TEXT;
        }
        if (p == start)
            return NPS_E_PAIR_TEXT;
        s.count[k / 3][k % 3] = (int64_t)v;
    }
    while (nps_is_blank(*p))
        p++;
    if (*p != '\0' || check_counts(&s, NPS_E_PAIR_TEXT) != NPS_OK)
        return NPS_E_PAIR_TEXT;
    *out = s;
    return NPS_OK;
}
