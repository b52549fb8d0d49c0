-- A forced parallel plan: workers compute partial states, the leader
-- combines them (COMBINEFUNC); the result equals the serial one and the
-- counts worked out by hand.  Also the same query JIT-compiled.
SET extra_float_digits = 0;
\pset format unaligned

-- 100000 rows, score i % 11: residues 1..10 occur 9091 times, 0 occurs
-- 9090 times.  Promoters (9, 10): 18182; passives (7, 8): 18182;
-- detractors (0..6): 9090 + 6 x 9091 = 63636.  NPS = (18182 - 63636) / 1000
-- = -45.454; the weighted NPS with weight 1 + i % 2 is the same ratio.
-- wx is a weight with no short binary form (0.1 (1 + i % 7) + 0.001 (i % 13)
-- in doubles), so its sums depend on nothing but the rows: the exact sums
-- make a parallel plan give the serial state to the last bit, and the
-- results agree to 1e-12 relative.
CREATE TABLE big AS
SELECT i, i % 3 AS g, (i % 11)::smallint AS s, (1 + i % 2)::float8 AS w,
       0.1::float8 * (1 + i % 7) + 0.001::float8 * (i % 13) AS wx
FROM generate_series(1, 100000) i;
ANALYZE big;

CREATE FUNCTION plan_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
CREATE VIEW results AS
SELECT nps(s), nps_stderr(s) AS stderr, nps_moe_of(nps_state(s), 0.9) AS moe90, nps_ci_lower(s) AS lo, nps(s, w) AS wnps,
       nps_state(s)::bytea AS st, nps_summary(s)::text AS summary
FROM big;
CREATE VIEW grouped AS
SELECT g, nps(s), promoter_share(s), nps_moe_of(nps_state(s), 0.9) AS moe90, nps_state(s)::bytea AS st FROM big GROUP BY g;
CREATE VIEW weighted AS
SELECT g, nps(s, wx) AS wnps, nps_stderr(s, wx) AS wse, nps_moe(s, wx) AS wmoe, nps_ci_lower(s, wx) AS wlo,
       nps_ci_upper(s, wx) AS whi, nps_moe_of(nps_state(s, wx), 0.9) AS wmoe90,
       (nps_summary(s, wx)->>'effective_n')::float8 AS effective_n, nps_state(s, wx)::bytea AS wst
FROM big GROUP BY g
UNION ALL
SELECT NULL, nps(s, wx), nps_stderr(s, wx), nps_moe(s, wx), nps_ci_lower(s, wx), nps_ci_upper(s, wx),
       nps_moe_of(nps_state(s, wx), 0.9), (nps_summary(s, wx)->>'effective_n')::float8, nps_state(s, wx)::bytea
FROM big;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial AS SELECT * FROM results;
CREATE TABLE serial_grouped AS SELECT * FROM grouped;
CREATE TABLE serial_weighted AS SELECT * FROM weighted;
SELECT nps, nps_state FROM serial, LATERAL (SELECT st::nps_state AS nps_state) x;
-- The weighted results, serial (checked against tests/pg/derive.py).
SELECT g, wnps, wse, round(wmoe::numeric, 10) AS wmoe, round(wlo::numeric, 10) AS wlo, round(whi::numeric, 10) AS whi,
       round(wmoe90::numeric, 10) AS wmoe90, effective_n
FROM serial_weighted ORDER BY g;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
-- The one plan line that matters: the aggregate runs partially in workers.
SELECT count(*) > 0 AS partial_aggregate
FROM plan_lines('SELECT nps(s), nps_stderr(s), nps_moe(s, wx), nps_ci_lower(s), nps(s, w), nps_state(s), nps_summary(s) FROM big') l
WHERE l ~ 'Partial Aggregate';
SELECT (SELECT row(p.*)::text FROM results p) = (SELECT row(s.*)::text FROM serial s) AS parallel_equals_serial;
-- Grouped, with states merged from the partial groups.
SELECT count(*) > 0 AS partial_grouped
FROM plan_lines('SELECT * FROM grouped') l WHERE l ~ 'Partial (Hash|Group)Aggregate';
SELECT g, p.nps, p.promoter_share, p.st = s.st AS parallel_equals_serial, p.moe90 = s.moe90 AS moe_equal
FROM grouped p JOIN serial_grouped s USING (g) ORDER BY g;
-- Weighted, per group and in total: the same states, and results within 1e-12.
SELECT count(*) > 0 AS partial_weighted
FROM plan_lines('SELECT * FROM weighted') l WHERE l ~ 'Partial (Hash|Group)?Aggregate';
SELECT p.g, p.wst = s.wst AS same_state,
       abs(p.wnps - s.wnps) <= 1e-12 * abs(s.wnps) AND abs(p.wse - s.wse) <= 1e-12 * s.wse
   AND abs(p.wmoe - s.wmoe) <= 1e-12 * s.wmoe AND abs(p.wlo - s.wlo) <= 1e-12 * abs(s.wlo)
   AND abs(p.whi - s.whi) <= 1e-12 * abs(s.whi) AND abs(p.wmoe90 - s.wmoe90) <= 1e-12 * s.wmoe90
   AND abs(p.effective_n - s.effective_n) <= 1e-12 * s.effective_n AS within_1e12
FROM weighted p JOIN serial_weighted s ON p.g IS NOT DISTINCT FROM s.g ORDER BY p.g;

-- JIT compiles the same expressions (and inlines the extension's code).
SET jit = on;
SET jit_above_cost = 0;
SET jit_inline_above_cost = 0;
SET jit_optimize_above_cost = 0;
SELECT (SELECT row(p.*)::text FROM results p) = (SELECT row(s.*)::text FROM serial s) AS jit_equals_serial;
