-- Inference beyond the point estimate (I1-I5 of core/nps.h), as in
-- tests/sqlite/sql/inference.sql, whose comments give the values computed
-- independently (mpmath): the same numbers here, on raw rows, rollups,
-- windows, groups, a forced parallel plan, NULLs and every error text.
SET extra_float_digits = 0;
\pset format unaligned
\pset null NULL

-- The README's section "Planning and differences" on its tiny table (the
-- README's SQLite forms; round() of a double needs numeric here).
CREATE TABLE answers (month text, segment text, score integer);
INSERT INTO answers VALUES
    ('2024-01', 'enterprise', 10), ('2024-01', 'enterprise', 9), ('2024-01', 'enterprise', 9),
    ('2024-01', 'enterprise', 8), ('2024-01', 'enterprise', 7), ('2024-01', 'enterprise', 3),
    ('2024-01', 'smb', 10), ('2024-01', 'smb', 6), ('2024-01', 'smb', 5),
    ('2024-01', 'smb', 8), ('2024-01', 'smb', 2), ('2024-01', 'smb', 9),
    ('2024-02', 'enterprise', 10), ('2024-02', 'enterprise', 10), ('2024-02', 'enterprise', 9),
    ('2024-02', 'enterprise', 9), ('2024-02', 'enterprise', 8), ('2024-02', 'enterprise', 6),
    ('2024-02', 'smb', 9), ('2024-02', 'smb', 7), ('2024-02', 'smb', 8),
    ('2024-02', 'smb', 4), ('2024-02', 'smb', 10), ('2024-02', 'smb', 3);
SELECT nps_sample_size(5) AS worst_case, nps_sample_size(5, 0.95, 50, 20) AS expected_50_20,
       nps_sample_size(5, 0.9) AS at_90;
SELECT ceil(nps_sample_size(5) * 100.0 / 36.0) AS invitations_at_36;
SELECT round(nps_mde(400, 400)::numeric, 1) AS worst_case,
       round(nps_mde(400, 400, 0.05, 0.8, promoter_share(score), detractor_share(score))::numeric, 1) AS our_mix
FROM answers;
SELECT round(nps(score)::numeric, 1) AS nps, round(nps_pvalue(nps_state(score), 30, 'greater')::numeric, 3) AS p_above_30,
       round(nps_pvalue(nps_state(score), 30, 'less')::numeric, 3) AS p_below_30
FROM answers;
WITH m AS (SELECT month, nps_state(score) AS st FROM answers GROUP BY month),
     p AS (SELECT month, st, lag(st) OVER (ORDER BY month) AS prev FROM m)
SELECT month, round((nps_of(st) - nps_of(prev))::numeric) AS change,
       round(nps_diff_ci_lower(prev, st)::numeric) AS low, round(nps_diff_ci_upper(prev, st)::numeric) AS high,
       round(nps_pvalue(st, prev, 'greater')::numeric, 3) AS p_up
FROM p WHERE prev IS NOT NULL ORDER BY month;
WITH total AS (SELECT nps_state(score) AS st FROM answers),
     seg AS (SELECT segment, nps_state(score) AS st FROM answers GROUP BY segment)
SELECT segment, round(nps_of(seg.st)::numeric) AS nps,
       round(nps_of(nps_state_unmerge(total.st, seg.st))::numeric) AS rest,
       round(nps_pvalue(seg.st, nps_state_unmerge(total.st, seg.st))::numeric, 3) AS p_differs
FROM seg, total ORDER BY segment;

-- I1, I2.
SELECT nps_sample_size(5) = 1534 AS spec_example, nps_sample_size(5.0::real) = 1534 AS from_real,
       nps_sample_size(3, 0.9) = ceil(1.6448536269514727 ^ 2 / 0.0009 - 3) AS at_90,
       nps_sample_size(10, 0.95, 60, 10) = ceil(1.9599639845400542 ^ 2 * 0.45 / 0.01 - 3) AS shares,
       nps_sample_size(100) AS wide, nps_sample_size(150) AS wider, nps_sample_size(1, 0.95, 100, 0) AS no_variance,
       pg_typeof(nps_sample_size(5)) AS type;
SELECT round(nps_mde(1000, 1000)::numeric, 6) AS spec_example,
       abs(nps_mde(500, 2000, 0.1, 0.9) - (1.6448536269514727 + 1.2815515655446004) * sqrt(1.0 / 500 + 1.0 / 2000) * 100) < 1e-9 AS alpha_power,
       abs(nps_mde(400, 400, 0.05, 0.8, 50, 20) - (1.9599639845400542 + 0.8416212335729142) * sqrt(0.61 * 2 / 400) * 100) < 1e-9 AS shares,
       nps_mde(100, 100, 0.5, 0.01) AS low_power, nps_mde(412.5, 1) > 0 AS fractional_n;

-- I3, I4 on raw rows: x 20 / 30 / 50, y 30 / 30 / 40, a 0, 1, 9.
CREATE TABLE inf_r AS
SELECT 'x'::text AS g, CASE WHEN k < 20 THEN 0 WHEN k < 50 THEN 8 ELSE 10 END AS s FROM generate_series(0, 99) k
UNION ALL SELECT 'y', CASE WHEN k < 30 THEN 3 WHEN k < 60 THEN 7 ELSE 9 END FROM generate_series(0, 99) k
UNION ALL SELECT 'a', unnest(ARRAY[0, 1, 9]);
WITH st AS (SELECT nps_state(s) FILTER (WHERE g = 'x') AS x, nps_state(s) FILTER (WHERE g = 'y') AS y FROM inf_r)
SELECT round(nps_pvalue(x, y)::numeric, 10) AS two_sided, round(nps_pvalue(x, y, 'two-sided')::numeric, 10) AS two_sided_named,
       round(nps_pvalue(x, y, 'greater')::numeric, 10) AS greater, round(nps_pvalue(x, y, 'less')::numeric, 10) AS less,
       nps_pvalue(x, y, 'greater') = nps_pvalue(x, y) / 2 AS half, nps_pvalue(y, x, 'less') = nps_pvalue(x, y, 'greater') AS mirrored
FROM st;
SELECT round(nps_pvalue(nps_state(s), 25)::numeric, 10) AS two_sided, round(nps_pvalue(nps_state(s), 25.0, 'greater')::numeric, 10) AS greater,
       round(nps_pvalue(nps_state(s), 25::bigint, 'less')::numeric, 10) AS less, nps_pvalue(nps_state(s), 30, 'greater') AS at_target
FROM inf_r WHERE g = 'x';
SELECT nps_pvalue(nps_state(10), 99.5, 'greater') AS above, nps_pvalue(nps_state(10), 100, 'greater') AS at,
       nps_pvalue(nps_state(10), 100) AS two_sided, nps_pvalue(nps_state(10), -100, 'less') AS less;
WITH st AS (SELECT nps_state(s) FILTER (WHERE g = 'x') AS x, nps_state(s) FILTER (WHERE g = 'y') AS y FROM inf_r)
SELECT round(nps_diff_ci_lower(x, y)::numeric, 10) AS lower95, round(nps_diff_ci_upper(x, y)::numeric, 10) AS upper95,
       round(nps_diff_ci_lower(x, y, 0.9)::numeric, 10) AS lower90, round(nps_diff_ci_upper(x, y, 0.9)::numeric, 10) AS upper90,
       abs(nps_diff_ci_lower(x, y) - 100 * (-20.0 / 103 - 1.9599639845400542 *
           sqrt(((50.75 + 20.75) / 103 - (30.0 / 103) ^ 2) / 103 + ((40.75 + 30.75) / 103 - (10.0 / 103) ^ 2) / 103))) < 1e-9 AS formula
FROM st;
SELECT nps_diff_ci_lower(nps_state(0), nps_state(10), 0.999999) AS clipped_lower, nps_diff_ci_upper(nps_state(0), nps_state(10), 0.999999) AS clipped_upper;

-- I5.
SELECT nps_state_unmerge(t, a)::text = b::text AS rest, nps_rows_of(nps_state_unmerge(t, t)) AS none, nps_of(nps_state_unmerge(t, t)) AS nps_of_none
FROM (SELECT nps_state(s) AS t, nps_state(s) FILTER (WHERE g = 'x') AS a, nps_state(s) FILTER (WHERE g <> 'x') AS b FROM inf_r) v;
SELECT nps_of(nps_state_unmerge(nps_state(s, 2.0), nps_state(s, 2.0) FILTER (WHERE s = 9))) AS weighted_rest FROM unnest(ARRAY[9, 0, 10]) s;

-- Rollups, windows (lag), GROUP BY.
CREATE TABLE inf_rollup AS SELECT g, nps_state(s) AS st FROM inf_r GROUP BY g;
SELECT g, nps_of(nps_state_unmerge((SELECT nps_state(st) FROM inf_rollup), st)) = (SELECT nps(s) FROM inf_r WHERE inf_r.g <> inf_rollup.g) AS rest_matches
FROM inf_rollup ORDER BY g;
SELECT g, round(nps_diff_ci_lower(lag(st) OVER w, st)::numeric, 4) AS lower, round(nps_diff_ci_upper(lag(st) OVER w, st)::numeric, 4) AS upper,
       round(nps_pvalue(st, lag(st) OVER w, 'greater')::numeric, 4) AS p_up
FROM inf_rollup WINDOW w AS (ORDER BY g) ORDER BY g;
SELECT g, round(nps_pvalue(nps_state(s), 0, 'greater')::numeric, 4) AS p_above_0,
       abs(nps_mde(count(s), count(s)) - (1.9599639845400542 + 0.8416212335729142) * sqrt(2.0 / count(s)) * 100) < 1e-9 AS mde
FROM inf_r GROUP BY g ORDER BY g;

-- A forced parallel plan: the states come from workers, the results are the serial ones.
CREATE TABLE inf_big AS SELECT i, i % 2 AS half, (i % 11)::smallint AS s FROM generate_series(1, 100000) i;
ANALYZE inf_big;
CREATE VIEW inference_results AS
SELECT nps_pvalue(a, b, 'greater') AS p, nps_pvalue(a, -40.0, 'less') AS p_benchmark,
       nps_diff_ci_lower(a, b) AS lo, nps_diff_ci_upper(a, b, 0.9) AS hi,
       nps_state_unmerge(t, a)::text = b::text AS rest
FROM (SELECT nps_state(s) FILTER (WHERE half = 0) AS a, nps_state(s) FILTER (WHERE half = 1) AS b, nps_state(s) AS t FROM inf_big) v;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE inference_serial AS SELECT * FROM inference_results;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
CREATE FUNCTION inference_plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SELECT count(*) > 0 AS partial_aggregate FROM inference_plan('SELECT * FROM inference_results') l WHERE l ~ 'Partial Aggregate';
SELECT (SELECT row(p.*)::text FROM inference_results p) = (SELECT row(s.*)::text FROM inference_serial s) AS parallel_equals_serial,
       (SELECT rest FROM inference_results) AS rest;
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- NULL in any argument gives NULL; empty states give NULL.
SELECT nps_sample_size(NULL) IS NULL AS a, nps_sample_size(5, NULL) IS NULL AS b, nps_sample_size(5, 0.95, NULL, 20) IS NULL AS c,
       nps_mde(NULL, 5) IS NULL AS d, nps_mde(5, 5, 0.05, 0.8, 50, NULL) IS NULL AS e,
       nps_pvalue(NULL, nps_state(9)) IS NULL AS f, nps_pvalue(nps_state(9), NULL::nps_state) IS NULL AS g,
       nps_pvalue(nps_state(9), NULL::float8) IS NULL AS h, nps_pvalue(nps_state(9), 30, NULL) IS NULL AS i,
       nps_pvalue(nps_state(9), nps_state(1), NULL) IS NULL AS j,
       nps_diff_ci_lower(nps_state(9), NULL) IS NULL AS k, nps_diff_ci_upper(NULL, nps_state(9), 0.9) IS NULL AS l,
       nps_diff_ci_upper(nps_state(9), nps_state(1), NULL) IS NULL AS m,
       nps_state_unmerge(NULL, nps_state(9)) IS NULL AS n, nps_state_unmerge(nps_state(9), NULL) IS NULL AS o;
SELECT nps_pvalue(nps_state_unmerge(nps_state(9), nps_state(9)), 30) IS NULL AS empty_p,
       nps_diff_ci_lower(nps_state_unmerge(nps_state(9), nps_state(9)), nps_state(9)) IS NULL AS empty_ci;

-- Errors: each names the function and the value, with its SQLSTATE.
\set VERBOSITY sqlstate
SELECT nps_sample_size(0);
SELECT nps_sample_size(5, 0.95, 50, 100.5);
SELECT nps_pvalue(nps_state(9), nps_state(1), 'up');
SELECT nps_state_unmerge(nps_state(9), nps_state(10));
\set VERBOSITY default
SELECT nps_sample_size(0);
SELECT nps_sample_size(-2.5);
SELECT nps_sample_size('Infinity');
SELECT nps_sample_size('NaN');
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
SELECT nps_diff_ci_lower(nps_state(9), nps_state(1), 0);
SELECT nps_diff_ci_upper(nps_state(9), nps_state(1), 1);
SELECT nps_state_unmerge(nps_state(9), nps_state(10));
SELECT nps_state_unmerge(t, a) FROM (SELECT nps_state(s) FILTER (WHERE g = 'x') AS t, nps_state(s) AS a FROM inf_r) v;
SELECT nps_state_unmerge(nps_state(9), nps_state(9, 1.0));

DROP VIEW inference_results;
DROP FUNCTION inference_plan(text);
DROP TABLE answers, inf_r, inf_rollup, inf_big, inference_serial;
