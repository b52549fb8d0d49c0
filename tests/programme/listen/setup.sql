-- Tables of the LISTEN tests (the extension and sql/programme/pg.sql are loaded).
CREATE TABLE responses (id int PRIMARY KEY, score smallint, comment text, note text, extra jsonb);
CREATE TABLE loose (score text, who text);
CREATE TABLE pgb (id bigserial PRIMARY KEY, client int NOT NULL, score smallint NOT NULL);
CREATE TABLE bigkey (k text PRIMARY KEY, score int);
CREATE TABLE jrows (id int PRIMARY KEY, score int, doc json);
SELECT 'CREATE TABLE wide (id int PRIMARY KEY, score int, '
       || string_agg(format('c%s text', i), ', ' ORDER BY i) || ')'
FROM generate_series(1, 400) AS i \gexec
-- (stored out of line uncompressed, so a row of 400 values of 1000 bytes fits a page)
SELECT 'ALTER TABLE wide ' || string_agg(format('ALTER c%s SET STORAGE EXTERNAL', i), ', ' ORDER BY i)
FROM generate_series(1, 400) AS i \gexec
