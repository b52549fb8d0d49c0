-- The programme's parity queries: run as written by both engines over
-- tests/programme/fixture.sql, after sql/programme/<engine>.sql; the outputs
-- must be identical, query by query.  One statement per query, each ending
-- with ';' at the end of a line.  Booleans are cast to integer (PostgreSQL
-- prints t/f, SQLite 1/0); times print alike ('YYYY-MM-DD HH:MM:SS').
SELECT now, followup_sla_hours, survey_cooldown_days, referral_cooldown_days, sample_seed, response_rate_b2b, response_rate_b2c FROM nps_config;
SELECT id, status, next_step, category, score, contact_id, source_table, response_key, owner, responded_at, age_hours, due_at, CAST(sla_breached AS integer) FROM nps_followup_queue;
SELECT week, detractors, contacted, within_sla, overdue, pending, pct_within_sla, median_hours_to_contact FROM nps_followup_weekly;
SELECT contact_id, lang, last_invited_at, days_since_invited, sample_key FROM nps_survey_eligible ORDER BY contact_id;
SELECT contact_id FROM nps_survey_eligible ORDER BY sample_key LIMIT 2;
SELECT contact_id, sample_key % 100 FROM nps_survey_eligible WHERE sample_key % 100 < 50 ORDER BY contact_id;
SELECT campaign, channel, invitations, responses, response_rate, b2b_reference, b2c_target FROM nps_response_rates;
SELECT response_id, theme, contact_id, responded_at, score, category, lang, comment FROM nps_response_themes ORDER BY response_id, theme;
SELECT theme, mentions, scored, promoters, passives, detractors, nps, detractor_share FROM nps_theme_summary ORDER BY theme;
SELECT theme, detractors FROM nps_theme_summary ORDER BY detractors DESC, theme LIMIT 3;
SELECT contact_id, lang, score, responded_at, last_asked_at FROM nps_referral_candidates;
SELECT id, score, lang, nps_followup_question(score), nps_followup_question(score, lang), nps_casefold(comment) FROM nps_responses WHERE score IS NOT NULL ORDER BY id;
SELECT contact_id, nps_sample_key(contact_id, 'spring-2026'), nps_sample_key(contact_id, '') FROM nps_contacts ORDER BY contact_id;
-- The loop moves on; the same views again.
UPDATE nps_followups SET status = 'contacted' WHERE id = 3;
UPDATE nps_followups SET status = 'informed' WHERE id = 6;
UPDATE nps_followups SET status = 'resolved', resolved_at = '2026-05-20 10:00:00' WHERE id = 2;
INSERT INTO nps_followups (score, responded_at, status) VALUES (1, '2026-05-20 11:00:00', 'contacted');
SELECT id, status, contacted_at, resolved_at, informed_at FROM nps_followups ORDER BY id;
SELECT id, status, next_step, age_hours, due_at, CAST(sla_breached AS integer) FROM nps_followup_queue;
SELECT week, detractors, contacted, within_sla, overdue, pending, pct_within_sla, median_hours_to_contact FROM nps_followup_weekly;
-- Other settings.
UPDATE nps_settings SET value = '2026-06-15 08:00:00' WHERE key = 'as_of';
UPDATE nps_settings SET value = '36' WHERE key = 'followup_sla_hours';
UPDATE nps_settings SET value = '45' WHERE key = 'survey_cooldown_days';
UPDATE nps_settings SET value = '60' WHERE key = 'referral_cooldown_days';
UPDATE nps_settings SET value = 'wave-7' WHERE key = 'sample_seed';
SELECT id, age_hours, due_at, CAST(sla_breached AS integer) FROM nps_followup_queue;
SELECT week, within_sla, overdue, pending, pct_within_sla FROM nps_followup_weekly;
SELECT contact_id, last_invited_at, days_since_invited, sample_key FROM nps_survey_eligible ORDER BY sample_key;
SELECT contact_id, last_asked_at FROM nps_referral_candidates;
-- Alerts open follow-ups alike (the SQLite queue and PostgreSQL NOTIFY are
-- tested in tests/programme).
CREATE TABLE survey (id integer PRIMARY KEY, score integer, comment text);
SELECT nps_alert_on('survey', 'score', 'nps_alert', 'promoter, detractor');
INSERT INTO survey (id, score, comment) VALUES (1, 2, 'a'), (2, 8, 'b'), (3, 10, 'c'), (4, NULL, 'd');
UPDATE survey SET score = 6 WHERE id = 2;
SELECT id, source_table, response_key, score, responded_at, status FROM nps_followups WHERE id > 8 ORDER BY id;
SELECT nps_alert_off('survey');
SELECT nps_alert_off('survey');
-- B2B accounts and what moves the score, over the fixture's accounts and
-- attributes (the settings above: now is 2026-06-15 08:00).
SELECT window_days, response_id, account_id, contact_id, role, responded_at, score, category, code, CAST(latest AS integer) FROM nps_account_answers ORDER BY window_days, response_id;
SELECT account_id, name, segment, arr, window_days, responses, stakeholders, stakeholder_nps, mean_code, vote FROM nps_account_scores;
SELECT window_days, segment, method, n, effective_n, nps, moe, ci_lower, ci_upper FROM nps_account_nps;
SELECT account_id, name, window_days, contacts, answered, coverage, roles_missing FROM nps_account_coverage;
SELECT account_id, name, segment, arr, stakeholders_90d, mean_code_90d, vote_90d, stakeholders_prev_90d, mean_code_prev_90d, trend, detractor_decision_makers, CAST(at_risk AS integer), risk FROM nps_account_health;
SELECT attribute, value, scored, detractors, all_scored, nps_with, nps_without, cost_points, cost_lower, cost_upper, gap_points, gap_lower, gap_upper, p_value, q_value FROM nps_driver_impact;
SELECT theme, scored, detractors, all_scored, nps_with, nps_without, cost_points, cost_lower, cost_upper, gap_points, gap_lower, gap_upper, p_value, q_value FROM nps_theme_impact;
-- Back to the fixture's now: the 90 days before hold c1's 10 (A1 falling).
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';
SELECT account_id, stakeholders_90d, mean_code_90d, vote_90d, mean_code_prev_90d, trend, detractor_decision_makers, CAST(at_risk AS integer), risk FROM nps_account_health;
SELECT window_days, segment, method, n, effective_n, nps, moe, ci_lower, ci_upper FROM nps_account_nps WHERE window_days = 90;
