#!/usr/bin/env bash
# The postgres_fdw suite: README.md's "### Running on Citus and postgres_fdw"
# run as written, on two shard databases and a coordinator of one
# throw-away server (tests/pg/with_server.sh), and what that section says of
# postgres_fdw checked on EXPLAIN (VERBOSE) and against a local table.
#
#   README       the section's ```sql blocks, in order: a block that begins
#                with CREATE EXTENSION nps and holds no CREATE SERVER runs on
#                each shard database (shard1, shard2); every other block runs
#                in one psql session on the coordinator (nps_fdw), where,
#                after the block that creates the servers, this script adds
#                host, port and a user mapping (the harness' PG* settings).
#                What the session prints must be the section's output blocks.
#   hand-worked  the section's numbers at full precision against NPS and
#                margin computed here (awk) from the counts of its rows
#   by cost      over those dozen rows, after ANALYZE, the rows are fetched
#   pushed       over 40,000 rows after ANALYZE, the Remote SQL of the
#                section's queries ships one aggregate per shard; that of the
#                forms it says are not shipped (without the partition key,
#                date_trunc, over all shards, partitionwise aggregation off,
#                a server without the extensions option, ROLLUP, CUBE and
#                GROUPING SETS over raw rows, a window over raw rows) ships
#                rows; a window over (region, day) states ships the states
#   local        the section's queries, and every figure and the state bytes
#                of its recipes at full precision, are the same over the
#                shards as over a local table holding the same rows
#
# Usage: tests/fdw/run.sh            against a throw-away server
#        tests/fdw/run.sh server     against the server PGHOST/PGPORT/PGUSER/
#                                    PGPASSWORD name, which has the extension
#                                    installed (run so by the line above)
# Conventions (output): tests/README.md.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2
here=tests/fdw
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
heading='### Running on Citus and postgres_fdw'

if [ "${1:-}" != server ]; then
    status=0
    tests/pg/with_server.sh "$here/run.sh" server >"$tmp/log" 2>&1 || status=$?
    grep -vE '^(Creating new|Dropping cluster|[0-9]+ passed, [0-9]+ failed$)' "$tmp/log" | grep -v '^$'
    # shellcheck disable=SC2046 # two numbers
    add_run "postgres_fdw" $(closing_counts "$tmp/log") "$status"
    finish
    exit
fi

export PGDATABASE=postgres PGOPTIONS='-c client_min_messages=warning'
psql_on() { # DB [psql arguments]: quiet, unaligned, stops at the first error
    local db=$1
    shift
    psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" "$@"
}
# On the coordinator, with partitionwise aggregation on (each call is a
# session of its own).
coord() {
    PGOPTIONS="$PGOPTIONS -c enable_partitionwise_aggregate=on" psql_on nps_fdw "$@"
}

# The section's fenced blocks: readme_blocks sql prints each ```sql block,
# readme_blocks out each plain ``` block, every block followed by a line
# holding only @@END@@.
readme_blocks() {
    awk -v want="$1" -v heading="$heading" '
        /^#/ && !open { in_section = ($0 == heading); next }
        !in_section { next }
        /^```/ {
            if (open) { if (kind == want) print "@@END@@"; open = 0; next }
            open = 1; kind = ($0 == "```sql") ? "sql" : ($0 == "```" ? "out" : "other"); next
        }
        open && kind == want { print }' README.md
}
# block FILE N: the N-th block of FILE (as readme_blocks printed it).
block() {
    awk -v n="$2" '/^@@END@@$/ { k++; next } k == n - 1 { print }' "$1"
}

readme_blocks sql >"$tmp/sql"
readme_blocks out >"$tmp/out"
nsql=$(grep -c '^@@END@@$' "$tmp/sql")
nout=$(grep -c '^@@END@@$' "$tmp/out")

# The databases: two shards and the coordinator.
for db in shard1 shard2 nps_fdw; do
    psql_on postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 2
done

# The README's blocks: shard blocks on both shards, the rest in one session
# on the coordinator, the connection settings after the servers' block.
problems=()
: >"$tmp/coordinator.sql"
for i in $(seq 1 "$nsql"); do
    block "$tmp/sql" "$i" >"$tmp/block.sql"
    if head -n 1 "$tmp/block.sql" | grep -q '^CREATE EXTENSION nps;$' && ! grep -q 'CREATE SERVER' "$tmp/block.sql"; then
        for db in shard1 shard2; do
            psql_on "$db" -f "$tmp/block.sql" >"$tmp/shard.log" 2>&1 ||
                problems+=("block $i failed on $db: $(cat "$tmp/shard.log")")
        done
        continue
    fi
    cat "$tmp/block.sql" >>"$tmp/coordinator.sql"
    if grep -q 'CREATE SERVER' "$tmp/block.sql"; then
        for server in shard1 shard2; do
            cat >>"$tmp/coordinator.sql" <<EOF
ALTER SERVER $server OPTIONS (ADD host '$PGHOST', ADD port '$PGPORT');
CREATE USER MAPPING FOR CURRENT_USER SERVER $server OPTIONS (user '$PGUSER', password '$PGPASSWORD');
EOF
        done
    fi
done
[ "$nsql" -ge 4 ] && [ "$nout" -ge 3 ] || problems+=("only $nsql sql and $nout output blocks in README.md's \"$heading\"")
grep -q 'CREATE SERVER' "$tmp/coordinator.sql" || problems+=("no block of the section creates the servers")
# psql ends each table with an empty line; the README's blocks do not.
for i in $(seq 1 "$nout"); do
    block "$tmp/out" "$i"
    echo
done >"$tmp/expected"
# psql pads the last column with blanks; the README has no trailing blanks.
psql -X -q -P footer=off -v ON_ERROR_STOP=1 -d nps_fdw -f "$tmp/coordinator.sql" >"$tmp/psql.out" 2>&1 ||
    problems+=("the coordinator's blocks failed")
sed 's/ *$//' "$tmp/psql.out" >"$tmp/actual"
difference=$(diff -u "$tmp/expected" "$tmp/actual") || problems+=("$difference")
report "README: the section's examples print what it shows" "${problems[@]}"

# Hand-worked from the section's rows.  Promoters 9-10, detractors 0-6, the
# NULL skipped:
#   EMEA 10 9 8 6 10 3       n 6  P 3 D 2
#   APAC 9 7 7 10 NULL 2     n 5  P 2 D 1
#   all                      n 11 P 5 D 3
#   2026-01: 10 9 9 7 7      n 5  P 3 D 0
#   2026-02: 8 6 10 3 10 2   n 6  P 2 D 3
# NPS = (P - D) / n x 100; margin = z x 100 x sqrt((p + d - (p - d)^2) / n),
# p = P / n, d = D / n, z = 1.959963984540054 (the 0.975 normal quantile).
hand() { # name n P D
    awk -v name="$1" -v n="$2" -v P="$3" -v D="$4" 'BEGIN {
        p = P / n; d = D / n
        printf "%s %d %.12g %.12g\n", name, n, (p - d) * 100, 1.959963984540054 * 100 * sqrt((p + d - (p - d) ^ 2) / n) }'
}
{
    hand APAC 5 2 1
    hand EMEA 6 3 2
    hand all 11 5 3
    hand 2026-01 5 3 0
    hand 2026-02 6 2 3
} >"$tmp/hand"
problems=()
coord -F ' ' -c "
SELECT coalesce(region, 'all'), nps_rows_of(nps_state(st)), to_char(nps(st), 'FM990.00000000000'),
       to_char(nps_moe(st), 'FM990.00000000000')
FROM (SELECT region, nps_state(score) AS st FROM responses GROUP BY region) s
GROUP BY ROLLUP (region) ORDER BY region;
SELECT to_char(day, 'YYYY-MM'), nps_rows_of(nps_state(st)), to_char(nps(st), 'FM990.00000000000'),
       to_char(nps_moe(st), 'FM990.00000000000')
FROM (SELECT region, day, nps_state(score) AS st FROM responses GROUP BY region, day) d
GROUP BY 1 ORDER BY 1;" >"$tmp/sql-figures" 2>&1 || problems+=("$(cat "$tmp/sql-figures")")
awk '{ printf "%s %d %.12g %.12g\n", $1, $2, $3, $4 }' "$tmp/sql-figures" >"$tmp/figures"
difference=$(diff -u "$tmp/hand" "$tmp/figures") || problems+=("$difference")
report "hand-worked: NPS and margin per region, in total and per month over the shards" "${problems[@]}"

# remote NAME WANT QUERY [SETUP...]: the Remote SQL lines of EXPLAIN
# (VERBOSE, COSTS OFF) QUERY on the coordinator, in plan order, are the
# lines of WANT.  SETUP: statements run before it in the same session.
remote() {
    local name=$1 want=$2 query=$3 difference s
    shift 3
    local args=()
    for s in "$@"; do args+=(-c "$s"); done
    if ! coord "${args[@]}" -c "EXPLAIN (VERBOSE, COSTS OFF) $query" >"$tmp/plan" 2>&1; then
        report "$name" "$(cat "$tmp/plan")"
        return
    fi
    # Whether the shard sorts the rows it sends depends on how the
    # coordinator aggregates them: not what is checked.
    sed -n 's/^ *Remote SQL: //p' "$tmp/plan" | sed 's/ ORDER BY .*//' >"$tmp/remote"
    if difference=$(diff -u <(printf '%s\n' "$want") "$tmp/remote"); then
        report "$name"
    else
        report "$name" "$difference" "the plan:" "$(cat "$tmp/plan")"
    fi
}
grouped='SELECT region, public.nps_state(score) FROM public.responses GROUP BY 1'
fetched='SELECT region, score FROM public.responses'

# Over the dozen rows, once ANALYZE has counted them, fetching is cheaper.
coord -c 'ANALYZE responses'
remote "postgres_fdw by cost: over the section's dozen rows, after ANALYZE, rows are fetched" \
    "$fetched
$fetched" \
    "SELECT region, nps_state(score) FROM responses GROUP BY region"

# The same rows on the shards (through the foreign partitions) and in a local
# table: 20,000 a region over 181 days, every score, a NULL in 37.
coord -c "DELETE FROM responses" -c "
CREATE TABLE responses_local (region text, day date, score smallint);
INSERT INTO responses_local
SELECT region, date '2026-01-01' + (i * 7 + r) % 181,
       CASE WHEN i % 37 = 0 THEN NULL ELSE (i * i * (r + 3) + i * r) % 11 END
FROM (VALUES ('APAC', 1), ('EMEA', 2)) AS g(region, r), generate_series(1, 20000) AS i;
INSERT INTO responses SELECT * FROM responses_local;
ANALYZE responses;
ANALYZE responses_local;" || exit 2

problems=()
for shard in shard1:EMEA shard2:APAC; do
    got=$(psql_on "${shard%:*}" -F ' ' -c "SELECT region, count(*) FROM responses GROUP BY region") ||
        problems+=("$got")
    [ "$got" = "${shard#*:} 20000" ] || problems+=("${shard%:*} holds: $got")
done
report "the shards hold their region's rows, 20,000 each" "${problems[@]}"

# The section's coordinator queries: run on the local table they give what
# they give over the shards, and each ships one aggregate per shard.
for i in $(seq 1 "$nsql"); do
    block "$tmp/sql" "$i" >"$tmp/block.sql"
    grep -qE '^(SELECT|EXPLAIN)' "$tmp/block.sql" || continue
    grep -q '^EXPLAIN' "$tmp/block.sql" && continue
    query=$(cat "$tmp/block.sql")
    title=$(head -n 1 "$tmp/block.sql" | cut -c 1-60)
    problems=()
    coord -c "$query" >"$tmp/sharded" 2>&1 || problems+=("over the shards: $(cat "$tmp/sharded")")
    # The same text, the table renamed.
    local_query=${query//FROM responses /FROM responses_local }
    [ "$local_query" != "$query" ] || problems+=("no 'FROM responses ' in the query")
    coord -c "$local_query" >"$tmp/local" 2>&1 || problems+=("locally: $(cat "$tmp/local")")
    difference=$(diff -u "$tmp/local" "$tmp/sharded") || problems+=("$difference")
    [ -s "$tmp/sharded" ] || problems+=("no rows")
    report "local = shards: README's $title..." "${problems[@]}"
    if grep -q 'GROUP BY region, day' "$tmp/block.sql"; then
        want="SELECT region, day, public.nps_state(score) FROM public.responses GROUP BY 1, 2"
    else
        want=$grouped
    fi
    remote "pushed: README's $title..." "$want
$want" "$query"
done

# The numbers and the state bytes of the recipes, at full precision, against
# the plain aggregates over the local table's rows.
problems=()
coord -c "
SELECT region, nps_rows_of(st), nps_of(st), nps_moe_of(st), nps_ci_lower_of(st), nps_ci_upper_of(st),
       nps_stderr_of(st), promoter_share_of(st), detractor_share_of(st), encode(st::bytea, 'hex')
FROM (SELECT region, nps_state(score) AS st FROM responses GROUP BY region) s ORDER BY region;
SELECT 'all', nps_rows_of(nps_state(st)), nps(st), nps_moe(st), nps_ci_lower(st), nps_ci_upper(st),
       nps_stderr(st), promoter_share(st), detractor_share(st), encode(nps_state(st)::bytea, 'hex')
FROM (SELECT region, nps_state(score) AS st FROM responses GROUP BY region) s;" >"$tmp/sharded" 2>&1 ||
    problems+=("over the shards: $(cat "$tmp/sharded")")
coord -c "
SELECT region, count(score), nps(score), nps_moe(score), nps_ci_lower(score), nps_ci_upper(score),
       nps_stderr(score), promoter_share(score), detractor_share(score), encode(nps_state(score)::bytea, 'hex')
FROM responses_local GROUP BY region ORDER BY region;
SELECT 'all', count(score), nps(score), nps_moe(score), nps_ci_lower(score), nps_ci_upper(score),
       nps_stderr(score), promoter_share(score), detractor_share(score), encode(nps_state(score)::bytea, 'hex')
FROM responses_local;" >"$tmp/local" 2>&1 || problems+=("locally: $(cat "$tmp/local")")
[ "$(wc -l <"$tmp/local")" -eq 3 ] || problems+=("not 3 rows: $(cat "$tmp/local")")
difference=$(diff -u "$tmp/local" "$tmp/sharded") || problems+=("$difference")
report "local = shards: per region and in total, every figure and the state's bytes" "${problems[@]}"

problems=()
coord -c "
SELECT to_char(day, 'YYYY-MM'), nps_rows_of(nps_state(st)), nps(st), nps_moe(st), nps_ci_lower(st),
       nps_ci_upper(st), encode(nps_state(st)::bytea, 'hex')
FROM (SELECT region, day, nps_state(score) AS st FROM responses GROUP BY region, day) d
GROUP BY 1 ORDER BY 1;" >"$tmp/sharded" 2>&1 || problems+=("over the shards: $(cat "$tmp/sharded")")
coord -c "
SELECT to_char(day, 'YYYY-MM'), count(score), nps(score), nps_moe(score), nps_ci_lower(score),
       nps_ci_upper(score), encode(nps_state(score)::bytea, 'hex')
FROM responses_local GROUP BY 1 ORDER BY 1;" >"$tmp/local" 2>&1 || problems+=("locally: $(cat "$tmp/local")")
[ "$(wc -l <"$tmp/local")" -eq 6 ] || problems+=("not 6 months: $(cat "$tmp/local")")
difference=$(diff -u "$tmp/local" "$tmp/sharded") || problems+=("$difference")
report "local = shards: the monthly trend from (region, day) states, every figure and the state's bytes" "${problems[@]}"

# What the section says is not shipped.
remote "not pushed: grouped without the partition key (date_trunc('month', day))" \
    "SELECT day, score FROM public.responses
SELECT day, score FROM public.responses" \
    "SELECT date_trunc('month', day), nps(score) FROM responses GROUP BY 1"
remote "not pushed: date_trunc('month', day) beside the partition key" \
    "SELECT region, day, score FROM public.responses
SELECT region, day, score FROM public.responses" \
    "SELECT region, date_trunc('month', day), nps(score) FROM responses GROUP BY 1, 2"
problems=()
volatility=$(coord -c "SELECT provolatile FROM pg_proc WHERE oid = 'date_trunc(text, timestamptz)'::regprocedure") ||
    problems+=("$volatility")
[ "$volatility" = s ] || problems+=("provolatile is '$volatility'")
report "date_trunc(text, timestamptz) is stable" "${problems[@]}"
remote "not pushed: over all shards (no partial aggregates in postgres_fdw)" \
    "SELECT score FROM public.responses
SELECT score FROM public.responses" \
    "SELECT nps(score) FROM responses"
remote "not pushed: with enable_partitionwise_aggregate off" \
    "$fetched
$fetched" \
    "SELECT region, nps_state(score) FROM responses GROUP BY region" \
    "SET enable_partitionwise_aggregate = off"
remote "not pushed to a server without the extensions option; pushed to the other" \
    "$fetched
$grouped" \
    "SELECT region, nps_state(score) FROM responses GROUP BY region" \
    "BEGIN" "ALTER SERVER shard2 OPTIONS (DROP extensions)"
remote "not pushed: ROLLUP over the raw rows" \
    "$fetched
$fetched" \
    "SELECT region, nps(score) FROM responses GROUP BY ROLLUP (region)"
remote "not pushed: CUBE over the raw rows" \
    "$fetched
$fetched" \
    "SELECT region, nps(score) FROM responses GROUP BY CUBE (region)"
remote "not pushed: GROUPING SETS over the raw rows" \
    "SELECT region, day, score FROM public.responses
SELECT region, day, score FROM public.responses" \
    "SELECT region, day, nps(score) FROM responses GROUP BY GROUPING SETS ((region), (region, day))"
remote "not pushed: a window over the raw rows" \
    "SELECT region, day, score FROM public.responses
SELECT region, day, score FROM public.responses" \
    "SELECT region, day, nps(score) OVER (PARTITION BY region ORDER BY day) FROM responses"
daily="SELECT region, day, public.nps_state(score) FROM public.responses GROUP BY 1, 2"
remote "pushed: a window over (region, day) states ships the states" \
    "$daily
$daily" \
    "SELECT region, day, nps(st) OVER (PARTITION BY region ORDER BY day ROWS 6 PRECEDING)
     FROM (SELECT region, day, nps_state(score) AS st FROM responses GROUP BY region, day) d"

finish
