#!/usr/bin/env bash
# The starter themes against an independent truth: the demo generator
# (demo/gen.c) writes each comment for a topic, in eight languages.  Every
# one of its 96 distinct comments must carry its topic among the themes the
# starter phrases give it (the generator's 'value' comments are about time
# saved), and the only other themes are the ones the comments also speak of
# (support in the outage comments, reports in the reliability ones).
# Usage: demo_themes.sh path/to/nps.so   (run by tests/programme/run.sh)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c11 -O2 -o "$tmp/gen" demo/gen.c
"$tmp/gen" | sqlite3 -batch -bail "$tmp/demo.db"
sqlite3 -batch -bail "$tmp/demo.db" ".load $1" ".read sql/programme/sqlite.sql" ".headers on" "
CREATE TEMP TABLE c AS
SELECT DISTINCT comment, lang, CASE topic WHEN 'value' THEN 'time saved' ELSE topic END AS topic
FROM responses WHERE comment IS NOT NULL;
CREATE TEMP TABLE tagged AS
SELECT DISTINCT c.comment, t.theme FROM c JOIN nps_themes AS t
ON instr(nps_casefold(c.comment), nps_casefold(t.phrase)) > 0;
SELECT count(*) AS comments, count(DISTINCT lang) AS languages,
       count(CASE WHEN NOT EXISTS (SELECT 1 FROM tagged AS g WHERE g.comment = c.comment AND g.theme = c.topic)
                  THEN 1 END) AS without_their_topic
FROM c;
SELECT c.topic, g.theme AS also, count(*) AS comments
FROM c JOIN tagged AS g ON g.comment = c.comment AND g.theme <> c.topic
GROUP BY c.topic, g.theme ORDER BY c.topic, g.theme;"
