#!/usr/bin/env bash
# The demo suite: runs `make demo`'s demo/run.sh into a temporary directory
# and checks what an analyst reads there (tests/demo/check.py): the
# report's monthly bars, bands, follow-up queue, weekly SLA and response
# rates against numbers worked out here by plain SQL over the demo's own
# tables and the formulas; build/demo/report.html parsed, self-contained,
# with as many points and bars as the data has months, segments and weeks;
# and the page drawn by headless chromium into a PNG that is checked for
# the charts' colours.  Conventions: tests/README.md.
#
# Usage: tests/demo/run.sh [path/to/nps.so]   (default build/nps.so)
set -u
# shellcheck source=tests/lib.sh
. "$(dirname "$0")/../lib.sh"
so=$(sqlite_extension "${1:-}") || exit 2
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if NPS_EXT=$so NPS_DEMO_OUT=$tmp/demo demo/run.sh >"$tmp/report.txt" 2>"$tmp/demo.err"; then
    if [ -s "$tmp/demo.err" ]; then
        report "make demo" "it wrote to stderr:" "$(cat "$tmp/demo.err")"
    else
        report "make demo"
    fi
else
    report "make demo" "demo/run.sh failed:" "$(tail -n 20 "$tmp/demo.err")"
    finish
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
    # Its own profile, so that nothing of a user's is read or written.
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$tmp/profile" --screenshot="$tmp/report.png" --window-size=1200,2000 \
        "file://$tmp/demo/report.html" >"$tmp/chromium.log" 2>&1 || true
fi

python3 tests/demo/check.py "$tmp/demo" "$tmp/report.txt" "$tmp/report.png" >"$tmp/check.log" 2>&1
status=$?
# (all but its closing line: finish prints the suite's, which counts these)
grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$tmp/check.log"
if [ -z "$browser" ]; then
    report "chromium" "no chromium on the PATH (scripts/deps.sh browser installs it)"
elif [ ! -s "$tmp/report.png" ]; then
    echo "chromium wrote no screenshot:"
    tail -n 5 "$tmp/chromium.log"
fi
# shellcheck disable=SC2046 # two numbers
add_run "check.py" $(closing_counts "$tmp/check.log") "$status"
finish
