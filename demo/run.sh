#!/usr/bin/env bash
# Build the sample NPS programme into build/demo/nps_demo.db, set up the
# programme's tables and views on it (demo/programme.sql) and print the
# analyst's report (demo/report.sql) with the nps extension loaded into the
# real sqlite3 shell.  Run from the repository root, after `make sqlite`.
# Also writes build/demo/responses.csv, the responses as a CSV file with a
# header (a skipped answer is an empty score field), for engines that read
# files directly (README, "DuckDB"), and build/demo/report.html, the report's
# pictures (demo/report_html.sql's numbers drawn by demo/report_html.py: one
# self-contained page of inline SVG), whose path the report's last line gives.
# NPS_DEMO_OUT=dir writes all of it to dir instead (tests/demo/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

ext=${NPS_EXT:-build/nps.so}
out=${NPS_DEMO_OUT:-build/demo}
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
{
    printf '.load %s\n' "$ext"
    cat demo/report_html.sql
} | sqlite3 -batch -bail "$db" | python3 demo/report_html.py >"$out/report.html.tmp"
mv "$out/report.html.tmp" "$out/report.html"
echo
echo "pictures (the monthly trend, regions and channels, the SLA by week): $out/report.html"
