-- Themes from comments with the starter set: phrases found after folding the
-- case of both sides (ŁATWY, EXPENSIVE, SUPPORT, LENTE), in eight languages.
--   1 en 'Too EXPENSIVE, and Support was SLOW.'       price, speed, support
--   2 pl 'ŁATWY W OBSŁUDZE, polecam.'                  ease of use
--   3 de 'Der Support war während des Ausfalls nicht erreichbar.'  outage, support
--   4 en 'Great product, saves us hours.'              time saved
--   5 zh '太贵了，客服也很慢。'                           price, speed, support
--   6 en 'Support OK, but slow sometimes'              speed, support
--   7 fr 'TROP CHER, et l''appli est LENTE.'           price, speed
--   8 en 'The price went up'                           price
--   9 en 'Reliable, the new REPORTS are great'         reliability, reports
--  11 en 'bug in the export' (no score)                bugs
--  12 en 'Fast SUPPORT'                                support
SELECT response_id, theme, score, category, lang FROM nps_response_themes
ORDER BY response_id, theme;

-- Per theme (scores): price 3, 0, 2, 4: 4 detractors, NPS -100.
-- speed 3, 0, 8, 2: 3 detractors, 1 passive: NPS -75, detractor share 75.
-- support 3, 6, 0, 8, 9: 3 detractors, 1 passive, 1 promoter: NPS -40, 60.
-- bugs: one mention, no score: NPS and share NULL.
SELECT theme, mentions, scored, promoters, passives, detractors,
       CAST(round(nps * 100) AS integer) AS nps_x100,
       CAST(round(detractor_share * 100) AS integer) AS detractor_share_x100
FROM nps_theme_summary ORDER BY theme;

-- What do detractors complain about most?
SELECT theme, detractors FROM nps_theme_summary WHERE detractors > 0
ORDER BY detractors DESC, theme;

-- Your own phrases: any case, any script; a phrase already matched by
-- another of the same theme adds no second row.
INSERT INTO nps_themes (theme, lang, phrase) VALUES ('export', 'en', 'EXPORT'),
    ('support', 'de', 'DER SUPPORT'), ('praise', 'pl', 'Polecam');
SELECT response_id, theme FROM nps_response_themes
WHERE theme IN ('export', 'support', 'praise') ORDER BY response_id, theme;
-- A phrase must not be empty.
INSERT INTO nps_themes (theme, lang, phrase) VALUES ('nothing', 'en', '');
-- nps_casefold: the folding both sides get.
SELECT nps_casefold('ŁATWY W OBSŁUDZE'), nps_casefold('TROP CHER'), nps_casefold('ÀÉÎÕÜ ÇÑ ÆØÅ'),
       nps_casefold('ΑΘΗΝΑ МОСКВА'), nps_casefold('太贵了 ĄĆĘŃÓŚŹŻ'), CAST(nps_casefold(NULL) IS NULL AS integer) AS is_null;
