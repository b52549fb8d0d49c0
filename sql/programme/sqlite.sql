-- nps programme toolkit for SQLite: the tables and views that run an NPS
-- programme around the scores (follow-ups, cooldown, sampling, response
-- rates, themes, referrals).  Load it after the extension:
--
--   .load ./build/nps
--   .read sql/programme/sqlite.sql
--
-- sql/programme/pg.sql is the same for PostgreSQL, name for name and
-- column for column.  Running either again is safe: tables are created
-- when missing and keep their rows; views and triggers are replaced.
--
-- Your own data: nps_responses, nps_invitations and nps_contacts are created
-- here as tables only when no table or view of that name exists.  To run the
-- programme on tables you already have, create VIEWs with these names and
-- columns over them first, then load this script (README: "Running an NPS
-- programme").
--
-- Times are UTC text 'YYYY-MM-DD HH:MM:SS' (PostgreSQL: timestamp without
-- time zone), so both engines print them alike.  "Now" is nps_config.now:
-- the setting as_of when set, else the current time.

-- ---------------------------------------------------------------------------
-- Settings: one row per key; nps_config shows the values in force.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_settings (
    key TEXT PRIMARY KEY CONSTRAINT nps_settings_key CHECK (key IN ('as_of', 'followup_sla_hours', 'survey_cooldown_days',
                                        'referral_cooldown_days', 'sample_seed',
                                        'response_rate_b2b', 'response_rate_b2c')),
    value TEXT,
    CONSTRAINT nps_settings_value CHECK (CASE key
        WHEN 'as_of' THEN value IS NULL OR datetime(value) IS NOT NULL
        WHEN 'sample_seed' THEN value IS NOT NULL
        WHEN 'response_rate_b2b' THEN value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*'
                                      AND CAST(value AS REAL) > 0 AND CAST(value AS REAL) <= 100
        WHEN 'response_rate_b2c' THEN value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*'
                                      AND CAST(value AS REAL) > 0 AND CAST(value AS REAL) <= 100
        ELSE value GLOB '[1-9]*' AND value NOT GLOB '*[^0-9]*' END)
);
INSERT INTO nps_settings (key, value) VALUES
    ('as_of', NULL),                  -- NULL: now; a time pins "now" (tests, demos, replays)
    ('followup_sla_hours', '24'),     -- a follow-up is due this long after the response
    ('survey_cooldown_days', '90'),   -- no new survey within this many days of the last invitation
    ('referral_cooldown_days', '180'),-- no new referral or review ask within this many days
    ('sample_seed', 'nps'),           -- seed of nps_survey_eligible.sample_key
    ('response_rate_b2b', '12'),      -- reference response rate of B2B surveys, %
    ('response_rate_b2c', '40')       -- target response rate of B2C surveys, %
ON CONFLICT DO NOTHING;

DROP VIEW IF EXISTS nps_config;
CREATE VIEW nps_config AS
SELECT coalesce(datetime((SELECT value FROM nps_settings WHERE key = 'as_of')),
                datetime('now')) AS now,
       (SELECT CAST(value AS INTEGER) FROM nps_settings WHERE key = 'followup_sla_hours')
           AS followup_sla_hours,
       (SELECT CAST(value AS INTEGER) FROM nps_settings WHERE key = 'survey_cooldown_days')
           AS survey_cooldown_days,
       (SELECT CAST(value AS INTEGER) FROM nps_settings WHERE key = 'referral_cooldown_days')
           AS referral_cooldown_days,
       (SELECT value FROM nps_settings WHERE key = 'sample_seed') AS sample_seed,
       (SELECT CAST(value AS REAL) FROM nps_settings WHERE key = 'response_rate_b2b')
           AS response_rate_b2b,
       (SELECT CAST(value AS REAL) FROM nps_settings WHERE key = 'response_rate_b2c')
           AS response_rate_b2c;

-- ---------------------------------------------------------------------------
-- Your data: adopt these tables, or map yours with views of the same shape.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_contacts (
    contact_id TEXT PRIMARY KEY,
    lang TEXT,                                   -- language code, for questions and asks
    referral_consent INTEGER NOT NULL DEFAULT 0, -- 1: may be asked for referrals and reviews
    opted_out INTEGER NOT NULL DEFAULT 0         -- 1: never survey again
);

CREATE TABLE IF NOT EXISTS nps_invitations (
    id INTEGER PRIMARY KEY,
    contact_id TEXT NOT NULL,
    campaign TEXT NOT NULL,
    channel TEXT NOT NULL,
    sent_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE IF NOT EXISTS nps_responses (
    id INTEGER PRIMARY KEY,
    contact_id TEXT,
    responded_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    campaign TEXT,
    channel TEXT,
    score INTEGER CONSTRAINT nps_responses_score CHECK (score BETWEEN 0 AND 10),
    comment TEXT,
    lang TEXT
);

-- ---------------------------------------------------------------------------
-- Closing the loop: one follow-up per response to act on.  Status moves
-- open -> contacted -> resolved -> informed (the customer told what was
-- done); setting a status stamps its time, and the times of the steps it
-- passes, with nps_config.now unless given.  nps_alert_on() adds open rows.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_followups (
    id INTEGER PRIMARY KEY,
    source_table TEXT,             -- table of the response (alerts write it)
    response_key TEXT,             -- its key there: rowid or primary key, as text
    contact_id TEXT,
    score INTEGER NOT NULL CONSTRAINT nps_followups_score CHECK (score BETWEEN 0 AND 10),
    responded_at TEXT NOT NULL,
    due_at TEXT,                   -- NULL: responded_at + followup_sla_hours
    status TEXT NOT NULL DEFAULT 'open'
        CONSTRAINT nps_followups_status CHECK (status IN ('open', 'contacted', 'resolved', 'informed')),
    owner TEXT,
    note TEXT,
    contacted_at TEXT,
    resolved_at TEXT,
    informed_at TEXT
);

DROP TRIGGER IF EXISTS nps_followups_stamp_insert;
CREATE TRIGGER nps_followups_stamp_insert AFTER INSERT ON nps_followups
WHEN NEW.status <> 'open'
BEGIN
    UPDATE nps_followups SET
        contacted_at = coalesce(contacted_at, (SELECT now FROM nps_config)),
        resolved_at = CASE WHEN NEW.status IN ('resolved', 'informed')
                           THEN coalesce(resolved_at, (SELECT now FROM nps_config))
                           ELSE resolved_at END,
        informed_at = CASE WHEN NEW.status = 'informed'
                           THEN coalesce(informed_at, (SELECT now FROM nps_config))
                           ELSE informed_at END
    WHERE id = NEW.id;
END;

DROP TRIGGER IF EXISTS nps_followups_stamp_update;
CREATE TRIGGER nps_followups_stamp_update AFTER UPDATE OF status ON nps_followups
BEGIN
    UPDATE nps_followups SET
        contacted_at = CASE WHEN NEW.status IN ('contacted', 'resolved', 'informed')
                            THEN coalesce(contacted_at, (SELECT now FROM nps_config))
                            ELSE contacted_at END,
        resolved_at = CASE WHEN NEW.status IN ('resolved', 'informed')
                           THEN coalesce(resolved_at, (SELECT now FROM nps_config))
                           ELSE resolved_at END,
        informed_at = CASE WHEN NEW.status = 'informed'
                           THEN coalesce(informed_at, (SELECT now FROM nps_config))
                           ELSE informed_at END
    WHERE id = NEW.id;
END;

-- The work queue: every follow-up whose loop is not closed, oldest first,
-- with the next step, its age in whole hours, when first contact is due and
-- whether that deadline is missed (first contact late, or none and overdue).
DROP VIEW IF EXISTS nps_followup_queue;
CREATE VIEW nps_followup_queue AS
SELECT f.id, f.status,
       CASE f.status WHEN 'open' THEN 'contact' WHEN 'contacted' THEN 'resolve'
                     ELSE 'inform' END AS next_step,
       nps_category(f.score) AS category, f.score, f.contact_id, f.source_table,
       f.response_key, f.owner, datetime(f.responded_at) AS responded_at,
       (CAST(strftime('%s', c.now) AS INTEGER)
        - CAST(strftime('%s', f.responded_at) AS INTEGER)) / 3600 AS age_hours,
       coalesce(datetime(f.due_at),
                datetime(f.responded_at, '+' || c.followup_sla_hours || ' hours')) AS due_at,
       coalesce(datetime(f.contacted_at) > coalesce(datetime(f.due_at),
                    datetime(f.responded_at, '+' || c.followup_sla_hours || ' hours')),
                c.now > coalesce(datetime(f.due_at),
                    datetime(f.responded_at, '+' || c.followup_sla_hours || ' hours')))
           AS sla_breached
FROM nps_followups AS f CROSS JOIN nps_config AS c
WHERE f.status <> 'informed'
ORDER BY f.responded_at, f.id;

-- Per week (Monday) of the response, the detractor follow-ups: how many, how
-- many were first contacted, within the SLA, overdue (never contacted, past
-- due) or pending (not contacted, not yet due); the share within the SLA of
-- those whose outcome is known (all but pending); and the median hours from
-- response to first contact (the middle value, or the mean of the middle
-- two, of the contacted ones).
DROP VIEW IF EXISTS nps_followup_weekly;
CREATE VIEW nps_followup_weekly AS
WITH d AS (
    SELECT date(f.responded_at, 'weekday 0', '-6 days') AS week,
           datetime(f.contacted_at) AS contacted_at,
           coalesce(datetime(f.due_at),
                    datetime(f.responded_at, '+' || c.followup_sla_hours || ' hours')) AS due_at,
           CAST(strftime('%s', f.contacted_at) AS INTEGER)
               - CAST(strftime('%s', f.responded_at) AS INTEGER) AS seconds_to_contact,
           c.now
    FROM nps_followups AS f CROSS JOIN nps_config AS c
    WHERE f.score <= 6
),
ranked AS (
    SELECT week, seconds_to_contact,
           row_number() OVER (PARTITION BY week ORDER BY seconds_to_contact) AS k,
           count(*) OVER (PARTITION BY week) AS n
    FROM d
    WHERE seconds_to_contact IS NOT NULL
),
w AS (
    SELECT week, count(*) AS detractors, count(contacted_at) AS contacted,
           count(CASE WHEN contacted_at <= due_at THEN 1 END) AS within_sla,
           count(CASE WHEN contacted_at IS NULL AND now > due_at THEN 1 END) AS overdue,
           count(CASE WHEN contacted_at IS NULL AND now <= due_at THEN 1 END) AS pending
    FROM d
    GROUP BY week
)
SELECT w.week, w.detractors, w.contacted, w.within_sla, w.overdue, w.pending,
       100.0 * w.within_sla / nullif(w.detractors - w.pending, 0) AS pct_within_sla,
       (SELECT avg(r.seconds_to_contact) / 3600.0 FROM ranked AS r
        WHERE r.week = w.week AND r.k IN ((r.n + 1) / 2, (r.n + 2) / 2))
           AS median_hours_to_contact
FROM w
ORDER BY w.week;

-- ---------------------------------------------------------------------------
-- Survey cooldown and sampling.  A contact is eligible unless opted out or
-- invited less than survey_cooldown_days ago.  sample_key orders them
-- deterministically (nps_sample_key with the setting sample_seed):
--   ORDER BY sample_key LIMIT 500              -- a sample of 500
--   WHERE sample_key % 100 < 10                -- a 10% sample
-- ---------------------------------------------------------------------------
DROP VIEW IF EXISTS nps_survey_eligible;
CREATE VIEW nps_survey_eligible AS
SELECT ct.contact_id, ct.lang, i.last_invited_at,
       (CAST(strftime('%s', c.now) AS INTEGER)
        - CAST(strftime('%s', i.last_invited_at) AS INTEGER)) / 86400 AS days_since_invited,
       nps_sample_key(ct.contact_id, c.sample_seed) AS sample_key
FROM nps_contacts AS ct
CROSS JOIN nps_config AS c
LEFT JOIN (SELECT contact_id, max(datetime(sent_at)) AS last_invited_at
           FROM nps_invitations GROUP BY contact_id) AS i ON i.contact_id = ct.contact_id
WHERE NOT ct.opted_out
  AND (i.last_invited_at IS NULL
       OR i.last_invited_at <= datetime(c.now, '-' || c.survey_cooldown_days || ' days'));

-- ---------------------------------------------------------------------------
-- Response rates: responses / invitations per campaign and channel, with
-- each campaign's total (channel NULL) and the grand total (both NULL), and
-- the B2B reference and B2C target rates beside them.  Rows whose campaign
-- or channel is NULL are counted under '(none)'.
-- ---------------------------------------------------------------------------
DROP VIEW IF EXISTS nps_response_rates;
CREATE VIEW nps_response_rates AS
WITH u AS (
    SELECT coalesce(campaign, '(none)') AS campaign, coalesce(channel, '(none)') AS channel,
           1 AS invitation, 0 AS response
    FROM nps_invitations
    UNION ALL
    SELECT coalesce(campaign, '(none)'), coalesce(channel, '(none)'), 0, 1
    FROM nps_responses
),
g AS (
    SELECT 0 AS level, campaign, channel, sum(invitation) AS invitations,
           sum(response) AS responses
    FROM u GROUP BY campaign, channel
    UNION ALL
    SELECT 1, campaign, NULL, sum(invitation), sum(response) FROM u GROUP BY campaign
    UNION ALL
    SELECT 2, NULL, NULL, sum(invitation), sum(response) FROM u
)
SELECT g.campaign, g.channel, g.invitations, g.responses,
       100.0 * g.responses / nullif(g.invitations, 0) AS response_rate,
       c.response_rate_b2b AS b2b_reference, c.response_rate_b2c AS b2c_target
FROM g CROSS JOIN nps_config AS c
WHERE g.invitations + g.responses > 0
ORDER BY g.level = 2, g.campaign, g.level, g.channel;

-- ---------------------------------------------------------------------------
-- Themes from comments: a phrase found in a comment (after nps_casefold() of
-- both, so case does not matter in any language) tags it with the theme.
-- A starter set in en, de, es, fr, pl, zh, ja, th; add your own rows.  A
-- phrase is matched anywhere in the comment (Chinese, Japanese and Thai
-- write no spaces between words), so keep phrases specific: 'lente' would
-- also find 'excellente'.  lang says which language a phrase is from; a
-- phrase shared by languages is listed once.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_themes (
    theme TEXT NOT NULL,
    lang TEXT,                      -- language of the phrase (for reading; matching ignores it)
    phrase TEXT NOT NULL CONSTRAINT nps_themes_phrase CHECK (phrase <> ''),
    PRIMARY KEY (theme, phrase)
);
INSERT INTO nps_themes (theme, lang, phrase) VALUES
    ('price', 'en', 'expensive'), ('price', 'en', 'price'), ('price', 'en', 'cost'),
    ('price', 'de', 'teuer'), ('price', 'de', 'preis'),
    ('price', 'es', 'demasiado caro'), ('price', 'es', 'precio'), ('price', 'es', 'costoso'),
    ('price', 'fr', 'trop cher'), ('price', 'fr', 'prix'),
    ('price', 'pl', 'drogo'), ('price', 'pl', 'drogi'), ('price', 'pl', 'cena '),
    ('price', 'pl', 'ceny'),
    ('price', 'zh', '贵'), ('price', 'zh', '价格'),
    ('price', 'ja', '高すぎ'), ('price', 'ja', '価格'),
    ('price', 'th', 'แพง'), ('price', 'th', 'ราคา'),
    ('support', 'en', 'support'), ('support', 'en', 'customer service'),
    ('support', 'en', 'ticket'),
    ('support', 'de', 'kundendienst'),
    ('support', 'es', 'soporte'), ('support', 'es', 'atención al cliente'),
    ('support', 'fr', 'service client'),
    ('support', 'pl', 'wsparci'), ('support', 'pl', 'pomocą techniczną'),
    ('support', 'pl', 'pomoc techniczn'), ('support', 'pl', 'obsługa klienta'),
    ('support', 'zh', '客服'), ('support', 'zh', '工单'),
    ('support', 'ja', 'サポート'),
    ('support', 'th', 'ซัพพอร์ต'), ('support', 'th', 'บริการลูกค้า'),
    ('bugs', 'en', 'bug'), ('bugs', 'en', 'crash'), ('bugs', 'en', 'error'),
    ('bugs', 'de', 'fehler'), ('bugs', 'de', 'absturz'),
    ('bugs', 'es', 'errores'), ('bugs', 'es', 'fallo'),
    ('bugs', 'fr', 'plantage'),
    ('bugs', 'pl', 'błęd'), ('bugs', 'pl', 'błąd'),
    ('bugs', 'zh', '问题太多'), ('bugs', 'zh', '崩溃'),
    ('bugs', 'ja', '不具合'), ('bugs', 'ja', 'バグ'),
    ('bugs', 'th', 'บั๊ก'),
    ('speed', 'en', 'slow'), ('speed', 'en', 'take ages'), ('speed', 'en', 'takes ages'),
    ('speed', 'de', 'langsam'), ('speed', 'de', 'laden ewig'),
    ('speed', 'es', 'lenta'), ('speed', 'es', 'lento'),
    ('speed', 'fr', 'est lente'), ('speed', 'fr', 'trop lent'),
    ('speed', 'pl', 'jest wolna'), ('speed', 'pl', 'działa wolno'),
    ('speed', 'zh', '很慢'), ('speed', 'zh', '加载'),
    ('speed', 'ja', '遅'),
    ('speed', 'th', 'ช้า'),
    ('outage', 'en', 'outage'), ('outage', 'en', 'downtime'), ('outage', 'en', 'unreachable'),
    ('outage', 'de', 'ausfall'), ('outage', 'de', 'nicht erreichbar'),
    ('outage', 'es', 'caída'),
    ('outage', 'fr', 'panne'), ('outage', 'fr', 'injoignable'),
    ('outage', 'pl', 'awari'),
    ('outage', 'zh', '故障'), ('outage', 'zh', '宕机'),
    ('outage', 'ja', '障害'),
    ('outage', 'th', 'ระบบล่ม'),
    ('mobile', 'en', 'mobile'), ('mobile', 'en', 'phone app'),
    ('mobile', 'de', 'handy'),
    ('mobile', 'es', 'móvil'),
    ('mobile', 'fr', 'application mobile'),
    ('mobile', 'pl', 'mobiln'),
    ('mobile', 'zh', '手机'),
    ('mobile', 'ja', 'モバイル'),
    ('mobile', 'th', 'มือถือ'),
    ('setup', 'en', 'setup'), ('setup', 'en', 'set up'), ('setup', 'en', 'onboarding'),
    ('setup', 'en', 'complicated'),
    ('setup', 'de', 'einrichtung'), ('setup', 'de', 'kompliziert'),
    ('setup', 'es', 'configuración'), ('setup', 'es', 'complicad'),
    ('setup', 'fr', 'mise en place'), ('setup', 'fr', 'compliqué'),
    ('setup', 'pl', 'konfiguracj'), ('setup', 'pl', 'skomplikowan'),
    ('setup', 'zh', '配置'), ('setup', 'zh', '复杂'),
    ('setup', 'ja', '設定'),
    ('setup', 'th', 'การตั้งค่า'),
    ('ease of use', 'en', 'easy to use'), ('ease of use', 'en', 'intuitive'),
    ('ease of use', 'de', 'einfach zu bedienen'),
    ('ease of use', 'es', 'fácil de usar'),
    ('ease of use', 'fr', 'facile à utiliser'),
    ('ease of use', 'pl', 'łatwy w obsłudze'),
    ('ease of use', 'zh', '易用'),
    ('ease of use', 'ja', '使いやす'),
    ('ease of use', 'th', 'ใช้งานง่าย'),
    ('time saved', 'en', 'saves'), ('time saved', 'en', 'save time'),
    ('time saved', 'de', 'spart'),
    ('time saved', 'es', 'ahorra'),
    ('time saved', 'fr', 'fait gagner'), ('time saved', 'fr', 'gagner du temps'),
    ('time saved', 'pl', 'oszczędza'),
    ('time saved', 'zh', '节省'),
    ('time saved', 'ja', '節約'),
    ('time saved', 'th', 'ประหยัดเวลา'),
    ('reliability', 'en', 'reliable'), ('reliability', 'en', 'stable'),
    ('reliability', 'de', 'zuverlässig'),
    ('reliability', 'es', 'fiable'),
    ('reliability', 'pl', 'niezawodn'),
    ('reliability', 'zh', '可靠'),
    ('reliability', 'ja', '安定'),
    ('reliability', 'th', 'เสถียร'),
    ('reports', 'en', 'report'), ('reports', 'de', 'bericht'), ('reports', 'es', 'informe'),
    ('reports', 'fr', 'rapport'), ('reports', 'pl', 'raport'), ('reports', 'zh', '报表'),
    ('reports', 'ja', 'レポート'), ('reports', 'th', 'รายงาน')
ON CONFLICT DO NOTHING;

-- Each response with each theme its comment mentions (one row per pair).
DROP VIEW IF EXISTS nps_response_themes;
CREATE VIEW nps_response_themes AS
WITH r AS MATERIALIZED (
    SELECT id, contact_id, responded_at, score, lang, comment, nps_casefold(comment) AS folded
    FROM nps_responses
    WHERE comment IS NOT NULL
),
t AS MATERIALIZED (
    SELECT DISTINCT theme, nps_casefold(phrase) AS folded FROM nps_themes
)
SELECT DISTINCT r.id AS response_id, t.theme, r.contact_id, datetime(r.responded_at) AS responded_at,
       r.score, nps_category(r.score) AS category, r.lang, r.comment
FROM r JOIN t ON instr(r.folded, t.folded) > 0;

-- Per theme: responses that mention it, how many of them scored, promoters,
-- passives, detractors, NPS and the detractor share.  "What do detractors
-- complain about most?":  SELECT theme, detractors FROM nps_theme_summary
-- ORDER BY detractors DESC.
DROP VIEW IF EXISTS nps_theme_summary;
CREATE VIEW nps_theme_summary AS
SELECT theme, count(*) AS mentions, count(score) AS scored,
       count(CASE WHEN score >= 9 THEN 1 END) AS promoters,
       count(CASE WHEN score BETWEEN 7 AND 8 THEN 1 END) AS passives,
       count(CASE WHEN score <= 6 THEN 1 END) AS detractors,
       nps(score) AS nps, detractor_share(score) AS detractor_share
FROM nps_response_themes
GROUP BY theme;

-- ---------------------------------------------------------------------------
-- Referrals and reviews: promoters (latest score 9-10) who consented and were
-- not asked within referral_cooldown_days; log each ask in nps_referral_asks.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_referral_asks (
    id INTEGER PRIMARY KEY,
    contact_id TEXT NOT NULL,
    asked_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    kind TEXT NOT NULL DEFAULT 'referral' CONSTRAINT nps_referral_asks_kind CHECK (kind IN ('referral', 'review')),
    channel TEXT
);

DROP VIEW IF EXISTS nps_referral_candidates;
CREATE VIEW nps_referral_candidates AS
WITH latest AS (
    SELECT contact_id, score, responded_at,
           row_number() OVER (PARTITION BY contact_id
                              ORDER BY datetime(responded_at) DESC, id DESC) AS k
    FROM nps_responses
    WHERE score IS NOT NULL AND contact_id IS NOT NULL
),
asked AS (
    SELECT contact_id, max(datetime(asked_at)) AS last_asked_at
    FROM nps_referral_asks GROUP BY contact_id
)
SELECT ct.contact_id, ct.lang, l.score, datetime(l.responded_at) AS responded_at,
       a.last_asked_at
FROM nps_contacts AS ct
JOIN latest AS l ON l.contact_id = ct.contact_id AND l.k = 1
CROSS JOIN nps_config AS c
LEFT JOIN asked AS a ON a.contact_id = ct.contact_id
WHERE l.score >= 9 AND ct.referral_consent
  AND (a.last_asked_at IS NULL
       OR a.last_asked_at <= datetime(c.now, '-' || c.referral_cooldown_days || ' days'))
ORDER BY datetime(l.responded_at) DESC, ct.contact_id;

-- ---------------------------------------------------------------------------
-- Follow-up questions: rows here replace the built-in question of
-- nps_followup_question(score, lang) for a category and language, and add
-- languages.
-- ---------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS nps_followup_questions (
    category TEXT NOT NULL CONSTRAINT nps_followup_questions_category CHECK (category IN ('detractor', 'passive', 'promoter')),
    lang TEXT NOT NULL,
    question TEXT NOT NULL,
    PRIMARY KEY (category, lang)
);
