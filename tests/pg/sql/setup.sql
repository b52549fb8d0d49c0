-- The extension installs every object of the contract, each with its true
-- marking and a comment.
CREATE EXTENSION nps;
SET extra_float_digits = 0;
\pset format unaligned

-- Functions and aggregates that belong to the extension.
CREATE TEMP VIEW member_procs AS
SELECT p.oid, p.proname, p.prokind, p.provolatile, p.proisstrict, p.proparallel
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'nps');

-- Every aggregate of SPEC.md, for every score type and for nps_state; the
-- second argument of every one is a weight.
SELECT proname, count(*) AS overloads,
       string_agg(pg_get_function_identity_arguments(oid), '; ' ORDER BY pg_get_function_identity_arguments(oid)) AS arguments
FROM member_procs WHERE prokind = 'a' GROUP BY proname ORDER BY proname;

-- The scalars, and the _of scalars that read one state (other confidences
-- go through these, never through an aggregate's argument).
SELECT oid::regprocedure AS scalar, prorettype::regtype AS returns
FROM member_procs JOIN pg_proc USING (oid)
WHERE member_procs.proname IN ('nps_category', 'nps_band', 'nps_pvalue', 'nps_version', 'nps_state_merge', 'nps_pair_state_merge')
   OR member_procs.proname LIKE '%\_of'
ORDER BY oid::regprocedure::text;

-- The inference scalars (I1-I5): planning, p-values with an alternative or
-- a benchmark, the interval of a change, the rest of a total.
SELECT oid::regprocedure AS inference_scalar, prorettype::regtype AS returns
FROM member_procs JOIN pg_proc USING (oid)
WHERE member_procs.proname IN ('nps_sample_size', 'nps_mde', 'nps_diff_ci_lower', 'nps_diff_ci_upper',
                               'nps_state_unmerge')
ORDER BY oid::regprocedure::text;

-- No aggregate lacks a combine function, an inverse for moving frames, or parallel safety.
SELECT a.aggfnoid::regprocedure AS incomplete_aggregate
FROM pg_aggregate a JOIN member_procs m ON m.oid = a.aggfnoid
WHERE a.aggcombinefn = 0 OR a.aggminvtransfn = 0 OR a.aggmtransfn = 0 OR a.aggmfinalfn = 0
   OR a.aggmtranstype <> a.aggtranstype OR a.aggtranstype NOT IN ('nps_state'::regtype, 'nps_pair_state'::regtype,
                                                                             'csat_state'::regtype, 'ces_state'::regtype)
   OR m.proparallel <> 's';
-- The aggregates merge partial states with the strict nps_state_combine;
-- nps_state_merge (NULL + s = s) is the user-facing scalar.
SELECT DISTINCT a.aggcombinefn::regproc::text AS combine_function FROM pg_aggregate a JOIN member_procs m ON m.oid = a.aggfnoid ORDER BY 1;

-- The programme's scalars: sampling key, case folding, follow-up questions, alerts.
SELECT oid::regprocedure AS programme_function, prorettype::regtype AS returns
FROM member_procs JOIN pg_proc USING (oid)
WHERE member_procs.proname IN ('nps_sample_key', 'nps_casefold', 'nps_followup_question',
                               'nps_alert_on', 'nps_alert_off', 'nps_alert_notify')
ORDER BY oid::regprocedure::text;

-- Every function is immutable, strict and parallel safe, except
-- nps_state_merge, which is not strict (NULL + s = s, for ON CONFLICT ... DO
-- UPDATE), and the programme's that are not pure: nps_followup_question reads an optional
-- override table (stable, parallel restricted); nps_alert_on and
-- nps_alert_off change the schema and report NULL arguments themselves, and
-- nps_alert_notify is their trigger function (volatile, parallel unsafe).
SELECT oid::regprocedure AS not_pure, provolatile, proisstrict, proparallel
FROM member_procs
WHERE prokind = 'f' AND (provolatile <> 'i' OR NOT proisstrict OR proparallel <> 's')
ORDER BY oid::regprocedure::text;

-- Every function, aggregate, the type and the casts carry a comment.
SELECT oid::regprocedure AS uncommented FROM member_procs
WHERE obj_description(oid, 'pg_proc') IS NULL;
SELECT t AS state_type, obj_description(t, 'pg_type') IS NOT NULL AS commented
FROM unnest(ARRAY['nps_state', 'nps_pair_state', 'csat_state', 'ces_state']::regtype[]) AS t;
SELECT c.castsource::regtype, c.casttarget::regtype, c.castcontext,
       obj_description(c.oid, 'pg_cast') IS NOT NULL AS commented
FROM pg_cast c
WHERE c.castsource IN ('nps_state'::regtype, 'nps_pair_state'::regtype, 'csat_state'::regtype, 'ces_state'::regtype)
   OR c.casttarget IN ('nps_state'::regtype, 'nps_pair_state'::regtype, 'csat_state'::regtype, 'ces_state'::regtype)
ORDER BY c.castsource::regtype::text, c.casttarget::regtype::text;

-- nps_state is a varlena passed by reference, double-aligned, stored plain
-- (never compressed or toasted); its value carries a layout version, so a
-- later release can read what this one stored.  Every way in makes a value
-- of one size: from scores, weighted or not, text, bytea and merges.
SELECT typname, typlen, typbyval, typalign, typstorage FROM pg_type
WHERE oid IN ('nps_state'::regtype, 'nps_pair_state'::regtype, 'csat_state'::regtype, 'ces_state'::regtype)
ORDER BY typname;
SELECT count(*) AS ways_in, count(DISTINCT pg_column_size(st)) AS sizes FROM (
    SELECT nps_state(9) AS st UNION ALL SELECT nps_state(9, 0.5)
    UNION ALL SELECT 'scores=1,0,0,0,0,0,0,0,0,0,0'::nps_state
    UNION ALL SELECT 'scores=1,0,0,0,0,0,0,0,0,0,0 weighted=1,0,0 wsum=0x3p-70,0,0 wsq=0x9p-140,0,0'::nps_state
    UNION ALL SELECT nps_state(9)::bytea::nps_state UNION ALL SELECT nps_state(9, 0.5)::bytea::nps_state
    UNION ALL SELECT nps_state_merge(nps_state(9), nps_state(1, 2))) v;

-- The version: one string, from VERSION, in the control file and the library.
SELECT nps_version() = (SELECT extversion FROM pg_extension WHERE extname = 'nps') AS version_matches;
SELECT nps_version() ~ '^[0-9]+\.[0-9]+\.[0-9]+$' AS version_is_semver;
