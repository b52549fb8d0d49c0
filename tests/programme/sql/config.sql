-- nps_settings and nps_config: the defaults, the pinned clock of the
-- fixture, changing a setting, and settings that are refused.
SELECT key, value FROM nps_settings ORDER BY key;
SELECT now, followup_sla_hours, survey_cooldown_days, referral_cooldown_days, sample_seed,
       CAST(response_rate_b2b AS integer) AS b2b, CAST(response_rate_b2c AS integer) AS b2c
FROM nps_config;
-- A new SLA is in force at once; as_of accepts a 'T' between date and time.
UPDATE nps_settings SET value = '48' WHERE key = 'followup_sla_hours';
UPDATE nps_settings SET value = '2026-06-01T08:30:00' WHERE key = 'as_of';
SELECT now, followup_sla_hours FROM nps_config;
-- Without as_of, now is the current time: a time of today.
UPDATE nps_settings SET value = NULL WHERE key = 'as_of';
SELECT CAST(CAST(now AS text) LIKE '2___-__-__ __:__:__' AS integer) AS looks_like_a_time FROM nps_config;
-- Refused: an unknown key, a number that is not a positive whole number, a
-- rate above 100, a time that is not one, and a missing seed.
INSERT INTO nps_settings (key, value) VALUES ('folowup_sla_hours', '24');
UPDATE nps_settings SET value = '0' WHERE key = 'survey_cooldown_days';
UPDATE nps_settings SET value = '1.5' WHERE key = 'followup_sla_hours';
UPDATE nps_settings SET value = 'abc' WHERE key = 'referral_cooldown_days';
UPDATE nps_settings SET value = '120' WHERE key = 'response_rate_b2c';
UPDATE nps_settings SET value = 'yesterday noon' WHERE key = 'as_of';
UPDATE nps_settings SET value = NULL WHERE key = 'sample_seed';
-- Nothing changed.
SELECT followup_sla_hours, survey_cooldown_days, referral_cooldown_days, sample_seed,
       CAST(response_rate_b2c AS integer) AS b2c
FROM nps_config;
