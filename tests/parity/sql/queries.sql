-- The parity queries: run as written by both engines over fixture.sql; the
-- outputs must be identical, query by query.  One statement per query, each
-- ending with ';' at the end of a line.  hex(state) is SQLite's built-in; the
-- PostgreSQL session defines hex(nps_state) as the same upper-case hex of
-- the state's bytes (format 2: 100 bytes, 412 with weighted rows).
--
-- The second argument of every aggregate is a weight; other confidences go
-- through a state and an _of scalar.  Blank text as a skipped answer (NULL)
-- is SQLite's alone: PostgreSQL has no text scores, so there is nothing to
-- compare.

-- Every aggregate over all rows, for both score types.
SELECT nps(score), promoter_share(score), passive_share(score), detractor_share(score), nps_stderr(score) FROM responses;
SELECT nps_moe(score), nps_ci_lower(score), nps_ci_upper(score) FROM responses;
SELECT nps(rscore), promoter_share(rscore), passive_share(rscore), detractor_share(rscore), nps_stderr(rscore),
       nps_moe(rscore), nps_ci_lower(rscore), nps_ci_upper(rscore) FROM responses;
SELECT nps_moe_of(nps_state(score), 0.9), nps_ci_lower_of(nps_state(score), 0.99),
       nps_ci_upper_of(nps_state(score), 0.5), nps_moe_of(nps_state(rscore), 0.8),
       nps_ci_upper_of(nps_state(rscore), 0.999) FROM responses;
SELECT nps_moe(score, w), nps_ci_lower(score, w), nps_ci_upper(score, w), nps_moe(rscore, w),
       nps_moe_of(nps_state(score, w), 0.9), nps_ci_lower_of(nps_state(rscore, w), 0.8),
       nps_ci_upper_of(nps_state(score, w), 0.99) FROM responses;
SELECT nps(score, w), promoter_share(score, w), passive_share(score, w), detractor_share(score, w),
       nps_stderr(score, w) FROM responses;
SELECT nps(rscore, w), promoter_share(rscore, w), nps_stderr(rscore, w) FROM responses;
SELECT nps_summary(score) FROM responses;
SELECT nps_summary(rscore) FROM responses;
SELECT nps_summary(score, w) FROM responses;
SELECT nps_summary(rscore, w) FROM responses;
SELECT hex(nps_state(score)), hex(nps_state(score, w)), hex(nps_state(rscore)), hex(nps_state(rscore, w)) FROM responses;

-- GROUP BY, with a group whose scores are all NULL.
SELECT region, count(score), nps(score), promoter_share(score), passive_share(score), detractor_share(score),
       nps_stderr(score), nps_moe(score), nps_ci_lower(score), nps_ci_upper(score)
FROM responses GROUP BY region ORDER BY region;
SELECT region, nps(score, w), promoter_share(score, w), passive_share(score, w), detractor_share(score, w),
       nps_stderr(score, w), nps_moe(score, w), nps_moe_of(nps_state(score), 0.9),
       nps_ci_lower_of(nps_state(rscore), 0.8), nps_ci_upper_of(nps_state(rscore, w), 0.99)
FROM responses GROUP BY region ORDER BY region;
SELECT region, nps_summary(score, w) FROM responses GROUP BY region ORDER BY region;
SELECT region, nps_summary(score), hex(nps_state(score)), hex(nps_state(score, w)) FROM responses GROUP BY region ORDER BY region;
SELECT region, channel, count(*), nps(score), nps(rscore, w), nps_moe_of(nps_state(score), 0.9), hex(nps_state(score, w))
FROM responses GROUP BY region, channel ORDER BY region, channel;
SELECT day, count(score), nps(score), nps_stderr(score), nps_moe(score), nps_summary(score),
       CASE WHEN nps_state(score) IS NULL THEN 'null' ELSE 'state' END
FROM responses WHERE region = 'east' GROUP BY day ORDER BY day;

-- FILTER.
SELECT region, nps(score) FILTER (WHERE channel = 'web'), nps(score, w) FILTER (WHERE day <= 10),
       nps_moe_of(nps_state(score) FILTER (WHERE score > 3), 0.9), nps_moe(score, w) FILTER (WHERE score > 3),
       hex(nps_state(score) FILTER (WHERE id % 2 = 0))
FROM responses GROUP BY region ORDER BY region;

-- No valid rows: NULL, never 0.  Weights that sum to 0: NULL as well.
SELECT nps(score), nps_stderr(score, w), nps_moe(score, w), nps_moe_of(nps_state(score), 0.9), nps_ci_lower(score),
       nps_summary(score), nps_summary(score, w),
       CASE WHEN nps_state(score) IS NULL THEN 'null' ELSE 'state' END
FROM responses WHERE region = 'none';
SELECT count(*), nps(score, w), promoter_share(score, w), nps_stderr(score, w), nps_moe(score, w),
       nps_of(nps_state(score, w)), nps_rows_of(nps_state(score, w)) FROM responses WHERE w = 0;
SELECT nps(score, NULL), nps_moe(score, NULL), CASE WHEN nps_state(score, NULL) IS NULL THEN 'null' ELSE 'state' END
FROM responses;

-- Scalars.
SELECT id, score, nps_category(score), nps_category(score, 'pl'), nps_category(rscore, 'th'),
       nps_category(score, 'ZH'), nps_category(rscore, 'de'), nps_category(score, 'ja')
FROM responses WHERE id <= 40 ORDER BY id;
SELECT region, nps_band(nps(score)), nps_band(nps(score, w)), nps_band(nps_ci_lower(score)) FROM responses
GROUP BY region ORDER BY region;
SELECT nps_band(-100), nps_band(-0.5), nps_band(0), nps_band(29.99), nps_band(30), nps_band(69.99), nps_band(70),
       nps_band(100);
SELECT nps_pvalue((SELECT nps_state(score) FROM responses WHERE region = 'north'),
                  (SELECT nps_state(score) FROM responses WHERE region = 'south'));
SELECT a.region, b.region, nps_pvalue(a.st, b.st), nps_pvalue(a.wst, b.wst)
FROM (SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY region) a,
     (SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY region) b
ORDER BY a.region, b.region;
SELECT nps_version();

-- Window frames: sliding, growing, RANGE and GROUPS with peers, partitioned,
-- ahead of the current row, with exclusion.
SELECT id, nps(score) OVER win, nps_stderr(score) OVER win, nps_moe_of(nps_state(score) OVER win, 0.9),
       nps(score, w) OVER win, nps_stderr(rscore, w) OVER win, nps_moe(score, w) OVER win
FROM responses WINDOW win AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, promoter_share(score) OVER win, nps_ci_upper(score) OVER win,
       nps_ci_lower_of(nps_state(rscore) OVER win, 0.8), nps_ci_upper(rscore, w) OVER win
FROM responses WINDOW win AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, day, nps(score) OVER win, detractor_share(score, w) OVER win, hex(nps_state(score) OVER win)
FROM responses WINDOW win AS (ORDER BY day RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, day, passive_share(score) OVER win, nps_summary(score) OVER win
FROM responses WINDOW win AS (ORDER BY day GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY id;
SELECT id, region, detractor_share(score) OVER win, nps_moe(rscore) OVER win, hex(nps_state(score, w) OVER win)
FROM responses WINDOW win AS (PARTITION BY region ORDER BY id ROWS BETWEEN 5 PRECEDING AND 2 FOLLOWING)
ORDER BY id;
SELECT id, nps(score) OVER win, nps_ci_lower_of(nps_state(score) OVER win, 0.9), nps_ci_lower(score, w) OVER win
FROM responses WINDOW win AS (ORDER BY id ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING EXCLUDE CURRENT ROW) ORDER BY id;

-- Weights with no short binary form (a third of w plus id / 7, in doubles
-- in both engines): sums that are not doubles, written in hex in the text
-- form; the states' bytes, the results and the sliding windows agree.
CREATE TABLE odd AS SELECT id, region, day, score, rscore, w / 3.0 + CAST(id AS double precision) / 7 AS w FROM responses;
SELECT region, nps(score, w), nps_stderr(score, w), nps_moe(score, w), nps_ci_lower(score, w), nps_ci_upper(rscore, w),
       nps_summary(score, w), hex(nps_state(score, w))
FROM odd GROUP BY region ORDER BY region;
SELECT id, nps(score, w) OVER win, nps_stderr(score, w) OVER win, nps_ci_upper(rscore, w) OVER win,
       hex(nps_state(score, w) OVER win)
FROM odd WINDOW win AS (ORDER BY id ROWS BETWEEN 7 PRECEDING AND CURRENT ROW) ORDER BY id;

-- The _of scalars over one state per group: the aggregate's result for that
-- state; other confidences; the row count.
SELECT region, nps_of(st), promoter_share_of(st), passive_share_of(st), detractor_share_of(st), nps_stderr_of(st),
       nps_moe_of(st), nps_moe_of(st, 0.8), nps_ci_lower_of(st), nps_ci_lower_of(st, 0.99), nps_ci_upper_of(st),
       nps_ci_upper_of(st, 0.6), nps_rows_of(st)
FROM (SELECT region, nps_state(score) AS st FROM responses GROUP BY region) x ORDER BY region;
SELECT region, nps_of(st), promoter_share_of(st), passive_share_of(st), detractor_share_of(st), nps_stderr_of(st),
       nps_moe_of(st), nps_moe_of(st, 0.8), nps_ci_lower_of(st), nps_ci_lower_of(st, 0.99), nps_ci_upper_of(st),
       nps_ci_upper_of(st, 0.6), nps_rows_of(st)
FROM (SELECT region, nps_state(score, w) AS st FROM odd GROUP BY region) x ORDER BY region;
SELECT region, nps_summary_of(st), nps_summary_of(wst)
FROM (SELECT region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY region) x
ORDER BY region;
-- An _of scalar over a window's state, and over lag() of a group's state.
SELECT id, nps_moe_of(nps_state(score, w) OVER win, 0.9), nps_ci_upper_of(nps_state(score) OVER win, 0.8),
       nps_rows_of(nps_state(score) OVER win)
FROM responses WINDOW win AS (ORDER BY id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT day, nps_of(st), nps_pvalue(lag(st) OVER (ORDER BY day), st), nps_moe_of(lag(st) OVER (ORDER BY day), 0.9)
FROM (SELECT day, nps_state(score) AS st FROM responses GROUP BY day) x ORDER BY day;

-- nps_state_merge: NULL + s = s, s + NULL = s, NULL + NULL = NULL; merging
-- unweighted and weighted states; the merge of two halves is the whole.
SELECT hex(nps_state_merge(NULL, nps_state(9))), hex(nps_state_merge(nps_state(9), NULL)),
       CASE WHEN nps_state_merge(NULL, NULL) IS NULL THEN 'null' ELSE 'state' END,
       hex(nps_state_merge(nps_state(9), nps_state(0, 0.5))), nps_of(nps_state_merge(nps_state(9), nps_state(0, 0.5)));
SELECT region, hex(nps_state_merge(a, b)), hex(nps_state_merge(wa, wb)), nps_of(nps_state_merge(wa, wb)),
       nps_summary_of(nps_state_merge(wa, wb))
FROM (SELECT region, nps_state(score) FILTER (WHERE id % 2 = 0) AS a, nps_state(score) FILTER (WHERE id % 2 = 1) AS b,
             nps_state(score, w) FILTER (WHERE id % 2 = 0) AS wa, nps_state(score, w) FILTER (WHERE id % 2 = 1) AS wb
      FROM odd GROUP BY region) x ORDER BY region;

-- Results in range whatever the rounding: one promoter weighing 0.69.
SELECT nps(10, 0.69), promoter_share(10, 0.69), nps_band(nps(10, 0.69)), nps_of(nps_state(10, 0.69));

-- Paired waves: each response paired with the one 160 ids later, as the
-- same respondent's second wave; NULL in either skips the pair.  The
-- pair states' bytes are compared exactly, so a state either engine makes
-- is the state the other makes and reads.
SELECT nps_change(a.score, b.score), nps_change_pvalue(a.score, b.score), nps_migration(a.score, b.score),
       hex(nps_pair_state(a.score, b.score))
FROM responses a JOIN responses b ON b.id = a.id + 160;
SELECT a.region, nps_change(a.score, b.score), nps_change_pvalue(a.rscore, b.rscore), nps_migration(a.score, b.score),
       hex(nps_pair_state(a.score, b.score))
FROM responses a JOIN responses b ON b.id = a.id + 160 GROUP BY a.region ORDER BY a.region;
SELECT a.id, nps_change(a.score, b.score) OVER win, nps_change_pvalue(a.score, b.score) OVER win, hex(nps_pair_state(a.score, b.score) OVER win)
FROM responses a JOIN responses b ON b.id = a.id + 160 WINDOW win AS (ORDER BY a.id ROWS 20 PRECEDING) ORDER BY a.id;
-- Inference beyond the point estimate (I1-I5): planning, p-values with an
-- alternative or a benchmark, the interval of a change, the rest of a total.
SELECT nps_sample_size(5), nps_sample_size(2.5, 0.99), nps_sample_size(4, 0.9, 45, 25), nps_sample_size(150);
SELECT nps_mde(1000, 1000), nps_mde(320, 180, 0.1), nps_mde(250, 250, 0.05, 0.9), nps_mde(400, 500, 0.01, 0.8, 40.5, 22.25), nps_mde(9, 9, 0.5, 0.1);
SELECT region, nps_pvalue(nps_state(score), nps_state(rscore), 'two-sided'), nps_pvalue(nps_state(score), 20, 'greater'),
       nps_pvalue(nps_state(score), -12.5, 'less'), nps_pvalue(nps_state(score, w), 0) FROM responses GROUP BY region ORDER BY region;
SELECT d.region, nps_pvalue(d.st, e.st, 'greater'), nps_pvalue(d.st, e.st, 'less'), nps_diff_ci_lower(d.st, e.st), nps_diff_ci_upper(d.st, e.st, 0.8),
       nps_diff_ci_lower(d.wst, e.wst, 0.9), nps_diff_ci_upper(d.wst, e.wst)
FROM (SELECT day, region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY day, region) d
JOIN (SELECT day, region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY day, region) e
  ON e.region = d.region AND e.day = d.day + 1 ORDER BY d.day, d.region;
SELECT region, hex(nps_state_unmerge(t, s)), nps_of(nps_state_unmerge(t, s)), nps_pvalue(s, nps_state_unmerge(t, s)),
       hex(nps_state_unmerge(tw, sw)), nps_of(nps_state_unmerge(tw, sw))
FROM (SELECT region, nps_state(score) AS s, nps_state(score, w) AS sw FROM responses GROUP BY region) g,
     (SELECT nps_state(score) AS t, nps_state(score, w) AS tw FROM responses) a ORDER BY region;
-- Small segments (B1-B5): credible interval, probability above a target and
-- shrunk NPS per region, from raw rows, weighted rows and the rollup.
SELECT region, nps_credible_lower_of(nps_state(score)), nps_credible_upper_of(nps_state(score), 0.8),
       nps_prob_above_of(nps_state(score), 20), nps_prob_above_of(nps_state(score, w), -10),
       nps_shrunk_of(nps_state(score), (SELECT nps_state(score) FROM responses)),
       nps_shrunk_of(nps_state(score, w), (SELECT nps_state(score) FROM responses), 5)
FROM responses GROUP BY region ORDER BY region;
SELECT region, nps_credible_lower_of(nps_state(st), 0.9), nps_prob_above_of(nps_state(wst), 0)
FROM (SELECT region, day, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY region, day) x
GROUP BY region ORDER BY region;

-- CSAT and CES: every aggregate, weighted or not, both score types, by region,
-- in sliding windows, and their states' bytes.
SELECT csat(csat), csat_moe(csat), csat_ci_lower(csat), csat_ci_upper(csat), csat(rcsat), csat_moe(rcsat),
       csat_ci_lower(rcsat), csat_ci_upper(rcsat) FROM scale_answers;
SELECT ces(ces), ces_easy_share(ces), ces_moe(ces), ces_ci_lower(ces), ces_ci_upper(ces), ces(rces), ces_moe(rces),
       ces_ci_upper(rces) FROM scale_answers;
SELECT csat(csat, w), csat_moe(csat, w), csat_ci_lower(csat, w), csat_ci_upper(csat, w), ces(ces, w),
       ces_easy_share(ces, w), ces_moe(ces, w), ces_ci_lower(ces, w), ces_ci_upper(ces, w) FROM scale_answers;
SELECT csat_summary(csat), csat_summary(csat, w), ces_summary(ces), ces_summary(rces, w) FROM scale_answers;
SELECT region, csat(csat), csat_ci_lower(csat, w), ces(ces), ces_moe(ces), ces_ci_upper(ces, w),
       csat_moe_of(csat_state(csat), 0.9), ces_ci_lower_of(ces_state(ces, w), 0.8), csat_rows_of(csat_state(csat)),
       ces_rows_of(ces_state(ces)) FROM scale_answers GROUP BY region ORDER BY region;
SELECT id, csat(csat) OVER win, csat_ci_upper(csat, w) OVER win, ces(ces) OVER win, ces_moe(ces, w) OVER win,
       hex(csat_state(csat) OVER win), hex(ces_state(ces, w) OVER win)
FROM scale_answers WINDOW win AS (ORDER BY id ROWS BETWEEN 5 PRECEDING AND 2 FOLLOWING) ORDER BY id;
SELECT day, ces(ces) OVER (ORDER BY day RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM scale_answers ORDER BY id;
SELECT hex(csat_state(csat)), hex(csat_state(csat, w)), hex(ces_state(rces)), hex(ces_state(rces, w)),
       hex(csat_state_merge(csat_state(csat), csat_state(rcsat, w))) FROM scale_answers;
-- The per-region scale states; their hex (the last two columns) is read back
-- by the other engine.
SELECT region, csat_summary_of(csat_state(csat, w)), ces_summary_of(ces_state(ces)), hex(csat_state(csat, w)),
       hex(ces_state(ces)) FROM scale_answers GROUP BY region ORDER BY region;

-- States: a daily rollup by region, queried like the raw rows.
CREATE TABLE daily AS
SELECT day, region, nps_state(score) AS st, nps_state(score, w) AS wst FROM responses GROUP BY day, region;
SELECT day, region, hex(st), hex(wst) FROM daily ORDER BY day, region;
