#!/usr/bin/env bash
# The README's examples of the maintained tables, on the demo's database as
# `make demo` sets it up (demo/gen.c, demo/programme.sql): what nps_watch()
# prints there, the trend from nps_response_daily, the rebuild and the bulk
# load, after which the maintained tables must add up to the relations.
# Every line the examples print must stand in README.md
# as it is here: a line that does not is reported, and fails the test.
# Usage: readme.sh path/to/nps.so   (run by tests/programme/run.sh)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c11 -O2 -o "$tmp/gen" demo/gen.c
"$tmp/gen" | sqlite3 -batch -bail "$tmp/demo.db"
{
    printf '.load %s\n' "$1"
    cat demo/programme.sql
} | sqlite3 -batch -bail "$tmp/demo.db" >"$tmp/watch.out"
sqlite3 -batch -bail "$tmp/demo.db" ".load $1" ".mode box" "
SELECT strftime('%Y-%m', day) AS month, channel, sum(nps_rows_of(st)) AS scored,
       round(nps(st), 1) AS nps, round(nps_moe(st), 1) AS moe
FROM nps_response_daily
WHERE day >= '2026-09-01' AND channel IN ('email', 'sms')
GROUP BY month, channel;" >"$tmp/trend.out"
cat "$tmp/watch.out" "$tmp/trend.out"
missing=0
while IFS= read -r line; do
    if ! grep -qxF -- "$line" README.md; then
        echo "not in README.md: $line"
        missing=1
    fi
done < <(cat "$tmp/watch.out" "$tmp/trend.out")
[ "$missing" -eq 0 ] && echo "every line above stands in README.md"

# The rebuild, then a bulk load as the README advises: the alert off, the
# upkeep off while loading, a rebuild, the upkeep on again.  The history
# loaded is a copy of 2,000 responses with new ids.  (The maintained tables
# are checked against a recomputation in upkeep*.sql; here their totals.)
sqlite3 -batch -bail "$tmp/demo.db" ".load $1" ".headers on" "
CREATE TEMP VIEW totals AS
SELECT (SELECT count(*) FROM nps_responses) = (SELECT sum(responses) FROM nps_response_daily)
       AND (SELECT count(*) FROM nps_invitations) = (SELECT sum(invitations) FROM nps_invitation_daily)
       AND (SELECT count(*) FROM nps_contacts) = (SELECT count(*) FROM nps_contact_state)
       AND (SELECT count(*) FROM nps_theme_mentions)
           = (SELECT count(*) FROM nps_responses AS r, nps_theme_index AS x,
                                   json_each(nps_themes_of(r.comment, x.phrases)))
       AS totals_agree;
INSERT INTO nps_rebuild DEFAULT VALUES;
SELECT totals_agree FROM totals;
PRAGMA cache_size = -1000000;
SELECT nps_alert_off('responses');
SELECT nps_unwatch('responses');
INSERT INTO responses (id, invitation_id, contact_id, responded_at, region, channel, plan, campaign,
                       score, weight, lang, comment, topic)
SELECT id + 1000000, invitation_id, contact_id, responded_at, region, channel, plan, campaign,
       score, weight, lang, comment, topic
FROM responses WHERE id <= 2000;
SELECT totals_agree AS before_the_rebuild FROM totals;
INSERT INTO nps_rebuild DEFAULT VALUES;
SELECT nps_watch('responses', 'nps_responses');
SELECT totals_agree FROM totals;"
