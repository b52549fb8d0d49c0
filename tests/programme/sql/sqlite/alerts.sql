-- Alerts with the programme loaded: each detractor row of the user's own
-- table is queued in nps_alert and opens a follow-up; both are stamped with
-- nps_config.now (here pinned), and the follow-ups flow into the queue and
-- the weekly summary like any other.
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';
CREATE TABLE survey (id INTEGER PRIMARY KEY, email TEXT, score INTEGER, comment TEXT);
SELECT nps_alert_on('survey', 'score') AS installed;
INSERT INTO survey (email, score, comment) VALUES
    ('ann@example.com', 2, 'Too slow'), ('bob@example.com', 9, 'Great'),
    ('cy@example.com', 6, NULL), ('di@example.com', 7, 'OK');
UPDATE survey SET score = 4 WHERE email = 'di@example.com';
SELECT id, table_name, row_id, score, category, created_at, handled_at FROM nps_alert ORDER BY id;
SELECT id, source_table, response_key, score, responded_at, status FROM nps_followups ORDER BY id;
-- The follow-ups join back to the rows that raised them.
SELECT f.id, s.email, s.comment, nps_followup_question(f.score) AS ask
FROM nps_followups AS f JOIN survey AS s ON s.id = f.response_key ORDER BY f.id;
-- Two hours later the first is contacted; the queue and the summary follow.
UPDATE nps_settings SET value = '2026-05-20 14:00:00' WHERE key = 'as_of';
UPDATE nps_followups SET status = 'contacted', owner = 'ana' WHERE id = 1;
SELECT id, status, next_step, category, age_hours, due_at, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue;
SELECT week, detractors, contacted, within_sla, overdue, pending, pct_within_sla, median_hours_to_contact
FROM nps_followup_weekly;
-- The poller marks the alerts it handled.
UPDATE nps_alert SET handled_at = (SELECT now FROM nps_config) WHERE id <= 2;
SELECT id FROM nps_alert WHERE handled_at IS NULL ORDER BY id;
-- Promoters too, for thank-you follow-ups; off again.
SELECT nps_alert_on('survey', 'score', 'nps_alert', 'detractor,promoter') AS installed;
INSERT INTO survey (email, score) VALUES ('ed@example.com', 10);
SELECT id, score, category FROM nps_alert WHERE id > 3;
SELECT id, response_key, score, status FROM nps_followups WHERE id > 3;
SELECT nps_alert_off('survey') AS removed;
INSERT INTO survey (email, score) VALUES ('fay@example.com', 0);
SELECT count(*) AS alerts, (SELECT count(*) FROM nps_followups) AS followups FROM nps_alert;
-- A batch loaded a week late: on a table with a responded_at column (the
-- programme's nps_responses has one) a follow-up starts its SLA at the
-- response, not at the load; the alert itself is stamped at the load.
UPDATE nps_settings SET value = '2026-05-27 09:00:00' WHERE key = 'as_of';
SELECT nps_alert_on('nps_responses', 'score') AS installed;
INSERT INTO nps_responses (id, contact_id, responded_at, score) VALUES
    (1, 'C1', '2026-05-20 08:30:00', 3), (2, 'C2', '2026-05-20 09:00:00', 10);
SELECT table_name, row_id, score, created_at FROM nps_alert WHERE table_name = 'nps_responses';
SELECT source_table, response_key, score, responded_at FROM nps_followups WHERE source_table = 'nps_responses';
SELECT id, next_step, age_hours, due_at, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue WHERE source_table = 'nps_responses';
SELECT nps_alert_off('nps_responses') AS removed;
-- The column is found in any case; a row without a time takes the clock.
CREATE TABLE late (id INTEGER PRIMARY KEY, score INTEGER, "Responded_At" TEXT);
SELECT nps_alert_on('late', 'score') AS installed;
INSERT INTO late (id, score, "Responded_At") VALUES (1, 6, '2026-05-19 17:45:00'), (2, 0, NULL);
SELECT source_table, response_key, score, responded_at FROM nps_followups WHERE source_table = 'late' ORDER BY id;
SELECT nps_alert_off('late') AS removed;
