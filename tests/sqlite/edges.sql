-- Limits of the number types: the largest counts a state can hold, weights near
-- the ends of the double range, and scores written with an exponent.

-- R10: a count that would pass INT64_MAX is an overflow error, never a wrap to
-- a negative count.  A state holding 2^63 - 1 rows of score 9 reads back; one
-- more row of score 9 or 10 (the total of rows would pass it too), or the same
-- state twice, overflows.
CREATE TABLE big(st BLOB);
INSERT INTO big VALUES (x'6e70730100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040a4b88b');
SELECT nps(st), json_extract(nps_summary(st), '$.n') FROM big;
SELECT nps(v) FROM (SELECT st AS v FROM big UNION ALL SELECT st FROM big);
SELECT nps(v) FROM (SELECT st AS v FROM big UNION ALL SELECT 9);
SELECT nps_state(v) FROM (SELECT st AS v FROM big UNION ALL SELECT '9');
SELECT nps(v) FROM (SELECT st AS v FROM big UNION ALL SELECT 10);

-- R5, R6: any finite weight > 0 is a weight, however small: a sum of weights of
-- 1e-200 is not a sum of 0, so the result is not NULL.
SELECT nps(9, 1e-200), promoter_share(9, 1e-200), nps(s, w)
FROM (SELECT 9 AS s, 1e-200 AS w UNION ALL SELECT 3, 1e-200 UNION ALL SELECT 7, 2e-200);

-- R1: text holding a whole number with an exponent (nps.h: "an exponent that
-- keeps it whole"): '1e1' is 10, '7E0' is 7.
SELECT nps(s), passive_share(s) FROM (SELECT '1e1' AS s UNION ALL SELECT '7E0');
