-- Many segments: Benjamini-Hochberg q-values over the p-values of each
-- segment against the rest (the README's section "Many segments").
--
-- 1. The window recipe on p-values fixed by hand.  Sorted: 0.005 (i = 1),
-- 0.01, 0.03, 0.04, 0.2 (i = 5), m = 5; p * m / i = 0.025, 0.025, 0.05,
-- 0.05, 0.2; the minimum from each rank upwards gives q = 0.025, 0.025,
-- 0.05, 0.05, 0.2.  Capped at 1: p = 0.9 and 0.95 (m = 2) give 1.8 -> 1 and
-- 0.95, then the minimum upwards: q = 0.95 for both.
.mode list
CREATE TABLE fixed (name TEXT, p REAL);
INSERT INTO fixed VALUES ('a', 0.04), ('b', 0.005), ('c', 0.2), ('d', 0.01), ('e', 0.03);
WITH ranked AS (SELECT name, p, row_number() OVER (ORDER BY p) AS i, count(*) OVER () AS m FROM fixed)
SELECT name, p, round(min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                          OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING), 6) AS q
FROM ranked ORDER BY i;
WITH fixed2(name, p) AS (VALUES ('x', 0.9), ('y', 0.95)),
     ranked AS (SELECT name, p, row_number() OVER (ORDER BY p) AS i, count(*) OVER () AS m FROM fixed2)
SELECT name, p, min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                    OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING) AS q
FROM ranked ORDER BY i;

-- 2. The README's example, verbatim.  Six regions of 60 answers (10s, 8s
-- and 3s); each against the other 300.  Computed independently from the
-- formula (z = (nps_a - nps_b) / sqrt(Va/na + Vb/nb), V = p + d - (p - d)^2,
-- two-sided p = erfc(|z| / sqrt 2)): West -16.7 vs 26.3, p 0.0001, q 0.0008;
-- East 38.3 vs 15.3, p 0.0327, q 0.0980; North p 0.1110, q 0.2221;
-- Central 0.4120 / 0.6179; South 0.5197 / 0.6236; Online 0.9288 / 0.9288.
.mode box
CREATE TABLE regions (region TEXT, score INTEGER);
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
SELECT region, round(nps, 1) AS nps, round(p, 4) AS p,
       round(min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                 OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING), 4) AS q
FROM ranked ORDER BY i;
