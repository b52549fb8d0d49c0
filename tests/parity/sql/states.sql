-- Queries over a table of states (day, region, st, wst): run by both engines
-- over the states each made itself and over the states the other engine
-- made (exported as hex, loaded as bytes).  @STATES@ names the table.
SELECT region, nps(st), promoter_share(st), nps_stderr(st), nps_moe_of(nps_state(st), 0.9), nps_ci_lower(st), nps_ci_upper(st),
       nps(wst), nps_stderr(wst), nps_moe(wst), nps_ci_lower_of(nps_state(wst), 0.8)
FROM @STATES@ GROUP BY region ORDER BY region;
SELECT region, nps_summary(st), hex(nps_state(st)), hex(nps_state(wst)) FROM @STATES@ GROUP BY region ORDER BY region;
SELECT nps(st), nps(wst), nps_summary(st), hex(nps_state(st)), hex(nps_state(wst)) FROM @STATES@;
SELECT day, region, nps(st) OVER win, nps_moe(st) OVER win, nps_ci_upper_of(nps_state(st) OVER win, 0.9), nps(wst) OVER win,
       hex(nps_state(st) OVER win), hex(nps_state(wst) OVER win)
FROM @STATES@ WINDOW win AS (PARTITION BY region ORDER BY day ROWS 6 PRECEDING) ORDER BY region, day;
SELECT a.region, a.day, nps_pvalue(a.st, b.st), nps_pvalue(a.wst, b.wst)
FROM @STATES@ a JOIN @STATES@ b ON b.day = a.day + 1 AND b.region = a.region ORDER BY a.region, a.day;
-- Each stored state read by the _of scalars, and merged with nps_state_merge.
SELECT day, region, nps_of(st), nps_stderr_of(st), nps_moe_of(wst, 0.8), nps_ci_upper_of(wst), nps_rows_of(st),
       nps_rows_of(wst), nps_summary_of(wst), hex(nps_state_merge(st, wst))
FROM @STATES@ ORDER BY day, region;
