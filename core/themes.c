/* themes.c -- the themes a text mentions, from a list of phrases (P5). */
#include "nps.h"

#include <string.h>

/* True when needle occurs in hay, compared byte for byte; an empty needle
 * occurs everywhere. */
static int occurs(const char *hay, size_t hay_len, const char *needle, size_t needle_len)
{
    if (needle_len == 0)
        return 1;
    if (needle_len > hay_len)
        return 0;
    const char *p = hay, *last = hay + (hay_len - needle_len);
    while (p <= last && (p = memchr(p, needle[0], (size_t)(last - p) + 1)) != NULL) {
        if (memcmp(p, needle, needle_len) == 0)
            return 1;
        p++;
    }
    return 0;
}

/* Append a theme to out as a JSON string: quote, backslash and control
 * characters escaped, every other byte as it is. */
static size_t put_json_string(char *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    out[n++] = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c < 0x20) {
            memcpy(out + n, "\\u00", 4);
            out[n + 4] = hex[c >> 4];
            out[n + 5] = hex[c & 15];
            n += 6;
        } else {
            out[n++] = (char)c;
        }
    }
    out[n++] = '"';
    return n;
}

size_t nps_themes_json(const char *text, size_t text_len, const char *list, size_t list_len,
                       char *out)
{
    const char *end = list + list_len, *entry = list, *last = NULL;
    size_t n = 0, last_len = 0;
    out[n++] = '[';
    while (entry < end) {
        const char *next = memchr(entry, NPS_THEME_ENTRY_SEP, (size_t)(end - entry));
        const char *entry_end = next != NULL ? next : end;
        const char *sep = memchr(entry, NPS_THEME_PHRASE_SEP, (size_t)(entry_end - entry));
        if (sep != NULL) {
            size_t theme_len = (size_t)(sep - entry);
            int same = last != NULL && last_len == theme_len && memcmp(last, entry, theme_len) == 0;
            if (!same &&
                occurs(text, text_len, sep + 1, (size_t)(entry_end - sep - 1))) {
                if (n > 1)
                    out[n++] = ',';
                n += put_json_string(out + n, entry, theme_len);
                last = entry;
                last_len = theme_len;
            }
        }
        entry = entry_end + 1;
    }
    out[n++] = ']';
    return n;
}
