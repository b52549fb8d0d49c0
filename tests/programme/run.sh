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
#                      than one connection, or the demo's database)
#   sql/pg/*.sql       PostgreSQL only, after sql/programme/pg.sql
#   listen/            PostgreSQL: a LISTEN client receiving the alerts, also
#                      under concurrent inserts by pgbench (listen/run.sh)
#
# The sqlite3 shell and psql print alike: unaligned, headers on, NULL as
# NULL, every input line echoed.  Each PostgreSQL script gets a database of
# its own.  Conventions (arguments, output, NPS_TEST_OUT): tests/README.md.
#
# Usage: tests/programme/run.sh [path/to/nps.so] [sqlite|pg|pg-server]
#   sqlite, pg   one engine only (both by default); PostgreSQL runs against
#                a throw-away server: the script runs itself as pg-server
#                under tests/pg/with_server.sh
#   pg-server    PostgreSQL only, against the server PGHOST/PGPORT/PGUSER
#                name, which has the extension installed
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
engines=both
if [ $# -gt 0 ]; then
    case ${*: -1} in
    sqlite | pg | pg-server)
        engines=${*: -1}
        set -- "${@:1:$#-1}"
        ;;
    esac
fi
case $engines in
both | sqlite) so=$(sqlite_extension "${1:-}") || exit 2 ;;
esac
cd "$root" || exit 2
here=tests/programme
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# sql/*.sql run over the fixture; sql/<engine>/*.sql do not.
fixture_for() {
    [ "$(dirname "$1")" = "$here/sql" ]
}

# The SQLite scripts, each in an in-memory database of its own.
run_sqlite() {
    command -v sqlite3 >/dev/null || { echo "run.sh: sqlite3 shell not found" >&2; exit 2; }
    local sql name script fixture
    for sql in "$here"/sql/*.sql "$here"/sql/sqlite/*.sql; do
        name=$(basename "$sql" .sql)
        fixture=()
        fixture_for "$sql" && fixture=(-cmd ".read $here/fixture.sql")
        sqlite3 -batch -cmd '.bail off' -cmd ".load $so" -cmd ".read sql/programme/sqlite.sql" \
            "${fixture[@]}" -cmd '.headers on' -cmd '.nullvalue NULL' -cmd '.echo on' \
            :memory: <"$sql" >"$tmp/$name.out" 2>&1
        verdict "sqlite $name" "$here/expected/sqlite/$name.out" "$tmp/$name.out"
    done
    for script in "$here"/sql/sqlite/*.sh; do
        name=$(basename "$script" .sh)
        "$script" "$so" >"$tmp/$name.out" 2>&1
        verdict "sqlite $name" "$here/expected/sqlite/$name.out" "$tmp/$name.out"
    done
}

# The PostgreSQL scripts and listen/, against the server PG* name.
run_pg_server() {
    export PGOPTIONS='-c extra_float_digits=0 -c client_min_messages=warning'
    export PGDATABASE=postgres
    local sql name db setup status
    for sql in "$here"/sql/*.sql "$here"/sql/pg/*.sql; do
        name=$(basename "$sql" .sql)
        db=nps_programme_$name
        psql -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
        setup=(-c 'CREATE EXTENSION nps' -f sql/programme/pg.sql)
        fixture_for "$sql" && setup+=(-f "$here/fixture.sql")
        if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" "${setup[@]}" >"$tmp/setup.log" 2>&1; then
            report "pg $name" "setting up the database failed:" "$(cat "$tmp/setup.log")"
            continue
        fi
        psql -X -q -a -A -P footer=off -P null=NULL -d "$db" <"$sql" >"$tmp/$name.out" 2>&1
        verdict "pg $name" "$here/expected/pg/$name.out" "$tmp/$name.out"
        psql -X -q -c "DROP DATABASE $db" >/dev/null
    done
    status=0
    "$here"/listen/run.sh >"$tmp/listen.log" 2>&1 || status=$?
    cat "$tmp/listen.log"
    # shellcheck disable=SC2046 # two numbers
    add_run "pg listen" $(count_lines "$tmp/listen.log") "$status"
}

report_assembled() {
    local name="sql/programme/sqlite.sql and pg.sql assembled from programme.sql.in"
    if sql/programme/assemble.sh --check >"$tmp/assemble.log" 2>&1; then
        report "$name"
    else
        report "$name" "$(cat "$tmp/assemble.log")"
    fi
}

case $engines in
pg-server)
    run_pg_server
    ;;
*)
    report_assembled
    [ "$engines" = pg ] || run_sqlite
    if [ "$engines" != sqlite ]; then
        # One server for every PostgreSQL script; the run prints the same lines.
        status=0
        tests/pg/with_server.sh "$here/run.sh" pg-server >"$tmp/pg.log" 2>&1 || status=$?
        grep -vE '^(Creating new|Dropping cluster|[0-9]+ passed, [0-9]+ failed$)' "$tmp/pg.log" | grep -v '^$'
        # shellcheck disable=SC2046 # two numbers
        add_run "pg" $(closing_counts "$tmp/pg.log") "$status"
    fi
    ;;
esac
finish
