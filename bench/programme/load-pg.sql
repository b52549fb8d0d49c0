-- Load a generated programme (bench/programme/gen.c) into the current
-- PostgreSQL database with the programme's tables and views, the way the
-- README's "Bulk loads" advises for millions of rows: the upkeep off while
-- loading and one rebuild after.  bench/programme/run.sh replaces @DATA@
-- (the CSV files' folder) and @PROGRAMME@ (the folder of the programme's
-- scripts).
CREATE EXTENSION nps;
\i @PROGRAMME@/pg.sql
UPDATE nps_settings SET value = '2026-12-01 09:00:00' WHERE key = 'as_of';
SELECT nps_unwatch('nps_contacts'), nps_unwatch('nps_invitations'), nps_unwatch('nps_responses'),
       nps_unwatch('nps_account_contacts'), nps_unwatch('nps_response_attributes');
CREATE TABLE accounts (account_id text PRIMARY KEY, name text, region text, plan text);
CREATE TABLE contact_accounts (contact_id text PRIMARY KEY, account_id text);
\copy accounts FROM '@DATA@/accounts.csv' (FORMAT csv)
\copy contact_accounts FROM '@DATA@/contact_accounts.csv' (FORMAT csv)
\copy nps_contacts (contact_id, lang, referral_consent, opted_out) FROM '@DATA@/contacts.csv' (FORMAT csv)
\copy nps_invitations (id, contact_id, campaign, channel, sent_at) FROM '@DATA@/invitations.csv' (FORMAT csv)
\copy nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang) FROM '@DATA@/responses.csv' (FORMAT csv)
\copy nps_followups (id, source_table, response_key, contact_id, score, responded_at, due_at, status, owner, note, contacted_at, resolved_at, informed_at) FROM '@DATA@/followups.csv' (FORMAT csv)
\copy nps_referral_asks (id, contact_id, asked_at, kind, channel) FROM '@DATA@/referral_asks.csv' (FORMAT csv)
-- The B2B side: the generated accounts as nps_accounts (an ARR and a
-- segment drawn from the account's number and plan), every contact a
-- stakeholder of its account (a decision-maker in ten, two champions, the
-- rest users), and the plan and region of each response's account as its
-- attributes for nps_driver_impact.
INSERT INTO nps_accounts (account_id, name, arr, segment)
SELECT account_id, name,
       (substr(account_id, 2)::integer * 7919 % 97 + 3) * 1000
           * CASE plan WHEN 'enterprise' THEN 20 WHEN 'pro' THEN 4 ELSE 1 END,
       CASE plan WHEN 'enterprise' THEN 'enterprise' WHEN 'pro' THEN 'mid-market' ELSE 'smb' END
FROM accounts;
INSERT INTO nps_account_contacts (contact_id, account_id, role)
SELECT contact_id, account_id,
       CASE substr(contact_id, 2)::integer % 10 WHEN 0 THEN 'decision-maker'
            WHEN 1 THEN 'champion' WHEN 2 THEN 'champion' ELSE 'user' END
FROM contact_accounts;
INSERT INTO nps_response_attributes (response_id, attribute, value)
SELECT r.id, 'plan', a.plan
FROM nps_responses AS r JOIN contact_accounts AS ca ON ca.contact_id = r.contact_id
JOIN accounts AS a ON a.account_id = ca.account_id
UNION ALL
SELECT r.id, 'region', a.region
FROM nps_responses AS r JOIN contact_accounts AS ca ON ca.contact_id = r.contact_id
JOIN accounts AS a ON a.account_id = ca.account_id;
-- The upkeep on again, and every maintained table built once.
SELECT nps_watch('nps_contacts', 'nps_contacts'), nps_watch('nps_invitations', 'nps_invitations'),
       nps_watch('nps_responses', 'nps_responses'),
       nps_watch('nps_account_contacts', 'nps_account_contacts'),
       nps_watch('nps_response_attributes', 'nps_response_attributes');
INSERT INTO nps_rebuild DEFAULT VALUES;
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
