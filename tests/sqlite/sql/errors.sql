-- Bad input: one bad row fails the query with a message naming the SQL function
-- and the value (R1, R6, R8); it never counts as 0 and is never dropped.  The
-- texts are those of nps_message() in the core, the same in both engines.

-- R1: scores outside 0..10, fractional, or text that is not a number.
SELECT nps(11);
SELECT nps(-1);
SELECT nps(9223372036854775807);
SELECT nps(7.5);
SELECT nps(10.5);
SELECT nps(11.0);
SELECT nps(-1e999);
SELECT nps('abc');
SELECT nps('7.5');
SELECT nps('11');
SELECT nps('-1');
SELECT nps('9 9');
SELECT nps('it''s 9');
SELECT nps('a rather long answer that someone typed into the score field');

-- R1: text that is empty or only blanks is a skipped answer (a CSV import writes
-- '' for a question left blank): NULL, not an error, and not counted.
SELECT quote(nps('')), quote(nps(' ')), quote(nps('   ')), nps(s), nps_rows_of(nps_state(s))
FROM (SELECT '' AS s UNION ALL SELECT ' ' UNION ALL SELECT '9' UNION ALL SELECT 3);

-- A blob is read as an nps_state: x'00' is none.
SELECT nps(x'00');

-- One bad row among good ones fails the query; so it does in a group.
SELECT nps(s) FROM (SELECT 9 AS s UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 3);
SELECT g, nps(s) FROM (SELECT 'a' AS g, 9 AS s UNION ALL SELECT 'a', '9,5') GROUP BY g;

-- Every aggregate names itself.
SELECT promoter_share(12);
SELECT passive_share(12);
SELECT detractor_share(12);
SELECT nps_stderr(12);
SELECT nps_moe(12);
SELECT nps_ci_lower(12);
SELECT nps_ci_upper(12);
SELECT nps_state(12);
SELECT nps_summary(12);
SELECT nps(0.5, 1);
SELECT promoter_share(0.5, 1);
SELECT passive_share(0.5, 1);
SELECT detractor_share(0.5, 1);
SELECT nps_stderr(0.5, 1);
SELECT nps_state(0.5, 1);
SELECT nps_moe('x', 0.9);
SELECT nps_ci_lower('x', 0.9);
SELECT nps_ci_upper('x', 0.9);
SELECT nps_summary('x', 0.9);

-- R6: a weight is finite and >= 0.  SQLite turns a NaN into NULL before any
-- function sees it (1e999 - 1e999 is NULL), so a NaN weight skips its row like a
-- NULL weight; the text 'NaN' is not a number.
SELECT nps(9, -1);
SELECT nps(9, -0.5);
SELECT nps(9, '-2');
SELECT nps(9, 1e999);
SELECT promoter_share(9, -1e999);
SELECT typeof(1e999 - 1e999), quote(nps(9, 1e999 - 1e999)), nps(s, w)
FROM (SELECT 9 AS s, 1e999 - 1e999 AS w UNION ALL SELECT 3, 1);
SELECT nps(9, 'NaN');
SELECT nps_stderr(9, 'heavy');
SELECT nps(9, '');
SELECT nps(9, x'01');

-- R4: a NULL weight skips the row before anything else is looked at.
SELECT quote(nps(11, NULL)), quote(nps('abc', NULL)), quote(nps(NULL, -1));

-- A weight cannot be applied to a state (a state carries its own weights).
SELECT nps(st, 1) FROM (SELECT nps_state(9) AS st);
SELECT nps_state(st, 2) FROM (SELECT nps_state(9) AS st);

-- The second argument of every aggregate is a weight, never a confidence: the
-- margin and the interval are weighted like nps(score, weight).
SELECT nps_moe(9, -0.95);
SELECT nps_ci_lower(9, 'high');
SELECT nps_ci_upper(9, 1e999);

-- R8: another confidence goes through a state and an _of scalar; it is strictly
-- between 0 and 1, and anything else is an error naming it.
SELECT nps_moe_of(nps_state(9), 0);
SELECT nps_moe_of(nps_state(9), 1);
SELECT nps_moe_of(nps_state(9), 1.5);
SELECT nps_ci_lower_of(nps_state(9), -0.95);
SELECT nps_ci_upper_of(nps_state(9), 95);
SELECT nps_moe_of(nps_state(9), 'high');
SELECT nps_moe_of(nps_state(9), 'NaN');
SELECT nps_ci_lower_of(nps_state(9), 1e999);
SELECT nps_ci_upper_of(nps_state(9), x'01');

-- R4: a NULL confidence or state gives NULL, as a strict function in PostgreSQL
-- does.  SQLite turns a NaN into NULL before any function sees it (0.0 / 0.0 is
-- NULL), so there a NaN confidence is a NULL one.
SELECT quote(nps_moe_of(nps_state(9), NULL)), quote(nps_moe_of(NULL, 0.9)),
       quote(nps_ci_lower_of(nps_state(9), 0.0 / 0.0)), quote(nps_ci_upper_of(NULL, NULL));

-- Different confidences in different groups: (9, 3) has p = d = 1/2, n = 2,
-- stderr 100 sqrt(1/2) = 70.7106781187; z 1.6448536270 at 90% -> 116.3087153677,
-- z 2.5758293035 at 99% -> 182.1386367718.
SELECT g, printf('%.10f', nps_moe_of(nps_state(s), c)) FROM (SELECT 1 AS g, 9 AS s, 0.9 AS c UNION ALL SELECT 1, 3, 0.9
  UNION ALL SELECT 2, 9, 0.99 UNION ALL SELECT 2, 3, 0.99) GROUP BY g ORDER BY g;

-- A control byte inside a bad text value shows as '?': a NUL must not cut the
-- message short.
SELECT nps('9' || char(0) || 'x');

-- After all these errors the connection still works.
SELECT nps(s) FROM (SELECT 9 AS s UNION ALL SELECT 3 UNION ALL SELECT 10);
