-- The programme fixture: a small programme whose every figure is worked out
-- by hand in the comments of the cases.  Valid SQL for both engines (TRUE
-- and FALSE are 1 and 0 in SQLite); loaded after sql/programme/<engine>.sql.
--
-- "Now" is pinned: Wednesday 2026-05-20 12:00:00.  Cooldown 90 days: the
-- last invitation must be at or before 2026-02-19 12:00:00.  Referral
-- cooldown 180 days: the last ask at or before 2025-11-21 12:00:00.
UPDATE nps_settings SET value = '2026-05-20 12:00:00' WHERE key = 'as_of';

-- Ten contacts; c5 opted out; c1-c6, c9, c10 consented to referral asks.
INSERT INTO nps_contacts (contact_id, lang, referral_consent, opted_out) VALUES
    ('c1', 'en', TRUE, FALSE),
    ('c2', 'pl', TRUE, FALSE),
    ('c3', 'de', TRUE, FALSE),
    ('c4', 'en', TRUE, FALSE),
    ('c5', 'zh', TRUE, TRUE),
    ('c6', 'en', TRUE, FALSE),
    ('c7', 'fr', FALSE, FALSE),
    ('c8', 'en', FALSE, FALSE),
    ('c9', 'th', TRUE, FALSE),
    ('c10', 'en', TRUE, FALSE);

-- 26 invitations: relationship/email 10, relationship/sms 5, relationship/web
-- 3, onboarding/email 8.  Contacts x01..x16 are not in nps_contacts (they
-- count for response rates only).  c8 and c9 were never invited.
INSERT INTO nps_invitations (id, contact_id, campaign, channel, sent_at) VALUES
    (1, 'c1', 'relationship', 'email', '2026-05-01 09:00:00'),
    (2, 'c2', 'relationship', 'email', '2026-02-19 12:00:00'),
    (3, 'c2', 'relationship', 'email', '2025-12-01 09:00:00'),
    (4, 'x01', 'relationship', 'email', '2026-01-02 09:00:00'),
    (5, 'x02', 'relationship', 'email', '2026-01-03 09:00:00'),
    (6, 'x03', 'relationship', 'email', '2026-01-04 09:00:00'),
    (7, 'x04', 'relationship', 'email', '2026-01-05 09:00:00'),
    (8, 'x05', 'relationship', 'email', '2026-01-06 09:00:00'),
    (9, 'x06', 'relationship', 'email', '2026-01-07 09:00:00'),
    (10, 'x07', 'relationship', 'email', '2026-01-08 09:00:00'),
    (11, 'c3', 'relationship', 'sms', '2026-02-19 12:00:01'),
    (12, 'c6', 'relationship', 'sms', '2026-05-19 09:00:00'),
    (13, 'c1', 'relationship', 'sms', '2026-04-01 10:00:00'),
    (14, 'x08', 'relationship', 'sms', '2026-01-09 09:00:00'),
    (15, 'x09', 'relationship', 'sms', '2026-01-10 09:00:00'),
    (16, 'c10', 'relationship', 'web', '2026-03-30 10:00:00'),
    (17, 'x10', 'relationship', 'web', '2026-01-11 09:00:00'),
    (18, 'x11', 'relationship', 'web', '2026-01-12 09:00:00'),
    (19, 'c4', 'onboarding', 'email', '2025-06-01 00:00:00'),
    (20, 'c5', 'onboarding', 'email', '2025-01-01 00:00:00'),
    (21, 'c7', 'onboarding', 'email', '2026-05-18 09:00:00'),
    (22, 'x12', 'onboarding', 'email', '2026-01-13 09:00:00'),
    (23, 'x13', 'onboarding', 'email', '2026-01-14 09:00:00'),
    (24, 'x14', 'onboarding', 'email', '2026-01-15 09:00:00'),
    (25, 'x15', 'onboarding', 'email', '2026-01-16 09:00:00'),
    (26, 'x16', 'onboarding', 'email', '2026-01-17 09:00:00');

-- 12 responses: relationship/email 5, relationship/sms 2, relationship/web 1,
-- onboarding/email 3, and one from a web widget with no campaign.
INSERT INTO nps_responses (id, contact_id, responded_at, campaign, channel, score, comment, lang) VALUES
    (1, 'c1', '2026-05-11 09:00:00', 'relationship', 'email', 3,
     'Too EXPENSIVE, and Support was SLOW.', 'en'),
    (2, 'c2', '2026-05-12 10:00:00', 'relationship', 'email', 9, 'ŁATWY W OBSŁUDZE, polecam.', 'pl'),
    (3, 'c3', '2026-05-13 08:30:00', 'relationship', 'sms', 6,
     'Der Support war während des Ausfalls nicht erreichbar.', 'de'),
    (4, 'c4', '2026-05-14 15:00:00', 'onboarding', 'email', 10, 'Great product, saves us hours.', 'en'),
    (5, 'c5', '2026-05-18 07:00:00', 'onboarding', 'email', 0, '太贵了，客服也很慢。', 'zh'),
    (6, 'c6', '2026-05-19 18:00:00', 'relationship', 'sms', 8, 'Support OK, but slow sometimes', 'en'),
    (7, 'c7', '2026-05-20 09:00:00', 'onboarding', 'email', 2, 'TROP CHER, et l''appli est LENTE.', 'fr'),
    (8, 'c2', '2026-03-01 10:00:00', 'relationship', 'email', 4, 'The price went up', 'en'),
    (9, 'c8', '2026-05-15 12:00:00', 'relationship', 'email', 10, 'Reliable, the new REPORTS are great', 'en'),
    (10, 'c1', '2026-01-10 10:00:00', 'relationship', 'email', 10, NULL, 'en'),
    (11, NULL, '2026-05-16 11:00:00', NULL, 'web', NULL, 'bug in the export', 'en'),
    (12, 'c10', '2026-04-02 10:00:00', 'relationship', 'web', 9, 'Fast SUPPORT', 'en');

-- Seven follow-ups, f1..f7 in the order given: their ids are generated, as
-- PostgreSQL's identity column and SQLite's rowid both number them 1..7 (an
-- explicit id would leave PostgreSQL's sequence behind).  Week of Monday
-- 2026-05-11: f1 contacted after 6 h and closed (informed), f2 contacted
-- after 26 h (late), f3 never contacted (overdue), f4 a promoter's
-- thank-you (not a detractor).  Week of Monday 2026-05-18: f5 contacted
-- after 2 h and resolved, f7 contacted after 5 h before its own due time
-- (11:00 <= 12:00), f6 still open and not yet due.
INSERT INTO nps_followups (source_table, response_key, contact_id, score, responded_at, due_at, status,
                           owner, contacted_at, resolved_at, informed_at) VALUES
    ('nps_responses', '1', 'c1', 3, '2026-05-11 09:00:00', NULL, 'informed', 'ana',
     '2026-05-11 15:00:00', '2026-05-12 10:00:00', '2026-05-13 10:00:00'),
    ('nps_responses', '3', 'c3', 6, '2026-05-13 08:30:00', NULL, 'contacted', 'ana',
     '2026-05-14 10:30:00', NULL, NULL),
    (NULL, NULL, 'c9', 5, '2026-05-15 20:00:00', NULL, 'open', NULL, NULL, NULL, NULL),
    ('nps_responses', '4', 'c4', 10, '2026-05-14 15:00:00', NULL, 'open', 'ben', NULL, NULL, NULL),
    ('nps_responses', '5', 'c5', 0, '2026-05-18 07:00:00', NULL, 'resolved', 'ben',
     '2026-05-18 09:00:00', '2026-05-19 09:00:00', NULL),
    ('nps_responses', '7', 'c7', 2, '2026-05-20 09:00:00', NULL, 'open', NULL, NULL, NULL, NULL),
    (NULL, NULL, 'c10', 4, '2026-05-19 06:00:00', '2026-05-19 12:00:00', 'contacted', 'ana',
     '2026-05-19 11:00:00', NULL, NULL);

-- Referral asks: c2 long ago (2025-10-01, before the cutoff), c4 recently.
INSERT INTO nps_referral_asks (id, contact_id, asked_at, kind, channel) VALUES
    (1, 'c2', '2025-10-01 00:00:00', 'referral', 'email'),
    (2, 'c4', '2026-04-01 00:00:00', 'review', 'email');

-- B2B accounts (accounts.sql, impact.sql).  Five accounts: A4 has no ARR,
-- A5 no contacts; c9, A1's champion, never answered.
INSERT INTO nps_accounts (account_id, name, arr, segment) VALUES
    ('A1', 'Acme', 300000, 'enterprise'),
    ('A2', 'Birch', 80000, 'mid-market'),
    ('A3', 'Cobalt', 60000, 'mid-market'),
    ('A4', 'Dune', NULL, 'smb'),
    ('A5', 'Elm', 15000, 'smb');
INSERT INTO nps_account_contacts (contact_id, account_id, role) VALUES
    ('c1', 'A1', 'decision-maker'), ('c3', 'A1', 'user'), ('c9', 'A1', 'champion'),
    ('c2', 'A2', 'decision-maker'), ('c4', 'A2', 'champion'), ('c5', 'A2', 'user'),
    ('c6', 'A3', 'champion'), ('c7', 'A3', 'decision-maker'), ('c8', 'A3', 'user'),
    ('c10', 'A4', 'user');

-- Attributes of the responses (impact.sql): the plan of ten of the eleven
-- scored ones (not 12) and of the unscored 11; a 'channel' row, which the
-- built-in channel overrides.
INSERT INTO nps_response_attributes (response_id, attribute, value) VALUES
    (1, 'plan', 'pro'), (2, 'plan', 'pro'), (3, 'plan', 'pro'), (5, 'plan', 'pro'),
    (7, 'plan', 'pro'), (4, 'plan', 'free'), (6, 'plan', 'free'), (8, 'plan', 'free'),
    (9, 'plan', 'free'), (10, 'plan', 'free'), (11, 'plan', 'free'), (1, 'channel', 'fax');
