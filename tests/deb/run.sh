#!/usr/bin/env bash
# The package suite (make check-deb, root only; CI runs it after make check):
# the packages of make deb install with dpkg -i, and then, without anything
# of this checkout's own build,
#   postgresql-NN-nps  a throw-away server of that major (pg_virtualenv)
#                      runs CREATE EXTENSION nps and one query, as a
#                      superuser and as a database owner that is none
#                      (the extension is trusted);
#   libsqlite3-mod-nps the sqlite3 shell loads it by name and runs one query;
# and they remove cleanly.
#
# The packages install to the paths make install writes (and make check-pg,
# make check-install), so the suite holds the lock those take
# (/tmp/nps-pg-install.lock), starts from no nps file in those paths, and
# leaves the system as it found it: packages removed and, when a source
# install was there before, that install made again from this checkout.
# Run from anywhere; prints "N passed, M failed".
set -uo pipefail
. "$(dirname "$0")/../lib.sh"
cd "$root"

if [ "$(id -u)" -ne 0 ]; then
    echo "tests/deb: installing packages needs root; run: sudo make check-deb" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # the server runs as postgres and reads the script from here

shopt -s nullglob
pg_debs=(build/deb/postgresql-*-nps_*.deb)
sqlite_debs=(build/deb/libsqlite3-mod-nps_*.deb)
shopt -u nullglob
if [ ${#pg_debs[@]} -eq 0 ] || [ ${#sqlite_debs[@]} -eq 0 ]; then
    echo "tests/deb: no packages in build/deb/ (make deb)" >&2
    exit 2
fi
packages=()
for deb in "${pg_debs[@]}" "${sqlite_debs[@]}"; do
    packages+=("$(dpkg-deb -f "$deb" Package)")
done

exec 9>/tmp/nps-pg-install.lock # shared with tests/pg/with_server.sh and tests/install/run.sh
flock 9

# What a source install left, to be removed now and made again at the end.
libdir=$(make --no-print-directory -s print-libdir)
source_install=no
left=()
for f in "$libdir/nps.so" /usr/lib/postgresql/*/lib/nps.so /usr/share/postgresql/*/extension/nps.control \
    /usr/share/postgresql/*/extension/nps--*.sql; do
    [ -e "$f" ] || continue
    if ! dpkg -S "$f" >/dev/null 2>&1; then
        source_install=yes
        left+=("$f")
    fi
done
rm -f "${left[@]}"
rm -rf /usr/lib/postgresql/*/lib/bitcode/nps /usr/lib/postgresql/*/lib/bitcode/nps.index.bc

if dpkg -i "${pg_debs[@]}" "${sqlite_debs[@]}" >"$tmp/log" 2>&1; then
    report "dpkg -i installs ${packages[*]}"
else
    report "dpkg -i installs ${packages[*]}" "$(tail -n 20 "$tmp/log")"
fi

# SQLite: by name, from the loader's path, as a user would.
got=$(cd / && sqlite3 :memory: '.load nps' 'SELECT nps(9), nps_version();' 2>&1)
if [ "$got" = "100.0|$(cat VERSION)" ]; then
    report "libsqlite3-mod-nps: sqlite3 '.load nps' by name, SELECT nps(9)"
else
    report "libsqlite3-mod-nps: sqlite3 '.load nps' by name, SELECT nps(9)" "got: $got"
fi

# PostgreSQL: each major's package against a throw-away server of that major.
cat >"$tmp/server.sh" <<'SCRIPT'
set -e
q='SELECT round(nps(s)::numeric, 4) FROM unnest(ARRAY[10, 9, 6]::smallint[]) s'
psql -X -qAt -d postgres -c 'CREATE DATABASE nps_deb' \
    -c "CREATE ROLE nps_deb_owner LOGIN PASSWORD '$PGPASSWORD'" -c 'CREATE DATABASE nps_deb_owned OWNER nps_deb_owner'
psql -X -qAt -d nps_deb -c 'CREATE EXTENSION nps' -c "$q" >"$1"
PGUSER=nps_deb_owner psql -X -qAt -d nps_deb_owned -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' \
    -c 'CREATE EXTENSION nps' -c "$q" >>"$1"
SCRIPT
for deb in "${pg_debs[@]}"; do
    package=$(dpkg-deb -f "$deb" Package)
    major=${package#postgresql-}
    major=${major%-nps}
    rm -f "$tmp/got"
    if pg_virtualenv -v "$major" bash "$tmp/server.sh" "$tmp/got" >"$tmp/out" 2>&1 &&
        [ "$(cat "$tmp/got")" = "$(printf '33.3333\nf\n33.3333')" ]; then
        report "$package: CREATE EXTENSION nps and a query, as a superuser and as a database owner that is none"
    else
        report "$package: CREATE EXTENSION nps and a query, as a superuser and as a database owner that is none" \
            "$(tail -n 20 "$tmp/out" "$tmp/got" 2>&1)"
    fi
done

# Removal leaves nothing behind.
if dpkg --purge "${packages[@]}" >"$tmp/log" 2>&1; then
    stale=$(ls "$libdir/nps.so" /usr/lib/postgresql/*/lib/nps.so /usr/share/postgresql/*/extension/nps.control 2>/dev/null)
    if [ -z "$stale" ]; then
        report "dpkg --purge removes them and every file"
    else
        report "dpkg --purge removes them and every file" "left: $stale"
    fi
else
    report "dpkg --purge removes them and every file" "$(tail -n 20 "$tmp/log")"
fi

if [ "$source_install" = yes ]; then
    echo "restoring the source install that was there before (make install)"
    make --no-print-directory -s install >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; report "make install restores the source install" "failed"; }
fi
flock -u 9
finish
