-- Versioned install and upgrade scripts: the extension is created at the
-- first release, 0.1.0, and ALTER EXTENSION ... UPDATE brings it to the
-- default version through the nps--A--B.sql chain (a no-op while 0.1.0 is
-- the default).  Every installable version must reach the default, and
-- reach it with the objects a fresh install has.
SET extra_float_digits = 0;
\pset format unaligned
SET client_min_messages = warning;
DROP EXTENSION nps CASCADE;
CREATE EXTENSION nps VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'nps';
ALTER EXTENSION nps UPDATE;
RESET client_min_messages;
SELECT e.extversion = a.default_version AS at_default_version, nps_version() = e.extversion AS library_matches
FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname WHERE e.extname = 'nps';
SELECT count(*) AS versions_that_cannot_reach_default
FROM pg_extension_update_paths('nps') p JOIN pg_available_extensions a ON a.name = 'nps'
WHERE p.target = a.default_version AND p.path IS NULL;
-- Every installable version, created and then updated to the default, holds
-- exactly the objects of a fresh install of the default: an upgrade script
-- that forgets an object (or the install script that forgets one an upgrade
-- adds) fails here.
CREATE TEMP TABLE members (object text);
CREATE FUNCTION pg_temp.members() RETURNS SETOF text LANGUAGE sql AS $$
    SELECT pg_catalog.pg_describe_object(d.classid, d.objid, 0) FROM pg_catalog.pg_depend d
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
      AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'nps') $$;
CREATE TEMP TABLE differs (version text, object text);
SET client_min_messages = warning;
DO $$
DECLARE v text;
BEGIN
    DROP EXTENSION nps CASCADE;
    CREATE EXTENSION nps;
    INSERT INTO members SELECT pg_temp.members();
    FOR v IN SELECT version FROM pg_catalog.pg_available_extension_versions WHERE name = 'nps' LOOP
        DROP EXTENSION nps CASCADE;
        EXECUTE format('CREATE EXTENSION nps VERSION %L', v);
        ALTER EXTENSION nps UPDATE;
        INSERT INTO differs
        SELECT v, m FROM ((SELECT pg_temp.members() EXCEPT SELECT object FROM members)
                          UNION ALL (SELECT object FROM members EXCEPT SELECT pg_temp.members())) x(m);
    END LOOP;
END $$;
RESET client_min_messages;
SELECT count(*) > 100 AS fresh_install_has_objects FROM members;
SELECT count(*) AS objects_an_update_gets_wrong FROM differs;
SELECT * FROM differs ORDER BY 1, 2;
-- The updated extension works, and reads a stored state: format 2 (format
-- 1 was never released), written out by tests/tools/state_blob.py as
-- scores=1,0,0,0,0,0,1,1,1,2,1.
SELECT nps(st), nps_state(st), nps_state(st)::bytea = stored AS same_bytes
FROM (VALUES ('\x6e707302000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000010000000000000001000000000000000200000000000000010000000000000098352897'::bytea)) v(stored),
     LATERAL (SELECT stored::nps_state AS st) x GROUP BY stored;
-- The extension is relocatable: every object moves with it and still works.
CREATE SCHEMA analytics;
ALTER EXTENSION nps SET SCHEMA analytics;
SELECT analytics.nps(s), analytics.nps_moe_of(analytics.nps_state(s), 0.9) > 0 AS has_moe, analytics.nps_state(s)
FROM unnest(ARRAY[10, 9, 9, 8, 7, 6, 0]) s;
SELECT analytics.nps(st), analytics.nps_moe(st) > 0 AS has_moe
FROM (VALUES ('scores=1,0,0,0,0,0,1,1,1,2,1'::analytics.nps_state)) v(st);
SELECT count(*) AS objects_left_in_public FROM pg_proc WHERE proname LIKE 'nps%' AND pronamespace = 'public'::regnamespace;
