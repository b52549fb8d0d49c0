-- Small segments: nps_credible_lower_of/_upper_of, nps_prob_above_of,
-- nps_shrunk_of (rules B1-B5 of core/nps.h), as tests/sqlite/sql/bayes.sql
-- checks them, and in a forced parallel plan.
SET extra_float_digits = 0;
\pset format unaligned
-- Its own schema: the names of earlier scripts' tables stay theirs.
CREATE SCHEMA small_segments;
SET search_path = small_segments, public;

-- B2 from raw rows: Dirichlet(3, 2, 2); P(NPS > 0) = P(Beta(3, 2) > 1/2) = 11/16.
SELECT to_char(nps_prob_above_of(nps_state(s), 0), 'FM0.000000000000') FROM (VALUES (10), (9), (3), (7)) t(s);
-- Symmetric counts: 1/2, a symmetric interval, the ends 1 and 0.
SELECT to_char(nps_prob_above_of(nps_state(s), 0), 'FM0.000000000000'),
       abs(nps_credible_lower_of(nps_state(s)) + nps_credible_upper_of(nps_state(s))) < 1e-7,
       nps_prob_above_of(nps_state(s), -100), nps_prob_above_of(nps_state(s), 100)
FROM (VALUES (10), (7), (0)) t(s);
-- B3: a bound is a quantile.
SELECT abs(nps_prob_above_of(nps_state(s), nps_credible_lower_of(nps_state(s), 0.9)) - 0.95) < 1e-9,
       abs(nps_prob_above_of(nps_state(s), nps_credible_upper_of(nps_state(s), 0.9)) - 0.05) < 1e-9
FROM (VALUES (10), (9), (9), (8), (6), (2), (10)) t(s);

-- GROUP BY segments (brute-force references 0.178736662957393 and
-- 0.3727981250000003), and rollups through stored states.
CREATE TABLE answers AS
SELECT 'north'::text AS region,
       (CASE WHEN n <= 18 THEN 9 + n % 2 WHEN n <= 30 THEN 7 + n % 2 ELSE n % 7 END)::smallint AS score,
       (1 + n % 3)::float8 AS w
FROM generate_series(1, 40) n
UNION ALL VALUES ('south', 10, 1), ('south', 9, 3), ('south', 2, 2);
SELECT region, count(*), to_char(nps_prob_above_of(nps_state(score), 30), 'FM0.000000000')
FROM answers GROUP BY region ORDER BY region;
SELECT region, to_char(nps_credible_lower_of(nps_state(score), 0.8), 'FM990.000000') IS NOT NULL AS has_bound
FROM answers GROUP BY ROLLUP (region) ORDER BY region;
CREATE TABLE rollup AS SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM answers GROUP BY region;
SELECT nps_credible_lower_of(nps_state(st)) = (SELECT nps_credible_lower_of(nps_state(score)) FROM answers),
       nps_prob_above_of(nps_state(wst), 10) = (SELECT nps_prob_above_of(nps_state(score, w), 10) FROM answers)
FROM rollup;

-- Windows: P(NPS > 0) of a running state: 3/4, 1/2, 11/16, 11/16.
SELECT i, to_char(nps_prob_above_of(nps_state(s) OVER (ORDER BY i), 0), 'FM0.000000000000')
FROM (VALUES (1, 10), (2, 0), (3, 9), (4, 7)) t(i, s);

-- B4 by hand: 28 at k = 30 (the default), 25 at k = 0, the parent's 30.
CREATE TABLE seg AS
SELECT n, CASE WHEN n <= 10 THEN 10 WHEN n <= 15 THEN 8 WHEN n <= 20 THEN 4
               WHEN n <= 60 THEN 9 WHEN n <= 85 THEN 7 ELSE 0 END AS score
FROM generate_series(1, 100) n;
SELECT nps_shrunk_of(a, p, 30), nps_shrunk_of(a, p), nps_shrunk_of(a, p, 0), nps_of(p)
FROM (SELECT (SELECT nps_state(score) FROM seg WHERE n <= 20) AS a, nps_state(score) AS p FROM seg) x;
-- Weighted: Kish's n 1.6 and NPS 100 under a parent of 30, k = 1.6: 65.
SELECT nps_shrunk_of(nps_state(s, w), (SELECT nps_state(score) FROM seg), 1.6)
FROM (VALUES (9, 1.0::float8), (10, 3.0)) t(s, w);
-- Empty states (text form): an empty segment gets the parent's NPS, an
-- empty parent or an empty state's interval is NULL.
SELECT nps_shrunk_of('scores=0,0,0,0,0,0,0,0,0,0,0', (SELECT nps_state(score) FROM seg)),
       nps_shrunk_of(nps_state(9), 'scores=0,0,0,0,0,0,0,0,0,0,0') IS NULL,
       nps_credible_upper_of('scores=0,0,0,0,0,0,0,0,0,0,0') IS NULL;
-- STRICT: NULL in, NULL out.
SELECT nps_credible_lower_of(NULL) IS NULL, nps_credible_upper_of(nps_state(9), NULL) IS NULL,
       nps_prob_above_of(NULL, 3) IS NULL, nps_shrunk_of(nps_state(9), NULL) IS NULL;

-- A forced parallel plan gives the serial numbers.
CREATE TABLE big AS SELECT i, i % 3 AS g, (i % 11)::smallint AS s FROM generate_series(1, 30000) i;
ANALYZE big;
CREATE TABLE serial AS
SELECT g, nps_credible_lower_of(nps_state(s)) AS lo, nps_prob_above_of(nps_state(s), -45) AS p FROM big GROUP BY g;
CREATE FUNCTION plan_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
CREATE VIEW segments AS
SELECT g, nps_credible_lower_of(nps_state(s)) AS lo, nps_prob_above_of(nps_state(s), -45) AS p FROM big GROUP BY g;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) > 0 AS partial_states FROM plan_lines('SELECT * FROM segments') l
WHERE l ~ 'Partial (Hash|Group)?Aggregate';
SELECT count(*) AS differ FROM segments v JOIN serial s USING (g) WHERE v.lo <> s.lo OR v.p <> s.p;
RESET ALL;
SET extra_float_digits = 0;
DROP SCHEMA small_segments CASCADE;

-- Errors name the function and the value.
SELECT nps_credible_lower_of(nps_state(9), 0);
SELECT nps_credible_upper_of(nps_state(9), 1);
SELECT nps_credible_upper_of(nps_state(9), 'NaN');
SELECT nps_prob_above_of(nps_state(9), 101);
SELECT nps_prob_above_of(nps_state(9), '-Infinity');
SELECT nps_shrunk_of(nps_state(9), nps_state(9), -1);
SELECT nps_shrunk_of(nps_state(9), nps_state(9), 'Infinity');
