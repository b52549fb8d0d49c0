#!/usr/bin/env bash
# The PostgreSQL suite: pg_regress (tests/pg/sql/*.sql diffed against
# tests/pg/expected/*.out, the list in pg-ext/Makefile) against a throw-away
# server started by tests/pg/with_server.sh.  Run from anywhere; prints
# "N passed, M failed" and fails if any test fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
tests/pg/with_server.sh make --no-print-directory -C pg-ext installcheck >"$log" 2>&1 || status=$?

grep -E '^(test| ) *[a-z_]+ +\.\.\. ' "$log" || true
passed=$(grep -cE '\.\.\. ok' "$log" || true)
failed=$(grep -cE '\.\.\. FAILED' "$log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    cat "$log" >&2
    failed=1
fi
if [ "$failed" -ne 0 ] && [ -f pg-ext/regression.diffs ]; then
    cat pg-ext/regression.diffs
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
