-- Promoters to ask for a referral or review: latest score 9-10, consent,
-- no ask in the last 180 days (at or before 2025-11-21 12:00:00).
--   c1: latest response is a 3 (the 10 was earlier): no.
--   c2: latest 9 on 05-12 (the 4 was earlier); asked 2025-10-01: yes.
--   c4: 10, but asked 2026-04-01: no.   c8: 10, no consent: no.
--   c6: latest 8: no.   c10: 9 on 04-02, never asked: yes.
SELECT contact_id, lang, score, responded_at, last_asked_at FROM nps_referral_candidates;
-- Asking c2 today takes c2 off the list.
INSERT INTO nps_referral_asks (id, contact_id, asked_at, kind) VALUES (3, 'c2', '2026-05-20 11:00:00', 'review');
SELECT contact_id FROM nps_referral_candidates;
-- A 30-day cooldown brings c4 (asked 49 days ago) back.
UPDATE nps_settings SET value = '30' WHERE key = 'referral_cooldown_days';
SELECT contact_id, last_asked_at FROM nps_referral_candidates;
-- Asks are referrals or reviews, nothing else.
INSERT INTO nps_referral_asks (id, contact_id, asked_at, kind) VALUES (4, 'c10', '2026-05-20 11:00:00', 'coupon');
