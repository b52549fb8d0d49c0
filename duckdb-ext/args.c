/*
 * args.c -- what every function of the DuckDB wrapper does with its
 * arguments: read a score, a number or a state from a value of whatever
 * type the query gives, render an offending value, and fail the call with
 * the core's text for a status, naming the SQL function and the value.
 * Also the writing of a scalar's results.
 */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nps_duckdb.h"

/* Open argument i of a chunk: its type is looked up here, once per chunk. */
void col_open(nps_col *c, duckdb_data_chunk chunk, idx_t i)
{
    duckdb_vector v = duckdb_data_chunk_get_vector(chunk, i);
    duckdb_logical_type t = duckdb_vector_get_column_type(v);
    c->type = duckdb_get_type_id(t);
    c->internal = DUCKDB_TYPE_INVALID;
    c->scale = 0;
    if (c->type == DUCKDB_TYPE_DECIMAL) {
        c->internal = duckdb_decimal_internal_type(t);
        c->scale = duckdb_decimal_scale(t);
    }
    duckdb_destroy_logical_type(&t);
    c->data = duckdb_vector_get_data(v);
    c->validity = duckdb_vector_get_validity(v);
}

/* The bytes of a VARCHAR or BLOB value (*len set), or NULL for another type. */
const char *col_bytes(const nps_col *c, idx_t row, size_t *len)
{
    if (c->type != DUCKDB_TYPE_VARCHAR && c->type != DUCKDB_TYPE_BLOB)
        return NULL;
    duckdb_string_t *s = (duckdb_string_t *)c->data + row;
    *len = duckdb_string_t_length(*s);
    return duckdb_string_t_data(s);
}

/* The integer of an integer-valued type (HUGEINT and the unsigned ones
 * included) and of a DECIMAL's storage, as 128 bits; 0 when it has none. */
static int integer_of(const nps_col *c, idx_t row, __int128 *v)
{
    duckdb_type t = c->type == DUCKDB_TYPE_DECIMAL ? c->internal : c->type;
    switch (t) {
    case DUCKDB_TYPE_TINYINT:
        *v = ((const int8_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_SMALLINT:
        *v = ((const int16_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_INTEGER:
        *v = ((const int32_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_BIGINT:
        *v = ((const int64_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_UTINYINT:
        *v = ((const uint8_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_USMALLINT:
        *v = ((const uint16_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_UINTEGER:
        *v = ((const uint32_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_UBIGINT:
        *v = ((const uint64_t *)c->data)[row];
        return 1;
    case DUCKDB_TYPE_HUGEINT: {
        duckdb_hugeint h = ((const duckdb_hugeint *)c->data)[row];
        *v = (__int128)(((unsigned __int128)(uint64_t)h.upper << 64) | h.lower);
        return 1;
    }
    case DUCKDB_TYPE_UHUGEINT: {
        duckdb_uhugeint h = ((const duckdb_uhugeint *)c->data)[row];
        if (h.upper >> 63) /* beyond any signed 128-bit value: far out of any range */
            *v = (__int128)(((unsigned __int128)1 << 127) - 1);
        else
            *v = (__int128)(((unsigned __int128)h.upper << 64) | h.lower);
        return 1;
    }
    default:
        return 0;
    }
}

/* The decimal text of v / 10^scale, as PostgreSQL's numeric_normalize()
 * writes a numeric: no exponent, trailing zeros of the fraction dropped.
 * Returns the length; buf holds 48 bytes (39 digits, sign, point). */
static size_t decimal_text(__int128 v, int scale, char buf[48])
{
    char digits[48];
    int n = 0;
    unsigned __int128 u =
        v < 0 ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    do {
        digits[n++] = (char)('0' + (int)(u % 10));
        u /= 10;
    } while (u != 0);
    while (n <= scale) /* a leading zero before the point */
        digits[n++] = '0';
    int keep = 0; /* fraction digits that stay: up to the last non-zero one */
    for (int i = 0; i < scale; i++)
        if (digits[i] != '0') {
            keep = scale - i;
            break;
        }
    size_t len = 0;
    if (v < 0)
        buf[len++] = '-';
    for (int i = n - 1; i >= scale; i--)
        buf[len++] = digits[i];
    if (keep > 0) {
        buf[len++] = '.';
        for (int i = scale - 1; i >= scale - keep; i--)
            buf[len++] = digits[i];
    }
    buf[len] = '\0';
    return len;
}

/* A double from decimal text, whatever the C library's decimal point: the
 * whole text must be the number, blanks around it aside. */
static nps_status text_number(const char *text, size_t len, double *out)
{
    char num[64];
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')) {
        text++;
        len--;
    }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\n' ||
                       text[len - 1] == '\r'))
        len--;
    if (len == 0 || len >= sizeof num)
        return NPS_E_NOT_NUMBER;
    for (size_t i = 0; i < len; i++) {
        char ch = text[i];
        if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == 'e' || ch == 'E' || ch == '+' ||
              ch == '-'))
            return NPS_E_NOT_NUMBER; /* also keeps out strtod's "inf", "nan" and hex */
        num[i] = ch;
    }
    num[len] = '\0';
    const char *point = localeconv()->decimal_point;
    char *dot = strchr(num, '.');
    if (dot != NULL && point != NULL && point[0] != '\0' && point[1] == '\0')
        *dot = point[0];
    char *end;
    double d = strtod(num, &end);
    if (*end != '\0')
        return NPS_E_NOT_NUMBER;
    *out = d;
    return NPS_OK;
}

/* A score from a non-NULL value (R1), on NPS's scale (scale < 0) or on a
 * scale of the core (S1): the non-integer types through that scale's readers. */
nps_status col_score_on(const nps_col *c, idx_t row, int scale, int64_t *score)
{
    __int128 v;
    size_t len;
    const char *text;
    double d;
    switch (c->type) {
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE:
        d = c->type == DUCKDB_TYPE_FLOAT ? ((const float *)c->data)[row]
                                         : ((const double *)c->data)[row];
        return scale < 0 ? nps_score_from_double(d, score)
                         : nps_scale_score_from_double((nps_scale)scale, d, score);
    case DUCKDB_TYPE_DECIMAL:
    case DUCKDB_TYPE_VARCHAR: {
        char buf[48];
        if (c->type == DUCKDB_TYPE_DECIMAL) {
            integer_of(c, row, &v);
            len = decimal_text(v, c->scale, buf);
            text = buf;
        } else {
            text = col_bytes(c, row, &len);
        }
        return scale < 0 ? nps_score_from_text(text, len, score)
                         : nps_scale_score_from_text((nps_scale)scale, text, len, score);
    }
    default:
        if (!integer_of(c, row, &v))
            return NPS_E_SCORE_TYPE;
        if (v < INT64_MIN || v > INT64_MAX)
            return scale < 0 ? NPS_E_SCORE_RANGE : nps_scale_status((nps_scale)scale, NPS_SE_RANGE);
        *score = (int64_t)v;
        return NPS_OK;
    }
}

/* A number from a non-NULL value: any numeric type, or text that reads as one. */
nps_status col_number(const nps_col *c, idx_t row, double *out)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    __int128 v;
    size_t len;
    const char *text;
    switch (c->type) {
    case DUCKDB_TYPE_FLOAT:
        *out = ((const float *)c->data)[row];
        return NPS_OK;
    case DUCKDB_TYPE_DOUBLE:
        *out = ((const double *)c->data)[row];
        return NPS_OK;
    case DUCKDB_TYPE_DECIMAL: {
        integer_of(c, row, &v);
        /* Both exact doubles: one correctly rounded division, as PostgreSQL's
         * numeric to float8; else through the text, which strtod rounds once. */
        if (v > -((__int128)1 << 53) && v < ((__int128)1 << 53) && c->scale <= 22) {
            *out = (double)(int64_t)v / pow10[c->scale];
            return NPS_OK;
        }
        char buf[48];
        len = decimal_text(v, c->scale, buf);
        return text_number(buf, len, out);
    }
    case DUCKDB_TYPE_VARCHAR:
        text = col_bytes(c, row, &len);
        return text_number(text, len, out);
    default:
        if (!integer_of(c, row, &v))
            return NPS_E_NOT_NUMBER;
        *out = (double)v;
        return NPS_OK;
    }
}

/* An nps_state from a non-NULL value: a BLOB that decodes (R11). */
nps_status col_state(const nps_col *c, idx_t row, nps_state *s)
{
    size_t len;
    if (c->type != DUCKDB_TYPE_BLOB)
        return NPS_E_NOT_STATE;
    const char *bytes = col_bytes(c, row, &len);
    return nps_decode((const uint8_t *)bytes, len, s);
}

/* What a value of a type that is neither a number, text nor a blob is. */
static const char *kind_of(duckdb_type t)
{
    switch (t) {
    case DUCKDB_TYPE_DATE:
        return "a date";
    case DUCKDB_TYPE_TIME:
    case DUCKDB_TYPE_TIME_TZ:
        return "a time";
    case DUCKDB_TYPE_TIMESTAMP:
    case DUCKDB_TYPE_TIMESTAMP_S:
    case DUCKDB_TYPE_TIMESTAMP_MS:
    case DUCKDB_TYPE_TIMESTAMP_NS:
    case DUCKDB_TYPE_TIMESTAMP_TZ:
        return "a timestamp";
    case DUCKDB_TYPE_INTERVAL:
        return "an interval";
    case DUCKDB_TYPE_UUID:
        return "a uuid";
    case DUCKDB_TYPE_ENUM:
        return "an enum";
    case DUCKDB_TYPE_LIST:
    case DUCKDB_TYPE_ARRAY:
        return "a list";
    case DUCKDB_TYPE_STRUCT:
        return "a struct";
    case DUCKDB_TYPE_MAP:
        return "a map";
    case DUCKDB_TYPE_BIT:
        return "a bit string";
    default:
        return "a value of another type";
    }
}

/* Render a value for a message. */
void col_render(const nps_col *c, idx_t row, nps_status st, char buf[NPS_VALUE_MAX])
{
    __int128 v;
    size_t len;
    const char *bytes;
    char text[48];
    switch (c->type) {
    case DUCKDB_TYPE_FLOAT:
    case DUCKDB_TYPE_DOUBLE: {
        double d = c->type == DUCKDB_TYPE_FLOAT ? ((const float *)c->data)[row]
                                                : ((const double *)c->data)[row];
        if (isnan(d) && st == NPS_E_SCORE_TEXT) /* as PostgreSQL names a NaN score */
            nps_render_text("NaN", 3, buf, NPS_VALUE_MAX);
        else
            nps_render_double(d, buf, NPS_VALUE_MAX);
        return;
    }
    case DUCKDB_TYPE_VARCHAR:
        bytes = col_bytes(c, row, &len);
        nps_render_text(bytes, len, buf, NPS_VALUE_MAX);
        return;
    case DUCKDB_TYPE_BLOB: {
        static const char hex[] = "0123456789abcdef";
        bytes = col_bytes(c, row, &len);
        if (nps_is_decode_error(st)) {
            nps_render_int((int64_t)len, buf, NPS_VALUE_MAX);
            return;
        }
        size_t shown = len < 16 ? len : 16, k = 0;
        buf[k++] = 'x';
        buf[k++] = '\'';
        for (size_t i = 0; i < shown; i++) {
            buf[k++] = hex[(uint8_t)bytes[i] >> 4];
            buf[k++] = hex[(uint8_t)bytes[i] & 15];
        }
        if (shown < len)
            k += (size_t)snprintf(buf + k, NPS_VALUE_MAX - k, "...");
        snprintf(buf + k, NPS_VALUE_MAX - k, "'");
        return;
    }
    case DUCKDB_TYPE_BOOLEAN:
        snprintf(buf, NPS_VALUE_MAX, "%s", ((const bool *)c->data)[row] ? "true" : "false");
        return;
    default:
        if (!integer_of(c, row, &v)) {
            snprintf(buf, NPS_VALUE_MAX, "%s", kind_of(c->type));
            return;
        }
        if (c->type != DUCKDB_TYPE_DECIMAL && v >= INT64_MIN && v <= INT64_MAX) {
            nps_render_int((int64_t)v, buf, NPS_VALUE_MAX);
            return;
        }
        len = decimal_text(v, c->scale, text);
        nps_render_number(text, len, buf, NPS_VALUE_MAX);
        return;
    }
}

/* Fail the call with the core's text for st, naming fn and a rendered value. */
void fail_as(const nps_call *call, nps_status st, const char *fn, const char *value)
{
    char msg[NPS_MESSAGE_MAX];
    nps_message(msg, sizeof msg, st, fn, value);
    if (call->aggregate)
        duckdb_aggregate_function_set_error(call->info, msg);
    else
        duckdb_scalar_function_set_error(call->info, msg);
}

/* The same, naming the SQL function. */
void fail_text(const nps_call *call, nps_status st, const char *value)
{
    fail_as(call, st, call->f->name, value);
}

/* The same, naming the SQL function and the value in row of c. */
void fail(const nps_call *call, nps_status st, const nps_col *c, idx_t row)
{
    char value[NPS_VALUE_MAX] = "";
    if (c != NULL)
        col_render(c, row, st, value);
    fail_text(call, st, value);
}

/* A weight from a non-NULL value (R6): a finite number >= 0 whose square is
 * finite; 0 after failing the call with an error that names the value. */
int col_weight(const nps_call *call, const nps_col *c, idx_t row, double *w)
{
    nps_status st = col_number(c, row, w);
    if (st != NPS_OK) /* name the argument: "weight 'abc' ..." */
        st = NPS_E_WEIGHT;
    else
        st = nps_check_weight(*w);
    if (st == NPS_OK && !isfinite(*w * *w))
        st = NPS_E_WEIGHT_SQUARE;
    if (st != NPS_OK)
        fail(call, st, c, row);
    return st == NPS_OK;
}

/* Read argument i of a scalar that takes states, in row. */
int state_arg(const nps_call *call, const nps_col *c, idx_t row, int i, int name_it, nps_state *s)
{
    nps_status st = col_state(c, row, s);
    if (st == NPS_OK)
        return 1;
    char value[NPS_VALUE_MAX];
    col_render(c, row, st, value);
    if (name_it) {
        char fn[NPS_VALUE_MAX];
        snprintf(fn, sizeof fn, "%s: argument %d", call->f->name, i + 1);
        fail_as(call, st, fn, value);
    } else {
        fail_text(call, st, value);
    }
    return 0;
}

/* Start the call of a scalar on a chunk. */
void scalar_open(nps_scalar_call *sc, duckdb_function_info info, duckdb_data_chunk input,
                 duckdb_vector output)
{
    sc->call.info = info;
    sc->call.f = duckdb_scalar_function_get_extra_info(info);
    sc->call.aggregate = 0;
    sc->rows = duckdb_data_chunk_get_size(input);
    sc->nargs = duckdb_data_chunk_get_column_count(input);
    if (sc->nargs > NPS_MAX_ARGS) /* no row of any table has more */
        sc->nargs = NPS_MAX_ARGS;
    for (idx_t i = 0; i < sc->nargs; i++)
        col_open(&sc->col[i], input, i);
    sc->out = output;
    sc->out_validity = NULL;
}

/* True when an argument of row is NULL. */
int scalar_any_null(const nps_scalar_call *sc, idx_t row)
{
    for (idx_t i = 0; i < sc->nargs; i++)
        if (col_null(&sc->col[i], row))
            return 1;
    return 0;
}

/* Set row of a vector to NULL. */
void vector_null(duckdb_vector out, idx_t row)
{
    duckdb_vector_ensure_validity_writable(out);
    duckdb_validity_set_row_invalid(duckdb_vector_get_validity(out), row);
}

void result_null(nps_scalar_call *sc, idx_t row)
{
    if (sc->out_validity == NULL) {
        duckdb_vector_ensure_validity_writable(sc->out);
        sc->out_validity = duckdb_vector_get_validity(sc->out);
    }
    duckdb_validity_set_row_invalid(sc->out_validity, row);
}

void result_double(nps_scalar_call *sc, idx_t row, double v)
{
    ((double *)duckdb_vector_get_data(sc->out))[row] = v;
}

void result_text(nps_scalar_call *sc, idx_t row, const char *text, size_t len)
{
    duckdb_vector_assign_string_element_len(sc->out, row, text, len);
}

void result_bigint(nps_scalar_call *sc, idx_t row, int64_t v)
{
    ((int64_t *)duckdb_vector_get_data(sc->out))[row] = v;
}

/* Return a state as its binary form (R11) in row of a vector. */
void vector_state(duckdb_vector out, idx_t row, const nps_state *s)
{
    uint8_t blob[NPS_STATE_BYTES];
    size_t len = nps_encode(s, blob);
    duckdb_vector_assign_string_element_len(out, row, (const char *)blob, len);
}
