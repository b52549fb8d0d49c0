-- Limits of the number types: the most rows a state can hold, weights near the
-- small end of the double range, and scores written with an exponent.

-- R10: a state holds at most 2^62 rows.  A state at the limit (2^62 rows of
-- score 9) reads back; one holding more, up to 2^63 - 1, is refused; merging two
-- that would pass the limit is an overflow error, never a wrap to a negative count.
-- Blobs from tests/tools/state_blob.py: scores=0,0,0,0,0,0,0,0,0,C,0 with C =
-- 2^62 ('limit'), 2^62 + 1 ('over'), 2^63 - 1 ('top').
CREATE TABLE big(k TEXT, st BLOB);
INSERT INTO big VALUES ('limit', x'6e7073020000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000400000000000000000b1a9ce8a'),
                       ('over', x'6e70730200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000004000000000000000002038a624'),
                       ('top', x'6e70730200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000ffffffffffffff7f0000000000000000c32767a5');
SELECT nps(st), json_extract(nps_summary(st), '$.n') FROM big WHERE k = 'limit';
SELECT nps(st) FROM big WHERE k = 'over';
SELECT nps_state(st) FROM big WHERE k = 'top';
SELECT nps(st) FROM (SELECT st FROM big WHERE k = 'limit' UNION ALL SELECT st FROM big WHERE k = 'limit');
SELECT nps_moe(st) FROM (SELECT st FROM big WHERE k = 'limit' UNION ALL SELECT nps_state(3));

-- R5, R6: any finite weight > 0 is a weight, however small: a sum of weights of
-- 1e-200 is not a sum of 0, so the result is not NULL.
SELECT nps(9, 1e-200), promoter_share(9, 1e-200), nps(s, w)
FROM (SELECT 9 AS s, 1e-200 AS w UNION ALL SELECT 3, 1e-200 UNION ALL SELECT 7, 2e-200);

-- nps_summary() says what the aggregates say, also for weights of 1e-200, whose
-- squares underflow a double but not the exact sums (R5: scale-free).
SELECT json_valid(j), json_extract(j, '$.nps') = v, json_extract(j, '$.stderr') IS se,
       json_extract(j, '$.moe95') IS moe, json_extract(j, '$.ci95_lower') IS lo, json_extract(j, '$.ci95_upper') IS hi
FROM (SELECT nps_summary(st) AS j, nps(st) AS v, nps_stderr(st) AS se, nps_moe(st) AS moe,
             nps_ci_lower(st) AS lo, nps_ci_upper(st) AS hi
      FROM (SELECT nps_state(s, w) AS st FROM (SELECT 9 AS s, 1e-200 AS w UNION ALL SELECT 3, 1e-200 UNION ALL SELECT 10, 1e-200)));

-- R1: text holding a whole number with an exponent (nps.h: "an exponent that
-- keeps it whole"): '1e1' is 10, '7E0' is 7.
SELECT nps(s), passive_share(s) FROM (SELECT '1e1' AS s UNION ALL SELECT '7E0');
