-- The follow-up question of each category, built in, then overridden by
-- nps_followup_questions for a category and language, and a new language.
SELECT id, score, nps_category(score) AS category, nps_followup_question(score) AS question
FROM nps_responses WHERE score IS NOT NULL AND id <= 7 ORDER BY id;
SELECT lang, nps_followup_question(score, lang) AS question FROM nps_responses
WHERE id IN (2, 3, 5, 7) ORDER BY id;
SELECT nps_followup_question(6, 'th'), nps_followup_question(7, 'ja'), nps_followup_question(9, 'es');
INSERT INTO nps_followup_questions (category, lang, question) VALUES
    ('detractor', 'en', 'Sorry about that. What should we fix first?'),
    ('promoter', 'it', 'Grazie! Cosa apprezzi di più?');
-- The override for English detractors; the built-in text elsewhere; Italian
-- exists for promoters only.
SELECT nps_followup_question(0), nps_followup_question(6, 'EN'), nps_followup_question(7),
       nps_followup_question(10, 'it');
SELECT nps_followup_question(3, 'it');
-- An override must be for a known category.
INSERT INTO nps_followup_questions (category, lang, question) VALUES ('fan', 'en', 'Hi');
