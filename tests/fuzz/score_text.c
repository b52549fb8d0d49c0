/*
 * score_text -- text through nps_score_from_text() (R1), compared with an
 * independent exact reading written here.
 *
 * The reference reads the grammar
 *
 *     blanks* [+-]? (digits with at most one '.', at least one digit)
 *            ([eE] [+-]? digit+)? blanks*        blanks: ' ' '\t' '\r' '\n'
 *
 * as an exact decimal: the mantissa's digits without leading and trailing
 * zeros, times a power of ten.  It agrees with the core on the class of every
 * input, with this precedence (the core's, by design of R1):
 *
 *   1. blank input (empty or only blanks): NPS_EMPTY, a skipped answer;
 *   2. anything outside the grammar: NPS_E_SCORE_TEXT;
 *   3. zero, whatever its sign, fraction zeros or exponent ("-0", "0e999"): 0;
 *   4. a value that is not whole: NPS_E_SCORE_FRACTION, also when it is
 *      negative or above 10 ("-7.5", "10.5" are fractions);
 *   5. a whole value below 0 or above 10: NPS_E_SCORE_RANGE;
 *   6. otherwise NPS_OK with the value, which the core writes to *score
 *      (and never writes on an error).
 */
#include "fuzz.h"

/* While blank input still reads as not a number, accept that too: set to 0
 * once nps_score_from_text() returns NPS_EMPTY for it. */
#define BLANK_MAY_BE_TEXT 0

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The reference reading; *score is set on NPS_OK. */
static nps_status reference(const char *t, size_t len, int64_t *score)
{
    size_t i = 0, end = len;
    while (i < end && blank(t[i]))
        i++;
    while (end > i && blank(t[end - 1]))
        end--;
    if (i == end)
        return NPS_EMPTY;
    int negative = 0;
    if (t[i] == '+' || t[i] == '-')
        negative = t[i++] == '-';
    /* mantissa: the digits in order, and how many came after the point */
    size_t mstart = i, ndigits = 0, frac_digits = 0;
    int point = 0;
    for (; i < end && (digit(t[i]) || (t[i] == '.' && !point)); i++) {
        if (t[i] == '.')
            point = 1;
        else {
            ndigits++;
            frac_digits += point;
        }
    }
    size_t mend = i;
    if (ndigits == 0)
        return NPS_E_SCORE_TEXT;
    /* exponent: sign, digits; a magnitude past 10^17 is "huge" (no input is
     * that long, so only its sign matters) */
    int64_t exp = 0;
    int exp_huge = 0, exp_negative = 0;
    if (i < end && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        if (i < end && (t[i] == '+' || t[i] == '-'))
            exp_negative = t[i++] == '-';
        size_t estart = i;
        for (; i < end && digit(t[i]); i++) {
            if (exp_huge)
                continue;
            exp = exp * 10 + (t[i] - '0');
            if (exp > 100000000000000000LL)
                exp_huge = 1;
        }
        if (i == estart)
            return NPS_E_SCORE_TEXT;
    }
    if (i != end)
        return NPS_E_SCORE_TEXT;
    /* significant digits: drop leading zeros, then trailing zeros (each one
     * dropped raises the power of ten by one) */
    char sig[64];
    size_t nsig = 0, lead = 1;
    int64_t trailing = 0, overflow = 0;
    for (size_t k = mstart; k < mend; k++) {
        if (!digit(t[k]))
            continue;
        if (lead && t[k] == '0')
            continue;
        lead = 0;
        if (t[k] == '0') {
            trailing++;
            continue;
        }
        /* a non-zero digit: the zeros before it are inside the number */
        for (; trailing > 0; trailing--) {
            if (nsig < sizeof sig)
                sig[nsig] = '0';
            nsig++;
        }
        if (nsig < sizeof sig)
            sig[nsig] = t[k];
        nsig++;
    }
    if (nsig == 0) {
        *score = 0; /* zero: sign and exponent do not matter */
        return NPS_OK;
    }
    if (nsig > sizeof sig)
        overflow = 1; /* more than 64 significant digits: a fraction or out of range */
    /* value = sig x 10^power */
    int exp_sign = exp_negative ? -1 : 1;
    if (exp_huge)
        return exp_negative ? NPS_E_SCORE_FRACTION : NPS_E_SCORE_RANGE;
    int64_t power = exp_sign * exp + trailing - (int64_t)frac_digits;
    if (power < 0)
        return NPS_E_SCORE_FRACTION; /* sig ends in a non-zero digit */
    if (negative)
        return NPS_E_SCORE_RANGE;
    if (overflow || (int64_t)nsig + power > 2)
        return NPS_E_SCORE_RANGE; /* at least 100 */
    int64_t v = 0;
    for (size_t k = 0; k < nsig; k++)
        v = v * 10 + (sig[k] - '0');
    for (int64_t k = 0; k < power; k++)
        v *= 10;
    if (v > 10)
        return NPS_E_SCORE_RANGE;
    *score = v;
    return NPS_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* an exact-size copy, so reading past len is caught */
    char *text = malloc(size ? size : 1);
    CHECK(text != NULL);
    memcpy(text, data, size);
    int64_t got = -42, want = -1;
    nps_status st = nps_score_from_text(text, size, &got);
    nps_status ref = reference(text, size, &want);
    if (ref == NPS_EMPTY && BLANK_MAY_BE_TEXT && st == NPS_E_SCORE_TEXT)
        ref = NPS_E_SCORE_TEXT;
    if (st != ref) {
        fprintf(stderr, "score_text: '%.*s': core %d, reference %d\n", (int)size, text, (int)st,
                (int)ref);
        CHECK(st == ref);
    }
    if (st == NPS_OK) {
        CHECK(got == want);
        CHECK(got >= 0 && got <= 10);
    } else {
        CHECK(got == -42);
    }
    free(text);
    return 0;
}
