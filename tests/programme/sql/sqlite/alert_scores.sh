#!/usr/bin/env bash
# R1 in the alert triggers: the plain SQL of nps_alert_on() reads a score
# exactly as nps_category() does, for any value.  The triggers of two tables
# (one fed by INSERT, one by UPDATE) alert on every category; their queues
# must hold, row for row, the score and category nps_category() gives, and
# nothing for a value it rejects (or reads as a skipped answer).
#
# The values: hand-picked edge cases (their verdicts, worked out from R1,
# are printed and checked by the expected file), ~20000 random strings of
# length 0..12 over ' \t+-.0123456789eE', and ~20000 strings assembled from
# pieces of numbers (blanks, signs, digits, fractions, exponents, junk), from
# a fixed linear congruential generator so every run sees the same values.
# The reference runs nps_category() and nps_state() on each value in a
# statement of its own: a value the core rejects fails its statement only,
# and leaves no reference row.
#
# Usage: alert_scores.sh path/to/nps.so   (run by tests/programme/run.sh)
set -u
so=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sqlite3 -batch "$tmp/db" >"$tmp/out" 2>"$tmp/err" <<SQL
.load $so
-- Every value with an id; no column affinity, so text stays text.
CREATE TABLE sample (id INTEGER PRIMARY KEY, v, label TEXT);
INSERT INTO sample (v, label) VALUES
    ('06', '06'), ('6.0', '6.0'), ('+6', '+6'), (' 6', 'space 6'), ('6e0', '6e0'),
    ('0.6e1', '0.6e1'), ('60e-1', '60e-1'), ('6.000', '6.000'),
    (char(9) || '6' || char(10), 'tab 6 newline'), (char(13, 10) || '7' || char(13, 10), 'crlf 7 crlf'),
    ('6.0000000000000000001', '6.0000000000000000001'), ('1e-400', '1e-400'), ('-0', '-0'),
    ('00010', '00010'), ('+.6e1', '+.6e1'), ('6.', '6.'), ('.6e1', '.6e1'), ('', 'empty'),
    ('   ', 'three spaces'), (char(9, 13, 10), 'tab cr lf'), ('1e1', '1e1'), ('100e-1', '100e-1'),
    ('0.1e2', '0.1e2'), ('10.0', '10.0'), ('-6', '-6'), ('-0.0e5', '-0.0e5'), ('11', '11'),
    ('6..0', '6..0'), ('6e', '6e'), ('e6', 'e6'), ('.', '.'), ('+', '+'), ('6 6', '6 6'),
    ('6e1.0', '6e1.0'), ('６', 'fullwidth 6'), (char(11) || '6', 'vertical tab 6'),
    ('6' || char(160), '6 no-break space'), (CAST(x'3600' AS TEXT), '6 NUL'),
    (CAST(x'0036' AS TEXT), 'NUL 6'), ('1e99999999999999999999', '1e99999999999999999999'),
    ('0e99999999999999999999', '0e99999999999999999999'),
    ('1e-99999999999999999999', '1e-99999999999999999999'), ('9.0e0', '9.0e0'), ('8E+0', '8E+0'),
    ('0.000000000000000000009e21', '0.000000000000000000009e21'), ('+-6', '+-6'), ('6e+-1', '6e+-1'),
    ('0x6', '0x6'), ('10e0', '10e0'), ('1.0e1', '1.0e1'), ('10.5', '10.5'), ('9.99', '9.99'),
    (6, 'integer 6'), (10, 'integer 10'), (11, 'integer 11'), (-1, 'integer -1'),
    (6.0, 'real 6.0'), (6.5, 'real 6.5'), (-0.0, 'real -0.0'), (10.0, 'real 10.0'),
    (1e300, 'real 1e300'), (x'36', 'blob 6'), (NULL, 'NULL');
-- Random strings over the alphabet: a length 0..12, then that many characters.
WITH RECURSIVE g(j, k, len, x, s) AS (
    SELECT 0, 0, 0, 20260520, ''
    UNION ALL
    SELECT CASE WHEN k = len THEN j + 1 ELSE j END,
           CASE WHEN k = len THEN 0 ELSE k + 1 END,
           CASE WHEN k = len THEN ((x * 1103515245 + 12345) % 2147483648 >> 16) % 13 ELSE len END,
           (x * 1103515245 + 12345) % 2147483648,
           CASE WHEN k = len THEN ''
                ELSE s || substr(' ' || char(9) || '+-.0123456789eE',
                                 1 + ((x * 1103515245 + 12345) % 2147483648 >> 16) % 17, 1) END
    FROM g WHERE j < 20000 OR k < len)
INSERT INTO sample (v) SELECT s FROM g WHERE k = len;
-- Strings assembled from six pieces: blanks, sign, digits, fraction,
-- exponent, blanks; each piece drawn from its own list.
CREATE TABLE piece (slot INTEGER, i INTEGER, p TEXT, PRIMARY KEY (slot, i));
WITH lists(slot, ps) AS (VALUES
    (0, json_array('', '', '', ' ', char(9), char(10), char(13), ' ' || char(9), char(13, 10), char(11))),
    (1, json_array('', '', '', '', '+', '+', '-', '+-', 'x')),
    (2, json_array('', '0', '6', '06', '00', '1', '10', '9', '7', '8', '0000', '11', '60', '5', '100',
                   '3', '2', '4')),
    (3, json_array('', '', '', '', '.', '.0', '.00', '.5', '.6', '.0000000000000000001', '..', '.1',
                   '.06', '.000')),
    (4, json_array('', '', '', '', '', '', 'e0', 'e1', 'E1', 'e-1', 'e+1', 'e', 'E+', 'e-0', 'e01',
                   'e-400', 'e400', 'e2', 'e-2', 'ee1', 'e1.0', 'e 1', 'E-01', 'e99999999999999999999',
                   'e-99999999999999999999', 'e+-1')),
    (5, json_array('', '', '', '', ' ', char(9), char(10), char(13), '  ', 'x', '6')))
INSERT INTO piece SELECT slot, CAST(key AS INTEGER), value FROM lists, json_each(lists.ps);
WITH RECURSIVE r(n, x) AS (
    SELECT 0, 19700101
    UNION ALL
    SELECT n + 1, (x * 1103515245 + 12345) % 2147483648 FROM r WHERE n < 6 * 20000 - 1),
picks(j, slot, pick) AS (
    SELECT n / 6, n % 6, (x >> 16) % (SELECT count(*) FROM piece WHERE piece.slot = r.n % 6) FROM r),
strings(j, a, b, c, d, e, f) AS (
    SELECT j, max(CASE slot WHEN 0 THEN pick END), max(CASE slot WHEN 1 THEN pick END),
           max(CASE slot WHEN 2 THEN pick END), max(CASE slot WHEN 3 THEN pick END),
           max(CASE slot WHEN 4 THEN pick END), max(CASE slot WHEN 5 THEN pick END)
    FROM picks GROUP BY j)
INSERT INTO sample (v)
SELECT (SELECT p FROM piece WHERE slot = 0 AND i = a) || (SELECT p FROM piece WHERE slot = 1 AND i = b)
       || (SELECT p FROM piece WHERE slot = 2 AND i = c) || (SELECT p FROM piece WHERE slot = 3 AND i = d)
       || (SELECT p FROM piece WHERE slot = 4 AND i = e) || (SELECT p FROM piece WHERE slot = 5 AND i = f)
FROM strings ORDER BY j;

-- The reference: one statement per value.
CREATE TABLE ref (id INTEGER PRIMARY KEY, category TEXT, st BLOB);
.output $tmp/ref.sql
SELECT 'INSERT INTO ref SELECT id, nps_category(v), nps_state(v) FROM sample WHERE id = ' || id || ';'
FROM sample ORDER BY id;
.output stdout
BEGIN;
.read $tmp/ref.sql
COMMIT;
CREATE TABLE scores (k INTEGER PRIMARY KEY, st BLOB);
WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < 10)
INSERT INTO scores SELECT k, nps_state(k) FROM n GROUP BY k;
CREATE VIEW expected AS
SELECT r.id, s.k AS score, r.category FROM ref AS r LEFT JOIN scores AS s ON s.st = r.st
WHERE r.category IS NOT NULL;

-- The triggers: every category alerts, into a queue per table.
CREATE TABLE inserted (id INTEGER PRIMARY KEY, v);
CREATE TABLE updated (id INTEGER PRIMARY KEY, v);
INSERT INTO updated (id) SELECT id FROM sample;
SELECT nps_alert_on('inserted', 'v', 'insert_queue', 'detractor,passive,promoter');
SELECT nps_alert_on('updated', 'v', 'update_queue', 'detractor,passive,promoter');
INSERT INTO inserted SELECT id, v FROM sample ORDER BY id;
UPDATE updated SET v = (SELECT v FROM sample WHERE sample.id = updated.id);

.print -- the edge cases, as the insert trigger reads them
SELECT s.label, coalesce(q.score, '-'), coalesce(q.category, '-')
FROM sample AS s LEFT JOIN insert_queue AS q ON q.row_id = s.id WHERE s.label IS NOT NULL ORDER BY s.id;
.print -- every value
SELECT 'values', count(*) FROM sample;
SELECT 'values the core reads as a score, at least 3000', count(*) >= 3000 FROM expected;
SELECT 'values the core rejects, at least 5000', count(*) >= 5000 FROM sample WHERE id NOT IN (SELECT id FROM ref);
SELECT 'one alert at most per row', (SELECT count(*) = count(DISTINCT row_id) FROM insert_queue)
                                     AND (SELECT count(*) = count(DISTINCT row_id) FROM update_queue);
SELECT 'insert trigger mismatches', count(*) FROM sample AS s
LEFT JOIN expected AS e USING (id) LEFT JOIN insert_queue AS q ON q.row_id = s.id
WHERE e.score IS NOT q.score OR e.category IS NOT q.category;
SELECT 'update trigger mismatches', count(*) FROM sample AS s
LEFT JOIN expected AS e USING (id) LEFT JOIN update_queue AS q ON q.row_id = s.id
WHERE e.score IS NOT q.score OR e.category IS NOT q.category;
.print -- the first mismatches, if any: value, nps_category's reading, the trigger's
SELECT quote(s.v), typeof(s.v), e.score, e.category, q.score, q.category FROM sample AS s
LEFT JOIN expected AS e USING (id) LEFT JOIN insert_queue AS q ON q.row_id = s.id
WHERE e.score IS NOT q.score OR e.category IS NOT q.category ORDER BY s.id LIMIT 10;
SQL
cat "$tmp/out"
# The only errors: the reference's statements over values the core rejects.
echo "-- other errors"
grep -vE '^Runtime error near line [0-9]+: nps_(category|state): ' "$tmp/err" || true
