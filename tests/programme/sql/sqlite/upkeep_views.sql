-- Your own tables behind the programme's relations: nps_contacts,
-- nps_invitations, nps_responses, nps_response_attributes and
-- nps_account_contacts as views over tables of other names and columns (the
-- responses' view leaves out test rows; one table is behind both the
-- contacts and the stakeholders), the script loaded after them, nps_watch()
-- on the tables behind.
-- The maintained tables follow writes to those tables, keys changed and
-- rows that enter or leave the view included, as upkeep_check.sql
-- recomputes them from the views.
.echo off
.read tests/programme/fixture.sql
.echo on
CREATE TABLE my_contacts (cid TEXT PRIMARY KEY, language TEXT, consent INTEGER, no_survey INTEGER,
                          account TEXT, job TEXT);
CREATE TABLE my_invitations (inv INTEGER PRIMARY KEY, cid TEXT, campaign TEXT, channel TEXT, sent TEXT);
CREATE TABLE my_responses (rid INTEGER PRIMARY KEY, cid TEXT, at TEXT, campaign TEXT, channel TEXT,
                           score INTEGER, note TEXT, language TEXT, test INTEGER NOT NULL DEFAULT 0);
CREATE TABLE my_attributes (rid INTEGER NOT NULL, name TEXT NOT NULL, val TEXT NOT NULL);
INSERT INTO my_contacts
SELECT c.contact_id, c.lang, c.referral_consent, c.opted_out, ac.account_id, ac.role
FROM nps_contacts AS c LEFT JOIN nps_account_contacts AS ac ON ac.contact_id = c.contact_id;
INSERT INTO my_invitations SELECT id, contact_id, campaign, channel, sent_at FROM nps_invitations;
INSERT INTO my_responses (rid, cid, at, campaign, channel, score, note, language)
SELECT id, contact_id, responded_at, campaign, channel, score, comment, lang FROM nps_responses;
INSERT INTO my_attributes SELECT response_id, attribute, value FROM nps_response_attributes;
DROP TABLE nps_contacts;
DROP TABLE nps_invitations;
DROP TABLE nps_responses;
DROP TABLE nps_response_attributes;
DROP TABLE nps_account_contacts;
CREATE VIEW nps_contacts AS
SELECT cid AS contact_id, language AS lang, consent AS referral_consent, no_survey AS opted_out
FROM my_contacts;
CREATE VIEW nps_invitations AS
SELECT inv AS id, cid AS contact_id, campaign, channel, sent AS sent_at FROM my_invitations;
CREATE VIEW nps_responses AS
SELECT rid AS id, cid AS contact_id, at AS responded_at, campaign, channel, score, note AS comment,
       language AS lang
FROM my_responses WHERE test = 0;
CREATE VIEW nps_response_attributes AS
SELECT rid AS response_id, name AS attribute, val AS value FROM my_attributes;
CREATE VIEW nps_account_contacts AS
SELECT cid AS contact_id, account AS account_id, job AS role FROM my_contacts WHERE account IS NOT NULL;
.echo off
.read sql/programme/sqlite.sql
.echo on
SELECT nps_watch('my_contacts', 'nps_contacts', 'cid');
SELECT nps_watch('my_invitations', 'nps_invitations', 'inv');
SELECT nps_watch('my_responses', 'nps_responses', 'rid');
SELECT nps_watch('my_attributes', 'nps_response_attributes', 'rid');
SELECT nps_watch('my_contacts', 'nps_account_contacts', 'cid');
.echo off
.read tests/programme/upkeep_check.sql
.echo on
-- The script rebuilt the maintained tables from the views.
SELECT * FROM t_check;
.read tests/programme/upkeep_views.sql
-- nps_watch() is refused a table that is not one, a relation it keeps no
-- tables of, a key column the table lacks, and NULL; nps_unwatch() says
-- whether there was something to remove.
SELECT nps_watch('nps_responses', 'nps_responses');
SELECT nps_watch('my_responses', 'my_responses');
SELECT nps_watch('my_responses', 'nps_responses', 'id');
SELECT nps_watch('my_responses', NULL);
SELECT nps_unwatch('my_responses'), nps_unwatch('my_responses');
-- Unwatched, a write is no longer followed; the rebuild catches up.
INSERT INTO my_responses (rid, cid, at, score, note) VALUES (900, 'c4', '2026-05-20 11:00:00', 2, 'slow');
SELECT maintained, differ FROM t_check WHERE differ > 0;
INSERT INTO nps_rebuild DEFAULT VALUES;
SELECT maintained, differ FROM t_check WHERE differ > 0;
