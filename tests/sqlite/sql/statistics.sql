-- nps_stderr(), nps_moe(), nps_ci_lower(), nps_ci_upper(), and the weighted forms
-- of nps() and the shares: rules R6..R9 of core/nps.h.  Expected values come from
-- the formulas; z quantiles from an independent normal quantile:
-- z(0.95) = 1.9599639845400536, z(0.9) = 1.6448536269514715, z(0.99) = 2.5758293035489.

-- R7: standard error in points = 100 * sqrt((p + d - (p - d)^2) / n).  The
-- per-respondent variance p + d - (p - d)^2 is what npvar() of the R package NPS
-- returns for counts (detractors, passives, promoters):
-- (1,2,3) -> 5/9, (1,0,1) -> 1, (0,1,1) -> 0.25, (1,1,1) -> 2/3, one category -> 0.
-- Columns: counts, NPS, variance recovered as (stderr / 100)^2 * n, stderr.
WITH t(s) AS (VALUES (6), (7), (8), (10), (9), (10))
SELECT '1,2,3', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 5.0 / 9) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((5.0 / 9) / 6)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (6), (10))
SELECT '1,0,1', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 1.0) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((1.0) / 2)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (7), (10))
SELECT '0,1,1', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 0.25) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((0.25) / 2)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (6), (7), (10))
SELECT '1,1,1', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 2.0 / 3) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((2.0 / 3) / 3)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (10), (9), (10), (9))
SELECT '0,0,4', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 0.0) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((0.0) / 4)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (6), (5), (4))
SELECT '3,0,0', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 0.0) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((0.0) / 3)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;
WITH t(s) AS (VALUES (7), (8))
SELECT '0,2,0', printf('%.10f', nps(s)), abs(power(nps_stderr(s) / 100, 2) * count(s) - 0.0) < 1e-12,
       abs(nps_stderr(s) - 100 * sqrt((0.0) / 2)) < 1e-9, printf('%.10f', nps_stderr(s)) FROM t;

-- (1,2,3): NPS 33.333..., standard error 30.429 points.
WITH t(s) AS (VALUES (3), (7), (8), (9), (10), (10))
SELECT round(nps(s), 3), round(nps_stderr(s), 3) FROM t;

-- A single category has no spread: the standard error is exactly 0.
WITH t(s) AS (VALUES (9), (10), (9)) SELECT nps_stderr(s), nps_moe(s) FROM t;

-- R8: margin of error = z * stderr (Wald); the aggregate uses 95%, another
-- confidence goes through the state: nps_moe_of(nps_state(s), 0.9).  Counts
-- (1,2,3): stderr = 100 * sqrt((5/9) / 6).
CREATE TABLE r123(s INTEGER);
INSERT INTO r123 VALUES (3), (7), (8), (9), (10), (10);
SELECT abs(nps_moe(s) - 1.9599639845400536 * 100 * sqrt((5.0 / 9) / 6)) < 1e-9, printf('%.10f', nps_moe(s)),
       nps_moe_of(nps_state(s), 0.95) = nps_moe(s) AND nps_moe_of(nps_state(s)) = nps_moe(s),
       abs(nps_moe_of(nps_state(s), 0.9) - 1.6448536269514715 * 100 * sqrt((5.0 / 9) / 6)) < 1e-9, printf('%.10f', nps_moe_of(nps_state(s), 0.9)),
       abs(nps_moe_of(nps_state(s), 0.99) - 2.5758293035489 * 100 * sqrt((5.0 / 9) / 6)) < 1e-9, printf('%.10f', nps_moe_of(nps_state(s), 0.99))
FROM r123;

-- A confidence given as numeric text is a number.  The second argument of the
-- aggregate is a weight: nps_moe(s, 0.9) weighs every row 0.9, and equal weights
-- give Kish's n = n, so it is the unweighted 95% margin; a NULL weight skips its
-- row (the row with score 3 below is not counted: p = 3/5, d = 0, n = 5).
SELECT printf('%.10f', nps_moe_of(nps_state(s), '0.9')), nps_moe_of(nps_state(s), '0.9') = nps_moe_of(nps_state(s), 0.9),
       abs(nps_moe(s, 0.9) - nps_moe(s)) < 1e-12 FROM r123;
SELECT printf('%.10f', nps_moe(s, CASE WHEN s = 3 THEN NULL ELSE 0.9 END)),
       abs(nps_moe(s, CASE WHEN s = 3 THEN NULL ELSE 0.9 END) - 1.9599639845400536 * 100 * sqrt((0.6 - 0.36) / 5)) < 1e-9
FROM r123;

-- R9: adjusted-Wald interval.  Add 0.75 detractor, 1.5 passive and 0.75 promoter
-- pseudo-responses: n' = n + 3, p' = (P + 0.75) / n', d' = (D + 0.75) / n', then
-- 100 * ((p' - d') -/+ z * sqrt((p' + d' - (p' - d')^2) / n')).  Counts (1,2,3):
-- n' = 9, p' = 3.75 / 9, d' = 1.75 / 9.
SELECT 'nps_ci_lower(s)', abs(nps_ci_lower(s) - 100 * ((3.75 - 1.75) / 9 - 1.9599639845400536 * sqrt(((3.75 + 1.75) / 9 - power(2.0 / 9, 2)) / 9))) < 1e-9,
       printf('%.10f', nps_ci_lower(s)) FROM r123;
SELECT 'nps_ci_upper(s)', abs(nps_ci_upper(s) - 100 * ((3.75 - 1.75) / 9 + 1.9599639845400536 * sqrt(((3.75 + 1.75) / 9 - power(2.0 / 9, 2)) / 9))) < 1e-9,
       printf('%.10f', nps_ci_upper(s)) FROM r123;
SELECT 'nps_ci_lower_of(st, 0.9)', abs(nps_ci_lower_of(nps_state(s), 0.9) - 100 * ((3.75 - 1.75) / 9 - 1.6448536269514715 * sqrt(((3.75 + 1.75) / 9 - power(2.0 / 9, 2)) / 9))) < 1e-9,
       printf('%.10f', nps_ci_lower_of(nps_state(s), 0.9)) FROM r123;
SELECT 'nps_ci_upper_of(st, 0.99)', abs(nps_ci_upper_of(nps_state(s), 0.99) - 100 * ((3.75 - 1.75) / 9 + 2.5758293035489 * sqrt(((3.75 + 1.75) / 9 - power(2.0 / 9, 2)) / 9))) < 1e-9,
       printf('%.10f', nps_ci_upper_of(nps_state(s), 0.99)) FROM r123;
SELECT nps_ci_lower(s) < nps(s), nps(s) < nps_ci_upper(s),
       nps_ci_upper_of(nps_state(s), 0.99) - nps_ci_lower_of(nps_state(s), 0.99) >
       nps_ci_upper_of(nps_state(s), 0.9) - nps_ci_lower_of(nps_state(s), 0.9)
FROM r123;

-- The interval is clipped to -100..100: 1000 promoters give an upper bound above
-- 100 before clipping; 1000 detractors a lower bound below -100.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 1000)
SELECT nps_ci_upper(10), printf('%.10f', nps_ci_lower(10)),
       abs(nps_ci_lower(10) - 100 * ((1000.75 - 0.75) / 1003 - 1.9599639845400536 * sqrt(((1000.75 + 0.75) / 1003 - power(1000.0 / 1003, 2)) / 1003))) < 1e-9,
       nps_ci_lower(0), printf('%.10f', nps_ci_upper(0))
FROM k;

-- R6: weighted NPS = (sum of promoter weights - sum of detractor weights) / sum of
-- weights * 100.  A NULL weight skips its row (R4); a weight of 0 counts nothing;
-- a weight may be INTEGER, REAL or numeric TEXT.
CREATE TABLE wt(s INTEGER, w);
INSERT INTO wt VALUES (9, 2.0), (10, 1), (3, 1.0), (8, 0.5), (5, NULL), (NULL, 3.0), (0, 0), (7, '1.5');
SELECT nps(s, w), promoter_share(s, w), passive_share(s, w), detractor_share(s, w), nps(s)
FROM wt;

-- R7 weighted: n is Kish's effective n = (sum w)^2 / sum w^2 = 36 / 8.5 here,
-- p = 3/6, d = 1/6, so stderr = 100 * sqrt((4/6 - (2/6)^2) / (36 / 8.5)).
SELECT abs(nps_stderr(s, w) - 100 * sqrt((4.0 / 6 - power(2.0 / 6, 2)) / (36 / 8.5))) < 1e-9,
       printf('%.10f', nps_stderr(s, w)),
       abs(power(nps_stderr(s, w) / 100, 2) - (4.0 / 6 - power(2.0 / 6, 2)) / (power(sum(w), 2) / sum(w * w))) < 1e-12
FROM wt WHERE s IS NOT NULL AND w IS NOT NULL;

-- Weights that are all equal give the unweighted answer (Kish n = n); scaling all
-- weights by 2 changes nothing.
SELECT abs(nps(s, 1) - nps(s)) < 1e-12, abs(nps_stderr(s, 1) - nps_stderr(s)) < 1e-12,
       abs(nps_stderr(s, 2) - nps_stderr(s)) < 1e-12, abs(nps(s, 2.5) - nps(s)) < 1e-12
FROM r123;

-- All weights 0: no weight to divide by, so NULL (R5); a single weight-0 row
-- beside a weighted detractor does not count.
SELECT quote(nps(9, 0)), quote(nps_stderr(9, 0)), nps(s, w)
FROM (SELECT 9 AS s, 0 AS w UNION ALL SELECT 3, 2);

-- Weighted GROUP BY and FILTER.
SELECT s >= 7, nps(s, w), count(w) FROM wt WHERE s IS NOT NULL GROUP BY s >= 7 ORDER BY 1;
SELECT nps(s, w) FILTER (WHERE w >= 1) FROM wt;
