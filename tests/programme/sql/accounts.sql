-- B2B accounts over the fixture, now = 2026-05-20 12:00:00.  The trailing
-- windows start after 2026-02-19 12:00 (90 days), 2025-11-21 12:00 (180)
-- and 2025-05-20 12:00 (365): the 90-day window holds every scored answer
-- but c1's 10 of 2026-01-10, the others all eleven.  Codes: detractor -1,
-- passive 0, promoter +1.
--   A1 Acme, enterprise, 300000: c1 decision-maker (3 on 05-11; 10 on
--      01-10), c3 user (6), c9 champion (never answered)
--   A2 Birch, mid-market, 80000: c2 decision-maker (9 on 05-12; 4 on
--      03-01), c4 champion (10), c5 user (0)
--   A3 Cobalt, mid-market, 60000: c6 champion (8), c7 decision-maker (2),
--      c8 user (10)
--   A4 Dune, smb, no ARR: c10 user (9 on 04-02)
--   A5 Elm, smb, 15000: no contacts
-- The answers of each window; latest: the stakeholder's vote (c2's 4 of
-- 03-01 is not, nor c1's 10 in the longer windows).
SELECT window_days, response_id, account_id, contact_id, role, score, category, code,
       CAST(latest AS integer) AS latest
FROM nps_account_answers ORDER BY window_days, response_id;

-- Per account, 90 days.  A1: codes -1, -1: mean -1, detractor; its two
-- answers NPS -100.  A2: +1, +1, -1: mean 1/3, a promoter vote (the rule's
-- edge, >= 1/3); answers 9, 4, 10, 0: NPS (2 - 2) / 4 = 0.  A3: 0, -1, +1:
-- mean 0, passive; NPS 0.  A4: +1, promoter, NPS 100.  A5: no answer, no
-- vote.  180 and 365 days: A1 adds c1's 10: answers 3, 6, 10, NPS -33.33,
-- the vote unchanged (c1's latest is still the 3).
SELECT window_days, account_id, name, segment, responses, stakeholders,
       CAST(round(stakeholder_nps * 100) AS integer) AS nps_x100,
       CAST(round(mean_code * 1000) AS integer) AS mean_code_x1000, vote
FROM nps_account_scores ORDER BY window_days, account_id;

-- Account NPS, three ways.  90 days, all accounts:
--   stakeholders: 10 answers, 4 promoters (9, 10, 10, 9), 1 passive (8),
--     5 detractors (3, 6, 4, 0, 2): NPS -10, margin 1.96 x 100 x
--     sqrt((0.4 + 0.5 - 0.01) / 10) = 58.47, adjusted Wald -56.37 .. 40.98;
--   accounts: votes D, P, Q, P: NPS (2 - 1) / 4 = 25, n 4, margin
--     1.96 x 100 x sqrt((0.5 + 0.25 - 0.0625) / 4) = 81.26, -44.16 .. 72.73;
--   arr: A4 has no ARR: (80000 - 300000) / 440000 = -50, n 3, Kish n
--     440000^2 / (300000^2 + 80000^2 + 60000^2) = 1.936, margin 1.96 x 100
--     x sqrt(0.75 / 1.936) = 110.34.
-- 180 days: 11 answers, 5 promoters, 5 detractors: NPS 0, margin 56.35; the
-- votes as at 90 days.  Segments, 90 days: enterprise A1 alone (-100 every
-- way); mid-market A2 and A3: answers 9, 4, 10, 0, 8, 2, 10: NPS 0; votes
-- P and Q: 50 (margin 69.30); by ARR 80000 / 140000 = 57.14, Kish n 1.96;
-- smb: A4's 9 alone, and no ARR at all: n 0, everything else NULL.
SELECT window_days, segment, method, n, CAST(round(effective_n * 1000) AS integer) AS eff_n_x1000,
       CAST(round(nps * 100) AS integer) AS nps_x100, CAST(round(moe * 100) AS integer) AS moe_x100,
       CAST(round(ci_lower * 100) AS integer) AS lo_x100, CAST(round(ci_upper * 100) AS integer) AS hi_x100
FROM nps_account_nps WHERE window_days IN (90, 180)
ORDER BY window_days, segment IS NOT NULL, segment,
         CASE method WHEN 'stakeholders' THEN 1 WHEN 'accounts' THEN 2 ELSE 3 END;

-- The same figures by plain arithmetic on the votes and answers: NPS from
-- counts, Kish's n from the ARR, the Wald margin from the formula.
WITH v AS (SELECT window_days, vote, CAST(arr AS double precision) AS arr FROM nps_account_scores WHERE vote IS NOT NULL),
c AS (
    SELECT window_days, count(*) AS n,
           100.0 * (count(CASE WHEN vote = 'promoter' THEN 1 END) - count(CASE WHEN vote = 'detractor' THEN 1 END)) / count(*) AS nps,
           sum(arr) * sum(arr) / sum(arr * arr) AS kish,
           100.0 * (sum(CASE WHEN vote = 'promoter' THEN arr ELSE 0 END) - sum(CASE WHEN vote = 'detractor' THEN arr ELSE 0 END)) / sum(arr) AS arr_nps
    FROM v GROUP BY window_days
)
SELECT c.window_days,
       CAST(abs(c.nps - a.nps) < 1e-9 AND a.n = c.n AS integer) AS accounts_nps_agrees,
       CAST(abs(c.kish - w.effective_n) < 1e-9 AND abs(c.arr_nps - w.nps) < 1e-9 AS integer) AS arr_agrees,
       CAST(abs(1.959963984540054 * 100 * sqrt((0.5 + 0.25 - 0.0625) / 4) - a.moe) < 1e-9 AS integer) AS moe_agrees
FROM c
JOIN nps_account_nps AS a ON a.window_days = c.window_days AND a.segment IS NULL AND a.method = 'accounts'
JOIN nps_account_nps AS w ON w.window_days = c.window_days AND w.segment IS NULL AND w.method = 'arr'
ORDER BY c.window_days;

-- Coverage, 90 days: A1 heard c1 and c3 of three contacts (66.67%), not its
-- champion; A2 and A3 all three, every role; A4 its one user, no
-- decision-maker or champion; A5 has no contacts (coverage NULL) and misses
-- every role.  The longer windows add no one.
SELECT window_days, account_id, contacts, answered, CAST(round(coverage * 100) AS integer) AS coverage_x100,
       roles_missing
FROM nps_account_coverage ORDER BY window_days, account_id;

-- Health.  A1: its decision-maker c1 gave a 3; the 90 days before (after
-- 2025-11-21 12:00, up to 2026-02-19 12:00) hold c1's 10: mean +1, now -1,
-- a fall of 2: at risk on both counts.  A3: its decision-maker c7 gave a 2:
-- at risk.  A2's decision-maker gave a 9, and A2, A4 and A5 have nothing
-- before: no trend.  At risk first, by ARR, no ARR last.
SELECT account_id, arr, stakeholders_90d, CAST(round(mean_code_90d * 1000) AS integer) AS mean_x1000, vote_90d,
       stakeholders_prev_90d, CAST(round(mean_code_prev_90d * 1000) AS integer) AS prev_x1000, trend,
       detractor_decision_makers, CAST(at_risk AS integer) AS at_risk, risk
FROM nps_account_health;

-- Forty-two days on (2026-07-01 12:00): the 90 days start after 2026-04-02
-- 12:00 (c10's 9 of 04-02 10:00 falls out), the 90 before hold c1's 10, c2's
-- 4 and c10's 9.  A1: +1 -> -1, falling.  A2: c2 alone before (-1), now
-- c2, c4, c5 (mean 1/3): rising by 4/3, and not at risk.  A4: nothing in
-- the last 90 days: no vote, no trend.
UPDATE nps_settings SET value = '2026-07-01 12:00:00' WHERE key = 'as_of';
SELECT account_id, stakeholders_90d, CAST(round(mean_code_90d * 1000) AS integer) AS mean_x1000, vote_90d,
       stakeholders_prev_90d, CAST(round(mean_code_prev_90d * 1000) AS integer) AS prev_x1000, trend,
       CAST(at_risk AS integer) AS at_risk, risk
FROM nps_account_health ORDER BY account_id;
-- Earlier answers of A3's stakeholders move its 90 days before (now
-- A3: codes 0, -1, +1, mean 0).  c6 gave a 7 on 03-15: mean 0 before,
-- steady.  c7 a 10 on 03-20: 0 and +1, mean 1/2 before, a drop of 1/2:
-- still steady.  c8 a 10 on 03-25: 0, +1, +1, mean 2/3, a drop of 2/3:
-- falling (the rule's edge: 3 x (2 x 3 - 0 x 3) = 18 >= 2 x 3 x 3).
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score)
VALUES (13, 'c6', '2026-03-15 10:00:00', 'relationship', 'email', 7);
SELECT account_id, stakeholders_prev_90d, CAST(round(mean_code_prev_90d * 1000) AS integer) AS prev_x1000, trend, risk
FROM nps_account_health WHERE account_id = 'A3';
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score)
VALUES (14, 'c7', '2026-03-20 10:00:00', 'relationship', 'email', 10);
SELECT account_id, stakeholders_prev_90d, CAST(round(mean_code_prev_90d * 1000) AS integer) AS prev_x1000, trend, risk
FROM nps_account_health WHERE account_id = 'A3';
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score)
VALUES (15, 'c8', '2026-03-25 10:00:00', 'relationship', 'email', 10);
SELECT account_id, stakeholders_prev_90d, CAST(round(mean_code_prev_90d * 1000) AS integer) AS prev_x1000, trend, risk
FROM nps_account_health WHERE account_id = 'A3';
-- A second answer of c8 on 2026-05-20 10:00, an 8, replaces c8's 10 of
-- 05-15 in A3's vote: codes 0, -1, 0, mean -1/3, a detractor vote (the
-- vote's other edge); every answer of the 90 days still counts for the
-- stakeholders' NPS (10, 8, 2, 8 -> 0).
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score)
VALUES (16, 'c8', '2026-05-20 10:00:00', 'relationship', 'email', 8);
SELECT account_id, responses, stakeholders, CAST(round(stakeholder_nps * 100) AS integer) AS nps_x100,
       CAST(round(mean_code * 1000) AS integer) AS mean_code_x1000, vote
FROM nps_account_scores WHERE window_days = 90 AND account_id = 'A3';

-- Your own roles: a 'finance' role every account should be heard from is
-- missing everywhere, listed after the others by its priority (A4, silent
-- since 04-02, now misses every role).
INSERT INTO nps_account_roles (role, priority) VALUES ('finance', 4);
SELECT account_id, roles_missing FROM nps_account_coverage WHERE window_days = 90 ORDER BY account_id;
-- A negative ARR is refused.
INSERT INTO nps_accounts (account_id, name, arr, segment) VALUES ('A6', 'Fir', -1, 'smb');
