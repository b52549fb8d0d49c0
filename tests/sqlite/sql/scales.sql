-- CSAT and CES beside NPS (S1-S7 of core/nps_scale.h).  Expected numbers come
-- from the formulas worked outside the code (30-digit arithmetic), written in
-- the comments; printf('%.9f') keeps them readable.

-- The issue's CSAT example: counts (2, 3, 5, 20, 30) of 1..5: 50 of 60 satisfied,
-- 83.333333333%; 95% Wilson interval 71.968386836 .. 90.686823021, half-width
-- 9.359218092.
CREATE TABLE csat_answers AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 60)
SELECT i AS id, CASE WHEN i <= 2 THEN 1 WHEN i <= 5 THEN 2 WHEN i <= 10 THEN 3
                     WHEN i <= 30 THEN 4 ELSE 5 END AS score,
       CASE WHEN i % 2 = 0 THEN 'web' ELSE 'phone' END AS channel
FROM k;
SELECT printf('%.9f', csat(score)), printf('%.9f', csat_ci_lower(score)),
       printf('%.9f', csat_ci_upper(score)), printf('%.9f', csat_moe(score))
FROM csat_answers;

-- The issue's CES example: counts (1, 1, 2, 4, 8, 10, 4) of 1..7, n = 30: mean
-- 5.1, sample sd sqrt(62.7 / 29) = 1.4704; t(29) = 2.045229642, margin
-- 0.549055470; easy (5-7) 22 of 30 = 73.333333333%.
CREATE TABLE ces_answers AS
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 30)
SELECT i AS id, CASE WHEN i <= 1 THEN 1 WHEN i <= 2 THEN 2 WHEN i <= 4 THEN 3 WHEN i <= 8 THEN 4
                     WHEN i <= 16 THEN 5 WHEN i <= 26 THEN 6 ELSE 7 END AS score
FROM k;
SELECT printf('%.9f', ces(score)), printf('%.9f', ces_easy_share(score)),
       printf('%.9f', ces_moe(score)), printf('%.9f', ces_ci_lower(score)),
       printf('%.9f', ces_ci_upper(score))
FROM ces_answers;

-- The JSON summaries, marked as JSON for json_extract and json_object.
SELECT csat_summary(score) FROM csat_answers;
SELECT ces_summary(score) FROM ces_answers;
SELECT json_object('ces', ces_summary(score)) FROM ces_answers WHERE id = 1;

-- NULL rules (R4, R5): NULLs and blank text are skipped; no valid rows give NULL.
SELECT quote(csat(NULL)), quote(ces('')), quote(csat_moe(s)), quote(ces_state(s)),
       quote(ces_moe(s)), quote(csat_summary(s))
FROM (SELECT NULL AS s UNION ALL SELECT '  ');
SELECT csat(s), ces_rows_of(ces_state(s))
FROM (SELECT NULL AS s UNION ALL SELECT '' UNION ALL SELECT '5' UNION ALL SELECT 4.0);
-- CES of one answer: the mean, but no margin (no spread to measure): NULL.
SELECT ces(6), quote(ces_moe(6)), quote(ces_ci_lower(6));
-- Answers that all agree: margin 0.
SELECT ces(s), ces_moe(s), ces_ci_lower(s), ces_ci_upper(s)
FROM (SELECT 6 AS s UNION ALL SELECT 6 UNION ALL SELECT 6);
-- Wilson at 100%: 10 of 10 satisfied, 100 * 10 / (10 + z^2) = 72.246720014 .. 100.
SELECT csat(s), printf('%.9f', csat_ci_lower(s)), csat_ci_upper(s)
FROM (SELECT 5 AS s FROM csat_answers LIMIT 10);

-- Bad input (S1): off the scale, fractions, text, a blob that is no state.
SELECT csat(0);
SELECT csat(6);
SELECT csat(11);
SELECT ces(0);
SELECT ces(8);
SELECT ces(-1);
SELECT csat(4.5);
SELECT ces(6.5);
SELECT csat('6');
SELECT ces('8');
SELECT ces('easy');
SELECT csat('4.5');
SELECT csat(x'00');
SELECT ces_of('abc');
SELECT csat(5, -1);
SELECT ces(5, 'heavy');
-- One bad row fails the query; it is never counted or dropped.
SELECT csat(score) FROM (SELECT 5 AS score UNION ALL SELECT 4 UNION ALL SELECT 6);
-- A confidence outside (0, 1).
SELECT csat_moe_of(csat_state(5), 1);
SELECT ces_ci_lower_of(ces_state(5), 0);

-- A state of another measure is an error that names it (S6), in every direction.
SELECT csat(st) FROM (SELECT nps_state(9) AS st);
SELECT ces(st) FROM (SELECT csat_state(4) AS st);
SELECT csat_of(st) FROM (SELECT ces_state(4) AS st);
SELECT nps(st) FROM (SELECT csat_state(4) AS st);
SELECT nps_of(st) FROM (SELECT ces_state(4) AS st);
SELECT nps_change(st) FROM (SELECT ces_state(4) AS st);
SELECT csat_of(st) FROM (SELECT nps_pair_state(9, 10) AS st);
SELECT ces(st, 2) FROM (SELECT ces_state(4) AS st);
SELECT csat_state_merge(csat_state(4), ces_state(4));

-- States: a rollup by channel merges back to the whole; _of gives the
-- aggregate's number for one state, at another confidence too.
CREATE TABLE csat_daily AS SELECT channel, csat_state(score) AS st FROM csat_answers GROUP BY channel;
SELECT channel, csat_rows_of(st), printf('%.9f', csat_of(st)) FROM csat_daily ORDER BY channel;
SELECT printf('%.9f', csat(st)), printf('%.9f', csat_ci_lower(st)), csat_rows_of(csat_state(st))
FROM csat_daily;
SELECT printf('%.9f', csat_moe_of(csat_state(score), 0.9)),
       printf('%.9f', csat_moe_of(csat_state(score)))
FROM csat_answers;
SELECT printf('%.9f', ces_ci_upper_of(ces_state(score), 0.99)) FROM ces_answers;
-- merge: NULL + s = s, and merging in either order gives the same bytes
SELECT csat_rows_of(csat_state_merge(NULL, st)), quote(csat_state_merge(NULL, NULL))
FROM csat_daily WHERE channel = 'web';
SELECT a.st IS NOT NULL, csat_state_merge(a.st, b.st) = csat_state_merge(b.st, a.st)
FROM csat_daily a, csat_daily b WHERE a.channel = 'phone' AND b.channel = 'web';
-- The binary form: "cst", version 1, flags 0, five counts, CRC-32 (S6).
SELECT hex(csat_state(5)), length(csat_state(5)), length(ces_state(5)),
       length(csat_state(5, 2)), length(ces_state(5, 2));

-- Weighted (S3, S4), by hand.  CSAT: 5 (w 3), 2 (w 1), 4 (w 0.5), 1 (w 0.5):
-- 70%, Wilson on Kish's n = 25 / 10.5: 19.588335980 .. 95.717321610.  CES: 2 (w 1),
-- 4 (w 1), 4 (w 2), 6 (w 2): mean 4.333333333, n = 3.6, t(2.6) = 3.478182411,
-- margin 2.964618992.
SELECT printf('%.9f', csat(s, w)), printf('%.9f', csat_ci_lower(s, w)),
       printf('%.9f', csat_ci_upper(s, w))
FROM (SELECT 5 AS s, 3 AS w UNION ALL SELECT 2, 1 UNION ALL SELECT 4, 0.5 UNION ALL SELECT 1, 0.5);
SELECT printf('%.9f', ces(s, w)), printf('%.9f', ces_moe(s, w)), ces_summary(s, w)
FROM (SELECT 2 AS s, 1 AS w UNION ALL SELECT 4, 1 UNION ALL SELECT 4, 2 UNION ALL SELECT 6, 2);
-- A NULL weight skips the row; equal weights give the unweighted numbers.
SELECT printf('%.9f', ces(score, 2.5)), printf('%.9f', ces_moe(score, 2.5)),
       printf('%.9f', ces(score, CASE WHEN id = 1 THEN NULL ELSE 1 END))
FROM ces_answers;

-- Windows: a sliding frame (xInverse) gives what recomputing each frame gives.
SELECT count(*), sum(abs(a - b) > 1e-9 OR (a IS NULL) <> (b IS NULL)) FROM (
  SELECT csat_ci_lower(score) OVER (ORDER BY id ROWS BETWEEN 4 PRECEDING AND CURRENT ROW) AS a,
         (SELECT csat_ci_lower(c2.score) FROM csat_answers c2
          WHERE c2.id BETWEEN c.id - 4 AND c.id) AS b
  FROM csat_answers c);
SELECT count(*), sum(abs(a - b) > 1e-9 OR (a IS NULL) <> (b IS NULL)) FROM (
  SELECT ces_moe(score, id % 3 + 0.5) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) AS a,
         (SELECT ces_moe(c2.score, c2.id % 3 + 0.5) FROM ces_answers c2
          WHERE c2.id BETWEEN c.id - 3 AND c.id + 1) AS b
  FROM ces_answers c);
SELECT count(*), sum(abs(a - b) > 1e-9 OR (a IS NULL) <> (b IS NULL)) FROM (
  SELECT ces(st) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS a,
         (SELECT ces(c2.score) FROM ces_answers c2 WHERE c2.id BETWEEN c.id - 2 AND c.id) AS b
  FROM (SELECT id, score, ces_state(score) AS st FROM ces_answers GROUP BY id) c);

-- The README's examples ("CSAT, CES and eNPS beside NPS"), as printed there.
CREATE TABLE ticket_csat (team TEXT, score INTEGER);
INSERT INTO ticket_csat
WITH counts(team, score, k) AS (VALUES
       ('billing', 1, 2), ('billing', 2, 3), ('billing', 3, 5), ('billing', 4, 20), ('billing', 5, 30),
       ('technical', 1, 1), ('technical', 2, 1), ('technical', 3, 2), ('technical', 4, 6), ('technical', 5, 10))
SELECT team, score FROM counts, generate_series(1, k);
SELECT team, count(score) AS n, round(csat(score), 1) AS csat,
       round(csat_ci_lower(score), 1) AS lo, round(csat_ci_upper(score), 1) AS hi
FROM ticket_csat GROUP BY team;
CREATE TABLE onboarding_ces (customer INTEGER PRIMARY KEY, score INTEGER);
INSERT INTO onboarding_ces (score)
WITH counts(score, k) AS (VALUES (1, 1), (2, 1), (3, 2), (4, 4), (5, 8), (6, 10), (7, 4))
SELECT score FROM counts, generate_series(1, k);
SELECT count(score) AS n, round(ces(score), 2) AS ces, round(ces_moe(score), 2) AS moe,
       round(ces_ci_lower(score), 2) AS lo, round(ces_ci_upper(score), 2) AS hi,
       round(ces_easy_share(score), 1) AS easy
FROM onboarding_ces;
CREATE TABLE enps_pulse (employee INTEGER PRIMARY KEY, department TEXT, score INTEGER);
INSERT INTO enps_pulse (department, score)
WITH counts(department, score, k) AS (VALUES
       ('engineering', 10, 9), ('engineering', 9, 7), ('engineering', 8, 8), ('engineering', 6, 4), ('engineering', 3, 2),
       ('sales', 10, 3), ('sales', 8, 4), ('sales', 7, 2), ('sales', 5, 3))
SELECT department, score FROM counts, generate_series(1, k);
SELECT department, count(score) AS n, round(nps(score), 1) AS enps,
       round(nps_ci_lower(score), 1) AS lo, round(nps_ci_upper(score), 1) AS hi
FROM enps_pulse GROUP BY department;
