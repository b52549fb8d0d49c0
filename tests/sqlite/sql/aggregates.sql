-- nps(), promoter_share(), passive_share(), detractor_share(): categories,
-- never-rounded results, NULL rules, empty input, GROUP BY, FILTER, and the
-- score types SQLite may hold (INTEGER, REAL, TEXT from CSV imports).
-- Rules R1..R5 are stated in core/nps.h.

-- R2: 0-6 detractor, 7-8 passive, 9-10 promoter; R3: a single row gives -100, 0 or 100.
WITH RECURSIVE k(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM k WHERE s < 10)
SELECT s, nps(s), promoter_share(s), passive_share(s), detractor_share(s)
FROM k GROUP BY s ORDER BY s;

-- R3: NPS = % promoters - % detractors over 0,7,8,9,10,10: (3 - 1) / 6 = 33.33...,
-- never rounded; the shares add up to 100 and promoter - detractor share is the NPS.
WITH t(s) AS (VALUES (0), (7), (8), (9), (10), (10))
SELECT nps(s), abs(nps(s) - 100.0 * 2 / 6) < 1e-9, printf('%.10f', nps(s)),
       promoter_share(s), printf('%.10f', passive_share(s)), printf('%.10f', detractor_share(s)),
       abs(promoter_share(s) + passive_share(s) + detractor_share(s) - 100) < 1e-9,
       abs(promoter_share(s) - detractor_share(s) - nps(s)) < 1e-9
FROM t;
WITH t(s) AS (VALUES (9), (8), (7), (6), (5), (4), (10))
SELECT nps(s), printf('%.10f', nps(s)), abs(nps(s) - 100.0 * (2 - 3) / 7) < 1e-9 FROM t;

-- R4: NULL scores are skipped, as avg() skips them: the denominator is the valid rows.
-- 9, NULL, 3, NULL, 10 -> (2 - 1) / 3, not / 5.
WITH t(s) AS (VALUES (9), (NULL), (3), (NULL), (10))
SELECT count(s), printf('%.10f', nps(s)), printf('%.10f', promoter_share(s)), passive_share(s)
FROM t;

-- R5: over no rows, or only NULL scores, every aggregate returns NULL (never 0).
SELECT count(*),
       nps(s) IS NULL,
       promoter_share(s) IS NULL,
       passive_share(s) IS NULL,
       detractor_share(s) IS NULL,
       nps_stderr(s) IS NULL,
       nps_moe(s) IS NULL,
       nps_ci_lower(s) IS NULL,
       nps_ci_upper(s) IS NULL,
       nps_state(s) IS NULL,
       nps_summary(s) IS NULL,
       nps(s, 1) IS NULL,
       promoter_share(s, 1) IS NULL,
       passive_share(s, 1) IS NULL,
       detractor_share(s, 1) IS NULL,
       nps_stderr(s, 1) IS NULL,
       nps_moe(s, 0.9) IS NULL,
       nps_ci_lower(s, 0.9) IS NULL,
       nps_ci_upper(s, 0.9) IS NULL,
       nps_state(s, 1) IS NULL
FROM (SELECT 9 AS s) WHERE 0;
SELECT count(*),
       nps(s) IS NULL,
       promoter_share(s) IS NULL,
       passive_share(s) IS NULL,
       detractor_share(s) IS NULL,
       nps_stderr(s) IS NULL,
       nps_moe(s) IS NULL,
       nps_ci_lower(s) IS NULL,
       nps_ci_upper(s) IS NULL,
       nps_state(s) IS NULL,
       nps_summary(s) IS NULL,
       nps(s, 1) IS NULL,
       promoter_share(s, 1) IS NULL,
       passive_share(s, 1) IS NULL,
       detractor_share(s, 1) IS NULL,
       nps_stderr(s, 1) IS NULL,
       nps_moe(s, 0.9) IS NULL,
       nps_ci_lower(s, 0.9) IS NULL,
       nps_ci_upper(s, 0.9) IS NULL,
       nps_state(s, 1) IS NULL
FROM (SELECT NULL AS s UNION ALL SELECT NULL);
SELECT quote(nps(s)), quote(nps_state(s)), quote(nps_summary(s)) FROM (SELECT NULL AS s);

-- GROUP BY: one result per group; group c has only NULL scores and gets NULL.
CREATE TABLE t(g TEXT, s);
INSERT INTO t VALUES ('a', 10), ('a', 9), ('a', 7), ('a', 3), ('a', NULL),
                     ('b', 0), ('b', 6), ('b', 8), ('b', 8),
                     ('c', NULL), ('c', NULL), ('d', 9);
SELECT g, nps(s), promoter_share(s), passive_share(s), detractor_share(s), count(s)
FROM t GROUP BY g ORDER BY g;

-- FILTER (WHERE ...) restricts the rows of one aggregate only.
SELECT nps(s) FILTER (WHERE g IN ('a', 'b')), nps(s) FILTER (WHERE g = 'c'),
       nps(s) FILTER (WHERE s >= 7), detractor_share(s) FILTER (WHERE g = 'b'), nps(s)
FROM t;
SELECT g, nps(s) FILTER (WHERE s <> 3) FROM t GROUP BY g ORDER BY g;

-- R1: scores as SQLite may store them.  TEXT (CSV imports) holding a whole number,
-- with blanks, a sign or a fraction of zeros; REAL holding a whole number.
WITH t(s) AS (VALUES ('7'), (' 9 '), ('7.0'), ('+10'), ('-0'), (char(9) || '3' || char(10)), ('10.000'), ('08'))
SELECT count(s), promoter_share(s), passive_share(s), detractor_share(s), nps(s) FROM t;
WITH t(s) AS (VALUES (9.0), (0.0), (10.0), (-0.0), (7.0), (6.0))
SELECT count(s), nps(s), promoter_share(s), detractor_share(s) FROM t;

-- One column may mix INTEGER, REAL and TEXT scores: 9, 9.0, '9', 3 -> (3 - 1) / 4.
SELECT nps(s), typeof(s) FROM (SELECT 9 AS s UNION ALL SELECT 9.0 UNION ALL SELECT '9' UNION ALL SELECT 3) GROUP BY typeof(s) ORDER BY 2;
SELECT nps(s) FROM (SELECT 9 AS s UNION ALL SELECT 9.0 UNION ALL SELECT '9' UNION ALL SELECT 3);

-- 10,000 integer rows, score = i % 11 for i = 1..10000: 1818 promoters, 6364 detractors
-- (counted outside SQLite), and the same with count arithmetic in SQL.
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 10000)
SELECT printf('%.10f', nps(i % 11)),
       abs(nps(i % 11) - 100.0 * (1818 - 6364) / 10000) < 1e-9,
       abs(nps(i % 11) - 100.0 * (sum(i % 11 >= 9) - sum(i % 11 <= 6)) / count(*)) < 1e-9
FROM k;
