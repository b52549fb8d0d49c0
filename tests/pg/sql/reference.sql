-- Published reference values: the R package NPS (nps(), nps_var(), nps_se())
-- on small samples given as (detractors, passives, promoters).  The package's
-- variance is per respondent: p + d - (p - d)^2; its standard error is
-- sqrt(variance / n), which nps_stderr() gives in points (x 100).
SET extra_float_digits = 0;
\pset format unaligned

CREATE FUNCTION sample(detractors int, passives int, promoters int) RETURNS SETOF int LANGUAGE sql AS $$
    SELECT 3 FROM generate_series(1, detractors)
    UNION ALL SELECT 8 FROM generate_series(1, passives)
    UNION ALL SELECT 10 FROM generate_series(1, promoters) $$;

-- (d, pa, p) = (1, 2, 3): NPS 33.333..., variance 5/9, standard error
-- sqrt(5/9 / 6) = 0.30429 -> 30.429 points.
SELECT nps(s), round(nps_stderr(s)::numeric, 3) AS stderr_points,
       round((nps_stderr(s) ^ 2 * count(s) / 10000)::numeric, 12) AS variance,
       round(5 / 9.0, 12) AS five_ninths
FROM sample(1, 2, 3) s;
-- (1, 0, 1): NPS 0, variance 1 (all mass at -1 and +1).
SELECT nps(s), round((nps_stderr(s) ^ 2 * count(s) / 10000)::numeric, 12) AS variance,
       nps_stderr(s) AS stderr_points
FROM sample(1, 0, 1) s;
-- (0, 1, 1): NPS 50, variance 0.25.
SELECT nps(s), round((nps_stderr(s) ^ 2 * count(s) / 10000)::numeric, 12) AS variance,
       nps_stderr(s) AS stderr_points
FROM sample(0, 1, 1) s;
-- (1, 1, 1): NPS 0, variance 2/3.
SELECT nps(s), round((nps_stderr(s) ^ 2 * count(s) / 10000)::numeric, 12) AS variance,
       round(2 / 3.0, 12) AS two_thirds
FROM sample(1, 1, 1) s;
-- A single category: variance 0, standard error 0, margin 0.
SELECT c, nps(s), nps_stderr(s), nps_moe(s)
FROM (VALUES ('detractors', 0, 0, 5), ('passives', 0, 5, 0), ('promoters', 5, 0, 0)) v(c, p, pa, d),
     LATERAL sample(d, pa, p) s GROUP BY c ORDER BY c;

-- The 95% margin is z = 1.959963984540054 times the standard error; other
-- levels through the state: z(0.90) = 1.644853626951, z(0.99) = 2.575829303549.
SELECT round((nps_moe(s) / nps_stderr(s))::numeric, 12) AS z95,
       round((nps_moe_of(nps_state(s), 0.9) / nps_stderr(s))::numeric, 12) AS z90,
       round((nps_moe_of(nps_state(s), 0.99) / nps_stderr(s))::numeric, 12) AS z99
FROM sample(1, 2, 3) s;
-- Adjusted Wald for (1, 2, 3): add 0.75, 1.5, 0.75 -> (1.75, 3.5, 3.75) of
-- 9; p = 3.75/9, d = 1.75/9; bounds 100 (p - d) -/+ z sqrt((p + d - (p - d)^2) / 9).
SELECT round(nps_ci_lower(s)::numeric, 10) AS lower95, round(nps_ci_upper(s)::numeric, 10) AS upper95
FROM sample(1, 2, 3) s;
-- The interval is clipped to -100..100.
SELECT nps_ci_lower_of(nps_state(s), 0.999999) AS lower, nps_ci_upper_of(nps_state(s), 0.999999) AS upper
FROM sample(0, 0, 1) s;
