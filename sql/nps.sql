-- nps @VERSION@: Net Promoter Score as native SQL functions.
-- The one editable install script: pg-ext/Makefile stamps it into
-- nps--<version>.sql.  Upgrades are hand-written sql/nps--A--B.sql scripts.

\echo Use "CREATE EXTENSION nps" to load this file. \quit

-- ---------------------------------------------------------------------------
-- The state type: counts per score 0..10, per-category weighted rows, exact
-- sums of weights and of squared weights (R10).  Stored as a varlena that
-- carries its layout version.  Text form: 'scores=c0,...,c10[ weighted=..
-- wsum=.. wsq=..]'.  Binary form and bytea cast: the core's format 2, the same
-- bytes as SQLite's state blob; text and binary carry the same information.
-- ---------------------------------------------------------------------------

CREATE TYPE nps_state;

CREATE FUNCTION nps_state_in(cstring) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_out(nps_state) RETURNS cstring
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_recv(internal) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_send(nps_state) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE nps_state (
    INPUT = nps_state_in,
    OUTPUT = nps_state_out,
    RECEIVE = nps_state_recv,
    SEND = nps_state_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE nps_state IS
    'mergeable NPS state: the count of each score 0..10 and the per-category exact sums of weights and squared weights';
COMMENT ON FUNCTION nps_state_in(cstring) IS 'text input of nps_state; the value is checked';
COMMENT ON FUNCTION nps_state_out(nps_state) IS 'text output of nps_state, read back exactly by its input';
COMMENT ON FUNCTION nps_state_recv(internal) IS 'binary input of nps_state (state format 2); the value is checked';
COMMENT ON FUNCTION nps_state_send(nps_state) IS 'binary output of nps_state (state format 2)';

CREATE FUNCTION nps_state_to_bytea(nps_state) RETURNS bytea
    AS 'MODULE_PATHNAME', 'nps_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_from_bytea(bytea) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (nps_state AS bytea) WITH FUNCTION nps_state_to_bytea(nps_state);
CREATE CAST (bytea AS nps_state) WITH FUNCTION nps_state_from_bytea(bytea);

COMMENT ON FUNCTION nps_state_to_bytea(nps_state) IS
    'cast nps_state to bytea: state format 2, the same bytes as an SQLite state blob';
COMMENT ON FUNCTION nps_state_from_bytea(bytea) IS
    'cast bytea to nps_state: state format 2, checked (length, magic, version, checksum, consistency)';
COMMENT ON CAST (nps_state AS bytea) IS 'state format 2, as SQLite stores it';
COMMENT ON CAST (bytea AS nps_state) IS 'read a state in format 2, as SQLite stores it; checked';

-- ---------------------------------------------------------------------------
-- Scalars
-- ---------------------------------------------------------------------------

CREATE FUNCTION nps_category(smallint) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(integer) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(numeric) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(double precision) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(smallint, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(integer, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(bigint, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(numeric, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(double precision, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nps_category(smallint) IS 'category of a score 0..10: detractor (0-6), passive (7-8) or promoter (9-10)';
COMMENT ON FUNCTION nps_category(integer) IS 'category of a score 0..10: detractor (0-6), passive (7-8) or promoter (9-10)';
COMMENT ON FUNCTION nps_category(bigint) IS 'category of a score 0..10: detractor (0-6), passive (7-8) or promoter (9-10)';
COMMENT ON FUNCTION nps_category(numeric) IS 'category of a whole-number score 0..10: detractor (0-6), passive (7-8) or promoter (9-10)';
COMMENT ON FUNCTION nps_category(double precision) IS 'category of a whole-number score 0..10: detractor (0-6), passive (7-8) or promoter (9-10)';
COMMENT ON FUNCTION nps_category(smallint, text) IS 'category label of a score 0..10 in a language: en, zh, pl, th, de, es, fr, ja';
COMMENT ON FUNCTION nps_category(integer, text) IS 'category label of a score 0..10 in a language: en, zh, pl, th, de, es, fr, ja';
COMMENT ON FUNCTION nps_category(bigint, text) IS 'category label of a score 0..10 in a language: en, zh, pl, th, de, es, fr, ja';
COMMENT ON FUNCTION nps_category(numeric, text) IS 'category label of a whole-number score 0..10 in a language: en, zh, pl, th, de, es, fr, ja';
COMMENT ON FUNCTION nps_category(double precision, text) IS 'category label of a whole-number score 0..10 in a language: en, zh, pl, th, de, es, fr, ja';

CREATE FUNCTION nps_band(double precision) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_band_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_band(double precision) IS
    'band of an NPS value: negative (< 0), good (0 to < 30), great (30 to < 70), excellent (70 and up)';

CREATE FUNCTION nps_pvalue(nps_state, nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nps_pvalue_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_pvalue(nps_state, nps_state) IS
    'two-sided p-value that the NPS of two states differ: z = (nps_a - nps_b) / sqrt(se_a^2 + se_b^2)';

CREATE FUNCTION nps_version() RETURNS text
    AS 'MODULE_PATHNAME', 'nps_version_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_version() IS 'version of the nps library';

CREATE FUNCTION nps_category(nps_state) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_category(nps_state, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_category_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_category(nps_state) IS 'an error: nps_category takes a score 0..10, not an nps_state';
COMMENT ON FUNCTION nps_category(nps_state, text) IS 'an error: nps_category takes a score 0..10, not an nps_state';

-- ---------------------------------------------------------------------------
-- One state, one row: the _of scalars give an aggregate's result for one
-- state value, so a state can be read in a row (lag(), a BI tool's metric, a
-- state shipped by a shard).  The margin and the interval take a confidence.
-- ---------------------------------------------------------------------------

CREATE FUNCTION nps_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_of(nps_state) IS 'the NPS of a state, -100..100';
CREATE FUNCTION promoter_share_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION promoter_share_of(nps_state) IS '% promoters of a state';
CREATE FUNCTION passive_share_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION passive_share_of(nps_state) IS '% passives of a state';
CREATE FUNCTION detractor_share_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION detractor_share_of(nps_state) IS '% detractors of a state';
CREATE FUNCTION nps_stderr_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_stderr_of(nps_state) IS 'standard error of the NPS of a state, in points (weighted: Kish''s n)';
CREATE FUNCTION nps_moe_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_moe_of(nps_state, confidence double precision) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_moe_of(nps_state) IS 'margin of error of the NPS of a state in points, z * stderr (Wald), at 95%';
COMMENT ON FUNCTION nps_moe_of(nps_state, double precision) IS 'margin of error of the NPS of a state in points, z * stderr (Wald), at a confidence 0 < c < 1';
CREATE FUNCTION nps_ci_lower_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_ci_lower_of(nps_state, confidence double precision) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ci_lower_of(nps_state) IS 'lower bound of the adjusted-Wald interval of the NPS of a state, at 95%';
COMMENT ON FUNCTION nps_ci_lower_of(nps_state, double precision) IS 'lower bound of the adjusted-Wald interval of the NPS of a state, at a confidence 0 < c < 1';
CREATE FUNCTION nps_ci_upper_of(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_ci_upper_of(nps_state, confidence double precision) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ci_upper_of(nps_state) IS 'upper bound of the adjusted-Wald interval of the NPS of a state, at 95%';
COMMENT ON FUNCTION nps_ci_upper_of(nps_state, double precision) IS 'upper bound of the adjusted-Wald interval of the NPS of a state, at a confidence 0 < c < 1';
CREATE FUNCTION nps_summary_of(nps_state) RETURNS json
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_summary_of(nps_state) IS 'the JSON summary of a state';
CREATE FUNCTION nps_rows_of(nps_state) RETURNS bigint
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_rows_of(nps_state) IS 'the number of rows a state holds';

-- ---------------------------------------------------------------------------
-- Final functions of the aggregates: one result of a state; NULL over no rows.
-- ---------------------------------------------------------------------------

CREATE FUNCTION nps_final_nps(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_promoter_share(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_passive_share(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_detractor_share(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_stderr(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_moe(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_ci_lower(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_ci_upper(nps_state) RETURNS double precision
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_state(nps_state) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_final_summary(nps_state) RETURNS json
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nps_final_nps(nps_state) IS 'final function of nps(): the NPS of a state';
COMMENT ON FUNCTION nps_final_promoter_share(nps_state) IS 'final function of promoter_share(): % promoters of a state';
COMMENT ON FUNCTION nps_final_passive_share(nps_state) IS 'final function of passive_share(): % passives of a state';
COMMENT ON FUNCTION nps_final_detractor_share(nps_state) IS 'final function of detractor_share(): % detractors of a state';
COMMENT ON FUNCTION nps_final_stderr(nps_state) IS 'final function of nps_stderr(): standard error of the NPS of a state, in points';
COMMENT ON FUNCTION nps_final_moe(nps_state) IS 'final function of nps_moe(): 95% margin of error of a state, in points';
COMMENT ON FUNCTION nps_final_ci_lower(nps_state) IS 'final function of nps_ci_lower(): lower bound of the 95% adjusted-Wald interval';
COMMENT ON FUNCTION nps_final_ci_upper(nps_state) IS 'final function of nps_ci_upper(): upper bound of the 95% adjusted-Wald interval';
COMMENT ON FUNCTION nps_final_state(nps_state) IS 'final function of nps_state(): the state, NULL over no rows';
COMMENT ON FUNCTION nps_final_summary(nps_state) IS 'final function of nps_summary(): the JSON summary of a state';

-- ---------------------------------------------------------------------------
-- Transition functions, per score type.  Inside an aggregate they update the
-- state in place; called directly they return a new state.  The *_remove*
-- functions are the inverses that let a window frame slide in O(1); a
-- weighted one returns NULL (PostgreSQL then recomputes the frame) when the
-- frame holds weights too far apart to take a row out exactly.
-- ---------------------------------------------------------------------------

CREATE FUNCTION nps_state_merge(nps_state, nps_state) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION nps_state_combine(nps_state, nps_state) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_unmerge(nps_state, nps_state) RETURNS nps_state
    AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, nps_state, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_weighted_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, nps_state, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_weighted_state' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION nps_state_merge(nps_state, nps_state) IS
    'the merged state (NULL + s = s): a rollup row updated in place';
COMMENT ON FUNCTION nps_state_combine(nps_state, nps_state) IS
    'transition and combine function of the aggregates: merge a state into another';
COMMENT ON FUNCTION nps_state_unmerge(nps_state, nps_state) IS
    'inverse transition of the aggregates over states: take a merged state out again';
COMMENT ON FUNCTION nps_state_add(nps_state, nps_state, double precision) IS
    'transition of the weighted aggregates over states: an error, a weight cannot be applied to an nps_state';
COMMENT ON FUNCTION nps_state_remove(nps_state, nps_state, double precision) IS
    'inverse transition of the weighted aggregates over states: an error, a weight cannot be applied to an nps_state';

-- smallint scores
CREATE FUNCTION nps_state_add(nps_state, smallint) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, smallint) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, smallint, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_weighted_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, smallint, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_weighted_int2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_add(nps_state, smallint) IS
    'transition function of the aggregates over smallint scores: count one score 0..10';
COMMENT ON FUNCTION nps_state_remove(nps_state, smallint) IS
    'inverse transition of the aggregates over smallint scores: take one score out again';
COMMENT ON FUNCTION nps_state_add(nps_state, smallint, double precision) IS
    'transition function of the weighted aggregates over smallint scores: count one score with its weight';
COMMENT ON FUNCTION nps_state_remove(nps_state, smallint, double precision) IS
    'inverse transition of the weighted aggregates over smallint scores: take one weighted score out again';

-- integer scores
CREATE FUNCTION nps_state_add(nps_state, integer) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, integer) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, integer, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_weighted_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, integer, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_weighted_int4' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_add(nps_state, integer) IS
    'transition function of the aggregates over integer scores: count one score 0..10';
COMMENT ON FUNCTION nps_state_remove(nps_state, integer) IS
    'inverse transition of the aggregates over integer scores: take one score out again';
COMMENT ON FUNCTION nps_state_add(nps_state, integer, double precision) IS
    'transition function of the weighted aggregates over integer scores: count one score with its weight';
COMMENT ON FUNCTION nps_state_remove(nps_state, integer, double precision) IS
    'inverse transition of the weighted aggregates over integer scores: take one weighted score out again';

-- bigint scores
CREATE FUNCTION nps_state_add(nps_state, bigint) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, bigint) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, bigint, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_weighted_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, bigint, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_weighted_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_add(nps_state, bigint) IS
    'transition function of the aggregates over bigint scores: count one score 0..10';
COMMENT ON FUNCTION nps_state_remove(nps_state, bigint) IS
    'inverse transition of the aggregates over bigint scores: take one score out again';
COMMENT ON FUNCTION nps_state_add(nps_state, bigint, double precision) IS
    'transition function of the weighted aggregates over bigint scores: count one score with its weight';
COMMENT ON FUNCTION nps_state_remove(nps_state, bigint, double precision) IS
    'inverse transition of the weighted aggregates over bigint scores: take one weighted score out again';

-- numeric scores
CREATE FUNCTION nps_state_add(nps_state, numeric) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, numeric) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, numeric, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_weighted_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, numeric, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_weighted_numeric' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_add(nps_state, numeric) IS
    'transition function of the aggregates over numeric scores: count one score 0..10';
COMMENT ON FUNCTION nps_state_remove(nps_state, numeric) IS
    'inverse transition of the aggregates over numeric scores: take one score out again';
COMMENT ON FUNCTION nps_state_add(nps_state, numeric, double precision) IS
    'transition function of the weighted aggregates over numeric scores: count one score with its weight';
COMMENT ON FUNCTION nps_state_remove(nps_state, numeric, double precision) IS
    'inverse transition of the weighted aggregates over numeric scores: take one weighted score out again';

-- double precision scores
CREATE FUNCTION nps_state_add(nps_state, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_add(nps_state, double precision, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_add_weighted_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_state_remove(nps_state, double precision, double precision) RETURNS nps_state
    AS 'MODULE_PATHNAME', 'nps_state_remove_weighted_float8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_state_add(nps_state, double precision) IS
    'transition function of the aggregates over double precision scores: count one score 0..10';
COMMENT ON FUNCTION nps_state_remove(nps_state, double precision) IS
    'inverse transition of the aggregates over double precision scores: take one score out again';
COMMENT ON FUNCTION nps_state_add(nps_state, double precision, double precision) IS
    'transition function of the weighted aggregates over double precision scores: count one score with its weight';
COMMENT ON FUNCTION nps_state_remove(nps_state, double precision, double precision) IS
    'inverse transition of the weighted aggregates over double precision scores: take one weighted score out again';

-- ---------------------------------------------------------------------------
-- Aggregates.  Each one is defined for scores of every integer type, numeric
-- and double precision (whole numbers only), and for nps_state values, which
-- it merges; each also takes (score, weight double precision).  The second
-- argument is always a weight (the margin and the interval are at 95%; other
-- levels through nps_state and the _of scalars).  All of them: STRICT
-- transitions (a NULL in any argument skips the row), the same COMBINEFUNC
-- for parallel plans, and an inverse for window frames that slide in O(1).
-- ---------------------------------------------------------------------------

-- nps
CREATE AGGREGATE nps(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(smallint) IS 'net promoter score: % promoters - % detractors, -100..100; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(smallint, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(integer) IS 'net promoter score: % promoters - % detractors, -100..100; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(integer, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(bigint) IS 'net promoter score: % promoters - % detractors, -100..100; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(bigint, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(numeric) IS 'net promoter score: % promoters - % detractors, -100..100; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(numeric, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(double precision) IS 'net promoter score: % promoters - % detractors, -100..100; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(double precision, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(nps_state) IS 'net promoter score: % promoters - % detractors, -100..100; merges nps_state values';
CREATE AGGREGATE nps(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_nps,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_nps,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps(nps_state, double precision) IS 'net promoter score: % promoters - % detractors, -100..100; an error: a weight cannot be applied to an nps_state';

-- promoter_share
CREATE AGGREGATE promoter_share(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(smallint) IS '% promoters (scores 9-10), 0..100; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE promoter_share(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(smallint, double precision) IS '% promoters (scores 9-10), 0..100; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE promoter_share(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(integer) IS '% promoters (scores 9-10), 0..100; integer scores 0..10, NULL skipped';
CREATE AGGREGATE promoter_share(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(integer, double precision) IS '% promoters (scores 9-10), 0..100; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE promoter_share(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(bigint) IS '% promoters (scores 9-10), 0..100; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE promoter_share(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(bigint, double precision) IS '% promoters (scores 9-10), 0..100; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE promoter_share(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(numeric) IS '% promoters (scores 9-10), 0..100; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE promoter_share(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(numeric, double precision) IS '% promoters (scores 9-10), 0..100; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE promoter_share(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(double precision) IS '% promoters (scores 9-10), 0..100; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE promoter_share(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(double precision, double precision) IS '% promoters (scores 9-10), 0..100; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE promoter_share(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(nps_state) IS '% promoters (scores 9-10), 0..100; merges nps_state values';
CREATE AGGREGATE promoter_share(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_promoter_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_promoter_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE promoter_share(nps_state, double precision) IS '% promoters (scores 9-10), 0..100; an error: a weight cannot be applied to an nps_state';

-- passive_share
CREATE AGGREGATE passive_share(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(smallint) IS '% passives (scores 7-8), 0..100; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE passive_share(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(smallint, double precision) IS '% passives (scores 7-8), 0..100; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE passive_share(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(integer) IS '% passives (scores 7-8), 0..100; integer scores 0..10, NULL skipped';
CREATE AGGREGATE passive_share(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(integer, double precision) IS '% passives (scores 7-8), 0..100; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE passive_share(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(bigint) IS '% passives (scores 7-8), 0..100; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE passive_share(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(bigint, double precision) IS '% passives (scores 7-8), 0..100; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE passive_share(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(numeric) IS '% passives (scores 7-8), 0..100; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE passive_share(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(numeric, double precision) IS '% passives (scores 7-8), 0..100; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE passive_share(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(double precision) IS '% passives (scores 7-8), 0..100; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE passive_share(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(double precision, double precision) IS '% passives (scores 7-8), 0..100; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE passive_share(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(nps_state) IS '% passives (scores 7-8), 0..100; merges nps_state values';
CREATE AGGREGATE passive_share(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_passive_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_passive_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE passive_share(nps_state, double precision) IS '% passives (scores 7-8), 0..100; an error: a weight cannot be applied to an nps_state';

-- detractor_share
CREATE AGGREGATE detractor_share(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(smallint) IS '% detractors (scores 0-6), 0..100; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE detractor_share(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(smallint, double precision) IS '% detractors (scores 0-6), 0..100; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE detractor_share(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(integer) IS '% detractors (scores 0-6), 0..100; integer scores 0..10, NULL skipped';
CREATE AGGREGATE detractor_share(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(integer, double precision) IS '% detractors (scores 0-6), 0..100; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE detractor_share(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(bigint) IS '% detractors (scores 0-6), 0..100; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE detractor_share(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(bigint, double precision) IS '% detractors (scores 0-6), 0..100; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE detractor_share(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(numeric) IS '% detractors (scores 0-6), 0..100; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE detractor_share(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(numeric, double precision) IS '% detractors (scores 0-6), 0..100; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE detractor_share(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(double precision) IS '% detractors (scores 0-6), 0..100; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE detractor_share(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(double precision, double precision) IS '% detractors (scores 0-6), 0..100; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE detractor_share(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(nps_state) IS '% detractors (scores 0-6), 0..100; merges nps_state values';
CREATE AGGREGATE detractor_share(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_detractor_share,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_detractor_share,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE detractor_share(nps_state, double precision) IS '% detractors (scores 0-6), 0..100; an error: a weight cannot be applied to an nps_state';

-- nps_stderr
CREATE AGGREGATE nps_stderr(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(smallint) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_stderr(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(smallint, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_stderr(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(integer) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_stderr(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(integer, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_stderr(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(bigint) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_stderr(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(bigint, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_stderr(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(numeric) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_stderr(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(numeric, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_stderr(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_stderr(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(double precision, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_stderr(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(nps_state) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; merges nps_state values';
CREATE AGGREGATE nps_stderr(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_stderr,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_stderr,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_stderr(nps_state, double precision) IS 'standard error of the NPS in points: 100 * sqrt((p + d - (p - d)^2) / n); weighted, n is Kish''s effective n; an error: a weight cannot be applied to an nps_state';

-- nps_state
CREATE AGGREGATE nps_state(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(smallint) IS 'mergeable state of the scores (NULL over no rows); smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_state(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(smallint, double precision) IS 'mergeable state of the scores (NULL over no rows); weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_state(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(integer) IS 'mergeable state of the scores (NULL over no rows); integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_state(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(integer, double precision) IS 'mergeable state of the scores (NULL over no rows); weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_state(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(bigint) IS 'mergeable state of the scores (NULL over no rows); bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_state(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(bigint, double precision) IS 'mergeable state of the scores (NULL over no rows); weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_state(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(numeric) IS 'mergeable state of the scores (NULL over no rows); numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_state(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(numeric, double precision) IS 'mergeable state of the scores (NULL over no rows); weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_state(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(double precision) IS 'mergeable state of the scores (NULL over no rows); double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_state(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(double precision, double precision) IS 'mergeable state of the scores (NULL over no rows); weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_state(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(nps_state) IS 'mergeable state of the scores (NULL over no rows); merges nps_state values';
CREATE AGGREGATE nps_state(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_state,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_state,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_state(nps_state, double precision) IS 'mergeable state of the scores (NULL over no rows); an error: a weight cannot be applied to an nps_state';

-- nps_summary
CREATE AGGREGATE nps_summary(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(smallint) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_summary(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(smallint, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_summary(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(integer) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_summary(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(integer, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_summary(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(bigint) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_summary(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(bigint, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_summary(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(numeric) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_summary(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(numeric, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_summary(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_summary(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(double precision, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_summary(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(nps_state) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; merges nps_state values';
CREATE AGGREGATE nps_summary(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_summary,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_summary,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_summary(nps_state, double precision) IS 'JSON summary: n, the three counts and shares, nps, stderr, moe95, the 95% interval and the 11 score counts; an error: a weight cannot be applied to an nps_state';

-- nps_moe
CREATE AGGREGATE nps_moe(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(smallint) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_moe(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(smallint, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_moe(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(integer) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_moe(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(integer, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_moe(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(bigint) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_moe(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(bigint, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_moe(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(numeric) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_moe(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(numeric, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_moe(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_moe(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(double precision, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_moe(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(nps_state) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; merges nps_state values';
CREATE AGGREGATE nps_moe(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_moe,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_moe,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_moe(nps_state, double precision) IS '95% margin of error of the NPS in points, z * stderr (Wald); weighted, on Kish''s effective n; an error: a weight cannot be applied to an nps_state';

-- nps_ci_lower
CREATE AGGREGATE nps_ci_lower(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(smallint) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_lower(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(smallint, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_lower(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(integer) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_lower(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(integer, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_lower(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(bigint) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_lower(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(bigint, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_lower(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(numeric) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_lower(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(numeric, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_lower(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_lower(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(double precision, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_lower(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(nps_state) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; merges nps_state values';
CREATE AGGREGATE nps_ci_lower(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_lower,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_lower,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_lower(nps_state, double precision) IS 'lower bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; an error: a weight cannot be applied to an nps_state';

-- nps_ci_upper
CREATE AGGREGATE nps_ci_upper(smallint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(smallint) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; smallint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_upper(smallint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(smallint, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted smallint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_upper(integer) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(integer) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; integer scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_upper(integer, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(integer, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted integer scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_upper(bigint) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(bigint) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; bigint scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_upper(bigint, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(bigint, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted bigint scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_upper(numeric) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(numeric) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; numeric scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_upper(numeric, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(numeric, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted numeric scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_upper(double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; double precision scores 0..10, NULL skipped';
CREATE AGGREGATE nps_ci_upper(double precision, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(double precision, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; weighted double precision scores 0..10, weight finite and >= 0, NULL weight skips the row';
CREATE AGGREGATE nps_ci_upper(nps_state) (
    SFUNC = nps_state_combine, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_combine, MINVFUNC = nps_state_unmerge, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(nps_state) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; merges nps_state values';
CREATE AGGREGATE nps_ci_upper(nps_state, double precision) (
    SFUNC = nps_state_add, STYPE = nps_state, INITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', FINALFUNC = nps_final_ci_upper,
    COMBINEFUNC = nps_state_combine,
    MSFUNC = nps_state_add, MINVFUNC = nps_state_remove, MSTYPE = nps_state, MINITCOND = 'scores=0,0,0,0,0,0,0,0,0,0,0', MFINALFUNC = nps_final_ci_upper,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE nps_ci_upper(nps_state, double precision) IS 'upper bound of the 95% adjusted-Wald interval of the NPS; weighted, on Kish''s effective n; an error: a weight cannot be applied to an nps_state';

-- ---------------------------------------------------------------------------
-- The programme toolkit: sampling keys, case folding, follow-up questions and
-- detractor alerts (rules P1-P4 of core/nps.h).  The tables and views of a
-- programme (follow-ups, invitations, themes, ...) are in sql/programme/pg.sql.
-- ---------------------------------------------------------------------------

CREATE FUNCTION nps_sample_key(text, text) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_sample_key_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nps_sample_key(bigint, text) RETURNS bigint
    AS 'MODULE_PATHNAME', 'nps_sample_key_int8' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_sample_key(text, text) IS
    'deterministic sampling key 0..2^63-1 of (key, seed): FNV-1a 64 of seed, 0xFF, key, then the splitmix64 finaliser, >> 1; the same in SQLite';
COMMENT ON FUNCTION nps_sample_key(bigint, text) IS
    'deterministic sampling key of an integer key: the key of its decimal digits, as SQLite computes it';

CREATE FUNCTION nps_casefold(text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_casefold_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_casefold(text) IS
    'text with the upper-case letters of Latin, Greek and Cyrillic scripts (and full-width Latin) in lower case, independent of the locale; the same in SQLite';

CREATE FUNCTION nps_followup_question(smallint) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int2' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE FUNCTION nps_followup_question(smallint, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int2' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION nps_followup_question(smallint) IS
    'follow-up question for the category of a score 0..10, in English; nps_followup_questions(category, lang, question) overrides it when that table exists';
COMMENT ON FUNCTION nps_followup_question(smallint, text) IS
    'follow-up question for the category of a score 0..10 in a language (en, zh, pl, th, de, es, fr, ja); nps_followup_questions(category, lang, question) overrides it when that table exists';

CREATE FUNCTION nps_followup_question(integer) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int4' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE FUNCTION nps_followup_question(integer, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int4' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION nps_followup_question(integer) IS
    'follow-up question for the category of a score 0..10, in English; nps_followup_questions(category, lang, question) overrides it when that table exists';
COMMENT ON FUNCTION nps_followup_question(integer, text) IS
    'follow-up question for the category of a score 0..10 in a language (en, zh, pl, th, de, es, fr, ja); nps_followup_questions(category, lang, question) overrides it when that table exists';

CREATE FUNCTION nps_followup_question(bigint) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int8' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE FUNCTION nps_followup_question(bigint, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_int8' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION nps_followup_question(bigint) IS
    'follow-up question for the category of a score 0..10, in English; nps_followup_questions(category, lang, question) overrides it when that table exists';
COMMENT ON FUNCTION nps_followup_question(bigint, text) IS
    'follow-up question for the category of a score 0..10 in a language (en, zh, pl, th, de, es, fr, ja); nps_followup_questions(category, lang, question) overrides it when that table exists';

CREATE FUNCTION nps_followup_question(numeric) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_numeric' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE FUNCTION nps_followup_question(numeric, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_numeric' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION nps_followup_question(numeric) IS
    'follow-up question for the category of a score 0..10, in English; nps_followup_questions(category, lang, question) overrides it when that table exists';
COMMENT ON FUNCTION nps_followup_question(numeric, text) IS
    'follow-up question for the category of a score 0..10 in a language (en, zh, pl, th, de, es, fr, ja); nps_followup_questions(category, lang, question) overrides it when that table exists';

CREATE FUNCTION nps_followup_question(double precision) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_float8' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
CREATE FUNCTION nps_followup_question(double precision, text) RETURNS text
    AS 'MODULE_PATHNAME', 'nps_followup_question_float8' LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION nps_followup_question(double precision) IS
    'follow-up question for the category of a score 0..10, in English; nps_followup_questions(category, lang, question) overrides it when that table exists';
COMMENT ON FUNCTION nps_followup_question(double precision, text) IS
    'follow-up question for the category of a score 0..10 in a language (en, zh, pl, th, de, es, fr, ja); nps_followup_questions(category, lang, question) overrides it when that table exists';

CREATE FUNCTION nps_alert_on(table_name text, column_name text, channel text DEFAULT 'nps_alert',
                             categories text DEFAULT 'detractor', with_row boolean DEFAULT false)
    RETURNS text
    AS 'MODULE_PATHNAME', 'nps_alert_on_text' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION nps_alert_on(text, text, text, text, boolean) IS
    'install the trigger nps_alert on a table: NOTIFY channel (nps_alert) with a JSON payload (table, schema, key, score, category; the row too only when with_row) for each inserted or re-scored row whose score is in the categories (detractor), and an open follow-up in nps_followups when the programme is in the table''s schema or the extension''s';

CREATE FUNCTION nps_alert_off(table_name text) RETURNS integer
    AS 'MODULE_PATHNAME', 'nps_alert_off_text' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION nps_alert_off(text) IS
    'drop the trigger of nps_alert_on from a table: 1 when there was one, 0 when not';

-- The trigger function of nps_alert_on() (pg-ext/alert.c): NOTIFY with a
-- JSON payload under PostgreSQL's limit (< 8000 bytes) for a row whose score,
-- read as nps_category reads it, is in the alerted categories, and an open
-- follow-up in the nps_followups that nps_alert_on found.  It resolves no name
-- at run time, so it works alike whatever the search_path of the session
-- that writes the row, and runs nothing another role could plant there.
CREATE FUNCTION nps_alert_notify() RETURNS trigger
    AS 'MODULE_PATHNAME', 'nps_alert_notify' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION nps_alert_notify() IS
    'trigger function of nps_alert_on: NOTIFY with a JSON payload (< 8000 bytes) for a row whose score is in the alerted categories, and an open follow-up when nps_alert_on found nps_followups';
