-- Many segments: Benjamini-Hochberg q-values, as in
-- tests/sqlite/sql/segments.sql, whose comments give the values computed by
-- hand and from the formula: the README's recipe with round() of a double
-- through numeric, the only change PostgreSQL needs.
SET extra_float_digits = 0;
\pset format unaligned
CREATE TABLE fixed (name text, p float8);
INSERT INTO fixed VALUES ('a', 0.04), ('b', 0.005), ('c', 0.2), ('d', 0.01), ('e', 0.03);
WITH ranked AS (SELECT name, p, row_number() OVER (ORDER BY p) AS i, count(*) OVER () AS m FROM fixed)
SELECT name, p, round(min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                          OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING)::numeric, 6) AS q
FROM ranked ORDER BY i;
CREATE TABLE regions (region text, score integer);
WITH c(region, score, copies) AS (VALUES
    ('North', 10, 30), ('North', 8, 20), ('North', 3, 10),
    ('South', 10, 22), ('South', 8, 24), ('South', 3, 14),
    ('East', 10, 33), ('East', 8, 17), ('East', 3, 10),
    ('West', 10, 15), ('West', 8, 20), ('West', 3, 25),
    ('Central', 10, 28), ('Central', 8, 20), ('Central', 3, 12),
    ('Online', 10, 26), ('Online', 8, 20), ('Online', 3, 14))
INSERT INTO regions SELECT region, score FROM c, generate_series(1, c.copies);
WITH total AS (SELECT nps_state(score) AS st FROM regions),
     seg AS (SELECT region, nps_state(score) AS st FROM regions GROUP BY region),
     tested AS (SELECT region, nps_of(seg.st) AS nps,
                       nps_pvalue(seg.st, nps_state_unmerge(total.st, seg.st)) AS p
                FROM seg, total),
     ranked AS (SELECT region, nps, p, row_number() OVER (ORDER BY p) AS i,
                       count(*) OVER () AS m
                FROM tested)
SELECT region, round(nps::numeric, 1) AS nps, round(p::numeric, 4) AS p,
       round((min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                 OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING))::numeric, 4) AS q
FROM ranked ORDER BY i;
-- The same over a daily rollup of states: identical p and q.
CREATE TABLE region_rollup AS SELECT region, score, nps_state(score) AS st FROM regions GROUP BY region, score;
WITH total AS (SELECT nps_state(st) AS st FROM region_rollup),
     seg AS (SELECT region, nps_state(st) AS st FROM region_rollup GROUP BY region),
     tested AS (SELECT region, nps_pvalue(seg.st, nps_state_unmerge(total.st, seg.st)) AS p FROM seg, total)
SELECT region, round(p::numeric, 4) AS p FROM tested ORDER BY p;
DROP TABLE fixed, regions, region_rollup;
