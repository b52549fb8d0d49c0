#!/usr/bin/env bash
# The benchmark: the cost of the nps aggregates (and of csat and ces, on
# columns of their own) against count() and against the SQL an analyst would
# write by hand, in SQLite, PostgreSQL and DuckDB, on one deterministic
# dataset (bench/gen.c).  Run from anywhere:
#
#   bench/run.sh                              10,000,000 rows, 5 runs per query
#   BENCH_ROWS=100000 BENCH_REPS=3 bench/run.sh   a quick run
#
#   BENCH_ROWS     rows of the dataset (default 10000000, at least 1000)
#   BENCH_REPS     timed runs of each query (default 5)
#   BENCH_GROUPED_REPS  timed runs of the GROUP BY segment / month queries
#                  (default: BENCH_REPS, at most 3; each takes seconds at
#                  10M rows, and their runs agree within about 1%)
#   BENCH_ENGINES  any of sqlite, pg and duckdb (default: all three, DuckDB
#                  where scripts/duckdb.sh can fetch it, else the run says
#                  it is left out)
#   BENCH_STRICT   1: exit non-zero when a target is missed (default: report only)
#
# Each comparison group's queries run in turn, run after run, so drift hits
# them alike; the table shows the median and the range of the runs and the
# ratio of medians to the group's first query.  The answers are checked
# against counts the generator computes itself: a wrong answer always fails.
# Writes build/bench/results.csv, targets.csv, memory.csv, chart.svg and
# chart.png (build/bench/rows-N/ for a size other than the default; the SQLite
# and DuckDB databases of each size stay in build/bench for the next run); bench/queries.txt holds the queries, bench/pg.sh the PostgreSQL
# half, bench/report.sh the checks, the table and the targets.  DuckDB runs
# serial (threads = 1) but in its group "threads", which compares 1 and 2.
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${BENCH_ROWS:-10000000}
reps=${BENCH_REPS:-5}
if [ -z "${BENCH_ENGINES:-}" ]; then
    engines="sqlite pg"
    if duckdb_missing=$(scripts/duckdb.sh can); then
        engines="$engines duckdb"
    else
        echo "bench: DuckDB left out, $duckdb_missing"
    fi
else
    engines=$BENCH_ENGINES
fi
strict=${BENCH_STRICT:-0}
out=build/bench
ext=build/nps.so

# Stop with a message.
die() {
    echo "bench: $*" >&2
    exit 1
}
case "$rows" in '' | *[!0-9]*) die "BENCH_ROWS must be a whole number, not '$rows'" ;; esac
case "$reps" in '' | *[!0-9]*) die "BENCH_REPS must be a whole number, not '$reps'" ;; esac
[ "$rows" -ge 1000 ] || die "BENCH_ROWS must be at least 1000"
[ "$rows" -le 1000000000 ] || die "BENCH_ROWS must be at most 1000000000"
[ "$reps" -ge 1 ] || die "BENCH_REPS must be at least 1"
grouped_reps=${BENCH_GROUPED_REPS:-$((reps < 3 ? reps : 3))}
case "$grouped_reps" in '' | *[!0-9]*) die "BENCH_GROUPED_REPS must be a whole number, not '$grouped_reps'" ;; esac
[ "$grouped_reps" -ge 1 ] || die "BENCH_GROUPED_REPS must be at least 1"
use_sqlite=0
use_pg=0
use_duckdb=0
for e in $engines; do
    case "$e" in
    sqlite) use_sqlite=1 ;;
    pg) use_pg=1 ;;
    duckdb) use_duckdb=1 ;;
    *) die "BENCH_ENGINES: unknown engine '$e' (known: sqlite pg duckdb)" ;;
    esac
done

win=$((rows < 1000000 ? rows : 1000000))             # rows of the sliding-window queries
groups=$((rows / 10 < 1000000 ? rows / 10 : 1000000)) # groups of the memory test
# What a run measured goes to build/bench at the default size, and to
# build/bench/rows-N otherwise, so a quick run never replaces the real one.
res=$out
[ "$rows" -eq 10000000 ] || res=$out/rows-$rows
start=$(date +%s)

# Start a timed step of the progress lines; done_step ends it.
step() {
    printf '  %-44s' "$1"
    SECONDS=0
}
done_step() {
    echo " ${SECONDS} s"
}

# --- packages and builds ----------------------------------------------------
deps=(build sqlite bench)
[ "$use_pg" -eq 1 ] && deps+=(pg)
scripts/deps.sh "${deps[@]}"
make --no-print-directory -s "$ext"
if [ "$use_duckdb" -eq 1 ]; then
    make --no-print-directory -s duckdb || die "building the DuckDB extension failed (make duckdb)"
fi
mkdir -p "$out" "$res"
cflags=(-std=c11 -Wall -Wextra -Werror -O2)
if [ ! -x "$out/gen" ] || [ bench/gen.c -nt "$out/gen" ]; then
    ${CC:-cc} "${cflags[@]}" -o "$out/gen" bench/gen.c
fi
# sizeof(nps_state) of the core: the state each group keeps in memory.
printf '#include <stdio.h>\n#include "nps.h"\nint main(void)\n{\n    printf("%%zu\\n", sizeof(nps_state));\n    return 0;\n}\n' >"$out/state_size.c"
${CC:-cc} "${cflags[@]}" -Icore -Ibuild -o "$out/state_size" "$out/state_size.c"
core_state_bytes=$("$out/state_size")

venv_opts=(-t -i "--locale=C --encoding=UTF8" -o "shared_buffers=2GB")
if [ "$use_pg" -eq 1 ]; then
    command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found: apt-get install postgresql-common"
    make --no-print-directory -s pg >/dev/null || die "building pg-ext failed (make pg)"
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing the PostgreSQL extension into $(${PG_CONFIG:-pg_config} --pkglibdir) and $(${PG_CONFIG:-pg_config} --sharedir)/extension (root: system-wide)"
        make --no-print-directory -s -C pg-ext install >/dev/null || die "make -C pg-ext install failed"
    elif grep -q extension_destdir "$(${PG_CONFIG:-pg_config} --sharedir)/postgresql.conf.sample" 2>/dev/null; then
        rm -rf "$out/pg-install"
        echo "installing the PostgreSQL extension into $out/pg-install, the benchmark server's extension_destdir (not root)"
        make --no-print-directory -s -C pg-ext install DESTDIR="$PWD/$out/pg-install" >/dev/null ||
            die "make -C pg-ext install DESTDIR=... failed"
        venv_opts+=(-o "extension_destdir=$PWD/$out/pg-install")
    else
        die "this PostgreSQL cannot load an extension from a temporary directory; run: sudo make -C pg-ext install, then as root: bench/run.sh"
    fi
fi

# The answers every engine must give, computed by the generator: the number
# of NULL scores and the count of each score 0..10, then the same for
# csat_score (1..5) and ces_score (1..7).
read -r -a counts <<<"$("$out/gen" "$rows" --counts)"

# --- the timed script of one engine, from bench/queries.txt -------------------
# Write the engine's timed script: per group, every run of every query in turn.
# On PostgreSQL a group with needs lines runs only where the extension has
# every function they name; otherwise its place in the output says it was
# skipped (a line "bench: skipped ...").
timed_script() { # engine
    awk -F'|' -v engine="$1" -v reps="$reps" -v grouped_reps="$grouped_reps" -v win="$win" '
        $1 == "needs" && NF == 3 { if ($2 in needs) needs[$2] = needs[$2] " " $3; else needs[$2] = $3; next }
        /^#/ || NF < 6 { next }
        $1 == engine || $1 == "both" {
            if (!($2 in seen)) { seen[$2] = 1; order[++ng] = $2 }
            k = ++nq[$2]; name[$2, k] = $3; setup[$2, k] = $5
            sql = $6; for (i = 7; i <= NF; i++) sql = sql "|" $i
            gsub(/@WIN@/, win, sql); query[$2, k] = sql
        }
        END {
            echo = engine == "pg" ? "\\echo" : ".print"
            if (engine == "pg") {
                print "SET jit = off;"
                print "SET max_parallel_workers_per_gather = 0;"
                print "\\timing on"
            } else {
                if (engine == "duckdb") print "SET threads = 1;"
                print ".timer on"
            }
            # Which needed functions the extension has, as psql booleans
            # (untimed: before the first query marker).
            if (engine == "pg")
                for (g = 1; g <= ng; g++) {
                    grp = order[g]
                    if (!(grp in needs)) continue
                    nf = split(needs[grp], fn, " "); cond = ""
                    for (i = 1; i <= nf; i++)
                        cond = cond (i > 1 ? " AND " : "") "EXISTS (SELECT 1 FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = '\''e'\'' JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = '\''nps'\'' WHERE p.proname = '\''" fn[i] "'\'')"
                    print "SELECT " cond " AS has_" grp " \\gset"
                }
            for (g = 1; g <= ng; g++) {
                grp = order[g]
                guarded = engine == "pg" && (grp in needs)
                if (guarded) print "\\if :has_" grp
                if (grp == "parallel")
                    print "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
                runs = grp == "segment" || grp == "month" ? grouped_reps : reps
                for (r = 1; r <= runs; r++)
                    for (k = 1; k <= nq[grp]; k++) {
                        if (setup[grp, k] != "") print setup[grp, k] ";"
                        print echo " @@ " grp " " name[grp, k] " " r
                        print query[grp, k] ";"
                    }
                if (grp == "parallel")
                    print "RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size; SET max_parallel_workers_per_gather = 0;"
                if (guarded) {
                    print "\\else"
                    nf = split(needs[grp], fn, " "); missing = ""
                    for (i = 1; i <= nf; i++) missing = missing (i > 1 ? ", " : "") fn[i] "()"
                    print "\\echo bench: skipped group " grp " on PostgreSQL: the extension lacks " (nf > 1 ? "one of " : "") missing
                    print "\\endif"
                }
                if (grp == "threads")
                    print "SET threads = 1;"
            }
        }' bench/queries.txt
}

# Turn an engine's output into "engine group name run ms value" lines: a
# marker line "@@ group name run", the query's one row, then its time (the
# sqlite3 shell's and build/duckdb/shell's "Run Time: real S", psql's "Time: MS ms").
parse_timed() { # engine < output
    awk -v engine="$1" '
        /^@@ / { g = $2; n = $3; r = $4; want = 1; val = ""; next }
        want && /^Run Time: real / { printf "%s\t%s\t%s\t%s\t%.3f\t%s\n", engine, g, n, r, $4 * 1000, val; want = 0; next }
        want && /^Time: / { printf "%s\t%s\t%s\t%s\t%.3f\t%s\n", engine, g, n, r, $2, val; want = 0; next }
        want { val = val == "" ? $0 : val " " $0 }'
}

echo "nps benchmark: $rows rows; $reps timed runs per query ($grouped_reps for GROUP BY segment / month); window over $win rows; memory with $groups groups"
rm -f "$res"/pg.out "$res"/pg.memory "$res"/pg.info "$res"/pg.log "$res"/pg.sql
: >"$res/raw.tsv"
: >"$res/memory.tsv"
: >"$res/sizes.tsv"
printf 'core\tstate_in_memory\t%s\n' "$core_state_bytes" >>"$res/sizes.tsv"

# --- SQLite -------------------------------------------------------------------
if [ "$use_sqlite" -eq 1 ]; then
    db=$out/sqlite-$rows.db
    sqlite=(sqlite3 -batch -bail)
    if [ ! -f "$db" ] || [ "$out/gen" -nt "$db" ]; then
        step "sqlite: loading $rows rows"
        rm -f "$db" "$db.tmp"
        "${sqlite[@]}" "$db.tmp" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT NOT NULL, segment TEXT NOT NULL, region TEXT NOT NULL, score INTEGER, csat_score INTEGER, ces_score INTEGER);
.import --csv '|$out/gen $rows' t
UPDATE t SET score = NULL WHERE score = '';
UPDATE t SET csat_score = NULL WHERE csat_score = '';
UPDATE t SET ces_score = NULL WHERE ces_score = '';
SQL
        mv "$db.tmp" "$db"
        done_step
    else
        echo "  sqlite: reusing $db"
    fi
    step "sqlite: daily rollup of 2024"
    "${sqlite[@]}" "$db" <<SQL
.load ./$ext
DROP TABLE IF EXISTS daily;
CREATE TABLE daily AS
    SELECT day, segment, nps_state(score) AS st FROM t WHERE day >= '2024-01-01' GROUP BY day, segment;
SQL
    done_step

    step "sqlite: timed queries"
    {
        printf '.load ./%s\n' "$ext"
        echo "SELECT count(*) FROM t;"
        echo "SELECT count(score) FROM t;"
        timed_script sqlite
    } >"$res/sqlite.sql"
    "${sqlite[@]}" "$db" <"$res/sqlite.sql" >"$res/sqlite.out"
    parse_timed sqlite <"$res/sqlite.out" >>"$res/raw.tsv"
    done_step

    # Peak memory (sqlite3_status SQLITE_STATUS_MEMORY_USED, the shell's
    # ".stats" "Memory Used ... (max N)") of a GROUP BY with $groups groups at
    # 5 and at 10 rows per group; one process per query, so each peak is its own.
    step "sqlite: memory of $groups groups"
    for per in 5 10; do
        for fn in count nps; do
            peak=$("${sqlite[@]}" "$db" <<SQL | sed -n 's/^Memory Used: *[0-9]* (max \([0-9]*\)) bytes.*/\1/p' | tail -1
.load ./$ext
.stats on
SELECT count(*), sum(x) FROM (SELECT id % $groups AS g, $fn(score) AS x FROM t WHERE id <= $((groups * per)) GROUP BY g);
SQL
            )
            [ -n "$peak" ] || die "sqlite: no 'Memory Used' line from .stats"
            printf 'sqlite %s %s %s %s -\n' "$fn" "$groups" "$((groups * per))" "$peak" >>"$res/memory.tsv"
        done
    done
    printf 'sqlite\tstate_stored\t%s\n' \
        "$("${sqlite[@]}" "$db" ".load ./$ext" "SELECT length(nps_state(score)) FROM t WHERE id <= 1000;")" >>"$res/sizes.tsv"
    done_step
fi

# --- DuckDB -------------------------------------------------------------------------
# Through build/duckdb/shell (the sqlite3 shell's conventions: .timer, .print),
# into a database file of its own; the rows stream from the generator through
# a named pipe into read_csv.  The scores are SMALLINT, as in PostgreSQL.
if [ "$use_duckdb" -eq 1 ]; then
    ddb=$out/duckdb-$rows.db
    duckdb=(build/duckdb/shell -bail)
    if [ ! -f "$ddb" ] || [ "$out/gen" -nt "$ddb" ]; then
        step "duckdb: loading $rows rows"
        rm -f "$ddb" "$ddb.tmp" "$ddb.tmp.wal" "$out/rows.fifo"
        mkfifo "$out/rows.fifo"
        "$out/gen" "$rows" >"$out/rows.fifo" &
        "${duckdb[@]}" "$ddb.tmp" >/dev/null <<SQL
CREATE TABLE t AS SELECT * FROM read_csv('$out/rows.fifo', header = false,
    columns = {'id': 'INTEGER', 'day': 'DATE', 'segment': 'VARCHAR', 'region': 'VARCHAR', 'score': 'SMALLINT',
               'csat_score': 'SMALLINT', 'ces_score': 'SMALLINT'});
SQL
        wait
        rm -f "$out/rows.fifo"
        mv "$ddb.tmp" "$ddb"
        done_step
    else
        echo "  duckdb: reusing $ddb"
    fi
    step "duckdb: daily rollup of 2024"
    "${duckdb[@]}" "$ddb" >/dev/null <<SQL
LOAD '$PWD/build/nps.duckdb_extension';
CREATE OR REPLACE TABLE daily AS
    SELECT day, segment, nps_state(score) AS st FROM t WHERE day >= DATE '2024-01-01' GROUP BY day, segment;
SQL
    done_step

    step "duckdb: timed queries"
    {
        printf "LOAD '%s';\n" "$PWD/build/nps.duckdb_extension"
        echo "SELECT count(*) FROM t;"
        echo "SELECT count(score) FROM t;"
        timed_script duckdb
    } >"$res/duckdb.sql"
    "${duckdb[@]}" "$ddb" <"$res/duckdb.sql" >"$res/duckdb.out"
    parse_timed duckdb <"$res/duckdb.out" >>"$res/raw.tsv"
    printf 'duckdb\tversion\t%s\n' \
        "$("${duckdb[@]}" "$ddb" <<<"SELECT library_version FROM pragma_version();")" >>"$res/sizes.tsv"
    done_step
fi

# --- PostgreSQL -----------------------------------------------------------------
if [ "$use_pg" -eq 1 ]; then
    timed_script pg >"$res/pg.sql"
    export PGCLIENTENCODING=UTF8
    if ! pg_virtualenv "${venv_opts[@]}" bench/pg.sh "$res" "$rows" "$groups" "$res/pg.sql" >"$res/pg.log" 2>&1; then
        cat "$res/pg.log" >&2
        die "the PostgreSQL part failed"
    fi
    grep -E '^  postgresql:' "$res/pg.log" || true
    grep -E '^bench: skipped' "$res/pg.out" | sed 's/^/  /' || true
    parse_timed pg <"$res/pg.out" >>"$res/raw.tsv"
    cat "$res/pg.memory" >>"$res/memory.tsv"
    printf 'pg\tstate_stored\t%s\n' "$(awk '$1 == "state_bytes" { print $2 }' "$res/pg.info")" >>"$res/sizes.tsv"
fi

# --- answers, table, targets, chart -----------------------------------------------
status=0
bench/report.sh "$res" "$rows" "$reps" "$win" "$groups" "$strict" "${counts[*]}" || status=$?
echo "bench: done in $(($(date +%s) - start)) s"
exit "$status"
