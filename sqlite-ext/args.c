/*
 * args.c -- what every function of the SQLite wrapper does with its
 * arguments: read a score, a number or a language from an SQL value, and
 * fail the statement with the core's text for a status, naming the SQL
 * function and the offending value.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "nps_sqlite.h"

/* Render a blob as an SQL literal x'..', cut after 16 bytes. */
static void render_blob(const unsigned char *p, int n, char *buf, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t out = 0;
    int shown = n > 16 ? 16 : n;
    buf[out++] = 'x';
    buf[out++] = '\'';
    for (int i = 0; i < shown && out + 6 < cap; i++) {
        buf[out++] = hex[p[i] >> 4];
        buf[out++] = hex[p[i] & 15];
    }
    if (shown < n)
        for (int k = 0; k < 3; k++)
            buf[out++] = '.';
    buf[out++] = '\'';
    buf[out] = '\0';
}

/* Render the offending SQL value of an error: number, quoted text, or a blob
 * (its byte count where the message is about a malformed state). */
void render_value(sqlite3_value *v, nps_status st, char buf[NPS_VALUE_MAX])
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        nps_render_int(sqlite3_value_int64(v), buf, NPS_VALUE_MAX);
        break;
    case SQLITE_FLOAT:
        nps_render_double(sqlite3_value_double(v), buf, NPS_VALUE_MAX);
        break;
    case SQLITE_TEXT: {
        const char *text = (const char *)sqlite3_value_text(v);
        nps_render_text(text ? text : "", (size_t)sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        break;
    }
    default: /* SQLITE_BLOB; a NULL argument never reaches an error */
        if (nps_is_decode_error(st))
            nps_render_int(sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        else
            render_blob(sqlite3_value_blob(v), sqlite3_value_bytes(v), buf, NPS_VALUE_MAX);
        break;
    }
}

/* Fail the statement with the core's text for st, naming fn and a value
 * already rendered. */
void fail_as(sqlite3_context *ctx, nps_status st, const char *fn, const char *value)
{
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, st, fn, value);
    sqlite3_result_error(ctx, msg, -1);
}

/* The same, naming the SQL function: the first member of the user data
 * (nps_sqlite.h). */
void fail_text(sqlite3_context *ctx, nps_status st, const char *value)
{
    const char *const *name = sqlite3_user_data(ctx);
    fail_as(ctx, st, *name, value);
}

/* The same, naming the SQL function and the value. */
void fail(sqlite3_context *ctx, nps_status st, sqlite3_value *culprit)
{
    char value[NPS_VALUE_MAX] = "";
    if (culprit != NULL)
        render_value(culprit, st, value);
    fail_text(ctx, st, value);
}

/* A score from a non-NULL value: integer (range checked by the core call that
 * counts it), real or text holding a whole number 0..10 (R1). */
nps_status score_of(sqlite3_value *v, int type, int64_t *score)
{
    switch (type) {
    case SQLITE_INTEGER:
        *score = sqlite3_value_int64(v);
        return NPS_OK;
    case SQLITE_FLOAT:
        return nps_score_from_double(sqlite3_value_double(v), score);
    case SQLITE_TEXT: {
        const char *text = (const char *)sqlite3_value_text(v);
        if (text == NULL)
            return NPS_E_SCORE_TEXT;
        return nps_score_from_text(text, (size_t)sqlite3_value_bytes(v), score);
    }
    default:
        return NPS_E_SCORE_TYPE;
    }
}

/* A number from a non-NULL value: integer, real, or text that reads as one. */
nps_status number_of(sqlite3_value *v, double *out)
{
    switch (sqlite3_value_numeric_type(v)) {
    case SQLITE_INTEGER:
        *out = (double)sqlite3_value_int64(v);
        return NPS_OK;
    case SQLITE_FLOAT:
        *out = sqlite3_value_double(v);
        return NPS_OK;
    default:
        return NPS_E_NOT_NUMBER;
    }
}

/* A weight from a non-NULL value (R6): a finite number >= 0 whose square is
 * finite; 0 after failing ctx with an error that names the value. */
int weight_of(sqlite3_context *ctx, sqlite3_value *v, double *w)
{
    nps_status st = number_of(v, w);
    if (st != NPS_OK) /* name the argument: "weight 'abc' ..." */
        st = NPS_E_WEIGHT;
    else
        st = nps_check_weight(*w);
    if (st == NPS_OK && !isfinite(*w * *w))
        st = NPS_E_WEIGHT_SQUARE;
    if (st != NPS_OK)
        fail(ctx, st, v);
    return st == NPS_OK;
}

/* True when any argument is NULL: every scalar then returns NULL. */
int any_null(int argc, sqlite3_value **argv)
{
    for (int i = 0; i < argc; i++)
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            return 1;
    return 0;
}

/* Read the arguments of nps_category and nps_followup_question: a score 0..10
 * and a language ('en' when absent).  0 when the call already has its result:
 * NULL for a NULL argument, or an error. */
int score_and_lang(sqlite3_context *ctx, int argc, sqlite3_value **argv, int64_t *score,
                   const char **lang, int *lang_len)
{
    if (any_null(argc, argv))
        return 0;
    nps_status st = score_of(argv[0], sqlite3_value_type(argv[0]), score);
    if (st == NPS_EMPTY) /* blank text: a skipped answer, as NULL (R1) */
        return 0;
    if (st == NPS_OK && (uint64_t)*score > 10u)
        st = NPS_E_SCORE_RANGE;
    if (st == NPS_E_SCORE_TYPE) { /* a blob: a state, or some other bytes */
        nps_state s;
        if (nps_decode(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &s) ==
            NPS_OK)
            st = NPS_E_SCALAR_STATE;
        else {
            char value[NPS_VALUE_MAX] = "a blob ";
            render_blob(sqlite3_value_blob(argv[0]), sqlite3_value_bytes(argv[0]), value + 7,
                        sizeof value - 7);
            fail_text(ctx, st, value);
            return 0;
        }
    }
    if (st != NPS_OK) {
        fail(ctx, st, argv[0]);
        return 0;
    }
    *lang = "en";
    *lang_len = 2;
    if (argc == 2) {
        *lang = (const char *)sqlite3_value_text(argv[1]);
        if (*lang == NULL) {
            sqlite3_result_error_nomem(ctx);
            return 0;
        }
        *lang_len = sqlite3_value_bytes(argv[1]);
    }
    return 1;
}
