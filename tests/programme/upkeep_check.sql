-- The maintained tables against a full recomputation from the base
-- relations, read by the upkeep tests (sql/sqlite/upkeep*.sql,
-- sql/pg/upkeep*.sql): SELECT * FROM t_check prints per maintained table its
-- rows and how many of them differ from the recomputation, both ways (every
-- difference must be 0).  The recomputation is plain SQL written apart from
-- the upkeep: phrases found with LIKE (the upkeep uses instr or strpos), a
-- contact's latest response by NOT EXISTS (the upkeep compares rows as they
-- arrive, the rebuild numbers them), a day as the first ten characters of
-- the time, an attribute's states from a DISTINCT over the attributes and
-- the responses (the upkeep keeps nps_attribute_scores and merges states).
-- Valid SQL for both engines.

-- A contact's row recomputed: its last invitation, and the scored response
-- no other scored response of the contact is later than (by time, then id).
CREATE VIEW t_contact_state AS
SELECT ct.contact_id, ct.lang, ct.referral_consent, ct.opted_out,
       (SELECT max(i.sent_at) FROM nps_invitations AS i WHERE i.contact_id = ct.contact_id)
           AS last_invited_at,
       l.id AS last_response_id, l.responded_at AS last_responded_at, l.score AS last_score
FROM nps_contacts AS ct
LEFT JOIN (SELECT r.contact_id, r.id, r.responded_at, r.score FROM nps_responses AS r
           WHERE r.score IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM nps_responses AS r2
                             WHERE r2.contact_id = r.contact_id AND r2.score IS NOT NULL
                               AND (r2.responded_at > r.responded_at
                                    OR (r2.responded_at = r.responded_at AND r2.id > r.id)))) AS l
       ON l.contact_id = ct.contact_id;

-- The answers of stakeholders recomputed: each scored response of a contact
-- of nps_account_contacts, and the time of the contact's next scored
-- response (the earliest later one, by time, then id).
CREATE VIEW t_stakeholder_answers AS
SELECT r.id AS response_id, ac.account_id, r.contact_id, ac.role, r.responded_at, r.score,
       CASE WHEN r.score >= 9 THEN 1 WHEN r.score >= 7 THEN 0 ELSE -1 END AS code,
       (SELECT min(r2.responded_at) FROM nps_responses AS r2
        WHERE r2.contact_id = r.contact_id AND r2.score IS NOT NULL
          AND (r2.responded_at > r.responded_at
               OR (r2.responded_at = r.responded_at AND r2.id > r.id))) AS next_at
FROM nps_responses AS r JOIN nps_account_contacts AS ac ON ac.contact_id = r.contact_id
WHERE r.score IS NOT NULL;

-- Each account's windows at nps_config.now recomputed from the answers (the
-- window's cut-offs are nps_account_clock's t, t90, t180, t365): per
-- account of nps_accounts and window, the answers' promoters, passives and
-- detractors, the
-- stakeholders whose latest answer up to now is in the window (no later
-- answer of theirs at or before now), the sum of their codes, the
-- decision-makers among them with a detractor's answer; as window 0, the
-- latest answers of days 91-180 (none later at or before now less 90 days).
CREATE VIEW t_account_windows AS
WITH a AS (
    SELECT w.window_days, x.*,
           CASE WHEN NOT EXISTS (SELECT 1 FROM t_stakeholder_answers AS y
                                 WHERE y.contact_id = x.contact_id AND y.responded_at <= k.t
                                   AND (y.responded_at > x.responded_at
                                        OR (y.responded_at = x.responded_at
                                            AND y.response_id > x.response_id)))
                THEN 1 ELSE 0 END AS latest
    FROM t_stakeholder_answers AS x
    JOIN nps_accounts AS acc ON acc.account_id = x.account_id
    CROSS JOIN nps_account_clock AS k
    CROSS JOIN (SELECT 90 AS window_days UNION ALL SELECT 180 UNION ALL SELECT 365) AS w
    WHERE x.responded_at <= k.t
      AND x.responded_at > CASE w.window_days WHEN 90 THEN k.t90 WHEN 180 THEN k.t180 ELSE k.t365 END
),
p AS (
    SELECT x.account_id, x.code
    FROM t_stakeholder_answers AS x
    JOIN nps_accounts AS acc ON acc.account_id = x.account_id
    CROSS JOIN nps_account_clock AS k
    WHERE x.responded_at <= k.t90 AND x.responded_at > k.t180
      AND NOT EXISTS (SELECT 1 FROM t_stakeholder_answers AS y
                      WHERE y.contact_id = x.contact_id AND y.responded_at <= k.t90
                        AND (y.responded_at > x.responded_at
                             OR (y.responded_at = x.responded_at AND y.response_id > x.response_id)))
)
SELECT account_id, window_days, sum(CASE WHEN code = 1 THEN 1 ELSE 0 END) AS promoters,
       sum(CASE WHEN code = 0 THEN 1 ELSE 0 END) AS passives,
       sum(CASE WHEN code = -1 THEN 1 ELSE 0 END) AS detractors, sum(latest) AS voters,
       sum(latest * code) AS code_sum,
       sum(CASE WHEN window_days = 90 AND role = 'decision-maker' AND code = -1 THEN latest ELSE 0 END)
           AS dm_detractors
FROM a GROUP BY account_id, window_days
UNION ALL
SELECT account_id, 0, NULL, NULL, NULL, count(*), sum(code), 0 FROM p GROUP BY account_id;

-- The same read from nps_account_windows_now, the rows with an answer.
CREATE VIEW t_account_windows_read AS
SELECT account_id, window_days, promoters, passives, detractors, voters, code_sum, dm_detractors
FROM (SELECT n.account_id, w.window_days,
             CASE w.window_days WHEN 90 THEN n.promoters_90 WHEN 180 THEN n.promoters_180
                  WHEN 365 THEN n.promoters_365 END AS promoters,
             CASE w.window_days WHEN 90 THEN n.passives_90 WHEN 180 THEN n.passives_180
                  WHEN 365 THEN n.passives_365 END AS passives,
             CASE w.window_days WHEN 90 THEN n.detractors_90 WHEN 180 THEN n.detractors_180
                  WHEN 365 THEN n.detractors_365 END AS detractors,
             CASE w.window_days WHEN 90 THEN n.voters_90 WHEN 180 THEN n.voters_180
                  WHEN 365 THEN n.voters_365 ELSE n.voters_prev END AS voters,
             CASE w.window_days WHEN 90 THEN n.code_sum_90 WHEN 180 THEN n.code_sum_180
                  WHEN 365 THEN n.code_sum_365 ELSE n.code_sum_prev END AS code_sum,
             CASE w.window_days WHEN 90 THEN n.dm_detractors_90 ELSE 0 END AS dm_detractors
      FROM nps_account_windows_now AS n
      CROSS JOIN (SELECT 0 AS window_days UNION ALL SELECT 90 UNION ALL SELECT 180
                  UNION ALL SELECT 365) AS w) AS x
WHERE (window_days > 0 AND promoters + passives + detractors > 0) OR (window_days = 0 AND voters <> 0);

-- The attributes recomputed: each scored response (a score not NULL) with
-- each distinct value of an attribute that is not built in.
CREATE VIEW t_attribute_values AS
SELECT DISTINCT a.response_id, a.attribute, a.value, r.score
FROM nps_response_attributes AS a JOIN nps_responses AS r ON r.id = a.response_id
WHERE r.score IS NOT NULL AND a.attribute NOT IN ('theme', 'campaign', 'channel', 'segment');

CREATE VIEW t_check AS
SELECT 'nps_theme_phrases' AS maintained, (SELECT count(*) FROM nps_theme_phrases) AS n_rows,
       (SELECT count(*) FROM (SELECT theme, folded FROM nps_theme_phrases
                              EXCEPT SELECT theme, nps_casefold(phrase) FROM nps_themes) AS x)
       + (SELECT count(*) FROM (SELECT theme, nps_casefold(phrase) FROM nps_themes
                                EXCEPT SELECT theme, folded FROM nps_theme_phrases) AS x) AS differ
UNION ALL
SELECT 'nps_theme_mentions', (SELECT count(*) FROM nps_theme_mentions),
       (SELECT count(*) FROM (SELECT response_id, theme, score FROM nps_theme_mentions
                              EXCEPT
                              SELECT r.id, t.theme, r.score FROM nps_responses AS r, nps_themes AS t
                              WHERE nps_casefold(r.comment) LIKE '%' || nps_casefold(t.phrase) || '%') AS x)
       + (SELECT count(*) FROM (SELECT r.id, t.theme, r.score FROM nps_responses AS r, nps_themes AS t
                                WHERE nps_casefold(r.comment) LIKE '%' || nps_casefold(t.phrase) || '%'
                                EXCEPT
                                SELECT response_id, theme, score FROM nps_theme_mentions) AS x)
UNION ALL
SELECT 'nps_response_daily', (SELECT count(*) FROM nps_response_daily),
       (SELECT count(*) FROM (SELECT CAST(day AS text), campaign, channel, responses,
                                     CAST(nps_summary_of(st) AS text)
                              FROM nps_response_daily
                              EXCEPT
                              SELECT substr(CAST(responded_at AS text), 1, 10), coalesce(campaign, '(none)'),
                                     coalesce(channel, '(none)'), count(*), CAST(nps_summary(score) AS text)
                              FROM nps_responses GROUP BY 1, 2, 3) AS x)
       + (SELECT count(*) FROM (SELECT substr(CAST(responded_at AS text), 1, 10), coalesce(campaign, '(none)'),
                                       coalesce(channel, '(none)'), count(*), CAST(nps_summary(score) AS text)
                                FROM nps_responses GROUP BY 1, 2, 3
                                EXCEPT
                                SELECT CAST(day AS text), campaign, channel, responses,
                                       CAST(nps_summary_of(st) AS text)
                                FROM nps_response_daily) AS x)
UNION ALL
SELECT 'nps_invitation_daily', (SELECT count(*) FROM nps_invitation_daily),
       (SELECT count(*) FROM (SELECT CAST(day AS text), campaign, channel, invitations
                              FROM nps_invitation_daily
                              EXCEPT
                              SELECT substr(CAST(sent_at AS text), 1, 10), campaign, channel, count(*)
                              FROM nps_invitations GROUP BY 1, 2, 3) AS x)
       + (SELECT count(*) FROM (SELECT substr(CAST(sent_at AS text), 1, 10), campaign, channel, count(*)
                                FROM nps_invitations GROUP BY 1, 2, 3
                                EXCEPT
                                SELECT CAST(day AS text), campaign, channel, invitations
                                FROM nps_invitation_daily) AS x)
UNION ALL
SELECT 'nps_contact_state', (SELECT count(*) FROM nps_contact_state),
       (SELECT count(*) FROM (SELECT contact_id, lang, referral_consent, opted_out, last_invited_at,
                                     last_response_id, last_responded_at, last_score
                              FROM nps_contact_state
                              EXCEPT
                              SELECT contact_id, lang, referral_consent, opted_out, last_invited_at,
                                     last_response_id, last_responded_at, last_score
                              FROM t_contact_state) AS x)
       + (SELECT count(*) FROM (SELECT contact_id, lang, referral_consent, opted_out, last_invited_at,
                                       last_response_id, last_responded_at, last_score
                                FROM t_contact_state
                                EXCEPT
                                SELECT contact_id, lang, referral_consent, opted_out, last_invited_at,
                                       last_response_id, last_responded_at, last_score
                                FROM nps_contact_state) AS x)
UNION ALL
SELECT 'nps_stakeholder_answers', (SELECT count(*) FROM nps_stakeholder_answers),
       (SELECT count(*) FROM (SELECT response_id, account_id, contact_id, role, responded_at, score, code,
                                     next_at
                              FROM nps_stakeholder_answers
                              EXCEPT
                              SELECT response_id, account_id, contact_id, role, responded_at, score, code,
                                     next_at
                              FROM t_stakeholder_answers) AS x)
       + (SELECT count(*) FROM (SELECT response_id, account_id, contact_id, role, responded_at, score, code,
                                       next_at
                                FROM t_stakeholder_answers
                                EXCEPT
                                SELECT response_id, account_id, contact_id, role, responded_at, score, code,
                                       next_at
                                FROM nps_stakeholder_answers) AS x)
UNION ALL
SELECT 'nps_account_windows', (SELECT count(*) FROM t_account_windows_read),
       (SELECT count(*) FROM (SELECT * FROM t_account_windows_read
                              EXCEPT SELECT * FROM t_account_windows) AS x)
       + (SELECT count(*) FROM (SELECT * FROM t_account_windows
                                EXCEPT SELECT * FROM t_account_windows_read) AS x)
UNION ALL
SELECT 'nps_attribute_scores', (SELECT count(*) FROM nps_attribute_scores),
       (SELECT count(*) FROM (SELECT response_id, attribute, value, score FROM nps_attribute_scores
                              EXCEPT SELECT response_id, attribute, value, score FROM t_attribute_values) AS x)
       + (SELECT count(*) FROM (SELECT response_id, attribute, value, score FROM t_attribute_values
                                EXCEPT SELECT response_id, attribute, value, score FROM nps_attribute_scores) AS x)
UNION ALL
SELECT 'nps_attribute_states', (SELECT count(*) FROM nps_attribute_states),
       (SELECT count(*) FROM (SELECT attribute, value, nps_rows_of(st), CAST(nps_summary_of(st) AS text)
                              FROM nps_attribute_states
                              EXCEPT
                              SELECT attribute, value, count(*), CAST(nps_summary(score) AS text)
                              FROM t_attribute_values GROUP BY attribute, value) AS x)
       + (SELECT count(*) FROM (SELECT attribute, value, count(*), CAST(nps_summary(score) AS text)
                                FROM t_attribute_values GROUP BY attribute, value
                                EXCEPT
                                SELECT attribute, value, nps_rows_of(st), CAST(nps_summary_of(st) AS text)
                                FROM nps_attribute_states) AS x)
UNION ALL
SELECT 'nps_attribute_totals', (SELECT count(*) FROM nps_attribute_totals),
       (SELECT count(*) FROM (SELECT attribute, nps_rows_of(st), CAST(nps_summary_of(st) AS text)
                              FROM nps_attribute_totals
                              EXCEPT
                              SELECT attribute, count(*), CAST(nps_summary(score) AS text)
                              FROM (SELECT DISTINCT response_id, attribute, score FROM t_attribute_values) AS u
                              GROUP BY attribute) AS x)
       + (SELECT count(*) FROM (SELECT attribute, count(*), CAST(nps_summary(score) AS text)
                                FROM (SELECT DISTINCT response_id, attribute, score FROM t_attribute_values) AS u
                                GROUP BY attribute
                                EXCEPT
                                SELECT attribute, nps_rows_of(st), CAST(nps_summary_of(st) AS text)
                                FROM nps_attribute_totals) AS x);

