-- A rollup table of nps_state survives pg_dump | psql into a second
-- database (text form) and COPY ... (FORMAT binary) out and in (binary
-- form), byte for byte.  The md5 sums are of the format-2 states written
-- out independently (tests/tools/state_blob.py):
--   1  scores=1,0,0,0,0,0,1,1,1,2,1                              cc4c5469...
--   2  scores=0,0,0,0,0,0,0,0,0,0,1099511627776                  39a6ac77...
--   3  scores=0,0,0,0,0,0,0,0,0,1,1 weighted=0,0,2
--      wsum=0,0,0.1+0.2 wsq=0,0,sq(0.1)+sq(0.2)                  dd0d85c4...
--   4  scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,2
--      wsq=0,0,4 inexact=0,0,1,0,0,1                             3cb11eb8...
--   6  scores=1,0,0,1,0,0,0,1,0,1,1 weighted=2,1,2
--      wsum=1/3.0,1e150,0.1+0.2 wsq=sq(1/3.0),sq(1e150),sq(0.1)+sq(0.2)
--      inexact=1,0,0,1,0,0 (1/3.0 the double; the 1e-300 beside it is
--      below the 320 bits an exact sum keeps, so the sums are inexact)  22df8fd1...
\pset format unaligned
\pset null NULL
\set regress_db :DBNAME
CREATE DATABASE nps_dump_source;
CREATE DATABASE nps_dump_target;
\c nps_dump_source
SET extra_float_digits = 0;
CREATE EXTENSION nps;
-- 1: scores 10 9 9 8 7 6 0; 2: 2^40 tens; 3: two promoters weighted 0.1
-- and 0.2 (sums that are not doubles, written in hex); 4: sums marked
-- inexact; 5: NULL; 6: weights 1e-300 to 1e150 (hex and inexact sums).
CREATE TABLE rollup (k int PRIMARY KEY, st nps_state);
INSERT INTO rollup
SELECT 1, nps_state(s) FROM unnest(ARRAY[10, 9, 9, 8, 7, 6, 0]) s
UNION ALL SELECT 2, 'scores=0,0,0,0,0,0,0,0,0,0,1099511627776'
UNION ALL SELECT 3, nps_state(s, w ORDER BY w) FROM (VALUES (9, 0.1), (10, 0.2)) v(s, w)
UNION ALL SELECT 4, 'scores=0,0,0,0,0,0,0,0,0,0,1 weighted=0,0,1 wsum=0,0,~2 wsq=0,0,~4'
UNION ALL SELECT 5, NULL
UNION ALL SELECT 6, nps_state(s, w) FROM (VALUES (9, 0.1), (10, 0.2), (3, 1e-300), (7, 1e150), (0, 1/3.0)) v(s, w);
SELECT k, md5(st::bytea), st FROM rollup ORDER BY k;

\! pg_dump nps_dump_source | psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -d nps_dump_target
\c nps_dump_target
SET extra_float_digits = 0;
SELECT k, md5(st::bytea), st FROM rollup ORDER BY k;
SELECT nps(st), nps_stderr(st) > 0 AS has_stderr, nps_state(st) FROM rollup WHERE k IN (1, 3);

-- Binary COPY: format 2 through nps_state_send / nps_state_recv.  The text
-- and the binary form carry the same information, so every row comes back
-- the same in both.
\copy rollup TO 'results/nps_rollup.copy' WITH (FORMAT binary)
CREATE TABLE rollup_copy (k int PRIMARY KEY, st nps_state);
\copy rollup_copy FROM 'results/nps_rollup.copy' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.st::bytea IS NOT DISTINCT FROM b.st::bytea) AS same_bytes,
       count(*) FILTER (WHERE a.st::text IS NOT DISTINCT FROM b.st::text) AS same_text
FROM rollup a JOIN rollup_copy b USING (k);

\c :regress_db
DROP DATABASE nps_dump_source;
DROP DATABASE nps_dump_target;
