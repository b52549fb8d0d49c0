-- The maintained tables equal a full recomputation after rounds of
-- pseudo-random writes to the programme's own tables (upkeep_rounds.sql).
\set ECHO none
\i tests/programme/fixture.sql
\i tests/programme/upkeep_check.sql
\set ECHO all
\i tests/programme/upkeep_rounds.sql
