/*
 * gen_sql.c -- print the PostgreSQL install script sql/nps.sql: the
 * hand-written sql/nps.sql.tmpl, in which each line "@@ section" stands for
 * the statements of one section made from the table of sql/surface.h.
 *
 *   usage: gen_sql sql/nps.sql.tmpl > sql/nps.sql      (make sql)
 *
 * The sections: "of" (the _of scalars), "finals" (the final functions),
 * "transitions" (per score type), "aggregates", and one per NPS_SCORE_SCALARS
 * row, by its name.  Each must stand in the template exactly once; anything
 * else is an error, and so is a row of the table that says nothing where
 * the script needs words.  Plain C and stdio only, so that it builds
 * wherever the extension does.
 *
 * The template is not called nps.sql.in: PGXS has a rule %.sql: %.sql.in
 * that would rewrite sql/nps.sql from it while building pg-ext.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../sql/surface.h"
#include "nps.h"

enum result { R_number, R_state, R_summary, R_rows };
enum { AGGREGATE_no, AGGREGATE_yes };
enum of { OF_no, OF_yes, OF_confidence };

/* One row of NPS_MEASURES, as far as the script needs it. */
typedef struct measure {
    const char *name, *final;
    enum result result;
    int aggregate;
    enum of of;
    const char *about, *final_about, *of_about;
} measure;

#define X(name, final, result, measure, aggregate, of, about, final_about, of_about)               \
    {#name, #final, R_##result, AGGREGATE_##aggregate, OF_##of, about, final_about, of_about},
static const measure measures[] = {NPS_MEASURES(X)};
#undef X

/* One row of NPS_SCORE_TYPES. */
typedef struct score_type {
    const char *type, *sql, *noun;
} score_type;

#define X(type, sql, noun) {#type, sql, noun},
static const score_type types[] = {NPS_SCORE_TYPES(X)};
#undef X

/* One row of NPS_SCORE_SCALARS. */
typedef struct score_scalar {
    const char *name, *attributes, *about, *about_lang;
} score_scalar;

#define X(name, attributes, about, about_lang) {#name, attributes, about, about_lang},
static const score_scalar scalars[] = {NPS_SCORE_SCALARS(X)};
#undef X

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The SQL type of each kind of result. */
static const char *const returns[] = {
    [R_number] = "double precision",
    [R_state] = "nps_state",
    [R_summary] = "json",
    [R_rows] = "bigint",
};

/* Every C function of the extension is pure but the programme's. */
#define PURE "LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE"
/* The empty state every aggregate starts from. */
#define EMPTY "'scores=0,0,0,0,0,0,0,0,0,0,0'"

static const char *template_name = "sql/nps.sql.tmpl";

/* Stop with a message about the template or the table. */
static void die(const char *what, const char *name)
{
    fprintf(stderr, "gen_sql: %s: %s %s\n", template_name, what, name);
    exit(1);
}

/* snprintf into the array buf; a text that does not fit stops the program. */
#define FORMAT(buf, ...)                                                                           \
    do {                                                                                           \
        if ((size_t)snprintf(buf, sizeof buf, __VA_ARGS__) >= sizeof buf)                          \
            die("text too long:", buf);                                                            \
    } while (0)

/* Print text inside an SQL string literal: quotes doubled, "{score}"
 * replaced by noun when there is one, and "{languages}" by the core's list
 * of language codes (core/languages.c, the one place they are listed). */
static void escaped(const char *text, const char *noun)
{
    for (const char *p = text; *p != '\0'; p++) {
        if (noun != NULL && strncmp(p, "{score}", 7) == 0) {
            fputs(noun, stdout);
            p += 6;
        } else if (strncmp(p, "{languages}", 11) == 0) {
            fputs(nps_languages(), stdout);
            p += 10;
        } else {
            if (*p == '\'')
                putchar('\'');
            putchar(*p);
        }
    }
}

/* COMMENT ON <kind> <signature> IS '<prefix><text><suffix>', on one line or
 * with the literal on the next; the words must exist. */
static void comment(const char *kind, const char *signature, const char *prefix, const char *text,
                    const char *suffix, const char *noun, int own_line)
{
    if (text[0] == '\0')
        die("no words for the comment of", signature);
    printf("COMMENT ON %s %s IS%s'", kind, signature, own_line ? "\n    " : " ");
    escaped(prefix, NULL);
    escaped(text, noun);
    escaped(suffix, NULL);
    puts("';");
}

/* The _of scalars: name_of(state) and, where the measure takes one, a confidence. */
static void section_of(void)
{
    for (size_t i = 0; i < COUNT(measures); i++) {
        const measure *m = &measures[i];
        char sig[128];

        if (m->of == OF_no)
            continue;
        printf("CREATE FUNCTION %s_of(nps_state) RETURNS %s\n    AS 'MODULE_PATHNAME' " PURE ";\n",
               m->name, returns[m->result]);
        if (m->of == OF_confidence)
            printf("CREATE FUNCTION %s_of(nps_state, confidence double precision) RETURNS %s\n"
                   "    AS 'MODULE_PATHNAME' " PURE ";\n",
                   m->name, returns[m->result]);
        FORMAT(sig, "%s_of(nps_state)", m->name);
        comment("FUNCTION", sig, "", m->of_about, m->of == OF_confidence ? ", at 95%" : "", NULL,
                0);
        if (m->of == OF_confidence) {
            FORMAT(sig, "%s_of(nps_state, double precision)", m->name);
            comment("FUNCTION", sig, "", m->of_about, ", at a confidence 0 < c < 1", NULL, 0);
        }
    }
}

/* The final functions of the aggregates, then their comments. */
static void section_finals(void)
{
    for (size_t i = 0; i < COUNT(measures); i++)
        if (measures[i].aggregate)
            printf("CREATE FUNCTION nps_final_%s(nps_state) RETURNS %s\n"
                   "    AS 'MODULE_PATHNAME' " PURE ";\n",
                   measures[i].final, returns[measures[i].result]);
    putchar('\n');
    for (size_t i = 0; i < COUNT(measures); i++) {
        const measure *m = &measures[i];
        char sig[128], prefix[128];

        if (!m->aggregate)
            continue;
        FORMAT(sig, "nps_final_%s(nps_state)", m->final);
        FORMAT(prefix, "final function of %s(): ", m->name);
        comment("FUNCTION", sig, prefix, m->final_about, "", NULL, 0);
    }
}

/* The transition functions of every score type: SQL name, C symbol before
 * the type, whether a weight follows the score, and their comment around
 * the type. */
static const struct transition {
    const char *name, *symbol;
    int weighted;
    const char *before, *after;
} transitions[] = {
    {"nps_state_add", "nps_state_add_", 0, "transition function of the aggregates over ",
     " scores: count one score 0..10"},
    {"nps_state_remove", "nps_state_remove_", 0, "inverse transition of the aggregates over ",
     " scores: take one score out again"},
    {"nps_state_add", "nps_state_add_weighted_", 1,
     "transition function of the weighted aggregates over ",
     " scores: count one score with its weight"},
    {"nps_state_remove", "nps_state_remove_weighted_", 1,
     "inverse transition of the weighted aggregates over ",
     " scores: take one weighted score out again"},
};

/* The transition functions of each score type, then their comments. */
static void section_transitions(void)
{
    for (size_t i = 0; i < COUNT(types); i++) {
        const score_type *t = &types[i];
        char sig[COUNT(transitions)][128];

        printf("%s-- %s scores\n", i > 0 ? "\n" : "", t->sql);
        for (size_t k = 0; k < COUNT(transitions); k++) {
            const struct transition *f = &transitions[k];

            FORMAT(sig[k], "%s(nps_state, %s%s)", f->name, t->sql,
                   f->weighted ? ", double precision" : "");
            printf("CREATE FUNCTION %s RETURNS nps_state\n"
                   "    AS 'MODULE_PATHNAME', '%s%s' " PURE ";\n",
                   sig[k], f->symbol, t->type);
        }
        for (size_t k = 0; k < COUNT(transitions); k++)
            comment("FUNCTION", sig[k], transitions[k].before, t->sql, transitions[k].after, NULL,
                    1);
    }
}

/* One aggregate of a measure over args, with its transition and inverse and what its input is. */
static void aggregate(const measure *m, const char *args, const char *sfunc, const char *minvfunc,
                      const char *input)
{
    char sig[160];

    printf("CREATE AGGREGATE %s(%s) (\n"
           "    SFUNC = %s, STYPE = nps_state, INITCOND = " EMPTY ", FINALFUNC = nps_final_%s,\n"
           "    COMBINEFUNC = nps_state_combine,\n"
           "    MSFUNC = %s, MINVFUNC = %s, MSTYPE = nps_state, MINITCOND = " EMPTY
           ", MFINALFUNC = nps_final_%s,\n"
           "    PARALLEL = SAFE);\n",
           m->name, args, sfunc, m->final, sfunc, minvfunc, m->final);
    FORMAT(sig, "%s(%s)", m->name, args);
    comment("AGGREGATE", sig, "", m->about, input, NULL, 0);
}

/* Every aggregate: over each score type, plain and weighted, and over nps_state. */
static void section_aggregates(void)
{
    int first = 1;

    for (size_t i = 0; i < COUNT(measures); i++) {
        const measure *m = &measures[i];

        if (!m->aggregate)
            continue;
        printf("%s-- %s\n", first ? "" : "\n", m->name);
        first = 0;
        for (size_t k = 0; k < COUNT(types); k++) {
            char args[128], input[256];

            FORMAT(input, "; %s scores 0..10, NULL skipped", types[k].sql);
            aggregate(m, types[k].sql, "nps_state_add", "nps_state_remove", input);
            FORMAT(args, "%s, double precision", types[k].sql);
            FORMAT(input,
                   "; weighted %s scores 0..10, weight finite and >= 0, NULL weight skips the "
                   "row",
                   types[k].sql);
            aggregate(m, args, "nps_state_add", "nps_state_remove", input);
        }
        aggregate(m, "nps_state", "nps_state_combine", "nps_state_unmerge",
                  "; merges nps_state values");
        aggregate(m, "nps_state, double precision", "nps_state_add", "nps_state_remove",
                  "; an error: a weight cannot be applied to an nps_state");
    }
}

/* A scalar of NPS_SCORE_SCALARS for each score type: (score) and (score, lang). */
static void section_score_scalar(const score_scalar *s)
{
    for (size_t i = 0; i < COUNT(types); i++) {
        const score_type *t = &types[i];
        char sig[128];

        printf("%sCREATE FUNCTION %s(%s) RETURNS text\n"
               "    AS 'MODULE_PATHNAME', '%s_%s' LANGUAGE C %s;\n",
               i > 0 ? "\n" : "", s->name, t->sql, s->name, t->type, s->attributes);
        printf("CREATE FUNCTION %s(%s, text) RETURNS text\n"
               "    AS 'MODULE_PATHNAME', '%s_%s' LANGUAGE C %s;\n",
               s->name, t->sql, s->name, t->type, s->attributes);
        FORMAT(sig, "%s(%s)", s->name, t->sql);
        comment("FUNCTION", sig, "", s->about, "", t->noun, 1);
        FORMAT(sig, "%s(%s, text)", s->name, t->sql);
        comment("FUNCTION", sig, "", s->about_lang, "", t->noun, 1);
    }
}

/* The sections a template line may name; each is printed once. */
typedef struct section {
    const char *name;
    void (*print)(void);
    int printed;
} section;

int main(int argc, char **argv)
{
    section sections[] = {
        {"of", section_of, 0},
        {"finals", section_finals, 0},
        {"transitions", section_transitions, 0},
        {"aggregates", section_aggregates, 0},
    };
    int scalar_printed[COUNT(scalars)] = {0};
    char line[4096];
    FILE *in;

    if (argc != 2) {
        fprintf(stderr, "usage: gen_sql sql/nps.sql.tmpl > sql/nps.sql\n");
        return 2;
    }
    template_name = argv[1];
    if ((in = fopen(template_name, "r")) == NULL) {
        perror(template_name);
        return 1;
    }
    printf("-- Generated by tools/gen_sql.c from the table of sql/surface.h and the\n"
           "-- hand-written parts in sql/nps.sql.tmpl.  Do not edit: change those and\n"
           "-- run `make sql` (`make check` fails while this file differs).\n\n");
    while (fgets(line, sizeof line, in) != NULL) {
        const char *name = line + 3;
        int found = 0;

        if (strncmp(line, "@@ ", 3) != 0) {
            fputs(line, stdout);
            continue;
        }
        line[strcspn(line, "\n")] = '\0';
        for (size_t i = 0; i < COUNT(sections); i++)
            if (strcmp(name, sections[i].name) == 0) {
                sections[i].print();
                found = ++sections[i].printed;
            }
        for (size_t i = 0; i < COUNT(scalars); i++)
            if (strcmp(name, scalars[i].name) == 0) {
                section_score_scalar(&scalars[i]);
                found = ++scalar_printed[i];
            }
        if (found == 0)
            die("no section of that name:", line);
        if (found > 1)
            die("section printed twice:", line);
    }
    fclose(in);
    for (size_t i = 0; i < COUNT(sections); i++)
        if (!sections[i].printed)
            die("no line @@", sections[i].name);
    for (size_t i = 0; i < COUNT(scalars); i++)
        if (!scalar_printed[i])
            die("no line @@", scalars[i].name);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("gen_sql: stdout");
        return 1;
    }
    return 0;
}
