#!/usr/bin/env bash
# Build the sample NPS programme into build/demo/nps_demo.db, set up the
# programme's tables and views on it (demo/programme.sql) and print the
# analyst's report (demo/report.sql) with the nps extension loaded into the
# real sqlite3 shell.  Run from the repository root, after `make sqlite`.
# Also writes build/demo/responses.csv, the responses as a CSV file with a
# header (a skipped answer is an empty score field), for engines that read
# files directly (README, "DuckDB").
set -euo pipefail
cd "$(dirname "$0")/.."

ext=${NPS_EXT:-build/nps.so}
out=build/demo
db=$out/nps_demo.db
gen=$out/gen

if [ ! -f "$ext" ]; then
    echo "demo: $ext is missing; run 'make sqlite' first" >&2
    exit 1
fi
mkdir -p "$out"
if [ ! -x "$gen" ] || [ demo/gen.c -nt "$gen" ] || [ demo/model.h -nt "$gen" ]; then
    ${CC:-cc} -std=c11 -Wall -Wextra ${WERROR:+-Werror} -O2 -o "$gen" demo/gen.c
fi

rm -f "$db"
"$gen" | sqlite3 -batch -bail "$db"
sqlite3 -batch -bail -csv -header "$db" \
    "SELECT id, responded_at, region, channel, plan, campaign, score, weight FROM responses ORDER BY id;" \
    >"$out/responses.csv"
# The programme's set-up prints what nps_watch() installed; the report follows.
{
    printf '.load %s\n' "$ext"
    cat demo/programme.sql
} | sqlite3 -batch -bail "$db" >/dev/null
{
    printf '.load %s\n' "$ext"
    cat demo/report.sql
} | sqlite3 -batch -bail "$db"
