-- The extension as DuckDB sees it after LOAD (the suite's first -cmd): its
-- metadata footer names the release of the VERSION file, and
-- nps_version() says the same.
SELECT extension_name, loaded, extension_version = getvariable('version') FROM duckdb_extensions()
WHERE extension_name = 'nps';
SELECT nps_version() = getvariable('version');
-- Every function of the contract, with its overloads: each aggregate over a
-- score or a state and over a score and a weight, the pair aggregates also
-- with a third argument (refused: pairs take no weight), each _of scalar
-- with a state and, for a margin or an interval, a confidence; CSAT's and
-- CES's as NPS's.
SELECT function_name, function_type, count(*) AS overloads FROM duckdb_functions()
WHERE function_name LIKE 'nps%' OR function_name LIKE '%_share%' OR function_name LIKE 'csat%'
   OR function_name LIKE 'ces%'
GROUP BY ALL ORDER BY function_name;
-- The result types: doubles, the state a BLOB, the JSON summary a JSON.
SELECT DISTINCT function_name, return_type FROM duckdb_functions()
WHERE function_name IN ('nps', 'nps_state', 'nps_summary', 'nps_rows_of', 'nps_category', 'nps_migration',
                        'nps_sample_size', 'nps_pair_state', 'csat', 'csat_state', 'ces_summary', 'ces_rows_of')
ORDER BY function_name;
