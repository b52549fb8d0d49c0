/* test_message.c -- messages and SQLSTATEs (core/message.c). */
#include "helpers.h"

/* Check one message text. */
/* The exact words of every error, the same for both engines. */
TEST(test_message_texts)
{
    message_is(NPS_E_SCORE_RANGE, "nps", "11", "nps: score 11 is outside 0..10");
    message_is(NPS_E_SCORE_FRACTION, "nps", "7.5", "nps: score 7.5 is not a whole number");
    message_is(NPS_E_SCORE_TEXT, "nps", "'abc'", "nps: score 'abc' is not a number");
    message_is(NPS_E_SCORE_TYPE, "nps", "a blob of 3 bytes",
               "nps: takes a score 0..10, got a blob of 3 bytes");
    message_is(NPS_E_WEIGHT, "nps", "-1", "nps: weight -1 is not a finite number >= 0");
    message_is(NPS_E_WEIGHT_STATE, "nps", NULL, "nps: a weight cannot be applied to an nps_state");
    message_is(NPS_E_CONFIDENCE, "nps_moe", "1.5", "nps_moe: confidence 1.5 is outside (0, 1)");
    message_is(NPS_E_WEIGHT_SQUARE, "nps", "1e+155",
               "nps: weight 1e+155 is too large: its square overflows (weights up to 1e154 are "
               "accepted)");
    message_is(NPS_E_INEXACT, "nps", NULL,
               "nps: cannot slide this window frame exactly: its weights span more than about "
               "1e20; aggregate each frame without sliding, or rescale the weights");
    message_is(NPS_E_SCALAR_STATE, "nps_category", NULL,
               "nps_category: takes a score 0..10, got an nps_state");
    message_is(NPS_E_NOT_NUMBER, "nps_band", "'x'", "nps_band: 'x' is not a number");
    message_is(NPS_E_NOT_STATE, "nps_pvalue", "'x'", "nps_pvalue: 'x' is not an nps_state");
    message_is(NPS_E_BAND, "nps_band", "101", "nps_band: nps 101 is outside -100..100");
    message_is(NPS_E_LANG, "nps_category", "'xx'",
               "nps_category: unknown language 'xx' (known: en, zh, pl, th, de, es, fr, ja)");
    message_is(NPS_E_STATE_LENGTH, "nps", "3",
               "nps: invalid nps_state: 3 bytes, expected 100 or 412");
    message_is(NPS_E_STATE_MAGIC, "nps", NULL, "nps: invalid nps_state: not an nps_state value");
    message_is(NPS_E_STATE_VERSION, "nps", NULL,
               "nps: invalid nps_state: unknown format version or flags (this build reads "
               "version 2)");
    message_is(NPS_E_STATE_CHECKSUM, "nps", NULL,
               "nps: invalid nps_state: checksum mismatch (corrupted)");
    message_is(NPS_E_STATE_VALUE, "nps", NULL,
               "nps: invalid nps_state: inconsistent counts or sums");
    message_is(NPS_E_STATE_TEXT, "nps_state_in", "'scores='",
               "nps_state_in: invalid nps_state text 'scores='");
    message_is(NPS_E_OVERFLOW, "nps", NULL, "nps: too many rows: a state holds at most 2^62");
    message_is(NPS_E_REMOVE, "nps", NULL, "nps: cannot remove a row the state does not hold");
    message_is(NPS_E_CATEGORY, "nps_alert_on", "'foe'",
               "nps_alert_on: unknown category 'foe' (known: detractor, passive, promoter)");
    message_is(NPS_E_NO_TABLE, "nps_alert_on", "'responsez'", "nps_alert_on: no table 'responsez'");
    message_is(NPS_E_NO_COLUMN, "nps_alert_on", "'scor' in table 'responses'",
               "nps_alert_on: no column 'scor' in table 'responses'");
    message_is(NPS_E_NAME, "nps_alert_on", "''",
               "nps_alert_on: name '' is empty or longer than 63 bytes");
    message_is(NPS_E_NULL_ARG, "nps_alert_on", "table", "nps_alert_on: table must not be NULL");
    message_is(NPS_E_QUEUE, "nps_alert_on", "'q'",
               "nps_alert_on: 'q' is not an alert queue (id, table_name, row_id, score, category, "
               "created_at, handled_at)");
    message_is(NPS_E_NO_ROWID, "nps_alert_on", "'t'",
               "nps_alert_on: table 't' has no rowid (WITHOUT ROWID); alerts need one");
    message_is(NPS_E_ROWID_NAMES, "nps_alert_on", "'t'",
               "nps_alert_on: table 't' has columns rowid, _rowid_ and oid, so its rowid has no "
               "name left; alerts need one");
    message_is(NPS_E_PROBABILITY, "nps_credible_lower_of", "1",
               "nps_credible_lower_of: probability 1 is outside (0, 1)");
    message_is(NPS_E_TARGET, "nps_prob_above_of", "101",
               "nps_prob_above_of: target nps 101 is outside -100..100");
    message_is(NPS_E_STRENGTH, "nps_shrunk_of", "-1",
               "nps_shrunk_of: strength -1 is not a finite number >= 0");
    message_is(NPS_E_WATCHED, "nps_watch", "'responses'",
               "nps_watch: 'responses' is not nps_contacts, nps_invitations, nps_responses, "
               "nps_account_contacts or nps_response_attributes of a loaded programme");
}

/* Every message names the function first, reads like PostgreSQL's own
 * (lowercase start, no trailing period), and fits NPS_MESSAGE_MAX with a
 * 40-byte quoted value. */
TEST(test_message_style)
{
    char value[NPS_VALUE_MAX];
    memset(value, 'v', NPS_VALUE_MAX - 1);
    value[NPS_VALUE_MAX - 1] = '\0';
    for (int st = NPS_E_SCORE_RANGE; st < NPS_STATUS_COUNT; st++) {
        char buf[NPS_MESSAGE_MAX];
        nps_message(buf, sizeof buf, (nps_status)st, "nps_category", value);
        size_t n = strlen(buf);
        assert_true(n + 1 < sizeof buf); /* not cut */
        assert_int_equal(strncmp(buf, "nps_category: ", 14), 0);
        assert_true((buf[14] >= 'a' && buf[14] <= 'z'));
        assert_true(buf[n - 1] != '.' || strcmp(buf + n - 3, "...") == 0);
    }
}

/* Messages that quote facts kept elsewhere say the same as those facts. */
TEST(test_message_facts_agree)
{
    char buf[NPS_MESSAGE_MAX], want[NPS_MESSAGE_MAX];
    nps_message(buf, sizeof buf, NPS_E_LANG, "f", "'x'");
    snprintf(want, sizeof want, "f: unknown language 'x' (known: %s)", nps_languages());
    assert_string_equal(buf, want);
    nps_message(buf, sizeof buf, NPS_E_STATE_LENGTH, "f", "3");
    snprintf(want, sizeof want, "f: invalid nps_state: 3 bytes, expected %d or %d",
             NPS_STATE_BYTES_PLAIN, NPS_STATE_BYTES);
    assert_string_equal(buf, want);
    nps_message(buf, sizeof buf, NPS_E_STATE_VERSION, "f", NULL);
    snprintf(want, sizeof want,
             "f: invalid nps_state: unknown format version or flags (this build reads version %d)",
             NPS_STATE_VERSION);
    assert_string_equal(buf, want);
}

/* A message is cut to cap bytes, NUL included; an unknown status still gives a message. */
TEST(test_message_cut_and_unknown_status)
{
    char buf[40];
    memset(buf, 'Z', sizeof buf);
    nps_message(buf, 10, NPS_E_SCORE_RANGE, "nps", "11");
    assert_string_equal(buf, "nps: scor");
    assert_int_equal(buf[10], 'Z');
    memset(buf, 'Z', sizeof buf);
    nps_message(buf, 1, NPS_E_SCORE_RANGE, "nps", "11");
    assert_int_equal(buf[0], '\0');
    assert_int_equal(buf[1], 'Z');
    memset(buf, 'Z', sizeof buf);
    nps_message(buf, 0, NPS_E_SCORE_RANGE, "nps", "11");
    assert_int_equal(buf[0], 'Z');
    char big[NPS_MESSAGE_MAX];
    nps_message(big, sizeof big, NPS_STATUS_COUNT, "nps", "x");
    assert_true(strncmp(big, "nps: ", 5) == 0);
    nps_message(big, sizeof big, (nps_status)1000, "nps", "x");
    assert_true(strncmp(big, "nps: ", 5) == 0);
}

/* SQLSTATE of each error: 22003 for values out of range, 22023 for invalid
 * values, and PostgreSQL's own codes for the programme's bad arguments. */
TEST(test_sqlstate)
{
    static const struct {
        nps_status st;
        const char *code;
    } want[] = {
        {NPS_E_SCORE_RANGE, "22003"},   {NPS_E_SCORE_FRACTION, "22023"},
        {NPS_E_SCORE_TEXT, "22023"},    {NPS_E_SCORE_TYPE, "22023"},
        {NPS_E_WEIGHT, "22023"},        {NPS_E_WEIGHT_STATE, "22023"},
        {NPS_E_CONFIDENCE, "22003"},    {NPS_E_WEIGHT_SQUARE, "22003"},
        {NPS_E_INEXACT, "22003"},       {NPS_E_SCALAR_STATE, "22023"},
        {NPS_E_NOT_NUMBER, "22023"},    {NPS_E_NOT_STATE, "22023"},
        {NPS_E_BAND, "22003"},          {NPS_E_LANG, "22023"},
        {NPS_E_STATE_LENGTH, "22023"},  {NPS_E_STATE_MAGIC, "22023"},
        {NPS_E_STATE_VERSION, "22023"}, {NPS_E_STATE_CHECKSUM, "22023"},
        {NPS_E_STATE_VALUE, "22023"},   {NPS_E_STATE_TEXT, "22023"},
        {NPS_E_OVERFLOW, "22003"},      {NPS_E_REMOVE, "22023"},
        {NPS_E_CATEGORY, "22023"},      {NPS_E_NO_TABLE, "42P01"},
        {NPS_E_NO_COLUMN, "42703"},     {NPS_E_NAME, "42602"},
        {NPS_E_NULL_ARG, "22004"},      {NPS_E_QUEUE, "42809"},
        {NPS_E_NO_ROWID, "42809"},      {NPS_E_ROWID_NAMES, "42P16"},
        {NPS_E_STATE_IS_PAIR, "22023"}, {NPS_E_PAIR_IS_STATE, "22023"},
        {NPS_E_NOT_PAIR, "22023"},      {NPS_E_PAIR_LENGTH, "22023"},
        {NPS_E_PAIR_MAGIC, "22023"},    {NPS_E_PAIR_VERSION, "22023"},
        {NPS_E_PAIR_CHECKSUM, "22023"}, {NPS_E_PAIR_VALUE, "22023"},
        {NPS_E_PAIR_TEXT, "22023"},     {NPS_E_PAIR_WEIGHT, "22023"},
        {NPS_E_MARGIN, "22003"},        {NPS_E_MARGIN_SMALL, "22003"},
        {NPS_E_SHARE, "22003"},         {NPS_E_SHARES_SUM, "22003"},
        {NPS_E_ALPHA, "22003"},         {NPS_E_POWER, "22003"},
        {NPS_E_SIZE, "22003"},          {NPS_E_ALTERNATIVE, "22023"},
        {NPS_E_TARGET, "22003"},        {NPS_E_NOT_PART, "22023"},
        {NPS_E_PART_INEXACT, "22003"},  {NPS_E_PROBABILITY, "22003"},
        {NPS_E_STRENGTH, "22023"},      {NPS_E_WATCHED, "22023"},
    };
    assert_int_equal(sizeof want / sizeof want[0], NPS_E_SCALE_FIRST - NPS_E_SCORE_RANGE);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_string_equal(nps_sqlstate(want[i].st), want[i].code);
    assert_string_equal(nps_sqlstate(NPS_OK), "00000");
    assert_string_equal(nps_sqlstate(NPS_EMPTY), "00000");
    assert_string_equal(nps_sqlstate(NPS_STATUS_COUNT), "22023");
    assert_string_equal(nps_sqlstate((nps_status)1000), "22023");
}
