#!/usr/bin/env bash
# The programme benchmark: every view of sql/programme/ and the README's
# programme queries, timed in SQLite and PostgreSQL on generated programmes
# of several sizes (bench/programme/gen.c, the demo's shape), with growth
# factors from one size to the next; and writing new responses with the
# detractor alert off and on.  Run from anywhere:
#
#   bench/programme/run.sh                          the default sizes
#   PROG_SIZES="1000 5000" PROG_INSERTS=2000 PROG_REPS=1 bench/programme/run.sh
#
#   PROG_SIZES    nominal responses of each programme, smallest first
#                 (default "20000 200000 2000000"; each has 5/2 as many
#                 invitations and 3/4 as many contacts: 2,000,000 is 2M
#                 responses, 5M invitations, 1.5M contacts)
#   PROG_REPS     timed runs of each query, the median is reported (default 3)
#   PROG_INSERTS  new responses written by the write test (default 100000,
#                 a fifth of them detractors)
#   PROG_ENGINES  "sqlite pg" (default), "sqlite" or "pg"
#   PROG_STRICT   1: exit non-zero when a target is missed (default: report only)
#   PROG_PROGRAMME  the folder of the programme's scripts, sqlite.sql and
#                 pg.sql (default sql/programme; another version's, to
#                 compare against)
#   PROG_OUT      where the results go (default build/bench-programme)
#   PROG_CACHE    where the generated data and SQLite databases stay between
#                 runs (default build/bench-programme/cache; a database is
#                 rebuilt when the generator or the programme script changes)
#
# The queries are bench/programme/queries.txt; bench/programme/report.py
# checks that both engines gave the same answers and prints the table.
# Writes build/bench-programme/results.csv and targets.csv.
set -euo pipefail
cd "$(dirname "$0")/../.."

sizes=${PROG_SIZES:-20000 200000 2000000}
reps=${PROG_REPS:-3}
inserts=${PROG_INSERTS:-100000}
engines=${PROG_ENGINES:-sqlite pg}
strict=${PROG_STRICT:-0}
programme=${PROG_PROGRAMME:-sql/programme}
out=${PROG_OUT:-build/bench-programme}
cache=${PROG_CACHE:-build/bench-programme/cache}
ext=build/nps.so
here=bench/programme

die() {
    echo "bench-programme: $*" >&2
    exit 1
}
prev=0
for s in $sizes; do
    case "$s" in '' | *[!0-9]*) die "PROG_SIZES must be whole numbers, not '$s'" ;; esac
    [ "$s" -ge 100 ] || die "PROG_SIZES: each size must be at least 100"
    [ "$s" -gt "$prev" ] || die "PROG_SIZES must grow from one size to the next"
    prev=$s
done
case "$reps" in '' | *[!0-9]* | 0) die "PROG_REPS must be a whole number of at least 1" ;; esac
case "$inserts" in '' | *[!0-9]*) die "PROG_INSERTS must be a whole number" ;; esac
[ "$inserts" -ge 5 ] || die "PROG_INSERTS must be at least 5"
use_sqlite=0
use_pg=0
for e in $engines; do
    case "$e" in
    sqlite) use_sqlite=1 ;;
    pg) use_pg=1 ;;
    *) die "PROG_ENGINES: unknown engine '$e' (known: sqlite pg)" ;;
    esac
done

start=$(date +%s)
step() {
    printf '  %-52s' "$1"
    SECONDS=0
}
done_step() {
    echo " ${SECONDS} s"
}

# --- packages and builds --------------------------------------------------------
deps=(build sqlite bench)
[ "$use_pg" -eq 1 ] && deps+=(pg)
scripts/deps.sh "${deps[@]}"
make --no-print-directory -s "$ext"
mkdir -p "$out" "$cache"
gen=$out/gen
if [ ! -x "$gen" ] || [ $here/gen.c -nt "$gen" ] || [ demo/model.h -nt "$gen" ]; then
    ${CC:-cc} -std=c11 -Wall -Wextra -Werror -O2 -o "$gen" $here/gen.c
fi
if [ "$use_pg" -eq 1 ]; then
    command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found: apt-get install postgresql-common"
    make --no-print-directory -s pg >/dev/null || die "building pg-ext failed (make pg)"
    # An install of its own that the server reads first (Debian's
    # extension_destdir), even as root: a run takes long, and another
    # checkout's system-wide install meanwhile must not change what it times.
    rm -rf "$out/pg-install"
    if grep -q extension_destdir "$(${PG_CONFIG:-pg_config} --sharedir)/postgresql.conf.sample" 2>/dev/null; then
        echo "installing the PostgreSQL extension into $out/pg-install, the benchmark server's extension_destdir"
        make --no-print-directory -s -C pg-ext install DESTDIR="$PWD/$out/pg-install" >/dev/null ||
            die "make -C pg-ext install DESTDIR=... failed"
    elif [ "$(id -u)" -eq 0 ]; then
        echo "installing the PostgreSQL extension into $(${PG_CONFIG:-pg_config} --pkglibdir) and $(${PG_CONFIG:-pg_config} --sharedir)/extension (root: system-wide)"
        make --no-print-directory -s -C pg-ext install >/dev/null || die "make -C pg-ext install failed"
    else
        die "this PostgreSQL cannot load an extension from a temporary directory; run: sudo make -C pg-ext install, then as root: bench/programme/run.sh"
    fi
fi

# A digest of files, to know when something cached is out of date.
digest() {
    cat "$@" | md5sum | cut -c1-12
}

# --- the generated programmes -------------------------------------------------------
gen_digest=$(digest $here/gen.c demo/model.h)
declare -A data
for s in $sizes; do
    d=$cache/data-$s-$inserts
    if [ "$(cat "$d/stamp" 2>/dev/null)" != "$gen_digest" ]; then
        step "generating a programme of $s responses"
        rm -rf "$d"
        mkdir -p "$d"
        "$gen" "$s" "$d" "$inserts" >"$d/counts"
        echo "$gen_digest" >"$d/stamp"
        done_step
    fi
    data[$s]=$d
done

# --- the timed script of one engine and size ---------------------------------------------
# Per run, every query of queries.txt in turn (so that drift hits them
# alike), then the write test: the new responses written in one INSERT and
# committed, alert off and on, in turn; each run's rows are deleted again,
# untimed.  Last, once, the rebuild of the maintained tables.  A marker
# "@@ name run" starts what is timed, "@@ end" ends it.
timed_script() { # engine
    local engine=$1 echo timer_on timer_off
    if [ "$engine" = pg ]; then
        echo='\echo'
        timer_on='\timing on'
        timer_off='\timing off'
        echo "SET jit = off;"
        echo '\pset footer off'
    else
        echo='.print'
        timer_on='.timer on'
        timer_off='.timer off'
        printf '.load ./%s\n' "$ext"
        echo ".headers off"
        echo ".mode list"
    fi
    for ((r = 1; r <= reps; r++)); do
        # (the meta-commands through the environment: awk -v would read \t as a tab)
        ECHO=$echo ON=$timer_on OFF=$timer_off awk -F'|' -v engine="$engine" -v r="$r" '
            /^#/ || NF < 4 { next }
            { e = $1; once = sub(/\*$/, "", e) }
            once && r > 1 { next }
            e == engine || e == "both" {
                sql = $4; for (i = 5; i <= NF; i++) sql = sql "|" $i
                print ENVIRON["ECHO"] " @@ " $2 " " r; print ENVIRON["ON"]; print sql ";"
                print ENVIRON["OFF"]; print ENVIRON["ECHO"] " @@ end"
            }' $here/queries.txt
        for alert in off on; do
            echo "BEGIN;"
            if [ "$alert" = on ]; then echo "SELECT nps_alert_on('nps_responses', 'score');"; fi
            echo "$echo @@ write_alert_$alert $r"
            echo "$timer_on"
            echo "INSERT INTO nps_responses (contact_id, responded_at, campaign, channel, score, comment, lang)"
            echo "SELECT contact_id, responded_at, campaign, channel, score, comment, lang FROM bench_new ORDER BY n;"
            echo "COMMIT;"
            echo "$timer_off"
            echo "$echo @@ end"
            echo "BEGIN;"
            if [ "$alert" = on ]; then echo "SELECT nps_alert_off('nps_responses');"; fi
            echo "DELETE FROM nps_followups WHERE id > (SELECT followups FROM bench_last);"
            echo "DELETE FROM nps_responses WHERE id > (SELECT responses FROM bench_last);"
            if [ "$engine" = sqlite ]; then echo "DROP TABLE IF EXISTS nps_alert;"; fi
            echo "COMMIT;"
            if [ "$engine" = pg ]; then echo "VACUUM nps_responses, nps_followups;"; fi
        done
    done
    # Last, once: every maintained table rebuilt from scratch (a programme
    # without them, of an older version, has nothing to rebuild).
    if grep -q nps_rebuild "$programme/$engine.sql"; then
        echo "$echo @@ rebuild 1"
        echo "$timer_on"
        echo "INSERT INTO nps_rebuild DEFAULT VALUES;"
        echo "$timer_off"
        echo "$echo @@ end"
    fi
}

# Turn an engine's output into "engine size name run ms rows digest" lines:
# the times of everything between a marker and "@@ end" added up, and the
# rows it printed (numbers to 9 significant digits, so that both engines'
# printing of a double compares: PostgreSQL prints 6527047000 where SQLite
# prints 6527047000.0) counted and digested in sorted order (a
# query without ORDER BY may return its rows in another order).
parse_timed() { # engine size < output
    python3 -c '
import hashlib, re, sys
engine, size = sys.argv[1], sys.argv[2]
num = re.compile(r"^-?[0-9]+\.[0-9]*(e[-+]?[0-9]+)?$|^-?[0-9]+e[-+]?[0-9]+$|^-?[0-9]{10,}$")
def norm(line):
    return "|".join("%.9g" % float(f) if num.match(f) else f for f in line.split("|"))
name = None
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.startswith("@@ "):
        parts = line.split()
        if parts[1] == "end":
            print("\t".join([engine, size, name, run, "%.3f" % ms, str(len(rows)),
                             hashlib.md5("\n".join(sorted(rows)).encode()).hexdigest()[:12]]))
            name = None
        else:
            name, run, ms, rows = parts[1], parts[2], 0.0, []
        continue
    if name is None:
        continue
    m = re.match(r"^Run Time: real ([0-9.]+)", line)
    if m:
        ms += float(m.group(1)) * 1000
        continue
    m = re.match(r"^Time: ([0-9.]+) ms", line)
    if m:
        ms += float(m.group(1))
        continue
    rows.append(norm(line))
' "$1" "$2"
}

echo "programme benchmark: sizes $sizes (responses); $reps timed runs per query; $inserts new responses per write"
: >"$out/raw.tsv"
: >"$out/loads.tsv"

# --- SQLite ------------------------------------------------------------------------
if [ "$use_sqlite" -eq 1 ]; then
    db_digest=$(digest $here/gen.c demo/model.h "$programme/sqlite.sql" $here/load-sqlite.sql "$ext")
    for s in $sizes; do
        db=$cache/sqlite-$s-$inserts.db
        if [ "$(cat "$db.stamp" 2>/dev/null)" != "$db_digest" ]; then
            step "sqlite: loading the programme of $s"
            rm -f "$db" "$db.tmp" "$db.stamp"
            sed -e "s|@DATA@|${data[$s]}|g" -e "s|@EXT@|./$ext|g" -e "s|@PROGRAMME@|$programme|g" \
                $here/load-sqlite.sql |
                sqlite3 -batch -bail "$db.tmp" >"$out/sqlite-load-$s.log"
            mv "$db.tmp" "$db"
            echo "$db_digest" >"$db.stamp"
            printf 'sqlite\t%s\t%s\n' "$s" "$SECONDS" >"$db.loadtime"
            done_step
        else
            echo "  sqlite: reusing $db"
        fi
        cat "$db.loadtime" >>"$out/loads.tsv"
        step "sqlite: timed queries, $s"
        timed_script sqlite >"$out/sqlite-$s.sql"
        sqlite3 -batch -bail "$db" <"$out/sqlite-$s.sql" >"$out/sqlite-$s.out" 2>&1 ||
            { tail -5 "$out/sqlite-$s.out" >&2; die "sqlite: the timed queries failed ($out/sqlite-$s.out)"; }
        parse_timed sqlite "$s" <"$out/sqlite-$s.out" >>"$out/raw.tsv"
        done_step
    done
fi

# --- PostgreSQL ----------------------------------------------------------------------
if [ "$use_pg" -eq 1 ]; then
    for s in $sizes; do
        timed_script pg >"$out/pg-$s.sql"
        sed -e "s|@DATA@|$PWD/${data[$s]}|g" -e "s|@PROGRAMME@|$programme|g" $here/load-pg.sql \
            >"$out/pg-load-$s.sql"
    done
    venv_opts=(-t -i "--locale=C --encoding=UTF8" -o "shared_buffers=1GB" -o "max_wal_size=4GB")
    [ -d "$out/pg-install" ] && venv_opts+=(-o "extension_destdir=$PWD/$out/pg-install")
    export PGCLIENTENCODING=UTF8
    if ! pg_virtualenv "${venv_opts[@]}" $here/pg.sh "$out" $sizes >"$out/pg.log" 2>&1; then
        cat "$out/pg.log" >&2
        die "the PostgreSQL part failed"
    fi
    grep -E '^  postgresql:' "$out/pg.log" || true
    for s in $sizes; do
        parse_timed pg "$s" <"$out/pg-$s.out" >>"$out/raw.tsv"
    done
fi

status=0
python3 $here/report.py "$out" "$strict" "$sizes" || status=$?
echo "bench-programme: done in $(($(date +%s) - start)) s"
exit "$status"
