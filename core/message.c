/* message.c -- the error text and SQLSTATE of each status. */
#include "nps.h"

#include <stdio.h>

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
};

void nps_message(char *buf, size_t cap, nps_status st, const char *fn, const char *value)
{
    if ((unsigned)st >= NPS_STATUS_COUNT)
        st = NPS_E_SCORE_TYPE;
    snprintf(buf, cap, messages[st].text, fn, value ? value : "", nps_languages());
}

const char *nps_sqlstate(nps_status st)
{
    return (unsigned)st < NPS_STATUS_COUNT ? messages[st].sqlstate : "22023";
}
