#!/usr/bin/env bash
# The install suite: what a user does after building.  Checks that
#   make install DESTDIR=...   puts every file where it belongs;
#   make install               (root) lets the sqlite3 shell `.load nps` by
#                              name and a server `CREATE EXTENSION nps`;
#   make installcheck          passes against a server that is already
#                              running (a throw-away one here);
#   a wrong PG_CONFIG          is a clear error, not a silent success.
# Run from anywhere; prints "N passed, M failed".
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$root"

# check NAME COMMAND...: passes when COMMAND succeeds.
check() {
    local name=$1
    shift
    if "$@"; then report "$name"; else report "$name" "failed: $*"; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PG_CONFIG=${PG_CONFIG:-pg_config}
libdir=$(make --no-print-directory -s print-libdir)

# 1. A staged install: every file under DESTDIR, nothing outside it.
echo "installing nps into a temporary directory (make install DESTDIR=$tmp/stage, removed afterwards)"
make --no-print-directory -s install DESTDIR="$tmp/stage" >"$tmp/log" 2>&1 || cat "$tmp/log" >&2
check "DESTDIR install has the SQLite extension at $libdir/nps.so" test -f "$tmp/stage$libdir/nps.so"
check "DESTDIR install has the PostgreSQL library" test -f "$tmp/stage$("$PG_CONFIG" --pkglibdir)/nps.so"
check "DESTDIR install has the control file and install script" \
    test -f "$tmp/stage$("$PG_CONFIG" --sharedir)/extension/nps.control" -a \
    -f "$tmp/stage$("$PG_CONFIG" --sharedir)/extension/nps--$(cat VERSION).sql"
check "the staged SQLite extension loads by path" \
    bash -c "sqlite3 :memory: '.load $tmp/stage$libdir/nps' 'SELECT nps_version();' | grep -qx '$(cat VERSION)'"

# PGXN: META.json is valid JSON, of the Meta Spec 1.0.0, with the version
# of VERSION, and the distribution carries it at its top.
make --no-print-directory -s meta >"$tmp/log" 2>&1 || cat "$tmp/log" >&2
check "META.json is PGXN Meta Spec 1.0.0 with the version of VERSION" python3 -c '
import json, os, sys
meta = json.load(open(sys.argv[1]))
version = sys.argv[2]
for key in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec"):
    assert key in meta, "no " + key
assert meta["meta-spec"]["version"] == "1.0.0"
assert meta["version"] == version, meta["version"]
for name, ext in meta["provides"].items():
    assert ext["version"] == version, (name, ext["version"])
    assert os.path.isfile(ext["file"]), ext["file"]
assert meta["prereqs"]["runtime"]["requires"]["PostgreSQL"] == "14.0.0"
' build/META.json "$(cat VERSION)"
if git rev-parse --verify -q HEAD >/dev/null 2>&1; then
    make --no-print-directory -s dist >"$tmp/log" 2>&1 || cat "$tmp/log" >&2
    check "make dist puts META.json and the Makefile at the top of build/nps-$(cat VERSION).zip" \
        python3 -c 'import sys, zipfile; names = zipfile.ZipFile(sys.argv[1]).namelist()
assert all(sys.argv[2] + "/" + f in names for f in ("META.json", "Makefile", "VERSION"))' \
        "build/nps-$(cat VERSION).zip" "nps-$(cat VERSION)"
fi

# 2. A PG_CONFIG that does not exist fails with a message naming it.
if make --no-print-directory -s pg PG_CONFIG=/nonexistent/pg_config >"$tmp/log" 2>&1; then
    report "make pg with a missing PG_CONFIG fails" "it succeeded"
else
    check "make pg with a missing PG_CONFIG names it" grep -q 'PG_CONFIG=/nonexistent/pg_config does not name a pg_config' "$tmp/log"
fi

# 3. The real install, as root: the loaders find the extension by name.
if [ "$(id -u)" -eq 0 ]; then
    exec 9>/tmp/nps-pg-install.lock # shared with tests/pg/with_server.sh
    flock 9
    # Only this checkout's scripts (see tests/pg/with_server.sh).
    rm -f "$("$PG_CONFIG" --sharedir)"/extension/nps--*.sql "$("$PG_CONFIG" --sharedir)/extension/nps.control"
    echo "installing nps (make install, root: system-wide): the SQLite extension into $libdir, the PostgreSQL extension into $("$PG_CONFIG" --pkglibdir) and $("$PG_CONFIG" --sharedir)/extension"
    make --no-print-directory -s install >"$tmp/log" 2>&1 || cat "$tmp/log" >&2
    check "after make install, sqlite3 '.load nps' finds it by name" \
        bash -c "cd / && sqlite3 :memory: '.load nps' 'SELECT nps(9);' | grep -qx 100.0"
    # A server that runs before and independently of the tests (the user's).
    cat >"$tmp/against_server.sh" <<'EOF'
set -e
psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS nps_install' -c 'CREATE DATABASE nps_install'
psql -X -qAt -d nps_install -c 'CREATE EXTENSION nps' -c 'SELECT round(nps(s)::numeric, 4) FROM unnest(ARRAY[10, 9, 6]) s' >"$1/created"
make --no-print-directory installcheck >"$1/installcheck.log" 2>&1
EOF
    if pg_virtualenv -v "$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')" \
        bash "$tmp/against_server.sh" "$tmp" >"$tmp/log" 2>&1; then
        report "make installcheck passes against a running server"
    else
        report "make installcheck passes against a running server" "$(cat "$tmp/log" "$tmp/installcheck.log" 2>/dev/null | tail -n 40)"
    fi
    check "CREATE EXTENSION nps works after make install" grep -qx '33.3333' "$tmp/created"
    flock -u 9
else
    echo "skipped: the system-wide install (not root); run as root to test '.load nps' and CREATE EXTENSION"
fi

finish
