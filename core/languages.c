/* languages.c -- category labels and follow-up questions, one row a language (R2, P3). */
#include "nps.h"

#include <string.h>

/* One row a language: X(code, the labels of a detractor, a passive and a
 * promoter, then the follow-up question to each).  Everything that names the
 * languages is made from these rows. */
/* clang-format off */
#define LANGUAGES(X) \
    X("en", "detractor", "passive", "promoter", \
      "We are sorry to hear that. What went wrong, and what could we do better?", \
      "Thank you! What would make it a 10 for you?", \
      "Thank you! What do you value most about us?") \
    X("zh", "贬损者", "被动者", "推荐者", \
      "很抱歉给您带来不好的体验。哪里出了问题？我们可以如何改进？", \
      "谢谢！怎样才能让您打 10 分？", \
      "谢谢！您最看重我们的哪一点？") \
    X("pl", "krytyk", "neutralny", "promotor", \
      "Przykro nam. Co poszło nie tak i co możemy poprawić?", \
      "Dziękujemy! Co musielibyśmy zrobić, aby zasłużyć na 10?", \
      "Dziękujemy! Co cenisz w nas najbardziej?") \
    X("th", "ผู้ไม่สนับสนุน", "ผู้เฉยๆ", "ผู้สนับสนุน", \
      "ขออภัยในประสบการณ์ที่ไม่ดี เกิดปัญหาอะไรขึ้น และเราควรปรับปรุงอะไรบ้าง", \
      "ขอบคุณ! เราต้องทำอย่างไรจึงจะได้คะแนน 10 จากคุณ", \
      "ขอบคุณ! คุณชื่นชอบอะไรในตัวเรามากที่สุด") \
    X("de", "Kritiker", "Passiver", "Promotor", \
      "Das tut uns leid. Was ist schiefgelaufen, und was können wir besser machen?", \
      "Danke! Was würde es für Sie zu einer 10 machen?", \
      "Danke! Was schätzen Sie an uns am meisten?") \
    X("es", "detractor", "pasivo", "promotor", \
      "Lamentamos oír eso. ¿Qué salió mal y qué podríamos mejorar?", \
      "¡Gracias! ¿Qué haría falta para que nos dieras un 10?", \
      "¡Gracias! ¿Qué es lo que más valoras de nosotros?") \
    X("fr", "détracteur", "passif", "promoteur", \
      "Nous en sommes désolés. Qu'est-ce qui n'a pas fonctionné, et que pourrions-nous " \
      "améliorer ?", \
      "Merci ! Que faudrait-il pour que vous nous donniez 10 ?", \
      "Merci ! Qu'appréciez-vous le plus chez nous ?") \
    X("ja", "批判者", "中立者", "推奨者", \
      "ご不便をおかけして申し訳ありません。何が問題でしたか？どのような点を改善すべきでしょうか？", \
      "ありがとうございます！10点をつけていただくには、何が必要でしょうか？", \
      "ありがとうございます！私たちのどのような点を最も評価していただいていますか？")
/* clang-format on */

/* A language, as its row says. */
typedef struct {
    const char *code;
    const char *label[NPS_NCATEGORIES];    /* by category, NPS_DETRACTOR first */
    const char *question[NPS_NCATEGORIES]; /* likewise (P3) */
} language;

#define LANGUAGE_ROW(code, d, pa, pr, qd, qpa, qpr) {code, {d, pa, pr}, {qd, qpa, qpr}},
static const language languages[] = {LANGUAGES(LANGUAGE_ROW)};

/* The codes as one string, each after ", ": nps_languages() skips the first ", ". */
#define LANGUAGE_CODE(code, ...) ", " code
static const char codes[] = LANGUAGES(LANGUAGE_CODE);

/* language_of() compares two letters. */
#define LANGUAGE_CODE_CHECK(code, ...) _Static_assert(sizeof code == 3, "a code is two letters");
LANGUAGES(LANGUAGE_CODE_CHECK)

/* The language of a code (case-insensitive), or NULL. */
static const language *language_of(const char *lang, size_t lang_len)
{
    for (size_t k = 0; k < sizeof languages / sizeof languages[0]; k++) {
        const char *code = languages[k].code;
        if (lang_len == strlen(code) && (lang[0] | 0x20) == code[0] && (lang[1] | 0x20) == code[1])
            return &languages[k];
    }
    return NULL;
}

/* Check a score and find a language: what both lookups of a row begin with. */
static nps_status find(int64_t score, const char *lang, size_t lang_len, const language **row)
{
    if ((uint64_t)score > 10u)
        return NPS_E_SCORE_RANGE;
    *row = language_of(lang, lang_len);
    return *row != NULL ? NPS_OK : NPS_E_LANG;
}

nps_status nps_category_label(int64_t score, const char *lang, size_t lang_len, const char **label)
{
    const language *row;
    nps_status st = find(score, lang, lang_len, &row);
    if (st == NPS_OK)
        *label = row->label[nps_category_of(score)];
    return st;
}

const char *nps_languages(void)
{
    return codes + 2;
}

nps_status nps_followup_question(int64_t score, const char *lang, size_t lang_len,
                                 const char **question)
{
    const language *row;
    nps_status st = find(score, lang, lang_len, &row);
    if (st == NPS_OK)
        *question = row->question[nps_category_of(score)];
    return st;
}
