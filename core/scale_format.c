/* scale_format.c -- a scale state's binary and text forms, written and checked (S6). */
#include "internal.h"

#include <string.h>

/* Layout of format version 1, byte offsets; n the scores of the scale. */
#define SCALE_VERSION 1
#define SCALE_FLAG_WEIGHTED 1u
enum { OFF_MAGIC = 0, OFF_VERSION = 3, OFF_FLAGS = 4, OFF_COUNT = 8 };

/* Scores on the state's scale. */
static int scores_of(nps_scale k)
{
    const nps_scale_info *info = nps_scale_describe(k);
    return info->hi - info->lo + 1;
}

/* Length of the binary form of scale k, weighted or not. */
static size_t length_of(nps_scale k, int weighted)
{
    size_t n = (size_t)scores_of(k);
    return OFF_COUNT + 8 * n + (weighted ? 8 * n + 2 * n * NPS_SUM_BYTES : 0) + 4;
}

static int is_weighted(const nps_scale_state *s)
{
    for (int i = 0; i < NPS_SCALE_MAX; i++)
        if (s->weighted[i] != 0)
            return 1;
    return 0;
}

size_t nps_scale_encode(const nps_scale_state *s, uint8_t out[NPS_SCALE_BYTES])
{
    nps_scale k = (nps_scale)s->scale;
    int n = scores_of(k), weighted = is_weighted(s);
    size_t len = length_of(k, weighted);
    memset(out, 0, len);
    memcpy(out + OFF_MAGIC, nps_scale_describe(k)->magic, 3);
    out[OFF_VERSION] = SCALE_VERSION;
    nps_put_le(out + OFF_FLAGS, weighted ? SCALE_FLAG_WEIGHTED : 0u, 4);
    uint8_t *p = out + OFF_COUNT;
    for (int i = 0; i < n; i++, p += 8)
        nps_put_le(p, (uint64_t)s->count[i], 8);
    if (weighted) {
        for (int i = 0; i < n; i++, p += 8)
            nps_put_le(p, (uint64_t)s->weighted[i], 8);
        for (int i = 0; i < 2 * n; i++, p += NPS_SUM_BYTES)
            nps_put_sum(p, i < n ? &s->wsum[i] : &s->wsq[i - n]);
    }
    nps_put_le(out + len - 4, nps_crc32(out, len - 4), 4);
    return len;
}

/* What a state read from outside must be (S5, R11): counts within the row
 * limit, sums possible for their counts; sets rows. */
static nps_status check(nps_scale_state *s)
{
    int64_t total = 0;
    for (int i = 0; i < NPS_SCALE_MAX; i++) {
        if (s->count[i] < 0 || __builtin_add_overflow(total, s->count[i], &total))
            return nps_scale_status((nps_scale)s->scale, NPS_SE_VALUE);
        if (!nps_group_possible(s->count[i], s->weighted[i], &s->wsum[i], &s->wsq[i]))
            return nps_scale_status((nps_scale)s->scale, NPS_SE_VALUE);
    }
    if (total > NPS_MAX_ROWS)
        return nps_scale_status((nps_scale)s->scale, NPS_SE_VALUE);
    s->rows = total;
    return NPS_OK;
}

/* The status of a blob of another kind where a state of scale k belongs,
 * or NPS_OK when its magic is k's. */
static nps_status foreign(nps_scale k, const uint8_t *buf)
{
    if (memcmp(buf, nps_scale_describe(k)->magic, 3) == 0)
        return NPS_OK;
    if (memcmp(buf, "nps", 3) == 0)
        return nps_scale_status(k, NPS_SE_IS_NPS);
    if (memcmp(buf, NPS_PAIR_MAGIC, 3) == 0)
        return nps_scale_status(k, NPS_SE_IS_PAIR);
    for (int j = 0; j < NPS_NSCALES; j++)
        if (memcmp(buf, nps_scale_describe((nps_scale)j)->magic, 3) == 0)
            return nps_scale_status(k, (nps_scale_error)(NPS_SE_IS_SCALE + j));
    return nps_scale_status(k, NPS_SE_MAGIC);
}

nps_status nps_scale_decode(nps_scale k, const uint8_t *buf, size_t len, nps_scale_state *out)
{
    if (len < OFF_COUNT) /* shorter than the header */
        return nps_scale_status(k, NPS_SE_LENGTH);
    nps_status st = foreign(k, buf);
    if (st != NPS_OK)
        return st;
    uint32_t flags = (uint32_t)nps_get_le(buf + OFF_FLAGS, 4);
    if (buf[OFF_VERSION] != SCALE_VERSION || (flags & ~SCALE_FLAG_WEIGHTED) != 0)
        return nps_scale_status(k, NPS_SE_VERSION);
    int weighted = (flags & SCALE_FLAG_WEIGHTED) != 0, n = scores_of(k);
    if (len != length_of(k, weighted))
        return nps_scale_status(k, NPS_SE_LENGTH);
    if (nps_get_le(buf + len - 4, 4) != nps_crc32(buf, len - 4))
        return nps_scale_status(k, NPS_SE_CHECKSUM);
    nps_scale_state s;
    nps_scale_init(&s, k);
    const uint8_t *p = buf + OFF_COUNT;
    for (int i = 0; i < n; i++, p += 8)
        s.count[i] = (int64_t)nps_get_le(p, 8);
    if (weighted) {
        for (int i = 0; i < n; i++, p += 8)
            s.weighted[i] = (int64_t)nps_get_le(p, 8);
        if (!is_weighted(&s)) /* one form a state: the flag says some row was weighted */
            return nps_scale_status(k, NPS_SE_VALUE);
        for (int i = 0; i < 2 * n; i++, p += NPS_SUM_BYTES)
            if (!nps_get_sum(p, i < n ? &s.wsum[i] : &s.wsq[i - n]))
                return nps_scale_status(k, NPS_SE_VALUE);
    }
    if ((st = check(&s)) == NPS_OK)
        *out = s;
    return st;
}

void nps_scale_to_text(const nps_scale_state *s, char *buf, size_t cap)
{
    int n = scores_of((nps_scale)s->scale);
    size_t len = nps_text_put_ints(buf, cap, 0, "scores=", s->count, n);
    if (is_weighted(s)) {
        len = nps_text_put_ints(buf, cap, len, " weighted=", s->weighted, n);
        len = nps_text_put_sums(buf, cap, len, " wsum=", s->wsum, n);
        nps_text_put_sums(buf, cap, len, " wsq=", s->wsq, n);
    }
}

nps_status nps_scale_from_text(nps_scale k, const char *text, nps_scale_state *out)
{
    nps_status bad = nps_scale_status(k, NPS_SE_TEXT);
    nps_scale_state s;
    nps_scale_init(&s, k);
    int n = scores_of(k);
    const char *p = text;
    while (nps_is_blank(*p))
        p++;
    if (!nps_text_ints(&p, "scores=", n, s.count))
        return bad;
    if (*p == ' ' && p[1] == 'w') {
        if (!nps_text_ints(&p, " weighted=", n, s.weighted) ||
            !nps_text_sums(&p, " wsum=", n, s.wsum) || !nps_text_sums(&p, " wsq=", n, s.wsq))
            return bad;
    }
    while (nps_is_blank(*p))
        p++;
    if (*p != '\0')
        return bad;
    for (int i = 0; i < n; i++) {
        nps_sum_canonical(&s.wsum[i]);
        nps_sum_canonical(&s.wsq[i]);
    }
    if (check(&s) != NPS_OK)
        return bad;
    *out = s;
    return NPS_OK;
}
