/* text.c -- the readable text form of a state, written and parsed exactly (R11). */
#include "internal.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append "name=a,b,c" of n integers. */
size_t nps_text_put_ints(char *buf, size_t cap, size_t len, const char *name, const int64_t *v,
                         int n)
{
    for (int i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", i ? "," : name, (long long)v[i]);
    return len;
}

/* A sum as text: the shortest decimal when it is exactly a double, else
 * 0x<hex digits>p<binary exponent>, exact; '~' first when it is inexact. */
static void format_sum(const nps_sum *x, char *buf, size_t cap)
{
    nps_sum t = nps_canonical(x);
    size_t len = (size_t)snprintf(buf, cap, "%s", t.inexact ? "~" : "");
    int top = NPS_SUM_LIMBS - 1;
    while (top > 0 && t.limb[top] == 0)
        top--;
    if (top == 0 && t.limb[0] < (UINT64_C(1) << 53) && t.exp >= -1074 &&
        t.exp + 64 - __builtin_clzll(t.limb[0] | 1) <= 1024) {
        nps_format_double(ldexp((double)t.limb[0], t.exp), buf + len, cap - len);
        return;
    }
    len += (size_t)snprintf(buf + len, cap - len, "0x%llx", (unsigned long long)t.limb[top]);
    for (int i = top - 1; i >= 0 && len < cap; i--)
        len += (size_t)snprintf(buf + len, cap - len, "%016llx", (unsigned long long)t.limb[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "p%d", (int)t.exp);
}

/* Append "name=a,b,c" of n sums. */
size_t nps_text_put_sums(char *buf, size_t cap, size_t len, const char *name, const nps_sum *v,
                         int n)
{
    for (int i = 0; i < n && len < cap; i++) {
        char num[NPS_SUM_LIMBS * 16 + 32];
        format_sum(&v[i], num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? "," : name, num);
    }
    return len;
}

void nps_state_to_text(const nps_state *s, char *buf, size_t cap)
{
    size_t len = nps_text_put_ints(buf, cap, 0, "scores=", s->count, NPS_NSCORES);
    if (nps_is_weighted(s)) {
        len = nps_text_put_ints(buf, cap, len, " weighted=", s->weighted, NPS_NCATEGORIES);
        len = nps_text_put_sums(buf, cap, len, " wsum=", s->wsum, NPS_NCATEGORIES);
        nps_text_put_sums(buf, cap, len, " wsq=", s->wsq, NPS_NCATEGORIES);
    }
}

/* Read one non-negative integer at *q into ((int64_t *)v)[i]; advances *q. */
static int read_int(const char **q, void *v, int i)
{
    if (**q < '0' || **q > '9')
        return 0;
    int64_t x = 0;
    for (; **q >= '0' && **q <= '9'; (*q)++)
        if (__builtin_mul_overflow(x, 10, &x) || __builtin_add_overflow(x, **q - '0', &x))
            return 0;
    ((int64_t *)v)[i] = x;
    return 1;
}

/* Value of a hex digit, or -1. */
static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Read the hex form of a sum, 0x<digits>p<exponent>, at *q into x. */
static int read_hex_sum(const char **q, nps_sum *x)
{
    const char *p = *q + 2;
    int digits = 0;
    for (; hex_digit(*p) >= 0; p++, digits++) {
        if (x->limb[NPS_SUM_LIMBS - 1] >> 60)
            return 0; /* more digits than a sum holds */
        for (int i = NPS_SUM_LIMBS - 1; i > 0; i--)
            x->limb[i] = (x->limb[i] << 4) | (x->limb[i - 1] >> 60);
        x->limb[0] = (x->limb[0] << 4) | (uint64_t)hex_digit(*p);
    }
    if (digits == 0 || *p++ != 'p')
        return 0;
    int negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    long e = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((e = e * 10 + (*p - '0')) > 100000)
            return 0;
    x->exp = (int32_t)(negative ? -e : e);
    *q = p;
    return 1;
}

/* Read one sum at *q into ((nps_sum *)v)[i]: a decimal number, or the exact
 * hex form, '~' first when inexact; advances *q. */
static int read_sum(const char **q, void *v, int i)
{
    nps_sum *x = &((nps_sum *)v)[i];
    memset(x, 0, sizeof *x);
    if (**q == '~') {
        x->inexact = 1;
        (*q)++;
    }
    if ((*q)[0] == '0' && ((*q)[1] == 'x' || (*q)[1] == 'X'))
        return read_hex_sum(q, x);
    char num[40];
    size_t k = 0;
    while (k < sizeof num - 1 && ((**q >= '0' && **q <= '9') || **q == '.' || **q == 'e' ||
                                  **q == 'E' || **q == '+' || **q == '-'))
        num[k++] = *(*q)++;
    num[k] = '\0';
    /* strtod reads the locale's decimal point; the text form always has '.'. */
    const char *point = localeconv()->decimal_point;
    char *dot = strchr(num, '.');
    if (dot != NULL && point != NULL && point[0] != '\0' && point[1] == '\0')
        *dot = point[0];
    char *end;
    double d = strtod(num, &end);
    if (k == 0 || *end != '\0' || !isfinite(d) || d < 0.0)
        return 0;
    nps_sum_add(x, d, 1);
    return 1;
}

/* Parse "name=" followed by n comma-separated items, each read by read_one
 * into v; advances *p. */
static int parse_list(const char **p, const char *name, int n,
                      int (*read_one)(const char **, void *, int), void *v)
{
    size_t nl = strlen(name);
    if (strncmp(*p, name, nl) != 0)
        return 0;
    const char *q = *p + nl;
    for (int i = 0; i < n; i++)
        if ((i && *q++ != ',') || !read_one(&q, v, i))
            return 0;
    *p = q;
    return 1;
}

int nps_text_ints(const char **p, const char *name, int n, int64_t *v)
{
    return parse_list(p, name, n, read_int, v);
}

int nps_text_sums(const char **p, const char *name, int n, nps_sum *v)
{
    return parse_list(p, name, n, read_sum, v);
}

nps_status nps_state_from_text(const char *text, nps_state *out)
{
    nps_state s;
    nps_state_init(&s);
    const char *p = text;
    while (nps_is_blank(*p))
        p++;
    if (!nps_text_ints(&p, "scores=", NPS_NSCORES, s.count))
        return NPS_E_STATE_TEXT;
    if (*p == ' ' && p[1] == 'w') {
        if (!nps_text_ints(&p, " weighted=", NPS_NCATEGORIES, s.weighted) ||
            !nps_text_sums(&p, " wsum=", NPS_NCATEGORIES, s.wsum) ||
            !nps_text_sums(&p, " wsq=", NPS_NCATEGORIES, s.wsq))
            return NPS_E_STATE_TEXT;
    }
    while (nps_is_blank(*p))
        p++;
    if (*p != '\0')
        return NPS_E_STATE_TEXT;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        nps_sum_canonical(&s.wsum[c]);
        nps_sum_canonical(&s.wsq[c]);
    }
    if (nps_check_state(&s) != NPS_OK)
        return NPS_E_STATE_TEXT;
    *out = s;
    return NPS_OK;
}
