-- Inference beyond the point estimate (I1-I5 of core/nps.h): nps_sample_size,
-- nps_mde, nps_pvalue with an alternative or a benchmark, nps_diff_ci_lower /
-- _upper and nps_state_unmerge, on raw rows, rollups, windows and groups.
-- Expected values come from the formulas written out in the queries, with
-- z quantiles from an independent source (mpmath, 30 digits):
-- z(0.975) = 1.9599639845400542, z(0.95) = 1.6448536269514727,
-- z(0.8) = 0.8416212335729142.

-- The README's section "Planning and differences", verbatim, on its tiny
-- table; nps_response_rates stands in for the programme toolkit's view.
-- Values checked independently (mpmath): 1534, 935, 1080; 1534 / 0.36 =
-- 4261.1 -> 4262; MDE 19.810 and, at 45.8% / 29.2%, 16.835; NPS 16.67 against
-- 30: z = -0.7685, P(Z >= z) = 0.779; January 8.33 -> February 25: +16.67,
-- interval -45.59 .. 72.25, one-sided p 0.315; enterprise 41.67 against the
-- rest -8.33: two-sided p 0.1316.
.mode box
CREATE TABLE answers (month TEXT, segment TEXT, score INTEGER);
INSERT INTO answers VALUES
    ('2024-01', 'enterprise', 10), ('2024-01', 'enterprise', 9), ('2024-01', 'enterprise', 9),
    ('2024-01', 'enterprise', 8), ('2024-01', 'enterprise', 7), ('2024-01', 'enterprise', 3),
    ('2024-01', 'smb', 10), ('2024-01', 'smb', 6), ('2024-01', 'smb', 5),
    ('2024-01', 'smb', 8), ('2024-01', 'smb', 2), ('2024-01', 'smb', 9),
    ('2024-02', 'enterprise', 10), ('2024-02', 'enterprise', 10), ('2024-02', 'enterprise', 9),
    ('2024-02', 'enterprise', 9), ('2024-02', 'enterprise', 8), ('2024-02', 'enterprise', 6),
    ('2024-02', 'smb', 9), ('2024-02', 'smb', 7), ('2024-02', 'smb', 8),
    ('2024-02', 'smb', 4), ('2024-02', 'smb', 10), ('2024-02', 'smb', 3);
CREATE TABLE nps_response_rates (campaign TEXT, channel TEXT, response_rate REAL);
INSERT INTO nps_response_rates VALUES
    ('support_ticket_closed', NULL, 36.0), ('support_ticket_closed', 'email', 40.3), (NULL, NULL, 41.5);
SELECT nps_sample_size(5) AS worst_case, nps_sample_size(5, 0.95, 50, 20) AS expected_50_20,
       nps_sample_size(5, 0.9) AS at_90;
SELECT campaign, response_rate,
       CAST(ceil(nps_sample_size(5) * 100.0 / response_rate) AS integer) AS invitations
FROM nps_response_rates WHERE campaign IS NOT NULL AND channel IS NULL;
SELECT round(nps_mde(400, 400), 1) AS worst_case,
       round(nps_mde(400, 400, 0.05, 0.8, promoter_share(score), detractor_share(score)), 1) AS our_mix
FROM answers;
SELECT round(nps(score), 1) AS nps, round(nps_pvalue(nps_state(score), 30, 'greater'), 3) AS p_above_30,
       round(nps_pvalue(nps_state(score), 30, 'less'), 3) AS p_below_30
FROM answers;
WITH m AS (SELECT month, nps_state(score) AS st FROM answers GROUP BY month),
     p AS (SELECT month, st, lag(st) OVER (ORDER BY month) AS prev FROM m)
SELECT month, round(nps_of(st) - nps_of(prev)) AS change,
       round(nps_diff_ci_lower(prev, st)) AS low, round(nps_diff_ci_upper(prev, st)) AS high,
       round(nps_pvalue(st, prev, 'greater'), 3) AS p_up
FROM p WHERE prev IS NOT NULL ORDER BY month;
WITH total AS (SELECT nps_state(score) AS st FROM answers),
     seg AS (SELECT segment, nps_state(score) AS st FROM answers GROUP BY segment)
SELECT segment, round(nps_of(seg.st)) AS nps,
       round(nps_of(nps_state_unmerge(total.st, seg.st))) AS rest,
       round(nps_pvalue(seg.st, nps_state_unmerge(total.st, seg.st)), 3) AS p_differs
FROM seg, total ORDER BY segment;
.mode list

-- I1: nps_sample_size = ceil(z^2 V / (margin / 100)^2 - 3), at least 1.
SELECT nps_sample_size(5) = 1534, nps_sample_size(5.0) = 1534, nps_sample_size('5') = 1534;
SELECT nps_sample_size(3, 0.9) = CAST(ceil(1.6448536269514727 * 1.6448536269514727 / 0.0009 - 3) AS integer);
SELECT nps_sample_size(10, 0.95, 60, 10) = CAST(ceil(1.9599639845400542 * 1.9599639845400542 * (0.6 + 0.1 - 0.25) / 0.01 - 3) AS integer);
SELECT nps_sample_size(100), nps_sample_size(150), nps_sample_size(1, 0.95, 100, 0), typeof(nps_sample_size(5));

-- I2: nps_mde = (z_{1-alpha/2} + z_power) x sqrt(V / n_a + V / n_b) x 100.
SELECT printf('%.6f', nps_mde(1000, 1000)),
       abs(nps_mde(1000, 1000) - (1.9599639845400542 + 0.8416212335729142) * sqrt(2.0 / 1000) * 100) < 1e-9;
SELECT abs(nps_mde(500, 2000, 0.1, 0.9) - (1.6448536269514727 + 1.2815515655446004) * sqrt(1.0 / 500 + 1.0 / 2000) * 100) < 1e-9;
SELECT abs(nps_mde(400, 400, 0.05, 0.8, 50, 20) - (1.9599639845400542 + 0.8416212335729142) * sqrt(0.61 * 2 / 400) * 100) < 1e-9;
SELECT nps_mde(100, 100, 0.5, 0.01), nps_mde(10, 10, 0.05, 0.8, 100, 0);

-- I3: one-sided p-values are half the two-sided one on H1's side.
CREATE TABLE r (g TEXT, s INTEGER);
INSERT INTO r SELECT 'a', value FROM (SELECT 0 AS value UNION ALL SELECT 1 UNION ALL SELECT 9);
WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 99)
INSERT INTO r SELECT CASE WHEN k < 100 THEN 'x' END, CASE WHEN k < 20 THEN 0 WHEN k < 50 THEN 8 ELSE 10 END FROM i;
WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < 99)
INSERT INTO r SELECT 'y', CASE WHEN k < 30 THEN 3 WHEN k < 60 THEN 7 ELSE 9 END FROM i;
-- x: 20 / 30 / 50 (NPS 30, se 100 sqrt(0.61 / 100)); y: 30 / 30 / 40 (NPS 10,
-- se 100 sqrt(0.69 / 100)); z = 20 / sqrt(130) = 1.7541160386: two-sided
-- 0.0794106260, greater 0.0397053130, less 0.9602946870 (mpmath).
WITH st AS (SELECT (SELECT nps_state(s) FROM r WHERE g = 'x') AS x, (SELECT nps_state(s) FROM r WHERE g = 'y') AS y)
SELECT printf('%.10f', nps_pvalue(x, y)), printf('%.10f', nps_pvalue(x, y, 'two-sided')),
       printf('%.10f', nps_pvalue(x, y, 'greater')), printf('%.10f', nps_pvalue(x, y, 'less')),
       nps_pvalue(x, y, 'greater') = nps_pvalue(x, y) / 2, nps_pvalue(y, x, 'less') = nps_pvalue(x, y, 'greater')
FROM st;
-- against a benchmark: x (NPS 30) against 25: z = 5 / 7.8102496759 = 0.6401843997,
-- two-sided 0.5220527237, greater 0.2610263619, less 0.7389736381.
SELECT printf('%.10f', nps_pvalue(nps_state(s), 25)), printf('%.10f', nps_pvalue(nps_state(s), 25.0, 'greater')),
       printf('%.10f', nps_pvalue(nps_state(s), '25', 'less')), nps_pvalue(nps_state(s), 30, 'greater')
FROM r WHERE g = 'x';
-- zero variance: 0 on H1's side, else 1
SELECT nps_pvalue(nps_state(10), 99.5, 'greater'), nps_pvalue(nps_state(10), 100, 'greater'),
       nps_pvalue(nps_state(10), 100), nps_pvalue(nps_state(10), -100, 'less');

-- I4: the interval of nps(y) - nps(x), each adjusted (n + 3): x' = 50.75 / 20.75
-- of 103, y' = 40.75 / 30.75 of 103: -41.3865474391 .. 2.5515959828 at 95%,
-- -37.8545019029 .. -0.9804495534 at 90% (mpmath).
WITH st AS (SELECT (SELECT nps_state(s) FROM r WHERE g = 'x') AS x, (SELECT nps_state(s) FROM r WHERE g = 'y') AS y)
SELECT printf('%.10f', nps_diff_ci_lower(x, y)), printf('%.10f', nps_diff_ci_upper(x, y)),
       printf('%.10f', nps_diff_ci_lower(x, y, 0.9)), printf('%.10f', nps_diff_ci_upper(x, y, 0.9)),
       abs(nps_diff_ci_lower(x, y) - 100 * (-20.0 / 103 - 1.9599639845400542 *
           sqrt(((50.75 + 20.75) / 103 - power(30.0 / 103, 2)) / 103 +
                ((40.75 + 30.75) / 103 - power(10.0 / 103, 2)) / 103))) < 1e-9
FROM st;
SELECT nps_diff_ci_lower(nps_state(0), nps_state(10), 0.999999), nps_diff_ci_upper(nps_state(0), nps_state(10), 0.999999);

-- I5: the rest of a total; a segment against all others.
SELECT hex(nps_state_unmerge(t, a)) = hex(b), nps_rows_of(nps_state_unmerge(t, t)), nps_of(nps_state_unmerge(t, t))
FROM (SELECT nps_state(s) AS t, nps_state(s) FILTER (WHERE g = 'x') AS a, nps_state(s) FILTER (WHERE g <> 'x') AS b FROM r);
SELECT nps_of(nps_state_unmerge(nps_state(s, 2.0), nps_state(s, 2.0) FILTER (WHERE s = 9))) FROM (SELECT 9 AS s UNION ALL SELECT 0 UNION ALL SELECT 10);

-- Rollups: states stored in a table, read with the same functions.  The
-- rest of each group, from the rollup, is the NPS of the other groups' rows.
-- a: 0, 1, 9 (2 / 0 / 1).  x against a (mpmath): -23.8579 .. 115.4437, one-sided
-- p 0.1247; y against x: as above.  Against 0: a -33.3 (p 0.7299), x 30
-- (p 0.0001), y 10 (p 0.1143).
CREATE TABLE rollup AS SELECT g, nps_state(s) AS st FROM r GROUP BY g;
SELECT g, nps_of(nps_state_unmerge((SELECT nps_state(st) FROM rollup), st)) = (SELECT nps(s) FROM r WHERE r.g <> rollup.g)
FROM rollup ORDER BY g;
-- Windows: each group against the one before it.
SELECT g, round(nps_diff_ci_lower(lag(st) OVER w, st), 4), round(nps_diff_ci_upper(lag(st) OVER w, st), 4),
       round(nps_pvalue(st, lag(st) OVER w, 'greater'), 4)
FROM rollup WINDOW w AS (ORDER BY g) ORDER BY g;
-- GROUP BY: each group against a benchmark, inline; the detectable effect
-- between two samples of the group's size.
SELECT g, round(nps_pvalue(nps_state(s), 0, 'greater'), 4),
       abs(nps_mde(count(s), count(s)) - (1.9599639845400542 + 0.8416212335729142) * sqrt(2.0 / count(s)) * 100) < 1e-9
FROM r GROUP BY g ORDER BY g;

-- NULL in any argument gives NULL; empty states give NULL.
SELECT nps_sample_size(NULL) IS NULL, nps_sample_size(5, NULL) IS NULL, nps_sample_size(5, 0.95, NULL, 20) IS NULL,
       nps_mde(NULL, 5) IS NULL, nps_mde(5, 5, 0.05, 0.8, 50, NULL) IS NULL,
       nps_pvalue(NULL, nps_state(9)) IS NULL, nps_pvalue(nps_state(9), NULL) IS NULL,
       nps_pvalue(nps_state(9), 30, NULL) IS NULL, nps_pvalue(nps_state(9), nps_state(1), NULL) IS NULL,
       nps_diff_ci_lower(nps_state(9), NULL) IS NULL, nps_diff_ci_upper(NULL, nps_state(9), 0.9) IS NULL,
       nps_diff_ci_upper(nps_state(9), nps_state(1), NULL) IS NULL,
       nps_state_unmerge(NULL, nps_state(9)) IS NULL, nps_state_unmerge(nps_state(9), NULL) IS NULL;
SELECT nps_pvalue(nps_state_unmerge(nps_state(9), nps_state(9)), 30) IS NULL,
       nps_diff_ci_lower(nps_state_unmerge(nps_state(9), nps_state(9)), nps_state(9)) IS NULL;

-- Errors: each names the function and the value.
SELECT nps_sample_size(0);
SELECT nps_sample_size(-2.5);
SELECT nps_sample_size(1e999);
SELECT nps_sample_size('five');
SELECT nps_sample_size(1e-10);
SELECT nps_sample_size(5, 1);
SELECT nps_sample_size(5, 0.95, -1, 20);
SELECT nps_sample_size(5, 0.95, 50, 100.5);
SELECT nps_sample_size(5, 0.95, 60, 50);
SELECT nps_mde(0, 100);
SELECT nps_mde(100, 0.5);
SELECT nps_mde(100, 100, 0);
SELECT nps_mde(100, 100, 1.5);
SELECT nps_mde(100, 100, 0.05, 1);
SELECT nps_mde(100, 100, 0.05, 0);
SELECT nps_mde(100, 100, 0.05, 0.8, 101, 0);
SELECT nps_mde(100, 100, 0.05, 0.8, 70, 30.5);
SELECT nps_pvalue(nps_state(9), nps_state(1), 'up');
SELECT nps_pvalue(nps_state(9), nps_state(1), 'Greater');
SELECT nps_pvalue(nps_state(9), 30, 'two.sided');
SELECT nps_pvalue(nps_state(9), 100.5);
SELECT nps_pvalue(nps_state(9), -101, 'less');
SELECT nps_pvalue(nps_state(9), 'thirty');
SELECT nps_pvalue(9, 30);
SELECT nps_diff_ci_lower(nps_state(9), nps_state(1), 0);
SELECT nps_diff_ci_upper(nps_state(9), nps_state(1), 1);
SELECT nps_diff_ci_upper(nps_state(9), 5);
SELECT nps_state_unmerge(nps_state(9), nps_state(10));
SELECT nps_state_unmerge(t, a) FROM (SELECT nps_state(s) FILTER (WHERE g = 'x') AS t, nps_state(s) AS a FROM r);
SELECT nps_state_unmerge(nps_state(9), nps_state(9, 1.0));
SELECT nps_state_unmerge(nps_state(9), 'x');
