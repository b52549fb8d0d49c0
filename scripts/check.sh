#!/usr/bin/env bash
# One suite of make check, summarised: its full output goes to the log, the
# terminal gets one line.
#
# Usage: scripts/check.sh NAME -- COMMAND...   run COMMAND as the suite NAME
#        scripts/check.sh --skip NAME REASON   record a suite that cannot run
#        scripts/check.sh --start              empty the log (make check's start)
#
# CHECK_LOG      the log, by default build/check.log; each suite's output is
#                appended under a line "==== NAME: COMMAND".
# CHECK_VERBOSE  1 (make check V=1): the full output on the terminal as well.
#
# The summary line is
#   NAME        N passed                  S s
#   NAME        passed                    S s    (a suite that prints no count)
#   SKIPPED NAME: REASON
#   FAILED NAME: M of T failed, see LOG line L   (L: where its output starts)
# and, for a failure, the suite's failing lines ("FAIL name" and what is
# indented under it, cmocka's "[  FAILED  ]" and "error:" lines), or else the
# last 40 lines of its output; the status is COMMAND's.
#
# The counts are the sum of the suite's closing lines, "N passed, M failed"
# (tests/README.md), "core: N passed, M failed" (tests/core/runner.c), or,
# where there is none, cmocka's "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s)": a target that runs several suites
# (check-sanitize) counts them all.
#
# While the suite runs, the lines in which a script says what it installs
# where ("installing ...", "creating ...", "fetching ...") reach the
# terminal as they come, each once per make check, before it happens.
set -uo pipefail

log=${CHECK_LOG:-build/check.log}
shown=$log.shown
verbose=${CHECK_VERBOSE:-}
[ "$verbose" = 0 ] && verbose=

usage() {
    echo "usage: scripts/check.sh NAME -- COMMAND... | --skip NAME REASON | --start" >&2
    exit 2
}

mkdir -p "$(dirname "$log")"
case "${1:-}" in
--start)
    : >"$log"
    : >"$shown"
    exit 0
    ;;
--skip)
    [ $# -eq 3 ] || usage
    printf '==== %s: SKIPPED, %s\n' "$2" "$3" >>"$log"
    echo "SKIPPED $2: $3"
    exit 0
    ;;
-* | '') usage ;;
esac
name=$1
shift
[ "${1:-}" = -- ] || usage
shift
[ $# -gt 0 ] || usage
touch "$log" "$shown"

out=$(mktemp)
trap 'rm -f "$out"' EXIT

# The lines that say what is installed where, each once.
pass_installs() {
    local line
    while IFS= read -r line; do
        case $line in
        "installing "* | "creating "* | "fetching "*)
            if ! grep -qxF -- "$line" "$shown"; then
                echo "$line" >>"$shown"
                echo "  $line"
            fi
            ;;
        esac
    done
}

first_line=$(($(wc -l <"$log") + 1))
printf '==== %s: %s\n' "$name" "$*" >>"$log"
start=$(date +%s)
if [ -n "$verbose" ]; then
    "$@" 2>&1 | tee -a "$log" "$out"
    status=${PIPESTATUS[0]}
else
    "$@" 2>&1 | tee -a "$log" "$out" | pass_installs
    status=${PIPESTATUS[0]}
fi
seconds=$(($(date +%s) - start))
printf '==== %s: status %d, %d s\n' "$name" "$status" "$seconds" >>"$log"

# PASSED FAILED COUNTED: the sums of the closing lines (COUNTED: 1 when there was one).
counts() {
    local p=0 f=0 n=0 a b
    while read -r a b; do
        p=$((p + a)) f=$((f + b)) n=1
    done < <(sed -nE 's/^(core: )?([0-9]+) passed, ([0-9]+) failed$/\2 \3/p' "$out")
    if [ "$n" -eq 0 ]; then
        while read -r a; do p=$((p + a)) n=1; done < <(sed -nE 's/^\[  PASSED  \] ([0-9]+) test.*$/\1/p' "$out")
        while read -r a; do f=$((f + a)) n=1; done < <(sed -nE 's/^\[  FAILED  \] ([0-9]+) test.*$/\1/p' "$out")
    fi
    echo "$p $f $n"
}
read -r passed failed counted < <(counts)

if [ "$status" -eq 0 ]; then
    if [ "$counted" -eq 1 ] && [ "$failed" -gt 0 ]; then
        what="$passed passed, $failed failed"
    elif [ "$counted" -eq 1 ]; then
        what="$passed passed"
    else
        what="passed"
    fi
    printf '%-15s %-20s %4d s\n' "$name" "$what" "$seconds"
    exit 0
fi

if [ "$counted" -eq 1 ] && [ "$failed" -gt 0 ]; then
    what="$failed of $((passed + failed)) failed"
else
    what="exit status $status"
fi
echo "FAILED $name: $what, see $log line $first_line"
if [ -z "$verbose" ]; then
    failing=$(awk '
        /^FAIL / { block = 1; print; next }
        block && /^[ \t]/ { print; next }
        { block = 0 }
        /^\[  (FAILED|ERROR) +\]/ || /error:/ { print }' "$out")
    if [ -n "$failing" ]; then
        total=$(printf '%s\n' "$failing" | wc -l)
        printf '%s\n' "$failing" | head -n 60
        [ "$total" -le 60 ] || echo "... $((total - 60)) more failing lines in $log"
    else
        tail -n 40 "$out"
    fi
fi
exit "$status"
