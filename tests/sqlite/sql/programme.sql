-- The programme toolkit's functions (P1-P5 of core/nps.h): nps_sample_key, nps_casefold,
-- nps_followup_question, nps_alert_on and nps_alert_off, nps_themes_of (at the end).
-- The tables and views of sql/programme/ are tested in tests/programme/.
.headers on
.nullvalue NULL

-- P1: sampling keys recomputed with Python from the definition in nps.h.
-- An integer key hashes its decimal digits, as PostgreSQL's bigint form.
SELECT nps_sample_key('', '') AS empty, nps_sample_key('C000001', 'spring-2026') AS c1,
       nps_sample_key('C000002', 'spring-2026') AS c2, nps_sample_key('C000001', 'autumn-2026') AS c1_autumn;
SELECT nps_sample_key('42', 'nps') AS text_key, nps_sample_key(42, 'nps') AS integer_key,
       nps_sample_key('Zoë', '種子') AS utf8, nps_sample_key('ab', 'c') AS ab_c, nps_sample_key('a', 'bc') AS a_bc;
SELECT quote(nps_sample_key(NULL, 'nps')) AS null_key, quote(nps_sample_key('x', NULL)) AS null_seed;
-- A blob hashes its bytes: x'6162' is 'ab'.
SELECT nps_sample_key(x'6162', 'c') = nps_sample_key('ab', 'c') AS blob_as_bytes;
-- A 10% sample of C000001..C010000 under seed spring-2026 keeps 995 (Python),
-- and no key is negative.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10000)
SELECT count(*) FILTER (WHERE nps_sample_key(printf('C%06d', i), 'spring-2026') % 100 < 10) AS ten_percent,
       min(nps_sample_key(printf('C%06d', i), 'spring-2026')) >= 0 AS none_negative
FROM k;
-- The five first in a sample ordered by key (Python).
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10000)
SELECT printf('C%06d', i) AS first_five FROM k ORDER BY nps_sample_key(printf('C%06d', i), 'spring-2026') LIMIT 5;

-- P2: case folding, the same in every locale; the result may be shorter
-- (İ, ẞ); bytes that are not UTF-8 stay as they are.
SELECT nps_casefold('ŁATWY W OBSŁUDZE') AS pl, nps_casefold('ZUVERLÄSSIG') AS de,
       nps_casefold('İSTANBUL STRAẞE') AS shorter, nps_casefold('ΆΣΚΗΣΗ МОСКВА') AS greek_cyrillic,
       nps_casefold('ＡＰＰ 客服 ซัพพอร์ต') AS wide_cjk_thai;
SELECT length(CAST('İSTANBUL' AS BLOB)) AS bytes_before, length(CAST(nps_casefold('İSTANBUL') AS BLOB)) AS bytes_after;
SELECT hex(nps_casefold(CAST(x'41FF42C3' AS TEXT))) AS bad_utf8, nps_casefold(42) AS number, quote(nps_casefold(NULL)) AS null_text;

-- P3: the built-in question of each category, in every language.
WITH l(lang) AS (VALUES ('en'), ('zh'), ('pl'), ('th'), ('de'), ('es'), ('fr'), ('ja'))
SELECT lang, nps_followup_question(0, lang) AS detractor, nps_followup_question(7, lang) AS passive,
       nps_followup_question(10, lang) AS promoter
FROM l;
-- The boundaries of R2, English by default, codes in any case, scores as in R1.
SELECT nps_followup_question(6) = nps_followup_question(0) AS six_is_detractor,
       nps_followup_question(8) = nps_followup_question(7) AS eight_is_passive,
       nps_followup_question(9) = nps_followup_question(10, 'EN') AS nine_is_promoter,
       nps_followup_question('9') = nps_followup_question(9.0) AS text_and_real;
SELECT quote(nps_followup_question(NULL)) AS null_score, quote(nps_followup_question(5, NULL)) AS null_lang;
SELECT nps_followup_question(11);
SELECT nps_followup_question(7.5);
SELECT nps_followup_question('abc');
SELECT nps_followup_question(5, 'xx');
SELECT nps_followup_question(x'05');
-- An override table, consulted when it exists: its question for the
-- category and language (any case of the code), a new language, and the
-- built-in text where it has none (or a NULL question).
CREATE TABLE nps_followup_questions (category TEXT, lang TEXT, question TEXT);
INSERT INTO nps_followup_questions VALUES ('detractor', 'en', 'Sorry! What should we fix first?'),
    ('promoter', 'it', 'Grazie! Cosa apprezzi di più?'), ('passive', 'de', NULL);
SELECT nps_followup_question(3) AS override, nps_followup_question(3, 'En') AS any_case,
       nps_followup_question(10, 'IT') AS new_language, nps_followup_question(8, 'de') AS null_question,
       nps_followup_question(9) AS built_in;
SELECT nps_followup_question(3, 'it') AS english_built_in;
-- A score outside 0..10 is an error before any override is looked up.
SELECT nps_followup_question(-1);
SELECT nps_followup_question(11, 'en');
-- An override table without the needed columns is an error that says so.
DROP TABLE nps_followup_questions;
CREATE TABLE nps_followup_questions (category TEXT, language TEXT, text TEXT);
SELECT nps_followup_question(3);
DROP TABLE nps_followup_questions;
SELECT nps_followup_question(3) AS built_in_again;

-- P4 and the alert triggers.  A table of responses; the alert appends each
-- detractor row to the queue nps_alert, created on the first call.
CREATE TABLE responses (id INTEGER PRIMARY KEY, who TEXT, score INTEGER, comment TEXT);
SELECT nps_alert_on('responses', 'score') AS installed;
SELECT name, tbl_name FROM sqlite_schema WHERE name LIKE 'nps_alert%' ORDER BY name;
SELECT name, type, "notnull", pk FROM pragma_table_info('nps_alert') ORDER BY cid;
-- Detractors 0-6 alert, as integers, whole reals or text (stored as 5 by the
-- INTEGER affinity: ' 5 ', '5.0'); 7-10, NULL, 6.5, 11, -1 and blobs do not.
INSERT INTO responses (who, score) VALUES ('a', 3), ('b', 7), ('c', 10), ('d', NULL), ('e', 6.0),
    ('f', 6.5), ('g', 11), ('h', -1), ('i', ' 5 '), ('j', '5.0'), ('k', x'05'), ('l', 0);
SELECT id, table_name, row_id, score, typeof(score) AS type, category, handled_at FROM nps_alert ORDER BY id;
SELECT count(*) AS times_are_now FROM nps_alert
WHERE created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'
  AND abs(julianday(created_at) - julianday('now')) < 0.01;
-- An UPDATE alerts when the score changes into an alerting category; the
-- same score again, or another column, does not.
UPDATE responses SET score = 2 WHERE who = 'b';
UPDATE responses SET score = 2 WHERE who = 'b';
UPDATE responses SET comment = 'later' WHERE who = 'a';
UPDATE responses SET score = 9 WHERE who = 'a';
UPDATE responses SET score = 4 WHERE who = 'e';
SELECT id, row_id, score, category FROM nps_alert WHERE id > 5 ORDER BY id;
-- The application marks what it handled.
UPDATE nps_alert SET handled_at = '2026-05-20 12:00:00' WHERE id <= 2;
SELECT count(*) AS open_alerts FROM nps_alert WHERE handled_at IS NULL;

-- Categories: promoters too (for thanks and referral asks), in another queue;
-- installing again replaces the alert (names and case as the user likes).
SELECT nps_alert_on('RESPONSES', 'Score', 'thanks_queue', ' Promoter , detractor') AS installed;
INSERT INTO responses (who, score) VALUES ('m', 9), ('n', 8), ('o', 1);
SELECT table_name, row_id, score, category FROM thanks_queue ORDER BY id;
SELECT count(*) AS nothing_new_in_nps_alert FROM nps_alert WHERE id > 7;
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'passive') AS installed;
INSERT INTO responses (who, score) VALUES ('p', 8), ('q', 2);
SELECT row_id, score, category FROM nps_alert WHERE id > 7 ORDER BY id;

-- Off: the triggers go, the queues and their rows stay; off again is 0.
SELECT nps_alert_off('responses') AS removed;
SELECT nps_alert_off('Responses') AS removed_again;
INSERT INTO responses (who, score) VALUES ('r', 0);
SELECT (SELECT count(*) FROM nps_alert) AS nps_alert_rows, (SELECT count(*) FROM thanks_queue) AS thanks_rows,
       (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger') AS triggers;

-- Bad arguments: NULLs, no such table or column, unknown categories, a bad
-- queue name, a WITHOUT ROWID table, a queue name taken by another table or a
-- view; nothing is installed by a failed call.
SELECT nps_alert_on(NULL, 'score');
SELECT nps_alert_on('responses', NULL);
SELECT nps_alert_on('responses', 'score', NULL);
SELECT nps_alert_on('responses', 'score', 'nps_alert', NULL);
SELECT nps_alert_off(NULL);
SELECT nps_alert_on('responsez', 'score');
SELECT nps_alert_off('responsez');
SELECT nps_alert_on('responses', 'scor');
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractors');
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractor,,promoter');
SELECT nps_alert_on('responses', 'score', 'nps_alert', '');
SELECT nps_alert_on('responses', 'score', '');
SELECT nps_alert_on('responses', 'score', 'a_queue_name_that_is_much_longer_than_sixty_three_bytes_in_all_x');
CREATE TABLE keyed (k TEXT PRIMARY KEY, score INTEGER) WITHOUT ROWID;
SELECT nps_alert_on('keyed', 'score');
SELECT nps_alert_on('responses', 'score', 'responses');
CREATE VIEW a_view AS SELECT 1 AS id;
SELECT nps_alert_on('responses', 'score', 'a_view');
SELECT nps_alert_on('a_view', 'id');
SELECT count(*) AS triggers FROM sqlite_schema WHERE type = 'trigger';

-- The alert functions change the schema, so no view or trigger may call them.
CREATE VIEW sneaky AS SELECT nps_alert_on('responses', 'score') AS x;
SELECT * FROM sneaky;
CREATE TRIGGER sneaky_trigger AFTER INSERT ON keyed BEGIN SELECT nps_alert_off('responses'); END;
INSERT INTO keyed VALUES ('x', 1);
DROP VIEW sneaky;
DROP TRIGGER sneaky_trigger;
-- Inside a transaction that is rolled back, nothing stays.
BEGIN;
SELECT nps_alert_on('responses', 'score', 'rolled_back_queue') AS installed;
ROLLBACK;
SELECT count(*) AS objects_left FROM sqlite_schema WHERE name LIKE '%rolled_back%' OR type = 'trigger';

-- Odd names are quoted: a table and column with spaces and quotes, a queue
-- named like a keyword.
CREATE TABLE "it's a ""table""" ("the score" INTEGER, note TEXT);
SELECT nps_alert_on('it''s a "table"', 'THE SCORE', 'select') AS installed;
INSERT INTO "it's a ""table""" VALUES (4, 'x'), (9, 'y');
SELECT table_name, row_id, score, category FROM "select";
SELECT nps_alert_off('it''s a "table"') AS removed;

-- With the programme's nps_followups and nps_config present, each alert
-- also opens a follow-up, and both take their time from nps_config.now.
CREATE TABLE nps_followups (id INTEGER PRIMARY KEY, source_table TEXT, response_key TEXT,
    score INTEGER, responded_at TEXT, status TEXT DEFAULT 'open');
CREATE VIEW nps_config AS SELECT '2026-05-20 12:00:00' AS now;
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractor') AS installed;
INSERT INTO responses (who, score) VALUES ('s', 5), ('t', 10);
UPDATE responses SET score = 1 WHERE who = 't';
SELECT row_id, score, category, created_at FROM nps_alert WHERE created_at = '2026-05-20 12:00:00' ORDER BY id;
SELECT id, source_table, response_key, typeof(response_key) AS type, score, responded_at, status FROM nps_followups;
SELECT nps_alert_off('responses') AS removed;

-- A column named rowid (or _rowid_, oid, in any case) hides the rowid under
-- that name: the alert takes the first of rowid, _rowid_ and oid that no
-- column takes.  The rowids here are 10, 20, 30 and 7, not the columns.
CREATE TABLE shadowed (rowid TEXT, score INTEGER);
SELECT nps_alert_on('shadowed', 'score', 'shadow_queue') AS installed;
INSERT INTO shadowed (oid, rowid, score) VALUES (10, 'r-1', 3), (20, NULL, 9), (30, NULL, 2);
SELECT table_name, row_id, score, category FROM shadow_queue ORDER BY id;
SELECT source_table, response_key, score FROM nps_followups WHERE source_table = 'shadowed' ORDER BY id;
SELECT nps_alert_off('shadowed') AS removed;
CREATE TABLE two_shadows ("RowID" TEXT, _ROWID_ TEXT, score INTEGER);
SELECT nps_alert_on('two_shadows', 'score', 'shadow_queue') AS installed;
INSERT INTO two_shadows (oid, rowid, _rowid_, score) VALUES (7, 'a', 'b', 0);
SELECT table_name, row_id, score, category FROM shadow_queue WHERE table_name = 'two_shadows';
SELECT nps_alert_off('two_shadows') AS removed;
-- All three taken: an error that says so; a WITHOUT ROWID table with a
-- column named rowid still has no rowid.
CREATE TABLE no_name_left (rowid TEXT, _rowid_ TEXT, "OID" TEXT, score INTEGER);
SELECT nps_alert_on('no_name_left', 'score');
CREATE TABLE keyed_rowid (rowid TEXT PRIMARY KEY, score INTEGER) WITHOUT ROWID;
SELECT nps_alert_on('keyed_rowid', 'score');

-- The override table is main's: a TEMP table or an attached database of the
-- same name changes nothing.
CREATE TEMP TABLE nps_followup_questions (category TEXT, lang TEXT, question TEXT);
INSERT INTO temp.nps_followup_questions VALUES ('detractor', 'en', 'temp question');
ATTACH ':memory:' AS other;
CREATE TABLE other.nps_followup_questions (category TEXT, lang TEXT, question TEXT);
INSERT INTO other.nps_followup_questions VALUES ('detractor', 'en', 'attached question'),
    ('promoter', 'xx', 'attached language');
SELECT nps_followup_question(3) AS built_in;
SELECT nps_followup_question(9, 'xx');
CREATE TABLE main.nps_followup_questions (category TEXT, lang TEXT, question TEXT);
INSERT INTO main.nps_followup_questions VALUES ('detractor', 'en', 'main question'),
    ('promoter', 'it', 'Grazie!'), ('passive', 'xx', NULL);
SELECT nps_followup_question(3) AS main_override;
-- A language of the table alone takes the English built-in question for the
-- categories it leaves out; a NULL question does not make a language.
SELECT nps_followup_question(10, 'it') AS italian, nps_followup_question(7, 'IT') AS passive_in_english,
       nps_followup_question(0, 'it') AS detractor_in_english;
SELECT nps_followup_question(8, 'xx');
DETACH other;
DROP TABLE temp.nps_followup_questions;
DROP TABLE main.nps_followup_questions;

-- Names are data, never SQL: a hostile table name is reported as it is;
-- a table and columns really named so get their alert, and y survives.
CREATE TABLE y (n INTEGER);
SELECT nps_alert_on('x"; DROP TABLE y; --', 'score');
SELECT nps_alert_off('x"; DROP TABLE y; --');
CREATE TABLE "x""; DROP TABLE y; --" ("s'; DROP TABLE y; --" INTEGER);
SELECT nps_alert_on('X"; drop table Y; --', 'S''; drop table y; --', 'q"; DROP TABLE y; --') AS installed;
INSERT INTO "x""; DROP TABLE y; --" VALUES (' 4 '), ('9');
SELECT table_name, row_id, score, category FROM "q""; DROP TABLE y; --";
SELECT nps_alert_on('x"; DROP TABLE y; --', 'S'';');
SELECT nps_alert_off('x"; DROP TABLE y; --') AS removed;
SELECT count(*) AS y_survives FROM y;

-- P5: the themes of a list of phrases (theme, char(31), folded phrase; the
-- entries apart by char(30)) that a text mentions once folded: each theme
-- once, in list order, as JSON (json_each takes it apart); none is [].
SELECT nps_themes_of('Too EXPENSIVE, and SLOW; costs', 'price' || char(31) || 'expensive' || char(30)
                     || 'price' || char(31) || 'cost' || char(30) || 'speed' || char(31) || 'slow') AS themes,
       nps_themes_of('太贵了', 'price' || char(31) || '贵') AS cjk,
       nps_themes_of('fine', 'price' || char(31) || 'cost') AS none,
       quote(nps_themes_of(NULL, 'x' || char(31) || 'y')) AS null_text;
SELECT value AS theme FROM json_each(nps_themes_of('ŁATWY, "tani"', 'ease of use' || char(31) || 'łatwy'
                                                   || char(30) || 'say "cheap"' || char(31) || 'tani'));
