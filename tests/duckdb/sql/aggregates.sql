-- The aggregates in DuckDB, over the README's first table with weights.
-- EMEA 10, 9, 8, 6, 10, 3 weighing 1, 2, 0.5, 1, 1, 0.5; APAC 9, 7, 7, 10,
-- NULL, 2 weighing 1, 2, 1, 1, 1 and NULL (the NULL score and the NULL
-- weight each skip their row in the weighted aggregates, R4).
CREATE TABLE responses (id INTEGER PRIMARY KEY, region VARCHAR, score INTEGER, w DOUBLE);
INSERT INTO responses VALUES
 (1, 'EMEA', 10, 1.0), (2, 'EMEA', 9, 2.0), (3, 'EMEA', 8, 0.5), (4, 'EMEA', 6, 1.0), (5, 'EMEA', 10, 1.0),
 (6, 'EMEA', 3, 0.5), (7, 'APAC', 9, 1.0), (8, 'APAC', 7, 2.0), (9, 'APAC', 7, 1.0), (10, 'APAC', 10, 1.0),
 (11, 'APAC', NULL, 1.0), (12, 'APAC', 2, NULL);

-- All 11 scores: 5 promoters, 3 passives, 3 detractors.  NPS = 200/11 =
-- 18.181818182; stderr = 100 sqrt((8/11 - (2/11)^2) / 11) = 25.121791989;
-- moe = 1.959963985 x that = 49.237807526; adjusted Wald (R9): 14 answers,
-- P' = 5.75/14, D' = 3.75/14, V' = P' + D' - (P' - D')^2, interval
-- 100 (P' - D' -+ z sqrt(V'/14)) = -28.210563543 .. 56.781992114.
SELECT round(nps(score), 9), round(promoter_share(score), 9), round(passive_share(score), 9),
       round(detractor_share(score), 9) FROM responses;
SELECT round(nps_stderr(score), 9), round(nps_moe(score), 9), round(nps_ci_lower(score), 9),
       round(nps_ci_upper(score), 9) FROM responses;
-- By region, ordered; EMEA 3/1/2 of 6 = 16.666666667, APAC 2/2/1 of 5 = 20.
SELECT region, count(score), round(nps(score), 9), nps_rows_of(nps_state(score)) FROM responses
GROUP BY region ORDER BY region;
-- Weighted (R6): all: promoters 6, passives 3.5, detractors 1.5 of 11 =
-- 40.909090909; EMEA 4, 0.5, 1.5 of 6 = 41.666666667; APAC 2, 3, 0 of 5 = 40.
SELECT region, round(nps(score, w), 9), round(promoter_share(score, w), 9) FROM responses
GROUP BY ROLLUP (region) ORDER BY region NULLS LAST;
-- FILTER, DISTINCT (10, 9, 8, 7, 6, 3, 2: 2/2/3 of 7 = -14.285714286), and
-- a GROUPING SETS row per region and one for all.
SELECT round(nps(score) FILTER (WHERE region = 'EMEA'), 9), round(nps(DISTINCT score), 9) FROM responses;
SELECT region, id > 6 AS late, count(*), round(nps(score), 9) FROM responses
GROUP BY GROUPING SETS ((region), (late), ()) ORDER BY region NULLS LAST, late NULLS LAST;

-- No valid rows: NULL, never 0 (R5); a sum of weights of 0 as well.
SELECT nps(score), nps_moe(score, w), nps_state(score), nps_summary(score) FROM responses WHERE false;
SELECT nps(9, 0), nps_summary(9, 0.0), nps(score, NULL) FROM responses LIMIT 1;

-- The JSON summary is DuckDB's JSON type (SQLite marks its text as JSON,
-- PostgreSQL returns json): its fields are read with ->>.
SELECT typeof(nps_summary(score)), nps_summary(score)->>'n', nps_summary(score)->>'promoters',
       nps_summary(score)->'scores', round((nps_summary(score)->>'stderr')::DOUBLE, 9)
FROM responses WHERE region = 'APAC';

-- States: the bytes of APAC's states are those tests/tools/state_blob.py
-- writes from the layout (unweighted: scores 2, 7, 7, 9, 10; weighted,
-- without the 2 of NULL weight: passives 2 rows, sum 3, squares 5;
-- promoters 2 rows, sum 2, squares 2).
SELECT nps_state(score) = unhex('6e7073020000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000001000000000000000100000000000000386550a0'),
       nps_state(score, w) = unhex('6e70730201000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000010000000000000001000000000000000000000000000000020000000000000002000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000030000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000050000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000007d80999a'),
       octet_length(nps_state(score)), octet_length(nps_state(score, w))
FROM responses WHERE region = 'APAC';
-- A rollup table of states, queried with the same aggregates: merging the
-- regions' states gives the whole (18.181818182; weighted 40.909090909),
-- and a state state_blob.py wrote (scores 3, 6, 8, 9, 10, 10: 3/1/2 of 6)
-- merges as any other: with the 11 (5/3/3), 8/4/5 of 17, so
-- (8 - 5) / 17 x 100 = 17.647058824.
CREATE TABLE rollup AS SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY region;
SELECT round(nps(st), 9), round(nps(wst), 9), nps_rows_of(nps_state(st)) FROM rollup;
SELECT round(nps(st), 9) FROM (SELECT st FROM rollup UNION ALL
  SELECT unhex('6e7073020000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000001000000000000000000000000000000010000000000000001000000000000000200000000000000afe64519')) t;
-- _of scalars and nps_state_merge over the rollup.
SELECT region, round(nps_of(st), 9), round(nps_moe_of(st, 0.9), 9), nps_rows_of(st),
       round(nps_of(nps_state_merge(st, NULL)), 9) FROM rollup ORDER BY region;
SELECT nps_rows_of(nps_state_merge(a.st, b.st)), round(nps_of(nps_state_merge(a.wst, b.wst)), 9)
FROM rollup a, rollup b WHERE a.region = 'APAC' AND b.region = 'EMEA';

-- Errors: a weight with a state; a blob that is no state; a state whose
-- checksum was changed.
SELECT nps(st, 1) FROM rollup;
SELECT nps(unhex('0102'));
SELECT nps(unhex('6e7073020000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000001000000000000000000000000000000010000000000000001000000000000000200000000000000afe64510'));
SELECT nps_of(9);
SELECT nps_state_merge(nps_state(9), 'x');
