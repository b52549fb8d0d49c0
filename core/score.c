/* score.c -- a score read from a double or from text (R1). */
#include "internal.h"

#include <math.h>

nps_status nps_score_from_double(double v, int64_t *score)
{
    if (isnan(v))
        return NPS_E_SCORE_TEXT;
    if (v != floor(v) && isfinite(v))
        return NPS_E_SCORE_FRACTION;
    if (!(v >= 0.0 && v <= 10.0))
        return NPS_E_SCORE_RANGE;
    *score = (int64_t)v;
    return NPS_OK;
}

nps_status nps_score_from_text(const char *text, size_t len, int64_t *score)
{
    size_t i = 0, end = len;
    while (i < end && nps_is_blank(text[i]))
        i++;
    while (end > i && nps_is_blank(text[end - 1]))
        end--;
    if (i == end)
        return NPS_EMPTY; /* a skipped answer */
    int negative = 0;
    if (i < end && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    /* Mantissa digits with leading zeros dropped: at most 3 kept before any
     * non-zero digit is known to make the value > 10 or fractional. */
    int64_t digits = 0, point = -1, first = -1, last = -1, seen = 0;
    char kept[4] = {0, 0, 0, 0};
    for (; i < end; i++) {
        if (text[i] == '.' && point < 0) {
            point = digits;
            continue;
        }
        if (text[i] < '0' || text[i] > '9')
            break;
        seen++;
        if (text[i] != '0' || first >= 0) {
            if (first < 0)
                first = digits;
            if (text[i] != '0')
                last = digits;
            if (digits - first < 4)
                kept[digits - first] = text[i];
            digits++;
        } else if (point >= 0) {
            digits++; /* a zero after the point, before any non-zero digit */
        }
    }
    if (point < 0)
        point = digits;
    int64_t exponent = 0;
    if (seen > 0 && i < end && (text[i] == 'e' || text[i] == 'E')) {
        int eneg = 0, edigits = 0;
        i++;
        if (i < end && (text[i] == '+' || text[i] == '-'))
            eneg = text[i++] == '-';
        /* saturate beyond any digit count: the verdict is the same */
        for (; i < end && text[i] >= '0' && text[i] <= '9'; i++, edigits++)
            exponent = exponent > (int64_t)len + 10 ? exponent : exponent * 10 + (text[i] - '0');
        if (edigits == 0)
            return NPS_E_SCORE_TEXT;
        if (eneg)
            exponent = -exponent;
    }
    if (seen == 0 || i != end)
        return NPS_E_SCORE_TEXT;
    if (last < 0) { /* all zeros */
        *score = 0;
        return NPS_OK;
    }
    /* Value = 0.d(first)..d(last) x 10^(point - first): whole when every
     * non-zero digit stands before the decimal point. */
    int64_t int_digits = point + exponent - first;
    if (last - first >= int_digits)
        return NPS_E_SCORE_FRACTION;
    if (negative || int_digits > 2)
        return NPS_E_SCORE_RANGE;
    int64_t value = 0;
    for (int64_t k = 0; k < int_digits; k++)
        value = value * 10 + (k <= last - first ? kept[k] - '0' : 0);
    if (value > 10)
        return NPS_E_SCORE_RANGE;
    *score = value;
    return NPS_OK;
}
