# shellcheck shell=bash
# What the run.sh of every SQL suite shares (sourced, never run): the
# conventions of tests/README.md in one place.
#
#   root               the repository's top directory
#   passed, failed     the suite's counts so far
#   sqlite_extension   the SQLite extension a suite loads, from its argument
#   verdict, report    one test's "ok   name" or "FAIL name" line, counted
#   count_lines, closing_counts, add_run
#                      the counts of a run of several tests (pg_regress,
#                      parity.py, a suite's PostgreSQL half), added
#   finish             the closing line "N passed, M failed" and the status

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# tests/pg/with_server.sh says on this descriptor, the suite's stderr, what
# it installs where, though the suite sends its output to a file.
exec 7>&2
export NPS_TELL_FD=7
passed=0
failed=0
if [ -n "${NPS_TEST_OUT:-}" ]; then
    mkdir -p "$NPS_TEST_OUT" && NPS_TEST_OUT=$(cd "$NPS_TEST_OUT" && pwd) && export NPS_TEST_OUT
fi

# The absolute path of the SQLite extension: the given path (relative to the
# directory the suite was started from), or build/nps.so, made when missing
# or out of date.  Exits 2 when there is none.
sqlite_extension() {
    local so=${1:-}
    if [ -z "$so" ]; then
        make --no-print-directory -s -C "$root" build/nps.so >&2 || exit 2
        so=$root/build/nps.so
    fi
    if [ ! -f "$so" ]; then
        echo "$0: no SQLite extension at $so" >&2
        exit 2
    fi
    echo "$(cd "$(dirname "$so")" && pwd)/$(basename "$so")"
}

# report NAME [PROBLEM...]: "ok   NAME" when there is no problem, else
# "FAIL NAME" and each problem indented below it; counted either way.
report() {
    local name=$1
    shift
    if [ $# -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        printf '%s\n' "$@" | sed 's/^/    /'
    fi
}

# verdict NAME EXPECTED ACTUAL [PROBLEM...]: report a test whose output ACTUAL
# must equal the file EXPECTED (a path from the top directory), with any
# other problems found.  With NPS_TEST_OUT=dir, ACTUAL is also copied to
# dir/EXPECTED, to review a change before it becomes the expected output.
verdict() {
    local name=$1 expected=$2 actual=$3 difference
    shift 3
    if [ -n "${NPS_TEST_OUT:-}" ]; then
        mkdir -p "$NPS_TEST_OUT/$(dirname "$expected")"
        cp "$actual" "$NPS_TEST_OUT/$expected"
    fi
    if [ ! -f "$root/$expected" ]; then
        set -- "$@" "missing $expected"
    elif ! difference=$(diff -u "$root/$expected" "$actual"); then
        set -- "$@" "$difference"
    fi
    report "$name" "$@"
}

# count_lines LOG: "PASSED FAILED", the "ok ..." and "FAIL ..." lines of LOG.
count_lines() {
    echo "$(grep -c '^ok ' "$1") $(grep -c '^FAIL ' "$1")"
}

# closing_counts LOG: "PASSED FAILED" from the last closing line in LOG, the
# output of a run that ends as a suite does; "0 0" when it has none.
closing_counts() {
    local p f
    read -r p _ f _ < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
    echo "${p:-0} ${f:-0}"
}

# add_run NAME PASSED FAILED STATUS [LOG]: add the counts of a run of several
# tests that exited with STATUS.  A run that failed without a failed test to
# show for it, or ran no test at all, failed as a whole (its server or its
# harness did): that is one failure more, NAME, with LOG shown under it when
# the caller has not shown it already.
add_run() {
    local name=$1 p=$2 f=$3 status=$4
    if [ "$f" -eq 0 ] && { [ "$status" -ne 0 ] || [ "$p" -eq 0 ]; }; then
        report "$name, as a whole (status $status, $p passed)" \
            "$(if [ -n "${5:-}" ]; then cat "$5"; else echo "(its output is above)"; fi)"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

# The closing line; the status: success when tests ran and none failed.
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}
