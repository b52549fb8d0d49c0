/* helpers.c -- the helpers the tests of the core share: sums, states, blobs, assertions. */
#include "helpers.h"

/* Implementation of assert_near(); NaN never matches a number. */
void assert_near_at(double got, double want, double tol, const char *file, int line)
{
    double lim = tol * fmax(1.0, fabs(want));
    if (isnan(want) && isnan(got))
        return;
    if (!(fabs(got - want) <= lim) && !(got == want)) {
        print_error("%s:%d: got %.17g, want %.17g (tol %g)\n", file, line, got, want, tol);
        _fail(file, line);
    }
}

/* Implementation of assert_same_double(). */
void assert_same_double_at(double got, double want, const char *file, int line)
{
    if (memcmp(&got, &want, sizeof got) != 0) {
        print_error("%s:%d: got %.17g, want exactly %.17g\n", file, line, got, want);
        _fail(file, line);
    }
}

/* The canonical form of an exact sum (R11), computed here rather than by the
 * core: the integer shifted right until its lowest bit is set, exponent 0 for
 * zero. */
nps_sum canon(nps_sum x)
{
    int zero = 1;
    for (int i = 0; i < NPS_SUM_LIMBS; i++)
        zero &= x.limb[i] == 0;
    if (zero) {
        x.exp = 0;
        return x;
    }
    while (x.limb[0] == 0) {
        memmove(x.limb, x.limb + 1, (NPS_SUM_LIMBS - 1) * sizeof x.limb[0]);
        x.limb[NPS_SUM_LIMBS - 1] = 0;
        x.exp += 64;
    }
    while ((x.limb[0] & 1) == 0) {
        for (int i = 0; i < NPS_SUM_LIMBS; i++)
            x.limb[i] = (x.limb[i] >> 1) | (i + 1 < NPS_SUM_LIMBS ? x.limb[i + 1] << 63 : 0);
        x.exp++;
    }
    return x;
}

/* A finite double >= 0 as an exact sum, built here from its bits: the 53-bit
 * integer mantissa times a power of two, canonical. */
nps_sum dsum(double d)
{
    nps_sum x;
    memset(&x, 0, sizeof x);
    if (d == 0.0)
        return x;
    int e;
    double f = frexp(d, &e); /* d = f 2^e, 0.5 <= f < 1: exact */
    x.limb[0] = (uint64_t)ldexp(f, 53);
    x.exp = e - 53;
    return canon(x);
}

/* An exact sum holding the integer v (up to 2^64 - 1). */
nps_sum isum(uint64_t v)
{
    nps_sum x;
    memset(&x, 0, sizeof x);
    x.limb[0] = v;
    return canon(x);
}

/* An exact sum's value as a long double (rounded; for tolerances only). */
long double sum_value(const nps_sum *x)
{
    long double v = 0.0L;
    for (int i = NPS_SUM_LIMBS - 1; i >= 0; i--)
        v += ldexpl((long double)x->limb[i], x->exp + 64 * i);
    return v;
}

/* True when two sums hold the same value and inexact flag. */
int same_sum(const nps_sum *a, const nps_sum *b)
{
    nps_sum x = canon(*a), y = canon(*b);
    return memcmp(&x, &y, sizeof x) == 0;
}

/* Implementation of assert_sum_is(). */
void assert_sum_is_at(const nps_sum *got, double want, const char *file, int line)
{
    nps_sum w = dsum(want);
    if (!same_sum(got, &w)) {
        print_error("%s:%d: sum is %.21Lg (inexact %u), want exactly %.17g\n", file, line,
                    sum_value(got), got->inexact, want);
        _fail(file, line);
    }
}

/* Implementation of assert_state_equal(). */
void assert_state_equal_at(const nps_state *a, const nps_state *b, const char *file, int line)
{
    if (memcmp(a, b, sizeof *a) == 0)
        return;
    int same = memcmp(a->count, b->count, sizeof a->count) == 0 && a->rows == b->rows &&
               memcmp(a->weighted, b->weighted, sizeof a->weighted) == 0;
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        same = same && same_sum(&a->wsum[c], &b->wsum[c]) && same_sum(&a->wsq[c], &b->wsq[c]);
    if (!same) {
        char ta[NPS_STATE_TEXT_MAX], tb[NPS_STATE_TEXT_MAX];
        nps_state_to_text(a, ta, sizeof ta);
        nps_state_to_text(b, tb, sizeof tb);
        print_error("%s:%d: states differ:\n  %s (rows %lld)\n  %s (rows %lld)\n", file, line, ta,
                    (long long)a->rows, tb, (long long)b->rows);
        _fail(file, line);
    }
}

/* Set a hand-built state's row total to the sum of its counts. */
void fix_rows(nps_state *s)
{
    s->rows = 0;
    for (int i = 0; i < NPS_NSCORES; i++)
        s->rows += s->count[i];
}

/* A state whose bytes are all 0xA5: a sentinel to prove an output was not written. */
nps_state sentinel_state(void)
{
    nps_state s;
    memset(&s, 0xA5, sizeof s);
    return s;
}

/* A state with d detractors, pa passives and pr promoters spread over the
 * scores of each category, built field by field (not through nps_add). */
nps_state counts_state(int64_t d, int64_t pa, int64_t pr)
{
    nps_state s;
    memset(&s, 0, sizeof s);
    for (int i = 0; i < 7; i++)
        s.count[i] = d / 7 + (i < d % 7);
    for (int i = 0; i < 2; i++)
        s.count[7 + i] = pa / 2 + (i < pa % 2);
    for (int i = 0; i < 2; i++)
        s.count[9 + i] = pr / 2 + (i < pr % 2);
    s.rows = d + pa + pr;
    return s;
}

/* Fetch one measure, asserting the call succeeds. */
double measure(const nps_state *s, nps_measure m, double confidence)
{
    double out = NAN;
    assert_int_equal(nps_compute(s, m, confidence, &out), NPS_OK);
    return out;
}

/* The weighted reference state: detractor weight 1.5, passive 1, promoters 2 and 0.5. */
nps_state weighted_reference(void)
{
    nps_state s;
    nps_state_init(&s);
    assert_int_equal(nps_add_weighted(&s, 0, 1.5), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 7, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 9, 2.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&s, 10, 0.5), NPS_OK);
    return s;
}

/* Every measure of nps_compute(), in the order of nps_measure. */
const nps_measure all_measures[] = {
    NPS_M_NPS, NPS_M_PROMOTER_SHARE, NPS_M_PASSIVE_SHARE, NPS_M_DETRACTOR_SHARE, NPS_M_STDERR,
    NPS_M_MOE, NPS_M_CI_LOWER,       NPS_M_CI_UPPER};
_Static_assert(sizeof all_measures / sizeof all_measures[0] == NPS_NMEASURES,
               "all_measures lists every measure");

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320, init and final xor 0xFFFFFFFF), bit by bit. */
uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        crc ^= p[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xFFFFFFFFu;
}

/* Store v little-endian in 4 bytes. */
static void le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Store v little-endian in 8 bytes. */
static void le64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* Store the checksum of buf[0 .. len - 4) little-endian in its last 4 bytes. */
void reseal(uint8_t *buf, size_t len)
{
    le32(buf + len - 4, crc32_ieee(buf, len - 4));
}

/* True when a sum is zero and exact, read here from its limbs. */
int sum_zero(const nps_sum *x)
{
    for (int i = 0; i < NPS_SUM_LIMBS; i++)
        if (x->limb[i])
            return 0;
    return x->inexact == 0;
}

/* The test's own encoder: s with the given flags, the sums written as they
 * are held (not made canonical), the CRC last.  Returns the length. */
size_t craft_flags(const nps_state *s, uint32_t flags, uint8_t buf[NPS_STATE_BYTES])
{
    size_t len = (flags & 1u) ? B_WEIGHTED_LEN : B_PLAIN;
    memset(buf, 0, NPS_STATE_BYTES);
    memcpy(buf, "nps", 3);
    buf[3] = 2;
    le32(buf + 4, flags);
    for (int i = 0; i < NPS_NSCORES; i++)
        le64(buf + B_COUNTS + 8 * i, (uint64_t)s->count[i]);
    if (flags & 1u) {
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            le64(buf + B_WEIGHTED + 8 * c, (uint64_t)s->weighted[c]);
        for (int k = 0; k < 6; k++) {
            const nps_sum *x = k < 3 ? &s->wsum[k] : &s->wsq[k - 3];
            uint8_t *p = buf + B_SUMS + B_SUM_SIZE * k;
            le32(p, (uint32_t)x->exp);
            le32(p + 4, x->inexact);
            for (int i = 0; i < NPS_SUM_LIMBS; i++)
                le64(p + 8 + 8 * i, x->limb[i]);
        }
    }
    reseal(buf, len);
    return len;
}

/* True when a state has a weighted section to write: a weighted count or a sum. */
int has_weighted_part(const nps_state *s)
{
    int any = (s->weighted[0] | s->weighted[1] | s->weighted[2]) != 0;
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        any |= !sum_zero(&s->wsum[c]) || !sum_zero(&s->wsq[c]);
    return any;
}

/* The blob of s as R11 says it is written: the weighted section when there
 * is one, every sum canonical. */
size_t craft(const nps_state *s, uint8_t buf[NPS_STATE_BYTES])
{
    nps_state t = *s;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        t.wsum[c] = canon(t.wsum[c]);
        t.wsq[c] = canon(t.wsq[c]);
    }
    return craft_flags(&t, has_weighted_part(s) ? 1u : 0u, buf);
}

/* States used by the round-trip tests. */
void sample_states(nps_state *out, size_t *n)
{
    size_t k = 0;
    nps_state_init(&out[k++]); /* empty */
    out[k++] = counts_state(1, 2, 3);
    out[k++] = weighted_reference();
    out[k] = weighted_reference(); /* mixed, odd weights */
    assert_int_equal(nps_add(&out[k], 4), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 8, 0.1), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 8, 1e-300), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 9, 1e150), NPS_OK);
    k++;
    memset(&out[k], 0, sizeof out[k]); /* large counts, below the row cap */
    for (int i = 0; i < NPS_NSCORES; i++)
        out[k].count[i] = NPS_MAX_ROWS / 11 - i;
    fix_rows(&out[k]);
    k++;
    memset(&out[k], 0, sizeof out[k]); /* exactly 2^62 rows over every score */
    for (int i = 0; i < 10; i++)
        out[k].count[i] = INT64_C(419244183493398900);
    out[k].count[10] = INT64_C(419244183493398904);
    fix_rows(&out[k]);
    k++;
    nps_state_init(&out[k]); /* weight-0 rows only */
    assert_int_equal(nps_add_weighted(&out[k], 2, 0.0), NPS_OK);
    k++;
    nps_state_init(&out[k]); /* sums 2 and 4 of equal weights: 1 x 2^1, 1 x 2^2 canonical */
    assert_int_equal(nps_add_weighted(&out[k], 9, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 10, 1.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 0, 3.0), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 1, 1.0), NPS_OK);
    k++;
    nps_state_init(&out[k]); /* an inexact sum: weights 1e-300 and 1e10 together */
    assert_int_equal(nps_add_weighted(&out[k], 9, 1e-300), NPS_OK);
    assert_int_equal(nps_add_weighted(&out[k], 9, 1e10), NPS_OK);
    assert_int_equal(nps_add(&out[k], 7), NPS_OK);
    k++;
    *n = k;
}

/* xorshift64: a fixed stream of pseudo-random numbers. */
uint64_t rng_next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Uniform in [0, 1) from the stream. */
double rng_unit(uint64_t *x)
{
    return (double)(rng_next(x) >> 11) / 9007199254740992.0;
}

/* Implementation of assert_same_encoding(). */
void assert_same_encoding_at(const nps_state *a, const nps_state *b, const char *file, int line)
{
    uint8_t ea[NPS_STATE_BYTES], eb[NPS_STATE_BYTES];
    size_t la = nps_encode(a, ea), lb = nps_encode(b, eb);
    if (la != lb || memcmp(ea, eb, la) != 0) {
        print_error("%s:%d: encodings differ\n", file, line);
        _fail(file, line);
    }
    assert_state_equal_at(a, b, file, line);
}

/* The exact sum of one double's square: the 106-bit square of its 53-bit
 * mantissa, written here into the limbs. */
nps_sum dsquare(double d)
{
    nps_sum x = dsum(d), sq;
    memset(&sq, 0, sizeof sq);
    unsigned __int128 m = (unsigned __int128)x.limb[0] * x.limb[0];
    sq.limb[0] = (uint64_t)m;
    sq.limb[1] = (uint64_t)(m >> 64);
    sq.exp = 2 * x.exp;
    return canon(sq);
}

void message_is(nps_status st, const char *fn, const char *value, const char *want)
{
    char buf[NPS_MESSAGE_MAX];
    nps_message(buf, sizeof buf, st, fn, value);
    assert_string_equal(buf, want);
}
