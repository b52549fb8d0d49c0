#!/usr/bin/env bash
# The PostgreSQL half of tests/programme/run.sh, run by tests/pg/with_server.sh
# (PGHOST, PGPORT, PGUSER set; the extension installed) from the repository
# root.  Each script gets a fresh database with the extension and
# sql/programme/pg.sql (and fixture.sql for the scripts of both engines,
# sql/*.sql); its output, as psql prints it (unaligned, as the sqlite3 shell does) with every input line echoed, is diffed against
# tests/programme/expected/pg/<name>.out.  Then listen/run.sh.  With
# NPS_PROGRAMME_OUT=dir, the actual outputs are also copied there (to review
# a change before it becomes the expected output).
set -u
here=tests/programme
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PGOPTIONS='-c extra_float_digits=0 -c client_min_messages=warning'
export PGDATABASE=postgres

# Compare one script's output with its expected file and report.
verdict() {
    local name=$1 expected=$2 actual=$3
    if [ -f "$expected" ] && diff -u "$expected" "$actual" >"$tmp/diff"; then
        echo "ok   $name"
    else
        echo "FAIL $name"
        if [ -f "$expected" ]; then sed 's/^/    /' "$tmp/diff"; else echo "    missing $expected"; fi
    fi
}

for sql in "$here"/sql/*.sql "$here"/sql/pg/*.sql; do
    [ -f "$sql" ] || continue
    name=$(basename "$sql" .sql)
    db=nps_programme_$name
    psql -X -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    setup=(-c 'CREATE EXTENSION nps' -f sql/programme/pg.sql)
    [ "$(dirname "$sql")" = "$here/sql" ] && setup+=(-f "$here/fixture.sql")
    if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" "${setup[@]}" >"$tmp/setup.log" 2>&1; then
        echo "FAIL pg $name"
        sed 's/^/    /' "$tmp/setup.log"
        continue
    fi
    psql -X -q -a -A -P footer=off -P null=NULL -d "$db" <"$sql" >"$tmp/$name.out" 2>&1
    [ -n "${NPS_PROGRAMME_OUT:-}" ] && cp "$tmp/$name.out" "$NPS_PROGRAMME_OUT/"
    verdict "pg $name" "$here/expected/pg/$name.out" "$tmp/$name.out"
    psql -X -q -c "DROP DATABASE $db" >/dev/null
done

"$here"/listen/run.sh
