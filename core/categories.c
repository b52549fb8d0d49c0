/* categories.c -- category names and lists of them (P4). */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* English category names, the words of P4 and of nps_category(). */
static const char *const category_names[NPS_NCATEGORIES] = {"detractor", "passive", "promoter"};

const char *nps_category_name(int category)
{
    return category >= 0 && category < NPS_NCATEGORIES ? category_names[category] : "";
}

/* True when text[0..len) equals the lower-case word w, ignoring ASCII case. */
static int same_word(const char *text, size_t len, const char *w)
{
    size_t n = strlen(w);
    if (len != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[i])
            return 0;
    }
    return 1;
}

nps_status nps_parse_categories(const char *text, size_t len, unsigned *mask, const char **bad,
                                size_t *bad_len)
{
    unsigned m = 0;
    size_t i = 0;
    for (;;) {
        size_t start = i, end;
        while (i < len && text[i] != ',')
            i++;
        end = i;
        while (start < end && nps_is_blank(text[start]))
            start++;
        while (end > start && nps_is_blank(text[end - 1]))
            end--;
        int found = -1;
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            if (same_word(text + start, end - start, category_names[c]))
                found = c;
        if (found < 0) {
            *bad = text + start;
            *bad_len = end - start;
            return NPS_E_CATEGORY;
        }
        m |= 1u << found;
        if (i >= len)
            break;
        i++; /* the comma */
    }
    *mask = m;
    return NPS_OK;
}

void nps_categories_text(unsigned mask, char *buf, size_t cap)
{
    size_t len = 0;
    if (cap == 0)
        return;
    buf[0] = '\0';
    for (int c = 0; c < NPS_NCATEGORIES && len < cap; c++)
        if (mask & (1u << c))
            len +=
                (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "," : "", category_names[c]);
}
