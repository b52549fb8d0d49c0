#!/usr/bin/env bash
# The clients suite: every snippet of the README's "Using nps from Python,
# ODBC, JDBC and Node", taken from README.md (tests/clients/snippets.py
# extract: the code block under each "<!-- clients: ENGINE NAME -->" marker
# and the output block under it), run with the real clients and drivers of
# Debian 12 (scripts/deps.sh clients), what it prints diffed against the
# output the README shows.  Also:
#   - every output block of the section carries the figures worked out by
#     hand from the section's data (snippets.py check: textbook formulas,
#     no extension), so that README, code and arithmetic agree;
#   - the JDBC snippets are compiled once with javac;
#   - the better-sqlite3 snippet, documented only (its install compiles
#     SQLite from source where GitHub cannot be reached), passes node --check.
# The SQLite snippets run in a scratch folder holding survey.db (the data)
# and build/nps.so; the PostgreSQL ones in the same folder against a
# throw-away server (tests/pg/with_server.sh) with a database survey: the
# script runs itself as "pg-server DIR" there.  A client that is missing
# fails its snippet: nothing is skipped.
# Conventions (arguments, output): tests/README.md; NPS_TEST_OUT=dir gets
# what each snippet printed as dir/tests/clients/NAME.out.
#
# Usage: tests/clients/run.sh [path/to/nps.so]
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
if [ "${1:-}" != pg-server ]; then
    so=$(sqlite_extension "${1:-}") || exit 2
fi
cd "$root" || exit 2
here=tests/clients
# Debian's python3, whose packages the snippets use (not a python3 of a
# virtual environment or pyenv that comes first on the PATH).
python=/usr/bin/python3
jars=/usr/share/java/sqlite-jdbc.jar:/usr/share/java/postgresql.jar

# run_snippets ENGINE DIR: run DIR/snippets/* of ENGINE in DIR/work, one
# report each.
run_snippets() {
    local engine=$1 dir=$2 kind name out problems
    while read -r kind name; do
        [ "$kind" = "$engine" ] || continue
        out=$dir/out/$name
        case $name in
        *.py) (cd "$dir/work" && "$python" "$dir/snippets/$name") >"$out" 2>&1 ;;
        *.java) (cd "$dir/work" && java -cp "$dir/classes:$jars" "${name%.java}") >"$out" 2>&1 ;;
        *.sql)
            if [ "$engine" = sqlite ]; then
                (cd "$dir/work" && sqlite3 -batch -bail -separator ' ' -cmd '.load ./build/nps' survey.db \
                    <"$dir/snippets/$name") >"$out" 2>&1
            else
                psql -X -q -A -t -F ' ' -v ON_ERROR_STOP=1 -d survey -f "$dir/snippets/$name" >"$out" 2>&1
            fi
            ;;
        *) echo "run.sh: no way to run $name" >"$out" ;;
        esac
        if [ -n "${NPS_TEST_OUT:-}" ]; then
            mkdir -p "$NPS_TEST_OUT/$here" && cp "$out" "$NPS_TEST_OUT/$here/$name.out"
        fi
        problems=()
        difference=$(diff -u "$dir/snippets/$name.expected" "$out") || problems+=("$difference")
        report "$engine $name prints what the README shows" "${problems[@]}"
    done <"$dir/snippets/manifest"
}

if [ "${1:-}" = pg-server ]; then
    # Under tests/pg/with_server.sh: the database, then the snippets.
    dir=$2
    psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS survey' -c 'CREATE DATABASE survey' >/dev/null &&
        psql -X -q -v ON_ERROR_STOP=1 -d survey -c 'CREATE EXTENSION nps' -f "$dir/snippets/survey.sql" \
            >"$dir/out/setup" 2>&1
    status=$?
    problems=()
    [ "$status" -eq 0 ] || problems+=("$(cat "$dir/out/setup")")
    report "pg: the database survey with the README's data" "${problems[@]}"
    [ "$status" -eq 0 ] && run_snippets pg "$dir"
    finish
    exit
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/snippets" "$tmp/work/build" "$tmp/out" "$tmp/classes"

if ! "$python" $here/snippets.py extract README.md "$tmp/snippets" >"$tmp/out/extract" 2>&1; then
    report "README: the snippets of the clients section" "$(cat "$tmp/out/extract")"
    finish
    exit
fi
problems=()
for engine in both sqlite pg doc; do
    grep -q "^$engine " "$tmp/snippets/manifest" || problems+=("no snippet marked $engine")
done
report "README: the snippets of the clients section ($(wc -l <"$tmp/snippets/manifest") blocks)" "${problems[@]}"

# The figures of every output block, against the hand-worked ones.
for expected in "$tmp"/snippets/*.expected; do
    name=$(basename "$expected" .expected)
    problems=()
    check=$("$python" $here/snippets.py check "$tmp/snippets/survey.sql" "$expected" 2>&1) || problems+=("$check")
    report "README: $name shows the figures worked out by hand" "${problems[@]}"
done

# The data in survey.db, beside the extension.
ln -s "$so" "$tmp/work/build/nps.so"
sqlite3 -batch -bail "$tmp/work/survey.db" <"$tmp/snippets/survey.sql" >"$tmp/out/setup" 2>&1
status=$?
problems=()
[ "$status" -eq 0 ] || problems+=("$(cat "$tmp/out/setup")")
report "sqlite: survey.db with the README's data" "${problems[@]}"

# The JDBC snippets, compiled once for both engines.
problems=()
if ! javac -d "$tmp/classes" -cp "$jars" "$tmp"/snippets/*.java >"$tmp/out/javac" 2>&1; then
    problems+=("$(cat "$tmp/out/javac")")
fi
report "javac compiles the JDBC snippets" "${problems[@]}"

run_snippets sqlite "$tmp"

while read -r kind name; do
    [ "$kind" = doc ] || continue
    problems=()
    case $name in
    *.js) node --check "$tmp/snippets/$name" >"$tmp/out/$name" 2>&1 || problems+=("$(cat "$tmp/out/$name")") ;;
    *) problems+=("no check for $name") ;;
    esac
    report "doc $name is well-formed (documented, not run)" "${problems[@]}"
done <"$tmp/snippets/manifest"

# The PostgreSQL snippets, against one throw-away server.
chmod 755 "$tmp"
status=0
tests/pg/with_server.sh "$here/run.sh" pg-server "$tmp" >"$tmp/pg.log" 2>&1 || status=$?
grep -E '^(ok |FAIL|    )' "$tmp/pg.log"
# shellcheck disable=SC2046 # two numbers
add_run "pg" $(closing_counts "$tmp/pg.log") "$status" "$tmp/pg.log"
finish
