#!/usr/bin/env bash
# The PostgreSQL suite: pg_regress (tests/pg/sql/*.sql diffed against
# tests/pg/expected/*.out, the list in pg-ext/Makefile) against a throw-away
# server started by tests/pg/with_server.sh.  Conventions: tests/README.md.
#
# Usage: tests/pg/run.sh
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
tests/pg/with_server.sh make --no-print-directory -C pg-ext installcheck >"$log" 2>&1 || status=$?

grep -E '^(test| ) *[a-z_]+ +\.\.\. ' "$log"
add_run "pg_regress" "$(grep -cE '\.\.\. ok' "$log")" "$(grep -cE '\.\.\. FAILED' "$log")" "$status" "$log"
if [ "$failed" -ne 0 ] && [ -f pg-ext/regression.diffs ]; then
    cat pg-ext/regression.diffs
fi
finish
