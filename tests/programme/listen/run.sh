#!/usr/bin/env bash
# LISTEN tests of the PostgreSQL alerts, run by tests/programme/run.sh inside
# a throw-away server (PG* set), from the repository root.  A libpq client
# (client.c) LISTENs the way an application would:
#   1. a scripted sequence (cases.sql): exactly the notifications of
#      expected/pg/listen.out on channel nps_alert and listen_cx.out on
#      cx_team, rows too large for NOTIFY cut to fit;
#   2. pgbench, several clients inserting concurrently (insert.pgbench): one
#      notification per detractor row, none lost, none for other rows, and
#      one follow-up per detractor row;
#   3. a role without any grant (carol) LISTENs: it receives the key, score
#      and category of a row, its other columns only when nps_alert_on was
#      asked for the row (listen_carol.out).
# Prints 'ok'/'FAIL' lines like the rest of the suite.
set -u
here=tests/programme/listen
expected=tests/programme/expected/pg
tmp=$(mktemp -d)
listeners=()
cleanup() {
    for pid in "${listeners[@]}"; do kill "$pid" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
clients=${NPS_LISTEN_CLIENTS:-4}
transactions=${NPS_LISTEN_TRANSACTIONS:-50}

fail() {
    echo "FAIL pg listen: $*"
    exit 1
}

mkdir -p build/programme
client=build/programme/listen
if [ ! -x "$client" ] || [ "$here/client.c" -nt "$client" ]; then
    pg_config=${PG_CONFIG:-pg_config}
    ${CC:-cc} -std=c11 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -I"$("$pg_config" --includedir)" \
        -o "$client" "$here/client.c" -L"$("$pg_config" --libdir)" -lpq || fail "cannot build the client"
fi
command -v pgbench >/dev/null || fail "pgbench not found (Debian: postgresql-15 or postgresql-contrib)"

export PGDATABASE=nps_listen
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS nps_listen" -c "CREATE DATABASE nps_listen" >/dev/null ||
    fail "cannot create the database"
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION nps' -f sql/programme/pg.sql -f "$here/setup.sql" \
    >"$tmp/setup.log" 2>&1 || fail "setup: $(cat "$tmp/setup.log")"

# Start a client on a channel, writing to a file; wait until it listens.
start() {
    rm -f "$tmp/ready.$1"
    "$client" "$1" "$tmp/ready.$1" >"$tmp/$2" 2>"$tmp/$2.err" &
    listeners+=($!)
    for _ in $(seq 100); do
        [ -f "$tmp/ready.$1" ] && return 0
        sleep 0.05
    done
    fail "the client on $1 did not start: $(cat "$tmp/$2.err")"
}

# Send "done" on each channel and wait for the clients to finish.
finish() {
    for channel in "$@"; do psql -X -q -c "NOTIFY $channel, 'done'" || fail "NOTIFY done"; done
    for pid in "${listeners[@]}"; do wait "$pid" || fail "a client failed: $(cat "$tmp"/*.err)"; done
    listeners=()
}

# 1. The scripted sequence.
start nps_alert received
start cx_team received_cx
psql -X -q -v ON_ERROR_STOP=1 -f "$here/cases.sql" >"$tmp/cases.log" 2>&1 || fail "cases.sql: $(cat "$tmp/cases.log")"
finish nps_alert cx_team
python3 "$here/check.py" cases "$tmp/received" "$expected/listen.out" | sed 's/^\(ok  \|FAIL\) /\1 pg listen: /'
python3 "$here/check.py" cases "$tmp/received_cx" "$expected/listen_cx.out" | sed 's/^\(ok  \|FAIL\) /\1 pg listen: /'

# 2. Concurrent writers.
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT nps_alert_on('pgb', 'score', with_row => true)" >/dev/null ||
    fail "nps_alert_on pgb"
start nps_alert received_pgbench
pgbench -n -c "$clients" -j 2 -t "$transactions" -f "$here/insert.pgbench" >"$tmp/pgbench.log" 2>&1 ||
    fail "pgbench: $(cat "$tmp/pgbench.log")"
finish nps_alert
psql -X -q -A -t -c "SELECT id FROM pgb WHERE score <= 6 ORDER BY id" >"$tmp/ids" || fail "reading pgb"
python3 "$here/check.py" concurrent "$tmp/received_pgbench" "$tmp/ids" "$clients" "$transactions" |
    sed 's/^\(ok  \|FAIL\) /\1 pg listen: /'
rows=$(psql -X -q -A -t -c "SELECT count(*) FROM pgb")
followups=$(psql -X -q -A -t -c "SELECT count(*) FROM nps_followups WHERE source_table = 'pgb'")
want=$((7 * clients * transactions))
if [ "$rows" -eq $((11 * clients * transactions)) ] && [ "$followups" -eq "$want" ]; then
    echo "ok   pg listen: pgbench: $rows rows, $followups follow-ups opened, one per detractor"
else
    echo "FAIL pg listen: pgbench: $rows rows (want $((11 * clients * transactions))), $followups follow-ups (want $want)"
fi

# 3. What a role without grants sees.  carol logs in with the password of
# the test user (PGPASSWORD) and may not read the table.
psql -X -q -v ON_ERROR_STOP=1 -c "DROP ROLE IF EXISTS carol" \
    -c "CREATE ROLE carol LOGIN PASSWORD '$PGPASSWORD'" \
    -c "CREATE TABLE secrets (id int PRIMARY KEY, score int, secret text)" >/dev/null || fail "creating carol"
if PGUSER=carol psql -X -q -c "SELECT secret FROM secrets" >/dev/null 2>&1; then
    echo "FAIL pg listen: carol can read the table"
fi
PGUSER=carol start secrets received_carol
psql -X -q -v ON_ERROR_STOP=1 -c "SELECT nps_alert_on('secrets', 'score', 'secrets')" \
    -c "INSERT INTO secrets VALUES (1, 2, 'the launch code')" \
    -c "SELECT nps_alert_on('secrets', 'score', 'secrets', 'detractor', true)" \
    -c "INSERT INTO secrets VALUES (2, 3, 'shared on purpose')" >/dev/null || fail "secrets"
finish secrets
python3 "$here/check.py" cases "$tmp/received_carol" "$expected/listen_carol.out" | sed 's/^\(ok  \|FAIL\) /\1 pg listen: /'
psql -X -q -d postgres -c "DROP DATABASE nps_listen" -c "DROP ROLE carol" >/dev/null
