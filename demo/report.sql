-- report.sql -- the analyst's report of `make demo`, read by demo/run.sh into
-- the sqlite3 shell once build/nps.so is loaded and the sample data is in
-- place.  Every line is one printf() so the layout fits 80-100 columns.
.headers off
.mode list
.nullvalue ''
.bail on

-- The daily rollup an analyst would keep: one mergeable state per day,
-- region and channel.  Queried below with the same functions as raw rows.
DROP TABLE IF EXISTS nps_daily;
CREATE TABLE nps_daily (
    day TEXT NOT NULL,
    region TEXT NOT NULL,
    channel TEXT NOT NULL,
    st BLOB,
    PRIMARY KEY (day, region, channel)
);
INSERT INTO nps_daily
SELECT substr(responded_at, 1, 10), region, channel, nps_state(score)
FROM responses
GROUP BY 1, 2, 3;

-- The edges of nps_band()'s bands: a 95% interval that crosses one spans
-- more than one band, and the report then names them all, from the highest,
-- rather than the band of the point estimate: "good or negative: too few
-- answers to tell".
DROP TABLE IF EXISTS temp.band_edges;
CREATE TEMP TABLE band_edges (edge REAL PRIMARY KEY);
INSERT INTO band_edges VALUES (0), (30), (70);

SELECT printf('NPS PROGRAMME REPORT  (sample data, nps %s)', nps_version());
SELECT printf('%,d responses to %,d invitations (%.1f%% answered); %,d scored, %,d skipped the score',
              count(*), i.n, 100.0 * count(*) / i.n, count(score), count(*) - count(score))
FROM responses, (SELECT count(*) AS n FROM invitations) AS i;
SELECT printf('period %s .. %s; %d regions, %d channels, %d plans, %d campaigns',
              min(substr(responded_at, 1, 10)), max(substr(responded_at, 1, 10)),
              count(DISTINCT region), count(DISTINCT channel), count(DISTINCT plan),
              count(DISTINCT campaign))
FROM responses;

------------------------------------------------------------------------------
-- What moves the score, first: which themes of the comments cost the most
-- points (sql/programme's nps_theme_impact, set up by demo/programme.sql,
-- over every scored answer of the programme: the customer surveys and the
-- accounts' quarterly review), then the other drivers (nps_driver_impact).
DROP TABLE IF EXISTS temp.theme_impact;
CREATE TEMP TABLE theme_impact AS SELECT * FROM nps_theme_impact;
SELECT '';
SELECT '== What moves the score ==';
SELECT printf('%s costs %.1f points (%.1f .. %.1f): the NPS of all %,d scored answers, %+.1f, '
              || 'would be %+.1f', theme, cost_points, cost_lower, cost_upper, all_scored,
              n.v, n.v + cost_points)
FROM theme_impact, (SELECT nps(score) AS v FROM nps_responses) AS n
ORDER BY cost_points DESC LIMIT 1;
SELECT printf('  had its %,d detractors been passives (the customer surveys and the account review).',
              detractors)
FROM theme_impact ORDER BY cost_points DESC LIMIT 1;
SELECT 'costs: the NPS had the theme''s detractors been passives, minus the NPS (Wilson interval);';
SELECT 'gap: what the NPS would gain had its answers scored as the rest did; q: Benjamini-Hochberg';
SELECT printf('%-12s %7s %6s %6s  %-18s %-22s %7s', 'theme', 'answers', 'NPS', 'rest',
              'costs (95%)', 'gap (95%)', 'q');
SELECT printf('%-12s %,7d %+6.1f %+6.1f  %-18s %-22s %7s', theme, scored, nps_with, nps_without,
              printf('%.1f (%.1f .. %.1f)', cost_points, cost_lower, cost_upper),
              printf('%+.1f (%+.1f .. %+.1f)', gap_points, gap_lower, gap_upper),
              CASE WHEN q_value < 0.001 THEN '<0.001' ELSE printf('%.3f', q_value) END)
FROM theme_impact
ORDER BY cost_points DESC, gap_points DESC;
WITH top AS (SELECT theme, cost_points FROM theme_impact ORDER BY cost_points DESC LIMIT 1),
c AS (SELECT count(DISTINCT t.response_id) AS d
      FROM nps_response_themes AS t JOIN top ON t.theme = top.theme WHERE t.score <= 6),
n AS (SELECT count(score) AS n FROM nps_responses)
SELECT printf('check by plain SQL, 100 x %d %s detractors / %,d = %.6f: %s', d, theme, n,
              100.0 * d / n, CASE WHEN abs(100.0 * d / n - cost_points) < 1e-9
                                  THEN 'agrees with cost_points' ELSE 'DIFFERS from cost_points' END)
FROM top, c, n;
SELECT '';
SELECT 'other drivers, by the gap (q < 0.05, Benjamini-Hochberg over every theme and value):';
SELECT printf('%-9s %-22s %7s %6s %6s  %s', 'attribute', 'value', 'answers', 'NPS', 'rest',
              'gap (95%)');
WITH d AS (
    SELECT *, row_number() OVER (ORDER BY gap_points DESC) AS down,
           row_number() OVER (ORDER BY gap_points) AS up
    FROM nps_driver_impact
    WHERE attribute <> 'theme' AND q_value < 0.05
)
SELECT printf('%-9s %-22s %,7d %+6.1f %+6.1f  %s', attribute, value, scored, nps_with, nps_without,
              printf('%+.1f (%+.1f .. %+.1f)', gap_points, gap_lower, gap_upper))
FROM d
WHERE down <= 5 OR up <= 3
ORDER BY gap_points DESC;

------------------------------------------------------------------------------
SELECT '';
SELECT '== Overall ==';
SELECT printf('NPS %+.1f   95%% interval %+.1f .. %+.1f   ±%.1f (Wald)   n %,d   band: %s',
              nps(score), nps_ci_lower(score), nps_ci_upper(score), nps_moe(score),
              count(score), nps_band(nps(score)))
FROM responses;
SELECT printf('promoters %.1f%%   passives %.1f%%   detractors %.1f%%',
              promoter_share(score), passive_share(score), detractor_share(score))
FROM responses;
SELECT printf('with survey weights: NPS %+.1f ±%.1f (margin from the Kish effective n)',
              nps(st), nps_moe(st))
FROM (SELECT nps_state(score, weight) AS st FROM responses);
SELECT printf('enough answers? ±2 points at 95%% needs %,d at this mix (%,d in the worst case): %s',
              nps_sample_size(2, 0.95, promoter_share(score), detractor_share(score)),
              nps_sample_size(2), CASE WHEN count(score) >= nps_sample_size(2, 0.95,
                  promoter_share(score), detractor_share(score)) THEN 'yes' ELSE 'not yet' END)
FROM responses;
SELECT printf('check by plain SQL, 100 * (#9-10 - #0-6) / n: %+.6f, %s',
              100.0 * (sum(score >= 9) - sum(score <= 6)) / count(score),
              CASE WHEN abs(100.0 * (sum(score >= 9) - sum(score <= 6)) / count(score)
                            - nps(score)) < 1e-9
                   THEN 'agrees with nps()' ELSE 'DIFFERS from nps()' END)
FROM responses;

------------------------------------------------------------------------------
SELECT '';
SELECT '== By region ==';
SELECT 'first 6: 2024-12..2025-05, last 6: 2026-06..2026-11, p: two-sided, last 6 vs first 6;';
SELECT 'q: Benjamini-Hochberg over the regions; a trend is named only when q < 0.05;';
SELECT 'band: every band the 95% interval reaches (adjusted Wald)';
SELECT printf('%-14s %6s %6s %15s %8s   %6s %6s %6s  %s',
              'region', 'n', 'NPS', '95% interval', 'first 6', 'last 6', 'p', 'q', 'band');
WITH r AS (
    SELECT region, count(score) AS n, nps(score) AS v, nps_ci_lower(score) AS lo,
           nps_ci_upper(score) AS hi,
           nps(score) FILTER (WHERE responded_at < '2025-06') AS early,
           nps(score) FILTER (WHERE responded_at >= '2026-06') AS late,
           nps_pvalue(nps_state(score) FILTER (WHERE responded_at < '2025-06'),
                      nps_state(score) FILTER (WHERE responded_at >= '2026-06')) AS p
    FROM responses
    GROUP BY region
),
ranked AS (SELECT *, row_number() OVER (ORDER BY p) AS i, count(*) OVER () AS m FROM r),
q AS (SELECT *, min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                    OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING) AS q FROM ranked)
SELECT printf('%-14s %,6d %+6.1f %15s %+8.1f → %+6.1f %6s %6s  %s',
              region, n, v, printf('%+.1f .. %+.1f', lo, hi), early, late,
              CASE WHEN p < 0.001 THEN '<0.001' ELSE printf('%.3f', p) END,
              CASE WHEN q < 0.001 THEN '<0.001' ELSE printf('%.3f', q) END,
              (SELECT CASE WHEN count(*) = 1 THEN min(b)
                           ELSE group_concat(b, ' or ') || CASE WHEN hi - lo >= 10 THEN ': too few answers to tell' ELSE ': on the line between them' END END
               FROM (SELECT nps_band(x) AS b
                     FROM (SELECT lo AS x UNION ALL
                           SELECT edge FROM band_edges WHERE edge > lo AND edge <= hi)
                     ORDER BY x DESC))
              || CASE WHEN q < 0.05 AND late > early THEN '; improving'
                      WHEN q < 0.05 THEN '; declining' ELSE '' END)
FROM q
ORDER BY n DESC;

-- Regions whose band cannot be told (the 95% interval crosses a band's
-- edge): the credible interval, the chance of a positive NPS, and the
-- estimate pulled toward all regions (30 answers' worth).
WITH total AS (SELECT nps_state(score) AS st FROM responses),
r AS (SELECT region, nps_state(score) AS st FROM responses GROUP BY region)
SELECT printf('%s, %d answers: NPS %+.1f, 95%% credible %+.1f .. %+.1f, P(NPS > 0) = %.2f, '
              || 'shrunk toward all regions %+.1f',
              region, nps_rows_of(r.st), nps_of(r.st), nps_credible_lower_of(r.st),
              nps_credible_upper_of(r.st), nps_prob_above_of(r.st, 0),
              nps_shrunk_of(r.st, total.st))
FROM r, total
WHERE EXISTS (SELECT 1 FROM band_edges
              WHERE edge > nps_ci_lower_of(r.st) AND edge <= nps_ci_upper_of(r.st))
ORDER BY region;

------------------------------------------------------------------------------
SELECT '';
SELECT '== By channel, plan and campaign ==';
SELECT 'vs rest: the segment against all other answers (p two-sided); q: Benjamini-Hochberg';
SELECT 'over all 12 segments; "differs" only when q < 0.05; band: every band the 95% interval reaches';
SELECT printf('%-9s %-22s %6s %6s %15s %7s %7s  %s', '', '', 'n', 'NPS', '95% interval', 'p',
              'q', 'band');
WITH total AS (SELECT nps_state(score) AS st FROM responses),
d AS (
    SELECT 1 AS k, 'channel' AS dim, channel AS val, nps_state(score) AS st
    FROM responses GROUP BY channel
    UNION ALL
    SELECT 2, 'plan', plan, nps_state(score) FROM responses GROUP BY plan
    UNION ALL
    SELECT 3, 'campaign', campaign, nps_state(score) FROM responses GROUP BY campaign
),
tested AS (
    SELECT k, dim, val, nps_rows_of(d.st) AS n, nps_of(d.st) AS v, nps_ci_lower_of(d.st) AS lo,
           nps_ci_upper_of(d.st) AS hi,
           nps_pvalue(d.st, nps_state_unmerge(total.st, d.st)) AS p
    FROM d, total
),
ranked AS (SELECT *, row_number() OVER (ORDER BY p) AS i, count(*) OVER () AS m FROM tested),
q AS (SELECT *, min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                    OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING) AS q FROM ranked)
SELECT printf('%-9s %-22s %,6d %+6.1f %15s %7s %7s  %s',
              CASE WHEN row_number() OVER (PARTITION BY k ORDER BY v DESC) = 1 THEN dim
                   ELSE '' END,
              val, n, v, printf('%+.1f .. %+.1f', lo, hi),
              CASE WHEN p < 0.001 THEN '<0.001' ELSE printf('%.3f', p) END,
              CASE WHEN q < 0.001 THEN '<0.001' ELSE printf('%.3f', q) END,
              (SELECT CASE WHEN count(*) = 1 THEN min(b)
                           ELSE group_concat(b, ' or ') || CASE WHEN hi - lo >= 10 THEN ': too few answers to tell' ELSE ': on the line between them' END END
               FROM (SELECT nps_band(x) AS b
                     FROM (SELECT lo AS x UNION ALL
                           SELECT edge FROM band_edges WHERE edge > lo AND edge <= hi)
                     ORDER BY x DESC))
                  || CASE WHEN q < 0.05 THEN '; differs' ELSE '' END)
FROM q
ORDER BY k, v DESC;

------------------------------------------------------------------------------
SELECT '';
SELECT '== Monthly trend ==';
SELECT '3-mo: rolling NPS over the merged states of the month and the two before;';
SELECT 'change: against the previous month, with its 95% interval; p: two-sided;';
SELECT '* when q < 0.05 (Benjamini-Hochberg over the 23 changes); one block = 2 points, a';
SELECT 'negative NPS left of the zero axis │; a month not over at the report''s now: partial';
SELECT printf('%-7s %6s %6s %6s %7s %16s %7s', 'month', 'n', 'NPS', '3-mo', 'change', 'interval',
              'p');
DROP TABLE IF EXISTS temp.monthly;
CREATE TEMP TABLE monthly AS
WITH m AS (
    SELECT substr(responded_at, 1, 7) AS month, count(score) AS n, nps(score) AS v,
           nps_state(score) AS st
    FROM responses
    GROUP BY 1
)
SELECT month, n, v, st,
       nps(st) OVER w3 AS r3,
       count(*) OVER w3 AS months_in_r3,
       v - lag(v) OVER w AS change,
       nps_diff_ci_lower(lag(st) OVER w, st) AS lo,
       nps_diff_ci_upper(lag(st) OVER w, st) AS hi,
       nps_pvalue(lag(st) OVER w, st) AS p
FROM m
WINDOW w AS (ORDER BY month),
       w3 AS (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW);
-- Benjamini-Hochberg q-values over the month-over-month tests.
ALTER TABLE monthly ADD COLUMN q REAL;
WITH ranked AS (SELECT month, p, row_number() OVER (ORDER BY p) AS i, count(p) OVER () AS m
                FROM monthly WHERE p IS NOT NULL),
q AS (SELECT month, min(CASE WHEN p * m / i < 1 THEN p * m / i ELSE 1 END)
                        OVER (ORDER BY i DESC ROWS UNBOUNDED PRECEDING) AS q FROM ranked)
UPDATE monthly SET q = (SELECT q.q FROM q WHERE q.month = monthly.month);
WITH neg AS (SELECT coalesce(max(CAST(round(-v / 2) AS INTEGER)), 0) AS w
             FROM monthly WHERE v < 0)
SELECT printf('%-7s %,6d %+6.1f %6s %7s %16s %7s %s %s%s│%s%s',
              month, n, v,
              CASE WHEN months_in_r3 = 3 THEN printf('%+.1f', r3) ELSE '' END,
              CASE WHEN change IS NULL THEN '' ELSE printf('%+.1f', change) END,
              CASE WHEN change IS NULL THEN '' ELSE printf('(%+.1f .. %+.1f)', lo, hi) END,
              CASE WHEN p IS NULL THEN '' WHEN p < 0.001 THEN '<0.001'
                   ELSE printf('%.3f', p) END,
              CASE WHEN q < 0.05 THEN '*' ELSE ' ' END,
              printf('%*s', neg.w - CASE WHEN v < 0 THEN CAST(round(-v / 2) AS INTEGER) ELSE 0 END,
                     ''),
              CASE WHEN v < 0 THEN substr('██████████████████████████████████████████████████',
                                          1, CAST(round(-v / 2) AS INTEGER)) ELSE '' END,
              CASE WHEN v > 0 THEN substr('██████████████████████████████████████████████████',
                                          1, CAST(round(v / 2) AS INTEGER)) ELSE '' END,
              CASE WHEN date(month || '-01', '+1 month') > (SELECT now FROM nps_config)
                   THEN '  partial' ELSE '' END)
FROM monthly, neg
ORDER BY month;
SELECT '';
WITH s AS (
    SELECT month, v, min(v) OVER () AS lo, max(v) OVER () AS hi FROM monthly
),
line AS (
    SELECT month, lo, hi,
           group_concat(substr('▁▂▃▄▅▆▇█',
                               1 + CAST(round(7 * (v - lo) / (hi - lo)) AS INTEGER), 1), '')
               OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS spark
    FROM s
)
SELECT printf('monthly NPS %s..%s  %s  low %+.1f, high %+.1f',
              (SELECT min(month) FROM monthly), month, spark, lo, hi)
FROM line
ORDER BY month DESC
LIMIT 1;
WITH sig AS (
    SELECT month, count(*) OVER (ORDER BY month) AS k,
           group_concat(printf('%s %+.1f', month, change), ', ')
               OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS all_txt
    FROM monthly
    WHERE q < 0.05
)
SELECT printf('q < 0.05 against the month before: %s', all_txt)
FROM sig
ORDER BY k DESC
LIMIT 1;
SELECT printf('(%d comparisons: %d with p < 0.05, %d still significant after the adjustment)',
              count(p), count(*) FILTER (WHERE p < 0.05), count(*) FILTER (WHERE q < 0.05))
FROM monthly;

------------------------------------------------------------------------------
-- A panel: the customers who answered the spring pulse in both years
-- (wave 1, 2025; wave 2, 2026), each pair side by side.
SELECT '';
SELECT '== The same customers a year apart (spring pulse panel, paired) ==';
DROP TABLE IF EXISTS temp.pairs;
CREATE TEMP TABLE pairs AS
SELECT a.contact_id, a.score AS before, b.score AS after
FROM panel a JOIN panel b ON b.contact_id = a.contact_id AND a.wave = 1 AND b.wave = 2;
SELECT printf('%,d customers answered both waves: NPS %+.1f -> %+.1f, change %+.1f',
              count(*), nps(before), nps(after), nps_change(before, after))
FROM pairs;
SELECT printf('paired p %s (the right test: the same people twice); as if independent: p %s',
              CASE WHEN pp < 0.001 THEN '< 0.001' ELSE printf('= %.3f', pp) END,
              CASE WHEN ip < 0.001 THEN '< 0.001' ELSE printf('= %.3f', ip) END)
FROM (SELECT nps_change_pvalue(before, after) AS pp,
             nps_pvalue(nps_state(before), nps_state(after)) AS ip FROM pairs);
SELECT printf('%-18s %9s %9s %9s', 'wave 1 \ wave 2', 'detractor', 'passive', 'promoter');
WITH mig AS (SELECT nps_migration(before, after) AS j FROM pairs),
cat(c, k) AS (VALUES ('detractor', 1), ('passive', 2), ('promoter', 3))
SELECT printf('%-19s %9d %9d %9d', c, json_extract(j, '$.' || c || '.detractor'),
              json_extract(j, '$.' || c || '.passive'), json_extract(j, '$.' || c || '.promoter'))
FROM mig, cat ORDER BY k;

------------------------------------------------------------------------------
-- The month with the largest significant drop, against the month before.
DROP TABLE IF EXISTS temp.dip;
CREATE TEMP TABLE dip AS
SELECT m.month, m.change, (SELECT max(b.month) FROM monthly AS b WHERE b.month < m.month) AS before
FROM monthly AS m
WHERE m.p < 0.05 AND m.change < 0
ORDER BY m.change
LIMIT 1;
SELECT '';
SELECT printf('== Largest significant drop: %s, %+.1f points against %s ==', month, change, before)
FROM dip;
SELECT printf('%-22s %6s %7s %7s %7s %7s', 'campaign', 'n', 'before', 'NPS', 'change', 'p')
FROM dip;
WITH x AS (
    SELECT r.campaign,
           count(r.score) FILTER (WHERE substr(r.responded_at, 1, 7) = dip.month) AS n,
           nps(r.score) FILTER (WHERE substr(r.responded_at, 1, 7) = dip.before) AS v0,
           nps(r.score) FILTER (WHERE substr(r.responded_at, 1, 7) = dip.month) AS v1,
           nps_pvalue(nps_state(r.score) FILTER (WHERE substr(r.responded_at, 1, 7) = dip.before),
                      nps_state(r.score) FILTER (WHERE substr(r.responded_at, 1, 7) = dip.month))
               AS p
    FROM responses AS r, dip
    WHERE substr(r.responded_at, 1, 7) IN (dip.month, dip.before)
    GROUP BY r.campaign
)
SELECT printf('%-22s %,6d %+7.1f %+7.1f %+7.1f %7s', campaign, n, v0, v1, v1 - v0,
              CASE WHEN p < 0.001 THEN '<0.001' ELSE printf('%.3f', p) END)
FROM x
WHERE n > 0
ORDER BY v1 - v0;
WITH t AS (
    SELECT r.topic, count(*) AS k
    FROM responses AS r, dip
    WHERE substr(r.responded_at, 1, 7) = dip.month AND r.score <= 6 AND r.topic IS NOT NULL
    GROUP BY r.topic
),
l AS (
    SELECT k, group_concat(printf('%s %d', topic, k), ', ')
                  OVER (ORDER BY k DESC, topic ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               AS txt
    FROM t
)
SELECT printf('detractor comment topics in %s: %s', (SELECT month FROM dip), txt)
FROM l
ORDER BY length(txt) DESC
LIMIT 1;

------------------------------------------------------------------------------
-- The sibling measures, each asked where it belongs: CSAT in the survey sent
-- when a support ticket closes (tickets, ticket_csat), CES in the survey of
-- day 30 of onboarding (onboarding_ces), eNPS in the employees' quarterly
-- pulse (employees, enps_pulse).  The surveys' NPS answers are in responses
-- (joined on the invitation), so each measure can be read beside NPS.
SELECT '';
SELECT '== CSAT, CES and eNPS beside NPS ==';
SELECT 'CSAT: % satisfied (4-5 of 1..5), Wilson interval; CES: mean of 1..7 (7: strongly agree';
SELECT 'it was easy), t interval; eNPS: NPS of employees (0..10), adjusted-Wald interval as NPS';
SELECT printf('%-8s %-30s %6s %7s %17s %!7s', 'measure', 'asked', 'n', 'value', '95% interval',
              '±moe');
WITH m(k, measure, asked, n, v, lo, hi, moe) AS (
    SELECT 1, 'NPS', 'every customer survey', count(score), printf('%+.1f', nps(score)),
           printf('%+.1f', nps_ci_lower(score)), printf('%+.1f', nps_ci_upper(score)),
           printf('%.1f', nps_moe(score))
    FROM responses
    UNION ALL
    SELECT 2, 'CSAT', 'when a support ticket closes', count(score), printf('%.1f%%', csat(score)),
           printf('%.1f', csat_ci_lower(score)), printf('%.1f', csat_ci_upper(score)),
           printf('%.1f', csat_moe(score))
    FROM ticket_csat
    UNION ALL
    SELECT 3, 'CES', 'on day 30 of onboarding', count(score), printf('%.2f', ces(score)),
           printf('%.2f', ces_ci_lower(score)), printf('%.2f', ces_ci_upper(score)),
           printf('%.2f', ces_moe(score))
    FROM onboarding_ces
    UNION ALL
    SELECT 4, 'eNPS', 'employee pulse ' || quarter, count(score), printf('%+.1f', nps(score)),
           printf('%+.1f', nps_ci_lower(score)), printf('%+.1f', nps_ci_upper(score)),
           printf('%.1f', nps_moe(score))
    FROM enps_pulse
    WHERE quarter = (SELECT max(quarter) FROM enps_pulse)
)
SELECT printf('%-8s %-30s %,6d %7s %17s %7s', measure, asked, n, v, lo || ' .. ' || hi, moe)
FROM m
ORDER BY k;
SELECT printf('check by plain SQL, 100 * #4-5 / n: %.6f, avg(score): %.6f, %s', c.v, e.v,
              CASE WHEN abs(c.v - c.f) < 1e-9 AND abs(e.v - e.f) < 1e-9
                   THEN 'agree with csat(), ces()' ELSE 'DIFFER from csat() or ces()' END)
FROM (SELECT 100.0 * sum(score >= 4) / count(score) AS v, csat(score) AS f FROM ticket_csat) AS c,
     (SELECT avg(score) AS v, ces(score) AS f FROM onboarding_ces) AS e;

-- The same surveys by the NPS answer given in them: who would not recommend
-- also rates the support and the set-up lower.
SELECT '';
SELECT printf('%-27s %6s %15s %6s   %5s %13s %6s', 'NPS answer, same survey', 'CSAT',
              '95% interval', 'n', 'CES', '95% interval', 'n');
WITH c AS (
    SELECT nps_category(r.score) AS cat, csat_state(s.score) AS st
    FROM ticket_csat AS s JOIN tickets AS t USING (ticket_id)
         JOIN responses AS r ON r.invitation_id = t.invitation_id
    WHERE r.score IS NOT NULL
    GROUP BY 1
),
e AS (
    SELECT nps_category(r.score) AS cat, ces_state(o.score) AS st
    FROM onboarding_ces AS o JOIN responses AS r USING (invitation_id)
    WHERE r.score IS NOT NULL
    GROUP BY 1
)
SELECT printf('%-27s %5.1f%% %15s %,6d   %5.2f %13s %,6d',
              c.cat || CASE c.cat WHEN 'detractor' THEN ' (0-6)' WHEN 'passive' THEN ' (7-8)'
                                  ELSE ' (9-10)' END,
              csat_of(c.st), printf('%.1f .. %.1f', csat_ci_lower_of(c.st), csat_ci_upper_of(c.st)),
              csat_rows_of(c.st), ces_of(e.st),
              printf('%.2f .. %.2f', ces_ci_lower_of(e.st), ces_ci_upper_of(e.st)),
              ces_rows_of(e.st))
FROM c JOIN e USING (cat)
ORDER BY csat_of(c.st);

-- CSAT by what the ticket was about: one csat_state per category, read with
-- the _of scalars; the categories' states merged give the whole.
SELECT '';
SELECT printf('%-27s %6s %15s %6s   %6s  %13s', 'CSAT by ticket category', 'CSAT', '95% interval',
              'n', 'NPS', 'open > 3 days');
DROP TABLE IF EXISTS temp.csat_category;
CREATE TEMP TABLE csat_category AS
SELECT t.category, csat_state(s.score) AS st, nps(r.score) AS nps,
       100.0 * avg(julianday(t.closed_at) - julianday(t.opened_at) > 3) AS slow
FROM ticket_csat AS s JOIN tickets AS t USING (ticket_id)
     JOIN responses AS r ON r.invitation_id = t.invitation_id
GROUP BY t.category;
SELECT rtrim(printf('%-27s %5.1f%% %15s %,6d   %+6.1f  %12.0f%%  %s', category, csat_of(st),
              printf('%.1f .. %.1f', csat_ci_lower_of(st), csat_ci_upper_of(st)),
              csat_rows_of(st), nps, slow,
              CASE WHEN csat_rows_of(st) < 100 OR csat_moe_of(st) > 5 THEN 'small sample'
                   ELSE '' END))
FROM csat_category
ORDER BY csat_of(st) DESC;
SELECT printf('%-27s %5.1f%% %15s %,6d   (the %d categories'' states merged)', 'all tickets',
              csat(st), printf('%.1f .. %.1f', csat_ci_lower(st), csat_ci_upper(st)),
              csat_rows_of(csat_state(st)), count(*))
FROM csat_category;

-- CES by plan and by region.
SELECT '';
SELECT printf('%-27s %6s %15s %6s   %10s', 'CES at onboarding', 'CES', '95% interval', 'n',
              'easy (5-7)');
WITH d AS (
    SELECT 1 AS k, 'plan' AS dim, r.plan AS val, ces_state(o.score) AS st
    FROM onboarding_ces AS o JOIN responses AS r USING (invitation_id) GROUP BY r.plan
    UNION ALL
    SELECT 2, 'region', r.region, ces_state(o.score)
    FROM onboarding_ces AS o JOIN responses AS r USING (invitation_id) GROUP BY r.region
)
SELECT rtrim(printf('%-7s %-19s %6.2f %15s %,6d   %9.1f%%  %s',
              CASE WHEN row_number() OVER (PARTITION BY k ORDER BY ces_of(st) DESC) = 1 THEN dim
                   ELSE '' END,
              val, ces_of(st), printf('%.2f .. %.2f', ces_ci_lower_of(st), ces_ci_upper_of(st)),
              ces_rows_of(st), json_extract(ces_summary_of(st), '$.easy_share'),
              CASE WHEN ces_rows_of(st) < 100 THEN 'small sample' ELSE '' END))
FROM d
ORDER BY k, ces_of(st) DESC;

-- eNPS by department at the latest pulse.  Teams with fewer than 5 answers
-- are not reported, so that no one's answer can be told from the number.
SELECT '';
SELECT printf('eNPS by department, %s pulse (fewer than 5 answers: not reported, for anonymity)',
              max(quarter))
FROM enps_pulse;
SELECT printf('%-20s %5s %8s %6s %15s  %s', 'department', 'staff', 'answered', 'eNPS',
              '95% interval', 'note');
WITH staff AS (SELECT department, count(*) AS n FROM employees GROUP BY department),
p AS (
    SELECT department, nps_state(score) AS st
    FROM enps_pulse
    WHERE quarter = (SELECT max(quarter) FROM enps_pulse)
    GROUP BY department
)
SELECT rtrim(CASE WHEN nps_rows_of(st) < 5
    THEN printf('%-20s %5d %8d %6s %15s  %s', department, staff.n, nps_rows_of(st), '-', '',
                'not reported')
    ELSE printf('%-20s %5d %8d %+6.1f %15s  %s', department, staff.n, nps_rows_of(st), nps_of(st),
                printf('%+.0f .. %+.0f', nps_ci_lower_of(st), nps_ci_upper_of(st)),
                CASE WHEN nps_rows_of(st) < 30
                     THEN printf('few answers: ±%.0f, too wide to rank', nps_moe_of(st))
                     ELSE '' END) END)
FROM p JOIN staff USING (department)
ORDER BY nps_rows_of(st) < 5, staff.n DESC;
WITH q AS (SELECT quarter, nps(score) AS v FROM enps_pulse GROUP BY quarter),
l AS (
    SELECT quarter, min(quarter) OVER () AS first,
           group_concat(printf('%+.1f', v), ', ')
               OVER (ORDER BY quarter ROWS UNBOUNDED PRECEDING) AS txt
    FROM q
)
SELECT printf('eNPS of the company by pulse, %s .. %s: %s', first, quarter, txt)
FROM l ORDER BY quarter DESC LIMIT 1;
-- The support team answered the pulse after the outage: the same people
-- before and after, so the paired test.
WITH pairs AS (
    SELECT a.score AS before, b.score AS after
    FROM enps_pulse AS a JOIN enps_pulse AS b
         ON b.employee_id = a.employee_id AND a.quarter = '2025-Q3' AND b.quarter = '2025-Q4'
    WHERE a.department = 'Customer Support' AND a.score IS NOT NULL AND b.score IS NOT NULL
)
SELECT printf('Customer Support before and after the outage, the %d who answered both pulses:',
              count(*))
FROM pairs;
WITH pairs AS (
    SELECT a.score AS before, b.score AS after
    FROM enps_pulse AS a JOIN enps_pulse AS b
         ON b.employee_id = a.employee_id AND a.quarter = '2025-Q3' AND b.quarter = '2025-Q4'
    WHERE a.department = 'Customer Support' AND a.score IS NOT NULL AND b.score IS NOT NULL
)
SELECT printf('  eNPS 2025-Q3 %+.1f -> 2025-Q4 %+.1f, change %+.1f, paired p %s',
              nps(before), nps(after), nps_change(before, after),
              CASE WHEN nps_change_pvalue(before, after) < 0.001 THEN '< 0.001'
                   ELSE printf('= %.3f', nps_change_pvalue(before, after)) END)
FROM pairs;

------------------------------------------------------------------------------
-- B2B accounts: companies answer through several stakeholders in the
-- quarterly account review (accounts, stakeholders, account_responses; the
-- programme's account views read them through demo/programme.sql).  An
-- account's NPS three ways, over the trailing windows up to nps_config.now.
SELECT '';
SELECT printf('== B2B accounts: %d accounts, %d stakeholders, a quarterly account review ==',
              (SELECT count(*) FROM nps_accounts), (SELECT count(*) FROM nps_account_contacts));
SELECT 'every answer: NPS of the stakeholders'' answers (its margin treats them as independent,';
SELECT '  which one account''s are not); one vote per account: each account a promoter (mean code';
SELECT '  >= 1/3 of its stakeholders'' latest answers), passive or detractor (<= -1/3), n the';
SELECT '  accounts; by ARR: the votes weighted by ARR, eff. n Kish''s';
SELECT printf('%-6s %-22s %5s %6s %7s %17s %!6s', 'window', 'way', 'n', 'eff. n', 'NPS',
              '95% interval', '±moe');
SELECT printf('%-6s %-22s %,5d %6.1f %+7.1f %17s %6.1f',
              CASE WHEN method = 'stakeholders' THEN window_days || 'd' ELSE '' END,
              CASE method WHEN 'stakeholders' THEN 'every answer' WHEN 'accounts'
                   THEN 'one vote per account' ELSE 'by ARR' END,
              n, effective_n, nps, printf('%+.1f .. %+.1f', ci_lower, ci_upper), moe)
FROM nps_account_nps
WHERE segment IS NULL;
WITH m AS (
    SELECT max(CASE WHEN method = 'accounts' THEN nps END) AS vote,
           max(CASE WHEN method = 'arr' THEN nps END) AS by_arr,
           max(CASE WHEN method = 'arr' THEN effective_n END) AS eff
    FROM nps_account_nps WHERE window_days = 90 AND segment IS NULL
)
SELECT printf('by ARR the accounts'' NPS is %.1f points %s than one vote each: the largest accounts '
              || 'weigh', abs(by_arr - vote), CASE WHEN by_arr < vote THEN 'lower' ELSE 'higher' END)
       || char(10) || printf('  the most, and %.0f accounts'' worth of ARR make its margin ±%.0f',
                             eff, (SELECT moe FROM nps_account_nps WHERE window_days = 90
                                   AND segment IS NULL AND method = 'arr'))
FROM m;
SELECT printf('check by plain SQL, 100 x (%d promoter - %d detractor accounts) / %d voting: %+.6f, %s',
              p, d, n, 100.0 * (p - d) / n,
              CASE WHEN abs(100.0 * (p - d) / n - (SELECT nps FROM nps_account_nps
                                                   WHERE window_days = 90 AND segment IS NULL
                                                     AND method = 'accounts')) < 1e-9
                   THEN 'agrees' ELSE 'DIFFERS' END)
FROM (SELECT count(*) FILTER (WHERE vote = 'promoter') AS p,
             count(*) FILTER (WHERE vote = 'detractor') AS d, count(vote) AS n
      FROM nps_account_scores WHERE window_days = 90);
SELECT '';
SELECT printf('%-11s %8s %13s %10s %10s   (last 90 days)', 'segment', 'ARR', 'every answer',
              'one vote', 'by ARR');
WITH s AS (
    SELECT segment, max(CASE WHEN method = 'stakeholders' THEN nps END) AS every,
           max(CASE WHEN method = 'accounts' THEN nps END) AS vote,
           max(CASE WHEN method = 'accounts' THEN n END) AS accounts,
           max(CASE WHEN method = 'arr' THEN nps END) AS by_arr,
           max(CASE WHEN method = 'arr' THEN moe END) AS arr_moe
    FROM nps_account_nps
    WHERE window_days = 90 AND segment IS NOT NULL
    GROUP BY segment
)
SELECT printf('%-11s %7.1fM %+13.1f %+10.1f %+10.1f   ±%.0f by ARR over %d accounts', s.segment,
              a.arr / 1e6, every, vote, by_arr, arr_moe, accounts)
FROM s JOIN (SELECT segment, sum(arr) AS arr FROM nps_accounts GROUP BY segment) AS a
     ON a.segment = s.segment
ORDER BY a.arr DESC;
SELECT '';
SELECT printf('votes of the last 90 days: %d promoter, %d passive, %d detractor accounts; %d not heard from',
              count(*) FILTER (WHERE vote_90d = 'promoter'), count(*) FILTER (WHERE vote_90d = 'passive'),
              count(*) FILTER (WHERE vote_90d = 'detractor'), count(*) FILTER (WHERE vote_90d IS NULL))
FROM nps_account_health;
SELECT printf('coverage: %d of %d stakeholders answered in 90 days (%.0f%%); no decision-maker',
              sum(answered), sum(contacts), 100.0 * sum(answered) / sum(contacts))
FROM nps_account_coverage WHERE window_days = 90;
SELECT printf('  heard in %d of %d accounts, no champion in %d',
              count(*) FILTER (WHERE roles_missing LIKE '%decision-maker%'), count(*),
              count(*) FILTER (WHERE roles_missing LIKE '%champion%'))
FROM nps_account_coverage WHERE window_days = 90;
SELECT printf('at risk: %d accounts, $%.2fM of $%.2fM ARR: a detractor decision-maker in 90 days,',
              count(*) FILTER (WHERE at_risk), sum(arr) FILTER (WHERE at_risk) / 1e6, sum(arr) / 1e6)
FROM nps_account_health;
SELECT '  or a mean code at least 2/3 below that of the 90 days before; the largest:';
SELECT printf('  %-18s %-10s %8s %5s %6s  %s', 'account', 'segment', 'ARR', 'heard', 'mean',
              'why');
SELECT printf('  %-18s %-10s %8s %5s %+6.2f  %s', h.name, h.segment,
              printf('%,d', CAST(h.arr AS INTEGER)), printf('%d/%d', h.stakeholders_90d, c.contacts),
              h.mean_code_90d,
              h.risk || CASE WHEN h.trend = 'falling'
                             THEN printf(' from %+.2f', h.mean_code_prev_90d) ELSE '' END)
FROM nps_account_health AS h
JOIN nps_account_coverage AS c ON c.account_id = h.account_id AND c.window_days = 90
WHERE h.at_risk
ORDER BY h.arr DESC
LIMIT 8;

------------------------------------------------------------------------------
SELECT '';
SELECT '== Daily rollup table nps_daily(day, region, channel, st) ==';
SELECT printf('%,d rows of nps_state hold the %,d scored responses; the same numbers from both:',
              count(*), (SELECT count(score) FROM responses))
FROM nps_daily;
SELECT printf('%-14s %6s %6s %11s %11s %!10s %!10s  %s',
              'scope', 'n raw', 'n roll', 'NPS raw', 'NPS roll', '±moe raw', '±moe roll', 'same');
WITH raw AS (
    SELECT 0 AS k, 'all regions' AS scope, count(score) AS n, nps(score) AS v,
           nps_moe(score) AS moe, nps_ci_lower(score) AS lo, nps_ci_upper(score) AS hi
    FROM responses
    UNION ALL
    SELECT 1, region, count(score), nps(score), nps_moe(score), nps_ci_lower(score),
           nps_ci_upper(score)
    FROM responses GROUP BY region
),
roll AS (
    SELECT 'all regions' AS scope, json_extract(nps_summary(st), '$.n') AS n, nps(st) AS v,
           nps_moe(st) AS moe, nps_ci_lower(st) AS lo, nps_ci_upper(st) AS hi
    FROM nps_daily
    UNION ALL
    SELECT region, json_extract(nps_summary(st), '$.n'), nps(st), nps_moe(st),
           nps_ci_lower(st), nps_ci_upper(st)
    FROM nps_daily GROUP BY region
)
SELECT printf('%-14s %,6d %,6d %+11.6f %+11.6f %10.6f %10.6f  %s',
              raw.scope, raw.n, roll.n, raw.v, roll.v, raw.moe, roll.moe,
              CASE WHEN raw.n = roll.n AND raw.v = roll.v AND raw.moe = roll.moe
                        AND raw.lo = roll.lo AND raw.hi = roll.hi
                   THEN 'yes' ELSE 'NO' END)
FROM raw JOIN roll USING (scope)
ORDER BY raw.k, raw.n DESC;

------------------------------------------------------------------------------
SELECT '';
SELECT '== One recent comment per language, labelled in that language ==';
WITH pick(lang, category) AS (
    VALUES ('de', 'promoter'), ('es', 'detractor'), ('fr', 'passive'), ('ja', 'promoter'),
           ('pl', 'detractor'), ('th', 'passive'), ('zh', 'detractor')
),
c AS (
    SELECT r.lang, r.score, r.comment,
           row_number() OVER (PARTITION BY r.lang ORDER BY r.responded_at DESC, r.id DESC) AS k
    FROM responses AS r JOIN pick ON pick.lang = r.lang AND pick.category = nps_category(r.score)
    WHERE r.comment IS NOT NULL
)
SELECT printf('%s %2d %-9s %s: %s', lang, score, nps_category(score), nps_category(score, lang),
              CASE WHEN length(comment) <= 60 THEN comment
                   ELSE substr(comment, 1, 57) || '...' END)
FROM c
WHERE k = 1
ORDER BY lang;

------------------------------------------------------------------------------
-- The programme around the scores (sql/programme/sqlite.sql, set up on this
-- database by demo/programme.sql): alerts, the follow-up queue and its SLA,
-- survey cooldown and sampling, response rates, themes, referral asks.
SELECT '';
SELECT printf('== Running the programme (as of %s; follow-up SLA %d h, survey cooldown %d days) ==',
              now, followup_sla_hours, survey_cooldown_days)
FROM nps_config;

-- Alerts, tried on three answers that arrive this morning and then rolled
-- back, so the sample data stays as it is.
BEGIN;
SELECT printf('alerts on: %s', nps_alert_on('responses', 'score', 'nps_alert', 'detractor,promoter'));
WITH pending AS (
    SELECT i.id, i.contact_id, i.campaign, i.channel,
           row_number() OVER (ORDER BY i.id) AS k
    FROM invitations AS i
    WHERE i.sent_at >= '2026-11-30 12:00'
      AND NOT EXISTS (SELECT 1 FROM responses AS r WHERE r.invitation_id = i.id)
    ORDER BY i.id
    LIMIT 3
)
INSERT INTO responses (invitation_id, contact_id, responded_at, region, channel, plan, campaign,
                       score, weight, lang, comment, topic)
SELECT p.id, p.contact_id, '2026-12-01 08:5' || p.k || ':00', c.region, p.channel, c.plan,
       p.campaign, CASE p.k WHEN 1 THEN 3 WHEN 2 THEN 10 ELSE 8 END, 1.0, c.lang, NULL, NULL
FROM pending AS p JOIN contacts AS c ON c.contact_id = p.contact_id;
SELECT printf('  queued #%d: %-9s score %2d, responses row %d, %s', id, category, score, row_id,
              created_at)
FROM nps_alert ORDER BY id;
SELECT printf('  follow-ups opened: %d (detractor and promoter; the passive raised no alert)',
              count(*))
FROM nps_followups WHERE responded_at = (SELECT now FROM nps_config);
ROLLBACK;

SELECT '';
SELECT printf('follow-up queue: %,d open (%,d to contact, %,d to resolve, %,d to inform), %,d past the SLA',
              count(*), count(CASE WHEN next_step = 'contact' THEN 1 END),
              count(CASE WHEN next_step = 'resolve' THEN 1 END),
              count(CASE WHEN next_step = 'inform' THEN 1 END), sum(sla_breached))
FROM nps_followup_queue;
SELECT '  next to contact, the oldest open first:';
SELECT printf('  #%-5d %-9s %2d  %s  %-8s answered %s, open %,d days%s', id, category, score,
              contact_id, coalesce(owner, ''), substr(responded_at, 1, 10), age_hours / 24,
              CASE WHEN sla_breached THEN '  LATE' ELSE '' END)
FROM nps_followup_queue
WHERE next_step = 'contact'
ORDER BY responded_at, id
LIMIT 5;
SELECT printf('  first question for #%d, in %s: %s', q.id, c.lang, nps_followup_question(q.score, c.lang))
FROM nps_followup_queue AS q JOIN nps_contacts AS c ON c.contact_id = q.contact_id
WHERE q.next_step = 'contact'
ORDER BY q.responded_at, q.id
LIMIT 1;
SELECT '';
SELECT 'detractors followed up within the SLA, by week (the outage of September 2025, and lately);';
SELECT 'pending: not contacted, not yet due; while any are, the share is a range, not final';
SELECT printf('  %-10s %9s %9s %8s %11s %13s', 'week of', 'detractor', 'contacted', 'in SLA',
              '% in SLA', 'median hours');
SELECT rtrim(printf('  %-10s %9d %9d %8d %11s %13.1f  %s', week, detractors, contacted,
              within_sla,
              CASE WHEN pending = 0 THEN printf('%.1f%%', pct_within_sla)
                   ELSE printf('%.0f-%.0f%%', 100.0 * within_sla / detractors,
                               100.0 * (within_sla + pending) / detractors) END,
              median_hours_to_contact,
              trim(CASE WHEN date(week, '+7 days') > (SELECT now FROM nps_config)
                        THEN 'partial week, ' ELSE '' END
                   || CASE WHEN pending > 0 THEN printf('%d pending', pending) ELSE '' END,
                   ', ')))
FROM nps_followup_weekly
WHERE week BETWEEN '2025-08-25' AND '2025-10-06' OR week >= '2026-11-09';

SELECT '';
SELECT printf('survey cooldown: %,d of %,d contacts may be surveyed (not opted out, not invited in %d days)',
              count(*), (SELECT count(*) FROM nps_contacts), (SELECT survey_cooldown_days FROM nps_config))
FROM nps_survey_eligible;
SELECT printf('  a sample of 500 (ORDER BY sample_key LIMIT 500): %s, ...; a 10%% share: %,d',
              (SELECT group_concat(contact_id, ', ') FROM
                  (SELECT contact_id FROM nps_survey_eligible ORDER BY sample_key LIMIT 3)),
              count(*))
FROM nps_survey_eligible WHERE sample_key % 100 < 10;

SELECT '';
SELECT printf('response rates, each campaign against its kind''s (B2B reference %.0f%%, B2C target %.0f%%):',
              b2b_reference, b2c_target)
FROM nps_response_rates LIMIT 1;
SELECT printf('  %-22s %-4s %8s %8s %7s', 'campaign', 'kind', 'invited', 'answered', 'rate');
WITH r AS (
    SELECT 0 AS k, r.campaign, c.kind, r.invitations, r.responses, r.response_rate,
           CASE c.kind WHEN 'B2B' THEN r.b2b_reference ELSE r.b2c_target END AS ref
    FROM nps_response_rates AS r JOIN campaigns AS c ON c.campaign = r.campaign
    WHERE r.channel IS NULL
    UNION ALL
    SELECT 1, 'all ' || c.kind, c.kind, sum(r.invitations), sum(r.responses),
           100.0 * sum(r.responses) / sum(r.invitations),
           CASE c.kind WHEN 'B2B' THEN max(r.b2b_reference) ELSE max(r.b2c_target) END
    FROM nps_response_rates AS r JOIN campaigns AS c ON c.campaign = r.campaign
    WHERE r.channel IS NULL
    GROUP BY c.kind
    HAVING count(*) > 1
)
SELECT printf('  %-22s %-4s %,8d %,8d %6.1f%%  %s', campaign, kind, invitations, responses,
              response_rate,
              printf('%.1f points %s the %s %s', abs(response_rate - ref),
                     CASE WHEN response_rate >= ref THEN 'above' ELSE 'below' END, kind,
                     CASE kind WHEN 'B2B' THEN 'reference' ELSE 'target' END))
FROM r
ORDER BY k, kind, campaign;

SELECT '';
SELECT 'what detractors complain about most (themes of their comments):';
SELECT printf('  %-12s %,6d detractors   theme NPS %+6.1f over %,d mentions', theme, detractors, nps,
              mentions)
FROM nps_theme_summary WHERE detractors > 0 ORDER BY detractors DESC LIMIT 4;

SELECT '';
SELECT printf('referral asks: %,d promoters consented and were not asked in %d days',
              count(*), (SELECT referral_cooldown_days FROM nps_config))
FROM nps_referral_candidates;
SELECT printf('  the latest: %s', group_concat(printf('%s (%s, %d)', contact_id, lang, score), ', '))
FROM (SELECT contact_id, lang, score FROM nps_referral_candidates LIMIT 3);
