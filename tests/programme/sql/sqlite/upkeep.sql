-- The maintained tables equal a full recomputation after rounds of
-- pseudo-random writes to the programme's own tables (upkeep_rounds.sql).
.echo off
.read tests/programme/fixture.sql
.read tests/programme/upkeep_check.sql
.echo on
.read tests/programme/upkeep_rounds.sql
