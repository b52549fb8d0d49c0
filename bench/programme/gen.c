/*
 * gen.c -- a deterministic NPS programme of any size for the programme
 * benchmark (bench/programme/run.sh), in the shape of the demo's
 * (demo/model.h: the same two years, segments, score model, comments in
 * eight languages and follow-up times), written as CSV files that both
 * engines load as they are.
 *
 * Usage: gen RESPONSES DIR [NEW]
 *
 * RESPONSES is the nominal size: about that many responses to 5/2 as many
 * invitations (the demo's response rate of about 41%), sent to 3/4 as many
 * contacts in 1/10 as many accounts.  DIR receives
 *
 *   accounts.csv          account_id, name, region, plan
 *   contacts.csv          contact_id, lang, referral_consent, opted_out
 *                         (the columns of nps_contacts; 0/1 flags)
 *   contact_accounts.csv  contact_id, account_id
 *   invitations.csv       id, contact_id, campaign, channel, sent_at
 *   responses.csv         id, contact_id, responded_at, campaign, channel,
 *                         score, comment, lang (the columns of nps_responses)
 *   followups.csv         the columns of nps_followups: one per detractor,
 *                         as the demo's team followed them up
 *   referral_asks.csv     id, contact_id, asked_at, kind, channel
 *   new_responses.csv     NEW responses (100,000 by default) to write after
 *                         the history, on the morning of 2026-12-01, a fifth
 *                         of them detractors: contact_id, responded_at,
 *                         campaign, channel, score, comment, lang
 *
 * and stdout one line: the row count of each file, in that order.  A NULL is
 * an empty field (PostgreSQL's COPY reads it so; SQLite's .import reads '',
 * which the loader turns into NULL); text is always quoted.  Times are
 * 'YYYY-MM-DD HH:MM:SS', UTC.  The same size gives the same bytes on every
 * machine.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../demo/model.h"

/* Seeds of the streams: the programme itself, then the contacts' flags and
 * accounts, then the follow-ups and asks, so each stays as it is when a
 * later one changes. */
#define SEED 10
#define SEED2 0x5eed2026
#define SEED3 0xa5c2026

/* One answered invitation, kept until all are sorted by answer time. */
typedef struct answer {
    long answered; /* seconds since 2024-12-01 00:00:00 */
    int invitation, contact;
    signed char campaign, channel, score, theme; /* score -1: skipped; theme -1: no comment */
} answer;

/* Stop with a message. */
static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen: %s%s\n", msg, arg);
    exit(1);
}

/* Open DIR/name for writing. */
static FILE *open_csv(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        die("cannot write ", path);
    return f;
}

/* Close a file, failing on a write error (a full disk). */
static void close_csv(FILE *f)
{
    if (ferror(f) || fclose(f) != 0)
        die("write error", "");
}

/* Write seconds since 2024-12-01 as YYYY-MM-DD HH:MM:SS. */
static void put_time(FILE *f, long t)
{
    int y, m, d;
    day_to_date((int)(t / 86400), &y, &m, &d);
    long s = t % 86400;
    fprintf(f, "%04d-%02d-%02d %02ld:%02ld:%02ld", y, m, d, s / 3600, s / 60 % 60, s % 60);
}

/* Write a time, or NULL (an empty field) when the step had not happened by LOG_NOW. */
static void put_step(FILE *f, int happened, long t)
{
    if (happened && t <= LOG_NOW)
        put_time(f, t);
}

/* Write text as a quoted CSV field. */
static void put_text(FILE *f, const char *s)
{
    putc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', f);
        putc(*s, f);
    }
    putc('"', f);
}

/* Order answers by time, then by invitation: a total order. */
static int by_answer_time(const void *a, const void *b)
{
    const answer *x = a, *y = b;
    if (x->answered != y->answered)
        return x->answered < y->answered ? -1 : 1;
    return (x->invitation > y->invitation) - (x->invitation < y->invitation);
}

/* Relative invitation volume of a day: a third more at the end of the two
 * years than at the start; weekends quieter (2024-12-01 is a Sunday). */
static double day_volume(int day)
{
    double v = 1.0 + day / 3.0 / (NDAYS - 1);
    return (day + 6) % 7 >= 5 ? v * 0.45 : v;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4)
        die("usage: gen RESPONSES DIR [NEW]", "");
    char *end;
    long size = strtol(argv[1], &end, 10);
    if (*end != '\0' || size < 100 || size > 100000000)
        die("RESPONSES must be a whole number from 100 to 100000000, not ", argv[1]);
    const char *dir = argv[2];
    long nnew = argc == 4 ? strtol(argv[3], &end, 10) : 100000;
    if (argc == 4 && (*end != '\0' || nnew < 5 || nnew > 10000000))
        die("NEW must be a whole number from 5 to 10000000, not ", argv[3]);
    long ninvites_target = size * 5 / 2;
    int ncontacts = (int)(size * 3 / 4), naccounts = ncontacts / 10 > 0 ? ncontacts / 10 : 1;

    /* Contacts: segments from the first stream (as the demo's), flags and
     * accounts from the second. */
    rng r = {SEED}, r2 = {SEED2}, r3 = {SEED3};
    contact *contacts = malloc(sizeof *contacts * (size_t)ncontacts);
    unsigned char *consent = malloc((size_t)ncontacts);
    answer *answers = malloc(sizeof *answers * (size_t)ninvites_target);
    if (contacts == NULL || consent == NULL || answers == NULL)
        die("out of memory", "");
    for (int i = 0; i < ncontacts; i++) {
        contacts[i].region = rng_pick(&r, region_weight, NREGIONS);
        contacts[i].plan = rng_pick(&r, plan_weight, NPLANS);
        contacts[i].lang = rng_pick(&r, region_langs[contacts[i].region], NLANGS);
    }
    FILE *fa = open_csv(dir, "accounts.csv"), *fc = open_csv(dir, "contacts.csv"),
         *fca = open_csv(dir, "contact_accounts.csv");
    for (int i = 0; i < naccounts; i++) {
        int region = rng_pick(&r2, region_weight, NREGIONS), plan = rng_pick(&r2, plan_weight, NPLANS);
        fprintf(fa, "\"A%07d\",\"Account %d\",\"%s\",\"%s\"\n", i + 1, i + 1, region_name[region],
                plan_name[plan]);
    }
    for (int i = 0; i < ncontacts; i++) {
        consent[i] = rng_below(&r2, 100) < 35;
        int out = rng_below(&r2, 100) < 3;
        fprintf(fc, "\"C%07d\",\"%s\",%d,%d\n", i + 1, lang_code[contacts[i].lang], consent[i], out);
        fprintf(fca, "\"C%07d\",\"A%07d\"\n", i + 1, rng_below(&r2, naccounts) + 1);
    }
    close_csv(fa);
    close_csv(fc);
    close_csv(fca);

    /* Invitations day by day, each answered or not as the demo's are. */
    double total_volume = 0, carry = 0;
    for (int day = 0; day < NDAYS; day++)
        total_volume += day_volume(day);
    double per_day = (double)ninvites_target / total_volume;
    long ninvites = 0, nanswers = 0, times_cap = 0;
    long *times = NULL;
    FILE *fi = open_csv(dir, "invitations.csv");
    for (int day = 0; day < NDAYS; day++) {
        carry += per_day * day_volume(day);
        long n = (long)carry;
        carry -= (double)n;
        if (day == NDAYS - 1) /* the rounding's last invitations, so the total is exact */
            n += ninvites_target - ninvites - n;
        if (n > times_cap) {
            times_cap = n * 2;
            times = realloc(times, sizeof *times * (size_t)times_cap);
            if (times == NULL)
                die("out of memory", "");
        }
        send_times(&r, times, n);
        for (long i = 0; i < n; i++) {
            int campaign = rng_pick(&r, campaign_weight, NCAMPAIGNS);
            if (campaign == K_LAUNCH && (day < LAUNCH_FIRST || day > LAUNCH_LAST))
                campaign = K_REL;
            int who = rng_below(&r, ncontacts);
            while (campaign == K_RENEW && contacts[who].plan == P_FREE)
                who = rng_below(&r, ncontacts);
            int channel = rng_pick(&r, campaign_channels[campaign], NCHANNELS);
            long sent = (long)day * 86400 + times[i];
            int id = (int)++ninvites;
            fprintf(fi, "%d,\"C%07d\",\"%s\",\"%s\",", id, who + 1, campaign_name[campaign],
                    channel_name[channel]);
            put_time(fi, sent);
            putc('\n', fi);

            if (rng_below(&r, 1000) >= channel_response[channel])
                continue;
            long answered = sent + draw_delay(&r);
            if (answered >= (long)NDAYS * 86400)
                continue;
            answer *a = &answers[nanswers++];
            a->answered = answered;
            a->invitation = id;
            a->contact = who;
            a->campaign = (signed char)campaign;
            a->channel = (signed char)channel;
            int aday = (int)(answered / 86400);
            int score = rng_below(&r, 1000) < 12
                            ? -1
                            : draw_score(&r, &contacts[who], campaign, channel, aday);
            a->score = (signed char)score;
            a->theme = (signed char)draw_theme(&r, &contacts[who], campaign, score, aday);
        }
    }
    close_csv(fi);
    free(times);

    /* Responses in the order they came, with a follow-up per detractor and
     * referral or review asks to some consenting promoters. */
    qsort(answers, (size_t)nanswers, sizeof answers[0], by_answer_time);
    FILE *fr = open_csv(dir, "responses.csv"), *ff = open_csv(dir, "followups.csv"),
         *fq = open_csv(dir, "referral_asks.csv");
    long nfollowups = 0, nasks = 0;
    for (long i = 0; i < nanswers; i++) {
        const answer *a = &answers[i];
        const contact *c = &contacts[a->contact];
        fprintf(fr, "%ld,\"C%07d\",", i + 1, a->contact + 1);
        put_time(fr, a->answered);
        fprintf(fr, ",\"%s\",\"%s\",", campaign_name[(int)a->campaign],
                channel_name[(int)a->channel]);
        if (a->score >= 0)
            fprintf(fr, "%d", a->score);
        putc(',', fr);
        if (a->theme >= 0)
            put_text(fr, comments[c->lang][(int)a->theme]);
        fprintf(fr, ",\"%s\"\n", lang_code[c->lang]);

        if (a->score >= 0 && a->score <= 6) {
            followup_log f = draw_followup(&r3, a->answered);
            int contacted = f.reached && f.contacted <= LOG_NOW;
            int resolved = f.resolved && contacted && f.resolved_at <= LOG_NOW;
            int informed = f.informed && resolved && f.informed_at <= LOG_NOW;
            const char *status = informed    ? "informed"
                                 : resolved  ? "resolved"
                                 : contacted ? "contacted"
                                             : "open";
            fprintf(ff, "%ld,\"nps_responses\",\"%ld\",\"C%07d\",%d,", ++nfollowups, i + 1,
                    a->contact + 1, a->score);
            put_time(ff, a->answered);
            fprintf(ff, ",,\"%s\",\"%s\",,", status, f.agent);
            put_step(ff, contacted, f.contacted);
            putc(',', ff);
            put_step(ff, resolved, f.resolved_at);
            putc(',', ff);
            put_step(ff, informed, f.informed_at);
            putc('\n', ff);
        } else if (a->score >= 9 && consent[a->contact] && rng_below(&r3, 100) < 20) {
            long asked = a->answered + 86400 + rng_below(&r3, 4 * 86400);
            if (asked <= LOG_NOW) {
                fprintf(fq, "%ld,\"C%07d\",", ++nasks, a->contact + 1);
                put_time(fq, asked);
                fprintf(fq, ",\"%s\",\"email\"\n", rng_below(&r3, 100) < 70 ? "referral" : "review");
            }
        }
    }
    close_csv(fr);
    close_csv(ff);
    close_csv(fq);

    /* New responses from 2026-12-01 06:00 on, one every few seconds: every
     * fifth a detractor (the model's scores of an angry customer), the rest
     * passives and promoters; comments as the model writes them. */
    static const int low[7] = {22, 10, 12, 14, 12, 18, 12}, high[4] = {20, 25, 30, 25};
    FILE *fn = open_csv(dir, "new_responses.csv");
    for (long i = 0; i < nnew; i++) {
        int who = rng_below(&r3, ncontacts), day = NDAYS;
        int campaign = rng_pick(&r3, campaign_weight, NCAMPAIGNS - 1);
        int channel = rng_pick(&r3, campaign_channels[campaign], NCHANNELS);
        int score = i % 5 == 0 ? rng_pick(&r3, low, 7) : 7 + rng_pick(&r3, high, 4);
        int theme = draw_theme(&r3, &contacts[who], campaign, score, day);
        fprintf(fn, "\"C%07d\",", who + 1);
        put_time(fn, (long)day * 86400 + 6 * 3600 + i * 3 / 2 % 86400);
        fprintf(fn, ",\"%s\",\"%s\",%d,", campaign_name[campaign], channel_name[channel], score);
        if (theme >= 0)
            put_text(fn, comments[contacts[who].lang][theme]);
        fprintf(fn, ",\"%s\"\n", lang_code[contacts[who].lang]);
    }
    close_csv(fn);
    printf("%d %d %d %ld %ld %ld %ld %ld\n", naccounts, ncontacts, ncontacts, ninvites, nanswers,
           nfollowups, nasks, nnew);
    free(contacts);
    free(consent);
    free(answers);
    return 0;
}
