-- Window frames: ROWS and RANGE, sliding and growing, partitioned, ahead of
-- the current row, with exclusion.  Sliding frames use the inverse
-- transition (MINVFUNC), so a wrong inverse shows as a wrong value here:
-- every row is compared with a recomputation over exactly its frame.
SET extra_float_digits = 0;
SET jit = off;  -- the recomputations below look costly to the planner; JIT is tested elsewhere
\pset format unaligned
\pset null NULL

-- 120 rows; day has three rows each (peers for RANGE); NULL scores and
-- weights sprinkled; weights are multiples of 1/4, so every sum is exact.
CREATE TABLE series AS
SELECT i, i / 3 AS day, i % 2 AS part,
       CASE WHEN i % 17 = 0 THEN NULL ELSE (i * i + 5 * i) % 11 END AS s,
       CASE WHEN i % 23 = 0 THEN NULL ELSE (i % 7) * 0.25::float8 END AS w
FROM generate_series(1, 120) i;

-- NPS, shares and stderr of a set of rows, from counts (no extension);
-- divided first, then scaled to points, as the library does.
CREATE FUNCTION formula(lo int, hi int, p int, skip int DEFAULT NULL)
RETURNS TABLE (nps float8, promoter float8, passive float8, detractor float8, stderr float8, wnps float8)
LANGUAGE sql AS $$
    SELECT 100::float8 * ((np - nd)::float8 / n), 100::float8 * (np::float8 / n), 100::float8 * (npa::float8 / n),
           100::float8 * (nd::float8 / n),
           100::float8 * sqrt(greatest(np::float8 / n + nd::float8 / n
                              - (np::float8 / n - nd::float8 / n) * (np::float8 / n - nd::float8 / n), 0) / n),
           100::float8 * ((wp - wd) / nullif(wt, 0))
    FROM (SELECT nullif(count(s), 0) AS n, count(*) FILTER (WHERE s >= 9) AS np,
                 count(*) FILTER (WHERE s <= 6) AS nd, count(*) FILTER (WHERE s IN (7, 8)) AS npa,
                 coalesce(sum(w) FILTER (WHERE s >= 9), 0) AS wp, coalesce(sum(w) FILTER (WHERE s <= 6), 0) AS wd,
                 sum(w) FILTER (WHERE s IS NOT NULL) AS wt
          FROM series WHERE i BETWEEN lo AND hi AND (p IS NULL OR part = p) AND i IS DISTINCT FROM skip) c $$;

-- One frame: compare every row's window results with the recomputation over
-- the rows [lo, hi] of its frame.  Prints rows checked and rows equal.
CREATE FUNCTION check_frame(frame text, lo text, hi text, partitioned bool DEFAULT false, exclude_current bool DEFAULT false)
RETURNS TABLE (window_frame text, rows_checked bigint, rows_equal bigint) LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT %1$L, count(*), count(*) FILTER (WHERE
                   w.nps IS NOT DISTINCT FROM f.nps AND w.promoter IS NOT DISTINCT FROM f.promoter
               AND w.passive IS NOT DISTINCT FROM f.passive AND w.detractor IS NOT DISTINCT FROM f.detractor
               AND w.stderr IS NOT DISTINCT FROM f.stderr AND w.wnps IS NOT DISTINCT FROM f.wnps
               AND w.st IS NOT DISTINCT FROM (SELECT nps_state(s)::bytea FROM series x
                                                WHERE x.i BETWEEN w.lo AND w.hi AND (%4$L IS NULL OR x.part = w.part)
                                                  AND x.i IS DISTINCT FROM w.skip)
               AND w.moe IS NOT DISTINCT FROM (SELECT nps_moe_of(nps_state(s), 0.9) FROM series x
                                                WHERE x.i BETWEEN w.lo AND w.hi AND (%4$L IS NULL OR x.part = w.part)
                                                  AND x.i IS DISTINCT FROM w.skip)
               AND w.wmoe IS NOT DISTINCT FROM (SELECT nps_moe(s, w) FROM series x
                                                WHERE x.i BETWEEN w.lo AND w.hi AND (%4$L IS NULL OR x.part = w.part)
                                                  AND x.i IS DISTINCT FROM w.skip))
        FROM (SELECT i, day, part, %2$s AS lo, %3$s AS hi, CASE WHEN %5$L THEN i END AS skip,
                     nps(s) OVER w, promoter_share(s) OVER w AS promoter, passive_share(s) OVER w AS passive,
                     detractor_share(s) OVER w AS detractor, nps_stderr(s) OVER w AS stderr,
                     nps(s, w) OVER w AS wnps, nps_state(s) OVER w::bytea AS st,
                     nps_moe_of(nps_state(s) OVER w, 0.9) AS moe, nps_moe(s, w) OVER w AS wmoe
              FROM series WINDOW w AS (%6$s %1$s)) w,
             LATERAL formula(w.lo, w.hi, CASE WHEN %4$L THEN w.part END, w.skip) f$q$,
        frame, lo, hi, CASE WHEN partitioned THEN 1 END, exclude_current,
        CASE WHEN partitioned THEN 'PARTITION BY part ORDER BY i' ELSE 'ORDER BY i' END);
END $$;

SELECT * FROM check_frame('ROWS BETWEEN 4 PRECEDING AND CURRENT ROW', 'i - 4', 'i');
SELECT * FROM check_frame('ROWS BETWEEN 30 PRECEDING AND 10 PRECEDING', 'i - 30', 'i - 10');
SELECT * FROM check_frame('ROWS BETWEEN 2 FOLLOWING AND 6 FOLLOWING', 'i + 2', 'i + 6');
SELECT * FROM check_frame('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', '1', 'i');
SELECT * FROM check_frame('ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING', 'i', '120');
SELECT * FROM check_frame('ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING EXCLUDE CURRENT ROW', 'i - 5', 'i + 5', false, true);
-- Partitioned by parity: 3 rows of the partition back = i - 6 .. i + 2.
SELECT * FROM check_frame('ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING', 'i - 6', 'i + 2', true);
-- RANGE over i (unique): the same rows as ROWS.
SELECT * FROM check_frame('RANGE BETWEEN 9 PRECEDING AND CURRENT ROW', 'i - 9', 'i');
SELECT * FROM check_frame('RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', '1', 'i');

-- RANGE over day, with peers: the frame of day d is every row of days
-- d - 2 .. d, i.e. i from 3 (d - 2) to 3 d + 2.
CREATE VIEW by_day AS
SELECT i, day, nps(s) OVER (ORDER BY day RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS sliding,
       nps(s) OVER (ORDER BY day) AS growing,
       nps_state(s) OVER (ORDER BY day RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)::bytea AS sliding_state
FROM series;
SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE sliding IS NOT DISTINCT FROM (SELECT nps FROM formula(3 * (day - 2), 3 * day + 2, NULL))
                          AND growing IS NOT DISTINCT FROM (SELECT nps FROM formula(0, 3 * day + 2, NULL))
                          AND sliding_state = (SELECT nps_state(s)::bytea FROM series x
                                                WHERE x.day BETWEEN b.day - 2 AND b.day)) AS rows_equal
FROM by_day b;

-- A hand-made sliding frame of 3 rows: 9 10 3 7 NULL 0 6 9.
SELECT i, s, nps(s) OVER w, nps_state(s) OVER w
FROM (VALUES (1, 9), (2, 10), (3, 3), (4, 7), (5, NULL), (6, 0), (7, 6), (8, 9)) v(i, s)
WINDOW w AS (ORDER BY i ROWS 2 PRECEDING) ORDER BY i;

-- Windows over states: a rolling 7-day rollup of daily states, with the
-- margin at another confidence (through nps_moe_of over the frame's state)
-- and the weighted margin, equals the raw rows of those days.
CREATE TABLE daily AS SELECT day, nps_state(s) AS st, nps_state(s, w) AS wst FROM series GROUP BY day;
SELECT count(*) AS days_checked,
       count(*) FILTER (WHERE r.nps IS NOT DISTINCT FROM raw.nps AND r.moe IS NOT DISTINCT FROM raw.moe
                          AND r.wnps IS NOT DISTINCT FROM raw.wnps AND r.st IS NOT DISTINCT FROM raw.st
                          AND r.wmoe IS NOT DISTINCT FROM raw.wmoe) AS days_equal
FROM (SELECT day, nps(st) OVER w, nps_moe_of(nps_state(st) OVER w, 0.8) AS moe, nps(wst) OVER w AS wnps,
             nps_state(st) OVER w::bytea AS st, nps_moe(wst) OVER w AS wmoe
      FROM daily WINDOW w AS (ORDER BY day ROWS 6 PRECEDING)) r,
     LATERAL (SELECT nps(s), nps_moe_of(nps_state(s), 0.8) AS moe, nps(s, w) AS wnps, nps_state(s)::bytea AS st,
                     nps_moe(s, w) AS wmoe
              FROM series x WHERE x.day BETWEEN r.day - 6 AND r.day) raw;
