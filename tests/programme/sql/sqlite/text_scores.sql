-- Scores held as text, as a CSV import stores them (R1): the account and
-- impact views read a score as nps_category does, so '' and '  ' are
-- skipped answers, never detractors, and ' 9 ' is a 9.  Three contacts of
-- one account; answers: c1 ' 9 ' and '', c2 '6', c3 '  '.
DROP TABLE nps_responses;
CREATE TABLE csv (id INTEGER PRIMARY KEY, contact_id TEXT, responded_at TEXT, score TEXT, comment TEXT);
INSERT INTO csv VALUES (1, 'c1', '2026-05-01 10:00:00', ' 9 ', 'great support'),
    (2, 'c1', '2026-05-02 10:00:00', '', 'support never called'),
    (3, 'c2', '2026-05-03 10:00:00', '6', 'support was slow'),
    (4, 'c3', '2026-05-04 10:00:00', '  ', NULL);
CREATE VIEW nps_responses AS
SELECT id, contact_id, responded_at, 'relationship' AS campaign, 'email' AS channel, score, comment, 'en' AS lang FROM csv;
INSERT INTO nps_rebuild DEFAULT VALUES;
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';
INSERT INTO nps_accounts VALUES ('A1', 'Acme', 1000, 'smb');
INSERT INTO nps_account_contacts VALUES ('c1', 'A1', 'decision-maker'), ('c2', 'A1', 'user'), ('c3', 'A1', 'champion');
-- Two answers, c1's 9 (its latest score: the blank of 05-02 is none) and
-- c2's 6: codes +1 and -1, mean 0, a passive vote; NPS 0; the champion c3
-- gave no score, so is not heard.
SELECT window_days, response_id, contact_id, score, code, latest FROM nps_account_answers WHERE window_days = 90;
SELECT responses, stakeholders, stakeholder_nps, mean_code, vote FROM nps_account_scores WHERE window_days = 90;
SELECT contacts, answered, roles_missing FROM nps_account_coverage WHERE window_days = 90;
-- support: mentioned by 1 (9), 2 (no score) and 3 (6): scored 2, 1
-- detractor, of all 2 scored answers: costs 100 x 1 / 2 = 50; speed ("slow")
-- by 3 alone: 50 too.  Every attribute's n is the 2 scored answers.
SELECT theme, scored, detractors, all_scored, cost_points, nps_with FROM nps_theme_impact;
SELECT attribute, value, scored, all_scored FROM nps_driver_impact WHERE attribute <> 'theme';
