-- CSAT and CES in DuckDB (S1-S7): the same reading of scores of any type,
-- the same states and errors as NPS's.  Five answers 5, 4, 3, 5, 1 and a
-- NULL, weighing 1, 2, 1, 0.5, 0.5, 1.
CREATE TABLE a AS SELECT * FROM (VALUES (1, 5, 1.0), (2, 4, 2.0), (3, 3, 1.0), (4, 5, 0.5), (5, 1, 0.5), (6, NULL, 1.0))
v(id, s, w);
-- CSAT (1..5, satisfied 4-5): 3 of 5 = 60; Wilson at 95%, z = 1.959963985:
-- half-width 32.582747225, 23.072428128 .. 88.237922577.  Weighted:
-- (1 + 2 + 0.5) / 5 = 70.
SELECT csat(s), round(csat_moe(s), 9), round(csat_ci_lower(s), 9), round(csat_ci_upper(s), 9), csat(s, w),
       csat_rows_of(csat_state(s)) FROM a;
-- CES (1..7): the mean 18 / 5 = 3.6, 5-7 easy: 2 of 5 = 40; t with 4
-- degrees of freedom (2.776445105) x sqrt(11.2 / 4 / 5) = 2.077701267.
-- Weighted mean: (5 + 8 + 3 + 2.5 + 0.5) / 5 = 3.8.
SELECT ces(s), ces_easy_share(s), round(ces_moe(s), 9), round(ces_ci_lower(s), 9), round(ces(s, w), 9) FROM a;
-- Scores of other types: DECIMAL, DOUBLE, text with a blank (skipped).
SELECT csat(s::DECIMAL(3, 1)), ces(s::DOUBLE), csat(x), ces(x)
FROM a, (VALUES ('5'), ('  '), ('4.0')) t(x) WHERE id = 1;
-- JSON summaries, read with ->>.
SELECT typeof(csat_summary(s)), csat_summary(s)->>'n', csat_summary(s)->'scores', ces_summary(s)->>'easy_share' FROM a;
-- A rollup of states merged again (odd ids 5, 3, 1; even 4, 5), the _of
-- scalars (Wilson at 90%, z = 1.644853627: 28.74846955 for 2 of 2,
-- 33.410020269 for 1 of 3), and a window.
CREATE TABLE r AS SELECT id % 2 AS half, csat_state(s) AS cs, ces_state(s, w) AS es FROM a GROUP BY half;
SELECT csat(cs), round(ces(es), 9), csat_rows_of(csat_state(cs)), ces_rows_of(ces_state(es)) FROM r;
SELECT half, csat_of(cs), round(csat_moe_of(cs, 0.9), 9), ces_rows_of(es) FROM r ORDER BY half;
SELECT csat_rows_of(csat_state_merge(NULL, csat_state(4))), csat_state_merge(NULL, NULL) IS NULL;
-- Two rows back and the current one: 5 | 5, 4 | 5, 4, 3 | 4, 3, 5 | 3, 5, 1 | 5, 1.
SELECT id, round(csat(s) OVER f, 9), round(ces(s) OVER f, 9) FROM a WINDOW f AS (ORDER BY id ROWS 2 PRECEDING) ORDER BY id;

-- Errors: each names the function and the value; a state of another
-- measure names what it is.
SELECT csat(6);
SELECT csat(0::UTINYINT);
SELECT ces(8);
SELECT ces(8.5);
SELECT ces('easy');
SELECT csat(5, -1);
SELECT csat(st, 1) FROM (SELECT csat_state(5) AS st);
SELECT csat_of(nps_state(9));
SELECT ces_of(st) FROM (SELECT csat_state(5) AS st);
SELECT nps(st) FROM (SELECT ces_state(5) AS st);
SELECT csat_moe_of(csat_state(5), 1);
SELECT csat_of(unhex('0102'));
SELECT csat_state_merge(csat_state(5), 'x');
