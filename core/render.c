/* render.c -- numbers and offending values as text, for results and messages. */
#include "nps.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nps_format_double(double v, char *buf, size_t cap)
{
    char tmp[40];
    if (isnan(v)) {
        snprintf(buf, cap, "NaN");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v > 0 ? "Infinity" : "-Infinity");
        return;
    }
    /* Fewest significant digits that read back exactly, then PostgreSQL's
     * layout: plain decimals for exponents -4..14, scientific otherwise. */
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
    const char *e = strchr(tmp, 'e');
    int exp10 = e != NULL ? atoi(e + 1) : 0;
    if (exp10 >= -4 && exp10 < 15)
        snprintf(tmp, sizeof tmp, "%.*f", prec - 1 - exp10 > 0 ? prec - 1 - exp10 : 0, v);
    /* The decimal point of the C library's locale is not always '.'. */
    for (char *p = tmp; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == 'e'))
            *p = '.';
    snprintf(buf, cap, "%s", tmp);
}

void nps_render_int(int64_t v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%lld", (long long)v);
}

void nps_render_double(double v, char *buf, size_t cap)
{
    nps_format_double(v, buf, cap);
}

void nps_render_text(const char *text, size_t len, char *buf, size_t cap)
{
    size_t limit = 40, out = 0;
    int cut = len > limit;
    if (cut) {
        len = limit;
        while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
            len--; /* do not split a UTF-8 sequence */
    }
    if (cap < 8) {
        if (cap > 0)
            buf[0] = '\0';
        return;
    }
    buf[out++] = '\'';
    for (size_t i = 0; i < len; i++) {
        size_t need = text[i] == '\'' ? 2 : 1;
        if (out + need + 5 > cap) { /* room for "...'" and the NUL */
            cut = 1;
            break;
        }
        if (text[i] == '\'')
            buf[out++] = '\'';
        /* a control byte (a NUL would end the message) shows as '?' */
        buf[out++] = (unsigned char)text[i] < 0x20 ? '?' : text[i];
    }
    if (cut)
        for (int k = 0; k < 3; k++)
            buf[out++] = '.';
    buf[out++] = '\'';
    buf[out] = '\0';
}

void nps_render_number(const char *text, size_t len, char *buf, size_t cap)
{
    if (len <= 40) {
        snprintf(buf, cap, "%.*s", (int)len, text);
        return;
    }
    snprintf(buf, cap, "%.18s...%.18s", text, text + len - 18);
}

void nps_render_column(const char *column, size_t column_len, const char *table, size_t table_len,
                       char *buf, size_t cap)
{
    char c[NPS_VALUE_MAX], t[NPS_VALUE_MAX];
    nps_render_text(column, column_len, c, sizeof c);
    nps_render_text(table, table_len, t, sizeof t);
    snprintf(buf, cap, "%s in table %s", c, t);
}
