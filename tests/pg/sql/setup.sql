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

-- Every aggregate of SPEC.md, for every score type and for nps_state.
SELECT proname, count(*) AS overloads,
       string_agg(pg_get_function_identity_arguments(oid), '; ' ORDER BY pg_get_function_identity_arguments(oid)) AS arguments
FROM member_procs WHERE prokind = 'a' GROUP BY proname ORDER BY proname;

-- The scalars.
SELECT oid::regprocedure AS scalar, prorettype::regtype AS returns
FROM member_procs JOIN pg_proc USING (oid)
WHERE member_procs.proname IN ('nps_category', 'nps_band', 'nps_pvalue', 'nps_version')
ORDER BY oid::regprocedure::text;

-- No aggregate lacks a combine function, an inverse for moving frames, or parallel safety.
SELECT a.aggfnoid::regprocedure AS incomplete_aggregate
FROM pg_aggregate a JOIN member_procs m ON m.oid = a.aggfnoid
WHERE a.aggcombinefn = 0 OR a.aggminvtransfn = 0 OR a.aggmtransfn = 0 OR a.aggmfinalfn = 0
   OR a.aggmtranstype <> 'nps_state'::regtype OR a.aggtranstype <> 'nps_state'::regtype
   OR m.proparallel <> 's';

-- The programme's scalars: sampling key, case folding, follow-up questions, alerts.
SELECT oid::regprocedure AS programme_function, prorettype::regtype AS returns
FROM member_procs JOIN pg_proc USING (oid)
WHERE member_procs.proname IN ('nps_sample_key', 'nps_casefold', 'nps_followup_question',
                               'nps_alert_on', 'nps_alert_off', 'nps_alert_notify')
ORDER BY oid::regprocedure::text;

-- Every function is immutable, strict and parallel safe, except the
-- programme's that are not pure: nps_followup_question reads an optional
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
SELECT obj_description('nps_state'::regtype, 'pg_type') IS NOT NULL AS type_commented;
SELECT c.castsource::regtype, c.casttarget::regtype, c.castcontext,
       obj_description(c.oid, 'pg_cast') IS NOT NULL AS commented
FROM pg_cast c WHERE 'nps_state'::regtype IN (c.castsource, c.casttarget) ORDER BY c.castsource::regtype::text;

-- nps_state is a fixed-size type passed by reference: 11 + 3 int64 counts,
-- 6 double sums and the confidence, 8 bytes each = 168, double-aligned.
SELECT typlen, typbyval, typalign, typstorage FROM pg_type WHERE oid = 'nps_state'::regtype;

-- The version: one string, from VERSION, in the control file and the library.
SELECT nps_version() = (SELECT extversion FROM pg_extension WHERE extname = 'nps') AS version_matches;
SELECT nps_version() ~ '^[0-9]+\.[0-9]+\.[0-9]+$' AS version_is_semver;
