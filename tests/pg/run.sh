#!/usr/bin/env bash
# The PostgreSQL suite: build and install the extension, start a throw-away
# PostgreSQL server, run pg_regress (tests/pg/sql/*.sql diffed against
# tests/pg/expected/*.out, the list in pg-ext/Makefile), stop and remove the
# server.  Run from anywhere; prints "N passed, M failed" and fails if any
# test fails.
#
# The server: pg_virtualenv (Debian's postgresql-common) creates a temporary
# cluster, runs one command with PGHOST/PGPORT/PGUSER/PGPASSWORD set, and
# drops the cluster.  As root the cluster runs as the postgres user (the
# server refuses root) and the extension is installed system-wide with
# `make -C pg-ext install`; as a normal user the extension is installed into
# a temporary directory that the server reads through Debian's
# extension_destdir setting.
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_CONFIG=${PG_CONFIG:-pg_config}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail_setup() {
    echo "tests/pg: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

command -v pg_virtualenv >/dev/null || fail_setup "pg_virtualenv not found: apt-get install postgresql-common"
make --no-print-directory -s pg >/dev/null || fail_setup "building pg-ext failed"

venv_opts=(-t -i "--locale=C --encoding=UTF8")
if [ "$(id -u)" -eq 0 ]; then
    make --no-print-directory -s -C pg-ext install >/dev/null || fail_setup "make -C pg-ext install failed"
elif grep -q extension_destdir "$("$PG_CONFIG" --sharedir)/postgresql.conf.sample" 2>/dev/null; then
    make --no-print-directory -s -C pg-ext install DESTDIR="$tmp/install" >/dev/null ||
        fail_setup "make -C pg-ext install DESTDIR=... failed"
    venv_opts+=(-o "extension_destdir=$tmp/install")
else
    fail_setup "this PostgreSQL cannot load an extension from a temporary directory; run: sudo make -C pg-ext install, then as root: make check-pg"
fi

export PGCLIENTENCODING=UTF8
set +e
pg_virtualenv "${venv_opts[@]}" make --no-print-directory -C pg-ext installcheck >"$tmp/log" 2>&1
status=$?
set -e

grep -E '^(test| ) *[a-z_]+ +\.\.\. ' "$tmp/log" || true
passed=$(grep -cE '\.\.\. ok' "$tmp/log" || true)
failed=$(grep -cE '\.\.\. FAILED' "$tmp/log" || true)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    cat "$tmp/log" >&2
    failed=1
fi
if [ "$failed" -ne 0 ] && [ -f pg-ext/regression.diffs ]; then
    cat pg-ext/regression.diffs
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
