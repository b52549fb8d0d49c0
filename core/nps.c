/* nps.c -- the engine-free scoring core; the rules are stated in nps.h. */
#include "nps.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Message template and SQLSTATE of each status; %s is the function, then the value. */
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
    [NPS_E_LANG] = {"%s: unknown language %s (known: en, zh, pl, th, de, es, fr, ja)", "22023"},
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
};

/* Labels per language: detractor, passive, promoter. */
static const struct {
    const char *code;
    const char *label[NPS_NCATEGORIES];
} labels[] = {
    {"en", {"detractor", "passive", "promoter"}},  {"zh", {"贬损者", "被动者", "推荐者"}},
    {"pl", {"krytyk", "neutralny", "promotor"}},   {"th", {"ผู้ไม่สนับสนุน", "ผู้เฉยๆ", "ผู้สนับสนุน"}},
    {"de", {"Kritiker", "Passiver", "Promotor"}},  {"es", {"detractor", "pasivo", "promotor"}},
    {"fr", {"détracteur", "passif", "promoteur"}}, {"ja", {"批判者", "中立者", "推奨者"}},
};

/* Follow-up questions per language (P3): detractor, passive, promoter.  The
 * languages and their order are those of labels[]. */
static const struct {
    const char *code;
    const char *question[NPS_NCATEGORIES];
} questions[] = {
    {"en",
     {"We are sorry to hear that. What went wrong, and what could we do better?",
      "Thank you! What would make it a 10 for you?",
      "Thank you! What do you value most about us?"}},
    {"zh",
     {"很抱歉给您带来不好的体验。哪里出了问题？我们可以如何改进？", "谢谢！怎样才能让您打 10 分？",
      "谢谢！您最看重我们的哪一点？"}},
    {"pl",
     {"Przykro nam. Co poszło nie tak i co możemy poprawić?",
      "Dziękujemy! Co musielibyśmy zrobić, aby zasłużyć na 10?",
      "Dziękujemy! Co cenisz w nas najbardziej?"}},
    {"th",
     {"ขออภัยในประสบการณ์ที่ไม่ดี เกิดปัญหาอะไรขึ้น และเราควรปรับปรุงอะไรบ้าง",
      "ขอบคุณ! เราต้องทำอย่างไรจึงจะได้คะแนน 10 จากคุณ", "ขอบคุณ! คุณชื่นชอบอะไรในตัวเรามากที่สุด"}},
    {"de",
     {"Das tut uns leid. Was ist schiefgelaufen, und was können wir besser machen?",
      "Danke! Was würde es für Sie zu einer 10 machen?",
      "Danke! Was schätzen Sie an uns am meisten?"}},
    {"es",
     {"Lamentamos oír eso. ¿Qué salió mal y qué podríamos mejorar?",
      "¡Gracias! ¿Qué haría falta para que nos dieras un 10?",
      "¡Gracias! ¿Qué es lo que más valoras de nosotros?"}},
    {"fr",
     {"Nous en sommes désolés. Qu'est-ce qui n'a pas fonctionné, et que pourrions-nous "
      "améliorer ?",
      "Merci ! Que faudrait-il pour que vous nous donniez 10 ?",
      "Merci ! Qu'appréciez-vous le plus chez nous ?"}},
    {"ja",
     {"ご不便をおかけして申し訳ありません。何が問題でしたか？どのような点を改善すべきでしょうか？",
      "ありがとうございます！10点をつけていただくには、何が必要でしょうか？",
      "ありがとうございます！私たちのどのような点を最も評価していただいていますか？"}},
};

/* English category names, the words of P4 and of nps_category(). */
static const char *const category_names[NPS_NCATEGORIES] = {"detractor", "passive", "promoter"};

/* Pseudo-responses of the adjusted-Wald interval (R9). */
static const double adjust[NPS_NCATEGORIES] = {0.75, 1.5, 0.75};

void nps_state_init(nps_state *s)
{
    memset(s, 0, sizeof *s);
}

nps_status nps_check_weight(double w)
{
    return (isfinite(w) && w >= 0.0) ? NPS_OK : NPS_E_WEIGHT;
}

nps_status nps_add_weighted(nps_state *s, int64_t score, double weight)
{
    if (nps_check_weight(weight) != NPS_OK)
        return NPS_E_WEIGHT;
    if (!isfinite(weight * weight))
        return NPS_E_WEIGHT_SQUARE;
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    if (s->rows >= NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    int c = nps_category_of(score);
    nps_sum_add(&s->wsum[c], weight, 1);
    nps_sum_add_square(&s->wsq[c], weight, 1);
    s->count[score]++;
    s->rows++;
    s->weighted[c]++;
    return NPS_OK;
}

static int sums_possible(const nps_state *s, int c);

/* True when a state carries any weighted row. */
static int is_weighted(const nps_state *s)
{
    return (s->weighted[0] | s->weighted[1] | s->weighted[2]) != 0;
}

/* d * 2^e, e a double so that no exponent arithmetic overflows; past the
 * double range it is 0 or infinity, as ldexp makes it. */
static double scale2(double d, double e)
{
    return ldexp(d, (int)fmax(fmin(e, 4096.0), -4096.0));
}

/* After the sums of category c were reduced (st the status of that), as
 * nps_remove_weighted and nps_unmerge end: NPS_E_REMOVE when what was taken
 * out was never in them (sums no weights can have), NPS_E_INEXACT when it
 * could not be taken out exactly. */
static nps_status taken_out(const nps_state *t, int c, nps_status st)
{
    if (st != NPS_OK || !sums_possible(t, c))
        return NPS_E_REMOVE;
    if (t->wsum[c].inexact || t->wsq[c].inexact)
        return NPS_E_INEXACT;
    return NPS_OK;
}

/* Rows of category c that carry no weight. */
static int64_t plain_rows(const nps_state *s, int c)
{
    int64_t rows = 0;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (nps_category_of(i) == c)
            rows += s->count[i];
    return rows - s->weighted[c];
}

nps_status nps_remove(nps_state *s, int64_t score)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    if (s->count[score] <= 0)
        return NPS_E_REMOVE;
    if (s->weighted[nps_category_of(score)] > 0 && plain_rows(s, nps_category_of(score)) <= 0)
        return NPS_E_REMOVE;
    s->count[score]--;
    s->rows--;
    return NPS_OK;
}

/* Once no weighted row of a category remains, its sums are exactly 0 again. */
static void clear_sums(nps_state *s, int c)
{
    memset(&s->wsum[c], 0, sizeof s->wsum[c]);
    memset(&s->wsq[c], 0, sizeof s->wsq[c]);
}

nps_status nps_remove_weighted(nps_state *s, int64_t score, double weight)
{
    if (nps_check_weight(weight) != NPS_OK)
        return NPS_E_WEIGHT;
    if (!isfinite(weight * weight))
        return NPS_E_WEIGHT_SQUARE;
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    int c = nps_category_of(score);
    if (s->count[score] <= 0 || s->weighted[c] <= 0)
        return NPS_E_REMOVE;
    nps_state t = *s;
    t.count[score]--;
    t.rows--;
    if (--t.weighted[c] == 0) {
        clear_sums(&t, c);
    } else {
        if (t.wsum[c].inexact || t.wsq[c].inexact)
            return NPS_E_INEXACT;
        nps_status st = nps_sum_add(&t.wsum[c], weight, -1);
        if (st == NPS_OK)
            st = nps_sum_add_square(&t.wsq[c], weight, -1);
        if ((st = taken_out(&t, c, st)) != NPS_OK)
            return st;
    }
    *s = t;
    return NPS_OK;
}

nps_status nps_merge(nps_state *dst, const nps_state *src)
{
    nps_state t = *dst;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (__builtin_add_overflow(t.count[i], src->count[i], &t.count[i]))
            return NPS_E_OVERFLOW;
    if (__builtin_add_overflow(t.rows, src->rows, &t.rows) || t.rows > NPS_MAX_ROWS)
        return NPS_E_OVERFLOW;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        if (src->weighted[c] == 0)
            continue;
        if (__builtin_add_overflow(t.weighted[c], src->weighted[c], &t.weighted[c]))
            return NPS_E_OVERFLOW;
        nps_sum_merge(&t.wsum[c], &src->wsum[c], 1);
        nps_sum_merge(&t.wsq[c], &src->wsq[c], 1);
    }
    *dst = t;
    return NPS_OK;
}

nps_status nps_unmerge(nps_state *dst, const nps_state *src)
{
    nps_state t = *dst;
    for (int i = 0; i < NPS_NSCORES; i++) {
        if (src->count[i] > t.count[i])
            return NPS_E_REMOVE;
        t.count[i] -= src->count[i];
    }
    t.rows -= src->rows;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        if (src->weighted[c] > t.weighted[c])
            return NPS_E_REMOVE;
        if (src->weighted[c] == 0)
            continue;
        t.weighted[c] -= src->weighted[c];
        if (t.weighted[c] == 0) {
            clear_sums(&t, c);
            continue;
        }
        if (t.wsum[c].inexact || t.wsq[c].inexact || src->wsum[c].inexact || src->wsq[c].inexact)
            return NPS_E_INEXACT;
        nps_status st = nps_sum_merge(&t.wsum[c], &src->wsum[c], -1);
        if (st == NPS_OK)
            st = nps_sum_merge(&t.wsq[c], &src->wsq[c], -1);
        if ((st = taken_out(&t, c, st)) != NPS_OK)
            return st;
    }
    for (int c = 0; c < NPS_NCATEGORIES; c++)
        if (plain_rows(&t, c) < 0)
            return NPS_E_REMOVE;
    *dst = t;
    return NPS_OK;
}

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

/* True for the blanks a CSV field may carry around a number. */
static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

nps_status nps_score_from_text(const char *text, size_t len, int64_t *score)
{
    size_t i = 0, end = len;
    while (i < end && is_blank(text[i]))
        i++;
    while (end > i && is_blank(text[end - 1]))
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

/* Weight and squared weight per category, unweighted rows weighing 1, all
 * divided by one power of two (2^E for weights, 2^2E for squares) chosen
 * so that the largest weight is about 1: the results are ratios, so they
 * come out the same at any scale, and nothing overflows or underflows. */
static void category_weights(const nps_state *s, double w[NPS_NCATEGORIES],
                             double q[NPS_NCATEGORIES])
{
    int64_t rows[NPS_NCATEGORIES] = {0, 0, 0};
    for (int i = 0; i < NPS_NSCORES; i++)
        rows[nps_category_of(i)] += s->count[i];
    if (!is_weighted(s)) {
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            w[c] = q[c] = (double)rows[c]; /* every row weighs 1 */
        return;
    }
    double plain[NPS_NCATEGORIES];
    int top = INT32_MIN;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        plain[c] = (double)(rows[c] - s->weighted[c]);
        if (plain[c] > 0.0 && ilogb(plain[c]) > top)
            top = ilogb(plain[c]);
        int e = nps_sum_exponent(&s->wsum[c]);
        if (e > top)
            top = e;
    }
    if (top == INT32_MIN)
        top = 0;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        int32_t e;
        double d = nps_sum_scaled(&s->wsum[c], &e);
        w[c] = ldexp(plain[c], -top) + scale2(d, (double)e - top);
        d = nps_sum_scaled(&s->wsq[c], &e);
        q[c] = ldexp(plain[c], -2 * top) + scale2(d, (double)e - 2.0 * top);
    }
}

/* Proportions and effective n of a state; NPS_EMPTY when the weight is 0 (R5, R7). */
typedef struct {
    double w[NPS_NCATEGORIES]; /* weight per category, scaled */
    double total;              /* sum of weights, scaled */
    double n;                  /* Kish effective n; the row count when unweighted */
    double p, d;               /* promoter and detractor proportions */
} nps_shape;

/* x kept inside lo..hi (a NaN becomes lo). */
static double clamp(double x, double lo, double hi)
{
    return x > hi ? hi : x >= lo ? x : lo;
}

static nps_status shape_of(const nps_state *s, nps_shape *sh)
{
    double q[NPS_NCATEGORIES];
    category_weights(s, sh->w, q);
    sh->total = sh->w[0] + sh->w[1] + sh->w[2];
    double qt = q[0] + q[1] + q[2];
    if (!(sh->total > 0.0) || !(qt > 0.0))
        return NPS_EMPTY;
    /* Kish's n lies in 1..rows (exact sums; the bounds only absorb rounding) */
    sh->n = clamp(sh->total * (sh->total / qt), 1.0, (double)nps_rows(s));
    sh->p = clamp(sh->w[NPS_PROMOTER] / sh->total, 0.0, 1.0);
    sh->d = clamp(sh->w[NPS_DETRACTOR] / sh->total, 0.0, 1.0 - sh->p);
    return NPS_OK;
}

/* Per-respondent variance of the promoter-minus-detractor score. */
static double variance(double p, double d)
{
    double v = p + d - (p - d) * (p - d);
    return v > 0.0 ? v : 0.0;
}

/* Standard error in points (R7). */
static double stderr_points(const nps_shape *sh)
{
    return 100.0 * sqrt(variance(sh->p, sh->d) / sh->n);
}

/* One bound of the adjusted-Wald interval (R9); sign -1 lower, +1 upper. */
static double adjusted_wald(const nps_shape *sh, double z, double sign)
{
    double scale = sh->n / sh->total, n = sh->n;
    double a[NPS_NCATEGORIES];
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        a[c] = sh->w[c] * scale + adjust[c];
        n += adjust[c];
    }
    double p = a[NPS_PROMOTER] / n, d = a[NPS_DETRACTOR] / n;
    return clamp(100.0 * ((p - d) + sign * z * sqrt(variance(p, d) / n)), -100.0, 100.0);
}

nps_status nps_compute(const nps_state *s, nps_measure m, double confidence, double *out)
{
    nps_shape sh;
    double z = 0.0;
    if (m == NPS_M_MOE || m == NPS_M_CI_LOWER || m == NPS_M_CI_UPPER) {
        nps_status st = nps_z_for_confidence(confidence, &z);
        if (st != NPS_OK)
            return st;
    }
    if ((unsigned)m <= NPS_M_DETRACTOR_SHARE) {
        /* The final step of every sliding window row: one division, no effective n. */
        static const int share_of[] = {0, NPS_PROMOTER, NPS_PASSIVE, NPS_DETRACTOR};
        double w[NPS_NCATEGORIES], q[NPS_NCATEGORIES];
        category_weights(s, w, q);
        double total = w[0] + w[1] + w[2];
        if (!(total > 0.0))
            return NPS_EMPTY;
        if (m == NPS_M_NPS)
            *out = clamp(100.0 * ((w[NPS_PROMOTER] - w[NPS_DETRACTOR]) / total), -100.0, 100.0);
        else
            *out = clamp(100.0 * (w[share_of[m]] / total), 0.0, 100.0);
        return NPS_OK;
    }
    if (shape_of(s, &sh) != NPS_OK)
        return NPS_EMPTY;
    switch (m) {
    case NPS_M_STDERR:
        *out = stderr_points(&sh);
        break;
    case NPS_M_MOE:
        *out = z * stderr_points(&sh);
        break;
    case NPS_M_CI_LOWER:
        *out = adjusted_wald(&sh, z, -1.0);
        break;
    case NPS_M_CI_UPPER:
        *out = adjusted_wald(&sh, z, 1.0);
        break;
    default:
        return NPS_E_SCORE_TYPE;
    }
    return NPS_OK;
}

nps_status nps_pvalue(const nps_state *a, const nps_state *b, double *out)
{
    nps_shape sa, sb;
    if (shape_of(a, &sa) != NPS_OK || shape_of(b, &sb) != NPS_OK || !(sa.n > 0.0) || !(sb.n > 0.0))
        return NPS_EMPTY;
    double diff = 100.0 * ((sa.p - sa.d) - (sb.p - sb.d));
    double ea = stderr_points(&sa), eb = stderr_points(&sb);
    double den = sqrt(ea * ea + eb * eb);
    if (den == 0.0)
        *out = diff == 0.0 ? 1.0 : 0.0;
    else
        *out = erfc(fabs(diff) / den / sqrt(2.0));
    return NPS_OK;
}

nps_status nps_summary_json(const nps_state *s, char *buf, size_t cap)
{
    static const char *const keys[] = {
        "promoter_share", "passive_share", "detractor_share", "nps",
        "stderr",         "moe95",         "ci95_lower",      "ci95_upper"};
    static const nps_measure measures[] = {
        NPS_M_PROMOTER_SHARE, NPS_M_PASSIVE_SHARE, NPS_M_DETRACTOR_SHARE, NPS_M_NPS,
        NPS_M_STDERR,         NPS_M_MOE,           NPS_M_CI_LOWER,        NPS_M_CI_UPPER};
    int64_t cat[NPS_NCATEGORIES] = {0, 0, 0};
    for (int i = 0; i < NPS_NSCORES; i++)
        cat[nps_category_of(i)] += s->count[i];
    double v;
    if (nps_compute(s, NPS_M_NPS, NPS_DEFAULT_CONFIDENCE, &v) != NPS_OK)
        return NPS_EMPTY;
    size_t len = (size_t)snprintf(buf, cap,
                                  "{\"n\":%lld,\"promoters\":%lld,\"passives\":%lld,"
                                  "\"detractors\":%lld",
                                  (long long)nps_rows(s), (long long)cat[NPS_PROMOTER],
                                  (long long)cat[NPS_PASSIVE], (long long)cat[NPS_DETRACTOR]);
    nps_shape sh;
    if (is_weighted(s) && shape_of(s, &sh) == NPS_OK && len < cap) {
        /* the counts above are rows; what follows is weighted, on Kish's n */
        char num[32];
        nps_format_double(sh.n, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"weighted\":true,\"effective_n\":%s", num);
    }
    for (size_t k = 0; k < sizeof keys / sizeof keys[0] && len < cap; k++) {
        char num[32] = "null"; /* a measure without a value (R5) */
        if (nps_compute(s, measures[k], NPS_DEFAULT_CONFIDENCE, &v) == NPS_OK)
            nps_format_double(v, num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, ",\"%s\":%s", keys[k], num);
    }
    for (int i = 0; i < NPS_NSCORES && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", i ? "," : ",\"scores\":[",
                                (long long)s->count[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "]}");
    return NPS_OK;
}

nps_status nps_z_for_confidence(double confidence, double *z)
{
    if (!(confidence > 0.0 && confidence < 1.0))
        return NPS_E_CONFIDENCE;
    *z = -nps_normal_quantile((1.0 - confidence) / 2.0);
    return NPS_OK;
}

double nps_normal_upper_tail(double x)
{
    return 0.5 * erfc(x / sqrt(2.0));
}

/* Rational approximations of the normal quantile (central and tail regions),
 * relative error below 1.2e-9, refined below by one Halley step. */
static const double qa[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                            1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
static const double qb[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                            6.680131188771972e+01, -1.328068155288572e+01};
static const double qc[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                            -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
static const double qd[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                            3.754408661907416e+00};

double nps_normal_quantile(double p)
{
    if (!(p > 0.0 && p < 1.0))
        return p == 0.0 ? -INFINITY : p == 1.0 ? INFINITY : NAN;
    if (p > 0.5)
        return -nps_normal_quantile(1.0 - p);
    double x;
    if (p < 0.02425) {
        double q = sqrt(-2.0 * log(p));
        x = (((((qc[0] * q + qc[1]) * q + qc[2]) * q + qc[3]) * q + qc[4]) * q + qc[5]) /
            ((((qd[0] * q + qd[1]) * q + qd[2]) * q + qd[3]) * q + 1.0);
    } else {
        double q = p - 0.5, r = q * q;
        x = (((((qa[0] * r + qa[1]) * r + qa[2]) * r + qa[3]) * r + qa[4]) * r + qa[5]) * q /
            (((((qb[0] * r + qb[1]) * r + qb[2]) * r + qb[3]) * r + qb[4]) * r + 1.0);
    }
    /* Halley step on Phi(x) - p, with Phi from erfc for full precision in the tail. */
    double e = 0.5 * erfc(-x / sqrt(2.0)) - p;
    double u = e * 2.50662827463100050242 * exp(x * x / 2.0);
    return isfinite(u) ? x - u / (1.0 + x * u / 2.0) : x;
}

/* Index of a language code in labels[] (case-insensitive), or -1. */
static int language_index(const char *lang, size_t lang_len)
{
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        const char *code = labels[k].code;
        if (lang_len == strlen(code) && (lang[0] | 0x20) == code[0] && (lang[1] | 0x20) == code[1])
            return (int)k;
    }
    return -1;
}

nps_status nps_category_label(int64_t score, const char *lang, size_t lang_len, const char **label)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    int k = language_index(lang, lang_len);
    if (k < 0)
        return NPS_E_LANG;
    *label = labels[k].label[nps_category_of(score)];
    return NPS_OK;
}

const char *nps_languages(void)
{
    return "en, zh, pl, th, de, es, fr, ja";
}

nps_status nps_band(double value, const char **label)
{
    if (!(value >= -100.0 && value <= 100.0))
        return NPS_E_BAND;
    *label = value < 0.0    ? "negative"
             : value < 30.0 ? "good"
             : value < 70.0 ? "great"
                            : "excellent";
    return NPS_OK;
}

/* CRC-32 (IEEE 802.3, reflected polynomial 0xedb88320), a byte at a time. */
static uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
    static const uint32_t t[256] = {
        0x00000000u, 0x77073096u, 0xee0e612cu, 0x990951bau, 0x076dc419u, 0x706af48fu, 0xe963a535u,
        0x9e6495a3u, 0x0edb8832u, 0x79dcb8a4u, 0xe0d5e91eu, 0x97d2d988u, 0x09b64c2bu, 0x7eb17cbdu,
        0xe7b82d07u, 0x90bf1d91u, 0x1db71064u, 0x6ab020f2u, 0xf3b97148u, 0x84be41deu, 0x1adad47du,
        0x6ddde4ebu, 0xf4d4b551u, 0x83d385c7u, 0x136c9856u, 0x646ba8c0u, 0xfd62f97au, 0x8a65c9ecu,
        0x14015c4fu, 0x63066cd9u, 0xfa0f3d63u, 0x8d080df5u, 0x3b6e20c8u, 0x4c69105eu, 0xd56041e4u,
        0xa2677172u, 0x3c03e4d1u, 0x4b04d447u, 0xd20d85fdu, 0xa50ab56bu, 0x35b5a8fau, 0x42b2986cu,
        0xdbbbc9d6u, 0xacbcf940u, 0x32d86ce3u, 0x45df5c75u, 0xdcd60dcfu, 0xabd13d59u, 0x26d930acu,
        0x51de003au, 0xc8d75180u, 0xbfd06116u, 0x21b4f4b5u, 0x56b3c423u, 0xcfba9599u, 0xb8bda50fu,
        0x2802b89eu, 0x5f058808u, 0xc60cd9b2u, 0xb10be924u, 0x2f6f7c87u, 0x58684c11u, 0xc1611dabu,
        0xb6662d3du, 0x76dc4190u, 0x01db7106u, 0x98d220bcu, 0xefd5102au, 0x71b18589u, 0x06b6b51fu,
        0x9fbfe4a5u, 0xe8b8d433u, 0x7807c9a2u, 0x0f00f934u, 0x9609a88eu, 0xe10e9818u, 0x7f6a0dbbu,
        0x086d3d2du, 0x91646c97u, 0xe6635c01u, 0x6b6b51f4u, 0x1c6c6162u, 0x856530d8u, 0xf262004eu,
        0x6c0695edu, 0x1b01a57bu, 0x8208f4c1u, 0xf50fc457u, 0x65b0d9c6u, 0x12b7e950u, 0x8bbeb8eau,
        0xfcb9887cu, 0x62dd1ddfu, 0x15da2d49u, 0x8cd37cf3u, 0xfbd44c65u, 0x4db26158u, 0x3ab551ceu,
        0xa3bc0074u, 0xd4bb30e2u, 0x4adfa541u, 0x3dd895d7u, 0xa4d1c46du, 0xd3d6f4fbu, 0x4369e96au,
        0x346ed9fcu, 0xad678846u, 0xda60b8d0u, 0x44042d73u, 0x33031de5u, 0xaa0a4c5fu, 0xdd0d7cc9u,
        0x5005713cu, 0x270241aau, 0xbe0b1010u, 0xc90c2086u, 0x5768b525u, 0x206f85b3u, 0xb966d409u,
        0xce61e49fu, 0x5edef90eu, 0x29d9c998u, 0xb0d09822u, 0xc7d7a8b4u, 0x59b33d17u, 0x2eb40d81u,
        0xb7bd5c3bu, 0xc0ba6cadu, 0xedb88320u, 0x9abfb3b6u, 0x03b6e20cu, 0x74b1d29au, 0xead54739u,
        0x9dd277afu, 0x04db2615u, 0x73dc1683u, 0xe3630b12u, 0x94643b84u, 0x0d6d6a3eu, 0x7a6a5aa8u,
        0xe40ecf0bu, 0x9309ff9du, 0x0a00ae27u, 0x7d079eb1u, 0xf00f9344u, 0x8708a3d2u, 0x1e01f268u,
        0x6906c2feu, 0xf762575du, 0x806567cbu, 0x196c3671u, 0x6e6b06e7u, 0xfed41b76u, 0x89d32be0u,
        0x10da7a5au, 0x67dd4accu, 0xf9b9df6fu, 0x8ebeeff9u, 0x17b7be43u, 0x60b08ed5u, 0xd6d6a3e8u,
        0xa1d1937eu, 0x38d8c2c4u, 0x4fdff252u, 0xd1bb67f1u, 0xa6bc5767u, 0x3fb506ddu, 0x48b2364bu,
        0xd80d2bdau, 0xaf0a1b4cu, 0x36034af6u, 0x41047a60u, 0xdf60efc3u, 0xa867df55u, 0x316e8eefu,
        0x4669be79u, 0xcb61b38cu, 0xbc66831au, 0x256fd2a0u, 0x5268e236u, 0xcc0c7795u, 0xbb0b4703u,
        0x220216b9u, 0x5505262fu, 0xc5ba3bbeu, 0xb2bd0b28u, 0x2bb45a92u, 0x5cb36a04u, 0xc2d7ffa7u,
        0xb5d0cf31u, 0x2cd99e8bu, 0x5bdeae1du, 0x9b64c2b0u, 0xec63f226u, 0x756aa39cu, 0x026d930au,
        0x9c0906a9u, 0xeb0e363fu, 0x72076785u, 0x05005713u, 0x95bf4a82u, 0xe2b87a14u, 0x7bb12baeu,
        0x0cb61b38u, 0x92d28e9bu, 0xe5d5be0du, 0x7cdcefb7u, 0x0bdbdf21u, 0x86d3d2d4u, 0xf1d4e242u,
        0x68ddb3f8u, 0x1fda836eu, 0x81be16cdu, 0xf6b9265bu, 0x6fb077e1u, 0x18b74777u, 0x88085ae6u,
        0xff0f6a70u, 0x66063bcau, 0x11010b5cu, 0x8f659effu, 0xf862ae69u, 0x616bffd3u, 0x166ccf45u,
        0xa00ae278u, 0xd70dd2eeu, 0x4e048354u, 0x3903b3c2u, 0xa7672661u, 0xd06016f7u, 0x4969474du,
        0x3e6e77dbu, 0xaed16a4au, 0xd9d65adcu, 0x40df0b66u, 0x37d83bf0u, 0xa9bcae53u, 0xdebb9ec5u,
        0x47b2cf7fu, 0x30b5ffe9u, 0xbdbdf21cu, 0xcabac28au, 0x53b39330u, 0x24b4a3a6u, 0xbad03605u,
        0xcdd70693u, 0x54de5729u, 0x23d967bfu, 0xb3667a2eu, 0xc4614ab8u, 0x5d681b02u, 0x2a6f2b94u,
        0xb40bbe37u, 0xc30c8ea1u, 0x5a05df1bu, 0x2d02ef8du};
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = (c >> 8) ^ t[(c ^ p[i]) & 0xffu];
    return c ^ 0xffffffffu;
}

/* Little-endian stores and loads, independent of the host's byte order. */
static void put_u64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_u64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* Layout of format version 2, byte offsets. */
enum {
    OFF_MAGIC = 0,     /* "nps" */
    OFF_VERSION = 3,   /* 2 */
    OFF_FLAGS = 4,     /* uint32: NPS_STATE_FLAG_WEIGHTED, the other bits 0 */
    OFF_COUNT = 8,     /* 11 x int64: rows per score */
    OFF_WEIGHTED = 96, /* when weighted: 3 x int64, weighted rows per category */
    OFF_SUMS = 120,    /* then wsum[0..2], wsq[0..2]: int32 exp, uint32 inexact, limbs */
    SUM_BYTES = 8 + NPS_SUM_LIMBS * 8
};

/* Lowest and highest binary exponent a sum of a state may reach: weights
 * whose squares are finite, at most 2^62 of them. */
#define SUM_EXP_MIN (-2 * 1074 - 64)
#define SUM_EXP_MAX (1024 + 64)

static void put_u32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get_u32(const uint8_t *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)p[i] << (8 * i);
    return v;
}

/* The sum as written: canonical (R11). */
static nps_sum canonical(const nps_sum *x)
{
    nps_sum t = *x;
    nps_sum_canonical(&t);
    return t;
}

size_t nps_encode(const nps_state *s, uint8_t out[NPS_STATE_BYTES])
{
    int weighted = is_weighted(s);
    size_t len = weighted ? NPS_STATE_BYTES : NPS_STATE_BYTES_PLAIN;
    memset(out, 0, len);
    memcpy(out + OFF_MAGIC, "nps", 3);
    out[OFF_VERSION] = NPS_STATE_VERSION;
    put_u32(out + OFF_FLAGS, weighted ? NPS_STATE_FLAG_WEIGHTED : 0u);
    for (int i = 0; i < NPS_NSCORES; i++)
        put_u64(out + OFF_COUNT + 8 * i, (uint64_t)s->count[i]);
    if (weighted) {
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            put_u64(out + OFF_WEIGHTED + 8 * c, (uint64_t)s->weighted[c]);
        for (int k = 0; k < 2 * NPS_NCATEGORIES; k++) {
            nps_sum x = canonical(k < NPS_NCATEGORIES ? &s->wsum[k] : &s->wsq[k - 3]);
            uint8_t *p = out + OFF_SUMS + SUM_BYTES * k;
            put_u32(p, (uint32_t)x.exp);
            put_u32(p + 4, x.inexact);
            for (int i = 0; i < NPS_SUM_LIMBS; i++)
                put_u64(p + 8 + 8 * i, x.limb[i]);
        }
    }
    uint32_t crc = crc32_ieee(out, len - 4);
    put_u32(out + len - 4, crc);
    return len;
}

/* S^2 / Q of two sums, scale-free; 0 when Q is 0. */
static double square_ratio(const nps_sum *sum, const nps_sum *sq)
{
    int32_t es, eq;
    double ds = nps_sum_scaled(sum, &es), dq = nps_sum_scaled(sq, &eq);
    if (dq == 0.0)
        return 0.0;
    return scale2(ds * ds / dq, 2.0 * es - eq);
}

/* True when a read sum's fields are in range: an exponent a state can reach
 * (checked before anything shifts the sum) and a 0/1 inexact mark. */
static int sum_well_formed(const nps_sum *x)
{
    return x->inexact <= 1 && x->exp >= SUM_EXP_MIN && x->exp <= SUM_EXP_MAX;
}

/* True when the sums of category c are possible for its weighted rows:
 * both 0, or, weights w >= 0, sum w^2 <= (sum w)^2 <= k * sum w^2
 * (Cauchy-Schwarz), with room for the rounding of the comparison. */
static int sums_possible(const nps_state *s, int c)
{
    const nps_sum *sum = &s->wsum[c], *sq = &s->wsq[c];
    if (nps_sum_is_zero(sum) != nps_sum_is_zero(sq))
        return 0;
    if (nps_sum_is_zero(sum))
        return 1;
    double r = square_ratio(sum, sq);
    return r >= 1.0 - 1e-12 && r <= (double)s->weighted[c] * (1.0 + 1e-12);
}

/* Checks a decoded or parsed state must pass before use (R11): counts within
 * the row limit, sums in range and possible for their counts. */
static nps_status check_state(nps_state *s)
{
    int64_t rows[NPS_NCATEGORIES] = {0, 0, 0}, total = 0;
    for (int i = 0; i < NPS_NSCORES; i++)
        if (s->count[i] < 0 ||
            __builtin_add_overflow(rows[nps_category_of(i)], s->count[i],
                                   &rows[nps_category_of(i)]) ||
            __builtin_add_overflow(total, s->count[i], &total))
            return NPS_E_STATE_VALUE;
    if (total > NPS_MAX_ROWS)
        return NPS_E_STATE_VALUE;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        const nps_sum *sum = &s->wsum[c], *sq = &s->wsq[c];
        if (s->weighted[c] < 0 || s->weighted[c] > rows[c])
            return NPS_E_STATE_VALUE;
        if (!sum_well_formed(sum) || !sum_well_formed(sq))
            return NPS_E_STATE_VALUE;
        if (nps_sum_exponent(sum) >= 512 + 63 || nps_sum_exponent(sq) >= 1024 + 63)
            return NPS_E_STATE_VALUE;
        if (s->weighted[c] == 0 &&
            (!nps_sum_is_zero(sum) || !nps_sum_is_zero(sq) || sum->inexact || sq->inexact))
            return NPS_E_STATE_VALUE;
        if (!sums_possible(s, c))
            return NPS_E_STATE_VALUE;
    }
    s->rows = total;
    return NPS_OK;
}

/* True when a sum is in its canonical form (R11). */
static int is_canonical(const nps_sum *x)
{
    nps_sum t = canonical(x);
    return memcmp(&t, x, sizeof t) == 0;
}

nps_status nps_decode(const uint8_t *buf, size_t len, nps_state *out)
{
    if (len < OFF_COUNT)
        return NPS_E_STATE_LENGTH;
    if (memcmp(buf + OFF_MAGIC, "nps", 3) != 0)
        return NPS_E_STATE_MAGIC;
    if (buf[OFF_VERSION] != NPS_STATE_VERSION)
        return NPS_E_STATE_VERSION;
    uint32_t flags = get_u32(buf + OFF_FLAGS);
    if (flags & ~NPS_STATE_FLAG_WEIGHTED)
        return NPS_E_STATE_VERSION;
    int weighted = (flags & NPS_STATE_FLAG_WEIGHTED) != 0;
    if (len != (weighted ? NPS_STATE_BYTES : NPS_STATE_BYTES_PLAIN))
        return NPS_E_STATE_LENGTH;
    if (get_u32(buf + len - 4) != crc32_ieee(buf, len - 4))
        return NPS_E_STATE_CHECKSUM;
    nps_state s;
    nps_state_init(&s);
    for (int i = 0; i < NPS_NSCORES; i++)
        s.count[i] = (int64_t)get_u64(buf + OFF_COUNT + 8 * i);
    if (weighted) {
        for (int c = 0; c < NPS_NCATEGORIES; c++)
            s.weighted[c] = (int64_t)get_u64(buf + OFF_WEIGHTED + 8 * c);
        if (!is_weighted(&s))
            return NPS_E_STATE_VALUE;
        for (int k = 0; k < 2 * NPS_NCATEGORIES; k++) {
            nps_sum *x = k < NPS_NCATEGORIES ? &s.wsum[k] : &s.wsq[k - 3];
            const uint8_t *p = buf + OFF_SUMS + SUM_BYTES * k;
            x->exp = (int32_t)get_u32(p);
            x->inexact = get_u32(p + 4);
            for (int i = 0; i < NPS_SUM_LIMBS; i++)
                x->limb[i] = get_u64(p + 8 + 8 * i);
            /* the range first: canonical() moves the exponent */
            if (!sum_well_formed(x) || !is_canonical(x))
                return NPS_E_STATE_VALUE;
        }
    }
    nps_status st = check_state(&s);
    if (st == NPS_OK)
        *out = s;
    return st;
}

/* Append "name=a,b,c" of n integers. */
static size_t put_ints(char *buf, size_t cap, size_t len, const char *name, const int64_t *v, int n)
{
    for (int i = 0; i < n && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%lld", i ? "," : name, (long long)v[i]);
    return len;
}

/* A sum as text: the shortest decimal when it is exactly a double, else
 * 0x<hex digits>p<binary exponent>, exact; '~' first when it is inexact. */
static void format_sum(const nps_sum *x, char *buf, size_t cap)
{
    nps_sum t = canonical(x);
    size_t len = (size_t)snprintf(buf, cap, "%s", t.inexact ? "~" : "");
    int top = NPS_SUM_LIMBS - 1;
    while (top > 0 && t.limb[top] == 0)
        top--;
    if (top == 0 && t.limb[0] < (UINT64_C(1) << 53) && t.exp >= -1074 &&
        t.exp + 64 - __builtin_clzll(t.limb[0] | 1) <= 1024) {
        nps_format_double(ldexp((double)t.limb[0], t.exp), buf + len, cap - len);
        return;
    }
    len += (size_t)snprintf(buf + len, cap - len, "0x%llx", (unsigned long long)t.limb[top]);
    for (int i = top - 1; i >= 0 && len < cap; i--)
        len += (size_t)snprintf(buf + len, cap - len, "%016llx", (unsigned long long)t.limb[i]);
    if (len < cap)
        snprintf(buf + len, cap - len, "p%d", (int)t.exp);
}

/* Append "name=a,b,c" of n sums. */
static size_t put_sums(char *buf, size_t cap, size_t len, const char *name, const nps_sum *v, int n)
{
    for (int i = 0; i < n && len < cap; i++) {
        char num[NPS_SUM_LIMBS * 16 + 32];
        format_sum(&v[i], num, sizeof num);
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", i ? "," : name, num);
    }
    return len;
}

void nps_state_to_text(const nps_state *s, char *buf, size_t cap)
{
    size_t len = put_ints(buf, cap, 0, "scores=", s->count, NPS_NSCORES);
    if (is_weighted(s)) {
        len = put_ints(buf, cap, len, " weighted=", s->weighted, NPS_NCATEGORIES);
        len = put_sums(buf, cap, len, " wsum=", s->wsum, NPS_NCATEGORIES);
        put_sums(buf, cap, len, " wsq=", s->wsq, NPS_NCATEGORIES);
    }
}

/* Read one non-negative integer at *q into ((int64_t *)v)[i]; advances *q. */
static int read_int(const char **q, void *v, int i)
{
    if (**q < '0' || **q > '9')
        return 0;
    int64_t x = 0;
    for (; **q >= '0' && **q <= '9'; (*q)++)
        if (__builtin_mul_overflow(x, 10, &x) || __builtin_add_overflow(x, **q - '0', &x))
            return 0;
    ((int64_t *)v)[i] = x;
    return 1;
}

/* Value of a hex digit, or -1. */
static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Read the hex form of a sum, 0x<digits>p<exponent>, at *q into x. */
static int read_hex_sum(const char **q, nps_sum *x)
{
    const char *p = *q + 2;
    int digits = 0;
    for (; hex_digit(*p) >= 0; p++, digits++) {
        if (x->limb[NPS_SUM_LIMBS - 1] >> 60)
            return 0; /* more digits than a sum holds */
        for (int i = NPS_SUM_LIMBS - 1; i > 0; i--)
            x->limb[i] = (x->limb[i] << 4) | (x->limb[i - 1] >> 60);
        x->limb[0] = (x->limb[0] << 4) | (uint64_t)hex_digit(*p);
    }
    if (digits == 0 || *p++ != 'p')
        return 0;
    int negative = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    long e = 0;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((e = e * 10 + (*p - '0')) > 100000)
            return 0;
    x->exp = (int32_t)(negative ? -e : e);
    *q = p;
    return 1;
}

/* Read one sum at *q into ((nps_sum *)v)[i]: a decimal number, or the exact
 * hex form, '~' first when inexact; advances *q. */
static int read_sum(const char **q, void *v, int i)
{
    nps_sum *x = &((nps_sum *)v)[i];
    memset(x, 0, sizeof *x);
    if (**q == '~') {
        x->inexact = 1;
        (*q)++;
    }
    if ((*q)[0] == '0' && ((*q)[1] == 'x' || (*q)[1] == 'X'))
        return read_hex_sum(q, x);
    char num[40];
    size_t k = 0;
    while (k < sizeof num - 1 && ((**q >= '0' && **q <= '9') || **q == '.' || **q == 'e' ||
                                  **q == 'E' || **q == '+' || **q == '-'))
        num[k++] = *(*q)++;
    num[k] = '\0';
    /* strtod reads the locale's decimal point; the text form always has '.'. */
    const char *point = localeconv()->decimal_point;
    char *dot = strchr(num, '.');
    if (dot != NULL && point != NULL && point[0] != '\0' && point[1] == '\0')
        *dot = point[0];
    char *end;
    double d = strtod(num, &end);
    if (k == 0 || *end != '\0' || !isfinite(d) || d < 0.0)
        return 0;
    nps_sum_add(x, d, 1);
    return 1;
}

/* Parse "name=" followed by n comma-separated items, each read by read_one
 * into v; advances *p. */
static int parse_list(const char **p, const char *name, int n,
                      int (*read_one)(const char **, void *, int), void *v)
{
    size_t nl = strlen(name);
    if (strncmp(*p, name, nl) != 0)
        return 0;
    const char *q = *p + nl;
    for (int i = 0; i < n; i++)
        if ((i && *q++ != ',') || !read_one(&q, v, i))
            return 0;
    *p = q;
    return 1;
}

nps_status nps_state_from_text(const char *text, nps_state *out)
{
    nps_state s;
    nps_state_init(&s);
    const char *p = text;
    while (is_blank(*p))
        p++;
    if (!parse_list(&p, "scores=", NPS_NSCORES, read_int, s.count))
        return NPS_E_STATE_TEXT;
    if (*p == ' ' && p[1] == 'w') {
        if (!parse_list(&p, " weighted=", NPS_NCATEGORIES, read_int, s.weighted) ||
            !parse_list(&p, " wsum=", NPS_NCATEGORIES, read_sum, s.wsum) ||
            !parse_list(&p, " wsq=", NPS_NCATEGORIES, read_sum, s.wsq))
            return NPS_E_STATE_TEXT;
    }
    while (is_blank(*p))
        p++;
    if (*p != '\0')
        return NPS_E_STATE_TEXT;
    for (int c = 0; c < NPS_NCATEGORIES; c++) {
        nps_sum_canonical(&s.wsum[c]);
        nps_sum_canonical(&s.wsq[c]);
    }
    if (check_state(&s) != NPS_OK)
        return NPS_E_STATE_TEXT;
    *out = s;
    return NPS_OK;
}

void nps_format_double(double v, char *buf, size_t cap)
{
    char tmp[40];
    if (isnan(v)) {
        snprintf(buf, cap, "NaN");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, cap, v > 0 ? "Infinity" : "-Infinity");
        return;
    }
    /* Fewest significant digits that read back exactly, then PostgreSQL's
     * layout: plain decimals for exponents -4..14, scientific otherwise. */
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
    const char *e = strchr(tmp, 'e');
    int exp10 = e != NULL ? atoi(e + 1) : 0;
    if (exp10 >= -4 && exp10 < 15)
        snprintf(tmp, sizeof tmp, "%.*f", prec - 1 - exp10 > 0 ? prec - 1 - exp10 : 0, v);
    /* The decimal point of the C library's locale is not always '.'. */
    for (char *p = tmp; *p; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == 'e'))
            *p = '.';
    snprintf(buf, cap, "%s", tmp);
}

void nps_render_int(int64_t v, char *buf, size_t cap)
{
    snprintf(buf, cap, "%lld", (long long)v);
}

void nps_render_double(double v, char *buf, size_t cap)
{
    nps_format_double(v, buf, cap);
}

void nps_render_text(const char *text, size_t len, char *buf, size_t cap)
{
    size_t limit = 40, out = 0;
    int cut = len > limit;
    if (cut) {
        len = limit;
        while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
            len--; /* do not split a UTF-8 sequence */
    }
    if (cap < 8) {
        if (cap > 0)
            buf[0] = '\0';
        return;
    }
    buf[out++] = '\'';
    for (size_t i = 0; i < len; i++) {
        size_t need = text[i] == '\'' ? 2 : 1;
        if (out + need + 5 > cap) { /* room for "...'" and the NUL */
            cut = 1;
            break;
        }
        if (text[i] == '\'')
            buf[out++] = '\'';
        /* a control byte (a NUL would end the message) shows as '?' */
        buf[out++] = (unsigned char)text[i] < 0x20 ? '?' : text[i];
    }
    if (cut)
        for (int k = 0; k < 3; k++)
            buf[out++] = '.';
    buf[out++] = '\'';
    buf[out] = '\0';
}

void nps_render_number(const char *text, size_t len, char *buf, size_t cap)
{
    if (len <= 40) {
        snprintf(buf, cap, "%.*s", (int)len, text);
        return;
    }
    snprintf(buf, cap, "%.18s...%.18s", text, text + len - 18);
}

void nps_message(char *buf, size_t cap, nps_status st, const char *fn, const char *value)
{
    if ((unsigned)st >= NPS_STATUS_COUNT)
        st = NPS_E_SCORE_TYPE;
    snprintf(buf, cap, messages[st].text, fn, value ? value : "");
}

const char *nps_sqlstate(nps_status st)
{
    return (unsigned)st < NPS_STATUS_COUNT ? messages[st].sqlstate : "22023";
}

/* ------------------------------------------------------------------------
 * The programme toolkit (P1-P4).
 * ------------------------------------------------------------------------ */

const char *nps_category_name(int category)
{
    return category >= 0 && category < NPS_NCATEGORIES ? category_names[category] : "";
}

nps_status nps_followup_question(int64_t score, const char *lang, size_t lang_len,
                                 const char **question)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    int k = language_index(lang, lang_len);
    if (k < 0)
        return NPS_E_LANG;
    /* questions[] lists the languages of labels[] in the same order */
    *question = questions[k].question[nps_category_of(score)];
    return NPS_OK;
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
        while (start < end && is_blank(text[start]))
            start++;
        while (end > start && is_blank(text[end - 1]))
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

/* One step of FNV-1a 64 over n bytes. */
static uint64_t fnv1a(uint64_t h, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int64_t nps_sample_key(const char *key, size_t key_len, const char *seed, size_t seed_len)
{
    static const uint8_t separator = 0xff;
    uint64_t x = 0xcbf29ce484222325ULL;
    x = fnv1a(x, (const uint8_t *)seed, seed_len);
    x = fnv1a(x, &separator, 1);
    x = fnv1a(x, (const uint8_t *)key, key_len);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return (int64_t)(x >> 1);
}

/* Simple lower case of one code point (P2); the code point itself if none. */
static uint32_t lower_of(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 0x20 : c;
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB && c != 0x3A2) ||
        (c >= 0x410 && c <= 0x42F) || (c >= 0xFF21 && c <= 0xFF3A))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    /* Latin Extended-A: pairs, upper case even or odd by block */
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
        return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
        return c % 2 == 1 ? c + 1 : c;
    if (c == 0x130)
        return 'i';
    if (c == 0x178)
        return 0xFF;
    /* Greek with tonos */
    if (c == 0x386)
        return 0x3AC;
    if (c >= 0x388 && c <= 0x38A)
        return c + 37;
    if (c == 0x38C)
        return 0x3CC;
    if (c == 0x38E || c == 0x38F)
        return c + 63;
    /* the rest of the Greek block */
    if (c == 0x370 || c == 0x372 || c == 0x376 || (c >= 0x3D8 && c <= 0x3EF) || c == 0x3FA)
        return c % 2 == 0 ? c + 1 : c;
    if (c >= 0x3FD && c <= 0x3FF)
        return c - 130;
    switch (c) {
    case 0x37F:
        return 0x3F3;
    case 0x3CF:
        return 0x3D7;
    case 0x3F4:
        return 0x3B8;
    case 0x3F7:
        return 0x3F8;
    case 0x3F9:
        return 0x3F2;
    default:
        break;
    }
    /* Cyrillic supplement pairs */
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F))
        return c % 2 == 0 ? c + 1 : c;
    if (c == 0x4C0)
        return 0x4CF;
    if (c >= 0x4C1 && c <= 0x4CE)
        return c % 2 == 1 ? c + 1 : c;
    /* Latin Extended Additional (Vietnamese and others), capital sharp s */
    if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
        return c % 2 == 0 ? c + 1 : c;
    if (c == 0x1E9E)
        return 0xDF;
    return c;
}

/* Decode one UTF-8 sequence at p (n bytes left): its code point and length,
 * or length 0 when the bytes are not well-formed UTF-8. */
static size_t utf8_decode(const uint8_t *p, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t c, min;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    if ((p[0] & 0xE0) == 0xC0) {
        len = 2, c = p[0] & 0x1F, min = 0x80;
    } else if ((p[0] & 0xF0) == 0xE0) {
        len = 3, c = p[0] & 0x0F, min = 0x800;
    } else if ((p[0] & 0xF8) == 0xF0) {
        len = 4, c = p[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

/* Encode a code point as UTF-8 into out; returns its length. */
static size_t utf8_encode(uint32_t c, uint8_t *out)
{
    if (c < 0x80) {
        out[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (uint8_t)(0xC0 | (c >> 6));
        out[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (c >> 12));
        out[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (c >> 18));
    out[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

size_t nps_casefold(const char *in, size_t len, char *out)
{
    const uint8_t *p = (const uint8_t *)in;
    uint8_t *q = (uint8_t *)out;
    size_t i = 0, o = 0;
    while (i < len) {
        uint32_t c;
        size_t n = utf8_decode(p + i, len - i, &c);
        if (n == 0) { /* not UTF-8: the byte as it is */
            q[o++] = p[i++];
            continue;
        }
        /* every mapping of lower_of() is at most as long as its source */
        o += utf8_encode(lower_of(c), q + o);
        i += n;
    }
    return o;
}

void nps_render_column(const char *column, size_t column_len, const char *table, size_t table_len,
                       char *buf, size_t cap)
{
    char c[NPS_VALUE_MAX], t[NPS_VALUE_MAX];
    nps_render_text(column, column_len, c, sizeof c);
    nps_render_text(table, table_len, t, sizeof t);
    snprintf(buf, cap, "%s in table %s", c, t);
}
