-- The aggregates as window functions over ROWS and RANGE frames, sliding (xInverse),
-- growing and shrinking, each compared row by row with a recomputation over the
-- same frame (a correlated subquery with count arithmetic); a mismatch is a
-- difference of 1e-9 or more, or NULL on one side only.  A few values are also
-- checked against numbers computed outside SQLite.
CREATE TABLE w AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 300)
SELECT i AS id, i * 5 / 7 * 2 AS day, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS grp,
       CASE WHEN i % 3 = 0 THEN i / 3 ELSE i - i / 3 END AS rn,
       CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 37 + i / 5) % 11 END AS score,
       CASE WHEN i % 13 = 0 THEN NULL ELSE (i % 5) * 0.5 + 0.1 END AS wt
FROM k;
CREATE INDEX w_id ON w(id);
CREATE INDEX w_day ON w(day);
CREATE INDEX w_grp ON w(grp, rn);
SELECT count(*), count(score), count(DISTINCT day), min(day), max(day) FROM w;

-- nps(score) over each frame: frame | rows | non-NULL results | mismatches.
-- An empty frame (the first row of "2 preceding .. 1 preceding", the last row of
-- "1 following") gives NULL (R5), and so does a frame of NULL scores (R4).
SELECT 'rows9', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS b FROM w);
SELECT 'grow', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id <= w.id) AS b FROM w);
SELECT 'shrink', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id >= w.id) AS b FROM w);
SELECT 'rows3_2', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 3 AND w.id + 2) AS b FROM w);
SELECT 'range3', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY day RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.day BETWEEN w.day - 3 AND w.day) AS b FROM w);
SELECT 'range4_4', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY day RANGE BETWEEN 4 PRECEDING AND 4 FOLLOWING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.day BETWEEN w.day - 4 AND w.day + 4) AS b FROM w);
SELECT 'rangegrow', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY day) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.day <= w.day) AS b FROM w);
SELECT 'part4', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (PARTITION BY grp ORDER BY id ROWS 4 PRECEDING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.grp = w.grp AND x.rn BETWEEN w.rn - 4 AND w.rn) AS b FROM w);
SELECT 'prev2_1', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 2 AND w.id - 1) AS b FROM w);
SELECT 'next1', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS a, (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id = w.id + 1) AS b FROM w);

-- Values at a few rows, computed outside SQLite.
SELECT 'rows9', id, printf('%.10f', v) FROM (SELECT id, nps(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v FROM w)
WHERE id IN (1, 2, 10, 17, 150, 300) ORDER BY id;
SELECT 'range3', id, printf('%.10f', v) FROM (SELECT id, nps(score) OVER (ORDER BY day RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS v FROM w)
WHERE id IN (1, 2, 10, 17, 150, 300) ORDER BY id;
SELECT 'shrink', id, printf('%.10f', v) FROM (SELECT id, nps(score) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS v FROM w)
WHERE id IN (1, 2, 10, 17, 150, 300) ORDER BY id;

-- The other aggregates over a sliding frame of 10 rows: the shares, stderr (R7),
-- margin of error at 0.9 through the frame's state (R8) and the adjusted-Wald
-- bounds (R9) recomputed from
-- counts P, D, n of the frame; z(0.9) = 1.6448536269514715, z(0.95) = 1.9599639845400536.
CREATE TABLE wc AS
SELECT id, (SELECT sum(x.score >= 9) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS P,
       (SELECT sum(x.score <= 6) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS D,
       (SELECT count(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS n
FROM w;
SELECT 'promoter_share(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, 100.0 * c.P / c.n AS b FROM (SELECT id, promoter_share(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'passive_share(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, 100.0 * (c.n - c.P - c.D) / c.n AS b FROM (SELECT id, passive_share(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'detractor_share(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, 100.0 * c.D / c.n AS b FROM (SELECT id, detractor_share(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'nps_stderr(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, 100 * sqrt((1.0 * (c.P + c.D) / c.n - power(1.0 * (c.P - c.D) / c.n, 2)) / c.n) AS b FROM (SELECT id, nps_stderr(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'nps_moe_of(st, 0.9)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, 1.6448536269514715 * 100 * sqrt((1.0 * (c.P + c.D) / c.n - power(1.0 * (c.P - c.D) / c.n, 2)) / c.n) AS b FROM (SELECT id, nps_moe_of(nps_state(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW), 0.9) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'nps_ci_lower(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, max(-100, 100 * ((c.P - c.D) / (c.n + 3.0) - 1.9599639845400536 * sqrt(((c.P + c.D + 1.5) / (c.n + 3.0) - power((c.P - c.D) / (c.n + 3.0), 2)) / (c.n + 3.0)))) AS b FROM (SELECT id, nps_ci_lower(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'nps_ci_upper(score)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT v.a, min(100, 100 * ((c.P - c.D) / (c.n + 3.0) + 1.9599639845400536 * sqrt(((c.P + c.D + 1.5) / (c.n + 3.0) - power((c.P - c.D) / (c.n + 3.0), 2)) / (c.n + 3.0)))) AS b FROM (SELECT id, nps_ci_upper(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a FROM w) AS v JOIN wc AS c USING (id));
SELECT 'nps_stderr(score)', printf('%.10f', v) FROM (SELECT id, nps_stderr(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v FROM w) WHERE id = 150;
SELECT 'nps_moe_of(st, 0.9)', printf('%.10f', v) FROM (SELECT id, nps_moe_of(nps_state(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW), 0.9) AS v FROM w) WHERE id = 150;
SELECT 'nps_ci_lower(score)', printf('%.10f', v) FROM (SELECT id, nps_ci_lower(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v FROM w) WHERE id = 150;
SELECT 'nps_ci_upper(score)', printf('%.10f', v) FROM (SELECT id, nps_ci_upper(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS v FROM w) WHERE id = 150;

-- nps_state() and nps_summary() over a sliding frame equal, byte for byte, the
-- state and summary of the same rows aggregated afresh (R10: removal is exact).
SELECT 'nps_state(score)', count(*), count(a), sum(a IS NOT b)
FROM (SELECT nps_state(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a,
             (SELECT nps_state(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS b FROM w);
SELECT 'nps_state(score)', count(*), count(a), sum(a IS NOT b)
FROM (SELECT nps_state(score) OVER (ORDER BY day RANGE BETWEEN 6 PRECEDING AND 2 FOLLOWING) AS a,
             (SELECT nps_state(x.score) FROM w AS x WHERE x.day BETWEEN w.day - 6 AND w.day + 2) AS b FROM w);
SELECT 'nps_summary(score)', count(*), count(a), sum(a IS NOT b)
FROM (SELECT nps_summary(score) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a,
             (SELECT nps_summary(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id) AS b FROM w);
SELECT 'nps_summary(score)', count(*), count(a), sum(a IS NOT b)
FROM (SELECT nps_summary(score) OVER (ORDER BY day RANGE BETWEEN 6 PRECEDING AND 2 FOLLOWING) AS a,
             (SELECT nps_summary(x.score) FROM w AS x WHERE x.day BETWEEN w.day - 6 AND w.day + 2) AS b FROM w);

-- TEXT and REAL scores leave a sliding frame as they entered it.
SELECT count(*), sum(a IS NOT b), sum(a IS NOT c)
FROM (SELECT nps(score) OVER f AS a, nps(CAST(score AS TEXT)) OVER f AS b, nps(score * 1.0) OVER f AS c
      FROM w WINDOW f AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW));

-- FILTER inside a window.
SELECT count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score) FILTER (WHERE grp = 'a') OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a,
             (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score) FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id AND x.grp = 'a') AS b FROM w);

-- Weighted sliding frames (R6, R7): weights leave the frame by subtraction, so
-- the comparison is to 1e-9; a NULL weight skips its row in and out of the frame.
SELECT 'nps(score, wt)', count(*), count(a), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(score, wt) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a,
             (SELECT 100 * (sum(CASE WHEN x.score >= 9 THEN x.wt ELSE 0 END) - sum(CASE WHEN x.score <= 6 THEN x.wt ELSE 0 END)) / sum(x.wt)
              FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id AND x.score IS NOT NULL AND x.wt IS NOT NULL) AS b FROM w);
SELECT 'nps_stderr(score, wt)', count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps_stderr(score, wt) OVER (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS a,
             (SELECT 100 * sqrt((sum(CASE WHEN x.score >= 9 OR x.score <= 6 THEN x.wt END) / sum(x.wt)
                                 - power((sum(CASE WHEN x.score >= 9 THEN x.wt ELSE 0 END) - sum(CASE WHEN x.score <= 6 THEN x.wt ELSE 0 END)) / sum(x.wt), 2))
                                / (power(sum(x.wt), 2) / sum(x.wt * x.wt)))
              FROM w AS x WHERE x.id BETWEEN w.id - 9 AND w.id AND x.score IS NOT NULL AND x.wt IS NOT NULL) AS b FROM w);
SELECT printf('%.10f', v), printf('%.10f', se) FROM (SELECT id, nps(score, wt) OVER f AS v, nps_stderr(score, wt) OVER f AS se
FROM w WINDOW f AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)) WHERE id = 150;

-- States in a sliding frame: daily states, 10 days back, give the raw rows of
-- those days (xInverse of a state takes it back out).
CREATE TABLE wd AS SELECT day, nps_state(score) AS st, nps_state(score, wt) AS wst FROM w GROUP BY day;
SELECT count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END), sum(CASE WHEN wa IS NULL AND wb IS NULL THEN 0
                WHEN wa IS NULL OR wb IS NULL OR abs(wa - wb) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps(st) OVER f AS a, nps(wst) OVER f AS wa,
             (SELECT 100.0 * (sum(x.score >= 9) - sum(x.score <= 6)) / count(x.score)
              FROM w AS x WHERE x.day BETWEEN wd.day - 10 AND wd.day) AS b,
             (SELECT 100 * (sum(CASE WHEN x.score >= 9 THEN x.wt ELSE 0 END) - sum(CASE WHEN x.score <= 6 THEN x.wt ELSE 0 END)) / sum(x.wt)
              FROM w AS x WHERE x.day BETWEEN wd.day - 10 AND wd.day AND x.score IS NOT NULL AND x.wt IS NOT NULL) AS wb
      FROM wd WINDOW f AS (ORDER BY day RANGE BETWEEN 10 PRECEDING AND CURRENT ROW));
SELECT day, printf('%.10f', nps(st) OVER f), printf('%.10f', nps(wst) OVER f)
FROM wd WINDOW f AS (ORDER BY day RANGE BETWEEN 10 PRECEDING AND CURRENT ROW) ORDER BY day LIMIT 3 OFFSET 100;

-- A 90% margin over a window: the frame's state read by nps_moe_of(); every
-- row's value is z(0.9) times the frame's standard error.
SELECT count(*), sum(CASE WHEN a IS NULL AND b IS NULL THEN 0
                WHEN a IS NULL OR b IS NULL OR abs(a - b) >= 1e-9 THEN 1 ELSE 0 END)
FROM (SELECT nps_moe_of(nps_state(score) OVER f, 0.9) AS a, 1.6448536269514715 * nps_stderr(score) OVER f AS b
      FROM w WINDOW f AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW));

-- A bad row fails the whole query, in a window as in any aggregate (R1).
SELECT count(v) FROM (SELECT nps(s) OVER (ORDER BY i ROWS 2 PRECEDING) AS v FROM (SELECT 1 AS i, 9 AS s UNION ALL SELECT 2, 11 UNION ALL SELECT 3, 7));
SELECT count(v) FROM (SELECT nps_stderr(s, wt) OVER (ORDER BY i ROWS 1 PRECEDING) AS v FROM (SELECT 1 AS i, 9 AS s, 1 AS wt UNION ALL SELECT 2, 3, -2));

-- The confidence of nps_moe_of() is per row, so it may differ between rows and
-- partitions.  Frame {9} has no spread (0); {9, 3}: p = d = 1/2, stderr 100 sqrt(1/2),
-- so 138.5903824350 at 95%, 116.3087153677 at 90%, 182.1386367718 at 99%.
SELECT i, printf('%.10f', nps_moe_of(nps_state(s) OVER (ORDER BY i), c))
FROM (SELECT 1 AS i, 9 AS s, 0.9 AS c UNION ALL SELECT 2, 3, 0.95);
SELECT g, printf('%.10f', v) FROM (SELECT g, i, nps_moe_of(nps_state(s) OVER (PARTITION BY g), c) AS v
FROM (SELECT 'x' AS g, 1 AS i, 9 AS s, 0.9 AS c UNION ALL SELECT 'x', 2, 3, 0.9 UNION ALL SELECT 'y', 3, 9, 0.99 UNION ALL SELECT 'y', 4, 3, 0.99))
WHERE i IN (1, 3);
SELECT count(v) FROM (SELECT nps(s) OVER (ORDER BY i ROWS 1 PRECEDING) AS v FROM (SELECT 1 AS i, nps_state(9) AS s UNION ALL SELECT 2, x'00'));
