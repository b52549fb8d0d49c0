-- Every aggregate and every overload on a small hand-made table (R2-R10).
-- Expected numbers: the SPEC formulas evaluated independently at high
-- precision; printed with 15 significant digits, and the margins and
-- intervals (which go through the normal quantile) rounded to 10 decimals.
SET extra_float_digits = 0;
\pset format unaligned
\pset null NULL

CREATE TABLE resp (id int, grp text, score int, w float8);
INSERT INTO resp VALUES
    (1, 'a', 10, 1), (2, 'a', 9, 2), (3, 'a', 9, 0.25), (4, 'a', 8, 1), (5, 'a', 7, NULL),
    (6, 'a', 6, 1.5), (7, 'a', 0, 4), (8, 'a', NULL, 3),
    (9, 'b', 10, 1), (10, 'b', 3, 0), (11, 'b', 5, 2), (12, 'b', 8, 0.5), (13, 'b', NULL, NULL),
    (14, 'b', 2, 1),
    (15, 'c', NULL, 1);
-- The same scores in every accepted type; numeric with a zero fraction (9.0).
CREATE VIEW typed AS
SELECT id, grp, w, score::smallint AS s2, score AS s4, score::bigint AS s8,
       score::numeric(4, 1) AS sn, score::float8 AS sf
FROM resp;

-- Group a: 10 9 9 8 7 6 0 -> 3 promoters, 2 passives, 2 detractors of 7.
-- Group b: 10 3 5 8 2 -> 1, 1, 3 of 5.  Group c: no score -> NULL (R5).
SELECT grp, nps(s2), promoter_share(s2), passive_share(s2), detractor_share(s2), nps_stderr(s2)
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
SELECT grp, round(nps_moe(s2)::numeric, 10) AS moe, round(nps_ci_lower(s2)::numeric, 10) AS lo,
       round(nps_ci_upper(s2)::numeric, 10) AS hi
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- Other confidences go through the state and an _of scalar.
SELECT grp, round(nps_moe_of(nps_state(s2), 0.9)::numeric, 10) AS moe90,
       round(nps_ci_lower_of(nps_state(s2), 0.9)::numeric, 10) AS lo90,
       round(nps_ci_upper_of(nps_state(s2), 0.99)::numeric, 10) AS hi99
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- The aggregates are at 95%, as the _of scalars without a confidence and
-- with 0.95, to the last bit.
SELECT bool_and(m1 = m2 AND m1 = m3 AND l1 = l2 AND l1 = l3 AND u1 = u2 AND u1 = u3) AS aggregates_at_095
FROM (SELECT nps_moe(s4) m1, nps_moe_of(nps_state(s4)) m2, nps_moe_of(nps_state(s4), 0.95) m3,
             nps_ci_lower(s4) l1, nps_ci_lower_of(nps_state(s4)) l2, nps_ci_lower_of(nps_state(s4), 0.95) l3,
             nps_ci_upper(s4) u1, nps_ci_upper_of(nps_state(s4)) u2, nps_ci_upper_of(nps_state(s4), 0.95) u3
      FROM typed GROUP BY grp HAVING count(s4) > 0) x;
-- Every _of scalar gives its aggregate's result for the group's state, to
-- the last bit, weighted or not; nps_rows_of counts the rows.
SELECT grp,
       nps_of(nps_state(s2)) IS NOT DISTINCT FROM nps(s2)
   AND promoter_share_of(nps_state(s2)) IS NOT DISTINCT FROM promoter_share(s2)
   AND passive_share_of(nps_state(s2)) IS NOT DISTINCT FROM passive_share(s2)
   AND detractor_share_of(nps_state(s2)) IS NOT DISTINCT FROM detractor_share(s2)
   AND nps_stderr_of(nps_state(s2)) IS NOT DISTINCT FROM nps_stderr(s2)
   AND nps_moe_of(nps_state(s2)) IS NOT DISTINCT FROM nps_moe(s2)
   AND nps_ci_lower_of(nps_state(s2)) IS NOT DISTINCT FROM nps_ci_lower(s2)
   AND nps_ci_upper_of(nps_state(s2)) IS NOT DISTINCT FROM nps_ci_upper(s2)
   AND nps_summary_of(nps_state(s2))::text IS NOT DISTINCT FROM nps_summary(s2)::text AS unweighted_same,
       nps_of(nps_state(s2, w)) IS NOT DISTINCT FROM nps(s2, w)
   AND promoter_share_of(nps_state(s2, w)) IS NOT DISTINCT FROM promoter_share(s2, w)
   AND passive_share_of(nps_state(s2, w)) IS NOT DISTINCT FROM passive_share(s2, w)
   AND detractor_share_of(nps_state(s2, w)) IS NOT DISTINCT FROM detractor_share(s2, w)
   AND nps_stderr_of(nps_state(s2, w)) IS NOT DISTINCT FROM nps_stderr(s2, w)
   AND nps_moe_of(nps_state(s2, w)) IS NOT DISTINCT FROM nps_moe(s2, w)
   AND nps_ci_lower_of(nps_state(s2, w)) IS NOT DISTINCT FROM nps_ci_lower(s2, w)
   AND nps_ci_upper_of(nps_state(s2, w)) IS NOT DISTINCT FROM nps_ci_upper(s2, w)
   AND nps_summary_of(nps_state(s2, w))::text IS NOT DISTINCT FROM nps_summary(s2, w)::text AS weighted_same,
       nps_rows_of(nps_state(s2)) AS rows, nps_rows_of(nps_state(s2, w)) AS weighted_rows
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- promoter_share - detractor_share = nps, to the last bit or two.
SELECT grp, abs(promoter_share(s2) - detractor_share(s2) - nps(s2)) < 1e-13 AS difference_is_nps
FROM typed GROUP BY grp HAVING count(s2) > 0 ORDER BY grp;

-- Weighted (R6): rows with a NULL weight are skipped (id 5, 13); a weight of
-- 0 counts nothing (id 10).  Group a weights: promoters 1+2+0.25, passive 1,
-- detractors 1.5+4; Kish n = 9.75^2 / 24.3125.
SELECT grp, nps(s2, w), promoter_share(s2, w), passive_share(s2, w), detractor_share(s2, w),
       nps_stderr(s2, w)
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- The second argument of nps_moe and the interval is a weight too: 95%
-- margin and adjusted-Wald interval on Kish's n; other levels through the
-- state.
SELECT grp, round(nps_moe(s2, w)::numeric, 10) AS wmoe, round(nps_ci_lower(s2, w)::numeric, 10) AS wlo,
       round(nps_ci_upper(s2, w)::numeric, 10) AS whi,
       round(nps_moe_of(nps_state(s2, w), 0.9)::numeric, 10) AS wmoe90,
       round(nps_ci_lower_of(nps_state(s2, w), 0.8)::numeric, 10) AS wlo80,
       round(nps_ci_upper_of(nps_state(s2, w), 0.99)::numeric, 10) AS whi99
FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- Equal weights give the unweighted numbers.
SELECT grp, nps(s2, 2.5) = nps(s2) AND nps_stderr(s2, 2.5) = nps_stderr(s2) AS equal_weights_unweighted
FROM typed GROUP BY grp HAVING count(s2) > 0 ORDER BY grp;

-- States: the counts of each score, as text (R10); weighted states also
-- carry the per-category counts of weighted rows, sums and sums of squares.
SELECT grp, nps_state(s2) FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
SELECT grp, nps_state(s2, w) FROM typed GROUP BY ROLLUP (grp) ORDER BY grp;
-- Every aggregate reads states as the rows they were made of: a rollup of
-- two halves per group, merged again.
CREATE TABLE halves AS
SELECT grp, id % 2 AS half, nps_state(s2) AS st, nps_state(s2, w) AS wst
FROM typed GROUP BY grp, half;
SELECT grp, nps(st), promoter_share(st), passive_share(st), detractor_share(st), nps_stderr(st),
       round(nps_moe(st)::numeric, 10) AS moe, round(nps_ci_lower_of(nps_state(st), 0.9)::numeric, 10) AS lo90,
       round(nps_ci_upper_of(nps_state(st), 0.99)::numeric, 10) AS hi99
FROM halves GROUP BY ROLLUP (grp) ORDER BY grp;
SELECT grp, nps(wst), promoter_share(wst), passive_share(wst), detractor_share(wst), nps_stderr(wst),
       round(nps_moe(wst)::numeric, 10) AS wmoe, round(nps_ci_lower(wst)::numeric, 10) AS wlo,
       round(nps_ci_upper(wst)::numeric, 10) AS whi
FROM halves GROUP BY ROLLUP (grp) ORDER BY grp;
SELECT grp, nps_state(st),
       nps_summary(st)::text = (SELECT nps_summary(s2) FROM typed t WHERE t.grp = h.grp)::text AS summary_same
FROM halves h GROUP BY grp ORDER BY grp;

-- The summary: counts exact, measures as computed above.
SELECT grp, s->'n' AS n, s->'promoters' AS p, s->'passives' AS pa, s->'detractors' AS d,
       s->'promoter_share' AS ps, s->'passive_share' AS pas, s->'detractor_share' AS ds,
       s->'nps' AS nps, (s->>'stderr')::float8 AS stderr, round((s->>'moe95')::numeric, 10) AS moe95,
       round((s->>'ci95_lower')::numeric, 10) AS lo, round((s->>'ci95_upper')::numeric, 10) AS hi,
       s->'scores' AS scores
FROM (SELECT grp, nps_summary(s2) AS s FROM typed GROUP BY ROLLUP (grp)) x ORDER BY grp;
SELECT string_agg(k, ',') AS summary_keys FROM (SELECT json_object_keys(nps_summary(s4)) k FROM typed) x;
-- Weighted: the counts stay row counts, the shares and measures are
-- weighted, and the summary says so, with Kish's effective n.
SELECT grp, s->'n' AS n, s->'promoters' AS p, s->'passives' AS pa, s->'detractors' AS d,
       s->'weighted' AS weighted, (s->>'effective_n')::float8 AS effective_n,
       (s->>'promoter_share')::float8 AS ps, (s->>'nps')::float8 AS nps, (s->>'stderr')::float8 AS stderr,
       round((s->>'moe95')::numeric, 10) AS moe95, round((s->>'ci95_lower')::numeric, 10) AS lo,
       round((s->>'ci95_upper')::numeric, 10) AS hi
FROM (SELECT grp, nps_summary(s2, w) AS s FROM typed GROUP BY ROLLUP (grp)) x ORDER BY grp;
SELECT string_agg(k, ',') AS weighted_summary_keys FROM (SELECT json_object_keys(nps_summary(s4, w)) k FROM typed) x;
SELECT pg_typeof(nps_summary(s4)), pg_typeof(nps_state(s4)), pg_typeof(nps(s4)) FROM typed;

-- Every score type gives the same results as smallint, to the last bit,
-- for every aggregate and form.
CREATE FUNCTION results_of(col text, g text) RETURNS text LANGUAGE plpgsql
SET extra_float_digits = 3 AS $$
DECLARE
    r text;
BEGIN
    EXECUTE format($q$
        SELECT concat_ws(' | ', nps(%1$I), promoter_share(%1$I), passive_share(%1$I),
            detractor_share(%1$I), nps_stderr(%1$I), nps_moe(%1$I), nps_moe_of(nps_state(%1$I), 0.8),
            nps_ci_lower(%1$I), nps_ci_lower_of(nps_state(%1$I), 0.8), nps_ci_upper(%1$I),
            nps_ci_upper_of(nps_state(%1$I), 0.8), nps_state(%1$I), nps_summary(%1$I), nps(%1$I, w),
            promoter_share(%1$I, w), passive_share(%1$I, w), detractor_share(%1$I, w), nps_stderr(%1$I, w),
            nps_moe(%1$I, w), nps_ci_lower(%1$I, w), nps_ci_upper(%1$I, w), nps_state(%1$I, w),
            nps_summary(%1$I, w))
        FROM typed WHERE grp = $1 OR $1 = 'all'$q$, col) INTO r USING g;
    RETURN r;
END $$;
SELECT g, results_of('s2', g) <> '' AS has_results,
       results_of('s4', g) = results_of('s2', g) AS int4,
       results_of('s8', g) = results_of('s2', g) AS int8,
       results_of('sn', g) = results_of('s2', g) AS "numeric",
       results_of('sf', g) = results_of('s2', g) AS float8
FROM (VALUES ('a'), ('b'), ('c'), ('all')) v(g) ORDER BY g;

-- NULL rules (R4, R5): no rows, only NULL scores, only NULL weights:
-- every aggregate returns NULL, nps_state included; the _of scalars give
-- NULL for a NULL state.
SELECT nps(s2), promoter_share(s2), passive_share(s2), detractor_share(s2), nps_stderr(s2),
       nps_moe(s2), nps_moe(s2, w), nps_ci_lower(s2), nps_ci_upper(s2, w), nps_state(s2),
       nps_summary(s2), nps_summary(s2, w), nps_moe_of(nps_state(s2), 0.9)
FROM typed WHERE false;
SELECT nps(s4), nps_state(s8), nps_summary(sn), nps_moe(sf, 0.5) FROM typed WHERE grp = 'c';
SELECT nps(s2, NULL::float8), nps_state(s2, NULL::float8), nps_moe(s2, NULL::float8),
       nps_summary(s2, NULL::float8) FROM typed;
SELECT nps(st), nps_state(st), nps(st, 1.0), nps_moe(st, 0.9)
FROM (SELECT NULL::nps_state AS st UNION ALL SELECT NULL) x;
SELECT nps_of(NULL), promoter_share_of(NULL), passive_share_of(NULL), detractor_share_of(NULL),
       nps_stderr_of(NULL), nps_moe_of(NULL), nps_moe_of(NULL, 0.9), nps_moe_of(nps_state(9), NULL),
       nps_ci_lower_of(NULL, 0.9), nps_ci_upper_of(nps_state(9), NULL), nps_summary_of(NULL), nps_rows_of(NULL);
-- Over an empty state the _of scalars give NULL as the aggregates do; it holds 0 rows.
SELECT nps_of(st), nps_stderr_of(st), nps_moe_of(st, 0.9), nps_ci_lower_of(st), nps_summary_of(st), nps_rows_of(st)
FROM (SELECT 'scores=0,0,0,0,0,0,0,0,0,0,0'::nps_state AS st) x;
-- Weights that sum to 0: NULL, not 0 (R5).  nps_state still holds the rows.
SELECT nps(s2, 0), nps_stderr(s2, 0), nps_moe(s2, 0), nps_state(s2, 0), nps_of(nps_state(s2, 0)),
       nps_rows_of(nps_state(s2, 0)) FROM typed WHERE grp = 'b';
-- A NULL weight skips its row; the others keep theirs.
SELECT nps_moe(s4, c) = nps_moe(s4, 0.9) FILTER (WHERE c IS NOT NULL) AS null_weight_skips
FROM (SELECT s4, CASE WHEN id % 3 = 0 THEN NULL ELSE 0.9 END AS c FROM typed) x;
-- Scalars: NULL in, NULL out.
SELECT nps_category(NULL::int), nps_category(NULL::smallint, 'en'), nps_category(9, NULL),
       nps_band(NULL), nps_pvalue(NULL, nps_state(9)), nps_pvalue(nps_state(9), NULL);

-- nps_category for every type and language (R2).
SELECT s, nps_category(s::smallint) AS int2, nps_category(s) AS int4, nps_category(s::bigint) AS int8,
       nps_category(s::numeric(3, 1)) AS "numeric", nps_category(s::float8) AS float8
FROM generate_series(0, 10) s ORDER BY s;
SELECT lang, nps_category(0, lang) AS detractor, nps_category(7::smallint, lang) AS passive,
       nps_category(10::bigint, lang) AS promoter
FROM (VALUES ('en'), ('zh'), ('pl'), ('th'), ('de'), ('es'), ('fr'), ('ja'), ('EN'), ('Pl')) v(lang);
SELECT nps_category(8.0::numeric, 'de'), nps_category(9.00::numeric(4, 2), 'fr'), nps_category(6::float8, 'es');

-- nps_band at and around its edges (R13).
SELECT v, nps_band(v) FROM (VALUES (-100::float8), (-0.0001), ('-0'), (0), (29.9999), (30), (69.9999),
       (70), (100)) x(v);

-- nps_pvalue (R12): group a against group b, either order; equal states
-- give 1; an empty side gives NULL.
SELECT nps_pvalue(a, b), nps_pvalue(b, a), nps_pvalue(a, a),
       nps_pvalue('scores=0,0,0,0,0,0,0,0,0,0,0', a) AS empty_side
FROM (SELECT nps_state(s2) FILTER (WHERE grp = 'a') AS a, nps_state(s2) FILTER (WHERE grp = 'b') AS b
      FROM typed) x;
-- Zero variance on both sides: 1 when the NPS are equal, 0 when not.
SELECT nps_pvalue(nps_state(10), nps_state(9)) AS same_nps, nps_pvalue(nps_state(10), nps_state(0)) AS different_nps;

-- The transition functions, called directly, return a new state and leave
-- their argument alone.
SELECT st, nps_state_add(st, 9::smallint) AS added, nps_state_remove(st, 1::smallint) AS removed,
       nps_state_merge(st, st) AS merged, nps_state_add(st, 10, 0.5) AS weighted
FROM (SELECT 'scores=0,1,0,0,0,0,0,0,0,0,2'::nps_state AS st) x;
