-- GROUP BY, GROUPING SETS, ROLLUP, CUBE, FILTER, sorted and hashed (also
-- spilled to disk): every group equals a recomputation from plain counts
-- with the SPEC formulas, written in SQL without the extension.
SET extra_float_digits = 0;
\pset format unaligned
\pset null NULL

-- 300 responses: 3 regions, 4 channels, a NULL score every 13th row.
CREATE TABLE survey AS
SELECT i, (ARRAY['north', 'south', 'west'])[i % 3 + 1] AS region,
       (ARRAY['app', 'mail', 'phone', 'web'])[i % 4 + 1] AS channel,
       CASE WHEN i % 13 = 0 THEN NULL ELSE (i * 7 + 3) % 11 END AS s,
       ((i % 5) + 1) * 0.5::float8 AS w
FROM generate_series(1, 300) i;

-- The formulas, from counts and sums (R3, R6, R7); each share is divided
-- first and then scaled to points, as the library does, so the doubles are
-- equal to the last bit.
CREATE VIEW expected_by_cube AS
SELECT region, channel, gs, n, np, nd, npa,
       100::float8 * ((np - nd)::float8 / n) AS nps,
       100::float8 * (np::float8 / n) AS promoter_share, 100::float8 * (npa::float8 / n) AS passive_share,
       100::float8 * (nd::float8 / n) AS detractor_share,
       100::float8 * sqrt(greatest(np::float8 / n + nd::float8 / n
                          - (np::float8 / n - nd::float8 / n) * (np::float8 / n - nd::float8 / n), 0) / n) AS stderr,
       100::float8 * ((wp - wd) / wt) AS wnps
FROM (SELECT region, channel, grouping(region, channel) AS gs, count(s) AS n,
             count(*) FILTER (WHERE s >= 9) AS np, count(*) FILTER (WHERE s <= 6) AS nd,
             count(*) FILTER (WHERE s IN (7, 8)) AS npa,
             sum(w) FILTER (WHERE s >= 9) AS wp, sum(w) FILTER (WHERE s <= 6) AS wd,
             sum(w) FILTER (WHERE s IS NOT NULL) AS wt
      FROM survey GROUP BY CUBE (region, channel)) c;

CREATE VIEW actual_by_cube AS
SELECT region, channel, grouping(region, channel) AS gs, nps(s), promoter_share(s), passive_share(s),
       detractor_share(s), nps_stderr(s), nps(s, w) AS wnps, nps_state(s) AS st
FROM survey GROUP BY CUBE (region, channel);

-- CUBE: 3 x 4 cells, 3 regions, 4 channels, the total = 20 groups; all equal.
SELECT count(*) AS groups,
       count(*) FILTER (WHERE a.nps = e.nps AND a.promoter_share = e.promoter_share
                          AND a.passive_share = e.passive_share AND a.detractor_share = e.detractor_share
                          AND a.nps_stderr = e.stderr AND a.wnps = e.wnps) AS equal
FROM actual_by_cube a JOIN expected_by_cube e USING (gs)
WHERE a.region IS NOT DISTINCT FROM e.region AND a.channel IS NOT DISTINCT FROM e.channel;
-- The same with the hash aggregate, forced to spill its states to disk:
-- 20 copies of every row, 6000 groups.
SET enable_sort = off;
SET work_mem = '64kB';
CREATE FUNCTION analyzed_plan_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q;
END $$;
SELECT bool_or(l ~ 'HashAggregate') AS hashed, bool_or(l ~ 'Disk Usage: [1-9]') AS spilled
FROM analyzed_plan_lines('SELECT i, k, nps(s) FROM survey CROSS JOIN generate_series(1, 20) k GROUP BY i, k') l;
SELECT count(*) AS groups, count(*) FILTER (WHERE a.nps IS NOT DISTINCT FROM
           100::float8 * ((e.np - e.nd)::float8 / nullif(e.n, 0))) AS equal
FROM (SELECT i, k, nps(s) FROM survey CROSS JOIN generate_series(1, 20) k GROUP BY i, k) a
JOIN (SELECT i, count(s) AS n, count(*) FILTER (WHERE s >= 9) AS np,
             count(*) FILTER (WHERE s <= 6) AS nd FROM survey GROUP BY i) e USING (i);
RESET enable_sort;
RESET work_mem;

-- ROLLUP by region, with the values (checked by hand against the counts).
SELECT region, count(s) AS n, count(*) FILTER (WHERE s >= 9) AS promoters,
       count(*) FILTER (WHERE s <= 6) AS detractors, nps(s), nps_stderr(s), nps_state(s)
FROM survey GROUP BY ROLLUP (region) ORDER BY region;
-- GROUPING SETS: each set equals its own GROUP BY.
SELECT count(*) AS groups, count(*) FILTER (WHERE gs.st::bytea = g.st::bytea) AS equal
FROM (SELECT region, channel, nps_state(s) AS st FROM survey GROUP BY GROUPING SETS ((region), (channel), ())) gs
JOIN (SELECT region, NULL AS channel, nps_state(s) AS st FROM survey GROUP BY region
      UNION ALL SELECT NULL, channel, nps_state(s) FROM survey GROUP BY channel
      UNION ALL SELECT NULL, NULL, nps_state(s) FROM survey) g
  ON gs.region IS NOT DISTINCT FROM g.region AND gs.channel IS NOT DISTINCT FROM g.channel;

-- FILTER: the filtered aggregate equals the aggregate over the filtered rows.
SELECT region,
       nps(s) FILTER (WHERE channel = 'web') = (SELECT nps(s) FROM survey t WHERE t.region = x.region AND channel = 'web') AS web,
       nps_state(s) FILTER (WHERE i <= 100)::bytea = (SELECT nps_state(s) FROM survey t WHERE t.region = x.region AND i <= 100)::bytea AS first_100,
       nps_moe(s, 0.9) FILTER (WHERE s > 4) = (SELECT nps_moe(s, 0.9) FROM survey t WHERE t.region = x.region AND s > 4) AS above_4,
       nps(s) FILTER (WHERE false) IS NULL AS none
FROM survey x GROUP BY region ORDER BY region;

-- A rollup table of states answers like the raw rows: monthly states by
-- region and channel, merged per region and in total.
CREATE TABLE rollup AS
SELECT region, channel, i / 50 AS period, nps_state(s) AS st, nps_state(s, w) AS wst
FROM survey GROUP BY region, channel, period;
SELECT count(*) AS groups,
       count(*) FILTER (WHERE r.nps = raw.nps AND r.stderr = raw.stderr AND r.moe = raw.moe
                          AND r.lo = raw.lo AND r.hi = raw.hi AND r.wnps = raw.wnps
                          AND r.summary = raw.summary) AS equal
FROM (SELECT region, nps(st), nps_stderr(st) AS stderr, nps_moe_of(nps_state(st), 0.8) AS moe, nps_ci_lower(st) AS lo,
             nps_ci_upper_of(nps_state(st), 0.99) AS hi, nps(wst) AS wnps, nps_summary(st)::text AS summary
      FROM rollup GROUP BY ROLLUP (region)) r
JOIN (SELECT region, nps(s), nps_stderr(s) AS stderr, nps_moe_of(nps_state(s), 0.8) AS moe, nps_ci_lower(s) AS lo,
             nps_ci_upper_of(nps_state(s), 0.99) AS hi, nps(s, w) AS wnps, nps_summary(s)::text AS summary
      FROM survey GROUP BY ROLLUP (region)) raw ON r.region IS NOT DISTINCT FROM raw.region;
-- The weighted margin, interval and summary of the rollup equal the raw
-- rows' to 1e-12 relative (sums of weights are exact; only the last
-- rounding of the final step may differ with the order of merging).
SELECT count(*) AS groups,
       count(*) FILTER (WHERE abs(r.wmoe - raw.wmoe) <= 1e-12 * abs(raw.wmoe)
                          AND abs(r.wlo - raw.wlo) <= 1e-12 * abs(raw.wlo)
                          AND abs(r.whi - raw.whi) <= 1e-12 * abs(raw.whi)
                          AND abs(r.wmoe90 - raw.wmoe90) <= 1e-12 * abs(raw.wmoe90)) AS equal,
       count(*) FILTER (WHERE r.wsummary = raw.wsummary) AS same_summary
FROM (SELECT region, nps_moe(wst) AS wmoe, nps_ci_lower(wst) AS wlo, nps_ci_upper(wst) AS whi,
             nps_moe_of(nps_state(wst), 0.9) AS wmoe90, nps_summary(wst)::text AS wsummary
      FROM rollup GROUP BY ROLLUP (region)) r
JOIN (SELECT region, nps_moe(s, w) AS wmoe, nps_ci_lower(s, w) AS wlo, nps_ci_upper(s, w) AS whi,
             nps_moe_of(nps_state(s, w), 0.9) AS wmoe90, nps_summary(s, w)::text AS wsummary
      FROM survey GROUP BY ROLLUP (region)) raw ON r.region IS NOT DISTINCT FROM raw.region;
