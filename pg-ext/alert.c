/*
 * alert.c -- nps_alert_notify(), the trigger function of nps_alert_on().
 *
 * Arguments, written by nps_alert_on (programme.c): the score column, the
 * channel, the categories that alert ('detractor,promoter'), 'key' or 'row'
 * (what the payload carries), and the quoted qualified names of
 * nps_followups and nps_config ('' when absent).
 *
 * A row alerts when its score, read as nps_category reads it (R1: an
 * integer, a whole double or numeric, text such as ' 6', '06', '+6', '6.0'),
 * is in the categories; NULL and anything that is not a score raise no
 * alert and no error.  An UPDATE alerts only when the score changed.
 *
 * The payload is one line of JSON under PostgreSQL's NOTIFY limit (< 8000
 * bytes): {"table", "schema", "key", "score", "category"[, "row"][,
 * "truncated": true]}.  The key is the primary key's columns as a JSON
 * object, {"ctid": "(0,1)"} without one.  With 'row', the row is
 * row_to_json(NEW), made once; when the payload would be too long, its
 * largest values are, in one pass, shortened (a string, ending in '…') or
 * dropped until it fits; a key too long for the payload is null.
 *
 * It resolves no name at run time but its own arguments, which are
 * qualified: it calls PostgreSQL's C functions directly, and SPI only for
 * the follow-up (an INSERT into, and a read of, the tables nps_alert_on
 * named by schema), through plans made once per session.  It never raises for the row's contents, so an alert
 * never makes the application's write fail.
 */
#include "postgres.h"

#include <string.h>

#include "access/htup_details.h"
#include "access/tupdesc.h"
#include "catalog/pg_index.h"
#include "catalog/pg_type.h"
#include "commands/async.h"
#include "commands/trigger.h"
#include "datatype/timestamp.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/fmgrprotos.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "nps.h"
#include "nps_pg.h"

/* NOTIFY refuses a payload of this many bytes or more. */
#define PAYLOAD_LIMIT 8000
#define TRUNCATED ",\"truncated\":true"
/* A shortened string keeps at least this many characters, or is dropped. */
#define MIN_KEPT_CHARS 8

/* Attribute number of a live column of that name, 0 when there is none. */
static AttrNumber column_number(TupleDesc desc, const char *name)
{
    int i;

    for (i = 0; i < desc->natts; i++) {
        Form_pg_attribute a = TupleDescAttr(desc, i);

        if (!a->attisdropped && strcmp(NameStr(a->attname), name) == 0)
            return (AttrNumber)(i + 1);
    }
    return 0;
}

/* The score of a row's column, read by the rules of nps_category (R1);
 * false when it is NULL or not a score. */
static bool row_score(HeapTuple row, TupleDesc desc, AttrNumber attnum, int64 *score)
{
    Oid type = TupleDescAttr(desc, attnum - 1)->atttypid;
    bool isnull;
    Datum d = heap_getattr(row, attnum, desc, &isnull);
    int64_t v;
    nps_status st;

    if (isnull)
        return false;
    switch (getBaseType(type)) {
    case INT2OID:
        v = DatumGetInt16(d);
        st = (uint64)v <= 10 ? NPS_OK : NPS_E_SCORE_RANGE;
        break;
    case INT4OID:
        v = DatumGetInt32(d);
        st = (uint64)v <= 10 ? NPS_OK : NPS_E_SCORE_RANGE;
        break;
    case INT8OID:
        v = DatumGetInt64(d);
        st = (uint64)v <= 10 ? NPS_OK : NPS_E_SCORE_RANGE;
        break;
    case FLOAT4OID:
        st = nps_score_from_double(DatumGetFloat4(d), &v);
        break;
    case FLOAT8OID:
        st = nps_score_from_double(DatumGetFloat8(d), &v);
        break;
    case NUMERICOID:
        if (numeric_is_inf(DatumGetNumeric(d))) {
            st = NPS_E_SCORE_RANGE;
        } else {
            char *text = numeric_normalize(DatumGetNumeric(d));
            st = nps_score_from_text(text, strlen(text), &v);
        }
        break;
    default: { /* text and anything else: its text form, as the core reads text */
        Oid out;
        bool varlena;
        char *text;

        getTypeOutputInfo(type, &out, &varlena);
        text = OidOutputFunctionCall(out, d);
        st = nps_score_from_text(text, strlen(text), &v);
        break;
    }
    }
    if (st != NPS_OK)
        return false;
    *score = v;
    return true;
}

/* A JSON object of some columns of a row, by row_to_json. */
static char *columns_json(HeapTuple row, TupleDesc desc, const AttrNumber *cols, int n)
{
    TupleDesc kd = CreateTemplateTupleDesc(n);
    Datum *values = palloc(n * sizeof(Datum));
    bool *nulls = palloc(n * sizeof(bool));
    int i;

    for (i = 0; i < n; i++) {
        Form_pg_attribute a = TupleDescAttr(desc, cols[i] - 1);

        TupleDescInitEntry(kd, (AttrNumber)(i + 1), NameStr(a->attname), a->atttypid, a->atttypmod,
                           0);
        values[i] = heap_getattr(row, cols[i], desc, &nulls[i]);
    }
    kd = BlessTupleDesc(kd);
    return text_to_cstring(DatumGetTextPP(
        DirectFunctionCall1(row_to_json, HeapTupleGetDatum(heap_form_tuple(kd, values, nulls)))));
}

/*
 * The row's key: the primary key's columns as a JSON object in *json, and
 * in *key_text the one column's value as text (->>), the JSON object of a
 * composite key, or the ctid of a table without a primary key.
 */
static void row_key(Relation rel, HeapTuple row, char **json, char **key_text)
{
    TupleDesc desc = RelationGetDescr(rel);
    Oid pk = nps_primary_key_index(rel);
    HeapTuple ind = OidIsValid(pk) ? SearchSysCache1(INDEXRELID, ObjectIdGetDatum(pk)) : NULL;
    Form_pg_index index;
    AttrNumber cols[INDEX_MAX_KEYS];
    int n, i;

    if (ind == NULL || !HeapTupleIsValid(ind)) {
        StringInfoData buf;

        *key_text = psprintf("(%u,%u)", ItemPointerGetBlockNumber(&row->t_self),
                             ItemPointerGetOffsetNumber(&row->t_self));
        initStringInfo(&buf);
        appendStringInfoString(&buf, "{\"ctid\":");
        escape_json(&buf, *key_text);
        appendStringInfoChar(&buf, '}');
        *json = buf.data;
        return;
    }
    index = (Form_pg_index)GETSTRUCT(ind);
    n = index->indnkeyatts;
    for (i = 0; i < n; i++)
        cols[i] = index->indkey.values[i];
    ReleaseSysCache(ind);
    *json = columns_json(row, desc, cols, n);
    *key_text = *json;
    if (n == 1 && !heap_attisnull(row, cols[0], desc)) {
        const char *name = NameStr(TupleDescAttr(desc, cols[0] - 1)->attname);

        *key_text = TextDatumGetCString(DirectFunctionCall2(
            json_object_field_text, CStringGetTextDatum(*json), CStringGetTextDatum(name)));
    }
}

/* One member of the row's JSON object: offsets of its key and value. */
typedef struct Member {
    int key, key_len, value, value_len, order;
    bool dropped;
} Member;

/* Length of the JSON string starting at s[0] == '"', quotes included. */
static int json_string_len(const char *s, int len)
{
    int i = 1;

    while (i < len && s[i] != '"')
        i += s[i] == '\\' ? 2 : 1;
    return i < len ? i + 1 : len;
}

/* Length of the JSON value at s: up to the ',' or '}' that ends it. */
static int json_value_len(const char *s, int len)
{
    int i = 0, depth = 0;

    while (i < len) {
        char c = s[i];

        if (c == '"') {
            i += json_string_len(s + i, len - i);
            continue;
        }
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']') {
            if (depth == 0)
                break;
            depth--;
        } else if (c == ',' && depth == 0)
            break;
        i++;
    }
    return i;
}

/* Split the object row_to_json made into its members; their count. */
static int row_members(const char *row, int len, Member *m)
{
    int i = 1, n = 0;

    while (i < len && row[i] == '"') {
        m[n].key = i;
        m[n].key_len = json_string_len(row + i, len - i);
        i += m[n].key_len + 1; /* the ':' */
        m[n].value = i;
        m[n].value_len = json_value_len(row + i, len - i);
        i += m[n].value_len;
        m[n].order = n;
        m[n].dropped = false;
        n++;
        if (i < len && row[i] == ',')
            i++;
    }
    return n;
}

/* Larger value first, then in row order. */
static int larger_first(const void *a, const void *b)
{
    const Member *x = *(const Member *const *)a, *y = *(const Member *const *)b;

    if (x->value_len != y->value_len)
        return x->value_len > y->value_len ? -1 : 1;
    return x->order - y->order;
}

/*
 * A JSON string shortened to at most limit bytes, ending in '…' (in the
 * database's encoding when it is UTF-8, else as \u2026), keeping whole
 * characters and escapes; NULL when fewer than MIN_KEPT_CHARS would stay.
 */
static char *shorten_string(const char *s, int len, int limit)
{
    const char *ellipsis = GetDatabaseEncoding() == PG_UTF8 ? "\xe2\x80\xa6" : "\\u2026";
    int room = limit - 2 - (int)strlen(ellipsis);
    int i = 1, chars = 0;
    StringInfoData buf;

    while (i < len - 1) {
        int step = s[i] == '\\' ? (s[i + 1] == 'u' ? 6 : 2) : pg_mblen(s + i);

        if (i - 1 + step > room)
            break;
        i += step;
        chars++;
    }
    if (chars < MIN_KEPT_CHARS)
        return NULL;
    initStringInfo(&buf);
    appendBinaryStringInfo(&buf, s, i);
    appendStringInfoString(&buf, ellipsis);
    appendStringInfoChar(&buf, '"');
    return buf.data;
}

/*
 * The row's JSON cut so that it is at most `over` bytes shorter, in one
 * pass: the largest value first, a string shortened when it can keep
 * MIN_KEPT_CHARS, anything else dropped, then the next largest.  *left is
 * what is still over (> 0 only when every member was dropped).
 */
static char *cut_row(const char *row, int len, int over, int *left)
{
    Member *m = palloc(sizeof(Member) * (len / 4 + 1));
    Member **by_size;
    int n = row_members(row, len, m), kept = n, i;
    int shortened = -1;
    char *short_value = NULL;
    StringInfoData buf;

    by_size = palloc(sizeof(Member *) * (n + 1));
    for (i = 0; i < n; i++)
        by_size[i] = &m[i];
    qsort(by_size, n, sizeof(Member *), larger_first);
    for (i = 0; i < n && over > 0; i++) {
        Member *x = by_size[i];

        if (row[x->value] == '"') {
            short_value = shorten_string(row + x->value, x->value_len, x->value_len - over);
            if (short_value != NULL) {
                shortened = x->order;
                over -= x->value_len - (int)strlen(short_value);
                break;
            }
        }
        x->dropped = true;
        kept--;
        over -= x->key_len + 1 + x->value_len + (kept > 0 ? 1 : 0);
    }
    initStringInfo(&buf);
    appendStringInfoChar(&buf, '{');
    for (i = 0; i < n; i++) {
        if (m[i].dropped)
            continue;
        if (buf.len > 1)
            appendStringInfoChar(&buf, ',');
        appendBinaryStringInfo(&buf, row + m[i].key, m[i].key_len + 1);
        if (i == shortened)
            appendStringInfoString(&buf, short_value);
        else
            appendBinaryStringInfo(&buf, row + m[i].value, m[i].value_len);
    }
    appendStringInfoChar(&buf, '}');
    *left = over;
    return buf.data;
}

/* The payload: head, key, score and category, and the row when given. */
static char *payload(const char *head, const char *key, const char *tail, const char *row,
                     bool truncated)
{
    return psprintf("%s%s%s%s%s%s}", head, key, tail, row != NULL ? ",\"row\":" : "",
                    row != NULL ? row : "", truncated ? TRUNCATED : "");
}

/* The alert's payload, under PAYLOAD_LIMIT bytes whatever the row holds. */
static char *alert_payload(Relation rel, HeapTuple row, bool with_row, const char *key_json,
                           int64 score, int category)
{
    StringInfoData head;
    char *tail, *row_json = NULL, *p;
    int over, left;

    initStringInfo(&head);
    appendStringInfoString(&head, "{\"table\":");
    escape_json(&head, RelationGetRelationName(rel));
    appendStringInfoString(&head, ",\"schema\":");
    escape_json(&head, get_namespace_name(RelationGetNamespace(rel)));
    appendStringInfoString(&head, ",\"key\":");
    tail = psprintf(",\"score\":" INT64_FORMAT ",\"category\":\"%s\"", score,
                    nps_category_name(category));
    if (with_row)
        row_json = text_to_cstring(DatumGetTextPP(DirectFunctionCall1(
            row_to_json, heap_copy_tuple_as_datum(row, RelationGetDescr(rel)))));
    p = payload(head.data, key_json, tail, row_json, false);
    if (strlen(p) < PAYLOAD_LIMIT)
        return p;
    over = (int)strlen(p) + (int)strlen(TRUNCATED) - (PAYLOAD_LIMIT - 1);
    left = over;
    if (row_json != NULL)
        row_json = cut_row(row_json, (int)strlen(row_json), over, &left);
    if (left > 0)
        key_json = "null";
    p = payload(head.data, key_json, tail, row_json, true);
    if (strlen(p) >= PAYLOAD_LIMIT) /* cannot happen: the rest is short; never fail the write */
        p = payload(head.data, "null", tail, with_row ? "{}" : NULL, true);
    return p;
}

/* The follow-up's responded_at: the row's own responded_at when it has a
 * time there (timestamp, or timestamptz or date taken in UTC), else now. */
static Timestamp responded_at(HeapTuple row, TupleDesc desc, Timestamp now)
{
    AttrNumber attnum = column_number(desc, "responded_at");
    bool isnull;
    Datum d;
    Timestamp t;

    if (attnum == 0)
        return now;
    d = heap_getattr(row, attnum, desc, &isnull);
    if (isnull)
        return now;
    switch (getBaseType(TupleDescAttr(desc, attnum - 1)->atttypid)) {
    case TIMESTAMPOID:
        return DatumGetTimestamp(d);
    case TIMESTAMPTZOID: /* the same microseconds, read as a UTC wall-clock time */
        return (Timestamp)DatumGetTimestampTz(d);
    case DATEOID:
        return nps_date_to_timestamp(DatumGetDateADT(d), &t) ? t : now;
    default:
        return now;
    }
}

/* The statements of open_followup(), planned once per session for the
 * tables they were made for (the plan cache replans them when those
 * change): the clock of nps_config, and the INSERT into nps_followups. */
typedef struct FollowupPlans {
    char *followups, *config; /* in TopMemoryContext */
    SPIPlanPtr now, insert;   /* kept (SPI_keepplan); now is NULL without a config */
} FollowupPlans;

static FollowupPlans plans;

/* The plans of open_followup() for these tables, made when missing. */
static FollowupPlans *followup_plans(const char *followups, const char *config)
{
    Oid types[4] = {TEXTOID, TEXTOID, INT2OID, TIMESTAMPOID};

    if (plans.followups != NULL && strcmp(plans.followups, followups) == 0 &&
        strcmp(plans.config, config) == 0)
        return &plans;
    if (plans.now != NULL)
        SPI_freeplan(plans.now);
    if (plans.insert != NULL)
        SPI_freeplan(plans.insert);
    if (plans.followups != NULL) {
        pfree(plans.followups);
        pfree(plans.config);
    }
    memset(&plans, 0, sizeof plans);
    plans.insert = SPI_prepare(psprintf("INSERT INTO %s (source_table, response_key, score,"
                                        " responded_at) VALUES ($1, $2, $3, $4)",
                                        followups),
                               4, types);
    if (plans.insert == NULL || SPI_keepplan(plans.insert) != 0)
        elog(ERROR, "nps_alert_notify: planning the follow-up of %s failed", followups);
    if (config[0] != '\0') {
        plans.now = SPI_prepare(psprintf("SELECT now FROM %s", config), 0, NULL);
        if (plans.now != NULL && SPI_keepplan(plans.now) != 0)
            plans.now = NULL;
    }
    plans.followups = MemoryContextStrdup(TopMemoryContext, followups);
    plans.config = MemoryContextStrdup(TopMemoryContext, config);
    return &plans;
}

/* Open a follow-up for the row in the table nps_alert_on found. */
static void open_followup(Relation rel, HeapTuple row, const char *followups, const char *config,
                          const char *key_text, int64 score)
{
    Datum values[4];
    TimestampTz start = GetCurrentTransactionStartTimestamp();
    Timestamp now = (Timestamp)(start - start % USECS_PER_SEC); /* UTC, whole seconds */
    FollowupPlans *p;

    if (SPI_connect() != SPI_OK_CONNECT)
        elog(ERROR, "nps_alert_notify: SPI_connect failed");
    p = followup_plans(followups, config);
    if (p->now != NULL && SPI_execute_plan(p->now, NULL, NULL, true, 1) == SPI_OK_SELECT &&
        SPI_processed == 1 && SPI_gettypeid(SPI_tuptable->tupdesc, 1) == TIMESTAMPOID) {
        bool isnull;
        Datum d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);

        if (!isnull)
            now = DatumGetTimestamp(d);
    }
    values[0] = CStringGetTextDatum(RelationGetRelationName(rel));
    values[1] = CStringGetTextDatum(key_text);
    values[2] = Int16GetDatum((int16)score);
    values[3] = TimestampGetDatum(responded_at(row, RelationGetDescr(rel), now));
    if (SPI_execute_plan(p->insert, values, NULL, false, 0) != SPI_OK_INSERT)
        elog(ERROR, "nps_alert_notify: adding a follow-up to %s failed", followups);
    SPI_finish();
}

PG_FUNCTION_INFO_V1(nps_alert_notify);
/* The trigger function of nps_alert_on(): NOTIFY and a follow-up for a row
 * whose score is in the alerted categories. */
Datum nps_alert_notify(PG_FUNCTION_ARGS)
{
    TriggerData *td = (TriggerData *)fcinfo->context;
    char **args;
    TupleDesc desc;
    HeapTuple row;
    AttrNumber attnum;
    int64 score, old_score;
    unsigned mask;
    const char *bad;
    size_t bad_len;
    char *key_json, *key_text;

    if (!CALLED_AS_TRIGGER(fcinfo) || !TRIGGER_FIRED_AFTER(td->tg_event) ||
        !TRIGGER_FIRED_FOR_ROW(td->tg_event) || td->tg_trigger->tgnargs != 6)
        elog(ERROR, "nps_alert_notify: not called by the trigger of nps_alert_on");
    args = td->tg_trigger->tgargs;
    desc = RelationGetDescr(td->tg_relation);
    row = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
    attnum = column_number(desc, args[0]);
    if (attnum == 0 || !row_score(row, desc, attnum, &score))
        return PointerGetDatum(NULL);
    if (nps_parse_categories(args[2], strlen(args[2]), &mask, &bad, &bad_len) != NPS_OK ||
        (mask & (1u << nps_category_of(score))) == 0)
        return PointerGetDatum(NULL);
    if (TRIGGER_FIRED_BY_UPDATE(td->tg_event) &&
        row_score(td->tg_trigtuple, desc, attnum, &old_score) && old_score == score)
        return PointerGetDatum(NULL);

    row_key(td->tg_relation, row, &key_json, &key_text);
    Async_Notify(args[1], alert_payload(td->tg_relation, row, strcmp(args[3], "row") == 0, key_json,
                                        score, nps_category_of(score)));
    if (args[4][0] != '\0')
        open_followup(td->tg_relation, row, args[4], args[5], key_text, score);
    return PointerGetDatum(NULL);
}
