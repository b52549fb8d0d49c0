/*
 * surface.h -- the table of the SQL surface: every measure and the forms it
 * takes, every score type PostgreSQL accepts, and the scalars defined once
 * per score type.  What repeats per row anywhere is produced from here:
 *
 *   sqlite-ext/nps_sqlite.c  the SQLite registration rows of each measure,
 *                            each with its function pointers;
 *   pg-ext/nps_pg.c          the final function and _of scalar of each
 *                            measure, the transition functions and
 *                            nps_category of each score type;
 *   pg-ext/programme.c       nps_followup_question of each score type;
 *   tools/gen_sql.c          sql/nps.sql: the CREATE and COMMENT statements
 *                            of all of these, around which it copies the
 *                            hand-written parts from sql/nps.sql.tmpl.
 *
 * Why C macros (X-macros) and a generator written in C: the wrappers
 * include this file as it is, so a row that a wrapper cannot serve (a
 * result kind or score type without its C routine) fails to compile, and
 * building the generator needs nothing but the C compiler that builds the
 * extension.  sql/nps.sql stays committed, readable and greppable; `make
 * sql` rewrites it and `make check-sql` (part of `make check`) fails when
 * the committed script is not what the table gives.
 *
 * Adding a measure: one row in NPS_MEASURES and its nps_measure in the core
 * (nps_compute), then `make sql`.  Adding a score type: one row in
 * NPS_SCORE_TYPES and its SCORE_<type> reader in pg-ext/nps_pg.h.
 *
 * A consumer expands a list with a macro of its own that takes the row's
 * parameters.  It pastes or stringizes a name in that macro itself, before
 * passing it on: passed on, a name is expanded first (stderr is a macro in
 * some C libraries).  This file includes nothing and defines nothing else,
 * so the generator needs no engine's headers, and of the core only
 * languages.c (for {languages}).
 */
#ifndef NPS_SURFACE_H
#define NPS_SURFACE_H

/*
 * NPS_MEASURES(X): X(name, final, result, measure, aggregate, of, about,
 *                    final_about, of_about)
 *
 *   name         SQL name of the aggregate; the _of scalar is name_of
 *   final        the final function is nps_final_<final>
 *   result       number (double precision: one nps_measure of the state),
 *                state (the nps_state), summary (the JSON summary) or rows
 *                (bigint: the rows a state holds)
 *   measure      the core's nps_measure of a number; 0 for other results
 *   aggregate    yes: the aggregate name(score [, weight]) over every score
 *                type and over nps_state (which it merges; a weight with a
 *                state is an error), with its final function; no: none
 *   of           yes: the scalar name_of(state); confidence: also
 *                name_of(state, confidence), the margin or interval at that
 *                level instead of 95%; no: none
 *   about        COMMENT of the aggregates, before the words on the input
 *   final_about  COMMENT of the final function, after "final function of
 *                name(): "
 *   of_about     COMMENT of the _of scalar; with confidence, ", at 95%" or
 *                ", at a confidence 0 < c < 1" follows
 *
 * Each row is one measure in every form; the order of the rows is the
 * order of the install script and of the SQLite registration.
 */
#define NPS_MEASURES(X)                                                                            \
    X(nps, nps, number, NPS_M_NPS, yes, yes,                                                       \
      "net promoter score: % promoters - % detractors, -100..100", "the NPS of a state",           \
      "the NPS of a state, -100..100")                                                             \
    X(promoter_share, promoter_share, number, NPS_M_PROMOTER_SHARE, yes, yes,                      \
      "% promoters (scores 9-10), 0..100", "% promoters of a state", "% promoters of a state")     \
    X(passive_share, passive_share, number, NPS_M_PASSIVE_SHARE, yes, yes,                         \
      "% passives (scores 7-8), 0..100", "% passives of a state", "% passives of a state")         \
    X(detractor_share, detractor_share, number, NPS_M_DETRACTOR_SHARE, yes, yes,                   \
      "% detractors (scores 0-6), 0..100", "% detractors of a state", "% detractors of a state")   \
    X(nps_stderr, stderr, number, NPS_M_STDERR, yes, yes,                                          \
      "standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is "  \
      "Kish's effective n",                                                                        \
      "standard error of the NPS of a state, in points",                                           \
      "standard error of the NPS of a state, in points (weighted: Kish's n)")                      \
    X(nps_moe, moe, number, NPS_M_MOE, yes, confidence,                                            \
      "95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish's "          \
      "effective n",                                                                               \
      "95% margin of error of a state, in points",                                                 \
      "margin of error of the NPS of a state in points, z * stderr (Wald)")                        \
    X(nps_ci_lower, ci_lower, number, NPS_M_CI_LOWER, yes, confidence,                             \
      "lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish's effective n", \
      "lower bound of the 95% adjusted-Wald interval",                                             \
      "lower bound of the adjusted-Wald interval of the NPS of a state")                           \
    X(nps_ci_upper, ci_upper, number, NPS_M_CI_UPPER, yes, confidence,                             \
      "upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish's effective n", \
      "upper bound of the 95% adjusted-Wald interval",                                             \
      "upper bound of the adjusted-Wald interval of the NPS of a state")                           \
    X(nps_state, state, state, 0, yes, no, "mergeable state of the scores (NULL over no rows)",    \
      "the state, NULL over no rows", "")                                                          \
    X(nps_summary, summary, summary, 0, yes, yes,                                                  \
      "JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and "    \
      "the 11 score counts",                                                                       \
      "the JSON summary of a state", "the JSON summary of a state")                                \
    X(nps_rows, rows, rows, 0, no, yes, "", "", "the number of rows a state holds")

/*
 * NPS_SCORE_TYPES(X): X(type, sql, noun)
 *
 *   type  suffix of the C functions for this type (nps_state_add_<type>,
 *         nps_category_<type>, ...) and of its reader SCORE_<type>
 *   sql   the PostgreSQL type
 *   noun  what a value of it is, in COMMENTs ({score} below)
 *
 * SQLite reads any value as a score at run time and has no list.
 */
#define NPS_SCORE_TYPES(X) NPS_SCORE_TYPES_FOR(NPS_SCORE_TYPE_ROW, X)
/* The same rows with one more argument a passed to each, X(type, sql, noun, a):
 * a list nested in another (the transitions of each scale). */
#define NPS_SCORE_TYPES_FOR(X, a)                                                                  \
    X(int2, "smallint", "a score", a)                                                              \
    X(int4, "integer", "a score", a)                                                               \
    X(int8, "bigint", "a score", a)                                                                \
    X(numeric, "numeric", "a whole-number score", a)                                               \
    X(float8, "double precision", "a whole-number score", a)
#define NPS_SCORE_TYPE_ROW(type, sql, noun, X) X(type, sql, noun)

/*
 * NPS_SCORE_SCALARS(X): X(name, attributes, about, about_lang)
 *
 * PostgreSQL scalars defined once per score type, name(score) and
 * name(score, lang text), both returning text, C function name_<type>.
 * {score} in a COMMENT stands for the type's noun, {languages} for the
 * codes of core/languages.c.  Each is placed in the
 * install script by a line "@@ name" of sql/nps.sql.tmpl.
 */
#define NPS_SCORE_SCALARS(X)                                                                       \
    X(nps_category, "IMMUTABLE STRICT PARALLEL SAFE",                                              \
      "category of {score} 0..10: detractor (0-6), passive (7-8) or promoter (9-10)",              \
      "category label of {score} 0..10 in a language: {languages}")             \
    X(nps_followup_question, "STABLE STRICT PARALLEL RESTRICTED",                                  \
      "follow-up question for the category of a score 0..10, in English; "                         \
      "nps_followup_questions(category, lang, question) overrides it when that table exists",      \
      "follow-up question for the category of a score 0..10 in a language ({languages}); "         \
      "nps_followup_questions(category, lang, question) overrides it when that table exists")

/*
 * NPS_SCALES(X): X(scale, id, empty, scores)
 *
 *   scale   SQL name of the scale (core/nps_scale.h): its state type is
 *           <scale>_state, and every function of it starts with <scale>
 *   id      the core's nps_scale
 *   empty   the text form of its empty state (the aggregates' INITCOND)
 *   scores  its scores, in COMMENTs
 *
 * Each scale has the objects nps_state has (the type with its text and
 * binary forms and bytea casts, merge, combine, unmerge, the transitions
 * of every score type), under its own names, and its measures below.
 */
#define NPS_SCALES(X)                                                                              \
    X(csat, NPS_CSAT, "'scores=0,0,0,0,0'", "scores 1..5 (satisfied 4-5)")                         \
    X(ces, NPS_CES, "'scores=0,0,0,0,0,0,0'", "scores 1..7 (7: strongly agree it was easy)")

/*
 * NPS_SCALE_MEASURES(X): X(scale, name, final, result, measure, aggregate,
 *                          of, about, final_about, of_about)
 *
 * As NPS_MEASURES, for the scale of the first column: measure is the
 * core's nps_scale_measure, the final function <scale>_final_<final>.
 */
#define NPS_SCALE_MEASURES(X)                                                                      \
    X(csat, csat, value, number, NPS_S_VALUE, yes, yes,                                            \
      "CSAT: % of satisfied answers (4-5 on a 1..5 scale), 0..100", "the CSAT of a state",         \
      "the CSAT of a state, % satisfied, 0..100")                                                  \
    X(csat, csat_moe, moe, number, NPS_S_MOE, yes, confidence,                                     \
      "95% margin of error of the CSAT in points: the half-width of the Wilson score interval; "   \
      "weighted, on Kish's effective n",                                                           \
      "95% margin of error of a CSAT state, in points",                                            \
      "margin of error of the CSAT of a state in points, the half-width of the Wilson interval")   \
    X(csat, csat_ci_lower, ci_lower, number, NPS_S_CI_LOWER, yes, confidence,                      \
      "lower bound of the 95% Wilson score interval of the CSAT; weighted, on Kish's effective n", \
      "lower bound of the 95% Wilson interval", "lower bound of the Wilson interval of the CSAT")  \
    X(csat, csat_ci_upper, ci_upper, number, NPS_S_CI_UPPER, yes, confidence,                      \
      "upper bound of the 95% Wilson score interval of the CSAT; weighted, on Kish's effective n", \
      "upper bound of the 95% Wilson interval", "upper bound of the Wilson interval of the CSAT")  \
    X(csat, csat_state, state, state, 0, yes, no, "mergeable CSAT state (NULL over no rows)",     \
      "the state, NULL over no rows", "")                                                          \
    X(csat, csat_summary, summary, summary, 0, yes, yes,                                           \
      "JSON summary: n, csat, moe95, the 95% interval and the 5 score counts",                     \
      "the JSON summary of a CSAT state", "the JSON summary of a CSAT state")                      \
    X(csat, csat_rows, rows, rows, 0, no, yes, "", "", "the number of rows a CSAT state holds")   \
    X(ces, ces, value, number, NPS_S_VALUE, yes, yes,                                              \
      "CES: the mean effort score on a 1..7 scale (7: strongly agree it was easy)",                \
      "the mean CES of a state", "the mean CES of a state, 1..7")                                  \
    X(ces, ces_easy_share, share, number, NPS_S_SHARE, yes, yes,                                   \
      "% of CES answers 5-7 (agree it was easy), 0..100", "% easy of a state",                     \
      "% of answers 5-7 of a CES state")                                                           \
    X(ces, ces_moe, moe, number, NPS_S_MOE, yes, confidence,                                       \
      "95% margin of error of the mean CES: t with n - 1 degrees of freedom times the standard "   \
      "error; weighted, on Kish's effective n; NULL with one answer",                              \
      "95% margin of error of a CES state", "margin of error of the mean CES of a state (t)")       \
    X(ces, ces_ci_lower, ci_lower, number, NPS_S_CI_LOWER, yes, confidence,                        \
      "lower bound of the 95% t interval of the mean CES; weighted, on Kish's effective n",        \
      "lower bound of the 95% t interval", "lower bound of the t interval of the mean CES")        \
    X(ces, ces_ci_upper, ci_upper, number, NPS_S_CI_UPPER, yes, confidence,                        \
      "upper bound of the 95% t interval of the mean CES; weighted, on Kish's effective n",        \
      "upper bound of the 95% t interval", "upper bound of the t interval of the mean CES")        \
    X(ces, ces_state, state, state, 0, yes, no, "mergeable CES state (NULL over no rows)",         \
      "the state, NULL over no rows", "")                                                          \
    X(ces, ces_summary, summary, summary, 0, yes, yes,                                             \
      "JSON summary: n, ces, easy_share, moe95, the 95% interval and the 7 score counts",          \
      "the JSON summary of a CES state", "the JSON summary of a CES state")                        \
    X(ces, ces_rows, rows, rows, 0, no, yes, "", "", "the number of rows a CES state holds")

#endif
