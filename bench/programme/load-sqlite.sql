-- Load a generated programme (bench/programme/gen.c) into a new SQLite
-- database with the programme's tables and views, the way the README's
-- "Bulk loads" advises for millions of rows: a large page cache, the upkeep
-- off while loading and one rebuild after.  bench/programme/run.sh replaces
-- @DATA@ (the CSV files' folder), @EXT@ (the extension) and @PROGRAMME@
-- (the folder of the programme's scripts).
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
.load @EXT@
.read @PROGRAMME@/sqlite.sql
UPDATE nps_settings SET value = '2026-12-01 09:00:00' WHERE key = 'as_of';
SELECT nps_unwatch('nps_contacts'), nps_unwatch('nps_invitations'), nps_unwatch('nps_responses'),
       nps_unwatch('nps_account_contacts'), nps_unwatch('nps_response_attributes');

-- The CSV files as they are, in temporary tables of text.
CREATE TEMP TABLE contacts_csv (contact_id, lang, referral_consent, opted_out);
CREATE TEMP TABLE invitations_csv (id, contact_id, campaign, channel, sent_at);
CREATE TEMP TABLE responses_csv (id, contact_id, responded_at, campaign, channel, score, comment, lang);
CREATE TEMP TABLE followups_csv (id, source_table, response_key, contact_id, score, responded_at,
                                 due_at, status, owner, note, contacted_at, resolved_at, informed_at);
CREATE TEMP TABLE asks_csv (id, contact_id, asked_at, kind, channel);
CREATE TABLE accounts (account_id TEXT PRIMARY KEY, name TEXT, region TEXT, plan TEXT);
CREATE TABLE contact_accounts (contact_id TEXT PRIMARY KEY, account_id TEXT);
CREATE TEMP TABLE new_csv (contact_id, responded_at, campaign, channel, score, comment, lang);
.import --csv --schema temp @DATA@/contacts.csv contacts_csv
.import --csv --schema temp @DATA@/invitations.csv invitations_csv
.import --csv --schema temp @DATA@/responses.csv responses_csv
.import --csv --schema temp @DATA@/followups.csv followups_csv
.import --csv --schema temp @DATA@/referral_asks.csv asks_csv
.import --csv --schema temp @DATA@/new_responses.csv new_csv
.import --csv @DATA@/accounts.csv accounts
.import --csv @DATA@/contact_accounts.csv contact_accounts

-- Into the programme's tables, an empty field as NULL.
INSERT INTO nps_contacts (contact_id, lang, referral_consent, opted_out)
SELECT contact_id, lang, CAST(referral_consent AS INTEGER), CAST(opted_out AS INTEGER) FROM contacts_csv;
INSERT INTO nps_invitations (id, contact_id, campaign, channel, sent_at)
SELECT CAST(id AS INTEGER), contact_id, campaign, channel, sent_at FROM invitations_csv;
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
SELECT CAST(id AS INTEGER), contact_id, responded_at, campaign, channel,
       CAST(nullif(score, '') AS INTEGER), nullif(comment, ''), lang
FROM responses_csv;
INSERT INTO nps_followups (id, source_table, response_key, contact_id, score, responded_at, due_at,
                           status, owner, note, contacted_at, resolved_at, informed_at)
SELECT CAST(id AS INTEGER), source_table, response_key, contact_id, CAST(score AS INTEGER),
       responded_at, nullif(due_at, ''), status, owner, nullif(note, ''), nullif(contacted_at, ''),
       nullif(resolved_at, ''), nullif(informed_at, '')
FROM followups_csv;
INSERT INTO nps_referral_asks (id, contact_id, asked_at, kind, channel)
SELECT CAST(id AS INTEGER), contact_id, asked_at, kind, channel FROM asks_csv;

-- The B2B side: the generated accounts as nps_accounts (an ARR and a
-- segment drawn from the account's number and plan), every contact a
-- stakeholder of its account (a decision-maker in ten, two champions, the
-- rest users), and the plan and region of each response's account as its
-- attributes for nps_driver_impact.
INSERT INTO nps_accounts (account_id, name, arr, segment)
SELECT account_id, name,
       (CAST(substr(account_id, 2) AS INTEGER) * 7919 % 97 + 3) * 1000
           * CASE plan WHEN 'enterprise' THEN 20 WHEN 'pro' THEN 4 ELSE 1 END,
       CASE plan WHEN 'enterprise' THEN 'enterprise' WHEN 'pro' THEN 'mid-market' ELSE 'smb' END
FROM accounts;
INSERT INTO nps_account_contacts (contact_id, account_id, role)
SELECT contact_id, account_id,
       CASE CAST(substr(contact_id, 2) AS INTEGER) % 10 WHEN 0 THEN 'decision-maker'
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

-- The write test's new responses, and the last ids before it.
CREATE TABLE bench_new (n INTEGER PRIMARY KEY, contact_id TEXT, responded_at TEXT, campaign TEXT,
                        channel TEXT, score INTEGER, comment TEXT, lang TEXT);
INSERT INTO bench_new (contact_id, responded_at, campaign, channel, score, comment, lang)
SELECT contact_id, responded_at, campaign, channel, CAST(score AS INTEGER), nullif(comment, ''), lang
FROM new_csv;
CREATE TABLE bench_last AS
SELECT (SELECT max(id) FROM nps_responses) AS responses, (SELECT max(id) FROM nps_followups) AS followups;
