-- R1 in DuckDB: every argument is declared ANY, so a score arrives with the
-- type it has in the query and is read by that type: every integer type
-- (unsigned and 128-bit too), DECIMAL exactly through its digits (as
-- PostgreSQL reads numeric), FLOAT and DOUBLE holding a whole number, and
-- text by the core's rule, blank text being a skipped answer (as SQLite).
--
-- The same ten answers in each type: 10, 9, 9, 8, 7, 6, 10, 3, 9, 10 and a
-- NULL.  By hand: 6 promoters, 2 passives, 2 detractors of 10, so NPS =
-- (6 - 2) / 10 x 100 = 40 and the shares are 60, 20 and 20.
CREATE TABLE t AS
SELECT s::TINYINT AS i1, s::SMALLINT AS i2, s::INTEGER AS i4, s::BIGINT AS i8, s::HUGEINT AS i16,
       s::UTINYINT AS u1, s::USMALLINT AS u2, s::UINTEGER AS u4, s::UBIGINT AS u8, s::UHUGEINT AS u16,
       s::FLOAT AS f4, s::DOUBLE AS f8, s::DECIMAL(4, 1) AS d41, s::DECIMAL(18, 3) AS d183,
       s::DECIMAL(38, 10) AS d3810, s::VARCHAR AS txt
FROM (VALUES (10), (9), (9), (8), (7), (6), (10), (3), (9), (10), (NULL)) v(s);
SELECT nps(i1), nps(i2), nps(i4), nps(i8), nps(i16), nps(u1), nps(u2), nps(u4), nps(u8), nps(u16) FROM t;
SELECT nps(f4), nps(f8), nps(d41), nps(d183), nps(d3810), nps(txt) FROM t;
SELECT promoter_share(d41), passive_share(u2), detractor_share(txt), nps_rows_of(nps_state(i16)) FROM t;
-- Weights of every numeric type.  Each row weighing its own score:
-- promoters 57, passives 15, detractors 9 of 81, so (57 - 9) / 81 x 100 =
-- 59.259259259; each weighing 1 (text too, as SQLite reads it): 40.
SELECT round(nps(i4, i1), 9), round(nps(i4, u8), 9), round(nps(i4, d3810), 9), round(nps(i4, f4), 9),
       round(nps(i4, txt), 9) FROM t;
SELECT nps(i4, d41 / d41), nps(i4, f4 / f4), nps(i4, 1::UTINYINT), nps(i4, 1::HUGEINT), nps(i4, '1') FROM t;

-- Text as a CSV file gives it: blanks skip the row; "7.0" and "1e1" are
-- whole numbers.  Valid: 9, 7, 10, 6: 2 promoters, 1 passive, 1 detractor
-- of 4 = 25.
SELECT nps(x), nps_rows_of(nps_state(x)) FROM (VALUES ('9'), (''), ('   '), (NULL), (' 7.0 '), ('1e1'), ('6')) v(x);
SELECT x, nps_category(x) FROM (VALUES (1, ' 9 '), (2, ''), (3, '6.00')) v(i, x) ORDER BY i;
-- A DECIMAL's trailing zeros do not matter: 10.000 is 10.
SELECT nps(10.000::DECIMAL(10, 3)), nps_category(7.0), nps_category(0.000::DECIMAL(38, 30));

-- Errors: each names the function and the value, as the value was given.
SELECT nps(11::TINYINT);
SELECT nps(-1::SMALLINT);
SELECT nps(18446744073709551615::UBIGINT);
SELECT nps(170141183460469231731687303715884105727::HUGEINT);
SELECT nps(7.5);
SELECT nps(7.50::DECIMAL(5, 2));
SELECT nps(12.0);
SELECT nps(0.0000000001::DECIMAL(38, 10));
SELECT nps(8.5::DOUBLE);
SELECT nps(8.5::FLOAT);
SELECT nps('NaN'::DOUBLE);
SELECT nps('infinity'::DOUBLE);
SELECT nps('ten');
SELECT nps(true);
SELECT nps(DATE '2024-01-01');
SELECT nps_category([9]);
SELECT nps_category({'score': 9});
SELECT nps(9, 'heavy');
SELECT nps(9, -0.5::FLOAT);
SELECT nps(9, 'NaN'::DOUBLE);
SELECT nps(9, true);
SELECT nps_moe_of(nps_state(9), '0.9x');
SELECT nps_category(9, 7);
SELECT nps_band('high');
