-- Rounds of pseudo-random inserts, updates and deletes (multi-row and
-- single-row statements) of responses, invitations, contacts, theme
-- phrases, attributes of responses and stakeholders over the fixture, and
-- moves of "now", each followed by the check of the maintained tables
-- (upkeep_check.sql), then a rebuild and the check again.  Read by
-- sql/sqlite/upkeep.sql and sql/pg/upkeep.sql.  Randomness:
-- nps_sample_key(k, seed), the same in both engines, so both print the same
-- sizes.  New rows take explicit ids (the fixture's explicit ids left
-- PostgreSQL's identity sequences behind).  Valid SQL for both engines.

-- Pools the random rows draw from, each numbered from 0.
CREATE TABLE t_n AS
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 600)
SELECT k FROM n;
CREATE TABLE t_times AS
SELECT at, row_number() OVER (ORDER BY at) - 1 AS n
FROM (SELECT responded_at AS at FROM nps_responses UNION SELECT sent_at FROM nps_invitations) AS x;
CREATE TABLE t_contacts AS
SELECT contact_id, row_number() OVER (ORDER BY contact_id) - 1 AS n
FROM (SELECT contact_id FROM nps_contacts UNION SELECT 'x01' UNION SELECT 'nobody') AS x;
CREATE TABLE t_comments AS
SELECT column1 AS n, column2 AS comment
FROM (VALUES (0, 'Too EXPENSIVE, and support was slow.'), (1, NULL), (2, '太贵了，客服也很慢。'),
             (3, 'ŁATWY W OBSŁUDZE'), (4, 'The new REPORTS are great'), (5, NULL),
             (6, 'bug in the export, EXPORT fails'), (7, 'nothing to say'),
             (8, 'แพงเกินไป ช้า'), (9, 'Der Support war während des Ausfalls nicht erreichbar.'),
             (10, 'price, price and price'), (11, 'Fast SUPPORT, reliable and stable')) AS v;
CREATE TABLE t_labels AS
SELECT column1 AS n, column2 AS campaign, column3 AS channel
FROM (VALUES (0, 'relationship', 'email'), (1, 'onboarding', 'sms'), (2, 'relationship', 'web')) AS v;

-- The fixture as it was loaded.
SELECT * FROM t_check;

-- Round 1: 300 responses, 400 invitations and new contacts in multi-row
-- statements, and single rows.
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
SELECT 1000 + k, c.contact_id, t.at, CASE WHEN k % 13 = 0 THEN NULL ELSE g.campaign END, g.channel,
       CASE WHEN k % 9 = 0 THEN NULL ELSE k % 11 END, m.comment, 'en'
FROM t_n
JOIN t_contacts AS c ON c.n = nps_sample_key(k, 'r-contact') % (SELECT count(*) FROM t_contacts)
JOIN t_times AS t ON t.n = nps_sample_key(k, 'r-time') % (SELECT count(*) FROM t_times)
JOIN t_comments AS m ON m.n = nps_sample_key(k, 'r-comment') % (SELECT count(*) FROM t_comments)
JOIN t_labels AS g ON g.n = nps_sample_key(k, 'r-label') % 3
WHERE k <= 300;
INSERT INTO nps_invitations (id, contact_id, campaign, channel, sent_at)
SELECT 1000 + k, c.contact_id, g.campaign, g.channel, t.at
FROM t_n
JOIN t_contacts AS c ON c.n = nps_sample_key(k, 'i-contact') % (SELECT count(*) FROM t_contacts)
JOIN t_times AS t ON t.n = nps_sample_key(k, 'i-time') % (SELECT count(*) FROM t_times)
JOIN t_labels AS g ON g.n = nps_sample_key(k, 'i-label') % 3
WHERE k <= 400;
INSERT INTO nps_contacts (contact_id, lang, referral_consent, opted_out) VALUES
    ('x01', 'en', TRUE, FALSE), ('x02', 'de', FALSE, FALSE), ('nobody', 'fr', TRUE, TRUE);
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
VALUES (5000, 'c9', '2026-05-20 11:00:00', 'relationship', 'email', 10, 'Reliable!', 'th');
INSERT INTO nps_invitations (id, contact_id, campaign, channel, sent_at)
VALUES (5000, 'c8', 'relationship', 'email', '2026-05-20 10:30:00');
-- Attributes: a plan for most new responses, a region for some, two
-- regions for a few (a response counted once in the region's total), rows
-- of responses not written yet (2450-2470, round 4) and a built-in name
-- (ignored); then single rows, one a second plan of a response.
INSERT INTO nps_response_attributes (response_id, attribute, value)
SELECT 1000 + k, 'plan', CASE nps_sample_key(k, 'a-plan') % 3 WHEN 0 THEN 'free' WHEN 1 THEN 'pro' ELSE 'team' END
FROM t_n WHERE k <= 300 AND nps_sample_key(k, 'a-has-plan') % 5 <> 0
UNION ALL
SELECT 1000 + k, 'region', CASE WHEN k % 2 = 0 THEN 'eu' ELSE 'us' END
FROM t_n WHERE k <= 300 AND nps_sample_key(k, 'a-region') % 3 = 0
UNION ALL
SELECT 1000 + k, 'region', 'apac' FROM t_n WHERE k <= 300 AND nps_sample_key(k, 'a-region') % 9 = 0
UNION ALL
SELECT 2000 + k, 'plan', 'pro' FROM t_n WHERE k BETWEEN 450 AND 470
UNION ALL
SELECT 1000 + k, 'campaign', 'x' FROM t_n WHERE k <= 20;
INSERT INTO nps_response_attributes (response_id, attribute, value) VALUES (5000, 'plan', 'team');
INSERT INTO nps_response_attributes (response_id, attribute, value) VALUES (1, 'plan', 'team');
INSERT INTO nps_response_attributes (response_id, attribute, value) VALUES (3, 'region', 'eu');
SELECT * FROM t_check;

-- Round 2: updates of every column the maintained tables read, deletes.
UPDATE nps_responses SET score = CASE WHEN score IS NULL THEN 7 ELSE (score + 4) % 11 END
WHERE nps_sample_key(id, 'u-score') % 4 = 0;
UPDATE nps_responses
SET comment = (SELECT m.comment FROM t_comments AS m
               WHERE m.n = nps_sample_key(nps_responses.id, 'u-comment') % (SELECT count(*) FROM t_comments))
WHERE nps_sample_key(id, 'u-c') % 5 = 0;
UPDATE nps_responses
SET responded_at = (SELECT t.at FROM t_times AS t
                    WHERE t.n = nps_sample_key(nps_responses.id, 'u-time') % (SELECT count(*) FROM t_times)),
    contact_id = (SELECT c.contact_id FROM t_contacts AS c
                  WHERE c.n = nps_sample_key(nps_responses.id, 'u-contact') % (SELECT count(*) FROM t_contacts)),
    channel = CASE WHEN id % 2 = 0 THEN 'sms' ELSE channel END
WHERE nps_sample_key(id, 'u-t') % 6 = 0;
DELETE FROM nps_responses WHERE nps_sample_key(id, 'd') % 7 = 0;
UPDATE nps_invitations
SET sent_at = (SELECT t.at FROM t_times AS t
               WHERE t.n = nps_sample_key(nps_invitations.id, 'u-sent') % (SELECT count(*) FROM t_times)),
    campaign = CASE WHEN id % 3 = 0 THEN 'onboarding' ELSE campaign END
WHERE nps_sample_key(id, 'u-i') % 5 = 0;
UPDATE nps_invitations
SET contact_id = (SELECT c.contact_id FROM t_contacts AS c
                  WHERE c.n = nps_sample_key(nps_invitations.id, 'u-ic') % (SELECT count(*) FROM t_contacts))
WHERE nps_sample_key(id, 'u-ic2') % 6 = 0;
DELETE FROM nps_invitations WHERE nps_sample_key(id, 'd-i') % 5 = 0;
UPDATE nps_contacts SET opted_out = NOT opted_out, lang = 'pl' WHERE contact_id IN ('c1', 'c5', 'x02');
UPDATE nps_contacts SET referral_consent = NOT referral_consent WHERE contact_id = 'c8';
DELETE FROM nps_contacts WHERE contact_id IN ('c3', 'nobody');
DELETE FROM nps_responses WHERE id = 2;
UPDATE nps_responses SET score = 0, comment = 'SLOW and EXPENSIVE' WHERE id = 4;
-- Attributes changed: values of many rows (several rows of a response in
-- one statement among them), rows moved to another response, rows
-- deleted (one of two regions, every row of some responses); single rows.
UPDATE nps_response_attributes SET value = CASE value WHEN 'free' THEN 'pro' WHEN 'pro' THEN 'team' ELSE 'free' END
WHERE attribute = 'plan' AND nps_sample_key(response_id, 'ua') % 4 = 0;
UPDATE nps_response_attributes SET value = value || '-2'
WHERE response_id IN (SELECT response_id FROM nps_response_attributes WHERE value = 'apac');
UPDATE nps_response_attributes SET response_id = response_id + 1
WHERE attribute = 'region' AND response_id BETWEEN 1100 AND 1150 AND response_id % 2 = 1;
DELETE FROM nps_response_attributes WHERE attribute = 'region' AND value = 'eu-2';
DELETE FROM nps_response_attributes WHERE nps_sample_key(response_id, 'da') % 6 = 0;
UPDATE nps_response_attributes SET value = 'enterprise' WHERE response_id = 1 AND value = 'team';
DELETE FROM nps_response_attributes WHERE response_id = 3 AND attribute = 'region';
SELECT * FROM t_check;

-- Round 3: theme phrases added (a new theme, a case variant of a phrase
-- already there, a phrase of another theme), changed and dropped (one of
-- several phrases of a theme, every phrase of a theme).
INSERT INTO nps_themes (theme, lang, phrase) VALUES ('export', 'en', 'export'), ('export', 'en', 'EXPORT'),
    ('praise', 'en', 'great'), ('price', 'en', 'PRICE');
UPDATE nps_themes SET phrase = 'fails' WHERE theme = 'export' AND phrase = 'EXPORT';
UPDATE nps_themes SET theme = 'cost' WHERE theme = 'price' AND phrase = 'expensive';
DELETE FROM nps_themes WHERE theme = 'support' AND phrase = 'support';
DELETE FROM nps_themes WHERE theme = 'speed';
DELETE FROM nps_themes WHERE theme = 'price' AND phrase = 'PRICE';
SELECT * FROM t_check;

-- Round 4: more rows after the phrases changed, and a last mix.
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
SELECT 2000 + k, c.contact_id, t.at, g.campaign, g.channel, k % 11, m.comment, 'de'
FROM t_n
JOIN t_contacts AS c ON c.n = nps_sample_key(k, 'r4-contact') % (SELECT count(*) FROM t_contacts)
JOIN t_times AS t ON t.n = nps_sample_key(k, 'r4-time') % (SELECT count(*) FROM t_times)
JOIN t_comments AS m ON m.n = nps_sample_key(k, 'r4-comment') % (SELECT count(*) FROM t_comments)
JOIN t_labels AS g ON g.n = nps_sample_key(k, 'r4-label') % 3
WHERE k > 400;
DELETE FROM nps_responses WHERE nps_sample_key(id, 'd4') % 3 = 0;
UPDATE nps_responses SET score = NULL WHERE nps_sample_key(id, 'u4') % 8 = 0;
DELETE FROM nps_invitations WHERE contact_id = 'c2';
-- A response deleted in round 2 written again under its id (its plan
-- counts again), and a score taken away from one with attributes.
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
VALUES (2, 'c2', '2026-05-21 09:00:00', 'relationship', 'email', 4, NULL, 'en');
UPDATE nps_responses SET score = NULL WHERE id = 1;
SELECT * FROM t_check;

-- Round 5: stakeholders come, change role and account, go; "now" moves
-- back (every account's windows move with it) and writes follow there,
-- then it moves forward again.
INSERT INTO nps_account_contacts (contact_id, account_id, role) VALUES
    ('x01', 'A1', 'decision-maker'), ('x02', 'A5', 'user'), ('nobody', 'A2', NULL);
UPDATE nps_account_contacts SET role = 'decision-maker' WHERE contact_id = 'c3';
UPDATE nps_account_contacts SET account_id = 'A3', role = 'user' WHERE contact_id = 'c4';
DELETE FROM nps_account_contacts WHERE contact_id = 'c5';
SELECT * FROM t_check;
UPDATE nps_settings SET value = '2026-03-01 08:00:00' WHERE key = 'as_of';
SELECT * FROM t_check;
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang)
SELECT 3000 + k, c.contact_id, t.at, g.campaign, g.channel, (k * 7) % 11, NULL, 'en'
FROM t_n
JOIN t_contacts AS c ON c.n = nps_sample_key(k, 'r5-contact') % (SELECT count(*) FROM t_contacts)
JOIN t_times AS t ON t.n = nps_sample_key(k, 'r5-time') % (SELECT count(*) FROM t_times)
JOIN t_labels AS g ON g.n = nps_sample_key(k, 'r5-label') % 3
WHERE k <= 120;
UPDATE nps_responses SET score = 0 WHERE contact_id = 'x01';
DELETE FROM nps_responses WHERE contact_id = 'c7' AND nps_sample_key(id, 'd5') % 2 = 0;
SELECT * FROM t_check;
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';
SELECT * FROM t_check;

-- A rebuild gives the same tables.
INSERT INTO nps_rebuild DEFAULT VALUES;
SELECT * FROM t_check;
