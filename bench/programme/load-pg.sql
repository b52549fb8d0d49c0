-- Load a generated programme (bench/programme/gen.c) into the current
-- PostgreSQL database with the programme's tables and views.  bench/
-- programme/run.sh replaces @DATA@ (the CSV files' folder) and @PROGRAMME@ (the
-- folder of the programme's scripts).
CREATE EXTENSION nps;
\i @PROGRAMME@/pg.sql
UPDATE nps_settings SET value = '2026-12-01 09:00:00' WHERE key = 'as_of';
CREATE TABLE accounts (account_id text PRIMARY KEY, name text, region text, plan text);
CREATE TABLE contact_accounts (contact_id text PRIMARY KEY, account_id text);
\copy accounts FROM '@DATA@/accounts.csv' (FORMAT csv)
\copy contact_accounts FROM '@DATA@/contact_accounts.csv' (FORMAT csv)
\copy nps_contacts (contact_id, lang, referral_consent, opted_out) FROM '@DATA@/contacts.csv' (FORMAT csv)
\copy nps_invitations (id, contact_id, campaign, channel, sent_at) FROM '@DATA@/invitations.csv' (FORMAT csv)
\copy nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang) FROM '@DATA@/responses.csv' (FORMAT csv)
\copy nps_followups (id, source_table, response_key, contact_id, score, responded_at, due_at, status, owner, note, contacted_at, resolved_at, informed_at) FROM '@DATA@/followups.csv' (FORMAT csv)
\copy nps_referral_asks (id, contact_id, asked_at, kind, channel) FROM '@DATA@/referral_asks.csv' (FORMAT csv)
-- Explicit ids leave the identity sequences behind: move them on.
SELECT setval(pg_get_serial_sequence('nps_invitations', 'id'), (SELECT max(id) FROM nps_invitations));
SELECT setval(pg_get_serial_sequence('nps_responses', 'id'), (SELECT max(id) FROM nps_responses));
SELECT setval(pg_get_serial_sequence('nps_followups', 'id'), (SELECT max(id) FROM nps_followups));
SELECT setval(pg_get_serial_sequence('nps_referral_asks', 'id'), (SELECT max(id) FROM nps_referral_asks));
-- The write test's new responses, and the last ids before it.
CREATE TABLE bench_new (n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, contact_id text,
                        responded_at timestamp, campaign text, channel text, score smallint,
                        comment text, lang text);
\copy bench_new (contact_id, responded_at, campaign, channel, score, comment, lang) FROM '@DATA@/new_responses.csv' (FORMAT csv)
CREATE TABLE bench_last AS
SELECT (SELECT max(id) FROM nps_responses) AS responses, (SELECT max(id) FROM nps_followups) AS followups;
VACUUM (FREEZE, ANALYZE);
