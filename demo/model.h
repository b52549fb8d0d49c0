/*
 * model.h -- the sample programme's model, shared by the demo's generator
 * (demo/gen.c) and the programme benchmark's (bench/programme/gen.c): the
 * calendar of the two years, a fixed-seed random stream, the segments and
 * their effects on the score, the comments in eight languages and the team's
 * follow-up times.  Only integer and IEEE double arithmetic (+, -, *, /,
 * comparisons), no libm, so every machine draws the same numbers.
 */
#ifndef NPS_DEMO_MODEL_H
#define NPS_DEMO_MODEL_H

#include <stdint.h>
#include <stdlib.h>

#define NDAYS 730 /* 2024-12-01 .. 2026-11-30 */
#define OUTAGE_FIRST 277 /* 2025-09-04 */
#define OUTAGE_LAST 295  /* 2025-09-22 */
#define LAUNCH_FIRST 455 /* 2026-03-01: feature launch survey opens */
#define LAUNCH_LAST 546  /* 2026-05-31 */
/* "Now" of the follow-up log: 2026-12-01 09:00, in seconds since 2024-12-01. */
#define LOG_NOW ((long)NDAYS * 86400 + 9 * 3600)

/* splitmix64 state: the whole programme draws from one stream. */
typedef struct rng {
    uint64_t s;
} rng;

/* Next 64 random bits (splitmix64). */
static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform double in [0, 1). */
static double rng_unit(rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform integer in [0, n). */
static int rng_below(rng *r, int n)
{
    return (int)(rng_unit(r) * n);
}

/* Index drawn with probability proportional to weights[i]. */
static int rng_pick(rng *r, const int *weights, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += weights[i];
    int x = rng_below(r, total);
    for (int i = 0; i < n; i++) {
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    return n - 1;
}

enum { R_NA, R_EMEA, R_LATAM, R_APAC, R_ME, NREGIONS };
static const char *const region_name[NREGIONS] = {"North America", "EMEA", "LATAM", "APAC",
                                                  "Middle East"};
static const int region_weight[NREGIONS] = {350, 330, 140, 176, 4};
/* Latent-score effect of each region; APAC's is a trend (see region_effect). */
static const double region_shift[NREGIONS] = {0.35, 0.05, -0.15, 0.0, -0.2};

enum { P_FREE, P_PRO, P_ENTERPRISE, NPLANS };
static const char *const plan_name[NPLANS] = {"free", "pro", "enterprise"};
static const int plan_weight[NPLANS] = {45, 40, 15};
static const double plan_shift[NPLANS] = {-0.35, 0.05, 0.4};
/* Survey weight in thousandths: free users answer least, so weigh most. */
static const int plan_svy_weight[NPLANS] = {1300, 950, 700};

enum { C_EMAIL, C_INAPP, C_SMS, C_WEB, NCHANNELS };
static const char *const channel_name[NCHANNELS] = {"email", "in-app", "sms", "web"};
static const double channel_shift[NCHANNELS] = {0.0, 0.35, -0.6, -0.1};
static const double channel_angry[NCHANNELS] = {0.0, -0.01, 0.04, 0.01};
/* Chance, in thousandths, that an invitation on a channel is answered. */
static const int channel_response[NCHANNELS] = {410, 520, 290, 370};

enum { K_REL, K_SUPPORT, K_ONBOARD, K_RENEW, K_LAUNCH, NCAMPAIGNS };
static const char *const campaign_name[NCAMPAIGNS] = {
    "relationship", "support_ticket_closed", "onboarding_day30", "renewal", "feature_launch"};
static const int campaign_weight[NCAMPAIGNS] = {40, 30, 18, 8, 4};
static const double campaign_shift[NCAMPAIGNS] = {0.0, -0.15, 0.25, -0.2, 0.2};
static const int campaign_channels[NCAMPAIGNS][NCHANNELS] = {
    /* email, in-app, sms, web */
    {50, 25, 5, 20}, {55, 0, 35, 10}, {40, 60, 0, 0}, {90, 0, 0, 10}, {30, 70, 0, 0},
};

enum { L_EN, L_DE, L_ES, L_PL, L_FR, L_ZH, L_JA, L_TH, NLANGS };
static const char *const lang_code[NLANGS] = {"en", "de", "es", "pl", "fr", "zh", "ja", "th"};
static const int region_langs[NREGIONS][NLANGS] = {
    /* en, de, es, pl, fr, zh, ja, th */
    {90, 0, 10, 0, 0, 0, 0, 0},   {40, 25, 10, 15, 10, 0, 0, 0}, {15, 0, 85, 0, 0, 0, 0, 0},
    {15, 0, 0, 0, 0, 40, 20, 25}, {75, 0, 0, 0, 25, 0, 0, 0},
};

/* Comment themes: detractor, passive and promoter texts. */
enum {
    T_PRICE,
    T_SUPPORT,
    T_BUGS,
    T_SLOW,
    T_OUTAGE,
    T_P_PRICE,
    T_P_MOBILE,
    T_P_SETUP,
    T_GREAT,
    T_FAST_SUPPORT,
    T_EASY,
    T_RELIABLE,
    NTHEMES
};

/* Topic a text-analytics tool would tag each theme with. */
static const char *const theme_topic[NTHEMES] = {"price",  "support", "bugs",        "speed",
                                                 "outage", "price",   "mobile",      "setup",
                                                 "value",  "support", "ease of use", "reliability"};

static const char *const comments[NLANGS][NTHEMES] = {
    {"Too expensive for what it does.", "Support took days to answer my ticket.",
     "Too many bugs since the last update.", "The app is slow, pages take ages to load.",
     "Support was unreachable during the outage, no reply for a week.",
     "It does the job, but the price keeps going up.", "Good product, the mobile app needs work.",
     "Fine overall; setup was more complicated than expected.",
     "Great product, saves our team hours every week.", "Support is fast and friendly.",
     "Easy to use, we recommend it to everyone.",
     "Reliable and well designed; the new reports are excellent."},
    {"Zu teuer für das, was es kann.",
     "Der Support hat tagelang nicht auf mein Ticket geantwortet.",
     "Seit dem letzten Update zu viele Fehler.", "Die App ist langsam, Seiten laden ewig.",
     "Während des Ausfalls war der Support nicht erreichbar, eine Woche keine Antwort.",
     "Erfüllt seinen Zweck, aber der Preis steigt ständig.",
     "Gutes Produkt, die mobile App muss besser werden.",
     "Insgesamt in Ordnung, die Einrichtung war komplizierter als erwartet.",
     "Tolles Produkt, spart unserem Team jede Woche Stunden.",
     "Der Support ist schnell und freundlich.", "Einfach zu bedienen, wir empfehlen es allen.",
     "Zuverlässig und durchdacht, die neuen Berichte sind hervorragend."},
    {"Demasiado caro para lo que ofrece.", "El soporte tardó días en responder a mi ticket.",
     "Demasiados errores desde la última actualización.",
     "La aplicación es lenta, las páginas tardan muchísimo en cargar.",
     "Durante la caída no hubo forma de contactar con soporte; una semana sin respuesta.",
     "Cumple su función, pero el precio no para de subir.",
     "Buen producto, la app móvil necesita mejorar.",
     "Bien en general; la configuración fue más complicada de lo esperado.",
     "Excelente producto, ahorra horas a nuestro equipo cada semana.",
     "El soporte es rápido y amable.", "Fácil de usar, se lo recomendamos a todo el mundo.",
     "Fiable y bien diseñado; los nuevos informes son excelentes."},
    {"Za drogo jak na to, co oferuje.", "Wsparcie odpowiadało na moje zgłoszenie kilka dni.",
     "Za dużo błędów od ostatniej aktualizacji.", "Aplikacja jest wolna, strony ładują się wieki.",
     "Podczas awarii nie dało się skontaktować z pomocą techniczną, tydzień bez odpowiedzi.",
     "Spełnia swoje zadanie, ale cena ciągle rośnie.",
     "Dobry produkt, aplikacja mobilna wymaga poprawy.",
     "Ogólnie w porządku; konfiguracja była trudniejsza, niż się spodziewałem.",
     "Świetny produkt, oszczędza naszemu zespołowi wiele godzin tygodniowo.",
     "Wsparcie jest szybkie i uprzejme.", "Łatwy w obsłudze, polecamy go wszystkim.",
     "Niezawodny i dobrze zaprojektowany; nowe raporty są znakomite."},
    {"Trop cher pour ce que ça fait.", "Le support a mis plusieurs jours à répondre à mon ticket.",
     "Trop de bugs depuis la dernière mise à jour.",
     "L'application est lente, les pages mettent une éternité à charger.",
     "Support injoignable pendant la panne, aucune réponse pendant une semaine.",
     "Ça fait le travail, mais le prix ne cesse d'augmenter.",
     "Bon produit, l'application mobile doit être améliorée.",
     "Correct dans l'ensemble ; la mise en place a été plus compliquée que prévu.",
     "Excellent produit, il fait gagner des heures à notre équipe chaque semaine.",
     "Le support est rapide et sympathique.",
     "Facile à utiliser, nous le recommandons à tout le monde.",
     "Fiable et bien conçu ; les nouveaux rapports sont excellents."},
    {"太贵了，功能不值这个价。", "客服好几天才回复我的工单。", "上次更新后问题太多。",
     "应用很慢，页面加载要很久。", "故障期间联系不上客服，一周都没人回复。",
     "能用，但价格一直在涨。", "产品不错，手机应用还需改进。", "总体还行，配置比预想的复杂。",
     "非常好的产品，每周为团队节省好几个小时。", "客服响应快，态度好。",
     "简单易用，我们向所有人推荐。", "稳定可靠，新的报表功能很棒。"},
    {"機能の割に高すぎます。", "サポートからチケットの返信が来るまで何日もかかりました。",
     "前回のアップデート以降、不具合が多すぎます。",
     "アプリが遅く、ページの読み込みに時間がかかります。",
     "障害中はサポートに連絡がつかず、一週間返信がありませんでした。",
     "役には立ちますが、価格が上がり続けています。",
     "良い製品ですが、モバイルアプリは改善が必要です。",
     "全体的には問題ありませんが、設定が思ったより複雑でした。",
     "素晴らしい製品で、チームの作業時間を毎週何時間も節約できます。", "サポートが迅速で親切です。",
     "使いやすく、誰にでもおすすめします。",
     "安定していて設計も良く、新しいレポート機能が素晴らしいです。"},
    {"แพงเกินไปเมื่อเทียบกับสิ่งที่ได้", "ฝ่ายซัพพอร์ตใช้เวลาหลายวันกว่าจะตอบทิกเก็ตของฉัน", "มีบั๊กเยอะมากหลังอัปเดตล่าสุด",
     "แอปช้า หน้าเว็บโหลดนานมาก", "ช่วงระบบล่ม ติดต่อฝ่ายซัพพอร์ตไม่ได้เลย ไม่มีใครตอบเป็นสัปดาห์",
     "ใช้งานได้ แต่ราคาขึ้นเรื่อย ๆ", "ผลิตภัณฑ์ดี แต่แอปมือถือยังต้องปรับปรุง", "โดยรวมโอเค แต่การตั้งค่ายุ่งยากกว่าที่คิด",
     "ผลิตภัณฑ์ยอดเยี่ยม ช่วยให้ทีมเราประหยัดเวลาได้หลายชั่วโมงทุกสัปดาห์", "ฝ่ายซัพพอร์ตตอบเร็วและเป็นมิตร",
     "ใช้งานง่าย เราแนะนำให้ทุกคน", "เสถียรและออกแบบมาดี รายงานใหม่ยอดเยี่ยมมาก"},
};

/* A customer who can be invited. */
typedef struct contact {
    int region, plan, lang;
} contact;

/* Day number since 2024-12-01 to a calendar date. */
static void day_to_date(int day, int *y, int *m, int *d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int yy = 2024, mm = 12;
    for (;;) {
        int len = mdays[mm - 1] + (mm == 2 && yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0));
        if (day < len)
            break;
        day -= len;
        if (++mm > 12) {
            mm = 1;
            yy++;
        }
    }
    *y = yy;
    *m = mm;
    *d = day + 1;
}

/* Latent-score effect of a region on a day: APAC improves steadily. */
static double region_effect(int region, int day)
{
    if (region == R_APAC)
        return -1.3 + 1.9 * day / (NDAYS - 1);
    return region_shift[region];
}

/* Score 0..10 for one answer, from everything known about it. */
static int draw_score(rng *r, const contact *c, int campaign, int channel, int day)
{
    double mu = 8.55 + region_effect(c->region, day) + plan_shift[c->plan] +
                channel_shift[channel] + campaign_shift[campaign];
    double angry = 0.07 + channel_angry[channel];
    if (day >= OUTAGE_FIRST && day <= OUTAGE_LAST) {
        mu -= campaign == K_SUPPORT ? 1.9 : 1.1;
        angry += campaign == K_SUPPORT ? 0.3 : 0.16;
    }
    if (rng_unit(r) < angry) {
        static const int low[7] = {22, 10, 12, 14, 12, 18, 12};
        return rng_pick(r, low, 7);
    }
    /* Sum of four uniforms: a bell curve without libm. */
    double noise = rng_unit(r) + rng_unit(r) + rng_unit(r) + rng_unit(r) - 2.0;
    double latent = mu + 3.0 * noise + 0.5;
    if (latent < 0)
        return 0;
    if (latent >= 10)
        return 10;
    return (int)latent;
}

/* Comment theme fitting a score and its circumstances; -1 for none. */
static int draw_theme(rng *r, const contact *c, int campaign, int score, int day)
{
    if (score < 0)
        return -1;
    if (score <= 6) {
        if (rng_unit(r) >= 0.7)
            return -1;
        if (day >= OUTAGE_FIRST && day <= OUTAGE_LAST + 7 && rng_unit(r) < 0.75)
            return T_OUTAGE;
        int w[4] = {c->plan == P_FREE ? 40 : 20, campaign == K_SUPPORT ? 50 : 20, 20, 15};
        return T_PRICE + rng_pick(r, w, 4);
    }
    if (score <= 8) {
        if (rng_unit(r) >= 0.4)
            return -1;
        return T_P_PRICE + rng_below(r, 3);
    }
    if (rng_unit(r) >= 0.55)
        return -1;
    int w[4] = {30, campaign == K_SUPPORT ? 60 : 15, 30, 25};
    return T_GREAT + rng_pick(r, w, 4);
}

/* Seconds from invitation to answer: most within hours, some days later. */
static long draw_delay(rng *r)
{
    double u = rng_unit(r);
    if (u < 0.6)
        return 60 + rng_below(r, 2 * 3600);
    if (u < 0.9)
        return 2 * 3600 + rng_below(r, 22 * 3600);
    return 86400 + rng_below(r, 5 * 86400);
}

static const char *const agents[] = {"ana", "ben", "chen", "dora"};

/* Seconds from an event to the team's next step, drawn from a mix of a fast,
 * a slow and a very slow share (percent), each uniform over its hours. */
static long draw_hours(rng *r, int fast, int slow, const int hours[4])
{
    int u = rng_below(r, 100);
    int lo = u < fast ? hours[0] : u < fast + slow ? hours[1] : hours[2];
    int hi = u < fast ? hours[1] : u < fast + slow ? hours[2] : hours[3];
    return (long)lo * 3600 + rng_below(r, (hi - lo) * 3600);
}

/* How the team followed up one detractor: the agent, whether each step
 * happened, and when (seconds since 2024-12-01; a step later than LOG_NOW
 * had not happened yet).  Slower and patchier while the outage floods the
 * queue. */
typedef struct followup_log {
    const char *agent;
    int reached, resolved, informed;
    long contacted, resolved_at, informed_at;
} followup_log;

/* Draw the follow-up of a detractor who answered at `answered`. */
static followup_log draw_followup(rng *r, long answered)
{
    static const int normal[4] = {1, 20, 30, 96}, outage[4] = {1, 20, 48, 168};
    static const int resolve[4] = {1, 24, 72, 240}, inform[4] = {1, 8, 24, 72};
    followup_log f;
    int day = (int)(answered / 86400);
    int busy = day >= OUTAGE_FIRST && day <= OUTAGE_LAST + 7;
    f.agent = agents[rng_below(r, 4)];
    f.reached = rng_below(r, 100) < (busy ? 85 : 95);
    f.resolved = f.reached && rng_below(r, 100) < 85;
    f.informed = f.resolved && rng_below(r, 100) < 90;
    f.contacted = answered + (busy ? draw_hours(r, 40, 30, outage) : draw_hours(r, 80, 12, normal));
    f.resolved_at = f.contacted + draw_hours(r, 60, 30, resolve);
    f.informed_at = f.resolved_at + draw_hours(r, 70, 25, inform);
    return f;
}

/* Compare two seconds-of-day for qsort. */
static int by_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* The send times of a day's n invitations, seconds of the day from 07:00
 * to 21:00, in order. */
static void send_times(rng *r, long *times, long n)
{
    for (long i = 0; i < n; i++)
        times[i] = 7 * 3600 + rng_below(r, 14 * 3600);
    qsort(times, (size_t)n, sizeof times[0], by_long);
}

#endif
