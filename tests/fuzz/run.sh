#!/usr/bin/env bash
# Run the libFuzzer targets of tests/fuzz/, each for SECONDS seconds, at most
# FUZZ_JOBS (default 2) at a time.
#
# Usage: tests/fuzz/run.sh SECONDS TARGET...   (binaries in build/fuzz/)
#
# Each target starts from its committed seeds (tests/fuzz/corpus/<target>/),
# copied into a working corpus build/fuzz/corpus/<target>/ that keeps what the
# runs find; crashing inputs go to build/fuzz/artifacts/<target>/, the log to
# build/fuzz/logs/<target>.log.  Prints each target's verdict and number of
# executions, then "N passed, M failed"; fails if any target failed.
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 SECONDS TARGET..." >&2
    exit 2
fi
seconds=$1
shift
cd "$(dirname "$0")/../.."
out=build/fuzz
jobs=${FUZZ_JOBS:-2}
mkdir -p "$out/logs"

run_one() {
    local t=$1
    mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
    cp -n tests/fuzz/corpus/"$t"/* "$out/corpus/$t/" 2>/dev/null
    "$out/$t" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t/" "$out/corpus/$t" >"$out/logs/$t.log" 2>&1
}

declare -A pid
for t in "$@"; do
    if [ ! -x "$out/$t" ]; then
        echo "no binary $out/$t (make $out/$t)" >&2
        exit 2
    fi
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
        wait -n
    done
    run_one "$t" &
    pid[$t]=$!
done

passed=0
failed=0
for t in "$@"; do
    wait "${pid[$t]}"
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$t.log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        printf 'ok   %-14s %12s executions in %ss\n' "$t" "${execs:-?}" "$seconds"
    else
        failed=$((failed + 1))
        printf 'FAIL %-14s %12s executions (exit %s), log %s\n' "$t" "${execs:-?}" "$rc" \
            "$out/logs/$t.log"
        grep -E 'invariant failed|ERROR:|runtime error|core .*reference|Test unit written' \
            "$out/logs/$t.log" | head -n 8 | sed 's/^/     /'
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
