#!/usr/bin/env bash
# The check suite: scripts/check.sh, make check's summary of each suite, run
# on suites of its own making (a passing one with a count, a failing one, one
# that prints nothing, ...): its summary lines, its log and its status.
# Run from anywhere; prints "N passed, M failed".
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$root" || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CHECK_LOG=$tmp/check.log
unset CHECK_VERBOSE
check=scripts/check.sh

# run NAME COMMAND...: scripts/check.sh NAME -- COMMAND..., its terminal
# output in $tmp/NAME.out, its status in $status.
run() {
    local name=$1
    shift
    status=0
    "$check" "$name" -- "$@" >"$tmp/$name.out" 2>&1 || status=$?
}

# expect NAME WHAT COMMAND...: a problem WHAT unless COMMAND succeeds.
problems=()
expect() {
    local what=$1
    shift
    "$@" || problems+=("$what")
}
# done_with NAME: report the test NAME with the problems gathered since.
done_with() {
    report "$1" "${problems[@]}" ${problems[@]:+"terminal output:" "$(cat "$tmp/$2.out" 2>/dev/null)"}
    problems=()
}

"$check" --start
printf 'stale\n' >>"$CHECK_LOG"
"$check" --start
expect "--start leaves a log that is not empty" test ! -s "$CHECK_LOG"
done_with "--start empties the log" none

# A suite that passes with a count.
run three bash -c 'echo "ok   a"; echo "ok   b"; echo "ok   c"; echo "3 passed, 0 failed"'
expect "status $status, not 0" test "$status" -eq 0
expect "summary is not 'three  3 passed  N s'" grep -qxE 'three +3 passed +[0-9]+ s' "$tmp/three.out"
expect "more than the summary on the terminal" test "$(wc -l <"$tmp/three.out")" -eq 1
expect "the log has no header for three" grep -qx '==== three: bash -c .*' "$CHECK_LOG"
expect "the log lacks the suite's output" grep -qx '3 passed, 0 failed' "$CHECK_LOG"
expect "the log lacks the suite's status" grep -qxE '==== three: status 0, [0-9]+ s' "$CHECK_LOG"
done_with "a passing suite: one line with its count, its output in the log" three

# A suite that prints nothing.
run quiet true
expect "status $status, not 0" test "$status" -eq 0
expect "summary is not 'quiet  passed  N s'" grep -qxE 'quiet +passed +[0-9]+ s' "$tmp/quiet.out"
done_with "a suite that prints no count: passed, with its time" quiet

# A suite that fails: its failing lines on the terminal, where its output
# starts in the log, its status.
before=$(($(wc -l <"$CHECK_LOG") + 1))
run bad bash -c 'echo "ok   a"; echo "FAIL b"; echo "    b went wrong"; echo "ok   c"
    echo "FAIL d"; echo "    d went wrong"; echo "2 passed, 2 failed"; exit 1'
expect "status $status, not 1" test "$status" -eq 1
expect "summary is not 'FAILED bad: 2 of 4 failed, see $CHECK_LOG line $before'" \
    grep -qxF "FAILED bad: 2 of 4 failed, see $CHECK_LOG line $before" "$tmp/bad.out"
expect "line $before of the log is not bad's header" \
    bash -c "sed -n ${before}p '$CHECK_LOG' | grep -q '^==== bad: '"
expect "the failing lines are not on the terminal" \
    bash -c "grep -qx 'FAIL b' '$tmp/bad.out' && grep -qx '    b went wrong' '$tmp/bad.out' && grep -qx '    d went wrong' '$tmp/bad.out'"
expect "a passing line is on the terminal" bash -c "! grep -q '^ok ' '$tmp/bad.out'"
expect "the log lacks the failing lines" grep -qx '    d went wrong' "$CHECK_LOG"
done_with "a failing suite: its counts, its failing lines, where in the log, its status" bad

# A suite that fails without a count or a FAIL line: its last 40 lines.
run crash bash -c 'seq 1 50; exit 3'
expect "status $status, not 3" test "$status" -eq 3
expect "summary does not give the exit status" grep -qE '^FAILED crash: exit status 3, see ' "$tmp/crash.out"
expect "the last 40 lines are not on the terminal" \
    bash -c "grep -qx 11 '$tmp/crash.out' && grep -qx 50 '$tmp/crash.out' && ! grep -qx 10 '$tmp/crash.out'"
done_with "a suite that fails without a count: its status and its last 40 lines" crash

# cmocka's lines, where there is no closing line; several closing lines add up.
run cmocka bash -c 'echo "[  PASSED  ] 5 test(s)."; echo "[  PASSED  ] 2 test(s)."'
expect "summary is not 'cmocka  7 passed'" grep -qxE 'cmocka +7 passed +[0-9]+ s' "$tmp/cmocka.out"
done_with "cmocka's [  PASSED  ] lines are counted" cmocka
run several bash -c 'echo "core: 4 passed, 0 failed"; echo "core: 4 passed, 0 failed"; echo "2 passed, 0 failed"'
expect "summary is not 'several  10 passed'" grep -qxE 'several +10 passed +[0-9]+ s' "$tmp/several.out"
done_with "a target of several suites: their counts add up" several

# What a suite installs where reaches the terminal, once per make check.
run install1 bash -c 'echo "installing x into /y"; echo "1 passed, 0 failed"'
run install2 bash -c 'echo "installing x into /y"; echo "creating z"; echo "1 passed, 0 failed"'
expect "install1 does not say what it installs" grep -qx '  installing x into /y' "$tmp/install1.out"
expect "install2 says it again" bash -c "! grep -q installing '$tmp/install2.out'"
expect "install2 does not say what it creates" grep -qx '  creating z' "$tmp/install2.out"
done_with "what is installed where is said, once" install1

# V=1: the full output on the terminal too; the summary still comes last.
CHECK_VERBOSE=1 run loud bash -c 'echo "ok   a"; echo "1 passed, 0 failed"'
expect "the output is not on the terminal" grep -qx 'ok   a' "$tmp/loud.out"
expect "the summary is not the last line" bash -c "tail -n 1 '$tmp/loud.out' | grep -qE '^loud +1 passed'"
done_with "CHECK_VERBOSE=1 (make check V=1): the full output as well" loud

# A suite that cannot run.
"$check" --skip duckdb "npm not found" >"$tmp/skip.out" 2>&1
expect "summary is not 'SKIPPED duckdb: npm not found'" grep -qx 'SKIPPED duckdb: npm not found' "$tmp/skip.out"
expect "the log does not say so" grep -qx '==== duckdb: SKIPPED, npm not found' "$CHECK_LOG"
done_with "a skipped suite: why, on the terminal and in the log" skip

finish
