-- nps_state: text form, binary form, bytea casts; never trusted (R10, R11).
-- The hex literals are the 172-byte format written out independently
-- (magic, version, flags, little-endian counts and sums, CRC-32), so they
-- also pin the format: a state stored by this release must stay readable.
SET extra_float_digits = 0;
\pset format unaligned
\pset null NULL

CREATE TABLE fixture (name text PRIMARY KEY, hex text);
INSERT INTO fixture VALUES
('a', '6e707301000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000100000000000000010000000000000001000000000000000200000000000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000086172455'),
('weighted', '6e70730100000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000100000000000000020000000000000001000000000000000200000000000000010000000000000003000000000000000000000000001640000000000000f03f0000000000000a400000000000403240000000000000f03f0000000000401440226349a3'),
('empty', '6e707301000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000051599de7'),
('big', '6e70730100000000010000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004ffc3597'),
('flags', '6e70730101000000010000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000006a025c1d'),
('version2', '6e7073020000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f5c0e037'),
('negative', '6e70730100000000ffffffffffffffff00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000008b646bd5'),
('weighted_gt_rows', '6e7073010000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000f03f00000000000000000000000000000000000000000000f03f00000000000000000000000000000000b95173cc'),
('sum_without_rows', '6e7073010000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000f83f000000000000000000000000000000000000000000000240000000000000000000000000000000008b206e82'),
('nan_sum', '6e7073010000000001000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000f87f00000000000000000000000000000000000000000000f03f00000000000000000000000000000000d271315c');
CREATE FUNCTION fx(n text) RETURNS bytea LANGUAGE sql AS $$ SELECT decode(hex, 'hex') FROM fixture WHERE name = n $$;

-- Errors as "SQLSTATE message", so that one query lists many.
CREATE OR REPLACE FUNCTION err(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ' ' || SQLERRM;
END $$;

-- The bytes of a state are exactly the format: a state made from scores and
-- the same state written out by hand.
SELECT encode(nps_state(s)::bytea, 'hex') = (SELECT hex FROM fixture WHERE name = 'a') AS bytes_match
FROM unnest(ARRAY[10, 9, 9, 8, 7, 6, 0]) s;
SELECT encode(nps_state(s, w)::bytea, 'hex') = (SELECT hex FROM fixture WHERE name = 'weighted') AS weighted_bytes_match
FROM (VALUES (10, 1), (9, 2), (9, 0.25), (8, 1), (6, 1.5), (0, 4)) v(s, w);
SELECT length(nps_state(9)::bytea) AS state_bytes;
-- Hand-written bytes read as the states they describe.
SELECT name, fx(name)::nps_state FROM fixture WHERE name IN ('a', 'weighted', 'empty', 'big') ORDER BY name;
SELECT nps(fx('a')::nps_state), nps(fx('weighted')::nps_state), nps(fx('empty')::nps_state);
-- Counts beyond 2^53 survive exactly (they are integers, not doubles).
SELECT fx('big')::nps_state::text = 'scores=9007199254740993,0,0,0,0,0,0,0,0,0,3' AS exact_big_count,
       fx('big')::nps_state::bytea = fx('big') AS big_round_trip;

-- Text form round trips exactly, blanks around it allowed.
SELECT t, t::nps_state::text = t AS round_trip FROM (VALUES
    ('scores=0,0,0,0,0,0,0,0,0,0,0'),
    ('scores=1,2,3,4,5,6,7,8,9,10,11'),
    ('scores=0,1,0,0,0,0,0,1,0,1,0 weighted=1,1,1 wsum=1.5,2,0.5 wsq=2.25,4,0.25'),
    ('scores=0,0,0,0,0,0,0,0,0,0,3 weighted=0,0,3 wsum=0,0,0.30000000000000004 wsq=0,0,0.030000000000000006'),
    ('scores=1,0,0,0,0,0,0,0,0,0,2 confidence=0.9'),
    ('scores=1,0,0,0,0,0,0,0,0,0,2 confidence=0.123456789012345')) v(t);
SELECT '  scores=1,0,0,0,0,0,0,0,0,0,2  '::nps_state AS blanks,
       'scores=1,0,0,0,0,0,0,0,0,0,2 confidence=0.9 '::nps_state AS trailing_blank;
-- A state made from doubles keeps every bit of its sums through text and bytes.
SELECT st::text::nps_state::bytea = st::bytea AS text_keeps_bits, st::bytea::nps_state::bytea = st::bytea AS bytea_keeps_bits
FROM (SELECT nps_state(s, w) st FROM (VALUES (9, 0.1), (10, 0.2), (3, 1e-300), (7, 1e150), (0, 1/3.0)) v(s, w)) x;
-- Binary send is the same 172 bytes as the bytea cast.
SELECT nps_state_send(fx('weighted')::nps_state) = fx('weighted') AS send_is_format;
-- The binary format and the bytea cast carry counts and sums, not the
-- confidence kept by nps_moe & co. during aggregation.
SELECT 'scores=1,0,0,0,0,0,0,0,0,0,2 confidence=0.9'::nps_state::bytea::nps_state AS confidence_not_in_bytes;

-- Bad bytes: each check of the format names what is wrong.
SELECT name, err(format('SELECT %L::bytea::nps_state', b)) AS error FROM (VALUES
    ('empty bytea', ''::bytea),
    ('three bytes', '\x6e7073'::bytea),
    ('truncated', substring(fx('a') FROM 1 FOR 171)),
    ('one byte too many', fx('a') || '\x00'::bytea),
    ('not a state', '\x00112233445566778899'::bytea),
    ('utf8 text', convert_to('hello, world', 'UTF8')),
    ('corrupted count', overlay(fx('a') PLACING '\x07'::bytea FROM 9 FOR 1)),
    ('corrupted checksum', overlay(fx('a') PLACING '\x00'::bytea FROM 172 FOR 1)),
    ('future version', fx('version2')),
    ('unknown flags', fx('flags')),
    ('negative count', fx('negative')),
    ('more weighted rows than rows', fx('weighted_gt_rows')),
    ('weights without weighted rows', fx('sum_without_rows')),
    ('NaN sum of weights', fx('nan_sum'))) v(name, b);

-- Bad text: malformed, out of range, or an invalid confidence.
SELECT t, err(format('SELECT %L::nps_state', t)) AS error FROM (VALUES
    (''),
    ('garbage'),
    ('scores=1,2'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0,0'),
    ('scores=-1,0,0,0,0,0,0,0,0,0,1'),
    ('scores=99999999999999999999,0,0,0,0,0,0,0,0,0,0'),
    ('scores=9223372036854775807,1,0,0,0,0,0,0,0,0,0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 weighted=2,0,0 wsum=1,0,0 wsq=1,0,0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 weighted=1,0,0 wsum=-1,0,0 wsq=1,0,0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 weighted=1,0,0 wsum=inf,0,0 wsq=1,0,0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 weighted=1,0,0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 confidence=1.5'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 confidence=0'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 confidence='),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 confidence=0.9x'),
    ('scores=1,0,0,0,0,0,0,0,0,0,0 and a tail that is much longer than forty bytes')) v(t);
-- Sums that would overflow a double are an error, not infinity.
SELECT err('SELECT nps_state(s, w) FROM (VALUES (7, 1e300), (8, 1.0)) v(s, w)') AS square_overflows;
-- A state holds at most 2^62 rows (R10): more is an error when merging.
SELECT err($$SELECT nps(st) FROM (VALUES ('scores=4611686018427387904,0,0,0,0,0,0,0,0,0,0'::nps_state),
                                        ('scores=1,0,0,0,0,0,0,0,0,0,0')) v(st)$$) AS count_overflows;
