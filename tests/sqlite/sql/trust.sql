-- Results an analyst can trust: exact sliding windows, results inside their
-- range, scale-free weights, the argument positions (a second argument is always
-- a weight), blank answers skipped, JSON that embeds, states read row by row
-- (_of scalars, lag(), upserts into rollups), and limits that fail loudly.
-- Expected numbers are computed from the formulas of SPEC.md, independently of
-- the extension (stderr 100 sqrt((p + d - (p - d)^2) / n), Kish's n =
-- (sum w)^2 / sum w^2, moe z * stderr, adjusted-Wald on n + 3), and written in
-- the comments; blobs come from tests/tools/state_blob.py.

-- 1. A sliding weighted window is exact (R10): removing a row restores the sums.
-- A promoter weighing 1e17 leaves the frame of 6 rows at row 7, which holds five
-- promoters and one detractor of weight 1: (5 - 1) / 6 = 66.6666666667, stderr
-- 100 sqrt((6/6 - (4/6)^2) / 6) = 30.4290309725.  A sum kept in doubles would
-- have lost the 1s beside 1e17 and said 100 or 0.
CREATE TABLE drift(i INTEGER, s INTEGER, w REAL);
INSERT INTO drift VALUES (1, 9, 1e17), (2, 9, 1), (3, 9, 1), (4, 9, 1), (5, 9, 1), (6, 9, 1), (7, 0, 1);
SELECT i, printf('%.10f', nps(s, w) OVER f), printf('%.10f', nps_stderr(s, w) OVER f)
FROM drift WINDOW f AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) ORDER BY i;
-- The same over one state per row: merging and unmerging states is exact too.
SELECT i, printf('%.10f', nps(st) OVER f), printf('%.10f', nps_stderr(st) OVER f)
FROM (SELECT i, nps_state(s, w) AS st FROM drift GROUP BY i)
WINDOW f AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) ORDER BY i;

-- A 1e15 outlier among 200 rows with deterministic weights (a NULL score every
-- 31st row, a NULL weight every 43rd): every windowed result equals the same
-- frame recomputed from scratch (a correlated subquery), to 1e-9.
CREATE TABLE outlier AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 200)
SELECT i,
       CASE WHEN i % 31 = 0 THEN NULL ELSE (i * i * 7 + i * 3 + i / 7) % 11 END AS s,
       CASE WHEN i % 43 = 0 THEN NULL WHEN i = 100 THEN 1e15 ELSE 0.25 + (i * 37 % 101) / 20.0 END AS w
FROM k;
CREATE TABLE outlier_win AS
SELECT i,
       nps(s, w) OVER f AS nps, promoter_share(s, w) OVER f AS pro, passive_share(s, w) OVER f AS pas,
       detractor_share(s, w) OVER f AS det, nps_stderr(s, w) OVER f AS se, nps_moe(s, w) OVER f AS moe,
       nps_ci_lower(s, w) OVER f AS lo, nps_ci_upper(s, w) OVER f AS hi,
       nps_moe_of(nps_state(s, w) OVER f, 0.8) AS moe80
FROM outlier WINDOW f AS (ORDER BY i ROWS BETWEEN 9 PRECEDING AND CURRENT ROW);
CREATE TABLE outlier_fresh AS
SELECT o.i,
       (SELECT nps(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS nps,
       (SELECT promoter_share(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS pro,
       (SELECT passive_share(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS pas,
       (SELECT detractor_share(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS det,
       (SELECT nps_stderr(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS se,
       (SELECT nps_moe(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS moe,
       (SELECT nps_ci_lower(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS lo,
       (SELECT nps_ci_upper(x.s, x.w) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS hi,
       (SELECT nps_moe_of(nps_state(x.s, x.w), 0.8) FROM (SELECT * FROM outlier) AS x WHERE x.i BETWEEN o.i - 9 AND o.i) AS moe80
FROM outlier AS o;
-- Rows compared, then the rows where any of the nine results differs by 1e-9 or
-- more (or is NULL on one side only): 0.
SELECT count(*), sum(CASE WHEN abs(a.nps - b.nps) < 1e-9 AND abs(a.pro - b.pro) < 1e-9 AND abs(a.pas - b.pas) < 1e-9
                           AND abs(a.det - b.det) < 1e-9 AND abs(a.se - b.se) < 1e-9 AND abs(a.moe - b.moe) < 1e-9
                           AND abs(a.lo - b.lo) < 1e-9 AND abs(a.hi - b.hi) < 1e-9 AND abs(a.moe80 - b.moe80) < 1e-9
                      THEN 0 ELSE 1 END)
FROM outlier_win AS a JOIN outlier_fresh AS b USING (i);
-- The same frames over one state per row.
SELECT count(*), sum(CASE WHEN abs(a.v - b.nps) < 1e-9 AND abs(a.sse - b.se) < 1e-9 THEN 0 ELSE 1 END)
FROM (SELECT i, nps(st) OVER f AS v, nps_stderr(st) OVER f AS sse
      FROM (SELECT i, nps_state(s, w) AS st FROM outlier GROUP BY i)
      WINDOW f AS (ORDER BY i ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)) AS a JOIN outlier_fresh AS b USING (i);
-- Frames with the outlier (100, 109), just after it left (110, 111), and later
-- (150), where drift would show.  Recomputed outside SQL from the table's rows
-- with exact fractions (the weighted counts scaled to Kish's n for the adjusted
-- interval): NPS, stderr, lower and upper bound
--   100: -100, 0.0000095917, -98.4986494203, 48.4986494203
--   109: -100, 0.0000154110, -98.4986494203, 48.4986494203
--   110: -42.9423459245, 28.9948082904, -78.5438453097, 17.5286094715
--   111: -49.6491228070, 26.5615990447, -81.9539790932,  9.2102259647
--   150: -38.0610412926, 30.2867870585, -76.7610575772, 21.9079176108
-- The stderr is printed to 7 decimals: where one weight dominates, the variance
-- p + d - (p - d)^2 is a difference of numbers near 1, good to ~1e-16 absolute.
SELECT i, printf('%.10f', nps), printf('%.7f', se), printf('%.10f', lo), printf('%.10f', hi)
FROM outlier_win WHERE i IN (100, 109, 110, 111, 150) ORDER BY i;

-- Past the span an exact sum can hold (weights 1e30 and 1e-30 in one category:
-- their squares are 2^400 apart), a sliding frame cannot take the big weight out
-- exactly: SQLite says so rather than return a drifted number.  Weights 1e40 and
-- 1 still slide exactly: the frame {3: 1, 3: 1} at row 4 is -100, at row 3 0.
SELECT i, nps(s, w) OVER (ORDER BY i ROWS 1 PRECEDING)
FROM (SELECT 1 AS i, 9 AS s, 1e30 AS w UNION ALL SELECT 2, 9, 1e-30 UNION ALL SELECT 3, 3, 1 UNION ALL SELECT 4, 3, 1);
SELECT i, nps(s, w) OVER (ORDER BY i ROWS 1 PRECEDING)
FROM (SELECT 1 AS i, 9 AS s, 1e40 AS w UNION ALL SELECT 2, 9, 1 UNION ALL SELECT 3, 3, 1 UNION ALL SELECT 4, 3, 1);
-- Aggregated without sliding, the same rows are fine.
SELECT printf('%.10f', nps(s, w)) FROM (SELECT 9 AS s, 1e30 AS w UNION ALL SELECT 9, 1e-30 UNION ALL SELECT 3, 1);

-- 2. Every result lies in its range (R3).  nps(10, 0.69) computed as
-- 0.69 * 100 / 0.69 in doubles is 100.00000000000001; it is 100, and its band
-- 'excellent' (nps_band refuses anything above 100).
SELECT nps(10, 0.69), nps_band(nps(10, 0.69)), promoter_share(10, 0.69), nps(0, 0.69), detractor_share(0, 0.69),
       passive_share(7, 0.69);
-- Nor below it: 100 * 3.001 / 3.001 is 99.99999999999998 in doubles; a
-- one-category result is exactly 100 (-100 for detractors).
SELECT nps(10, 3.001) = 100, nps(0, 3.001) = -100, promoter_share(9, 3.001) = 100, nps_of(nps_state(10, 3.001)) = 100;
-- One row of each of 3000 weights from 1e-6 to 1e6 (deterministic, not round
-- numbers): a promoter is exactly 100, a detractor exactly -100, a share exactly
-- 100; rows where that fails: 0.
CREATE TABLE wts AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 3000)
SELECT i, ((i * 2654435761) % 4294967291) / 4294967291.0 * power(10, (i % 13) - 6) + 1e-7 AS w FROM k;
SELECT count(*), sum(ok) FROM (SELECT nps(10, w) = 100 AND nps(0, w) = -100 AND promoter_share(9, w) = 100
                                        AND detractor_share(6, w) = 100 AND passive_share(8, w) = 100 AS ok
                                 FROM wts GROUP BY i);
-- Groups and sliding frames of mixed scores under those weights: results outside
-- their ranges (NPS -100..100, shares 0..100, stderr and moe >= 0, interval
-- within -100..100 and around nothing inverted): 0.
SELECT count(*), sum(NOT (v BETWEEN -100 AND 100 AND pro BETWEEN 0 AND 100 AND pas BETWEEN 0 AND 100
                          AND det BETWEEN 0 AND 100 AND se >= 0 AND moe >= 0
                          AND lo BETWEEN -100 AND 100 AND hi BETWEEN -100 AND 100 AND lo <= hi))
FROM (SELECT nps(i * 7 % 11, w) AS v, promoter_share(i * 7 % 11, w) AS pro, passive_share(i * 7 % 11, w) AS pas,
             detractor_share(i * 7 % 11, w) AS det, nps_stderr(i * 7 % 11, w) AS se, nps_moe(i * 7 % 11, w) AS moe,
             nps_ci_lower(i * 7 % 11, w) AS lo, nps_ci_upper(i * 7 % 11, w) AS hi
      FROM wts GROUP BY i % 97);
SELECT count(*), sum(NOT (v BETWEEN -100 AND 100 AND pro BETWEEN 0 AND 100 AND se >= 0
                          AND lo BETWEEN -100 AND 100 AND hi BETWEEN -100 AND 100 AND lo <= hi))
FROM (SELECT nps(i * 7 % 11, w) OVER f AS v, promoter_share(i * 7 % 11, w) OVER f AS pro, nps_stderr(i * 7 % 11, w) OVER f AS se,
             nps_ci_lower(i * 7 % 11, w) OVER f AS lo, nps_ci_upper(i * 7 % 11, w) OVER f AS hi
      FROM wts WINDOW f AS (ORDER BY i ROWS BETWEEN 6 PRECEDING AND CURRENT ROW));
-- All-promoter groups under those weights: exactly 100, every one of them; and
-- all-detractor groups exactly -100.
SELECT count(*), sum(v = 100), sum(d = -100)
FROM (SELECT nps(9 + i % 2, w) AS v, nps(i % 7, w) AS d FROM wts GROUP BY i % 101);

-- 3. Scale-free (R5): weights of 1e-170, 1e-200 or 1e-300 give the margins of
-- weights of 1, which are the unweighted ones for counts (1,2,3): stderr
-- 30.4290309725, moe 59.6398047906, interval -26.7432587941 .. 71.1877032385.
CREATE TABLE r123(s INTEGER);
INSERT INTO r123 VALUES (3), (7), (8), (9), (10), (10);
SELECT c, printf('%.10f', nps_stderr(s, c)), printf('%.10f', nps_moe(s, c)),
       printf('%.10f', nps_ci_lower(s, c)), printf('%.10f', nps_ci_upper(s, c)),
       abs(nps_moe(s, c) - nps_moe(s)) < 1e-12 AND abs(nps_ci_lower(s, c) - nps_ci_lower(s)) < 1e-12
FROM r123, (SELECT 1.0 AS c UNION ALL SELECT power(10, -170) UNION ALL SELECT power(10, -200) UNION ALL SELECT power(10, -300))
GROUP BY c ORDER BY c DESC;
-- The largest weights: a weight whose square overflows a double is an error that
-- names it; 1e154 is accepted, and two of them (squares summing past the largest
-- double) still give Kish n = 2: stderr 100 sqrt(1 / 2) = 70.7106781187.
-- (Large literals are written as power(10, k): under valgrind the sqlite3 shell
-- reads 1e155 as 1.0000000000000002e+155.)
SELECT nps(9, power(10, 155));
SELECT nps_state(s, w) FROM (SELECT 9 AS s, 1 AS w UNION ALL SELECT 3, -power(10, 200));
SELECT nps(9, 1e154), printf('%.10f', nps_stderr(s, w)), nps(s, w)
FROM (SELECT 9 AS s, 1e154 AS w UNION ALL SELECT 3, 1e154);

-- 4. Argument positions: the second argument is a weight.  With every weight
-- 0.8 Kish's n is the row count, so the weighted 95% margin is the unweighted
-- one (59.6398047906 for (1,2,3)); the 80% margin goes through the state:
-- z(0.8) = 1.2815515655446004, times stderr 30.4290309725 = 38.9963722808.
SELECT printf('%.10f', nps_moe(s, 0.8)), printf('%.10f', nps_moe(s)), abs(nps_moe(s, 0.8) - nps_moe(s)) < 1e-12,
       printf('%.10f', nps_moe_of(nps_state(s, 0.8), 0.8)),
       abs(nps_moe_of(nps_state(s, 0.8), 0.8) - 1.2815515655446004 * nps_stderr(s)) < 1e-9,
       nps_moe_of(nps_state(s), 0.95) = nps_moe(s)
FROM r123;
-- A weighted 90% margin: scores 9, 10, 3, 7, 8 weighing 2, 1, 1.5, 0.5, 1:
-- W = 6, p = 3/6, d = 1.5/6, Kish n = 36 / 8.5; stderr
-- 100 sqrt((0.75 - 0.0625) / (36 / 8.5)) = 40.2897491788; z(0.9) 1.6448536269514715
-- -> 66.2707400657; at 95% 78.9664573366.  The 90% adjusted interval on Kish's n:
-- counts scaled to n (p n + 0.75, ..., n + 3) -> -33.7065980120 .. 62.9748906950.
CREATE TABLE wt(s INTEGER, w REAL);
INSERT INTO wt VALUES (9, 2), (10, 1), (3, 1.5), (7, 0.5), (8, 1);
SELECT printf('%.10f', nps_stderr(s, w)), printf('%.10f', nps_moe_of(nps_state(s, w), 0.9)),
       printf('%.10f', nps_moe(s, w)), nps_moe_of(nps_state(s, w)) = nps_moe(s, w),
       printf('%.10f', nps_ci_lower_of(nps_state(s, w), 0.9)), printf('%.10f', nps_ci_upper_of(nps_state(s, w), 0.9))
FROM wt;

-- 5. Blank text is a skipped answer (R1): '' and '  ' rows do not count; the
-- results equal those of the same data without them, weighted or not.
CREATE TABLE csv(id INTEGER, s TEXT, w REAL);
INSERT INTO csv VALUES (1, '9', 1), (2, '', 5), (3, '3', 2), (4, '  ', 1), (5, '10', 0.5), (6, '7', 1), (7, ' 8 ', 3);
SELECT nps(s) = (SELECT nps(s) FROM csv WHERE trim(s) <> ''),
       nps_stderr(s) = (SELECT nps_stderr(s) FROM csv WHERE trim(s) <> ''),
       nps(s, w) = (SELECT nps(s, w) FROM csv WHERE trim(s) <> ''),
       nps_moe(s, w) = (SELECT nps_moe(s, w) FROM csv WHERE trim(s) <> ''),
       nps_summary(s) = (SELECT nps_summary(s) FROM csv WHERE trim(s) <> ''),
       nps_state(s, w) = (SELECT nps_state(s, w) FROM csv WHERE trim(s) <> ''),
       nps_rows_of(nps_state(s)), printf('%.10f', nps(s)), printf('%.10f', nps(s, w))
FROM csv;

-- 6. nps_summary is JSON (subtype), so json_object() and json_array() embed it
-- as an object, not a string.  (9, 3): n 2, nps 0, stderr 100 sqrt(1/2) =
-- 70.7106781187, moe 138.5903824350; adjusted: n' 5, p' = d' = 1.75/5, so the
-- interval is -/+ 100 z sqrt(0.7 / 5) = -/+ 73.3351372057.
SELECT json_type(j, '$.s'), json_extract(j, '$.s.n'), json_extract(j, '$.s.nps'), json_extract(j, '$.s.scores'),
       printf('%.10f', json_extract(j, '$.s.stderr')), printf('%.10f', json_extract(j, '$.s.moe95')),
       printf('%.10f', json_extract(j, '$.s.ci95_lower')), printf('%.10f', json_extract(j, '$.s.ci95_upper')),
       substr(j, 1, 6)
FROM (SELECT json_object('s', nps_summary(s)) AS j FROM (SELECT 9 AS s UNION ALL SELECT 3));
SELECT json_type(json_array(nps_summary(s)), '$[0]'), json_type(json_object('s', nps_summary_of(nps_state(s))), '$.s'),
       json_type(json_object('s', nps_summary(s, 2)), '$.s'), json_type(json_object('s', nps_summary(s)), '$.s')
FROM (SELECT 9 AS s UNION ALL SELECT 3);
-- Weighted: "weighted":true and Kish's "effective_n" after "detractors".
-- (9, 2), (3, 0.5), (7, 1): W 3.5, effective n 12.25 / 5.25 = 2.3333333333,
-- NPS 1.5 / 3.5 = 42.8571428571, stderr 100 sqrt((2.5/3.5 - (1.5/3.5)^2) / (7/3))
-- = 47.6870263084.
SELECT (SELECT group_concat(key, ',') FROM json_each(j)), json_extract(j, '$.weighted'),
       printf('%.10f', json_extract(j, '$.effective_n')), printf('%.10f', json_extract(j, '$.nps')),
       printf('%.10f', json_extract(j, '$.stderr')), json_extract(j, '$.n'), json_extract(j, '$.scores')
FROM (SELECT json_object('w', nps_summary(s, w)) -> '$.w' AS j
      FROM (SELECT 9 AS s, 2.0 AS w UNION ALL SELECT 3, 0.5 UNION ALL SELECT 7, 1));
SELECT nps_summary(s, w) = nps_summary_of(nps_state(s, w))
FROM (SELECT 9 AS s, 2.0 AS w UNION ALL SELECT 3, 0.5 UNION ALL SELECT 7, 1);

-- 7. States read one row at a time.  Month over month with lag(): the p-value of
-- each month against the one before (NULL for the first).  Counts (D, Pa, P):
-- 2024-01 (2, 1, 3), 2024-02 (4, 1, 1), 2024-03 (1, 1, 6), 2024-04 (1, 1, 6);
-- NPS 16.67, -50, 62.5, 62.5; z = (a - b) / sqrt(se_a^2 + se_b^2), two-sided:
-- p = 0.1658566603, 0.0046212299, and 1 for two equal months.
CREATE TABLE mon(m TEXT, score INTEGER);
INSERT INTO mon VALUES ('2024-01', 9), ('2024-01', 10), ('2024-01', 3), ('2024-01', 7), ('2024-01', 9), ('2024-01', 0),
                       ('2024-02', 2), ('2024-02', 5), ('2024-02', 8), ('2024-02', 9), ('2024-02', 6), ('2024-02', 1),
                       ('2024-03', 9), ('2024-03', 9), ('2024-03', 10), ('2024-03', 10), ('2024-03', 9), ('2024-03', 10),
                       ('2024-03', 7), ('2024-03', 4),
                       ('2024-04', 10), ('2024-04', 9), ('2024-04', 9), ('2024-04', 10), ('2024-04', 10), ('2024-04', 9),
                       ('2024-04', 8), ('2024-04', 0);
SELECT m, printf('%.10f', nps_of(st)), quote(round(nps_pvalue(lag(st) OVER (ORDER BY m), st), 10))
FROM (SELECT m, nps_state(score) AS st FROM mon GROUP BY m) ORDER BY m;
-- The _of scalars give what the aggregates give.
SELECT nps_of(st) = v, promoter_share_of(st) = pro, passive_share_of(st) = pas, detractor_share_of(st) = det,
       nps_stderr_of(st) = se, nps_moe_of(st) = moe, nps_ci_lower_of(st) = lo, nps_ci_upper_of(st) = hi,
       nps_summary_of(st) = j, nps_rows_of(st) = n
FROM (SELECT nps_state(score) AS st, nps(score) AS v, promoter_share(score) AS pro, passive_share(score) AS pas,
             detractor_share(score) AS det, nps_stderr(score) AS se, nps_moe(score) AS moe, nps_ci_lower(score) AS lo,
             nps_ci_upper(score) AS hi, nps_summary(score) AS j, count(score) AS n FROM mon);
SELECT quote(nps_of(NULL)), quote(nps_stderr_of(NULL)), quote(nps_rows_of(NULL)), quote(nps_summary_of(NULL)),
       quote(nps_of(nps_state(NULL))), quote(nps_rows_of(nps_state(NULL)));

-- An upsert into a rollup table: each batch of rows merged into the day's state
-- in place (NULL + s = s on the first insert) gives the state of the raw rows.
CREATE TABLE raw AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 300)
SELECT i, date('2024-05-01', '+' || (i % 7) || ' days') AS day, (i * i * 5 + i) % 11 AS score,
       0.5 + (i % 5) * 0.375 AS w FROM k;
CREATE TABLE rollup(day TEXT PRIMARY KEY, st BLOB, wst BLOB);
INSERT INTO rollup(day, st, wst) SELECT day, nps_state(score), nps_state(score, w) FROM raw WHERE i % 3 = 0 GROUP BY day
  ON CONFLICT(day) DO UPDATE SET st = nps_state_merge(st, excluded.st), wst = nps_state_merge(wst, excluded.wst);
INSERT INTO rollup(day, st, wst) SELECT day, nps_state(score), nps_state(score, w) FROM raw WHERE i % 3 = 1 GROUP BY day
  ON CONFLICT(day) DO UPDATE SET st = nps_state_merge(st, excluded.st), wst = nps_state_merge(wst, excluded.wst);
INSERT INTO rollup(day, st, wst) SELECT day, nps_state(score), nps_state(score, w) FROM raw WHERE i % 3 = 2 GROUP BY day
  ON CONFLICT(day) DO UPDATE SET st = nps_state_merge(st, excluded.st), wst = nps_state_merge(wst, excluded.wst);
SELECT count(*), sum(r.st = x.st), sum(r.wst = x.wst), sum(nps_of(r.st) = x.v), sum(abs(nps_of(r.wst) - x.wv) < 1e-12)
FROM rollup AS r JOIN (SELECT day, nps_state(score) AS st, nps_state(score, w) AS wst, nps(score) AS v, nps(score, w) AS wv
                       FROM raw GROUP BY day) AS x USING (day);
SELECT nps(st) = (SELECT nps(score) FROM raw), nps_summary(st) = (SELECT nps_summary(score) FROM raw),
       nps_state(wst) = (SELECT nps_state(score, w) FROM raw)
FROM rollup;

-- nps_state_merge(): NULL + s = s, s + NULL = s, NULL + NULL = NULL; a merge is
-- the state of both sets of rows; anything that is not a state is an error
-- naming the argument.
SELECT nps_state_merge(NULL, nps_state(9)) = nps_state(9), nps_state_merge(nps_state(9, 2), NULL) = nps_state(9, 2),
       quote(nps_state_merge(NULL, NULL)),
       nps_state_merge(nps_state(9), nps_state(3, 0.5)) = (SELECT nps_state(s) FROM (SELECT 9 AS s UNION ALL SELECT nps_state(3, 0.5)));
SELECT nps_state_merge(nps_state(9), 9);
SELECT nps_state_merge('abc', nps_state(9));
SELECT nps_state_merge(nps_state(9), x'6e7073');

-- nps_rows_of(): the rows a state holds.  NULL scores and NULL weights are not
-- held; a weight of 0 is a row that weighs nothing, still held.
SELECT nps_rows_of(nps_state(s)), nps_rows_of(nps_state(s, w)), typeof(nps_rows_of(nps_state(s)))
FROM (SELECT 9 AS s, 1 AS w UNION ALL SELECT NULL, 1 UNION ALL SELECT 3, NULL UNION ALL SELECT 7, 0 UNION ALL SELECT '', 1);

-- 8. Confidence of the _of scalars: 0 < c < 1; 0, 1, text that is not a number
-- are errors.  SQLite makes 0.0 / 0.0 (NaN) a NULL, so that is a NULL result.
SELECT nps_moe_of(nps_state(9), 0);
SELECT nps_ci_lower_of(nps_state(9), 1);
SELECT nps_ci_upper_of(nps_state(9), 'abc');
SELECT quote(nps_moe_of(nps_state(9), 0.0 / 0.0));

-- 9. Row limit (R10): a state holding 2^62 rows takes no more, whichever way the
-- row comes.  scores=0,0,0,0,0,0,0,0,0,2^62,0
CREATE TABLE lim(st BLOB);
INSERT INTO lim VALUES (x'6e7073020000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000000000000b1a9ce8a');
SELECT nps_rows_of(st), nps_of(st) FROM lim;
SELECT nps(v) FROM (SELECT st AS v FROM lim UNION ALL SELECT 9);
SELECT nps(v) FROM (SELECT st AS v FROM lim UNION ALL SELECT nps_state(9, 2));
SELECT nps_state(v) FROM (SELECT st AS v FROM lim UNION ALL SELECT 3);
SELECT nps_state_merge(st, nps_state(10)) FROM lim;

-- 10. A state that decodes is consistent (R11): blobs with a correct checksum
-- whose contents could come from no rows are refused by every reader.
-- Two promoters whose weights sum to 4 with squares summing to 2 (Kish n 8 from
-- 2 rows): scores=0,0,0,0,0,0,0,0,0,2,0 weighted=0,0,2 wsum=0,0,4 wsq=0,0,2
SELECT nps_moe_of(x'6e7073020100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000ebdcb1f4', 0.9);
SELECT nps_summary_of(x'6e7073020100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000ebdcb1f4');
SELECT nps_state_merge(nps_state(9), x'6e7073020100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000ebdcb1f4');
-- 2^62 rows and one more, split over two scores: scores=0,0,0,0,0,0,0,0,0,2^62,1
SELECT nps_rows_of(x'6e70730200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004001000000000000002fa96446');
-- A weighted detractor count without any detractor row:
-- scores=0,0,0,0,0,0,0,0,0,1,0 weighted=1,0,1 wsum=1,0,1 wsq=1,0,1
SELECT nps_of(x'6e70730201000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000100000000000000000000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000008b21e105');
-- The same with the detractor row present is read: (1 - 1) / 2 = 0.
-- scores=0,0,0,1,0,0,0,0,0,1,0 weighted=1,0,1 wsum=1,0,1 wsq=1,0,1
SELECT nps_of(x'6e70730201000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000100000000000000000000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000006162f2d6'),
       nps_rows_of(x'6e70730201000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000100000000000000000000000000000001000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000006162f2d6');
