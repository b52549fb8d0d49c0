-- Window frames.  DuckDB computes a frame from a segment tree of partial
-- states merged by the combine callback (nps_merge), so the aggregates need
-- no inverse: any frame, sliding or not, with peers or exclusion, is the
-- merge of the states of its rows.
--
-- Ten answers a day apart two by two: ids 1..10, days 1 1 2 2 3 3 4 4 5 5,
-- scores 10 9 8 6 NULL 3 9 7 2 10.
CREATE TABLE w AS SELECT * FROM (VALUES (1, 1, 10), (2, 1, 9), (3, 2, 8), (4, 2, 6), (5, 3, NULL), (6, 3, 3),
                                        (7, 4, 9), (8, 4, 7), (9, 5, 2), (10, 5, 10)) v(id, day, score);
-- The current row and the two before (by hand: 100, 100, 2/1/0 of 3 =
-- 66.666666667, 0, -50 (8, 6), -100 (6, 3), 0, 0, 0, 0), with the rows each
-- frame holds.
SELECT id, round(nps(score) OVER f, 9), nps_rows_of(nps_state(score) OVER f) FROM w
WINDOW f AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY id;
-- The neighbours, the current row excluded: 9; 10, 8; 9, 6; 8; 6, 3; 9;
-- 3, 7; 9, 2; 7, 10; 2: 100, 50, 0, 0, -100, 100, -50, 0, 50, -100.
SELECT id, nps(score) OVER f FROM w
WINDOW f AS (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW) ORDER BY id;
-- RANGE over days, peers included: day 1 (10, 9) 100; day 2 (10, 9, 8, 6)
-- 25; day 3 (8, 6, 3) -66.666666667; day 4 (3, 9, 7) 0; day 5 (9, 7, 2, 10) 25.
SELECT DISTINCT day, round(nps(score) OVER f, 9) FROM w
WINDOW f AS (ORDER BY day RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY day;
-- Growing (the whole history): the last row is all 9 answers, 4/2/3 = 11.111111111.
SELECT id, round(nps(score) OVER (ORDER BY id), 9) FROM w ORDER BY id;
-- Partitioned: odd and even ids apart.  Odd: 10, 8, NULL, 9, 2 (2/1/1 of 4
-- = 25 at the end); even: 9, 6, 3, 7, 10 (2/1/2 of 5 = 0).
SELECT id, nps(score) OVER (PARTITION BY id % 2 ORDER BY id) AS x FROM w QUALIFY id >= 9 ORDER BY id;
-- Over 5,000 rows with a 90-row sliding frame, weighted too: every frame's
-- state is byte for byte the state of its rows aggregated directly (a
-- self-join), and so every result; 0 rows differ.
CREATE TABLE many AS SELECT range AS id, (range * 7) % 11 AS score, (range % 5) * 0.25 AS wt FROM range(5000);
CREATE TABLE slid AS SELECT id, nps_state(score) OVER f AS st, nps_state(score, wt) OVER f AS wst,
       nps(score, wt) OVER f AS x FROM many WINDOW f AS (ORDER BY id ROWS BETWEEN 89 PRECEDING AND CURRENT ROW);
CREATE TABLE direct AS SELECT a.id, nps_state(b.score) AS st, nps_state(b.score, b.wt) AS wst, nps(b.score, b.wt) AS x
FROM many a JOIN many b ON b.id BETWEEN a.id - 89 AND a.id GROUP BY a.id;
SELECT count(*), count(*) FILTER (WHERE s.st <> d.st OR s.wst <> d.wst OR s.x <> d.x)
FROM slid s JOIN direct d USING (id);
-- Weights 1e-10, 1 and 1e30 in one sliding frame: their squares span more
-- than the 320 bits of an exact sum, which then drops bits and could not
-- take a row out again (SQLite refuses to slide such a frame, PostgreSQL
-- recomputes it).  DuckDB never takes a row out: every frame's results are
-- those of its rows aggregated directly, within 1e-12 relative (the
-- states' bytes may differ: which bits are dropped depends on the order of
-- merging); 0 of 300 frames differ.
CREATE TABLE wide AS SELECT range AS id, (range * 3) % 11 AS score,
       CASE range % 3 WHEN 0 THEN 1e-10 WHEN 1 THEN 1e30 ELSE 1 END::DOUBLE AS wt FROM range(300);
CREATE TABLE wslid AS SELECT id, nps_state(score, wt) OVER (ORDER BY id ROWS 20 PRECEDING) AS st FROM wide;
CREATE TABLE wdirect AS SELECT a.id, nps_state(b.score, b.wt) AS st FROM wide a JOIN wide b ON b.id BETWEEN a.id - 20 AND a.id
GROUP BY a.id;
CREATE MACRO apart(a, b) AS abs(a - b) > 1e-12 * greatest(abs(a), abs(b), 1e-300);
SELECT count(*), count(*) FILTER (WHERE apart(nps_of(s.st), nps_of(d.st)) OR apart(nps_stderr_of(s.st), nps_stderr_of(d.st))
                                   OR apart(nps_ci_lower_of(s.st), nps_ci_lower_of(d.st))
                                   OR apart(nps_ci_upper_of(s.st), nps_ci_upper_of(d.st)))
FROM wslid s JOIN wdirect d USING (id);
