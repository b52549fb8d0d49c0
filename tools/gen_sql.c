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

/* One row of NPS_MEASURES or NPS_SCALE_MEASURES, as far as the script
 * needs it: family is "nps" or the scale's name. */
typedef struct measure {
    const char *family, *name, *final;
    enum result result;
    int aggregate;
    enum of of;
    const char *about, *final_about, *of_about;
} measure;

#define X(name, final, result, measure, aggregate, of, about, final_about, of_about)               \
    {"nps",   #name, #final,      R_##result, AGGREGATE_##aggregate,                               \
     OF_##of, about, final_about, of_about},
static const measure nps_measures[] = {NPS_MEASURES(X)};
#undef X

#define X(scale, name, final, result, measure, aggregate, of, about, final_about, of_about)        \
    {#scale,  #name, #final,      R_##result, AGGREGATE_##aggregate,                               \
     OF_##of, about, final_about, of_about},
static const measure scale_measures[] = {NPS_SCALE_MEASURES(X)};
#undef X

/* One row of NPS_SCALES. */
typedef struct scale {
    const char *name, *empty, *scores;
} scale;

#define X(name, id, empty, scores) {#name, empty, scores},
static const scale scales[] = {NPS_SCALES(X)};
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

/* The family whose objects a section prints: NPS, or a scale (the block
 * "@@ scales" of the template is printed once per scale). */
typedef struct family {
    const char *name;  /* "nps", "csat": the first column of the measures */
    char state[32];    /* its state type: "nps_state" */
    char a_state[40];  /* "an nps_state", "a csat_state" */
    const char *range; /* its scores: "0..10" */
    const char *empty; /* the text of its empty state, INITCOND */
} family;

static family fam = {"nps", "nps_state", "an nps_state", "0..10", "'scores=0,0,0,0,0,0,0,0,0,0,0'"};

/* The measures of the current family: NPS's, or the rows of NPS_SCALE_MEASURES of the scale. */
#define FOR_MEASURES(m) for (const measure *m = first_measure(); m != NULL; m = next_measure(m))

static const measure *next_in(const measure *m, const measure *end)
{
    for (; m < end; m++)
        if (strcmp(m->family, fam.name) == 0)
            return m;
    return NULL;
}

static const measure *first_measure(void)
{
    if (strcmp(fam.name, "nps") == 0)
        return nps_measures;
    return next_in(scale_measures, scale_measures + COUNT(scale_measures));
}

static const measure *next_measure(const measure *m)
{
    if (m >= nps_measures && m < nps_measures + COUNT(nps_measures))
        return m + 1 < nps_measures + COUNT(nps_measures) ? m + 1 : NULL;
    return next_in(m + 1, scale_measures + COUNT(scale_measures));
}

/* The SQL type of each kind of result; a state is the family's. */
static const char *returns(enum result r)
{
    static const char *const types[] = {
        [R_number] = "double precision",
        [R_summary] = "json",
        [R_rows] = "bigint",
    };
    return r == R_state ? fam.state : types[r];
}

/* Every C function of the extension is pure but the programme's. */
#define PURE "LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE"

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
    FOR_MEASURES(m)
    {
        char sig[128];

        if (m->of == OF_no)
            continue;
        printf("CREATE FUNCTION %s_of(%s) RETURNS %s\n    AS 'MODULE_PATHNAME' " PURE ";\n",
               m->name, fam.state, returns(m->result));
        if (m->of == OF_confidence)
            printf("CREATE FUNCTION %s_of(%s, confidence double precision) RETURNS %s\n"
                   "    AS 'MODULE_PATHNAME' " PURE ";\n",
                   m->name, fam.state, returns(m->result));
        FORMAT(sig, "%s_of(%s)", m->name, fam.state);
        comment("FUNCTION", sig, "", m->of_about, m->of == OF_confidence ? ", at 95%" : "", NULL,
                0);
        if (m->of == OF_confidence) {
            FORMAT(sig, "%s_of(%s, double precision)", m->name, fam.state);
            comment("FUNCTION", sig, "", m->of_about, ", at a confidence 0 < c < 1", NULL, 0);
        }
    }
}

/* The final functions of the aggregates, then their comments. */
static void section_finals(void)
{
    FOR_MEASURES(m)
    {
        if (m->aggregate)
            printf("CREATE FUNCTION %s_final_%s(%s) RETURNS %s\n"
                   "    AS 'MODULE_PATHNAME' " PURE ";\n",
                   fam.name, m->final, fam.state, returns(m->result));
    }
    putchar('\n');
    FOR_MEASURES(m)
    {
        char sig[128], prefix[128];

        if (!m->aggregate)
            continue;
        FORMAT(sig, "%s_final_%s(%s)", fam.name, m->final, fam.state);
        FORMAT(prefix, "final function of %s(): ", m->name);
        comment("FUNCTION", sig, prefix, m->final_about, "", NULL, 0);
    }
}

/* The transition functions of every score type: SQL name and C symbol after
 * the state's name, whether a weight follows the score, and their comment
 * around the type. */
static const struct transition {
    const char *name, *symbol;
    int weighted;
    const char *before, *after;
} transitions[] = {
    {"add", "add_", 0, "transition function of the aggregates over ", " scores: count one score "},
    {"remove", "remove_", 0, "inverse transition of the aggregates over ",
     " scores: take one score out again"},
    {"add", "add_weighted_", 1, "transition function of the weighted aggregates over ",
     " scores: count one score with its weight"},
    {"remove", "remove_weighted_", 1, "inverse transition of the weighted aggregates over ",
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

            FORMAT(sig[k], "%s_%s(%s, %s%s)", fam.state, f->name, fam.state, t->sql,
                   f->weighted ? ", double precision" : "");
            printf("CREATE FUNCTION %s RETURNS %s\n"
                   "    AS 'MODULE_PATHNAME', '%s_%s%s' " PURE ";\n",
                   sig[k], fam.state, fam.state, f->symbol, t->type);
        }
        for (size_t k = 0; k < COUNT(transitions); k++) {
            char after[128];

            FORMAT(after, "%s%s", transitions[k].after, k == 0 ? fam.range : "");
            comment("FUNCTION", sig[k], transitions[k].before, t->sql, after, NULL, 1);
        }
    }
}

/* One aggregate of a measure over args, with its transition and inverse
 * (after the state's name) and what its input is. */
static void aggregate(const measure *m, const char *args, const char *sfunc, const char *minvfunc,
                      const char *input)
{
    char sig[160];

    printf("CREATE AGGREGATE %s(%s) (\n"
           "    SFUNC = %s_%s, STYPE = %s, INITCOND = %s, FINALFUNC = %s_final_%s,\n"
           "    COMBINEFUNC = %s_combine,\n"
           "    MSFUNC = %s_%s, MINVFUNC = %s_%s, MSTYPE = %s, MINITCOND = %s, MFINALFUNC = "
           "%s_final_%s,\n"
           "    PARALLEL = SAFE);\n",
           m->name, args, fam.state, sfunc, fam.state, fam.empty, fam.name, m->final, fam.state,
           fam.state, sfunc, fam.state, minvfunc, fam.state, fam.empty, fam.name, m->final);
    FORMAT(sig, "%s(%s)", m->name, args);
    comment("AGGREGATE", sig, "", m->about, input, NULL, 0);
}

/* Every aggregate: over each score type, plain and weighted, and over the state. */
static void section_aggregates(void)
{
    int first = 1;

    FOR_MEASURES(m)
    {
        char args[128], input[256];

        if (!m->aggregate)
            continue;
        printf("%s-- %s\n", first ? "" : "\n", m->name);
        first = 0;
        for (size_t k = 0; k < COUNT(types); k++) {
            FORMAT(input, "; %s scores %s, NULL skipped", types[k].sql, fam.range);
            aggregate(m, types[k].sql, "add", "remove", input);
            FORMAT(args, "%s, double precision", types[k].sql);
            FORMAT(input,
                   "; weighted %s scores %s, weight finite and >= 0, NULL weight skips the "
                   "row",
                   types[k].sql, fam.range);
            aggregate(m, args, "add", "remove", input);
        }
        FORMAT(input, "; merges %s values", fam.state);
        aggregate(m, fam.state, "combine", "unmerge", input);
        FORMAT(args, "%s, double precision", fam.state);
        FORMAT(input, "; an error: a weight cannot be applied to %s", fam.a_state);
        aggregate(m, args, "add", "remove", input);
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

/* The sections a template line may name; each is printed once (within the
 * block "@@ scales", once per scale). */
typedef struct section {
    const char *name;
    void (*print)(void);
    int printed;
} section;

static section sections[] = {
    {"of", section_of, 0},
    {"finals", section_finals, 0},
    {"transitions", section_transitions, 0},
    {"aggregates", section_aggregates, 0},
};
static int scalar_printed[COUNT(scalars)];

/* Print the section a line "@@ name" names (line: the name). */
static void print_section(const char *name)
{
    int found = 0;

    for (size_t i = 0; i < COUNT(sections); i++)
        if (strcmp(name, sections[i].name) == 0) {
            sections[i].print();
            found = ++sections[i].printed;
        }
    for (size_t i = 0; i < COUNT(scalars) && strcmp(fam.name, "nps") == 0; i++)
        if (strcmp(name, scalars[i].name) == 0) {
            section_score_scalar(&scalars[i]);
            found = ++scalar_printed[i];
        }
    if (found == 0)
        die("no section of that name:", name);
    if (found > 1)
        die("section printed twice:", name);
}

/* Print a line of the block "@@ scales" for the current scale: {scale},
 * {SCALE}, {state}, {scores} and {empty} put in. */
static void scale_line(const char *line, const scale *sc)
{
    for (const char *p = line; *p != '\0'; p++) {
        if (strncmp(p, "{scale}", 7) == 0) {
            fputs(sc->name, stdout);
            p += 6;
        } else if (strncmp(p, "{SCALE}", 7) == 0) {
            for (const char *q = sc->name; *q != '\0'; q++)
                putchar(*q >= 'a' && *q <= 'z' ? *q - 'a' + 'A' : *q);
            p += 6;
        } else if (strncmp(p, "{state}", 7) == 0) {
            fputs(fam.state, stdout);
            p += 6;
        } else if (strncmp(p, "{scores}", 8) == 0) {
            fputs(sc->scores, stdout);
            p += 7;
        } else if (strncmp(p, "{empty}", 7) == 0) {
            fputs(sc->empty, stdout);
            p += 6;
        } else {
            putchar(*p);
        }
    }
}

/* The block "@@ scales" .. "@@ end" (lines[0..n)), once per row of
 * NPS_SCALES, with the sections of each scale in it. */
static void print_scales(char **lines, size_t n)
{
    family nps = fam;

    for (size_t k = 0; k < COUNT(scales); k++) {
        const scale *sc = &scales[k];
        char range[16];

        fam.name = sc->name;
        FORMAT(fam.state, "%s_state", sc->name);
        FORMAT(fam.a_state, "a %s_state", sc->name);
        /* the range is the scores' first words: "scores 1..5 (...)" */
        if (sscanf(sc->scores, "scores %15[0-9.]", range) != 1)
            die("no range in the scores of", sc->name);
        fam.range = range;
        fam.empty = sc->empty;
        for (size_t i = 0; i < COUNT(sections); i++)
            sections[i].printed = 0;
        for (size_t i = 0; i < n; i++)
            if (strncmp(lines[i], "@@ ", 3) == 0)
                print_section(lines[i] + 3);
            else
                scale_line(lines[i], sc);
        for (size_t i = 0; i < COUNT(sections); i++)
            if (!sections[i].printed)
                die("no line @@ in the block of scales:", sections[i].name);
        if (first_measure() == NULL)
            die("no measures of the scale", sc->name);
    }
    fam = nps;
}

int main(int argc, char **argv)
{
    char line[4096];
    char *block[256];
    size_t nblock = 0;
    int in_block = 0, scales_printed = 0;
    int nps_printed[COUNT(sections)];
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
        if (in_block) {
            if (strcmp(line, "@@ end\n") == 0) {
                for (size_t i = 0; i < COUNT(sections); i++)
                    nps_printed[i] = sections[i].printed;
                print_scales(block, nblock);
                for (size_t i = 0; i < COUNT(sections); i++)
                    sections[i].printed = nps_printed[i];
                in_block = 0;
                scales_printed++;
                continue;
            }
            if (strncmp(line, "@@ ", 3) == 0)
                line[strcspn(line, "\n")] = '\0';
            if (nblock == COUNT(block) || (block[nblock] = malloc(strlen(line) + 1)) == NULL)
                die("block of scales too long at", line);
            memcpy(block[nblock++], line, strlen(line) + 1);
            continue;
        }
        if (strncmp(line, "@@ ", 3) != 0) {
            fputs(line, stdout);
            continue;
        }
        line[strcspn(line, "\n")] = '\0';
        if (strcmp(line, "@@ scales") == 0) {
            in_block = 1;
            continue;
        }
        print_section(line + 3);
    }
    fclose(in);
    if (in_block || scales_printed != 1)
        die("needs one block", "@@ scales .. @@ end");
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
