-- DuckDB reads CSV and Parquet files directly: the aggregates run over
-- read_csv() and read_parquet() as over a table.  data/responses.csv: ten
-- answers in three regions, two scores and one weight left blank (empty
-- fields, which read_csv reads as NULL).
--   north: 10, 9, blank, 6 weighing 1.5, 1, 2, 0.5: 2/0/1 of 3 =
--          33.333333333; weighted (2.5 - 0.5) / 3 = 66.666666667
--   south: 7, 3, 10, blank, 8 (weight blank): 1/2/1 of 4 = 0; weighted,
--          without the 8: 7, 3, 10 weighing 1, 1, 2: (2 - 1) / 4 = 25
--   east:  2: -100
SELECT region, count(*), count(score), round(nps(score), 9), round(nps(score, weight), 9)
FROM read_csv('data/responses.csv') GROUP BY region ORDER BY region;
-- The columns as read_csv types them: the score an integer, the blanks NULL.
SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_csv('data/responses.csv'));
-- Every column as text, and no field read as NULL: the blank scores are
-- then empty strings, which are skipped answers (R1), so the numbers are
-- the same.
SELECT region, typeof(score), count(score), round(nps(score), 9)
FROM read_csv('data/responses.csv', all_varchar = true, nullstr = 'none') GROUP BY ALL ORDER BY region;
-- Text scores with blanks and a fraction of zeros: "9", " ", "7.0", "",
-- "1e1", "6": 2/1/1 of 4 = 25.
SELECT typeof(score), nps(score), nps_rows_of(nps_state(score)) FROM read_csv('data/text_scores.csv') GROUP BY ALL;
-- The same rows through a Parquet file (written to the working folder).
COPY (SELECT * FROM read_csv('data/responses.csv')) TO 'responses.parquet' (FORMAT parquet);
SELECT region, round(nps(score), 9), round(nps(score, weight), 9) FROM read_parquet('responses.parquet')
GROUP BY region ORDER BY region;
-- A rollup of states to Parquet and back: the BLOBs keep their bytes.
COPY (SELECT region, nps_state(score) AS st FROM read_csv('data/responses.csv') GROUP BY region)
  TO 'states.parquet' (FORMAT parquet);
SELECT round(nps(st), 9), nps_rows_of(nps_state(st)) FROM read_parquet('states.parquet');
-- A column that holds no scores names its value; so does a blank weight
-- read as text (a weight is a number, blank or not).
SELECT nps(region) FROM read_csv('data/responses.csv') WHERE region = 'east';
SELECT nps(score, weight) FROM read_csv('data/responses.csv', all_varchar = true, nullstr = 'none');
