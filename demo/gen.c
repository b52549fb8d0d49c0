/*
 * gen.c -- a deterministic sample NPS programme for `make demo`.
 *
 * Writes SQL to stdout: a `responses` table (about 20,000 survey answers over
 * the 24 months 2024-12-01 .. 2026-11-30), an `invitations` table (about
 * 2.5 times as many survey invitations), a `contacts` table (language,
 * consent to referral asks, survey opt-out) and `cx_log`, the customer
 * experience team's log of how it followed up each detractor (first contact,
 * resolution, customer informed) up to 2026-12-01 09:00, and `panel`: 400
 * customers who answered a spring pulse in both 2025 (wave 1) and 2026
 * (wave 2), each close to their own first answer.  Then the sibling
 * measures: `tickets`, the support ticket behind each support_ticket_closed
 * invitation, and `ticket_csat`, the CSAT question (1..5) of those surveys;
 * `onboarding_ces`, the CES question (1..7) of the onboarding_day30 surveys;
 * `employees` (388 in 9 departments of 5 to 142) and `enps_pulse`, their
 * answers to a quarterly eNPS pulse (0..10), 2025-Q1 .. 2026-Q4.  Last the
 * B2B accounts: `accounts` (120 companies with their ARR and segment),
 * `stakeholders` (557 people who speak for them, each a decision-maker, a
 * champion or a user) and their quarterly account review,
 * `account_invitations` and `account_responses` (ids from 100001); and
 * `campaigns`, each campaign's kind (B2C: the customer surveys; B2B: the
 * account review), whose response rate is judged against that kind's.  A
 * fixed-seed generator makes the output byte-identical on every run and
 * every machine: only integer and IEEE double arithmetic (+, -, *, /,
 * comparisons) is used, no libm.  The contacts' flags and the log draw from
 * a second stream, so the responses and invitations are those of the first
 * two tables alone; the panel, the tickets and CSAT, the CES, the eNPS and
 * the accounts each from a stream of their own, so each table stays as it
 * is when a later one changes.
 *
 * The data tells a story the report can show:
 *  - a support platform outage from 2025-09-04 to 2025-09-22 pulls the
 *    September 2025 NPS below zero, and October recovers;
 *  - APAC starts far behind and improves steadily over the two years;
 *  - SMS is the weakest channel, in-app the strongest;
 *  - enterprise customers score higher than free-plan users;
 *  - "Middle East" is a new market with few responses;
 *  - the team first contacts most detractors within a day, but during the
 *    outage it falls behind: the 24-hour follow-up SLA slips;
 *  - CSAT and CES follow the NPS answer of the same survey (detractors rate
 *    the support and the set-up lower): about 79% satisfied, outage tickets
 *    far less; a mean effort of about 5, easiest for enterprise customers
 *    and in North America, hardest in APAC and the Middle East;
 *  - eNPS differs by department, the small ones with wide intervals, and
 *    the support team's falls after the outage;
 *  - among the B2B accounts the largest (enterprise) are the least happy,
 *    so their NPS weighted by ARR is below one vote per account;
 *    decision-makers answer least and most critically, champions most
 *    warmly; every account dips in the review after the outage, a tenth
 *    of them sour in the last review (November 2026) and a few recover.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* Every seed tells the same story; this one has no month whose change from
 * the month before passes p < 0.05 by chance alone, so the report's starred
 * months are the outage and its recovery. */
#define SEED 10
#define NCONTACTS 15000
#define INVITES_PER_DAY 68.0 /* at the start; grows by a third over two years */
#define MAX_INVITES 80000
/* Seed of the second stream (contacts' flags and the follow-up log). */
#define SEED2 0x5eed2026
/* Seed of the third stream (the panel), so the tables before it stay as they are. */
#define SEED3 0x9a4e12026
#define NPANEL 400
/* Seeds of the sibling measures' streams, one each, so every table before
 * them (and each of them) stays as it is when another changes: the support
 * tickets and their CSAT, the onboarding CES, the employees and their eNPS. */
#define SEED4 0xc5a72026
#define SEED5 0xce52026
#define SEED6 0xe9952026
/* Seed of the B2B accounts' stream: the accounts, their stakeholders and
 * the account reviews. */
#define SEED7 0xb2b2026

/* One answered invitation, kept until all are sorted by answer time. */
typedef struct response {
    long answered; /* seconds since 2024-12-01 00:00:00 */
    int invitation, contact, campaign, channel;
    int score;  /* -1: question skipped */
    int weight; /* thousandths */
    int theme;  /* -1: no comment */
} response;

/* One survey invitation. */
typedef struct invitation {
    long sent; /* seconds since 2024-12-01 00:00:00 */
    int contact, campaign, channel;
} invitation;

/* Print seconds since 2024-12-01 as 'YYYY-MM-DD HH:MM:SS'. */
static void put_time(long t)
{
    int y, m, d;
    day_to_date((int)(t / 86400), &y, &m, &d);
    long s = t % 86400;
    printf("'%04d-%02d-%02d %02ld:%02ld:%02ld'", y, m, d, s / 3600, s / 60 % 60, s % 60);
}

/* Print a string as an SQL literal, doubling single quotes. */
static void put_text(const char *s)
{
    putchar('\'');
    for (; *s; s++) {
        if (*s == '\'')
            putchar('\'');
        putchar(*s);
    }
    putchar('\'');
}

/* Order answers by time, then by invitation: a total order. */
static int by_answer_time(const void *a, const void *b)
{
    const response *x = a, *y = b;
    if (x->answered != y->answered)
        return x->answered < y->answered ? -1 : 1;
    return (x->invitation > y->invitation) - (x->invitation < y->invitation);
}

/* Print the contacts with their flags, drawn from the second stream. */
static void put_contacts(rng *r2, const contact *contacts, int n)
{
    printf("CREATE TABLE contacts (\n"
           "    contact_id TEXT PRIMARY KEY,\n"
           "    region TEXT NOT NULL,\n"
           "    plan TEXT NOT NULL,\n"
           "    lang TEXT NOT NULL,\n"
           "    referral_consent INTEGER NOT NULL,\n"
           "    opted_out INTEGER NOT NULL\n"
           ");\n");
    for (int i = 0; i < n; i++) {
        if (i % 500 == 0)
            printf("INSERT INTO contacts VALUES\n");
        int consent = rng_below(r2, 100) < 35, out = rng_below(r2, 100) < 3;
        printf("('C%06d','%s','%s','%s',%d,%d)%s\n", i + 1, region_name[contacts[i].region],
               plan_name[contacts[i].plan], lang_code[contacts[i].lang], consent, out,
               i % 500 == 499 || i == n - 1 ? ";" : ",");
    }
}

/* Print a time, or NULL when the step did not happen by LOG_NOW. */
static void put_step(int happened, long t)
{
    if (happened && t <= LOG_NOW)
        put_time(t);
    else
        printf("NULL");
}

/* Print the team's follow-up log of the detractors: first contact, resolution
 * and customer informed, each some hours after the step before; slower and
 * patchier while the outage floods the queue; nothing after LOG_NOW. */
static void put_cx_log(rng *r2, const response *answers, int n)
{
    int total = 0, k = 0;
    for (int i = 0; i < n; i++)
        total += answers[i].score >= 0 && answers[i].score <= 6;
    printf("CREATE TABLE cx_log (\n"
           "    response_id INTEGER PRIMARY KEY REFERENCES responses(id),\n"
           "    agent TEXT NOT NULL,\n"
           "    contacted_at TEXT,\n"
           "    resolved_at TEXT,\n"
           "    informed_at TEXT\n"
           ");\n");
    for (int i = 0; i < n; i++) {
        const response *a = &answers[i];
        if (a->score < 0 || a->score > 6)
            continue;
        followup_log f = draw_followup(r2, a->answered);
        if (k % 500 == 0)
            printf("INSERT INTO cx_log VALUES\n");
        printf("(%d,'%s',", i + 1, f.agent);
        put_step(f.reached, f.contacted);
        printf(",");
        put_step(f.resolved && f.contacted <= LOG_NOW, f.resolved_at);
        printf(",");
        put_step(f.informed && f.resolved_at <= LOG_NOW, f.informed_at);
        k++;
        printf(")%s\n", k % 500 == 0 || k == total ? ";" : ",");
    }
}

/* Build contacts and invitations, answer some, print everything as SQL.
 * An optional argument replaces the seed (to explore other samples). */
/* The panel: NPANEL distinct customers (every 37th: 37 does not divide
 * NCONTACTS), each with a first score drawn from a typical NPS spread and a
 * second one step up (25%), one step down (8%) or the same: a small real
 * improvement that the same people show and two independent samples hide. */
static void put_panel(rng *r)
{
    static const int first_weight[11] = {2, 1, 1, 2, 2, 4, 6, 10, 14, 16, 12};
    printf("CREATE TABLE panel (\n"
           "    contact_id TEXT NOT NULL,\n"
           "    wave INTEGER NOT NULL,\n"
           "    score INTEGER NOT NULL,\n"
           "    PRIMARY KEY (contact_id, wave)\n"
           ");\n");
    for (int i = 0; i < NPANEL; i++) {
        int contact = (i * 37) % NCONTACTS + 1;
        int first = rng_pick(r, first_weight, 11);
        double x = rng_unit(r);
        int second = x < 0.25 ? first + 1 : x < 0.33 ? first - 1 : first;
        second = second < 0 ? 0 : second > 10 ? 10 : second;
        if (i % 200 == 0)
            printf("INSERT INTO panel VALUES\n");
        printf("('C%06d',1,%d),('C%06d',2,%d)%s\n", contact, first, contact, second,
               i % 200 == 199 || i == NPANEL - 1 ? ";" : ",");
    }
}

/* Support tickets.  Every support_ticket_closed invitation is the survey
 * sent when a ticket closes, and that survey asks CSAT ("How satisfied were
 * you with the support you received?", 1..5) beside the NPS question. */
enum { TC_HOWTO, TC_BILLING, TC_BUG, TC_ACCOUNT, TC_OUTAGE, NTCATS };
static const char *const ticket_category[NTCATS] = {"how-to", "billing", "bug", "account",
                                                    "outage"};
static const int ticket_weight[NTCATS] = {34, 24, 28, 14, 0};
/* Hours a ticket is open: 70% fast, 22% slow, the rest very slow (draw_hours). */
static const int ticket_hours[NTCATS][4] = {
    {1, 8, 48, 120}, {2, 24, 96, 240}, {4, 48, 168, 480}, {1, 12, 72, 168}, {12, 96, 240, 480},
};
/* Latent-CSAT effect of a category: a question answered pleases, a bill or
 * a bug less so, and nothing pleases during an outage. */
static const double ticket_csat_shift[NTCATS] = {0.35, -0.25, -0.2, 0.1, -0.55};

/* A ticket, closed just before its survey invitation was sent. */
typedef struct ticket {
    int invitation; /* invitation number, 1.. */
    int category;
    long opened, closed;
} ticket;

/* Sum of four uniforms, centred: a bell curve of variance 1/3 without libm. */
static double rng_bell(rng *r)
{
    return rng_unit(r) + rng_unit(r) + rng_unit(r) + rng_unit(r) - 2.0;
}

/* A latent value rounded onto the whole scores lo..hi. */
static int on_scale(double x, int lo, int hi)
{
    if (x < lo + 0.5)
        return lo;
    if (x >= hi - 0.5)
        return hi;
    return (int)(x + 0.5);
}

/* CSAT 1..5 of a ticket's survey, from the NPS answer of the same survey (a
 * skipped one taken as a 7), the ticket's category and how long it was open:
 * the customers who would not recommend rate the support lower too, but a
 * quick answer to a how-to question pleases even some of them. */
static int draw_csat(rng *r, int nps, const ticket *t)
{
    double mu = 2.2 + 0.3 * (nps < 0 ? 7 : nps) + ticket_csat_shift[t->category];
    if (t->closed - t->opened > 72 * 3600)
        mu -= 0.35;
    return on_scale(mu + 1.5 * rng_bell(r), 1, 5);
}

/* Print the tickets behind the support surveys and the CSAT answers of
 * those surveys, drawn from their own stream.  A ticket's category follows
 * the days it closed (mostly the outage itself during and just after it),
 * its hours open its category; 3% of those who answered the survey skipped
 * the CSAT question (NULL). */
static void put_tickets(rng *r4, const invitation *invites, int ninvites, const response *answers,
                        int nanswers)
{
    static ticket tickets[MAX_INVITES];
    static int ticket_of[MAX_INVITES + 1]; /* by invitation number; 0: none */
    int nt = 0, k = 0, total = 0;
    for (int i = 0; i < ninvites; i++) {
        if (invites[i].campaign != K_SUPPORT)
            continue;
        ticket *t = &tickets[nt++];
        t->invitation = i + 1;
        int day = (int)(invites[i].sent / 86400);
        if (day >= OUTAGE_FIRST && day <= OUTAGE_LAST + 7 && rng_below(r4, 100) < 70)
            t->category = TC_OUTAGE;
        else
            t->category = rng_pick(r4, ticket_weight, NTCATS);
        t->closed = invites[i].sent - (120 + rng_below(r4, 28 * 60));
        t->opened = t->closed - draw_hours(r4, 70, 22, ticket_hours[t->category]);
        if (t->opened < 0)
            t->opened = t->closed / 2;
        ticket_of[i + 1] = nt;
    }
    printf("CREATE TABLE tickets (\n"
           "    ticket_id INTEGER PRIMARY KEY,\n"
           "    contact_id TEXT NOT NULL,\n"
           "    category TEXT NOT NULL,\n"
           "    opened_at TEXT NOT NULL,\n"
           "    closed_at TEXT NOT NULL,\n"
           "    invitation_id INTEGER NOT NULL REFERENCES invitations(id)\n"
           ");\n");
    for (int i = 0; i < nt; i++) {
        const ticket *t = &tickets[i];
        if (i % 500 == 0)
            printf("INSERT INTO tickets VALUES\n");
        printf("(%d,'C%06d','%s',", i + 1, invites[t->invitation - 1].contact + 1,
               ticket_category[t->category]);
        put_time(t->opened);
        printf(",");
        put_time(t->closed);
        printf(",%d)%s\n", t->invitation, i % 500 == 499 || i == nt - 1 ? ";" : ",");
    }
    printf("CREATE TABLE ticket_csat (\n"
           "    ticket_id INTEGER PRIMARY KEY REFERENCES tickets(ticket_id),\n"
           "    contact_id TEXT NOT NULL,\n"
           "    answered_at TEXT NOT NULL,\n"
           "    score INTEGER\n"
           ");\n");
    for (int i = 0; i < nanswers; i++)
        total += answers[i].campaign == K_SUPPORT;
    for (int i = 0; i < nanswers; i++) {
        const response *a = &answers[i];
        if (a->campaign != K_SUPPORT)
            continue;
        int t = ticket_of[a->invitation];
        int score = rng_below(r4, 100) < 3 ? -1 : draw_csat(r4, a->score, &tickets[t - 1]);
        if (k % 500 == 0)
            printf("INSERT INTO ticket_csat VALUES\n");
        printf("(%d,'C%06d',", t, a->contact + 1);
        put_time(a->answered);
        if (score < 0)
            printf(",NULL");
        else
            printf(",%d", score);
        k++;
        printf(")%s\n", k % 500 == 0 || k == total ? ";" : ",");
    }
}

/* Latent-CES effect of a plan (enterprise customers have an onboarding
 * manager, free users set up alone) and of a region (the set-up guides are
 * not yet in APAC's languages; the Middle East is a new market). */
static const double plan_ces_shift[NPLANS] = {-0.4, 0.05, 0.5};
static const double region_ces_shift[NREGIONS] = {0.15, 0.05, -0.1, -0.4, -0.35};

/* CES 1..7 ("<company> made it easy to get set up", 7: strongly agree) of an
 * onboarding survey, from the NPS answer of the same survey (a skipped one
 * taken as a 7), the plan and the region. */
static int draw_ces(rng *r, int nps, const contact *c)
{
    double mu =
        2.65 + 0.3 * (nps < 0 ? 7 : nps) + plan_ces_shift[c->plan] + region_ces_shift[c->region];
    return on_scale(mu + 1.9 * rng_bell(r), 1, 7);
}

/* Print the CES answers of the onboarding_day30 surveys, drawn from their
 * own stream; 3% skipped the question (NULL). */
static void put_onboarding_ces(rng *r5, const response *answers, int nanswers,
                               const contact *contacts)
{
    int k = 0, total = 0;
    printf("CREATE TABLE onboarding_ces (\n"
           "    invitation_id INTEGER PRIMARY KEY REFERENCES invitations(id),\n"
           "    contact_id TEXT NOT NULL,\n"
           "    answered_at TEXT NOT NULL,\n"
           "    score INTEGER\n"
           ");\n");
    for (int i = 0; i < nanswers; i++)
        total += answers[i].campaign == K_ONBOARD;
    for (int i = 0; i < nanswers; i++) {
        const response *a = &answers[i];
        if (a->campaign != K_ONBOARD)
            continue;
        int score = rng_below(r5, 100) < 3 ? -1 : draw_ces(r5, a->score, &contacts[a->contact]);
        if (k % 500 == 0)
            printf("INSERT INTO onboarding_ces VALUES\n");
        printf("(%d,'C%06d',", a->invitation, a->contact + 1);
        put_time(a->answered);
        if (score < 0)
            printf(",NULL");
        else
            printf(",%d", score);
        k++;
        printf(")%s\n", k % 500 == 0 || k == total ? ";" : ",");
    }
}

/* The company's own employees, by department, and a quarterly eNPS pulse
 * ("How likely are you to recommend <company> as a place to work?", 0..10). */
enum {
    D_ENG,
    D_SALES,
    D_SUPPORT,
    D_SUCCESS,
    D_MARKETING,
    D_PRODUCT,
    D_FINANCE,
    D_PEOPLE,
    D_LEGAL,
    NDEPTS
};
static const char *const dept_name[NDEPTS] = {"Engineering",      "Sales",     "Customer Support",
                                              "Customer Success", "Marketing", "Product",
                                              "Finance",          "People",    "Legal"};
static const int dept_size[NDEPTS] = {142, 71, 58, 34, 27, 23, 13, 9, 5};
/* Latent-score effect of a department. */
static const double dept_shift[NDEPTS] = {0.3, -0.25, -0.2, 0.25, 0.15, 0.6, -0.2, 0.3, 0.1};
/* The pulses: one a quarter, 2025-Q1 .. 2026-Q4, open for two weeks from the
 * 10th of the quarter's middle month. */
#define NQUARTERS 8
/* 2025-09: the outage; the support team answered the November pulse
 * exhausted. */
#define QUARTER_AFTER_OUTAGE 3

/* One answer to a pulse. */
typedef struct pulse_answer {
    int employee, quarter; /* employee number - 1, pulse 0.. */
    int score;             /* -1: skipped */
    long at;
} pulse_answer;

/* Day number of a date from 2024-12-01 (a date of the demo's two years). */
static int day_of(int y, int m, int d)
{
    for (int day = 0; day < NDAYS; day++) {
        int yy, mm, dd;
        day_to_date(day, &yy, &mm, &dd);
        if (yy == y && mm == m && dd == d)
            return day;
    }
    return -1;
}

/* Print the employees and their answers to the eNPS pulses, drawn from their
 * own stream.  Each employee has a lasting outlook of their own; 80% answer
 * a pulse, 1% of those skip the score (NULL) and 4% of the rest, disengaged
 * that quarter, give 0..4 whatever their team. */
static void put_enps(rng *r6)
{
    static int dept[512];
    static double outlook[512];
    int n = 0;
    printf("CREATE TABLE employees (\n"
           "    employee_id TEXT PRIMARY KEY,\n"
           "    department TEXT NOT NULL\n"
           ");\n");
    for (int d = 0; d < NDEPTS; d++)
        for (int i = 0; i < dept_size[d]; i++) {
            dept[n] = d;
            outlook[n] = 1.5 * rng_bell(r6);
            n++;
        }
    /* Employee numbers in order of hiring, across departments. */
    static int order[512];
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = rng_below(r6, i + 1), x = order[i];
        order[i] = order[j];
        order[j] = x;
    }
    for (int i = 0; i < n; i++) {
        if (i % 500 == 0)
            printf("INSERT INTO employees VALUES\n");
        printf("('E%04d','%s')%s\n", i + 1, dept_name[dept[order[i]]],
               i % 500 == 499 || i == n - 1 ? ";" : ",");
    }
    printf("CREATE TABLE enps_pulse (\n"
           "    employee_id TEXT NOT NULL REFERENCES employees(employee_id),\n"
           "    department TEXT NOT NULL,\n"
           "    quarter TEXT NOT NULL,\n"
           "    answered_at TEXT NOT NULL,\n"
           "    score INTEGER,\n"
           "    PRIMARY KEY (employee_id, quarter)\n"
           ");\n");
    static pulse_answer rows[NQUARTERS * 512];
    int nrows = 0;
    for (int q = 0; q < NQUARTERS; q++) {
        int first = day_of(2025 + q / 4, 3 * (q % 4) + 2, 10);
        for (int i = 0; i < n; i++) {
            int e = order[i], d = dept[e];
            if (rng_below(r6, 100) >= 80)
                continue;
            long at =
                (long)(first + rng_below(r6, 14)) * 86400 + 8 * 3600 + rng_below(r6, 10 * 3600);
            double mu = 7.6 + dept_shift[d] + outlook[e] + 0.05 * q;
            if (d == D_SUPPORT && q == QUARTER_AFTER_OUTAGE)
                mu -= 1.4;
            int score = rng_below(r6, 100) < 1   ? -1
                        : rng_below(r6, 100) < 4 ? rng_below(r6, 5) /* disengaged: 0..4 */
                                                 : on_scale(mu + 2.4 * rng_bell(r6), 0, 10);
            rows[nrows++] = (pulse_answer){i, q, score, at};
        }
    }
    for (int k = 0; k < nrows; k++) {
        if (k % 500 == 0)
            printf("INSERT INTO enps_pulse VALUES\n");
        printf("('E%04d','%s','%d-Q%d',", rows[k].employee + 1,
               dept_name[dept[order[rows[k].employee]]], 2025 + rows[k].quarter / 4,
               rows[k].quarter % 4 + 1);
        put_time(rows[k].at);
        if (rows[k].score < 0)
            printf(",NULL");
        else
            printf(",%d", rows[k].score);
        printf(")%s\n", k % 500 == 499 || k == nrows - 1 ? ";" : ",");
    }
}

/* B2B accounts.  Some customers are companies that answer through several
 * stakeholders: a decision-maker who signs the renewal, champions who argue
 * for the product inside, and its everyday users.  They are asked a
 * quarterly account review, sent to every stakeholder. */
enum { S_ENTERPRISE, S_MIDMARKET, S_SMB, NSEGMENTS };
static const char *const segment_name[NSEGMENTS] = {"enterprise", "mid-market", "smb"};
static const int segment_weight[NSEGMENTS] = {15, 35, 50};
/* Latent-score effect of a segment: the largest accounts run the most
 * integrations, and are the hardest to please. */
static const double segment_shift[NSEGMENTS] = {-0.45, 0.0, 0.2};
enum { ROLE_DM, ROLE_CHAMPION, ROLE_USER, NROLES };
static const char *const role_name[NROLES] = {"decision-maker", "champion", "user"};
/* Latent-score effect of a role (decision-makers see the price and the
 * incidents, champions chose the product) and the chance, in percent, that
 * a stakeholder of the role answers a review. */
static const double role_shift[NROLES] = {-0.8, 1.2, 0.0};
static const int role_answers[NROLES] = {30, 60, 40};
/* The account's language; its stakeholders mostly write in it. */
static const int account_langs[NLANGS] = {55, 15, 10, 5, 10, 0, 5, 0};
static const char *const account_word1[24] = {
    "Acme",   "Birch",   "Cobalt",  "Dune",  "Elm",      "Fjord",  "Granite", "Harbor",
    "Iris",   "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",  "Pinnacle",
    "Quarry", "Redwood", "Summit",  "Tidal", "Umber",    "Vertex", "Willow",  "Zephyr"};
static const char *const account_word2[5] = {"Logistics", "Health", "Systems", "Foods", "Energy"};
#define NACCOUNTS 120 /* 24 x 5 names */
#define NREVIEWS 8    /* quarterly, 2025-02 .. 2026-11 */
#define MAX_STAKEHOLDERS (NACCOUNTS * 14)
/* The reviews open on a Monday of the quarter's middle month. */
static const int review_date[NREVIEWS][3] = {
    {2025, 2, 10}, {2025, 5, 12}, {2025, 8, 11}, {2025, 11, 10},
    {2026, 2, 9},  {2026, 5, 11}, {2026, 8, 10}, {2026, 11, 9},
};
/* The review after the outage of September 2025. */
#define REVIEW_AFTER_OUTAGE 3

/* One stakeholder of an account. */
typedef struct stakeholder {
    int account, role, lang, consent, opted_out;
    double outlook; /* a lasting view of their own */
} stakeholder;

/* One review sent, answered or not. */
typedef struct review {
    long sent, answered;           /* answered: -1 when not */
    int stakeholder, score, theme; /* score -1: skipped; theme -1: no comment */
    int invitation;                /* id, once sorted */
} review;

/* Comment theme of an account review's answer; -1 for none.  Decision-
 * makers who would not recommend speak of the price, users of support, bugs
 * and speed; after the outage, of the outage. */
static int draw_review_theme(rng *r, int role, int score, int review)
{
    if (score < 0 || rng_below(r, 100) >= 45)
        return -1;
    if (score <= 6) {
        if (review == REVIEW_AFTER_OUTAGE && rng_below(r, 100) < 50)
            return T_OUTAGE;
        static const int dm[4] = {50, 20, 15, 15}, other[4] = {15, 35, 30, 20};
        return T_PRICE + rng_pick(r, role == ROLE_DM ? dm : other, 4);
    }
    if (score <= 8)
        return T_P_PRICE + rng_below(r, 3);
    static const int w[4] = {30, 25, 25, 20};
    return T_GREAT + rng_pick(r, w, 4);
}

/* Order reviews by the time they were sent, then by stakeholder. */
static int by_sent(const void *a, const void *b)
{
    const review *x = a, *y = b;
    if (x->sent != y->sent)
        return x->sent < y->sent ? -1 : 1;
    return (x->stakeholder > y->stakeholder) - (x->stakeholder < y->stakeholder);
}

/* Order answered reviews by the time they were answered, then by invitation. */
static int by_answered(const void *a, const void *b)
{
    const review *x = a, *y = b;
    if (x->answered != y->answered)
        return x->answered < y->answered ? -1 : 1;
    return (x->invitation > y->invitation) - (x->invitation < y->invitation);
}

/* Print the accounts, their stakeholders and the account reviews, drawn from
 * their own stream: `accounts` (name, ARR, segment), `stakeholders` (the
 * account and role of each, language, consent, opt-out), and the reviews'
 * `account_invitations` and `account_responses` (ids from 100001, apart from
 * the customer surveys').  Each account has a health of its own; a tenth of
 * them sour over the last two reviews and a few recover; every account
 * dips in the review after the outage. */
static void put_accounts(rng *r7)
{
    static int seg[NACCOUNTS], alang[NACCOUNTS], trend[NACCOUNTS];
    static double health[NACCOUNTS];
    static stakeholder people[MAX_STAKEHOLDERS];
    static review reviews[MAX_STAKEHOLDERS * NREVIEWS];
    int npeople = 0, nreviews = 0, nanswered = 0;

    printf("CREATE TABLE accounts (\n"
           "    account_id TEXT PRIMARY KEY,\n"
           "    name TEXT NOT NULL,\n"
           "    arr INTEGER NOT NULL,\n"
           "    segment TEXT NOT NULL\n"
           ");\n");
    for (int i = 0; i < NACCOUNTS; i++) {
        seg[i] = rng_pick(r7, segment_weight, NSEGMENTS);
        double u = rng_unit(r7);
        long arr = seg[i] == S_ENTERPRISE  ? 150000 + (long)(850000 * u * u) / 1000 * 1000
                   : seg[i] == S_MIDMARKET ? 30000 + (long)(120000 * u * u) / 500 * 500
                                           : 4000 + (long)(26000 * u) / 100 * 100;
        alang[i] = rng_pick(r7, account_langs, NLANGS);
        health[i] = 1.3 * rng_bell(r7) + segment_shift[seg[i]];
        int x = rng_below(r7, 100);
        trend[i] = x < 10 ? -1 : x < 16 ? 1 : 0; /* souring, recovering, steady */
        if (i % 500 == 0)
            printf("INSERT INTO accounts VALUES\n");
        printf("('A%03d','%s %s',%ld,'%s')%s\n", i + 1, account_word1[i % 24],
               account_word2[(i / 24 + i % 24) % 5], arr, segment_name[seg[i]],
               i == NACCOUNTS - 1 ? ";" : ",");
        int n = seg[i] == S_ENTERPRISE  ? 7 + rng_below(r7, 8)
                : seg[i] == S_MIDMARKET ? 4 + rng_below(r7, 4)
                                        : 2 + rng_below(r7, 3);
        int dms = seg[i] == S_ENTERPRISE ? 2 : 1;
        int champions = seg[i] == S_ENTERPRISE ? 2 : seg[i] == S_MIDMARKET || n >= 3 ? 1 : 0;
        for (int k = 0; k < n; k++) {
            stakeholder *p = &people[npeople++];
            p->account = i;
            p->role = k < dms ? ROLE_DM : k < dms + champions ? ROLE_CHAMPION : ROLE_USER;
            p->lang = rng_below(r7, 100) < 90 ? alang[i] : L_EN;
            p->consent = rng_below(r7, 100) < 40;
            p->opted_out = rng_below(r7, 100) < 2;
            p->outlook = 1.4 * rng_bell(r7);
        }
    }
    printf("CREATE TABLE stakeholders (\n"
           "    contact_id TEXT PRIMARY KEY,\n"
           "    account_id TEXT NOT NULL REFERENCES accounts(account_id),\n"
           "    role TEXT NOT NULL,\n"
           "    lang TEXT NOT NULL,\n"
           "    referral_consent INTEGER NOT NULL,\n"
           "    opted_out INTEGER NOT NULL\n"
           ");\n");
    for (int k = 0; k < npeople; k++) {
        const stakeholder *p = &people[k];
        if (k % 500 == 0)
            printf("INSERT INTO stakeholders VALUES\n");
        printf("('S%05d','A%03d','%s','%s',%d,%d)%s\n", k + 1, p->account + 1, role_name[p->role],
               lang_code[p->lang], p->consent, p->opted_out,
               k % 500 == 499 || k == npeople - 1 ? ";" : ",");
    }

    for (int w = 0; w < NREVIEWS; w++) {
        int first = day_of(review_date[w][0], review_date[w][1], review_date[w][2]);
        for (int k = 0; k < npeople; k++) {
            const stakeholder *p = &people[k];
            if (p->opted_out)
                continue;
            review *v = &reviews[nreviews++];
            v->stakeholder = k;
            v->sent = (long)(first + rng_below(r7, 3)) * 86400 + 8 * 3600 + rng_below(r7, 9 * 3600);
            v->answered = -1;
            v->score = -1;
            v->theme = -1;
            if (rng_below(r7, 100) >= role_answers[p->role])
                continue;
            double mu = 8.1 + health[p->account] + role_shift[p->role] + p->outlook;
            if (w == REVIEW_AFTER_OUTAGE)
                mu -= 0.7;
            if (trend[p->account] != 0 && w == NREVIEWS - 1)
                mu += trend[p->account] < 0 ? -2.5 : 1.5;
            v->answered = v->sent + draw_delay(r7);
            v->score = rng_below(r7, 100) < 1 ? -1 : on_scale(mu + 1.5 * rng_bell(r7), 0, 10);
            v->theme = draw_review_theme(r7, p->role, v->score, w);
            nanswered++;
        }
    }

    qsort(reviews, (size_t)nreviews, sizeof reviews[0], by_sent);
    printf("CREATE TABLE account_invitations (\n"
           "    id INTEGER PRIMARY KEY,\n"
           "    contact_id TEXT NOT NULL REFERENCES stakeholders(contact_id),\n"
           "    campaign TEXT NOT NULL,\n"
           "    channel TEXT NOT NULL,\n"
           "    sent_at TEXT NOT NULL\n"
           ");\n");
    for (int i = 0; i < nreviews; i++) {
        review *v = &reviews[i];
        v->invitation = 100001 + i;
        if (i % 500 == 0)
            printf("INSERT INTO account_invitations VALUES\n");
        printf("(%d,'S%05d','account_review','email',", v->invitation, v->stakeholder + 1);
        put_time(v->sent);
        printf(")%s\n", i % 500 == 499 || i == nreviews - 1 ? ";" : ",");
    }
    qsort(reviews, (size_t)nreviews, sizeof reviews[0], by_answered);
    printf("CREATE TABLE account_responses (\n"
           "    id INTEGER PRIMARY KEY,\n"
           "    invitation_id INTEGER NOT NULL REFERENCES account_invitations(id),\n"
           "    contact_id TEXT NOT NULL REFERENCES stakeholders(contact_id),\n"
           "    responded_at TEXT NOT NULL,\n"
           "    campaign TEXT NOT NULL,\n"
           "    channel TEXT NOT NULL,\n"
           "    score INTEGER,\n"
           "    lang TEXT NOT NULL,\n"
           "    comment TEXT,\n"
           "    topic TEXT\n"
           ");\n");
    /* The unanswered sort first (answered = -1): skip them. */
    for (int i = nreviews - nanswered, k = 0; i < nreviews; i++, k++) {
        const review *v = &reviews[i];
        const stakeholder *p = &people[v->stakeholder];
        if (k % 500 == 0)
            printf("INSERT INTO account_responses VALUES\n");
        printf("(%d,%d,'S%05d',", 100001 + k, v->invitation, v->stakeholder + 1);
        put_time(v->answered);
        printf(",'account_review','email',");
        if (v->score < 0)
            printf("NULL");
        else
            printf("%d", v->score);
        printf(",'%s',", lang_code[p->lang]);
        if (v->theme < 0) {
            printf("NULL,NULL");
        } else {
            put_text(comments[p->lang][v->theme]);
            printf(",'%s'", theme_topic[v->theme]);
        }
        printf(")%s\n", k % 500 == 499 || i == nreviews - 1 ? ";" : ",");
    }
}

/* Print the campaigns with their kind: the customer surveys ask consumers
 * (B2C), the quarterly account review asks companies' stakeholders (B2B).
 * No random draws, so every table before it stays as it is. */
static void put_campaigns(void)
{
    printf("CREATE TABLE campaigns (\n"
           "    campaign TEXT PRIMARY KEY,\n"
           "    kind TEXT NOT NULL CHECK (kind IN ('B2B', 'B2C'))\n"
           ");\n"
           "INSERT INTO campaigns VALUES\n");
    for (int i = 0; i < NCAMPAIGNS; i++)
        printf("('%s','B2C'),\n", campaign_name[i]);
    printf("('account_review','B2B');\n");
}

int main(int argc, char **argv)
{
    static contact contacts[NCONTACTS];
    static invitation invites[MAX_INVITES];
    static response answers[MAX_INVITES];
    rng r = {argc > 1 ? strtoull(argv[1], NULL, 0) : SEED};
    int nanswers = 0, ninvites = 0;
    double carry = 0;

    for (int i = 0; i < NCONTACTS; i++) {
        contacts[i].region = rng_pick(&r, region_weight, NREGIONS);
        contacts[i].plan = rng_pick(&r, plan_weight, NPLANS);
        contacts[i].lang = rng_pick(&r, region_langs[contacts[i].region], NLANGS);
    }

    printf("PRAGMA synchronous = OFF;\nBEGIN;\n");
    printf("CREATE TABLE invitations (\n"
           "    id INTEGER PRIMARY KEY,\n"
           "    contact_id TEXT NOT NULL,\n"
           "    campaign TEXT NOT NULL,\n"
           "    channel TEXT NOT NULL,\n"
           "    sent_at TEXT NOT NULL\n"
           ");\n");
    printf("CREATE TABLE responses (\n"
           "    id INTEGER PRIMARY KEY,\n"
           "    invitation_id INTEGER NOT NULL REFERENCES invitations(id),\n"
           "    contact_id TEXT NOT NULL,\n"
           "    responded_at TEXT NOT NULL,\n"
           "    region TEXT NOT NULL,\n"
           "    channel TEXT NOT NULL,\n"
           "    plan TEXT NOT NULL,\n"
           "    campaign TEXT NOT NULL,\n"
           "    score INTEGER,\n"
           "    weight REAL NOT NULL,\n"
           "    lang TEXT NOT NULL,\n"
           "    comment TEXT,\n"
           "    topic TEXT\n"
           ");\n");

    for (int day = 0; day < NDAYS; day++) {
        /* Volume grows a third over the two years; weekends are quieter. */
        double expected = INVITES_PER_DAY * (1.0 + day / 3.0 / (NDAYS - 1));
        if ((day + 6) % 7 >= 5) /* 2024-12-01 is a Sunday */
            expected *= 0.45;
        carry += expected;
        int n = (int)carry;
        carry -= n;
        long times[256];
        if (n > 256) {
            fprintf(stderr, "gen: %d invitations on one day\n", n);
            return 1;
        }
        send_times(&r, times, n);
        for (int i = 0; i < n; i++) {
            int campaign = rng_pick(&r, campaign_weight, NCAMPAIGNS);
            if (campaign == K_LAUNCH && (day < LAUNCH_FIRST || day > LAUNCH_LAST))
                campaign = K_REL;
            int who = rng_below(&r, NCONTACTS);
            while (campaign == K_RENEW && contacts[who].plan == P_FREE)
                who = rng_below(&r, NCONTACTS);
            int channel = rng_pick(&r, campaign_channels[campaign], NCHANNELS);
            long sent = (long)day * 86400 + times[i];
            if (ninvites == MAX_INVITES) {
                fprintf(stderr, "gen: more than %d invitations\n", MAX_INVITES);
                return 1;
            }
            invites[ninvites++] = (invitation){sent, who, campaign, channel};
            int id = ninvites;

            if (rng_below(&r, 1000) >= channel_response[channel])
                continue;
            long answered = sent + draw_delay(&r);
            if (answered >= (long)NDAYS * 86400)
                continue;
            response *a = &answers[nanswers++];
            a->answered = answered;
            a->invitation = id;
            a->contact = who;
            a->campaign = campaign;
            a->channel = channel;
            int aday = (int)(answered / 86400);
            a->score = rng_below(&r, 1000) < 12
                           ? -1
                           : draw_score(&r, &contacts[who], campaign, channel, aday);
            a->weight = plan_svy_weight[contacts[who].plan] * (900 + rng_below(&r, 201)) / 1000;
            a->theme = draw_theme(&r, &contacts[who], campaign, a->score, aday);
        }
    }
    for (int i = 0; i < ninvites; i++) {
        const invitation *v = &invites[i];
        if (i % 500 == 0)
            printf("INSERT INTO invitations VALUES\n");
        printf("(%d,'C%06d','%s','%s',", i + 1, v->contact + 1, campaign_name[v->campaign],
               channel_name[v->channel]);
        put_time(v->sent);
        printf(")%s\n", i % 500 == 499 || i == ninvites - 1 ? ";" : ",");
    }

    qsort(answers, (size_t)nanswers, sizeof answers[0], by_answer_time);
    for (int i = 0; i < nanswers; i++) {
        const response *a = &answers[i];
        const contact *c = &contacts[a->contact];
        if (i % 500 == 0)
            printf("INSERT INTO responses VALUES\n");
        printf("(%d,%d,'C%06d',", i + 1, a->invitation, a->contact + 1);
        put_time(a->answered);
        printf(",'%s','%s','%s','%s',", region_name[c->region], channel_name[a->channel],
               plan_name[c->plan], campaign_name[a->campaign]);
        if (a->score < 0)
            printf("NULL");
        else
            printf("%d", a->score);
        printf(",%d.%03d,'%s',", a->weight / 1000, a->weight % 1000, lang_code[c->lang]);
        if (a->theme < 0) {
            printf("NULL,NULL");
        } else {
            put_text(comments[c->lang][a->theme]);
            printf(",'%s'", theme_topic[a->theme]);
        }
        printf(")%s\n", i % 500 == 499 || i == nanswers - 1 ? ";" : ",");
    }
    rng r2 = {SEED2};
    put_contacts(&r2, contacts, NCONTACTS);
    put_cx_log(&r2, answers, nanswers);
    rng r3 = {SEED3};
    put_panel(&r3);
    rng r4 = {SEED4};
    put_tickets(&r4, invites, ninvites, answers, nanswers);
    rng r5 = {SEED5};
    put_onboarding_ces(&r5, answers, nanswers, contacts);
    rng r6 = {SEED6};
    put_enps(&r6);
    rng r7 = {SEED7};
    put_accounts(&r7);
    put_campaigns();
    printf("CREATE INDEX responses_at ON responses (responded_at);\nCOMMIT;\n");
    return 0;
}
