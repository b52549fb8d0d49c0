-- programme.sql -- run the NPS programme on the demo data: read by
-- demo/run.sh into the sqlite3 shell (the nps extension loaded) before the
-- report, from the repository root.  The README's "Running an NPS programme"
-- walks through the same steps.
--
-- 1. Map the demo's own tables onto the names the programme reads: views,
--    so the data stays where it is.  The customer surveys and the B2B
--    accounts' quarterly review (account_invitations, account_responses,
--    asked of the accounts' stakeholders) are one programme.
CREATE VIEW nps_responses AS
SELECT id, contact_id, responded_at, campaign, channel, score, comment, lang FROM responses
UNION ALL
SELECT id, contact_id, responded_at, campaign, channel, score, comment, lang FROM account_responses;
CREATE VIEW nps_invitations AS
SELECT id, contact_id, campaign, channel, sent_at FROM invitations
UNION ALL
SELECT id, contact_id, campaign, channel, sent_at FROM account_invitations;
CREATE VIEW nps_contacts AS
SELECT contact_id, lang, referral_consent, opted_out FROM contacts
UNION ALL
SELECT contact_id, lang, referral_consent, opted_out FROM stakeholders;
-- The accounts, which stakeholder speaks for which account in what role,
-- and the attributes of the customer surveys' answers that drivers are
-- sought among besides campaign, channel and the account's segment.
CREATE VIEW nps_accounts AS
SELECT account_id, name, arr, segment FROM accounts;
CREATE VIEW nps_account_contacts AS
SELECT contact_id, account_id, role FROM stakeholders;
CREATE VIEW nps_response_attributes AS
SELECT id AS response_id, 'plan' AS attribute, plan AS value FROM responses
UNION ALL
SELECT id, 'region', region FROM responses;

-- 2. The programme's tables and views, its maintained tables built from the
--    demo's rows; then they follow every write to the demo's tables, whose
--    upkeep reads a contact's rows by an index.
.read sql/programme/sqlite.sql
SELECT nps_watch('responses', 'nps_responses');
SELECT nps_watch('invitations', 'nps_invitations');
SELECT nps_watch('contacts', 'nps_contacts');
SELECT nps_watch('account_responses', 'nps_responses');
SELECT nps_watch('account_invitations', 'nps_invitations');
SELECT nps_watch('stakeholders', 'nps_contacts');
SELECT nps_watch('stakeholders', 'nps_account_contacts');
CREATE INDEX responses_contact ON responses (contact_id);
CREATE INDEX invitations_contact ON invitations (contact_id);
CREATE INDEX account_responses_contact ON account_responses (contact_id);
CREATE INDEX account_invitations_contact ON account_invitations (contact_id);

-- 3. The report is as of the morning after the last response.
UPDATE nps_settings SET value = '2026-12-01 09:00:00' WHERE key = 'as_of';

-- 4. The customer experience team kept its own log of detractor follow-ups
--    (cx_log): bring it into nps_followups, one row per detractor.
INSERT INTO nps_followups (source_table, response_key, contact_id, score, responded_at, status,
                           owner, contacted_at, resolved_at, informed_at)
SELECT 'responses', r.id, r.contact_id, r.score, r.responded_at,
       CASE WHEN l.informed_at IS NOT NULL THEN 'informed'
            WHEN l.resolved_at IS NOT NULL THEN 'resolved'
            WHEN l.contacted_at IS NOT NULL THEN 'contacted'
            ELSE 'open' END,
       l.agent, l.contacted_at, l.resolved_at, l.informed_at
FROM responses AS r JOIN cx_log AS l ON l.response_id = r.id
WHERE NOT EXISTS (SELECT 1 FROM nps_followups AS f
                  WHERE f.source_table = 'responses' AND f.response_key = CAST(r.id AS TEXT))
ORDER BY r.id;
