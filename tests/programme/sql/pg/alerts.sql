-- Alerts with the programme loaded: each detractor row of the user's own
-- table is announced by NOTIFY (received by tests/programme/listen.sh) and
-- opens a follow-up stamped with nps_config.now (here pinned); the
-- follow-ups flow into the queue and the weekly summary like any other.
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';
CREATE TABLE survey (id serial PRIMARY KEY, email text, score smallint, comment text);
SELECT nps_alert_on('survey', 'score') AS installed;
INSERT INTO survey (email, score, comment) VALUES
    ('ann@example.com', 2, 'Too slow'), ('bob@example.com', 9, 'Great'),
    ('cy@example.com', 6, NULL), ('di@example.com', 7, 'OK');
UPDATE survey SET score = 4 WHERE email = 'di@example.com';
SELECT id, source_table, response_key, score, responded_at, status FROM nps_followups ORDER BY id;
-- The follow-ups join back to the rows that raised them.
SELECT f.id, s.email, s.comment, nps_followup_question(f.score) AS ask
FROM nps_followups AS f JOIN survey AS s ON s.id::text = f.response_key ORDER BY f.id;
-- Two hours later the first is contacted; the queue and the summary follow.
UPDATE nps_settings SET value = '2026-05-20 14:00:00' WHERE key = 'as_of';
UPDATE nps_followups SET status = 'contacted', owner = 'ana' WHERE id = 1;
SELECT id, status, next_step, category, age_hours, due_at, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue;
SELECT week, detractors, contacted, within_sla, overdue, pending, pct_within_sla, median_hours_to_contact
FROM nps_followup_weekly;
-- Promoters too, for thank-you follow-ups; off again.
SELECT nps_alert_on('survey', 'score', 'nps_alert', 'detractor,promoter') AS installed;
INSERT INTO survey (email, score) VALUES ('ed@example.com', 10);
SELECT id, response_key, score, status FROM nps_followups WHERE id > 3;
SELECT nps_alert_off('survey') AS removed;
INSERT INTO survey (email, score) VALUES ('fay@example.com', 0);
SELECT count(*) AS followups FROM nps_followups;
-- Keys: a composite primary key is written as JSON, a table without one by
-- its ctid.
CREATE TABLE visits (store int, day date, score int, PRIMARY KEY (store, day));
SELECT nps_alert_on('visits', 'score') AS installed;
INSERT INTO visits VALUES (7, '2026-05-19', 3);
CREATE TABLE loose (score numeric);
SELECT nps_alert_on('loose', 'score') AS installed;
INSERT INTO loose VALUES (5.0), (5.5), (10);
SELECT source_table, response_key, score FROM nps_followups WHERE source_table IN ('visits', 'loose') ORDER BY id;
-- The alert works whatever the search_path of the writer, and after the
-- programme moved on: the trigger names nps_followups and nps_config by
-- their schema.
SET search_path = pg_catalog;
INSERT INTO public.loose VALUES (1);
RESET search_path;
SELECT count(*) AS loose_followups FROM nps_followups WHERE source_table = 'loose';
-- A text score alerts when nps_category would read it as a detractor's:
-- blanks, a sign, leading zeros and a fraction of zeros are allowed (R1);
-- an empty answer, a word, a fraction or a promoter's 1e1 raise nothing.
CREATE TABLE typed (id int PRIMARY KEY, score text);
SELECT nps_alert_on('typed', 'score') AS installed;
INSERT INTO typed VALUES (1, '06'), (2, '6.0'), (3, '+6'), (4, ' 6'), (5, '7'), (6, ''),
    (7, 'six'), (8, '6.5'), (9, '1e1'), (10, NULL);
SELECT response_key, score FROM nps_followups WHERE source_table = 'typed' ORDER BY id;
-- The SLA starts when the customer answered: a table with a responded_at
-- column (as nps_responses) gives the follow-up that time, here a batch
-- loaded a week late; a timestamptz is taken in UTC; a row whose
-- responded_at is NULL, or a table without one, takes nps_config.now.
SELECT nps_alert_on('nps_responses', 'score') AS installed;
INSERT INTO nps_responses (contact_id, responded_at, score) VALUES ('C9', '2026-05-13 14:00:00', 1);
SET TimeZone = 'Europe/Warsaw';
CREATE TABLE late (id int PRIMARY KEY, responded_at timestamptz, score int);
SELECT nps_alert_on('late', 'score') AS installed;
INSERT INTO late VALUES (1, '2026-05-13 18:30:00+02', 2), (2, NULL, 3);
RESET TimeZone;
SELECT id, source_table, response_key, score, responded_at FROM nps_followups
WHERE source_table IN ('nps_responses', 'late') ORDER BY id;
SELECT id, status, age_hours, due_at, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue WHERE source_table IN ('nps_responses', 'late') ORDER BY id;
