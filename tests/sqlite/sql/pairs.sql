-- Paired waves: nps_change, nps_change_pvalue, nps_migration, nps_pair_state
-- (rules W1-W5 of core/nps.h).  The panel below is the table worked by hand
-- in tests/core/test_pair.c, before (rows) -> after (columns), D P T:
--   D 2 1 1 / P 1 3 2 / T 0 1 4: n = 15, nps before 100 (5 - 4) / 15,
--   after 100 (7 - 3) / 15, change 20 points; D = after code - before code
--   has mean 0.2, sd sqrt(0.6), se 0.2, z = 1, p = erfc(1 / sqrt 2) =
--   0.317310507863.  Blobs come from tests/tools/pair_blob.py (the format
--   written from its description), not from the library.
CREATE TABLE panel (id INTEGER PRIMARY KEY, g TEXT, b, a);
INSERT INTO panel (g, b, a) VALUES
  ('x', 0, 0), ('x', 6, 3), ('x', 5, 7), ('x', 2, 10), ('x', 7, 4), ('x', 7, 7), ('x', 8, 8),
  ('y', 8, 7), ('y', 8, 9), ('y', 7, 10), ('y', 9, 8), ('y', 9, 9), ('y', 10, 10), ('y', 10, 9),
  ('y', 9, 10), ('y', NULL, 9), ('y', 3, NULL), ('y', NULL, NULL);

-- W2, W3, W4: the hand values; the NULL pairs are skipped.
SELECT printf('%.12f', nps_change(b, a)), printf('%.12f', nps_change_pvalue(b, a)), nps_migration(b, a) FROM panel;
-- the change is nps(after) - nps(before) over the complete pairs, computed by nps()
SELECT printf('%.12f', nps(a) FILTER (WHERE b IS NOT NULL) - nps(b) FILTER (WHERE a IS NOT NULL)) FROM panel;
-- The independent test on the same rows ignores the pairing: z = 0.2 /
-- sqrt(2 V / 15), V = 134/225, p = 0.477865174561 (larger: wrong here).
SELECT printf('%.12f', nps_pvalue(nps_state(b) FILTER (WHERE a IS NOT NULL), nps_state(a) FILTER (WHERE b IS NOT NULL))) FROM panel;

-- W5: the state is the 84-byte blob of the independent encoder.
-- pair_blob.py pairs=2,1,1,1,3,2,0,1,4
SELECT typeof(nps_pair_state(b, a)), length(nps_pair_state(b, a)), nps_pair_state(b, a) = x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d' FROM panel;
-- that blob read by every function that takes a pair state
SELECT printf('%.12f', nps_change_of(x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d')), printf('%.12f', nps_change_pvalue_of(x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d')),
       nps_migration_of(x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d') = (SELECT nps_migration(b, a) FROM panel) AS same, json_extract(nps_migration_of(x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d'), '$.passive.promoter');

-- GROUP BY, and FILTER.  x: D->D 2, D->P, D->T, P->D, P->P: D = 0,0,1,2,-1,0,0:
-- change 100 * 2/7; y: P->P, P->T 2, T->P, T->T 4: D = 0,1,1,-1,0,0,0,0: 100 * 1/8.
SELECT g, printf('%.12f', nps_change(b, a)), printf('%.12f', CASE g WHEN 'x' THEN 100.0 * 2 / 7 ELSE 100.0 / 8 END), json_extract(nps_migration(b, a), '$.n') FROM panel GROUP BY g ORDER BY g;
SELECT printf('%.12f', nps_change(b, a) FILTER (WHERE g = 'y')) FROM panel;

-- Rollups: pair states per group, merged by every aggregate and by
-- nps_pair_state_merge, give the totals of the raw rows.
CREATE TABLE rollup AS SELECT g, nps_pair_state(b, a) AS st FROM panel GROUP BY g;
SELECT printf('%.12f', nps_change(st)), printf('%.12f', nps_change_pvalue(st)), nps_migration(st) = (SELECT nps_migration(b, a) FROM panel),
       nps_pair_state(st) = x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d' FROM rollup;
SELECT nps_pair_state_merge((SELECT st FROM rollup WHERE g = 'x'), (SELECT st FROM rollup WHERE g = 'y')) = x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b22d',
       nps_pair_state_merge(NULL, (SELECT st FROM rollup WHERE g = 'x')) = (SELECT st FROM rollup WHERE g = 'x'),
       nps_pair_state_merge(NULL, NULL) IS NULL;

-- Windows: a sliding frame (xInverse) gives what recomputing its rows gives,
-- for every result, over scores and over pair states.
SELECT count(*) AS rows_checked, sum(w.c IS NOT r.c OR w.p IS NOT r.p OR w.m IS NOT r.m OR w.s IS NOT r.s) AS mismatches FROM
  (SELECT id, nps_change(b, a) OVER win AS c, nps_change_pvalue(b, a) OVER win AS p, nps_migration(b, a) OVER win AS m,
          nps_pair_state(b, a) OVER win AS s FROM panel WINDOW win AS (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)) w
  JOIN (SELECT p.id, (SELECT nps_change(b, a) FROM panel q WHERE q.id BETWEEN p.id - 3 AND p.id) AS c,
               (SELECT nps_change_pvalue(b, a) FROM panel q WHERE q.id BETWEEN p.id - 3 AND p.id) AS p,
               (SELECT nps_migration(b, a) FROM panel q WHERE q.id BETWEEN p.id - 3 AND p.id) AS m,
               (SELECT nps_pair_state(b, a) FROM panel q WHERE q.id BETWEEN p.id - 3 AND p.id) AS s FROM panel p) r USING (id);
CREATE TABLE daily AS SELECT id, nps_pair_state(b, a) AS st FROM panel GROUP BY id;
SELECT count(*), sum(w.c IS NOT (SELECT nps_change(st) FROM daily q WHERE q.id BETWEEN w.id - 2 AND w.id)) AS mismatches FROM
  (SELECT id, nps_change(st) OVER (ORDER BY id ROWS 2 PRECEDING) AS c FROM daily) w;

-- W3: the degenerate cases.  No pairs: NULL.  One pair: a change, no p-value.
-- Nobody moved: p = 1.  Everybody moved by the same D: p = 0.
SELECT nps_change(b, a) IS NULL, nps_change_pvalue(b, a) IS NULL, nps_migration(b, a) IS NULL, nps_pair_state(b, a) IS NULL FROM panel WHERE id > 100;
SELECT nps_change(3, 10), nps_change_pvalue(3, 10) IS NULL;
SELECT nps_change(b, a), nps_change_pvalue(b, a) FROM (SELECT 0 AS b, 6 AS a UNION ALL SELECT 7, 8 UNION ALL SELECT 10, 9);
SELECT nps_change(b, a), nps_change_pvalue(b, a) FROM (SELECT 0 AS b, 7 AS a UNION ALL SELECT 8, 10);

-- Scores as everywhere (R1): REAL and text whole numbers, blank text skipped.
SELECT nps_change(b, a) FROM (SELECT 9.0 AS b, '0' AS a UNION ALL SELECT ' 10 ', 3 UNION ALL SELECT '', 10 UNION ALL SELECT 10, '  ');

-- Errors name the function and the value.
SELECT nps_change(11, 3);
SELECT nps_change(3, -1);
SELECT nps_change_pvalue(7.5, 3);
SELECT nps_migration(3, 'x');
SELECT nps_pair_state(3, 4, 1.0);
SELECT nps_change(b, a, 1) FROM panel;
-- an nps_state where a pair state belongs, and the other way round
SELECT nps_change(st) FROM (SELECT nps_state(9) AS st);
SELECT nps_change_of(nps_state(9));
SELECT nps(st) FROM (SELECT nps_pair_state(9, 3) AS st);
SELECT nps_of(nps_pair_state(9, 3));
SELECT nps_change(st, 3) FROM (SELECT nps_pair_state(9, 3) AS st);
SELECT nps_change(st, 3) FROM (SELECT nps_state(9) AS st);
SELECT nps_change_of(5);
SELECT nps_change_of('pairs=1,0,0,0,0,0,0,0,0');
-- crafted blobs: truncated, other magic, other version, a flag, bad CRC,
-- a negative count, counts over 2^62
SELECT nps_change_of(x'6e707001000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000006219b2');
SELECT nps_change_of(x'6e707801000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000004eb16ead');
SELECT nps_change_of(x'6e707002000000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000000dfef2b4');
SELECT nps_change_of(x'6e707001010000000200000000000000010000000000000001000000000000000100000000000000030000000000000002000000000000000000000000000000010000000000000004000000000000005ca8f0a3');
SELECT nps_change_of(x'6e7070010000000002000000000000000100000000000000010000000000000001000000000000000300000000000000020000000000000000000000000000000100000000000000040000000000000000000000');
SELECT nps_change_of(x'6e70700100000000020000000000000001000000000000000100000000000000ffffffffffffffff030000000000000002000000000000000000000000000000010000000000000004000000000000003720af61');
SELECT nps_change_of(x'6e70700100000000000000000000002000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000100000000000000824fe25e');
SELECT nps_change_of(x'6e707001000000000000000000000020000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000001c4f4892') IS NOT NULL AS at_the_limit;
SELECT nps_pair_state_merge(x'6e707001000000000000000000000020000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000001c4f4892', x'6e70700100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000fd4835f1');
SELECT nps_pair_state_merge(nps_pair_state(1, 2), x'00');

-- The README's example ("Paired waves"), as printed there: the hand table
-- four times over, n = 60: mean D 0.2, sd sqrt(33.6 / 59), z = 2.0529,
-- p = 0.0401; independent V = 134/225, z = 0.2 / sqrt(2 V / 60) = 1.4195,
-- p = 0.1558.
CREATE TABLE readme_panel (customer INTEGER PRIMARY KEY, spring INTEGER, autumn INTEGER);
INSERT INTO readme_panel (spring, autumn)
WITH v(spring, autumn) AS (VALUES
       (0, 0), (6, 3), (5, 7), (2, 10), (7, 4), (7, 7), (8, 8), (8, 7),
       (8, 9), (7, 10), (9, 8), (9, 9), (10, 10), (10, 9), (9, 10)),
     copies(k) AS (VALUES (1), (2), (3), (4))
SELECT spring, autumn FROM v, copies;
SELECT round(nps_change(spring, autumn), 1) AS change,
       round(nps_change_pvalue(spring, autumn), 4) AS paired_p,
       round(nps_pvalue(nps_state(spring), nps_state(autumn)), 4) AS independent_p
FROM readme_panel;
SELECT nps_migration(spring, autumn) FROM readme_panel;
