#!/usr/bin/env bash
# The parity suite: one fixture and one set of queries run on every engine
# (the sqlite3 shell with the extension loaded; a throw-away PostgreSQL server
# started by tests/pg/with_server.sh; DuckDB through build/duckdb/shell with
# build/nps.duckdb_extension loaded); outputs, exchanged states, error texts
# and the programme's tables and views must be identical.  The comparison is
# tests/parity/parity.py.  Conventions: tests/README.md.
#
# Usage: tests/parity/run.sh [path/to/nps.so]   (default build/nps.so)
#   DuckDB takes part where scripts/duckdb.sh can fetch it (npm, Linux
#   x86_64); elsewhere the suite says so on its first line and compares
#   SQLite and PostgreSQL alone.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
so=$(sqlite_extension "${1:-}") || exit 2
cd "$root" || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT

duckdb=()
if reason=$(scripts/duckdb.sh can); then
    make --no-print-directory -s duckdb >&2 || exit 2
    duckdb=("$root/build/duckdb/shell" "$root/build/nps.duckdb_extension")
else
    echo "note: DuckDB left out, $reason"
fi

status=0
tests/pg/with_server.sh python3 tests/parity/parity.py "$so" "${duckdb[@]}" >"$log" 2>&1 || status=$?
# parity.py's closing line is counted into the suite's own, which comes last
# (one closing line per suite; pg_virtualenv may print after the command ends).
grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$log"
# shellcheck disable=SC2046 # two numbers
add_run "parity.py" $(closing_counts "$log") "$status"
finish
