#!/usr/bin/env bash
# Alerts need no extension in the connections that write rows: the triggers
# of nps_alert_on() are plain SQL.  One sqlite3 process installs the alert
# with the extension loaded; another, without it, inserts rows.
# Usage: writer.sh path/to/nps.so   (run by tests/programme/run.sh)
set -eu
db=$(mktemp)
trap 'rm -f "$db"' EXIT
sqlite3 -batch "$db" ".load $1" \
    "CREATE TABLE responses (id INTEGER PRIMARY KEY, score INTEGER);" \
    "SELECT nps_alert_on('responses', 'score', 'nps_alert', 'detractor,promoter');"
echo "-- a writer without the extension:"
sqlite3 -batch "$db" "INSERT INTO responses (score) VALUES (1), (8), (10), ('6');" \
    "SELECT row_id, score, category FROM nps_alert ORDER BY id;" \
    "SELECT count(*) FROM pragma_function_list WHERE name LIKE 'nps%';"
