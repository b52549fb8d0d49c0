#!/usr/bin/env bash
# Usage: tests/pg/with_server.sh COMMAND [ARG...]
# Build and install the PostgreSQL extension, then run COMMAND against a
# throw-away PostgreSQL server and remove the server afterwards; exits with
# COMMAND's status.  Run from the repository root.
#
# pg_virtualenv (Debian's postgresql-common) creates a temporary cluster
# (C locale, UTF8), runs COMMAND with PGHOST/PGPORT/PGUSER/PGPASSWORD set and
# drops the cluster.  As root the cluster runs as the postgres user (the
# server refuses root) and the extension is installed system-wide with
# `make -C pg-ext install`; as a normal user it is installed into a temporary
# directory that the server reads through Debian's extension_destdir setting.
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-pg_config}
install_dir=$(mktemp -d)
trap 'rm -rf "$install_dir"' EXIT

die() {
    echo "tests/pg: $*" >&2
    exit 1
}

command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found: apt-get install postgresql-common"
make --no-print-directory -s pg >/dev/null || die "building pg-ext failed"

venv_opts=(-t -i "--locale=C --encoding=UTF8")
if [ "$(id -u)" -eq 0 ]; then
    # One system-wide install at a time: runs from several checkouts of the
    # project wait for each other instead of replacing each other's library.
    exec 9>/tmp/nps-pg-install.lock
    flock 9
    make --no-print-directory -s -C pg-ext install >/dev/null || die "make -C pg-ext install failed"
elif grep -q extension_destdir "$("$PG_CONFIG" --sharedir)/postgresql.conf.sample" 2>/dev/null; then
    make --no-print-directory -s -C pg-ext install DESTDIR="$install_dir" >/dev/null ||
        die "make -C pg-ext install DESTDIR=$install_dir failed"
    venv_opts+=(-o "extension_destdir=$install_dir")
else
    die "this PostgreSQL cannot load an extension from a temporary directory; run: sudo make -C pg-ext install, then: sudo make check-pg"
fi

export PGCLIENTENCODING=UTF8
status=0
pg_virtualenv "${venv_opts[@]}" "$@" || status=$?
exit "$status"
