#!/usr/bin/env bash
# The parity suite: one fixture and one set of queries run on both engines
# (the sqlite3 shell with the extension loaded; a throw-away PostgreSQL server
# started by tests/pg/with_server.sh); outputs, exchanged states, error texts
# and the programme's tables and views must be identical.  The comparison is
# tests/parity/parity.py.  Conventions: tests/README.md.
#
# Usage: tests/parity/run.sh [path/to/nps.so]   (default build/nps.so)
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
so=$(sqlite_extension "${1:-}") || exit 2
cd "$root" || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

status=0
tests/pg/with_server.sh python3 tests/parity/parity.py "$so" >"$log" 2>&1 || status=$?
cat "$log"
# pg_virtualenv may print after the command ends: the closing line comes again, last.
# shellcheck disable=SC2046 # two numbers
add_run "parity.py" $(closing_counts "$log") "$status"
finish
