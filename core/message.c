/* message.c -- the error text and SQLSTATE of each status. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

/* Message template and SQLSTATE of each status; %s is the function, then the
 * value, then (in the one template that lists the languages) nps_languages(). */
static const struct {
    const char *text;
    const char *sqlstate;
} messages[NPS_STATUS_COUNT] = {
    [NPS_OK] = {"%s: ok", "00000"},
    [NPS_EMPTY] = {"%s: no valid rows", "00000"},
    [NPS_E_SCORE_RANGE] = {"%s: score %s is outside 0..10", "22003"},
    [NPS_E_SCORE_FRACTION] = {"%s: score %s is not a whole number", "22023"},
    [NPS_E_SCORE_TEXT] = {"%s: score %s is not a number", "22023"},
    [NPS_E_SCORE_TYPE] = {"%s: takes a score 0..10, got %s", "22023"},
    [NPS_E_WEIGHT] = {"%s: weight %s is not a finite number >= 0", "22023"},
    [NPS_E_WEIGHT_STATE] = {"%s: a weight cannot be applied to an nps_state", "22023"},
    [NPS_E_CONFIDENCE] = {"%s: confidence %s is outside (0, 1)", "22003"},
    [NPS_E_WEIGHT_SQUARE] = {"%s: weight %s is too large: its square overflows (weights up to "
                             "1e154 are accepted)",
                             "22003"},
    [NPS_E_INEXACT] = {"%s: cannot slide this window frame exactly: its weights span more than "
                       "about 1e20; aggregate each frame without sliding, or rescale the weights",
                       "22003"},
    [NPS_E_SCALAR_STATE] = {"%s: takes a score 0..10, got an nps_state", "22023"},
    [NPS_E_NOT_NUMBER] = {"%s: %s is not a number", "22023"},
    [NPS_E_NOT_STATE] = {"%s: %s is not an nps_state", "22023"},
    [NPS_E_BAND] = {"%s: nps %s is outside -100..100", "22003"},
    [NPS_E_LANG] = {"%s: unknown language %s (known: %s)", "22023"},
    [NPS_E_STATE_LENGTH] = {"%s: invalid nps_state: %s bytes, expected 100 or 412", "22023"},
    [NPS_E_STATE_MAGIC] = {"%s: invalid nps_state: not an nps_state value", "22023"},
    [NPS_E_STATE_VERSION] =
        {"%s: invalid nps_state: unknown format version or flags (this build reads version 2)",
         "22023"},
    [NPS_E_STATE_CHECKSUM] = {"%s: invalid nps_state: checksum mismatch (corrupted)", "22023"},
    [NPS_E_STATE_VALUE] = {"%s: invalid nps_state: inconsistent counts or sums", "22023"},
    [NPS_E_STATE_TEXT] = {"%s: invalid nps_state text %s", "22023"},
    [NPS_E_OVERFLOW] = {"%s: too many rows: a state holds at most 2^62", "22003"},
    [NPS_E_REMOVE] = {"%s: cannot remove a row the state does not hold", "22023"},
    [NPS_E_CATEGORY] = {"%s: unknown category %s (known: detractor, passive, promoter)", "22023"},
    [NPS_E_NO_TABLE] = {"%s: no table %s", "42P01"},
    [NPS_E_NO_COLUMN] = {"%s: no column %s", "42703"},
    [NPS_E_NAME] = {"%s: name %s is empty or longer than 63 bytes", "42602"},
    [NPS_E_NULL_ARG] = {"%s: %s must not be NULL", "22004"},
    [NPS_E_QUEUE] = {"%s: %s is not an alert queue (id, table_name, row_id, score, category, "
                     "created_at, handled_at)",
                     "42809"},
    [NPS_E_NO_ROWID] = {"%s: table %s has no rowid (WITHOUT ROWID); alerts need one", "42809"},
    [NPS_E_ROWID_NAMES] = {"%s: table %s has columns rowid, _rowid_ and oid, so its rowid has no "
                           "name left; alerts need one",
                           "42P16"},
    [NPS_E_STATE_IS_PAIR] = {"%s: takes an nps_state, got an nps_pair_state", "22023"},
    [NPS_E_PAIR_IS_STATE] = {"%s: takes an nps_pair_state, got an nps_state", "22023"},
    [NPS_E_NOT_PAIR] = {"%s: %s is not an nps_pair_state", "22023"},
    [NPS_E_PAIR_LENGTH] = {"%s: invalid nps_pair_state: %s bytes, expected 84", "22023"},
    [NPS_E_PAIR_MAGIC] = {"%s: invalid nps_pair_state: not an nps_pair_state value", "22023"},
    [NPS_E_PAIR_VERSION] = {"%s: invalid nps_pair_state: unknown format version or flags (this "
                            "build reads version 1)",
                            "22023"},
    [NPS_E_PAIR_CHECKSUM] = {"%s: invalid nps_pair_state: checksum mismatch (corrupted)", "22023"},
    [NPS_E_PAIR_VALUE] = {"%s: invalid nps_pair_state: negative counts or more than 2^62 pairs",
                          "22023"},
    [NPS_E_PAIR_TEXT] = {"%s: invalid nps_pair_state text %s", "22023"},
    [NPS_E_PAIR_WEIGHT] = {"%s: paired answers take no weight: give (before, after) scores or "
                           "one nps_pair_state",
                           "22023"},
    [NPS_E_MARGIN] = {"%s: margin %s is not a finite number > 0", "22003"},
    [NPS_E_MARGIN_SMALL] = {"%s: margin %s needs more than 2^62 responses", "22003"},
    [NPS_E_SHARE] = {"%s: share %s is outside 0..100", "22003"},
    [NPS_E_SHARES_SUM] = {"%s: promoter and detractor shares %s add up to more than 100", "22003"},
    [NPS_E_ALPHA] = {"%s: alpha %s is outside (0, 1)", "22003"},
    [NPS_E_POWER] = {"%s: power %s is outside (0, 1)", "22003"},
    [NPS_E_SIZE] = {"%s: sample size %s is not a finite number >= 1", "22003"},
    [NPS_E_ALTERNATIVE] = {"%s: unknown alternative %s (known: two-sided, greater, less)", "22023"},
    [NPS_E_TARGET] = {"%s: target nps %s is outside -100..100", "22003"},
    [NPS_E_NOT_PART] = {"%s: the part is not contained in the total (%s)", "22023"},
    [NPS_E_PART_INEXACT] = {"%s: cannot take the part out of the total exactly: their weights "
                            "span more than about 1e20",
                            "22003"},
    [NPS_E_PROBABILITY] = {"%s: probability %s is outside (0, 1)", "22003"},
    [NPS_E_STRENGTH] = {"%s: strength %s is not a finite number >= 0", "22023"},
    [NPS_E_WATCHED] = {"%s: %s is not nps_contacts, nps_invitations, nps_responses, "
                       "nps_account_contacts or nps_response_attributes of a loaded programme",
                       "22023"},
};

/* The errors of a scale (S7): the same words for every scale, where {range}
 * stands for its scores, {state} for its state type, {lengths} for the
 * lengths of its binary form and {found} for the scale state that was given
 * instead (NPS_SE_IS_SCALE + k). */
static const struct {
    const char *text;
    const char *sqlstate;
} scale_messages[NPS_SE_IS_SCALE + 1] = {
    [NPS_SE_RANGE] = {"%s: score %s is outside {range}", "22003"},
    [NPS_SE_WEIGHT_STATE] = {"%s: a weight cannot be applied to a {state}", "22023"},
    [NPS_SE_NOT_STATE] = {"%s: %s is not a {state}", "22023"},
    [NPS_SE_LENGTH] = {"%s: invalid {state}: %s bytes, expected {lengths}", "22023"},
    [NPS_SE_MAGIC] = {"%s: invalid {state}: not a {state} value", "22023"},
    [NPS_SE_VERSION] = {"%s: invalid {state}: unknown format version or flags (this build reads "
                        "version 1)",
                        "22023"},
    [NPS_SE_CHECKSUM] = {"%s: invalid {state}: checksum mismatch (corrupted)", "22023"},
    [NPS_SE_VALUE] = {"%s: invalid {state}: inconsistent counts or sums", "22023"},
    [NPS_SE_TEXT] = {"%s: invalid {state} text %s", "22023"},
    [NPS_SE_IS_NPS] = {"%s: takes a {state}, got an nps_state", "22023"},
    [NPS_SE_IS_PAIR] = {"%s: takes a {state}, got an nps_pair_state", "22023"},
    [NPS_SE_IN_NPS] = {"%s: takes an nps_state, got a {state}", "22023"},
    [NPS_SE_IN_PAIR] = {"%s: takes an nps_pair_state, got a {state}", "22023"},
    [NPS_SE_IS_SCALE] = {"%s: takes a {state}, got a {found}", "22023"},
};

/* Write the words of the {name} at the start of name, for scale k, into
 * out; returns the length of {name}, 0 when it names nothing. */
static size_t scale_word(const char *name, nps_scale k, nps_scale found, char *out, size_t cap)
{
    const nps_scale_info *info = nps_scale_describe(k);
    int n = info->hi - info->lo + 1;
    if (strncmp(name, "{range}", 7) == 0) {
        snprintf(out, cap, "%d..%d", info->lo, info->hi);
        return 7;
    }
    if (strncmp(name, "{state}", 7) == 0) {
        snprintf(out, cap, "%s", info->state);
        return 7;
    }
    if (strncmp(name, "{found}", 7) == 0) {
        snprintf(out, cap, "%s", nps_scale_describe(found)->state);
        return 7;
    }
    if (strncmp(name, "{lengths}", 9) == 0) { /* plain and weighted (S6) */
        snprintf(out, cap, "%d or %d", 12 + 8 * n, 12 + 16 * n + 2 * n * NPS_SUM_BYTES);
        return 9;
    }
    return 0;
}

/* The template of a scale's status with the scale's words put in. */
static void scale_template(nps_scale k, nps_scale_error e, char *out, size_t cap)
{
    nps_scale found = (nps_scale)(e >= NPS_SE_IS_SCALE ? e - NPS_SE_IS_SCALE : 0);
    const char *p = scale_messages[e >= NPS_SE_IS_SCALE ? NPS_SE_IS_SCALE : e].text;
    size_t len = 0;
    while (*p != '\0' && len + 1 < cap) {
        size_t skip = *p == '{' ? scale_word(p, k, found, out + len, cap - len) : 0;
        if (skip == 0) {
            out[len++] = *p++;
            continue;
        }
        len += strlen(out + len);
        p += skip;
    }
    out[len] = '\0';
}

void nps_message(char *buf, size_t cap, nps_status st, const char *fn, const char *value)
{
    nps_scale k;
    nps_scale_error e;
    if ((unsigned)st >= NPS_STATUS_COUNT)
        st = NPS_E_SCORE_TYPE;
    if (nps_scale_error_of(st, &k, &e)) {
        char text[NPS_MESSAGE_MAX];
        scale_template(k, e, text, sizeof text);
        snprintf(buf, cap, text, fn, value ? value : "");
        return;
    }
    snprintf(buf, cap, messages[st].text, fn, value ? value : "", nps_languages());
}

const char *nps_sqlstate(nps_status st)
{
    nps_scale k;
    nps_scale_error e;
    if (nps_scale_error_of(st, &k, &e))
        return scale_messages[e >= NPS_SE_IS_SCALE ? NPS_SE_IS_SCALE : e].sqlstate;
    return (unsigned)st < NPS_STATUS_COUNT ? messages[st].sqlstate : "22023";
}
