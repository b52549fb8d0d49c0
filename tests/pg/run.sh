#!/usr/bin/env bash
# The PostgreSQL suite: pg_regress (tests/pg/sql/*.sql diffed against
# tests/pg/expected/*.out, the list in pg-ext/Makefile) against a throw-away
# server started by tests/pg/with_server.sh.  Conventions: tests/README.md.
#
# Usage: tests/pg/run.sh               the suite (after the self-test)
#        tests/pg/run.sh --self-test   only the self-test: regress_results
#                                      on what pg_regress prints, in the
#                                      forms of PostgreSQL 15 and of 16+
# PG_CONFIG=path/to/pg_config runs it with another installed major
# (tests/pg/with_server.sh).
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2

# regress_results LOG: the lines of LOG that give a test's result, then a
# last line "PASSED FAILED" that counts them.  pg_regress prints
#   up to PostgreSQL 15, one line a test, serial or in a parallel group:
#     test setup                        ... ok           93 ms
#          errors                       ... FAILED       40 ms
#     and "... failed (ignored)" for a failure it was told to ignore;
#   from PostgreSQL 16, TAP:
#     ok 1         - setup                                      93 ms
#     not ok 4     + errors                                     40 ms
#     where an "ok" line that ends in "# SKIP ..." is a test not run.
# An ignored failure and a skipped test count neither as passed nor failed.
regress_results() {
    awk '
        /^(test +| +)[^ ]+ +\.\.\. ok( |$)/ { print; p++; next }
        /^(test +| +)[^ ]+ +\.\.\. FAILED( |$)/ { print; f++; next }
        /^(test +| +)[^ ]+ +\.\.\. failed \(ignored\)/ { print; next }
        /^ok [0-9]+ .*# SKIP/ { print; next }
        /^ok [0-9]+ / { print; p++; next }
        /^not ok [0-9]+ / { print; f++; next }
        END { print p + 0, f + 0 }
    ' "$1"
}

# counted NAME LOG WANT: a test of regress_results: LOG counts as WANT.
counted() {
    local got
    got=$(regress_results "$2" | tail -n 1)
    if [ "$got" = "$3" ]; then
        report "$1: $got (passed failed)"
    else
        report "$1" "counted $got (passed failed), not $3"
    fi
}

# The self-test: what pg_regress printed, each form with its counts.  The
# PostgreSQL 15 lines are a run of this suite with results changed; the 16+
# lines follow the format of pg_regress.c (test_status_print: "%sok %-5i%*s
# %c %-*s %8.0f ms", the test name padded to 36).
self_test() {
    local sample=$tmp/sample
    cat >"$sample" <<'EOF'
============== running regression test queries        ==============
test setup                        ... ok           93 ms
test state                        ... FAILED       47 ms
parallel group (3 tests):  aggregates errors grouping
     aggregates                   ... ok           81 ms
     errors                       ... FAILED       40 ms
     grouping                     ... failed (ignored)       82 ms
test windows                      ... ok          191 ms

=======================
 2 of 6 tests failed, 1 of these failures ignored. 
=======================
EOF
    counted "pg_regress results as PostgreSQL 15 prints them" "$sample" "3 2"
    cat >"$sample" <<'EOF'
# using postmaster on localhost, port 5432
ok 1         - setup                                      93 ms
not ok 2     - state                                      47 ms
# parallel group (3 tests):  aggregates errors grouping
ok 3         + aggregates                                 81 ms
not ok 4     + errors                                     40 ms
ok 5         + grouping                                   82 ms
ok 6         - windows                                   191 ms # SKIP no server
ok 10        - upgrade                                    53 ms
1..7
# 2 of 7 tests failed.
# The differences that caused some tests to fail can be viewed in the file "/tmp/regression.diffs".
EOF
    counted "pg_regress results as PostgreSQL 16 and later print them (TAP)" "$sample" "4 2"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "${1:-}" = --self-test ]; then
    self_test
    finish
    exit
fi
# The counting must hold before a run is counted with it.
if ! (self_test && finish) >"$tmp/self-test.log"; then
    echo "tests/pg/run.sh: the counting of pg_regress results fails its self-test:" >&2
    cat "$tmp/self-test.log" >&2
    exit 2
fi

status=0
tests/pg/with_server.sh make --no-print-directory -C pg-ext installcheck >"$tmp/log" 2>&1 || status=$?
regress_results "$tmp/log" >"$tmp/results"
sed '$d' "$tmp/results"
# shellcheck disable=SC2046 # two numbers
add_run "pg_regress" $(tail -n 1 "$tmp/results") "$status" "$tmp/log"
if [ "$failed" -ne 0 ] && [ -f pg-ext/regression.diffs ]; then
    cat pg-ext/regression.diffs
fi
finish
