#!/usr/bin/env bash
# The DuckDB suite: every tests/duckdb/sql/*.sql through build/duckdb/shell
# (the real libduckdb.so of duckdb-ext/versions.mk) with
# build/nps.duckdb_extension loaded, run in a scratch folder holding a copy
# of tests/duckdb/data/ (the files a script reads, and writes), what it
# prints diffed against tests/duckdb/expected/<name>.out.
# Errors do not stop a script: an error case prints its message and the
# script goes on.  Then three checks of their own:
#   - DuckDB refuses the extension without allow_unsigned_extensions;
#   - the README's DuckDB example, taken from README.md, prints in
#     build/demo what the README shows under it;
#   - the sqlite3 shell gives the same numbers from the demo database the CSV
#     file was exported from.
# Conventions (output, NPS_TEST_OUT): tests/README.md.
#
# Usage: tests/duckdb/run.sh [path/to/nps.duckdb_extension]
#                   (default build/nps.duckdb_extension, made when missing or
#                   out of date)
#   NPS_SANITIZE=1  the extension was built with -fsanitize=address,undefined:
#                   the shell runs with the ASan and UBSan runtimes preloaded,
#                   leak detection on; any report fails the script.
#   NPS_VALGRIND=1  run the shell under valgrind: any error whose stack
#                   passes through the extension fails the script.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2
here=tests/duckdb
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! reason=$(scripts/duckdb.sh can); then
    echo "run.sh: DuckDB cannot be had here: $reason" >&2
    exit 2
fi
make --no-print-directory -s duckdb || exit 2
shell=$root/build/duckdb/shell
ext=$root/build/nps.duckdb_extension
if [ -n "${1:-}" ]; then
    [ -f "$1" ] || { echo "run.sh: no DuckDB extension at $1" >&2; exit 2; }
    ext=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
fi
# The release, from the one file that holds it, for the version tests.
version=$(cat VERSION)

wrap=()
if [ "${NPS_SANITIZE:-0}" = 1 ]; then
    asan=$(gcc -print-file-name=libasan.so)
    ubsan=$(gcc -print-file-name=libubsan.so)
    for lib in "$asan" "$ubsan"; do
        [ -f "$lib" ] || { echo "run.sh: sanitizer runtime $lib not found" >&2; exit 2; }
    done
    # The shell and libduckdb.so are not instrumented, so the runtimes come
    # in by LD_PRELOAD; reports go to files, whose presence fails the script.
    wrap=(env "LD_PRELOAD=$asan $ubsan"
        "ASAN_OPTIONS=detect_leaks=1:exitcode=97:log_path=$tmp/sanitizer"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=97:log_path=$tmp/sanitizer")
fi
if [ "${NPS_VALGRIND:-0}" = 1 ]; then
    command -v valgrind >/dev/null || { echo "run.sh: valgrind not found" >&2; exit 2; }
    # libduckdb.so is not ours: only a report whose stack passes through a
    # file of the extension (duckdb-ext/, core/) counts, memory errors and
    # definite leaks alike.
    wrap=(valgrind -q --leak-check=full --errors-for-leak-kinds=definite --log-file="$tmp/valgrind.%p")
    ours=$(cd duckdb-ext && ls ./*.c; cd ../core && ls ./*.c)
    ours="\\(($(echo $ours | sed 's|\./||g; s|\.c|\\.c|g; s| |\||g')):[0-9]"
fi

for sql in "$here"/sql/*.sql; do
    name=$(basename "$sql" .sql)
    actual=$tmp/$name.out
    rm -rf "$tmp"/valgrind.* "$tmp"/sanitizer* "$tmp/work"
    mkdir "$tmp/work" && cp -r "$here/data" "$tmp/work/"
    (cd "$tmp/work" && "${wrap[@]}" "$shell" -cmd "LOAD '$ext'" \
        -cmd "SET VARIABLE version = '$version'" <"$root/$sql" >"$actual" 2>&1)
    rc=$?
    sed -i "s|$root|ROOT|g; s|$tmp|TMP|g" "$actual"
    problems=()
    # The shell exits 1 when a statement failed (the error cases).
    [ "$rc" -le 1 ] || problems+=("the shell exited with status $rc")
    for log in "$tmp"/sanitizer*; do
        [ -s "$log" ] && problems+=("$(cat "$log")")
    done
    for log in "$tmp"/valgrind.*; do
        [ -s "$log" ] && grep -qE "$ours|nps\.duckdb_extension" "$log" &&
            problems+=("$(cat "$log")")
    done
    verdict "$name" "$here/expected/$name.out" "$actual" "${problems[@]}"
done

# DuckDB loads an unsigned extension only when allowed.
out=$("$shell" -signed -cmd "LOAD '$ext'" </dev/null 2>&1)
if grep -q 'allow_unsigned_extensions' <<<"$out"; then
    report "an unsigned extension is refused by default"
else
    report "an unsigned extension is refused by default" "LOAD printed: $out"
fi

# The README's DuckDB example: the first sql block of its "## DuckDB"
# section, run in build/demo over the demo's CSV export, prints the block
# that follows it.
readme_block() { # n: the n-th fenced block of the section
    awk -v n="$1" '
        /^## / { in_section = ($0 == "## DuckDB") }
        in_section && /^```/ { if (open) { open = 0; if (k == n) exit; next } open = 1; k++; next }
        in_section && open && k == n { print }' README.md
}
make --no-print-directory -s demo >/dev/null || exit 2
readme_block 1 >"$tmp/readme.sql"
readme_block 2 >"$tmp/readme.expected"
problems=()
[ -s "$tmp/readme.sql" ] && [ -s "$tmp/readme.expected" ] || problems+=("no example found in README.md's DuckDB section")
(cd build/demo && "$shell" -bail <"$tmp/readme.sql") >"$tmp/readme.out" 2>&1 ||
    problems+=("the example failed: $(cat "$tmp/readme.out")")
difference=$(diff -u "$tmp/readme.expected" "$tmp/readme.out") || problems+=("$difference")
report "README: the DuckDB example prints what the README shows" "${problems[@]}"

# The same numbers from the SQLite database the CSV file came from, in the
# sqlite3 shell with the SQLite extension, 15 significant digits each.
problems=()
make --no-print-directory -s build/nps.so || exit 2
sqlite3 -batch -separator '|' build/demo/nps_demo.db ".load build/nps" \
    "SELECT region, printf('%.15g', nps(score)), printf('%.15g', nps_moe(score)) FROM responses GROUP BY region ORDER BY region;" \
    >"$tmp/sqlite.out" 2>&1 || problems+=("sqlite3 failed: $(cat "$tmp/sqlite.out")")
tail -n +2 "$tmp/readme.out" | awk -F'|' '{ printf "%s|%.15g|%.15g\n", $1, $2, $3 }' >"$tmp/duckdb.out"
difference=$(diff -u "$tmp/sqlite.out" "$tmp/duckdb.out") || problems+=("$difference")
report "README: SQLite gives the same numbers from the demo database" "${problems[@]}"

finish
