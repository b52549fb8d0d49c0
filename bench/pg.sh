#!/usr/bin/env bash
# The PostgreSQL half of the benchmark; bench/run.sh runs it inside
# pg_virtualenv (PGHOST, PGPORT, PGUSER, PGDATABASE point at a throw-away
# server).  Usage: bench/pg.sh OUT ROWS GROUPS TIMED_SQL
#   loads the rows of bench/gen.c (build/bench/gen), builds the daily rollup, runs TIMED_SQL
#   (written by run.sh from bench/queries.txt) in one psql session, and
#   measures the memory of a GROUP BY with GROUPS groups.  Writes OUT/pg.out
#   (psql's output of the timed queries), OUT/pg.memory and OUT/pg.info.
set -euo pipefail
cd "$(dirname "$0")/.."

out=$1
rows=$2
groups=$3
timed=$4
psql=(psql -X -q -At -v ON_ERROR_STOP=1)

# Start a timed step of the progress lines; done_step ends it.
step() {
    printf '  %-44s' "$1"
    SECONDS=0
}
done_step() {
    echo " ${SECONDS} s"
}

step "postgresql: loading $rows rows"
"${psql[@]}" <<'SQL'
CREATE EXTENSION nps;
CREATE TABLE t (
    id integer NOT NULL,
    day date NOT NULL,
    segment text NOT NULL,
    region text NOT NULL,
    score smallint,
    csat_score smallint,
    ces_score smallint
);
SQL
build/bench/gen "$rows" | "${psql[@]}" -c "COPY t FROM STDIN (FORMAT csv)"
"${psql[@]}" <<'SQL'
ALTER TABLE t ADD PRIMARY KEY (id);
VACUUM (FREEZE, ANALYZE) t;
CREATE TABLE daily AS
    SELECT day, segment, nps_state(score) AS st FROM t WHERE day >= '2024-01-01' GROUP BY day, segment;
VACUUM (FREEZE, ANALYZE) daily;
SQL
done_step

# What ran where: versions, settings, sizes, and the plans of the parallel group.
"${psql[@]}" -F ' ' >"$out/pg.info" <<'SQL'
SELECT 'server', current_setting('server_version');
SELECT 'nps', nps_version();
SELECT 'shared_buffers', current_setting('shared_buffers');
SELECT 'work_mem', current_setting('work_mem');
SELECT 'table_mb', round(pg_table_size('t') / 1048576.0);
SELECT 'daily_rows', count(*) FROM daily;
SELECT 'state_bytes', pg_column_size(nps_state(score)) FROM t WHERE id <= 1000;
SET jit = off;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 1;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT nps(score) FROM t;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT nps(score) FROM t;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT count(score) FROM t;
SQL

step "postgresql: timed queries"
# Warm the cache and load the library before anything is timed.
"${psql[@]}" -f - -f "$timed" >"$out/pg.out" <<'SQL'
SELECT count(*) FROM t;
SELECT count(score) FROM t;
SELECT nps(score) FROM t WHERE id <= 10;
SQL
done_step

# Peak memory of a hashed GROUP BY with $groups groups, at 5 and at 10 rows per
# group: the same groups, twice the rows.  EXPLAIN ANALYZE runs the query and
# discards its rows; HashAggregate reports its peak memory and batches.
step "postgresql: memory of $groups groups"
: >"$out/pg.memory"
for per in 5 10; do
    for fn in count nps; do
        plan=$("${psql[@]}" <<SQL
SET jit = off;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '2GB';
SET enable_sort = off;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)
    SELECT id % $groups AS g, $fn(score) FROM t WHERE id <= $((groups * per)) GROUP BY g;
SQL
        )
        kb=$(printf '%s\n' "$plan" | sed -n 's/.*Memory Usage: \([0-9]*\)kB.*/\1/p' | head -1)
        batches=$(printf '%s\n' "$plan" | sed -n 's/.*Batches: \([0-9]*\).*/\1/p' | head -1)
        if [ -z "$kb" ]; then
            echo "bench/pg.sh: no HashAggregate memory in the plan:" >&2
            printf '%s\n' "$plan" >&2
            exit 1
        fi
        printf 'pg %s %s %s %s %s\n' "$fn" "$groups" "$((groups * per))" "$((kb * 1024))" "$batches" >>"$out/pg.memory"
    done
done
done_step
