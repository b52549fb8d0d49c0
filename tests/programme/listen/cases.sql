-- The scripted sequence of listen/run.sh: every statement in its own
-- transaction unless said otherwise.  expected/pg/listen.out lists what the
-- client on channel nps_alert receives, and listen_cx.out what the client on
-- channel cx_team receives.
SELECT nps_alert_on('responses', 'score');
-- One detractor among a passive, a promoter and no score: one notification.
INSERT INTO responses (id, score, comment) VALUES (1, 3, 'slow'), (2, 8, 'ok'), (3, 10, 'great'), (4, NULL, 'none');
-- A changed score alerts; the same score again or another column does not.
UPDATE responses SET score = 5 WHERE id = 2;
UPDATE responses SET score = 5 WHERE id = 2;
UPDATE responses SET comment = 'slower' WHERE id = 1;
-- Notifications follow the transaction: none for a rollback.
BEGIN;
INSERT INTO responses (id, score, comment) VALUES (5, 0, 'rolled back'), (6, 1, 'rolled back');
ROLLBACK;
BEGIN;
INSERT INTO responses (id, score, comment) VALUES (7, 6, 'committed');
UPDATE responses SET score = 2 WHERE id = 7;
COMMIT;
-- Promoters only, then detractors on another channel.
SELECT nps_alert_on('responses', 'score', 'nps_alert', 'promoter');
INSERT INTO responses (id, score, comment) VALUES (8, 9, 'thanks'), (9, 2, 'not this one');
SELECT nps_alert_on('responses', 'score', 'cx_team', 'detractor');
INSERT INTO responses (id, score, comment) VALUES (10, 1, 'to the cx team'), (11, 9, 'not this one');
SELECT nps_alert_on('responses', 'score');
-- With the row (with_row): rows too large for NOTIFY (8000 bytes): the
-- largest value is shortened (strings) or dropped (anything else) until the
-- payload fits.
SELECT nps_alert_on('responses', 'score', with_row => true);
INSERT INTO responses (id, score, comment) VALUES (12, 2, repeat('é', 6000));
INSERT INTO responses (id, score, comment, note) VALUES (13, 4, repeat('a', 5000), repeat('b', 4000) || '"quoted"');
INSERT INTO responses (id, score, comment, extra)
SELECT 14, 0, 'short', jsonb_agg(i) FROM generate_series(100000, 102000) AS i;
INSERT INTO responses (id, score, comment) VALUES (16, 1, repeat(chr(1), 3000));
-- A key too large for NOTIFY: the row is emptied, then the key goes; without
-- the row, the key goes at once.
SELECT nps_alert_on('bigkey', 'score', with_row => true);
INSERT INTO bigkey VALUES (repeat('k', 9000), 1);
SELECT nps_alert_on('bigkey', 'score');
INSERT INTO bigkey VALUES (repeat('q', 9000), 2);
-- A table without a primary key is named by ctid; text scores count as
-- nps_category reads them (blanks, leading zeros, a fraction of zeros).
SELECT nps_alert_on('loose', 'score');
INSERT INTO loose VALUES (' 5 ', 'text five'), ('5.0', 'a fraction of zeros'), ('seven', 'not a number'),
    ('10', 'promoter'), ('06', 'leading zero'), ('', 'skipped');
-- A json value PostgreSQL's jsonb refuses (\u0000) changes nothing: the
-- passive row is written, the detractors alert, with the row too.
SELECT nps_alert_on('jrows', 'score');
INSERT INTO jrows VALUES (1, 8, '{"a":"\u0000"}'), (2, 3, '{"a":"\u0000"}');
UPDATE jrows SET score = 4 WHERE id = 1;
SELECT nps_alert_on('jrows', 'score', with_row => true);
INSERT INTO jrows VALUES (3, 2, '{"a": "\u0000"}');
-- A row of 400 columns of 1000 characters: cut in one pass, the first
-- columns dropped and one shortened.
SELECT nps_alert_on('wide', 'score', with_row => true);
SELECT 'INSERT INTO wide VALUES (1, 2, ' || string_agg('repeat(''x'', 1000)', ', ') || ')'
FROM generate_series(1, 400) \gexec
-- Off: nothing more.
SELECT nps_alert_off('responses');
INSERT INTO responses (id, score) VALUES (15, 0);
