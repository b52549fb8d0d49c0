-- Results an analyst can trust, in PostgreSQL: states read row by row (the
-- README's month-over-month p-values with lag(), upserts into a rollup with
-- nps_state_merge), the argument positions (a second argument is always a
-- weight), exact sliding weighted windows and the recomputed frame when
-- weights are too far apart, results inside their range, scale-free
-- weights, and state values that cannot be forged past the layout check.
-- Expected numbers: tests/pg/derive.py trust, from the SPEC formulas.
SET extra_float_digits = 0;
\pset format unaligned
\pset null NULL

CREATE OR REPLACE FUNCTION err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- 1. Month over month: month 1 scores 10 9 9 8 7 6 0 (NPS 14.29), month 2
-- 10 3 5 8 2 (-40), month 3 9 9 9 10 7 0 (50).  p-values 0.254671416731106
-- (1 -> 2) and 0.0579031659836954 (2 -> 3); none for the first month.
CREATE TABLE r (m int, score int, w float8);
INSERT INTO r VALUES
    (1, 10, 1), (1, 9, 2), (1, 9, 0.25), (1, 8, 1), (1, 7, NULL), (1, 6, 1.5), (1, 0, 4),
    (2, 10, 1), (2, 3, 0), (2, 5, 2), (2, 8, 0.5), (2, 2, 1),
    (3, 9, 1), (3, 9, 1), (3, 9, 3), (3, 10, 0.5), (3, 7, 1), (3, 0, 2);
-- 12 significant digits: the p-value goes through the C library's erfc(),
-- whose last bit differs between glibc releases (2.36 and 2.41 round 2 -> 3
-- to ...836954 and ...836955 at 15 digits).
SET extra_float_digits = -3;
-- The query of the README, verbatim.
SELECT m, nps_pvalue(lag(st) OVER (ORDER BY m), st) FROM (SELECT m, nps_state(score) AS st FROM r GROUP BY m) x;
-- With the NPS of each month through nps_of, ordered.
WITH months AS (SELECT m, nps_state(score) AS st FROM r GROUP BY m)
SELECT m, nps_of(st) AS nps, nps_pvalue(lag(st) OVER (ORDER BY m), st) AS p FROM months ORDER BY m;
SET extra_float_digits = 0;

-- 2. A weighted margin at 90%: through the state, grouped.  Month 1 weights
-- as in the aggregates test: Kish n = 3.91002570694087, 90% margin
-- 76.4285033693, interval -65.7026690815..39.5865976529; month 2:
-- 75.9812188080, -76.1099496498..29.9561034960; month 3: 65.8596930899,
-- -24.6741170442..73.8476707632.
SELECT m, round(nps_moe_of(nps_state(score, w), 0.9)::numeric, 10) AS moe90,
       round(nps_ci_lower_of(nps_state(score, w), 0.9)::numeric, 10) AS lo90,
       round(nps_ci_upper_of(nps_state(score, w), 0.9)::numeric, 10) AS hi90
FROM r GROUP BY m ORDER BY m;

-- 3. A rollup table updated in place: a late batch merges into its day with
-- ON CONFLICT ... DO UPDATE SET st = nps_state_merge(t.st, excluded.st);
-- afterwards the rollup gives the numbers of all raw rows, per day and in
-- total, weighted too.
CREATE TABLE tr_daily (day int PRIMARY KEY, st nps_state, wst nps_state);
INSERT INTO tr_daily SELECT m, nps_state(score), nps_state(score, w) FROM r WHERE m <= 2 GROUP BY m;
CREATE TABLE tr_late (day int, score int, w float8);
INSERT INTO tr_late VALUES (2, 9, 1), (2, 10, 2.5), (3, 0, 1), (3, 9, 0.75);
INSERT INTO tr_daily AS t
SELECT day, nps_state(score), nps_state(score, w) FROM tr_late GROUP BY day
ON CONFLICT (day) DO UPDATE SET st = nps_state_merge(t.st, excluded.st), wst = nps_state_merge(t.wst, excluded.wst);
CREATE VIEW tr_raw AS SELECT m AS day, score, w FROM r WHERE m <= 2 UNION ALL SELECT day, score, w FROM tr_late;
SELECT d.day, nps_of(d.st) AS nps, nps_of(d.st) = x.nps AS same_nps, nps_of(d.wst) = x.wnps AS same_wnps,
       d.st::bytea = x.st::bytea AS same_state, d.wst::bytea = x.wst::bytea AS same_weighted_state
FROM tr_daily d JOIN (SELECT day, nps(score), nps(score, w) AS wnps, nps_state(score) AS st, nps_state(score, w) AS wst
                   FROM tr_raw GROUP BY day) x USING (day) ORDER BY day;
SELECT (SELECT nps(st) FROM tr_daily) = (SELECT nps(score) FROM tr_raw) AS total_same,
       (SELECT nps(wst) FROM tr_daily) = (SELECT nps(score, w) FROM tr_raw) AS weighted_total_same,
       (SELECT nps_moe(wst) FROM tr_daily) = (SELECT nps_moe(score, w) FROM tr_raw) AS weighted_moe_same;

-- 4. nps_state_merge is not strict: NULL + s = s, s + NULL = s, NULL + NULL
-- = NULL; an unweighted and a weighted state merge into a weighted one
-- (unweighted rows weigh 1).
SELECT nps_state_merge(NULL, nps_state(9)) AS null_left, nps_state_merge(nps_state(9), NULL) AS null_right,
       nps_state_merge(NULL, NULL) AS both_null,
       nps_state_merge(nps_state(9), nps_state(0, 0.5)) AS mixed;
SELECT nps_of(nps_state_merge(nps_state(9), nps_state(0, 0.5))) AS mixed_nps;  -- (1 - 0.5) / 1.5 = 33.33

-- 5. A sliding weighted window is exact: a promoter weighing 1e17 leaves the
-- frame of 6 rows at row 7, which then holds five promoters and one
-- detractor of weight 1: NPS (5 - 1) / 6 = 66.6666666667, stderr
-- 100 sqrt((1 - (4/6)^2) / 6) = 30.4290309725.  A sum kept in doubles
-- would have lost the 1s beside 1e17.
CREATE TABLE drift (i int, s int, w float8);
INSERT INTO drift VALUES (1, 9, 1e17), (2, 9, 1), (3, 9, 1), (4, 9, 1), (5, 9, 1), (6, 9, 1), (7, 0, 1);
SELECT i, round((nps(s, w) OVER f)::numeric, 10) AS nps, round((nps_stderr(s, w) OVER f)::numeric, 10) AS stderr
FROM drift WINDOW f AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) ORDER BY i;
-- The same over one state per row.
SELECT i, round((nps(st) OVER f)::numeric, 10) AS nps, round((nps_stderr(st) OVER f)::numeric, 10) AS stderr
FROM (SELECT i, nps_state(s, w) AS st FROM drift GROUP BY i) x
WINDOW f AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) ORDER BY i;

-- 6. Weights too far apart for an exact inverse (1e-30 beside 1e30): the
-- inverse gives up and PostgreSQL recomputes the frame, so every row still
-- has its frame's numbers (frames of 3 rows):
--   i  frame                        NPS
--   1  9:1e30                        100
--   2  9:1e30 0:1e-30                100 (to 1e-58)
--   3  9:1e30 0:1e-30 9:1            100
--   4  0:1e-30 9:1 0:1               0, stderr 70.7106781187, moe 138.5903824350
--   5  9:1 0:1 0:1                   -33.3333333333, 54.4331053952, 106.6869261412
--   6  0:1 0:1 9:1e-30               -100 (to 1e-30)
CREATE TABLE apart (i int, s int, w float8);
INSERT INTO apart VALUES (1, 9, 1e30), (2, 0, 1e-30), (3, 9, 1), (4, 0, 1), (5, 0, 1), (6, 9, 1e-30);
SELECT i, round((nps(s, w) OVER f)::numeric, 10) AS nps, round((nps_stderr(s, w) OVER f)::numeric, 10) AS stderr,
       round((nps_moe(s, w) OVER f)::numeric, 10) AS moe
FROM apart WINDOW f AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY i;
-- Every row equals its frame recomputed from scratch, results and state.
SELECT count(*) AS rows_checked,
       count(*) FILTER (WHERE a.nps IS NOT DISTINCT FROM b.nps AND a.se IS NOT DISTINCT FROM b.se
                          AND a.st = b.st) AS rows_equal
FROM (SELECT i, nps(s, w) OVER f AS nps, nps_stderr(s, w) OVER f AS se, (nps_state(s, w) OVER f)::bytea AS st
      FROM apart WINDOW f AS (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)) a,
     LATERAL (SELECT nps(s, w), nps_stderr(s, w) AS se, nps_state(s, w)::bytea AS st
              FROM apart x WHERE x.i BETWEEN a.i - 2 AND a.i) b;

-- 7. The second argument is a weight, never a confidence: nps_moe(s, c)
-- over (5, 0), (9, 0.9) weighs the detractor 0, so only a promoter
-- counts: margin 0.  The 90% margin of the two rows is nps_moe_of over the
-- state: 100 z(0.9) sqrt(1 / 2) = 116.3087153677.
SELECT nps_moe(s, c) AS weighted_margin, round(nps_moe_of(nps_state(s), 0.9)::numeric, 10) AS margin_at_90
FROM (VALUES (5, 0), (9, 0.9)) v(s, c);

-- 8. Results lie in their range whatever the rounding: one promoter of
-- weight 0.69 is an NPS of exactly 100, and its band is 'excellent'.
SELECT nps(10, 0.69), promoter_share(10, 0.69), nps_band(nps(10, 0.69)),
       nps(s, w) AS nps_of_weights, promoter_share(s, w) AS share_of_weights
FROM (VALUES (10, 0.69), (9, 0.1), (10, 0.7)) v(s, w);
SELECT count(*) AS weights, count(*) FILTER (WHERE n10 = 100 AND n0 = -100 AND p9 = 100 AND d3 = 100) AS in_range
FROM (SELECT nps(10, w) AS n10, nps(0, w) AS n0, promoter_share(9, w) AS p9, detractor_share(3, w) AS d3
      FROM (SELECT 0.01 * k AS w FROM generate_series(1, 1000) k) x GROUP BY w) y;

-- 9. Scale-free: weights of 1e-200 or 1e150 give the numbers of weights of
-- 1 (the same ratios), to 1e-12.
SELECT m, abs(tiny_moe - moe) <= 1e-12 * moe AND abs(big_se - se) <= 1e-12 * se
          AND abs(tiny_lo - lo) <= 1e-12 * abs(lo) AND abs(tiny_nps - nps) <= 1e-12 * abs(nps) AS scale_free
FROM (SELECT m, nps_moe(score, w * 1e-200) AS tiny_moe, nps_moe(score, w) AS moe,
             nps_stderr(score, w * 1e150) AS big_se, nps_stderr(score, w) AS se,
             nps_ci_lower(score, w * 1e-200) AS tiny_lo, nps_ci_lower(score, w) AS lo,
             nps(score, w * 1e-200) AS tiny_nps, nps(score, w) AS nps
      FROM r GROUP BY m) x ORDER BY m;

-- 10. Limits fail loudly, naming the value: a weight whose square
-- overflows, a numeric score of hundreds of digits (shortened in the
-- message, the verdict kept).
SELECT err('SELECT nps(9, 1e155)') AS huge_weight,
       err($$SELECT nps(repeat('1234567890', 30)::numeric)$$) AS long_number;

-- 11. A weighted state with sums that are no doubles (written in hex) round
-- trips through text, the bytea cast and binary COPY.
CREATE TABLE hexsums AS SELECT nps_state(s, w) AS st FROM (VALUES (9, 0.1), (10, 0.2), (7, 1/3.0), (0, 1e-5)) v(s, w);
SELECT st FROM hexsums;
SELECT st::text::nps_state::text = st::text AS text_round_trip,
       st::bytea::nps_state::bytea = st::bytea AS bytea_round_trip,
       nps_state_send(st::bytea::nps_state) = st::bytea AS send_is_bytea
FROM hexsums;
\copy hexsums TO 'results/nps_trust.copy' WITH (FORMAT binary)
CREATE TABLE hexsums_copy (st nps_state);
\copy hexsums_copy FROM 'results/nps_trust.copy' WITH (FORMAT binary)
SELECT a.st::bytea = b.st::bytea AS binary_copy_same, a.st::text = b.st::text AS text_same
FROM hexsums a, hexsums_copy b;

-- 12. The layout version: a stored nps_state value is a varlena whose data
-- starts with its layout number (1), then the core state.  A value of
-- another length or layout (from a later release, or forged) is refused by
-- every function that reads one, never read as garbage.  Here a value is
-- forged with byteasend (which copies its argument) declared to return
-- nps_state, and read back the same way.
CREATE FUNCTION raw_bytes(nps_state) RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'byteasend';
CREATE FUNCTION forge(bytea) RETURNS nps_state LANGUAGE internal IMMUTABLE STRICT AS 'byteasend';
SELECT length(raw_bytes(nps_state(9))) AS data_bytes, substring(raw_bytes(nps_state(9)) FROM 1 FOR 4) AS layout,
       length(raw_bytes(nps_state(9, 0.5))) AS weighted_data_bytes;
-- The bytes of a real value read back as that value.
SELECT forge(raw_bytes(nps_state(s, w))) AS forged_copy, nps_of(forge(raw_bytes(nps_state(s, w)))) AS nps
FROM (VALUES (9, 0.1), (10, 0.2), (0, 1.0)) v(s, w);
-- Another layout number, one byte short, one byte long, empty: refused.
CREATE TABLE forged (name text, b bytea);
INSERT INTO forged
SELECT 'layout 2', overlay(raw_bytes(nps_state(9)) PLACING '\x02'::bytea FROM 1 FOR 1)
UNION ALL SELECT 'layout 0', overlay(raw_bytes(nps_state(9)) PLACING '\x00'::bytea FROM 1 FOR 1)
UNION ALL SELECT 'one byte short', substring(raw_bytes(nps_state(9)) FROM 1 FOR length(raw_bytes(nps_state(9))) - 1)
UNION ALL SELECT 'one byte long', raw_bytes(nps_state(9)) || '\x00'::bytea
UNION ALL SELECT 'format 2 bytes', nps_state(9)::bytea
UNION ALL SELECT 'empty', ''::bytea;
SELECT name, err(format('SELECT nps_of(forge(%L))', b)) AS scalar,
       err(format('SELECT nps(st) FROM (VALUES (forge(%L))) v(st)', b)) AS aggregate,
       err(format('SELECT nps_state_merge(nps_state(9), forge(%L))', b)) AS merge,
       err(format('SELECT forge(%L)::text', b)) AS text_output,
       err(format('SELECT forge(%L)::bytea', b)) AS bytea_cast
FROM forged ORDER BY name;
