#!/usr/bin/env bash
# The README suite: every SQL example of the documentation (README.md,
# CONTRIBUTING.md, ARCHITECTURE.md, tests/README.md) run as written, its
# output against the block the file shows under it (tests/readme/readme.py:
# the markers that say how each block runs).  A block without a marker fails.
#   - SQLite: in the real sqlite3 shell with the extension loaded, on a copy
#     of the demo's database as make demo leaves it (demo/run.sh into a
#     temporary directory), on the demo's data alone, or on a new database;
#   - PostgreSQL: make demo-pg (demo/pg.sh) into a throw-away server
#     (tests/pg/with_server.sh), then the `pg` blocks there, each session on
#     a copy of nps_demo or on a new database; and what demo-pg loaded
#     against the SQLite demo.
# Conventions (arguments, output): tests/README.md.
#
# Usage: tests/readme/run.sh [path/to/nps.so]   (default build/nps.so)
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2
here=tests/readme
files=(README.md CONTRIBUTING.md ARCHITECTURE.md tests/README.md)

if [ "${1:-}" = server ]; then
    # The PostgreSQL part, inside with_server.sh: $2 the SQLite demo database.
    tmp=$2
    export PGDATABASE=postgres
    if NPS_DEMO_DB=$tmp/demo/nps_demo.db make --no-print-directory demo-pg >"$tmp/demo-pg.log" 2>&1; then
        report "make demo-pg: the demo programme loaded into nps_demo"
    else
        report "make demo-pg: the demo programme loaded into nps_demo" "$(tail -n 20 "$tmp/demo-pg.log")"
    fi
    # The same rows and the same numbers as the SQLite demo.
    q="SELECT count(*), count(score), sum(score), round(nps(score), 6),
              (SELECT count(*) FROM nps_followups), (SELECT count(*) FROM nps_survey_eligible),
              (SELECT sum(responses) FROM nps_response_daily) FROM nps_responses"
    want=$(sqlite3 -batch "$tmp/demo/nps_demo.db" ".load $so" "$q")
    got=$(psql -X -q -A -t -d nps_demo -c "${q//round(nps(score), 6)/round(nps(score)::numeric, 6)}" 2>&1)
    if [ "$want" = "$got" ]; then
        report "make demo-pg: nps_demo holds what the SQLite demo does ($want)"
    else
        report "make demo-pg: nps_demo holds what the SQLite demo does" "SQLite:     $want" "PostgreSQL: $got"
    fi
    python3 $here/readme.py run pg "$tmp" "${files[@]}" >"$tmp/pg-examples.log" 2>&1
    status=$?
    grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/pg-examples.log"
    # shellcheck disable=SC2046 # two numbers
    add_run "the PostgreSQL examples" $(closing_counts "$tmp/pg-examples.log") "$status" "$tmp/pg-examples.log"
    finish
    exit
fi

so=$(sqlite_extension "${1:-}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export so

# The demo's database as make demo leaves it, and its data alone.
if ! NPS_EXT=$so NPS_DEMO_OUT=$tmp/demo demo/run.sh >"$tmp/demo.log" 2>&1; then
    report "make demo" "$(tail -n 20 "$tmp/demo.log")"
    finish
    exit
fi
"$tmp/demo/gen" | sqlite3 -batch -bail "$tmp/gen.db"

python3 $here/readme.py run sqlite "$so" "$tmp/demo/nps_demo.db" "$tmp/gen.db" "$tmp" "${files[@]}" >"$tmp/sqlite.log" 2>&1
status=$?
grep -v -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/sqlite.log"
# shellcheck disable=SC2046 # two numbers
add_run "the SQLite examples" $(closing_counts "$tmp/sqlite.log") "$status"

status=0
tests/pg/with_server.sh "$here/run.sh" server "$tmp" >"$tmp/pg.log" 2>&1 || status=$?
grep -vE '^(Creating new|Dropping cluster|[0-9]+ passed, [0-9]+ failed$)' "$tmp/pg.log" | grep -v '^$'
# shellcheck disable=SC2046 # two numbers
add_run "the PostgreSQL part" $(closing_counts "$tmp/pg.log") "$status" "$tmp/pg.log"
finish
