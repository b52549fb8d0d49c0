-- Paired waves (rules W1-W5 of core/nps.h): the hand-worked panel of
-- tests/core/test_pair.c (D 2 1 1 / P 1 3 2 / T 0 1 4: change 20 points,
-- mean D 0.2, se 0.2, z = 1, p = erfc(1 / sqrt 2) = 0.317310507863).  Blobs
-- come from tests/tools/pair_blob.py, the format written from its description.
SET extra_float_digits = 0;
\pset format unaligned
CREATE TABLE panel (id serial PRIMARY KEY, g text, b integer, a integer);
INSERT INTO panel (g, b, a) VALUES
  ('x', 0, 0), ('x', 6, 3), ('x', 5, 7), ('x', 2, 10), ('x', 7, 4), ('x', 7, 7), ('x', 8, 8),
  ('y', 8, 7), ('y', 8, 9), ('y', 7, 10), ('y', 9, 8), ('y', 9, 9), ('y', 10, 10), ('y', 10, 9),
  ('y', 9, 10), ('y', NULL, 9), ('y', 3, NULL), ('y', NULL, NULL);
SELECT round(nps_change(b, a)::numeric, 12), round(nps_change_pvalue(b, a)::numeric, 12), nps_migration(b, a) FROM panel;
SELECT round((nps(a) FILTER (WHERE b IS NOT NULL) - nps(b) FILTER (WHERE a IS NOT NULL))::numeric, 12) FROM panel;
-- the independent test ignores the pairing: 0.477865174561
SELECT round(nps_pvalue(nps_state(b) FILTER (WHERE a IS NOT NULL), nps_state(a) FILTER (WHERE b IS NOT NULL))::numeric, 12) FROM panel;
-- every score type, and mixed types
SELECT nps_change(b::smallint, a::smallint) = 20, nps_change(b::bigint, a::bigint) = 20, nps_change(b::numeric, a::numeric) = 20,
       nps_change(b::float8, a::float8) = 20, nps_change(b, a::numeric) = 20, nps_change(b::smallint, a::bigint) = 20 FROM panel;
-- W5: the bytes of the independent encoder, the text form, and back
SELECT nps_pair_state(b, a)::bytea = '\x6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d'::bytea AS same_bytes, nps_pair_state(b, a)::text FROM panel;
SELECT round(nps_change_of('\x6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d'::bytea::nps_pair_state)::numeric, 12),
       round(nps_change_pvalue_of('pairs=2,1,1,1,3,2,0,1,4')::numeric, 12),
       nps_migration_of('pairs=2,1,1,1,3,2,0,1,4')::text = (SELECT nps_migration(b, a)::text FROM panel) AS same,
       nps_migration_of('pairs=2,1,1,1,3,2,0,1,4')->'passive'->>'promoter' AS p_to_t,
       'pairs=2,1,1,1,3,2,0,1,4'::nps_pair_state::bytea::nps_pair_state::text AS round_trip;
-- GROUP BY, FILTER, GROUPING SETS: x 100 * 2/7, y 100 * 1/8
SELECT g, round(nps_change(b, a)::numeric, 12), round(CASE g WHEN 'x' THEN 200.0 / 7 ELSE 100.0 / 8 END, 12), nps_migration(b, a)->>'n'
FROM panel GROUP BY g ORDER BY g;
SELECT nps_change(b, a) FILTER (WHERE g = 'y') FROM panel;
SELECT g, round(nps_change(b, a)::numeric, 12) FROM panel GROUP BY ROLLUP (g) ORDER BY g NULLS LAST;
-- rollups of pair states
CREATE TABLE pair_rollup AS SELECT g, nps_pair_state(b, a) AS st FROM panel GROUP BY g;
SELECT round(nps_change(st)::numeric, 12), round(nps_change_pvalue(st)::numeric, 12), nps_pair_state(st)::text FROM pair_rollup;
SELECT nps_pair_state_merge(x.st, y.st)::text, nps_pair_state_merge(NULL, x.st)::text, nps_pair_state_merge(NULL::nps_pair_state, NULL) IS NULL
FROM pair_rollup x, pair_rollup y WHERE x.g = 'x' AND y.g = 'y';
CREATE TABLE pair_stored (k text PRIMARY KEY, st nps_pair_state);
INSERT INTO pair_stored SELECT 'all', st FROM pair_rollup WHERE g = 'x';
INSERT INTO pair_stored SELECT 'all', st FROM pair_rollup WHERE g = 'y' ON CONFLICT (k) DO UPDATE SET st = nps_pair_state_merge(pair_stored.st, excluded.st);
SELECT st::text FROM pair_stored;
-- windows: sliding frames (MINVFUNC) equal recomputation
SELECT count(*) AS rows_checked, count(*) FILTER (WHERE w.c IS DISTINCT FROM r.c OR w.p IS DISTINCT FROM r.p OR w.m IS DISTINCT FROM r.m
                                                  OR w.s IS DISTINCT FROM r.s) AS mismatches FROM
  (SELECT id, nps_change(b, a) OVER win AS c, nps_change_pvalue(b, a) OVER win AS p, nps_migration(b, a) OVER win ::text AS m,
          nps_pair_state(b, a) OVER win ::text AS s FROM panel WINDOW win AS (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)) w
  JOIN LATERAL (SELECT nps_change(b, a) AS c, nps_change_pvalue(b, a) AS p, nps_migration(b, a)::text AS m, nps_pair_state(b, a)::text AS s
                FROM panel q WHERE q.id BETWEEN w.id - 3 AND w.id) r ON true;
CREATE TABLE pair_daily AS SELECT id, nps_pair_state(b, a) AS st FROM panel GROUP BY id;
SELECT count(*), count(*) FILTER (WHERE w.c IS DISTINCT FROM (SELECT nps_change(st) FROM pair_daily q WHERE q.id BETWEEN w.id - 2 AND w.id)) AS mismatches
FROM (SELECT id, nps_change(st) OVER (ORDER BY id ROWS 2 PRECEDING) AS c FROM pair_daily) w;
-- degenerate cases: none, one, nobody moved, everybody moved by +1
SELECT nps_change(b, a) IS NULL, nps_change_pvalue(b, a) IS NULL, nps_migration(b, a) IS NULL, nps_pair_state(b, a) IS NULL FROM panel WHERE id > 100;
SELECT nps_change(3, 10), nps_change_pvalue(3, 10) IS NULL;
SELECT nps_change(b, a), nps_change_pvalue(b, a) FROM (VALUES (0, 6), (7, 8), (10, 9)) v(b, a);
SELECT nps_change(b, a), nps_change_pvalue(b, a) FROM (VALUES (0, 7), (8, 10)) v(b, a);
-- errors
SELECT nps_change(11, 3);
SELECT nps_change(3, -1);
SELECT nps_change_pvalue(7.5, 3);
SELECT nps_migration(3::float8, 'NaN'::float8);
SELECT nps_pair_state(3, 4, 1.0);
SELECT nps_change(b, a, 1) FROM panel;
SELECT nps_change_of(nps_state(9)::bytea::nps_pair_state);
SELECT nps_of(nps_pair_state(9, 3)::bytea::nps_state);
SELECT 'scores=0,0,0,0,0,0,0,0,0,0,1'::nps_pair_state;
SELECT 'pairs=1,2,3'::nps_pair_state;
SELECT '\x6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b2'::bytea::nps_pair_state;
SELECT '\x6e707801000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000004eb16ead'::bytea::nps_pair_state;
SELECT '\x6e707002000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000000dfef2b4'::bytea::nps_pair_state;
SELECT '\x6e707001010000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000005ca8f0a3'::bytea::nps_pair_state;
SELECT '\x6e7070010000000002000000000000000100000000000000010000000000000001000000000000000300000000000000020000000000000000000000000000000100000000000000040000000000000000000000'::bytea::nps_pair_state;
SELECT '\x6e70700100000000020000000000000001000000000000000100000000000000ffffffffffffffff030000000000000002000000000000000000000000000000010000000000000004000000000000003720af61'::bytea::nps_pair_state;
SELECT '\x6e70700100000000000000000000002000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000100000000000000824fe25e'::bytea::nps_pair_state;
SELECT nps_pair_state_merge('pairs=2305843009213693952,0,0,0,2305843009213693952,0,0,0,0', 'pairs=0,0,0,0,0,0,0,0,1');
-- a forced parallel plan: workers make partial pair states, the leader combines
CREATE TABLE bigpanel AS SELECT i, i % 11 AS b, (i * 7) % 11 AS a FROM generate_series(1, 100000) i;
ANALYZE bigpanel;
CREATE TEMP TABLE pair_serial AS SELECT nps_change(b, a) AS c, nps_change_pvalue(b, a) AS p, nps_pair_state(b, a)::text AS s FROM bigpanel;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2; SET parallel_leader_participation = off;
CREATE FUNCTION pair_plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SELECT count(*) AS partial_aggregates FROM pair_plan('SELECT nps_change(b, a), nps_change_pvalue(b, a), nps_pair_state(b, a) FROM bigpanel') l
WHERE l ~ 'Partial Aggregate';
SELECT par.c = ser.c AS same_change, par.p = ser.p AS same_pvalue, par.s = ser.s AS same_state FROM
  (SELECT nps_change(b, a) AS c, nps_change_pvalue(b, a) AS p, nps_pair_state(b, a)::text AS s FROM bigpanel) par, pair_serial ser;
-- before i % 11, after 7 i % 11 (9091 rows of each residue but 0, 9090):
-- 0 -> 0, 2 -> 3, 4 -> 6, 5 -> 2 are D -> D (9090 + 3 x 9091 = 36363),
-- 1 -> 7 D -> P (9091), 3 -> 10, 6 -> 9 D -> T (18182), 7 -> 5, 8 -> 1
-- P -> D (18182), 9 -> 8 T -> P (9091), 10 -> 4 T -> D (9091).  Both waves
-- hold 63636 D and 18182 T: the change is 0.
SELECT c, s FROM pair_serial;
