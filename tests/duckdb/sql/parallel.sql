-- DuckDB's threads: each aggregates part of the rows into states of its own,
-- merged by the combine callback (nps_merge, exact and order-independent),
-- so the result is the same with any number of threads, to the byte.
--
-- 1,100,000 rows, id 0.., score id % 11: each score exactly 100,000 times,
-- so 2 promoter scores and 7 detractor scores of 11: NPS = -500/11 =
-- -45.454545455; weight (id % 4) / 2.  Grouped by id % 1000: as 1000 is
-- 10 mod 11, each group's 1,100 ids run through every score 100 times, so
-- every one of the 1000 groups has the same NPS.
SET threads = 2;
CREATE TABLE big AS SELECT range AS id, range % 11 AS score, (range % 4) / 2 AS wt, range % 1000 AS g FROM range(1100000);
SELECT round(nps(score), 9), nps_rows_of(nps_state(score)), nps_summary(score)->'scores' FROM big;
SELECT count(*), round(min(x), 9), round(max(x), 9) FROM (SELECT g, nps(score) AS x FROM big GROUP BY g);
CREATE TABLE two AS SELECT g, nps_state(score) AS st, nps_state(score, wt) AS wst FROM big GROUP BY g;
CREATE TABLE all2 AS SELECT nps_state(score) AS st, nps_state(score, wt) AS wst FROM big;
SET threads = 1;
CREATE TABLE one AS SELECT g, nps_state(score) AS st, nps_state(score, wt) AS wst FROM big GROUP BY g;
CREATE TABLE all1 AS SELECT nps_state(score) AS st, nps_state(score, wt) AS wst FROM big;
-- Serial and parallel states: 1000 groups, none differs; the whole the same.
SELECT count(*), count(*) FILTER (WHERE one.st <> two.st OR one.wst <> two.wst) FROM one JOIN two USING (g);
SELECT all1.st = all2.st, all1.wst = all2.wst FROM all1, all2;
-- An error in one thread's rows stops the query with the core's message.
SET threads = 2;
SELECT nps(CASE WHEN id = 1099999 THEN 11 ELSE score END) FROM big;
