#!/usr/bin/env bash
# The README's examples of "8. B2B accounts" and "9. What moves the score",
# as printed there: builds the demo database (demo/gen.c, demo/programme.sql)
# and runs every ```sql block of the two sections that is followed by an
# output block, in the sqlite3 shell's box mode, comparing what it prints
# with that block.  One line per example; a difference is printed in full.
# Usage: readme.sh path/to/nps.so   (run by tests/programme/run.sh)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
${CC:-cc} -std=c11 -O2 -o "$tmp/gen" demo/gen.c
"$tmp/gen" | sqlite3 -batch -bail "$tmp/demo.db"
{
    printf '.load %s\n' "$1"
    cat demo/programme.sql
} | sqlite3 -batch -bail "$tmp/demo.db" >/dev/null
python3 - "$1" "$tmp" <<'EOF'
import re
import subprocess
import sys

ext, tmp = sys.argv[1], sys.argv[2]
text = open('README.md', encoding='utf-8').read()
start = text.index('\n### 8. B2B accounts\n')
end = text.index('\n### ', text.index('\n### 9. What moves the score\n') + 1)
section = text[start:end]
examples = re.findall(r'```sql\n(.*?)```\n```\n(.*?)```\n', section, re.S)
print('%d examples in sections 8 and 9' % len(examples))
for i, (sql, printed) in enumerate(examples, 1):
    run = subprocess.run(['sqlite3', '-batch', '-bail', '-cmd', '.load ' + ext, '-cmd', '.mode box',
                          tmp + '/demo.db'], input=sql, capture_output=True, text=True)
    got = run.stdout + run.stderr
    head = sql.splitlines()[0]
    if got == printed:
        print('example %d, as printed: %s' % (i, head))
    else:
        print('example %d DIFFERS: %s\n--- printed\n%s--- got\n%s' % (i, head, printed, got))
EOF
