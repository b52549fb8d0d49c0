#!/usr/bin/env bash
# make demo-pg: the demo programme in PostgreSQL, the database nps_demo on
# the server psql reaches (PGHOST, PGPORT, PGUSER as for psql; run as root
# with none of them set, as the postgres user over the local socket).  It
# drops nps_demo when there is one, creates it with CREATE EXTENSION nps
# (installed: make pg && make -C pg-ext install), copies the demo's data from
# its SQLite database (demo/pg_load.py; NPS_DEMO_DB, by default
# build/demo/nps_demo.db, which make demo builds) and sets the programme up
# as demo/programme.sql does in SQLite, over sql/programme/pg.sql.
# Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${NPS_DEMO_DB:-build/demo/nps_demo.db}
[ -f "$db" ] || { echo "demo-pg: $db is missing; run 'make demo' first" >&2; exit 1; }

run=()
if [ "$(id -u)" = 0 ] && [ -z "${PGHOST:-}${PGUSER:-}" ]; then
    run=(runuser -u postgres --)
fi
psql_to() { # DB: the script on stdin, quiet, stopping at the first error
    "${run[@]}" psql -X -q -v ON_ERROR_STOP=1 -d "$1"
}

echo "SET client_min_messages = warning; DROP DATABASE IF EXISTS nps_demo; CREATE DATABASE nps_demo;" | psql_to postgres
{
    echo "SET client_min_messages = warning;"
    echo "CREATE EXTENSION nps;"
    python3 demo/pg_load.py "$db"
    # demo/programme.sql, with the PostgreSQL script in place of SQLite's.
    sed -e '/^\.read sql\/programme\/sqlite\.sql$/{r sql/programme/pg.sql' -e 'd}' demo/programme.sql
} | psql_to nps_demo >/dev/null
then=(psql -d nps_demo)
[ ${#run[@]} -eq 0 ] || then=(su postgres -c "'psql -d nps_demo'")
echo "demo-pg: the demo programme is in the database nps_demo ($("${run[@]}" psql -X -A -t -d nps_demo \
    -c 'SELECT count(*) FROM nps_responses') responses): ${then[*]}"
