-- report_html.sql -- the numbers of the demo's HTML report (build/demo/report.html),
-- read by demo/run.sh into the sqlite3 shell with the nps extension loaded,
-- after demo/programme.sql: one JSON object on one line, which demo/report_html.py
-- draws.  The same functions and views as the terminal report (report.sql);
-- a week is partial when it is not over at the report's now or began before
-- the first answer.
.headers off
.mode list
.bail on
WITH
months AS (
    SELECT substr(responded_at, 1, 7) AS month, count(score) AS n, nps(score) AS v,
           nps_ci_lower(score) AS lo, nps_ci_upper(score) AS hi
    FROM responses
    GROUP BY 1
),
segments AS (
    SELECT 1 AS k, 'region' AS dim, region AS val, count(score) AS n, nps(score) AS v,
           nps_ci_lower(score) AS lo, nps_ci_upper(score) AS hi
    FROM responses GROUP BY region
    UNION ALL
    SELECT 2, 'channel', channel, count(score), nps(score), nps_ci_lower(score),
           nps_ci_upper(score)
    FROM responses GROUP BY channel
)
SELECT json_object(
    'version', nps_version(),
    'now', (SELECT now FROM nps_config),
    'sla_hours', (SELECT followup_sla_hours FROM nps_config),
    'overall', (SELECT json_object('n', count(score), 'v', nps(score), 'lo', nps_ci_lower(score),
                                   'hi', nps_ci_upper(score))
                FROM responses),
    'months', (SELECT json_group_array(json_object(
                   'month', month, 'n', n, 'v', v, 'lo', lo, 'hi', hi,
                   'partial', json(CASE WHEN date(month || '-01', '+1 month')
                                             > (SELECT now FROM nps_config)
                                        THEN 'true' ELSE 'false' END)))
               FROM (SELECT * FROM months ORDER BY month)),
    'segments', (SELECT json_group_array(json_object(
                     'dim', dim, 'val', val, 'n', n, 'v', v, 'lo', lo, 'hi', hi))
                 FROM (SELECT * FROM segments ORDER BY k, v DESC)),
    'weeks', (SELECT json_group_array(json_object(
                  'week', week, 'detractors', detractors, 'within', within_sla,
                  'pending', pending, 'pct', pct_within_sla,
                  'partial', json(CASE WHEN date(week, '+7 days') > (SELECT now FROM nps_config)
                                         OR week < (SELECT min(substr(responded_at, 1, 10))
                                                    FROM responses)
                                       THEN 'true' ELSE 'false' END)))
              FROM (SELECT * FROM nps_followup_weekly ORDER BY week)));
