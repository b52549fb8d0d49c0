-- The programme toolkit's functions in PostgreSQL (P1-P4 of core/nps.h):
-- the same values and error texts as tests/sqlite/programme.sql.

-- P1: sampling keys recomputed with Python; a bigint key hashes its digits.
SELECT nps_sample_key('', '') AS empty, nps_sample_key('C000001', 'spring-2026') AS c1,
       nps_sample_key('C000002', 'spring-2026') AS c2, nps_sample_key('C000001', 'autumn-2026') AS c1_autumn;
SELECT nps_sample_key('42', 'nps') AS text_key, nps_sample_key(42, 'nps') AS integer_key,
       nps_sample_key(42::bigint, 'nps') AS bigint_key, nps_sample_key(-7, 's') = nps_sample_key('-7', 's') AS negative,
       nps_sample_key('Zoë', '種子') AS utf8, nps_sample_key('ab', 'c') AS ab_c, nps_sample_key('a', 'bc') AS a_bc;
SELECT nps_sample_key(NULL::text, 'nps') IS NULL AS null_key, nps_sample_key('x', NULL) IS NULL AS null_seed;
SELECT count(*) FILTER (WHERE nps_sample_key(format('C%s', lpad(i::text, 6, '0')), 'spring-2026') % 100 < 10) AS ten_percent,
       min(nps_sample_key(format('C%s', lpad(i::text, 6, '0')), 'spring-2026')) >= 0 AS none_negative
FROM generate_series(1, 10000) AS i;
SELECT format('C%s', lpad(i::text, 6, '0')) AS first_five FROM generate_series(1, 10000) AS i
ORDER BY nps_sample_key(format('C%s', lpad(i::text, 6, '0')), 'spring-2026') LIMIT 5;

-- P2: case folding, independent of the locale (this cluster's is C, where
-- lower() leaves non-ASCII letters alone).
SELECT nps_casefold('ŁATWY W OBSŁUDZE') AS pl, nps_casefold('ZUVERLÄSSIG') AS de,
       nps_casefold('İSTANBUL STRAẞE') AS shorter, nps_casefold('ΆΣΚΗΣΗ МОСКВА') AS greek_cyrillic,
       nps_casefold('ＡＰＰ 客服 ซัพพอร์ต') AS wide_cjk_thai;
SELECT lower('ŁATWY') AS lower_in_c_locale, nps_casefold('ŁATWY') AS casefold;
SELECT octet_length('İSTANBUL') AS bytes_before, octet_length(nps_casefold('İSTANBUL')) AS bytes_after,
       nps_casefold(NULL) IS NULL AS null_text;

-- P3: the built-in question of each category, in every language.
SELECT lang, nps_followup_question(0, lang) AS detractor, nps_followup_question(7, lang) AS passive,
       nps_followup_question(10, lang) AS promoter
FROM (VALUES (1, 'en'), (2, 'zh'), (3, 'pl'), (4, 'th'), (5, 'de'), (6, 'es'), (7, 'fr'), (8, 'ja')) AS l(k, lang)
ORDER BY k;
-- Every score type; the boundaries of R2; codes in any case.
SELECT nps_followup_question(6::smallint) = nps_followup_question(0) AS six_is_detractor,
       nps_followup_question(8::bigint) = nps_followup_question(7) AS eight_is_passive,
       nps_followup_question(9.0) = nps_followup_question(10, 'EN') AS nine_is_promoter,
       nps_followup_question(9::double precision, 'en') = nps_followup_question(9) AS double_precision;
SELECT nps_followup_question(NULL::integer) IS NULL AS null_score, nps_followup_question(5, NULL) IS NULL AS null_lang;
SELECT nps_followup_question(11);
SELECT nps_followup_question(7.5);
SELECT nps_followup_question('NaN'::numeric);
SELECT nps_followup_question(5, 'xx');
-- The programme's override table, nps_followup_questions, in the
-- extension's schema.  A language it adds but lacks a category for falls
-- back to the English built-in question of that category.
INSERT INTO nps_followup_questions VALUES ('detractor', 'en', 'Sorry! What should we fix first?'),
    ('promoter', 'it', 'Grazie! Cosa apprezzi di più?');
SELECT nps_followup_question(3) AS override, nps_followup_question(3, 'En') AS any_case,
       nps_followup_question(10, 'IT') AS new_language, nps_followup_question(9) AS built_in;
SELECT nps_followup_question(3, 'it') AS italian_detractor, nps_followup_question(8, 'it') AS italian_passive;
SELECT nps_followup_question(3, 'xx');
-- Moved to another schema it is not consulted, whatever the search_path:
-- the function never looks a name up on the caller's path.
CREATE SCHEMA other;
ALTER TABLE nps_followup_questions SET SCHEMA other;
SELECT nps_followup_question(3) AS not_in_the_extension_schema;
SET search_path = other, public;
SELECT nps_followup_question(3) AS on_the_path_but_not_read;
SELECT nps_followup_question(10, 'it');
RESET search_path;
ALTER TABLE other.nps_followup_questions SET SCHEMA public;

-- P4: bad arguments of the alert functions, the same texts as in SQLite.
CREATE TABLE responses (id serial PRIMARY KEY, who text, score smallint, comment text);
SELECT nps_alert_on(NULL, 'score');
SELECT nps_alert_on('responses', NULL);
SELECT nps_alert_on('responses', 'score', NULL);
SELECT nps_alert_on('responses', 'score', 'nps_alert', NULL);
SELECT nps_alert_off(NULL);
SELECT nps_alert_on('responsez', 'score');
SELECT nps_alert_on('', 'score');
SELECT nps_alert_off('responsez');
SELECT nps_alert_on('responses', 'scor');
-- Names follow SQL's identifier rules, for the table and the column alike:
-- unquoted folds to lower case, "Quoted" is exact; anything that is not a
-- name is no table or no column, named as given.
SELECT nps_alert_on('x"; DROP TABLE y; --', 'score');
SELECT nps_alert_on('public.responses.score', 'score');
SELECT nps_alert_on('"responses', 'score');
SELECT nps_alert_on('responses', 'score"; DROP TABLE y; --');
SELECT nps_alert_on('responses', '"Score"');
SELECT nps_alert_on('responses', 'the score');
SELECT nps_alert_on('responses', 'responses.score');
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractor', NULL);
SELECT nps_alert_on('responses', 'ctid');
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractors');
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractor,,promoter');
SELECT nps_alert_on('responses', 'score', 'nps_alert', '');
SELECT nps_alert_on('responses', 'score', '');
SELECT nps_alert_on('responses', 'score', 'a_queue_name_that_is_much_longer_than_sixty_three_bytes_in_all_x');
CREATE VIEW a_view AS SELECT 1 AS id;
SELECT nps_alert_on('a_view', 'id');
SELECT count(*) AS alert_triggers FROM pg_trigger WHERE tgname = 'nps_alert';
-- Installed and removed; unquoted names in any case.
SELECT nps_alert_on('responses', 'score') AS installed;
SELECT nps_alert_on('PUBLIC.Responses', 'SCORE', 'cx', ' Promoter , detractor', true) AS installed;
-- One trigger, replaced: its arguments are the column, channel, categories,
-- what the payload carries ('key'; 'row' with with_row) and the programme's
-- tables (here loaded); for an integer column, its WHEN clause lets only the
-- categories' scores reach the function (with pg_catalog's operators).
SELECT tgrelid::regclass, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'nps_alert';
SELECT nps_alert_off('responses') AS removed;
SELECT nps_alert_off('responses') AS removed_again;
-- A partitioned table takes an alert too; a quoted odd name works.
CREATE TABLE parts (id int, score int, PRIMARY KEY (id)) PARTITION BY RANGE (id);
CREATE TABLE parts_1 PARTITION OF parts FOR VALUES FROM (0) TO (100);
SELECT nps_alert_on('parts', 'score') AS installed;
CREATE TABLE "it's a ""table""" ("the score" int);
SELECT nps_alert_on('"it''s a ""table"""', '"the score"', 'select') AS installed;
SELECT nps_alert_off('parts') + nps_alert_off('"it''s a ""table"""') AS removed;
