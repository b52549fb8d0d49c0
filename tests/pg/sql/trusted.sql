-- A trusted extension (trusted = true in nps.control): a role that is no
-- superuser but may create in its database (here its owner) runs
-- CREATE EXTENSION nps, as with pgcrypto or hstore.  The objects then belong
-- to the bootstrap superuser and the extension to that role; every function
-- runs with the rights of its caller, so nps_alert_on puts a trigger only on
-- a table the caller could put one on itself.  README, "PostgreSQL",
-- "Without a superuser".
\pset format unaligned
SET client_min_messages = warning;
SELECT current_database() AS regress_db \gset
CREATE ROLE regress_nps_owner NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE regress_nps_other NOSUPERUSER;
CREATE DATABASE regress_nps_trusted OWNER regress_nps_owner;
\c regress_nps_trusted
SET client_min_messages = warning;
-- A table the owner of the database cannot alter, in a schema it can use.
CREATE SCHEMA others AUTHORIZATION regress_nps_other;
GRANT USAGE ON SCHEMA others TO regress_nps_owner;
SET ROLE regress_nps_other;
CREATE TABLE others.responses (id int PRIMARY KEY, score smallint);
GRANT SELECT, INSERT ON others.responses TO regress_nps_owner;
RESET ROLE;
SET ROLE regress_nps_owner;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE EXTENSION nps;
SELECT o.rolname AS extension_owner FROM pg_extension e JOIN pg_roles o ON o.oid = e.extowner WHERE e.extname = 'nps';
SELECT DISTINCT o.rolsuper AS functions_owned_by_superuser FROM pg_proc p JOIN pg_roles o ON o.oid = p.proowner WHERE p.proname = 'nps';
SELECT round(nps(s)::numeric, 4) AS nps, round(nps_moe(s)::numeric, 4) AS moe,
       nps_category(6::smallint) AS category, nps_rows_of(nps_state(s)) AS n
FROM unnest(ARRAY[10, 9, 6, 8]::smallint[]) s;
SELECT round(nps(st)::numeric, 4) AS merged
FROM (SELECT nps_state(s)::bytea::nps_state AS st FROM unnest(ARRAY[10, 3]) s) x;
-- An alert on its own table works and fires as that role.
CREATE TABLE mine (id int PRIMARY KEY, score smallint);
SELECT nps_alert_on('mine', 'score') AS installed;
INSERT INTO mine VALUES (1, 2), (2, 10);
SELECT tgname FROM pg_trigger WHERE tgrelid = 'mine'::regclass;
SELECT nps_alert_off('mine') AS removed;
-- Not on a table it may read and write but not alter: PostgreSQL's own
-- check refuses the trigger.
\set VERBOSITY terse
SELECT nps_alert_on('others.responses', 'score');
SELECT nps_alert_off('others.responses');
\set VERBOSITY default
SELECT count(*) AS triggers_on_others FROM pg_trigger WHERE tgrelid = 'others.responses'::regclass;
-- The trigger function itself does nothing outside a trigger.
SELECT nps_alert_notify();
-- The owner of the extension may drop it.
DROP EXTENSION nps CASCADE;
RESET ROLE;
\c :regress_db
SET client_min_messages = warning;
DROP DATABASE regress_nps_trusted;
DROP ROLE regress_nps_owner;
DROP ROLE regress_nps_other;
