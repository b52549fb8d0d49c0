-- Versioned install and upgrade scripts: the extension is created at the
-- first release, 0.1.0, and ALTER EXTENSION ... UPDATE brings it to the
-- default version through the nps--A--B.sql chain (a no-op while 0.1.0 is
-- the default).  Every installable version must reach the default.
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
-- The updated extension works, and reads a state stored by 0.1.0.
SELECT nps(st), nps_state(st), nps_state(st)::bytea = stored AS same_bytes
FROM (VALUES ('\x6e707301000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000010000000000000001000000000000000200000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000086172455'::bytea)) v(stored),
     LATERAL (SELECT stored::nps_state AS st) x GROUP BY stored;
