-- A rollup table of nps_state survives pg_dump | psql into a second
-- database (text form) and COPY ... (FORMAT binary) out and in (binary
-- form), byte for byte.  The md5 sums are of the 172-byte states written
-- out independently.
\pset format unaligned
\pset null NULL
\set regress_db :DBNAME
CREATE DATABASE nps_dump_source;
CREATE DATABASE nps_dump_target;
\c nps_dump_source
SET extra_float_digits = 0;
CREATE EXTENSION nps;
-- 1: scores 10 9 9 8 7 6 0; 2: 2^40 tens; 3: two promoters weighted 0.1
-- and 0.2 (sums 0.30000000000000004, 0.05000000000000001); 4: a state that
-- carries a confidence (text only); 5: NULL.
CREATE TABLE rollup (k int PRIMARY KEY, st nps_state);
INSERT INTO rollup
SELECT 1, nps_state(s) FROM unnest(ARRAY[10, 9, 9, 8, 7, 6, 0]) s
UNION ALL SELECT 2, 'scores=0,0,0,0,0,0,0,0,0,0,1099511627776'
UNION ALL SELECT 3, nps_state(s, w ORDER BY w) FROM (VALUES (9, 0.1), (10, 0.2)) v(s, w)
UNION ALL SELECT 4, 'scores=1,0,0,0,0,0,0,0,0,0,2 confidence=0.9'
UNION ALL SELECT 5, NULL;
SELECT k, md5(st::bytea), st FROM rollup ORDER BY k;

\! pg_dump nps_dump_source | psql -X -q -v ON_ERROR_STOP=1 -o /dev/null -d nps_dump_target
\c nps_dump_target
SET extra_float_digits = 0;
SELECT k, md5(st::bytea), st FROM rollup ORDER BY k;
SELECT nps(st), nps_stderr(st) > 0 AS has_stderr, nps_state(st) FROM rollup WHERE k IN (1, 3);

-- Binary COPY: the 172-byte format through nps_state_send / nps_state_recv.
\copy rollup TO 'results/nps_rollup.copy' WITH (FORMAT binary)
CREATE TABLE rollup_copy (k int PRIMARY KEY, st nps_state);
\copy rollup_copy FROM 'results/nps_rollup.copy' WITH (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.st::bytea IS NOT DISTINCT FROM b.st::bytea) AS same_bytes,
       count(*) FILTER (WHERE a.st::text IS NOT DISTINCT FROM b.st::text) AS same_text
FROM rollup a JOIN rollup_copy b USING (k);
-- The one text difference: the binary form does not carry a confidence.
SELECT k, a.st AS original, b.st AS copied FROM rollup a JOIN rollup_copy b USING (k)
WHERE a.st::text IS DISTINCT FROM b.st::text;

\c :regress_db
DROP DATABASE nps_dump_source;
DROP DATABASE nps_dump_target;
