#!/usr/bin/env bash
# The programme suite: the tables, views and functions of sql/programme/ and
# the alert functions, on both engines, each script's output diffed against
# tests/programme/expected/<engine>/<name>.out; first, that sql/programme/'s
# two scripts are what sql/programme/assemble.sh makes of their source.
#
#   sql/*.sql          run by both engines, after sql/programme/<engine>.sql
#                      and fixture.sql (the figures are worked out in their
#                      comments)
#   sql/sqlite/*.sql   SQLite only, after sql/programme/sqlite.sql
#   sql/sqlite/*.sh    SQLite only, a script given the extension's path (more
#                      than one connection)
#   sql/pg/*.sql       PostgreSQL only, after sql/programme/pg.sql
#   listen/        PostgreSQL: a LISTEN client receiving the alerts, also
#                  under concurrent inserts by pgbench
#
# Usage: tests/programme/run.sh path/to/nps.so [sqlite|pg]   (both by default)
# Prints "ok"/"FAIL" per script and "N passed, M failed"; fails if any fails.
# PostgreSQL runs against a throw-away server (tests/pg/with_server.sh).
set -u

if [ $# -lt 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 path/to/nps.so [sqlite|pg]" >&2
    exit 2
fi
so=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
only=${2:-}
cd "$(dirname "$0")/../.."
here=tests/programme
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# Compare one script's output with its expected file; count and report.
verdict() {
    local name=$1 expected=$2 actual=$3
    if [ -f "$expected" ] && diff -u "$expected" "$actual" >"$tmp/diff"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        if [ -f "$expected" ]; then sed 's/^/    /' "$tmp/diff"; else echo "    missing $expected"; fi
    fi
}

# The two scripts are what their one source makes (sql/programme/assemble.sh).
if sql/programme/assemble.sh --check >"$tmp/assemble.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   sql/programme/sqlite.sql and pg.sql assembled from programme.sql.in"
else
    failed=$((failed + 1))
    echo "FAIL sql/programme/sqlite.sql and pg.sql assembled from programme.sql.in"
    sed 's/^/    /' "$tmp/assemble.log"
fi

if [ "$only" != pg ]; then
    command -v sqlite3 >/dev/null || { echo "run.sh: sqlite3 shell not found" >&2; exit 2; }
    for sql in "$here"/sql/*.sql "$here"/sql/sqlite/*.sql; do
        [ -f "$sql" ] || continue
        name=$(basename "$sql" .sql)
        fixture=()
        [ "$(dirname "$sql")" = "$here/sql" ] && fixture=(-cmd ".read $here/fixture.sql")
        sqlite3 -batch -cmd '.bail off' -cmd ".load $so" -cmd ".read sql/programme/sqlite.sql" \
            "${fixture[@]}" -cmd '.headers on' -cmd '.nullvalue NULL' -cmd '.echo on' \
            :memory: <"$sql" >"$tmp/$name.out" 2>&1
        verdict "sqlite $name" "$here/expected/sqlite/$name.out" "$tmp/$name.out"
    done
    for script in "$here"/sql/sqlite/*.sh; do
        [ -f "$script" ] || continue
        name=$(basename "$script" .sh)
        "$script" "$so" >"$tmp/$name.out" 2>&1
        verdict "sqlite $name" "$here/expected/sqlite/$name.out" "$tmp/$name.out"
    done
fi

if [ "$only" != sqlite ]; then
    # One server for every PostgreSQL script; pg.sh prints the same lines.
    tests/pg/with_server.sh "$here/pg.sh" >"$tmp/pg.log" 2>&1
    grep -vE '^(Creating new|Dropping cluster|[0-9]+ passed)' "$tmp/pg.log" | grep -v '^$' || true
    p=$(grep -cE '^ok ' "$tmp/pg.log" || true)
    f=$(grep -cE '^FAIL ' "$tmp/pg.log" || true)
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
        f=1 # the server or the harness failed: its log is above
    fi
    passed=$((passed + p))
    failed=$((failed + f))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
