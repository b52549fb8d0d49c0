-- Survey cooldown and sampling.  Now 2026-05-20 12:00:00, cooldown 90
-- days: eligible when the last invitation is at or before 2026-02-19
-- 12:00:00 (or there is none) and the contact has not opted out.
--   c1 last invited 05-01: no.  c2 last 02-19 12:00:00 exactly: yes, 90 days.
--   c3 02-19 12:00:01, one second inside: no.  c4 2025-06-01: yes, 353 days.
--   c5 opted out: no.  c6 05-19, c7 05-18, c10 03-30: no.  c8, c9 never: yes.
SELECT contact_id, lang, last_invited_at, days_since_invited
FROM nps_survey_eligible ORDER BY contact_id;

-- Sample keys with seed 'nps', recomputed with Python from the definition
-- (FNV-1a 64 of seed, 0xFF, key; splitmix64 finaliser; >> 1):
--   c4 1592145808954110972   c2 1883407948948689824
--   c8 4096868848043945247   c9 6137085255462732534
SELECT contact_id, sample_key, CAST(sample_key = nps_sample_key(contact_id, 'nps') AS integer) AS same
FROM nps_survey_eligible ORDER BY sample_key;
-- A sample of 2: the two smallest keys, c4 and c2.
SELECT contact_id FROM nps_survey_eligible ORDER BY sample_key LIMIT 2;
-- A 50% share, key % 100 < 50: c2 (24), c8 (47) and c9 (34); not c4 (72).
SELECT contact_id, sample_key % 100 AS bucket FROM nps_survey_eligible
WHERE sample_key % 100 < 50 ORDER BY contact_id;
-- Another wave, another seed: keys with seed 'autumn-2026' (Python):
--   c2 1897649685668129252   c4 3606912103052863034
--   c9 6528307494983734413   c8 8172207620482391189
UPDATE nps_settings SET value = 'autumn-2026' WHERE key = 'sample_seed';
SELECT contact_id, sample_key FROM nps_survey_eligible ORDER BY sample_key;

-- Rotation: once c4 and c9 are invited they leave the pool for 90 days.
INSERT INTO nps_invitations (id, contact_id, campaign, channel, sent_at) VALUES
    (27, 'c4', 'relationship', 'email', '2026-05-20 10:00:00'),
    (28, 'c9', 'relationship', 'email', '2026-05-20 10:00:00');
SELECT contact_id FROM nps_survey_eligible ORDER BY contact_id;
-- A shorter cooldown of 30 days lets c3 (89 days 23:59:59) and c10 (51 days) back in.
UPDATE nps_settings SET value = '30' WHERE key = 'survey_cooldown_days';
SELECT contact_id, days_since_invited FROM nps_survey_eligible ORDER BY contact_id;
