#!/usr/bin/env bash
# The PostgreSQL half of the programme benchmark; bench/programme/run.sh runs
# it inside pg_virtualenv (PGHOST, PGPORT, PGUSER point at a throw-away
# server).  Usage: bench/programme/pg.sh OUT SIZE...
#   per size, a database of its own: OUT/pg-load-SIZE.sql loads it (its time
#   goes to OUT/loads.tsv), OUT/pg-SIZE.sql runs the timed queries into
#   OUT/pg-SIZE.out.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$1
shift
psql=(psql -X -q -At -v ON_ERROR_STOP=1)
for s in "$@"; do
    db=programme_$s
    "${psql[@]}" -d postgres -c "CREATE DATABASE $db"
    printf '  %-52s' "postgresql: loading the programme of $s"
    SECONDS=0
    "${psql[@]}" -d "$db" -f "$out/pg-load-$s.sql" >"$out/pg-load-$s.log"
    printf 'pg\t%s\t%s\n' "$s" "$SECONDS" >>"$out/loads.tsv"
    echo " ${SECONDS} s"
    printf '  %-52s' "postgresql: timed queries, $s"
    SECONDS=0
    "${psql[@]}" -d "$db" -f "$out/pg-$s.sql" >"$out/pg-$s.out" 2>&1 ||
        { tail -5 "$out/pg-$s.out" >&2; exit 1; }
    echo " ${SECONDS} s"
    "${psql[@]}" -d postgres -c "DROP DATABASE $db"
done
