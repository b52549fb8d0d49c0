-- What moves the score, over the fixture.  Eleven scored responses (1-10,
-- 12): 5 promoters, 1 passive, 5 detractors, NPS 0.  The themes (themes.sql)
-- of the scored ones, as promoters / passives / detractors:
--   price 0/0/4 (1, 5, 7, 8)          speed 0/1/3 (1, 5, 6, 7)
--   support 1/1/3 (1, 3, 5, 6, 12)    outage 0/0/1 (3)
--   ease of use, time saved, reliability, reports 1/0/0 each
-- bugs is mentioned by 11 alone, which has no score: no row.
-- A theme's cost is 100 x its detractors / 11: price 36.36, speed and
-- support 27.27, outage 9.09, the others 0.  Its interval is Wilson's of
-- that share (z = 1.959964): 4 of 11 -> 15.17 .. 64.62, 3 of 11 -> 9.75 ..
-- 56.56, 1 of 11 -> 1.62 .. 37.74, 0 of 11 -> 0 .. 25.88.  The rest of
-- price: 5/1/1 of 7, NPS 57.14; of speed 5/0/2, 42.86; of support 4/0/2,
-- 33.33; of outage 5/1/4, 10; of the others 4/1/5, -10.  The gap is
-- (rest - with) x scored / 11: price (57.14 + 100) x 4 / 11 = 57.14, speed
-- 42.86, support 33.33, outage 10, the others -10.
-- p-values, z = (NPS with - NPS rest) / sqrt(se_with^2 + se_rest^2), se =
-- sqrt((p + d - (p - d)^2) / n): price 1.146e-08, speed 0.003559, support
-- 0.1629, outage and the four one-promoter themes 0.0002267 (a group of one
-- has no variance: the test is the rest's alone).  Benjamini-Hochberg over
-- the 8 themes, ranked by p: price 1.146e-08 x 8 / 1 = 9.165e-08; the five
-- tied at 0.0002267 take rank 6's 0.0002267 x 8 / 6 = 0.0003023; speed
-- 0.003559 x 8 / 7 = 0.004068; support 0.1629 x 8 / 8 = 0.1629.
SELECT theme, scored, detractors, all_scored, CAST(round(nps_with * 100) AS integer) AS with_x100,
       CAST(round(nps_without * 100) AS integer) AS without_x100,
       CAST(round(cost_points * 100) AS integer) AS cost_x100,
       CAST(round(cost_lower * 100) AS integer) AS lo_x100, CAST(round(cost_upper * 100) AS integer) AS hi_x100,
       CAST(round(gap_points * 100) AS integer) AS gap_x100
FROM nps_theme_impact ORDER BY cost_points DESC, theme;
SELECT theme, CAST(round(p_value * 1e10) AS integer) AS p_x1e10, CAST(round(q_value * 1e10) AS integer) AS q_x1e10
FROM nps_theme_impact ORDER BY p_value, theme;

-- The same by plain arithmetic: the cost from the counts, Wilson's bounds
-- from the formula, the gap from the two NPS, each within 1e-9.
SELECT theme,
       CAST(abs(cost_points - 100.0 * detractors / all_scored) < 1e-9 AS integer) AS cost_agrees,
       CAST(abs(cost_lower - 100 * ((1.0 * detractors / all_scored + 3.841458820694124 / (2 * all_scored))
                - 1.959963984540054 * sqrt((1.0 * detractors / all_scored) * (1 - 1.0 * detractors / all_scored) / all_scored
                                           + 3.841458820694124 / (4.0 * all_scored * all_scored)))
                / (1 + 3.841458820694124 / all_scored)) < 1e-9 AS integer) AS lower_agrees,
       CAST(abs(cost_upper - 100 * ((1.0 * detractors / all_scored + 3.841458820694124 / (2 * all_scored))
                + 1.959963984540054 * sqrt((1.0 * detractors / all_scored) * (1 - 1.0 * detractors / all_scored) / all_scored
                                           + 3.841458820694124 / (4.0 * all_scored * all_scored)))
                / (1 + 3.841458820694124 / all_scored)) < 1e-9 AS integer) AS upper_agrees,
       CAST(abs(gap_points - (nps_without - nps_with) * scored / all_scored) < 1e-9 AS integer) AS gap_agrees
FROM nps_theme_impact ORDER BY theme;

-- Drivers: the themes beside every attribute, q-values over all 18 rows.
-- campaign: relationship (1, 2, 3, 6, 8, 9, 10, 12: 4/1/3, NPS 12.5),
-- onboarding (4, 5, 7: 1/0/2, -33.33); the no-campaign 11 has no score.  channel: email (1, 2, 4, 5, 7, 8, 9, 10: 4/0/4, 0), sms (3, 6:
-- 0/1/1, -50), web (12: 1/0/0); the 'channel' row of
-- nps_response_attributes is ignored.  segment, over the eleven answers of
-- contacts of accounts: enterprise (1, 3, 10: 1/0/2), mid-market (2, 4, 5,
-- 6, 7, 8, 9: 3/1/3), smb (12).  plan, over the ten responses with a plan
-- (not 12; 11 has no score): pro (1, 2, 3, 5, 7: 1/0/4, -60) costs 100 x
-- 4 / 10 = 40 (Wilson 16.82 .. 68.73), free (4, 6, 8, 9, 10: 3/1/1, 40)
-- 10 (1.79 .. 40.42); the gap of pro (40 + 60) x 5 / 10 = 50, of free -50;
-- p 0.04811 for both.
SELECT attribute, value, scored, detractors, all_scored, CAST(round(nps_with * 100) AS integer) AS with_x100,
       CAST(round(nps_without * 100) AS integer) AS without_x100,
       CAST(round(cost_points * 100) AS integer) AS cost_x100,
       CAST(round(cost_lower * 100) AS integer) AS lo_x100, CAST(round(cost_upper * 100) AS integer) AS hi_x100,
       CAST(round(gap_points * 100) AS integer) AS gap_x100, CAST(round(p_value * 1e5) AS integer) AS p_x1e5
FROM nps_driver_impact ORDER BY attribute, value;
-- Benjamini-Hochberg by hand over the 18 p-values: the i-th smallest times
-- 18 / i, the minimum from each rank up, against the view's q_value.
WITH ranked AS (
    SELECT attribute, value, p_value, q_value, row_number() OVER (ORDER BY p_value, attribute, value) AS i
    FROM nps_driver_impact
),
bh AS (
    SELECT a.attribute, a.value, a.q_value,
           (SELECT min(CASE WHEN b.p_value * 18 / b.i < 1 THEN b.p_value * 18 / b.i ELSE 1 END)
            FROM ranked AS b WHERE b.i >= a.i) AS q_by_hand
    FROM ranked AS a
)
SELECT count(*) AS rows_, count(CASE WHEN abs(q_value - q_by_hand) < 1e-15 THEN 1 END) AS agree FROM bh;

-- A response of a contact of no account with a new plan: the segment's
-- base stays at the answers of accounts' contacts, the plan's grows.
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score)
VALUES (13, 'x99', '2026-05-20 11:00:00', 'relationship', 'email', 7);
INSERT INTO nps_response_attributes (response_id, attribute, value) VALUES (13, 'plan', 'enterprise');
SELECT attribute, count(*) AS values_, min(all_scored) AS all_scored FROM nps_driver_impact
GROUP BY attribute ORDER BY attribute;
