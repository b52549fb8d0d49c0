-- Writes to the tables behind the views of sql/*/upkeep_views.sql, each
-- followed by the check of the maintained tables (upkeep_check.sql).  Valid
-- SQL for both engines.

-- New rows, one statement of many and single ones; a test response (not in
-- the view) and a contact that was only ever invited.
INSERT INTO my_responses (rid, cid, at, campaign, channel, score, note, language) VALUES
    (101, 'c9', '2026-05-20 10:00:00', 'relationship', 'email', 10, 'Reliable and FAST support', 'th'),
    (102, 'c4', '2026-05-20 10:00:00', 'onboarding', 'email', 3, 'Too expensive', 'en'),
    (103, 'c4', '2026-05-20 10:00:00', 'onboarding', 'email', 9, NULL, 'en'),
    (104, NULL, '2026-05-19 10:00:00', NULL, 'web', NULL, 'bug', 'en');
INSERT INTO my_responses (rid, cid, at, score, note, test) VALUES (105, 'c2', '2026-05-20 11:00:00', 0, 'slow', 1);
INSERT INTO my_invitations (inv, cid, campaign, channel, sent) VALUES
    (101, 'c8', 'relationship', 'email', '2026-05-19 10:00:00'),
    (102, 'x03', 'onboarding', 'sms', '2026-05-20 08:00:00');
INSERT INTO my_contacts (cid, language, consent, no_survey) VALUES ('x03', 'es', TRUE, FALSE);
-- Attributes: of new responses, two regions of one, a row of the test
-- response, a second plan of a response of the fixture, one at a time.
INSERT INTO my_attributes (rid, name, val) VALUES
    (101, 'plan', 'pro'), (101, 'region', 'eu'), (101, 'region', 'us'), (102, 'plan', 'free'),
    (103, 'plan', 'pro'), (105, 'plan', 'free'), (106, 'plan', 'pro');
INSERT INTO my_attributes (rid, name, val) VALUES (4, 'plan', 'pro');
SELECT * FROM t_check;
-- Changes: a score, a comment, a contact, a time, a key; a test response
-- becoming a real one and a real one a test.
UPDATE my_responses SET score = 10 WHERE rid = 102;
UPDATE my_responses SET note = 'PRICE went up' WHERE rid IN (1, 103);
UPDATE my_responses SET cid = 'c10', at = '2026-05-20 11:30:00' WHERE rid = 101;
UPDATE my_responses SET rid = 110 WHERE rid = 103;
UPDATE my_responses SET test = 1 - test WHERE rid IN (105, 6);
UPDATE my_invitations SET sent = '2026-05-20 09:00:00', campaign = 'onboarding' WHERE inv = 1;
UPDATE my_invitations SET inv = 120, cid = 'c9' WHERE inv = 101;
UPDATE my_contacts SET no_survey = TRUE WHERE cid = 'c2';
UPDATE my_contacts SET cid = 'x04' WHERE cid = 'x03';
-- Stakeholders behind the same table: a role, an account, one that becomes
-- a stakeholder, one that stops being one, a key.
UPDATE my_contacts SET job = 'decision-maker' WHERE cid = 'c3';
UPDATE my_contacts SET account = 'A1' WHERE cid = 'c4';
UPDATE my_contacts SET account = 'A2', job = 'user' WHERE cid = 'x04';
UPDATE my_contacts SET account = NULL WHERE cid = 'c5';
UPDATE my_contacts SET cid = 'c66' WHERE cid = 'c6';
-- Attributes changed: both rows of a response in one statement, a row moved
-- to another response, one row alone; the response of 106 written after
-- its attributes.
UPDATE my_attributes SET val = val || '!' WHERE rid = 101;
UPDATE my_attributes SET rid = 1 WHERE rid = 4 AND val = 'pro';
UPDATE my_attributes SET val = 'team' WHERE rid = 102;
INSERT INTO my_responses (rid, cid, at, score, note) VALUES (106, 'c5', '2026-05-20 12:00:00', 8, NULL);
SELECT * FROM t_check;
-- Deletes.
DELETE FROM my_responses WHERE rid IN (2, 110, 104);
DELETE FROM my_invitations WHERE cid = 'c1';
DELETE FROM my_contacts WHERE cid = 'c10';
-- Attribute rows deleted: one of a response's two, then every row of two
-- responses in one statement.
DELETE FROM my_attributes WHERE rid = 101 AND val = 'eu!';
DELETE FROM my_attributes WHERE rid IN (1, 5);
SELECT * FROM t_check;
