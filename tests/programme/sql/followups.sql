-- The follow-up queue, the status loop and the weekly SLA summary.  Now is
-- 2026-05-20 12:00:00, the SLA 24 hours.
--
-- Queue: every follow-up but f1 (informed), by response time:
--   f2 responded 05-13 08:30, age 7 d 3.5 h = 171 h, due 05-14 08:30,
--      first contact 05-14 10:30 is late: breached; next step resolve.
--   f4 responded 05-14 15:00, age 141 h, due 05-15 15:00, no contact: breached.
--   f3 responded 05-15 20:00, age 112 h, due 05-16 20:00, no contact: breached.
--   f5 responded 05-18 07:00, age 53 h, due 05-19 07:00, contacted 09:00 the
--      day before: in time; resolved, next step inform.
--   f7 responded 05-19 06:00, age 30 h, own due time 05-19 12:00, contacted
--      11:00: in time.
--   f6 responded 05-20 09:00, age 3 h, due 05-21 09:00: not yet breached.
SELECT id, status, next_step, category, score, contact_id, owner, responded_at, age_hours,
       due_at, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue ORDER BY responded_at, id;

-- Weekly, detractors only (f4 is a promoter):
--   week 2026-05-11: f1, f2, f3 = 3; contacted f1 (6 h), f2 (26 h); within
--     the SLA f1 only; f3 overdue; none pending; 1 of 3 known = 33.33%;
--     median of 21600 s and 93600 s = 57600 s = 16 h.
--   week 2026-05-18: f5, f6, f7 = 3; contacted f5 (2 h) and f7 (5 h), both
--     in time; f6 pending; 2 of 2 known = 100%; median (2 + 5) / 2 = 3.5 h.
SELECT week, detractors, contacted, within_sla, overdue, pending,
       CAST(round(pct_within_sla * 100) AS integer) AS pct_x100,
       CAST(round(median_hours_to_contact * 2) AS integer) AS median_x2
FROM nps_followup_weekly ORDER BY week;

-- The loop: each status stamps its time (now) when not given, and the steps
-- it passes; a time given explicitly is kept.  New follow-ups are f8..f10.
UPDATE nps_followups SET status = 'contacted' WHERE id = 3;
UPDATE nps_followups SET status = 'informed' WHERE id = 6;
UPDATE nps_followups SET status = 'resolved', resolved_at = '2026-05-20 10:00:00' WHERE id = 2;
INSERT INTO nps_followups (score, responded_at, status) VALUES (1, '2026-05-20 11:00:00', 'contacted');
INSERT INTO nps_followups (score, responded_at, status, contacted_at, resolved_at)
VALUES (6, '2026-05-19 11:00:00', 'resolved', '2026-05-19 12:00:00', '2026-05-19 13:00:00');
INSERT INTO nps_followups (score, responded_at) VALUES (7, '2026-05-20 11:30:00');
SELECT id, status, contacted_at, resolved_at, informed_at FROM nps_followups
WHERE id IN (2, 3, 6, 8, 9, 10) ORDER BY id;

-- Now the queue has f2 (resolved), f4, f3 (contacted now: 112 h after the
-- response, late), f5, f9 (resolved in time), f7, f8 (contacted at once),
-- f10 (a passive, open); f6 is closed.
SELECT id, status, next_step, category, age_hours, CAST(sla_breached AS integer) AS sla_breached
FROM nps_followup_queue ORDER BY responded_at, id;

-- Weekly now: week 05-11: f3 contacted after 4 d 16 h = 403200 s, late;
-- contacted 3 of 3, within 1, overdue 0, 33.33%; median of 21600, 93600,
-- 403200 = 26 h.  Week 05-18: f5 2 h, f6 3 h (contacted now), f7 5 h, f8
-- 1 h, f9 1 h; all in time; 5 of 5 = 100%; median of 1, 1, 2, 3, 5 h = 2 h.
SELECT week, detractors, contacted, within_sla, overdue, pending,
       CAST(round(pct_within_sla * 100) AS integer) AS pct_x100,
       CAST(round(median_hours_to_contact * 2) AS integer) AS median_x2
FROM nps_followup_weekly ORDER BY week;

-- A longer SLA moves the due times: with 120 hours f2's first contact (26 h)
-- and f3's (112 h) are in time, so week 05-11 has 3 of 3 within it; f4,
-- due 05-19 15:00, is still breached.
UPDATE nps_settings SET value = '120' WHERE key = 'followup_sla_hours';
SELECT id, due_at, CAST(sla_breached AS integer) AS sla_breached FROM nps_followup_queue WHERE id IN (2, 3, 4) ORDER BY id;
SELECT week, within_sla, CAST(round(pct_within_sla * 100) AS integer) AS pct_x100 FROM nps_followup_weekly ORDER BY week;

-- Refused: an unknown status, a score outside 0..10, no response time.
UPDATE nps_followups SET status = 'closed' WHERE id = 4;
INSERT INTO nps_followups (score, responded_at) VALUES (11, '2026-05-20 11:00:00');
INSERT INTO nps_followups (score) VALUES (3);
SELECT count(*) AS followups, count(CASE WHEN status = 'open' THEN 1 END) AS still_open FROM nps_followups;
