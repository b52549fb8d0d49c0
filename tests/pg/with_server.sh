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
#
# One PostgreSQL all the way through: the one PG_CONFIG names (by default
# pg_config on the PATH, on Debian that of the newest server-dev package).
# The extension is built and installed with it, the server is that major's
# (pg_virtualenv -v), and COMMAND runs with PG_CONFIG kept and that major's
# bindir first on the PATH, so that pg_regress, psql, pg_dump and pgbench are
# its own too.  A Debian install of PostgreSQL 10 or later, then:
#   PG_CONFIG=/usr/lib/postgresql/16/bin/pg_config make check-pg
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-pg_config}
export PG_CONFIG
install_dir=$(mktemp -d)
trap 'rm -rf "$install_dir"' EXIT

die() {
    echo "tests/pg: $*" >&2
    exit 1
}

# tell LINE: say what is installed where, before it is, where the suite that
# runs this script shows it: the descriptor NPS_TELL_FD (tests/lib.sh opens
# it on the suite's own stderr, which a suite's redirection of this script's
# output does not change), else stderr.
tell() {
    if [ -n "${NPS_TELL_FD:-}" ] && { true >&"$NPS_TELL_FD"; } 2>/dev/null; then
        echo "$*" >&"$NPS_TELL_FD"
    else
        echo "$*" >&2
    fi
}

command -v pg_virtualenv >/dev/null || die "pg_virtualenv not found: apt-get install postgresql-common"
version=$("$PG_CONFIG" --version) || die "PG_CONFIG=$PG_CONFIG does not run"

# Objects compiled for another PostgreSQL would be linked as they are: build
# afresh when the one to build for is not the one pg-ext/ was last built for.
stamp=build/pg-ext.built-for
built_for="$version, $("$PG_CONFIG" --includedir-server)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$built_for" ]; then
    make --no-print-directory -s -C pg-ext clean >/dev/null 2>&1 || true
fi
make --no-print-directory -s pg >/dev/null || die "building pg-ext failed"
mkdir -p build
echo "$built_for" >"$stamp"

major=${version#PostgreSQL }
major=${major%%[!0-9]*}
bindir=$("$PG_CONFIG" --bindir)
# pg_virtualenv starts the server of /usr/lib/postgresql/<major>/bin.
server_bindir=/usr/lib/postgresql/$major/bin
[ -x "$server_bindir/postgres" ] ||
    die "$version ($PG_CONFIG) has no server in $server_bindir, where pg_virtualenv looks (Debian: apt-get install postgresql-$major)"
[ "$(readlink -f "$bindir")" = "$(readlink -f "$server_bindir")" ] ||
    die "$version ($PG_CONFIG) is installed in $bindir, but pg_virtualenv would start the server of $server_bindir"

venv_opts=(-t -v "$major" -i "--locale=C --encoding=UTF8")
if [ "$(id -u)" -eq 0 ]; then
    # One system-wide install at a time: runs from several checkouts of the
    # project wait for each other instead of replacing each other's library.
    exec 9>/tmp/nps-pg-install.lock
    flock 9
    # Only this checkout's scripts: another checkout's version left behind
    # would add an update path (or a default) this one does not have.
    rm -f "$("$PG_CONFIG" --sharedir)"/extension/nps--*.sql "$("$PG_CONFIG" --sharedir)/extension/nps.control"
    tell "installing the PostgreSQL extension into $("$PG_CONFIG" --pkglibdir) and $("$PG_CONFIG" --sharedir)/extension (root: system-wide)"
    make --no-print-directory -s -C pg-ext install >/dev/null || die "make -C pg-ext install failed"
elif grep -q extension_destdir "$("$PG_CONFIG" --sharedir)/postgresql.conf.sample" 2>/dev/null; then
    tell "installing the PostgreSQL extension into a temporary directory, the throw-away server's extension_destdir (not root)"
    make --no-print-directory -s -C pg-ext install DESTDIR="$install_dir" >/dev/null ||
        die "make -C pg-ext install DESTDIR=$install_dir failed"
    venv_opts+=(-o "extension_destdir=$install_dir")
else
    die "this PostgreSQL cannot load an extension from a temporary directory; run: sudo make -C pg-ext install, then: sudo make check-pg"
fi

# Not for the server and COMMAND: a server holding the descriptor would hold
# the suite's output open.
if [ -n "${NPS_TELL_FD:-}" ]; then
    eval "exec ${NPS_TELL_FD}>&-"
    unset NPS_TELL_FD
fi

export PGCLIENTENCODING=UTF8
status=0
# pg_virtualenv sets PG_CONFIG to its own idea of it; COMMAND gets ours.
# The install lock (descriptor 9, as root) stays with this script until it
# exits: not with the server, which a run killed before its clean-up would
# leave running, holding the lock and stopping every later run.
pg_virtualenv "${venv_opts[@]}" env PG_CONFIG="$PG_CONFIG" PATH="$bindir:$PATH" "$@" 9>&- || status=$?
exit "$status"
