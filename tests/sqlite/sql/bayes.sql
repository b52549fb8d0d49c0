-- Small segments: nps_credible_lower_of/_upper_of, nps_prob_above_of,
-- nps_shrunk_of (rules B1-B5 of core/nps.h).  Expected values come from
-- closed forms under the Dirichlet posterior worked by hand, from the
-- brute-force integration of tests/stats/bayes_reference.py, or from the
-- shrinkage formula.

-- B2 from raw rows: 2 promoters, 1 passive, 1 detractor give Dirichlet(3, 2,
-- 2); NPS > 0 exactly when U = P / (P + D) ~ Beta(3, 2) exceeds 1/2: 11/16.
WITH t(s) AS (VALUES (10), (9), (3), (7))
SELECT printf('%.12f', nps_prob_above_of(nps_state(s), 0)) FROM t;
-- Symmetric counts (one of each): P(NPS > 0) = 1/2, a symmetric interval,
-- and the uniform-like tails: P(NPS > -100) = 1, P(NPS > 100) = 0.
WITH t(s) AS (VALUES (10), (7), (0))
SELECT printf('%.12f', nps_prob_above_of(nps_state(s), 0)),
       abs(nps_credible_lower_of(nps_state(s)) + nps_credible_upper_of(nps_state(s))) < 1e-7,
       nps_prob_above_of(nps_state(s), -100), nps_prob_above_of(nps_state(s), 100) FROM t;

-- B3: a bound is a quantile: P(NPS > lower at 0.9) = 0.95, P(NPS > upper) = 0.05.
WITH t(s) AS (VALUES (10), (9), (9), (8), (6), (2), (10))
SELECT abs(nps_prob_above_of(nps_state(s), nps_credible_lower_of(nps_state(s), 0.9)) - 0.95) < 1e-9,
       abs(nps_prob_above_of(nps_state(s), nps_credible_upper_of(nps_state(s), 0.9)) - 0.05) < 1e-9,
       nps_credible_lower_of(nps_state(s), 0.8) > nps_credible_lower_of(nps_state(s), 0.99) FROM t;

-- GROUP BY segments: north holds 18 promoters, 12 passives and 10
-- detractors, south 2 promoters and 1 detractor; the brute-force references
-- of P(NPS > 30) are 0.178736662957393 and 0.3727981250000003.
CREATE TABLE answers (id INTEGER PRIMARY KEY, region TEXT, score INTEGER, w REAL);
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 40)
INSERT INTO answers (region, score, w)
SELECT 'north', CASE WHEN n <= 18 THEN 9 + n % 2 WHEN n <= 30 THEN 7 + n % 2 ELSE n % 7 END, 1 + n % 3 FROM i;
INSERT INTO answers (region, score, w) VALUES ('south', 10, 1), ('south', 9, 3), ('south', 2, 2);
SELECT region, count(*), printf('%.9f', nps_prob_above_of(nps_state(score), 30)) FROM answers
GROUP BY region ORDER BY region;

-- Rollups: states per region stored, merged with nps(st) and read with the
-- scalars, give what the raw rows give.
CREATE TABLE rollup AS SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM answers GROUP BY region;
SELECT nps_credible_lower_of(nps_state(st)) = (SELECT nps_credible_lower_of(nps_state(score)) FROM answers),
       nps_prob_above_of(nps_state(wst), 10) = (SELECT nps_prob_above_of(nps_state(score, w), 10) FROM answers)
FROM rollup;

-- Windows: a running state.  Rows 10, 0, 9, 7 make U ~ Beta(2, 1), Beta(2,
-- 2), Beta(3, 2), Beta(3, 2): P(NPS > 0) = 3/4, 1/2, 11/16, 11/16.
WITH t(i, s) AS (VALUES (1, 10), (2, 0), (3, 9), (4, 7))
SELECT i, printf('%.12f', nps_prob_above_of(nps_state(s) OVER (ORDER BY i), 0)) FROM t;

-- B4 by hand: 10 promoters, 5 passives, 5 detractors under a parent of 50%
-- promoters and 20% detractors: k = 30 gives (10 + 15 - 5 - 6) / 50 = 28,
-- the default k is 30, k = 0 the segment's own 25.
CREATE TABLE seg AS
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 100)
SELECT n, CASE WHEN n <= 10 THEN 10 WHEN n <= 15 THEN 8 WHEN n <= 20 THEN 4
               WHEN n <= 60 THEN 9 WHEN n <= 85 THEN 7 ELSE 0 END AS score FROM i;
SELECT printf('%.10f', nps_shrunk_of(a, p, 30)), printf('%.10f', nps_shrunk_of(a, p)),
       printf('%.10f', nps_shrunk_of(a, p, 0)), printf('%.10f', nps_of(p))
FROM (SELECT (SELECT nps_state(score) FROM seg WHERE n <= 20) AS a, nps_state(score) AS p FROM seg);
-- B1, B4 weighted: promoters of weight 1 and 3 have Kish's n (1 + 3)^2 / 10
-- = 1.6 and NPS 100; under the parent above (NPS 30) with k = 1.6: 65.
SELECT printf('%.10f', nps_shrunk_of(nps_state(s, w), (SELECT nps_state(score) FROM seg), 1.6))
FROM (SELECT 9 AS s, 1.0 AS w UNION ALL SELECT 10, 3.0);
-- STRICT: a NULL anywhere gives NULL.
SELECT quote(nps_credible_lower_of(NULL)), quote(nps_credible_upper_of(nps_state(9), NULL)),
       quote(nps_prob_above_of(NULL, 3)), quote(nps_shrunk_of(nps_state(9), NULL)),
       quote(nps_shrunk_of(nps_state(9), nps_state(9), NULL));

-- The README's "Small segments" example, as printed there: north is 40
-- answers (18 promoters, 10 detractors), the rest 960 (480, 160).  By hand:
-- the parent (all 1000) has P = 0.498, D = 0.17, so north shrinks to (8 +
-- 30 x 0.328) / 70 = 25.49 and the rest to (320 + 9.84) / 990 = 33.32; P(NPS
-- > 30) of north is the brute-force 0.178737.
.headers on
CREATE TABLE readme (id INTEGER PRIMARY KEY, region TEXT, score INTEGER, w REAL);
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 40)
INSERT INTO readme (region, score, w)
SELECT 'north', CASE WHEN n <= 18 THEN 9 + n % 2 WHEN n <= 30 THEN 7 + n % 2 ELSE n % 7 END, 1 + n % 3 FROM i;
WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 960)
INSERT INTO readme (region, score, w)
SELECT 'rest', CASE WHEN n <= 480 THEN 9 + n % 2 WHEN n <= 800 THEN 7 + n % 2 ELSE n % 7 END, 1 FROM i;
SELECT region, count(*) AS n, round(nps(score), 1) AS nps,
       round(nps(score) - nps_moe(score), 1) AS wald_lo, round(nps(score) + nps_moe(score), 1) AS wald_hi,
       round(nps_credible_lower_of(nps_state(score)), 1) AS cred_lo,
       round(nps_credible_upper_of(nps_state(score)), 1) AS cred_hi,
       round(nps_shrunk_of(nps_state(score), (SELECT nps_state(score) FROM readme)), 1) AS shrunk,
       round(nps_prob_above_of(nps_state(score), 30), 3) AS p_above_30
FROM readme GROUP BY region ORDER BY region;
.headers off

-- Errors: each names the function and the value.
SELECT nps_credible_lower_of(nps_state(9), 0);
SELECT nps_credible_upper_of(nps_state(9), 1);
SELECT nps_credible_upper_of(nps_state(9), 'high');
SELECT nps_credible_lower_of(nps_state(9), 2);
SELECT nps_prob_above_of(nps_state(9), 101);
SELECT nps_prob_above_of(nps_state(9), -100.5);
SELECT nps_prob_above_of(nps_state(9), 'x');
SELECT nps_shrunk_of(nps_state(9), nps_state(9), -1);
SELECT nps_shrunk_of(nps_state(9), nps_state(9), 1e999);
SELECT nps_credible_lower_of(9);
SELECT nps_prob_above_of('abc', 0);
SELECT nps_shrunk_of(nps_state(9), x'0102');
