-- nps_category(), nps_band(), nps_version(): rules R1, R2 and R13 of core/nps.h.
-- NULL in any argument gives NULL.

-- R2: the category of every score 0..10, in English by default.
WITH RECURSIVE k(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM k WHERE s < 10)
SELECT s, nps_category(s) FROM k;
SELECT quote(nps_category(NULL)), quote(nps_category(NULL, 'en')), quote(nps_category(9, NULL));

-- R1: REAL and TEXT scores holding a whole number.
SELECT nps_category(9.0), nps_category(' 9 '), nps_category('7.0'), nps_category('6'), nps_category(-0.0);

-- Labels in a language: en, zh (Chinese), pl (Polish), th (Thai).
SELECT 'en', nps_category(0, 'en'), nps_category(7, 'en'), nps_category(10, 'en');
SELECT 'zh', nps_category(0, 'zh'), nps_category(7, 'zh'), nps_category(10, 'zh');
SELECT 'pl', nps_category(0, 'pl'), nps_category(7, 'pl'), nps_category(10, 'pl');
SELECT 'th', nps_category(0, 'th'), nps_category(7, 'th'), nps_category(10, 'th');

-- Language codes are matched without regard to case.
SELECT nps_category(9, 'EN'), nps_category(3, 'Pl');

-- An unknown language is an error listing the known ones; so is a bad score.
SELECT nps_category(9, 'xx');
SELECT nps_category(9, 'eng');
SELECT nps_category(9, '');
SELECT nps_category(11);
SELECT nps_category(-1, 'en');
SELECT nps_category(7.5);
SELECT nps_category('abc');

-- A value of the wrong kind: the message says what it got and what it takes.
SELECT nps_category(x'09');
SELECT nps_category(nps_state(9));
SELECT nps_category(nps_state(9, 2), 'pl');

-- R1: text that is empty or only blanks is a skipped answer: NULL, as for NULL.
SELECT quote(nps_category('')), quote(nps_category('   ')), quote(nps_category(' ', 'zh'));

-- R13: bands at every boundary: negative below 0, good 0 to below 30, great 30
-- to below 70, excellent 70 and up; NULL gives NULL.
SELECT nps_band(-100), nps_band(-0.0001), nps_band(0), nps_band(0.0), nps_band(29.999), nps_band(30), nps_band(69.999), nps_band(70), nps_band(99.9999), nps_band(100);
SELECT nps_band('45'), nps_band(' 70 '), nps_band('-3.5'), quote(nps_band(NULL));

-- The band of an aggregate's result.
SELECT nps_band(nps(s)) FROM (SELECT 9 AS s UNION ALL SELECT 10 UNION ALL SELECT 3);
SELECT nps_band(100.5);
SELECT nps_band(-100.0001);
SELECT nps_band(101);
SELECT nps_band(1e999);
SELECT nps_band('abc');
SELECT nps_band('');
SELECT nps_band(x'00');

-- nps_version(): the release in the VERSION file (run.sh binds it to @version).
SELECT nps_version() = @version, nps_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
