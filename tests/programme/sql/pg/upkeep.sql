-- The maintained tables equal a full recomputation after rounds of
-- pseudo-random writes to the programme's own tables (upkeep_rounds.sql).
\set ECHO none
\i tests/programme/fixture.sql
\i tests/programme/upkeep_check.sql
\set ECHO all
\i tests/programme/upkeep_rounds.sql

-- The account windows read at a "now" other than the one they are held at:
-- as_of moved without the trigger that moves them along.
ALTER TABLE nps_settings DISABLE TRIGGER nps_settings_accounts;
UPDATE nps_settings SET value = '2026-02-01 06:00:00' WHERE key = 'as_of';
SELECT r FROM nps_account_windows_at;
SELECT * FROM t_check;
