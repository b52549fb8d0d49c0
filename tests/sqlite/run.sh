#!/usr/bin/env bash
# The SQLite suite: every tests/sqlite/sql/*.sql through the real sqlite3
# shell with the extension loaded, what it prints (stdout and stderr, in
# order) diffed against tests/sqlite/expected/<name>.out.  Errors do not stop
# a script (.bail off): an error case prints its message and the script goes
# on.  Conventions (arguments, output, NPS_TEST_OUT): tests/README.md.
#
# Usage: tests/sqlite/run.sh [path/to/nps.so]   (default build/nps.so)
#   NPS_SANITIZE=1  the .so was built with -fsanitize=address,undefined: run
#                   sqlite3 with the ASan and UBSan runtimes preloaded, leak
#                   detection on; any sanitizer report fails the script.
#   NPS_VALGRIND=1  run sqlite3 under valgrind; any memory error or definite
#                   or indirect leak fails the script.
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
so=$(sqlite_extension "${1:-}") || exit 2
cd "$root" || exit 2
here=tests/sqlite
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The release, from the one file that holds it, for the nps_version() test.
version=$(cat VERSION)

command -v sqlite3 >/dev/null || { echo "run.sh: sqlite3 shell not found" >&2; exit 2; }

wrap=()
if [ "${NPS_SANITIZE:-0}" = 1 ]; then
    asan=$(gcc -print-file-name=libasan.so)
    ubsan=$(gcc -print-file-name=libubsan.so)
    for lib in "$asan" "$ubsan"; do
        [ -f "$lib" ] || { echo "run.sh: sanitizer runtime $lib not found" >&2; exit 2; }
    done
    # The shell is not instrumented, so the runtimes come in by LD_PRELOAD
    # (ASan first, as it requires).  Reports go to files: their presence
    # fails the script, whatever the exit status.
    wrap=(env "LD_PRELOAD=$asan $ubsan"
        "ASAN_OPTIONS=detect_leaks=1:exitcode=97:log_path=$tmp/sanitizer"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=97:log_path=$tmp/sanitizer")
fi
if [ "${NPS_VALGRIND:-0}" = 1 ]; then
    command -v valgrind >/dev/null || { echo "run.sh: valgrind not found" >&2; exit 2; }
    wrap=(valgrind -q --leak-check=full --error-exitcode=99
        --errors-for-leak-kinds=definite,indirect --log-file="$tmp/valgrind.%p")
fi

for sql in "$here"/sql/*.sql; do
    name=$(basename "$sql" .sql)
    actual=$tmp/$name.out
    rm -f "$tmp"/sanitizer* "$tmp"/valgrind.*
    "${wrap[@]}" sqlite3 -batch -cmd '.bail off' -cmd ".parameter set @version '$version'" \
        -cmd ".load $so" :memory: <"$sql" >"$actual" 2>&1
    rc=$?
    sed -i "s|$so|NPS_SO|g" "$actual"
    problems=()
    # The shell exits 1 when a statement failed (the error cases); anything
    # else is a crash or a report of the sanitizers or valgrind.
    [ "$rc" -le 1 ] || problems+=("sqlite3 exited with status $rc")
    for log in "$tmp"/sanitizer* "$tmp"/valgrind.*; do
        [ -s "$log" ] && problems+=("$(cat "$log")")
    done
    verdict "$name" "$here/expected/$name.out" "$actual" "${problems[@]}"
done

finish
