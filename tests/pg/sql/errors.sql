-- Every bad input is an error whose text names the function the user called
-- and the value, with its SQLSTATE (22003 out of range, 22023 invalid); one
-- bad row fails the query (R1, R6, R8, R13).  The texts are the core's.
SET extra_float_digits = 0;
\pset format unaligned

CREATE OR REPLACE FUNCTION err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- Scores of every type: out of range, fractional, not a number.  Numeric
-- values are named as written, without trailing zeros of the fraction.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT nps(s) FROM (VALUES (9), (11), (7)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (-1)) v(s)'),
    ('SELECT nps(s::smallint) FROM (VALUES (-32768)) v(s)'),
    ('SELECT nps(s::bigint) FROM (VALUES (9223372036854775807)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (7.5::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (7.50::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (-0.5::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (11.0::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (1e20::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (7.000000000000000000001::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (''NaN''::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (''Infinity''::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (''-Infinity''::numeric)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (7.5::float8)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (11::float8)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (1e-300::float8)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (''NaN''::float8)) v(s)'),
    ('SELECT nps(s) FROM (VALUES (''-Infinity''::float8)) v(s)')) v(q);

-- Every aggregate names itself, in every form; windows too.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT promoter_share(s) FROM (VALUES (11)) v(s)'),
    ('SELECT passive_share(s::smallint) FROM (VALUES (11)) v(s)'),
    ('SELECT detractor_share(s::bigint) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_stderr(s::numeric) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_moe(s::float8) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_ci_lower(s) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_ci_upper(s) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_state(s) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_summary(s) FROM (VALUES (11)) v(s)'),
    ('SELECT nps(s, 1) FROM (VALUES (11)) v(s)'),
    ('SELECT promoter_share(s::smallint, 1) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_stderr(s::numeric, 1) FROM (VALUES (7.5)) v(s)'),
    ('SELECT nps_state(s, 1) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_moe(s, 0.9) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_ci_lower(s::numeric, 0.9) FROM (VALUES (''NaN'')) v(s)'),
    ('SELECT nps_ci_upper(s::float8, 0.9) FROM (VALUES (-2)) v(s)'),
    ('SELECT nps_summary(s, 2) FROM (VALUES (11)) v(s)'),
    ('SELECT nps(s) OVER (ORDER BY i ROWS 2 PRECEDING) FROM (VALUES (1, 9), (2, 12)) v(i, s)'),
    ('SELECT detractor_share(s) OVER () FROM (VALUES (1, 9), (2, 12)) v(i, s)'),
    ('SELECT nps_moe(s, 0.9) OVER (ORDER BY i) FROM (VALUES (1, 9), (2, 12)) v(i, s)'),
    ('SELECT nps(s) FILTER (WHERE s > 5) FROM (VALUES (3), (12)) v(s)'),
    ('SELECT nps(DISTINCT s) FROM (VALUES (3), (12)) v(s)'),
    ('SELECT nps(s ORDER BY s) FROM (VALUES (3), (12)) v(s)')) v(q);

-- Weights (R6): negative, infinite or NaN; a weight with a state.  The
-- weight is checked before the score, as in SQLite.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT nps(s, w) FROM (VALUES (9, -1)) v(s, w)'),
    ('SELECT nps(s, w) FROM (VALUES (9, -0.001)) v(s, w)'),
    ('SELECT nps_stderr(s, w) FROM (VALUES (9, ''Infinity''::float8)) v(s, w)'),
    ('SELECT passive_share(s, w) FROM (VALUES (9, ''NaN''::float8)) v(s, w)'),
    ('SELECT nps_state(s::numeric, w) FROM (VALUES (9, -2)) v(s, w)'),
    ('SELECT nps(s, w) FROM (VALUES (11, -1)) v(s, w)'),
    ('SELECT nps(st, 1) FROM (VALUES (''scores=1,0,0,0,0,0,0,0,0,0,0''::nps_state)) v(st)'),
    ('SELECT nps_state(st, -1) FROM (VALUES (''scores=1,0,0,0,0,0,0,0,0,0,0''::nps_state)) v(st)'),
    ('SELECT nps_moe(st, 0.9) FROM (VALUES (''scores=1,0,0,0,0,0,0,0,0,0,0''::nps_state)) v(st)'),
    ('SELECT nps_summary(st, 1) FROM (VALUES (''scores=1,0,0,0,0,0,0,0,0,0,0''::nps_state)) v(st)'),
    ('SELECT nps_ci_lower(s, w) FROM (VALUES (9, 1e155)) v(s, w)'),
    ('SELECT nps_moe(s, w) FROM (VALUES (9, -0.5)) v(s, w)')) v(q);

-- The second argument of an aggregate is never a confidence: what used to
-- be one is a weight now, so these are weighted results, not errors; 1.5 is
-- a fine weight, -0.5 and NaN are not.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT nps_moe(s, 0) FROM (VALUES (9)) v(s)'),
    ('SELECT nps_moe(s, 1) FROM (VALUES (9)) v(s)'),
    ('SELECT nps_ci_lower(s, 1.5) FROM (VALUES (9)) v(s)'),
    ('SELECT nps_ci_upper(s, -0.5) FROM (VALUES (9)) v(s)'),
    ('SELECT nps_moe(s, ''NaN'') FROM (VALUES (9)) v(s)'),
    ('SELECT nps_moe(s, c) FROM (VALUES (9, 0.9), (7, 0.8)) v(s, c)')) v(q);

-- Confidence (R8) goes through the _of scalars: outside (0, 1), 0, 1 or
-- NaN is an error naming the scalar and the value.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT nps_moe_of(nps_state(9), 0)'),
    ('SELECT nps_moe_of(nps_state(9), 1)'),
    ('SELECT nps_ci_lower_of(nps_state(9), 1.5)'),
    ('SELECT nps_ci_upper_of(nps_state(9), -0.5)'),
    ('SELECT nps_moe_of(nps_state(9), ''NaN'')'),
    ('SELECT nps_moe_of(nps_state(9), ''Infinity'')'),
    ('SELECT nps_ci_lower_of(nps_state(9, 2), 1)'),
    ('SELECT nps_ci_upper_of(''scores=0,0,0,0,0,0,0,0,0,0,0'', 2)'),
    ('SELECT nps_moe_of(nps_state(s), 0.9) FROM (VALUES (11)) v(s)'),
    ('SELECT nps_moe_of(st, c) FROM (VALUES (''scores=0,0,0,0,0,0,0,0,0,1,0''::nps_state, 0.9),
                                            (''scores=0,0,0,0,0,0,0,1,0,0,0'', 0)) v(st, c)'),
    ('SELECT nps_ci_lower_of(nps_state(s) OVER (ORDER BY i), 0) FROM (VALUES (1, 9), (2, 7)) v(i, s)')) v(q);
-- Within (0, 1) every level is fine, however close to the ends.
SELECT nps_moe_of(nps_state(s), 1e-9) > 0 AS tiny, nps_moe_of(nps_state(s), 0.999999999) > 0 AS near_one
FROM (VALUES (9), (7), (3)) v(s);

-- Scalars.
SELECT q, err(q) AS error FROM (VALUES
    ('SELECT nps_category(11)'),
    ('SELECT nps_category(-1::smallint)'),
    ('SELECT nps_category(7.5)'),
    ('SELECT nps_category(''NaN''::float8)'),
    ('SELECT nps_category(3, ''xx'')'),
    ('SELECT nps_category(nps_state(9))'),
    ('SELECT nps_category(nps_state(9), ''en'')'),
    ('SELECT nps_category(''scores=1,0,0,0,0,0,0,0,0,0,0''::nps_state)'),
    ('SELECT nps_category(3, '''')'),
    ('SELECT nps_category(3, ''english'')'),
    ('SELECT nps_category(11, ''xx'')'),
    ('SELECT nps_band(120)'),
    ('SELECT nps_band(-100.5)'),
    ('SELECT nps_band(''NaN'')'),
    ('SELECT nps_band(''-Infinity'')')) v(q);

-- One bad row fails the whole query, wherever it is: nothing is dropped.
SELECT err('SELECT grp, nps(s) FROM (VALUES (''a'', 9), (''b'', 7), (''b'', 10), (''a'', 42)) v(grp, s) GROUP BY grp') AS bad_row_in_a_group;
