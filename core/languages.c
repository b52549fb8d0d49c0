/* languages.c -- category labels and follow-up questions per language (R2, P3). */
#include "nps.h"

#include <string.h>

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
