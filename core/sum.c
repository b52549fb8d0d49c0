/* sum.c -- exact sums of weights and squared weights (R10). */
#include "nps.h"

#include <math.h>
#include <string.h>

/* Bits of the accumulator kept free at the top, so that one add never carries out. */
#define TOP_BITS (NPS_SUM_LIMBS * 64 - 2)

typedef unsigned __int128 u128;

/* Number of significant bits of the accumulator (0 when it is 0). */
static int bit_length(const nps_sum *s)
{
    for (int i = NPS_SUM_LIMBS - 1; i >= 0; i--)
        if (s->limb[i])
            return 64 * i + 64 - __builtin_clzll(s->limb[i]);
    return 0;
}

int nps_sum_is_zero(const nps_sum *s)
{
    for (int i = 0; i < NPS_SUM_LIMBS; i++)
        if (s->limb[i])
            return 0;
    return 1;
}

/* Shift left by n bits (the caller made room). */
static void shift_left(nps_sum *s, int n)
{
    int limbs = n / 64, bits = n % 64;
    for (int i = NPS_SUM_LIMBS - 1; i >= 0; i--) {
        uint64_t hi = i - limbs >= 0 ? s->limb[i - limbs] : 0;
        uint64_t lo = i - limbs - 1 >= 0 ? s->limb[i - limbs - 1] : 0;
        s->limb[i] = bits ? (hi << bits) | (lo >> (64 - bits)) : hi;
    }
    s->exp -= n;
}

/* Shift right by n bits, truncating; returns 1 when a set bit was dropped. */
static int shift_right(nps_sum *s, int n)
{
    int lost = 0;
    if (n >= NPS_SUM_LIMBS * 64) {
        lost = !nps_sum_is_zero(s);
        memset(s->limb, 0, sizeof s->limb);
        s->exp += n;
        return lost;
    }
    int limbs = n / 64, bits = n % 64;
    for (int i = 0; i < limbs; i++)
        lost |= s->limb[i] != 0;
    if (bits)
        lost |= (s->limb[limbs] & ((UINT64_C(1) << bits) - 1)) != 0;
    for (int i = 0; i < NPS_SUM_LIMBS; i++) {
        uint64_t lo = i + limbs < NPS_SUM_LIMBS ? s->limb[i + limbs] : 0;
        uint64_t hi = i + limbs + 1 < NPS_SUM_LIMBS ? s->limb[i + limbs + 1] : 0;
        s->limb[i] = bits ? (lo >> bits) | (hi << (64 - bits)) : lo;
    }
    s->exp += n;
    return lost;
}

/* Cut the bits of m * 2^e that lie below the sum's lowest bit; the sum is
 * inexact when any of them was set. */
static void drop_below(nps_sum *t, u128 *m, int32_t *e)
{
    if (*e >= t->exp)
        return;
    int drop = t->exp - *e;
    if (drop >= 128 || (*m & (((u128)1 << drop) - 1)) != 0)
        t->inexact = 1;
    *m = drop >= 128 ? 0 : *m >> drop;
    *e = t->exp;
}

/* Add (sign +1) or subtract (sign -1) m * 2^e, m < 2^106.  Bits that cannot
 * be kept mark the sum inexact.  Subtracting more than the sum holds gives
 * NPS_E_REMOVE and leaves it unchanged. */
static nps_status add_scaled(nps_sum *s, u128 m, int32_t e, int sign)
{
    if (m == 0)
        return NPS_OK;
    int tz = (uint64_t)m ? __builtin_ctzll((uint64_t)m) : 64 + __builtin_ctzll((uint64_t)(m >> 64));
    m >>= tz;
    e += tz;
    int mbits =
        (m >> 64) ? 128 - __builtin_clzll((uint64_t)(m >> 64)) : 64 - __builtin_clzll((uint64_t)m);
    nps_sum t = *s;
    if (nps_sum_is_zero(&t))
        t.exp = e;
    if (e < t.exp) { /* bits below the lowest kept bit: move the sum up if there is room */
        int room = TOP_BITS - bit_length(&t), want = t.exp - e;
        int n = want < room ? want : room;
        if (n > 0)
            shift_left(&t, n);
        drop_below(&t, &m, &e);
    }
    int top = (int)(e - t.exp) + mbits;
    if (top > TOP_BITS || bit_length(&t) > TOP_BITS - 1) { /* make room at the top */
        int over = top - TOP_BITS, blen = bit_length(&t) - (TOP_BITS - 1);
        int n = over > blen ? over : blen;
        if (shift_right(&t, n))
            t.inexact = 1;
        drop_below(&t, &m, &e);
    }
    int shift = (int)(e - t.exp);
    uint64_t part[NPS_SUM_LIMBS] = {0};
    int limb = shift / 64, bits = shift % 64;
    uint64_t lo = (uint64_t)m, hi = (uint64_t)(m >> 64);
    uint64_t w0 = lo << bits;
    uint64_t w1 = bits ? (hi << bits) | (lo >> (64 - bits)) : hi;
    uint64_t w2 = bits ? hi >> (64 - bits) : 0;
    if (limb < NPS_SUM_LIMBS)
        part[limb] = w0;
    if (limb + 1 < NPS_SUM_LIMBS)
        part[limb + 1] = w1;
    if (limb + 2 < NPS_SUM_LIMBS)
        part[limb + 2] = w2;
    if (sign > 0) {
        unsigned carry = 0;
        for (int i = 0; i < NPS_SUM_LIMBS; i++) {
            u128 v = (u128)t.limb[i] + part[i] + carry;
            t.limb[i] = (uint64_t)v;
            carry = (unsigned)(v >> 64);
        }
    } else {
        unsigned borrow = 0;
        for (int i = 0; i < NPS_SUM_LIMBS; i++) {
            uint64_t a = t.limb[i], b = part[i];
            uint64_t d = a - b - borrow;
            borrow = (a < b) || (a - b < borrow);
            t.limb[i] = d;
        }
        if (borrow)
            return NPS_E_REMOVE;
    }
    if (nps_sum_is_zero(&t))
        t.exp = 0;
    *s = t;
    return NPS_OK;
}

/* A finite double >= 0 as m * 2^e with m < 2^53 a whole number. */
static void split_double(double w, uint64_t *m, int32_t *e)
{
    int x;
    double f = frexp(w, &x); /* w = f * 2^x, 0.5 <= f < 1 */
    *m = (uint64_t)ldexp(f, 53);
    *e = x - 53;
}

nps_status nps_sum_add(nps_sum *s, double w, int sign)
{
    uint64_t m;
    int32_t e;
    split_double(w, &m, &e);
    return add_scaled(s, m, e, sign);
}

nps_status nps_sum_add_square(nps_sum *s, double w, int sign)
{
    uint64_t m;
    int32_t e;
    split_double(w, &m, &e);
    return add_scaled(s, (u128)m * m, 2 * e, sign);
}

nps_status nps_sum_merge(nps_sum *dst, const nps_sum *src, int sign)
{
    nps_sum t = *dst;
    /* limb by limb: every part is >= 0, so a subtraction of what dst holds
     * never passes below zero on the way */
    for (int i = 0; i < NPS_SUM_LIMBS; i++) {
        nps_status st = add_scaled(&t, src->limb[i], src->exp + 64 * i, sign);
        if (st != NPS_OK)
            return st;
    }
    t.inexact |= src->inexact;
    *dst = t;
    return NPS_OK;
}

double nps_sum_scaled(const nps_sum *s, int32_t *exp2)
{
    int i = NPS_SUM_LIMBS - 1;
    while (i > 0 && s->limb[i] == 0)
        i--;
    if (i == 0) {
        *exp2 = s->exp;
        return (double)s->limb[0];
    }
    /* the top two limbs, rounded once to a double, and a sticky bit below */
    u128 v = ((u128)s->limb[i] << 64) | s->limb[i - 1];
    int sticky = 0;
    for (int k = 0; k < i - 1; k++)
        sticky |= s->limb[k] != 0;
    int drop = 64 - __builtin_clzll(s->limb[i]); /* v has 64 + drop bits */
    uint64_t top = (uint64_t)(v >> drop);
    if ((v & (((u128)1 << drop) - 1)) != 0 || sticky)
        top |= 1; /* a sticky bit keeps the rounding below correct */
    *exp2 = s->exp + 64 * (i - 1) + drop;
    return (double)top;
}

int nps_sum_exponent(const nps_sum *s)
{
    if (nps_sum_is_zero(s))
        return INT32_MIN;
    int32_t e;
    double d = nps_sum_scaled(s, &e);
    return e + ilogb(d);
}

void nps_sum_canonical(nps_sum *s)
{
    if (nps_sum_is_zero(s)) {
        s->exp = 0;
        return;
    }
    int tz = 0;
    for (int i = 0; i < NPS_SUM_LIMBS; i++) {
        if (s->limb[i]) {
            tz += __builtin_ctzll(s->limb[i]);
            break;
        }
        tz += 64;
    }
    if (tz > 0)
        shift_right(s, tz);
}
