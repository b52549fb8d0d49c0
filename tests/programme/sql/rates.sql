-- Response rates per campaign and channel, campaign totals (channel NULL)
-- and the grand total, with the B2B reference (12) and B2C target (40):
--   (none)/web        0 invitations, 1 response  -> no rate
--   onboarding/email  8, 3 -> 37.5
--   relationship/email 10, 5 -> 50;  sms 5, 2 -> 40;  web 3, 1 -> 33.33
--   relationship 18, 8 -> 44.44;  onboarding 8, 3 -> 37.5;  all 26, 12 -> 46.15
SELECT campaign, channel, invitations, responses, CAST(round(response_rate * 100) AS integer) AS rate_x100,
       CAST(b2b_reference AS integer) AS b2b, CAST(b2c_target AS integer) AS b2c
FROM nps_response_rates;
-- Channels against the references: which campaign totals reach the B2C target?
SELECT campaign, CAST(response_rate >= b2c_target AS integer) AS meets_b2c_target,
       CAST(response_rate >= b2b_reference AS integer) AS above_b2b_reference
FROM nps_response_rates WHERE channel IS NULL AND campaign IS NOT NULL ORDER BY campaign;
-- Other reference levels come from the settings.
UPDATE nps_settings SET value = '45.5' WHERE key = 'response_rate_b2c';
SELECT DISTINCT CAST(b2c_target * 10 AS integer) AS b2c_x10 FROM nps_response_rates;
