#!/usr/bin/env bash
# The parity suite: one fixture and one set of queries run on both engines
# (the sqlite3 shell with build/nps.so loaded; a throw-away PostgreSQL server
# started by tests/pg/with_server.sh); outputs, exchanged states and error
# texts must be identical.  The comparison is tests/parity/parity.py.  Run
# from anywhere; prints "N passed, M failed" and fails if any check fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

make --no-print-directory -s build/nps.so
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
tests/pg/with_server.sh python3 tests/parity/parity.py build/nps.so >"$log" 2>&1 || status=$?
cat "$log"
# pg_virtualenv may print after the command ends: repeat the closing line last.
result=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1 || true)
if [ -z "$result" ]; then
    echo "0 passed, 1 failed"
    exit 1
fi
echo "$result"
exit "$status"
