-- Tables of the LISTEN tests (the extension and sql/programme/pg.sql are loaded).
CREATE TABLE responses (id int PRIMARY KEY, score smallint, comment text, note text, extra jsonb);
CREATE TABLE loose (score text, who text);
CREATE TABLE pgb (id bigserial PRIMARY KEY, client int NOT NULL, score smallint NOT NULL);
CREATE TABLE bigkey (k text PRIMARY KEY, score int);
