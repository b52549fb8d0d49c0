-- CSAT and CES in PostgreSQL (S1-S7 of core/nps_scale.h): the state types,
-- every score type, GROUP BY and GROUPING SETS over states, windows, a forced
-- parallel plan, text and binary forms, and the errors.  Expected numbers
-- from the formulas worked outside the code (see tests/sqlite/sql/scales.sql):
-- CSAT of counts (2, 3, 5, 20, 30) is 83.333333333 with the 95% Wilson
-- interval 71.968386836 .. 90.686823021; CES of counts (1, 1, 2, 4, 8, 10, 4)
-- is 5.1 with margin 0.549055470 (t(29) = 2.045229642, sd 1.4704).
SET extra_float_digits = 0;
\pset format unaligned

CREATE TABLE csat_answers AS
SELECT i AS id, (CASE WHEN i <= 2 THEN 1 WHEN i <= 5 THEN 2 WHEN i <= 10 THEN 3
                      WHEN i <= 30 THEN 4 ELSE 5 END)::smallint AS score,
       CASE WHEN i % 2 = 0 THEN 'web' ELSE 'phone' END AS channel
FROM generate_series(1, 60) i;
CREATE TABLE ces_answers AS
SELECT i AS id, CASE WHEN i <= 1 THEN 1 WHEN i <= 2 THEN 2 WHEN i <= 4 THEN 3 WHEN i <= 8 THEN 4
                     WHEN i <= 16 THEN 5 WHEN i <= 26 THEN 6 ELSE 7 END AS score
FROM generate_series(1, 30) i;

SELECT round(csat(score)::numeric, 9) AS csat, round(csat_ci_lower(score)::numeric, 9) AS lo,
       round(csat_ci_upper(score)::numeric, 9) AS hi, round(csat_moe(score)::numeric, 9) AS moe
FROM csat_answers;
SELECT round(ces(score)::numeric, 9) AS ces, round(ces_easy_share(score)::numeric, 9) AS easy,
       round(ces_moe(score)::numeric, 9) AS moe, round(ces_ci_lower(score)::numeric, 9) AS lo,
       round(ces_ci_upper(score)::numeric, 9) AS hi
FROM ces_answers;

-- Every score type gives the same numbers; numeric and double precision take
-- whole numbers only.
SELECT csat(score::smallint) = csat(score::int) AND csat(score::int) = csat(score::bigint)
       AND csat(score::bigint) = csat(score::numeric) AND csat(score::numeric) = csat(score::float8)
       AS all_types_agree,
       ces(score::numeric) = ces(score) AND ces_moe(score::float8) = ces_moe(score) AS ces_types_agree
FROM csat_answers, (SELECT 1) one;
SELECT csat(4.0::numeric), ces(7.0::float8);

-- The summaries are json.
SELECT csat_summary(score) FROM csat_answers;
SELECT ces_summary(score)->>'ces' AS ces, ces_summary(score)->'scores' AS scores FROM ces_answers;

-- GROUP BY, FILTER, and GROUPING SETS over a rollup of states.
CREATE TABLE csat_daily AS SELECT channel, csat_state(score) AS st FROM csat_answers GROUP BY channel;
SELECT channel, csat_rows_of(st), round(csat_of(st)::numeric, 9) FROM csat_daily ORDER BY channel;
SELECT round(csat(st)::numeric, 9) AS merged, csat_rows_of(csat_state(st)) FROM csat_daily;
-- FILTER: the 40 ids not divisible by 3 hold 33 satisfied answers (82.5%);
-- phone (odd ids) 20 rows of which 17 satisfied (85%), web 20 of which 16 (80%).
SELECT channel, count(*), round(csat(score) FILTER (WHERE id % 3 <> 0)::numeric, 6)
FROM csat_answers GROUP BY ROLLUP (channel) ORDER BY channel NULLS LAST;
SELECT csat_state_merge(NULL, st)::bytea = st::bytea AS null_merge, csat_state_merge(NULL::csat_state, NULL) IS NULL
FROM csat_daily WHERE channel = 'web';
-- ON CONFLICT: a rollup row updated in place.
CREATE TABLE ces_rollup (k int PRIMARY KEY, st ces_state);
INSERT INTO ces_rollup SELECT 1, ces_state(score) FROM ces_answers WHERE id <= 10;
INSERT INTO ces_rollup SELECT 1, ces_state(score) FROM ces_answers WHERE id > 10
ON CONFLICT (k) DO UPDATE SET st = ces_state_merge(ces_rollup.st, excluded.st);
SELECT ces_rows_of(st), round(ces_of(st)::numeric, 9), round(ces_moe_of(st, 0.99)::numeric, 9) FROM ces_rollup;

-- Text and binary forms: the same information; the bytes are SQLite's.
SELECT csat_state(score) AS st FROM csat_answers;
SELECT 'scores=1,1,2,4,8,10,4'::ces_state::bytea = (SELECT ces_state(score)::bytea FROM ces_answers) AS text_in;
SELECT encode(csat_state(5::int)::bytea, 'hex') AS bytes,
       length(csat_state(5::int)::bytea), length(ces_state(5::int)::bytea),
       length(csat_state(5::int, 2)::bytea), length(ces_state(5::int, 2)::bytea);
SELECT (csat_state(score)::bytea)::csat_state::text = csat_state(score)::text AS bytea_round_trip FROM csat_answers;
SELECT ces_state(score, 1 + id % 3)::text::ces_state::bytea = ces_state(score, 1 + id % 3)::bytea AS weighted_text_round_trip
FROM ces_answers;

-- Weighted by hand (tests/sqlite/sql/scales.sql): 70.000000000 19.588335980
-- 95.717321610; mean 4.333333333, margin 2.964618992.
SELECT round(csat(s, w)::numeric, 9), round(csat_ci_lower(s, w)::numeric, 9), round(csat_ci_upper(s, w)::numeric, 9)
FROM (VALUES (5, 3.0), (2, 1.0), (4, 0.5), (1, 0.5)) v(s, w);
SELECT round(ces(s, w)::numeric, 9), round(ces_moe(s, w)::numeric, 9)
FROM (VALUES (2, 1.0), (4, 1.0), (4, 2.0), (6, 2.0)) v(s, w);

-- Windows: a sliding frame (MINVFUNC) gives what recomputing each frame gives.
SELECT count(*) AS rows_, count(*) FILTER (WHERE abs(a - b) > 1e-9 OR (a IS NULL) <> (b IS NULL)) AS mismatches
FROM (SELECT csat_ci_lower(score) OVER w AS a,
             (SELECT csat_ci_lower(c2.score) FROM csat_answers c2 WHERE c2.id BETWEEN c.id - 4 AND c.id) AS b
      FROM csat_answers c WINDOW w AS (ORDER BY id ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)) x;
SELECT count(*) AS rows_, count(*) FILTER (WHERE abs(a - b) > 1e-9 OR (a IS NULL) <> (b IS NULL)) AS mismatches
FROM (SELECT ces_moe(score, id % 3 + 0.5) OVER w AS a,
             (SELECT ces_moe(c2.score, c2.id % 3 + 0.5) FROM ces_answers c2
              WHERE c2.id BETWEEN c.id - 3 AND c.id + 1) AS b
      FROM ces_answers c WINDOW w AS (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING)) x;

-- A forced parallel plan: partial states combined equal the serial result.
CREATE TABLE big_scales AS
SELECT i, i % 3 AS g, (1 + i % 5)::smallint AS cs, 1 + i % 7 AS es, 0.1 * (1 + i % 7) AS w
FROM generate_series(1, 100000) i;
ANALYZE big_scales;
CREATE TEMP TABLE serial AS
SELECT g, csat(cs) AS c, csat_ci_lower(cs, w) AS cl, ces(es) AS e, ces_moe(es, w) AS em,
       ces_state(es, w)::bytea AS st
FROM big_scales GROUP BY g;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT csat(cs), ces(es) FROM big_scales;
SELECT count(*) AS groups, bool_and(p.c = s.c AND abs(p.cl - s.cl) <= 1e-12 * abs(s.cl) AND p.e = s.e
                                     AND abs(p.em - s.em) <= 1e-12 * s.em AND p.st = s.st) AS parallel_equals_serial
FROM (SELECT g, csat(cs) AS c, csat_ci_lower(cs, w) AS cl, ces(es) AS e, ces_moe(es, w) AS em,
             ces_state(es, w)::bytea AS st FROM big_scales GROUP BY g) p JOIN serial s USING (g);
-- i % 5 + 1 over 1..100000: each of 1..5 20000 times, so 40%; i % 7 + 1: mean 4
-- up to the 100000 % 7 = 5 extra rows 1..5 of one more cycle.
SELECT csat(cs), round(ces(es)::numeric, 9) FROM big_scales;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;

-- Bad input: off the scale, fractions, text that is no state, wrong states.
SELECT csat(0);
SELECT csat(6::smallint);
SELECT csat(11::bigint);
SELECT ces(8);
SELECT ces(0::numeric);
SELECT csat(4.5::numeric);
SELECT ces(6.5::float8);
SELECT ces('NaN'::float8);
SELECT csat('Infinity'::numeric);
SELECT csat(5, -1);
SELECT csat_moe_of(csat_state(5), 1);
SELECT 'scores=1,2,3'::csat_state;
SELECT 'scores=1,2,3,4,5,6,-7'::ces_state;
SELECT score, csat(score) OVER (ORDER BY id) FROM (VALUES (1, 5), (2, 6)) v(id, score);
-- A state of another measure: its type refuses it, and its bytes cast to
-- the other's type are named.
SELECT nps_state(9)::bytea::csat_state;
SELECT csat_state(4)::bytea::ces_state;
SELECT csat_state(4)::bytea::nps_state;
SELECT ces_state(4)::bytea::nps_pair_state;
SELECT nps_pair_state(9, 10)::bytea::ces_state;
SELECT '\x00'::bytea::csat_state;
SELECT ces(st, 2.0) FROM (SELECT ces_state(4) AS st) s;
