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

