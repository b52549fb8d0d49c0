#!/usr/bin/env bash
# Usage: scripts/pg-majors.sh [MAJOR...]        (make check-pg-versions)
# Runs the PostgreSQL suite and the parity suite against each PostgreSQL
# major of the list below, on the server and headers Debian ships for it.
#
# Debian 12 ships PostgreSQL 15 only (make check tests that one).  Debian's
# newer suites ship the other majors, but built against a newer C library
# than Debian 12's, so they run here in a chroot of Debian 13 (trixie), made
# once with debootstrap into a cache outside the repository
# ($NPS_CACHE/pg-majors, by default ~/.cache/nps/pg-majors) and reused while
# the list below is unchanged.  Each run copies the working tree into the
# chroot, builds the extension there against that major's pg_config and runs
# tests/pg/run.sh and tests/parity/run.sh with PG_CONFIG set.  Root only
# (debootstrap, chroot and mounts); the mounts live in a private mount
# namespace and vanish with it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The tested majors and the Debian suite that carries each: the one place
# this list lives (README's support table points here).
declare -A SUITE=([17]=trixie [18]=sid [19]=experimental)
ORDER=(17 18 19)

die() {
    echo "pg-majors: $*" >&2
    exit 1
}

majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=("${ORDER[@]}")
for v in "${majors[@]}"; do
    [ -n "${SUITE[$v]:-}" ] || die "PostgreSQL $v is not in the list (${ORDER[*]})"
done
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot); run: sudo make check-pg-versions"

cache=${NPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nps}/pg-majors
root=$cache/trixie
# The chroot is rebuilt whenever this recipe changes.
recipe=$(declare -p SUITE; echo "packages: build-essential python3 sqlite3 libsqlite3-dev postgresql-common locales; v2")
stamp=$root/.nps-recipe

# The Debian archive this machine already uses (first deb.debian.org-style
# URI of its apt sources), so the chroot reaches the same mirror.
mirror() {
    local uri
    uri=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
        grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ')
    echo "${uri:-http://deb.debian.org/debian}"
}

in_root() {
    # A private mount namespace: /proc, /dev and /dev/shm for the server,
    # unmounted when the command ends, whatever happens.
    unshare --mount --propagation private bash -c '
        set -e
        r=$1; shift
        mount -t proc proc "$r/proc"
        mount --bind /dev "$r/dev"
        mount -t tmpfs shm "$r/dev/shm"
        exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
            ${CI:+CI=$CI} ${WERROR:+WERROR=$WERROR} "$@"
    ' _ "$root" "$@"
}

build_root() {
    local m
    m=$(mirror)
    echo "pg-majors: making a Debian 13 chroot in $root (mirror $m)"
    command -v debootstrap >/dev/null || {
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    }
    rm -rf "$root"
    mkdir -p "$cache"
    debootstrap --variant=minbase trixie "$root" "$m" >"$cache/debootstrap.log" 2>&1 ||
        die "debootstrap failed; see $cache/debootstrap.log"
    {
        echo "deb $m trixie main"
        echo "deb $m sid main"
        echo "deb $m experimental main"
    } >"$root/etc/apt/sources.list"
    # sid and experimental only for the packages asked of them.
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 900\n' >"$root/etc/apt/preferences.d/nps"
    # The archive's indexes may be a dated snapshot: do not reject them as expired.
    echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99nps"
    # No service starts inside the chroot while packages install.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod +x "$root/usr/sbin/policy-rc.d"
    local install=(apt-get install -y -qq --no-install-recommends)
    in_root bash -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${install[*]} \
        build-essential python3 sqlite3 libsqlite3-dev postgresql-common locales" \
        >"$cache/install.log" 2>&1 || die "installing the build tools failed; see $cache/install.log"
    # postgresql-common would create a cluster for every server package.
    in_root sed -i 's/^#* *create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
    for v in "${ORDER[@]}"; do
        echo "pg-majors: installing PostgreSQL $v from Debian ${SUITE[$v]}"
        in_root bash -c "DEBIAN_FRONTEND=noninteractive ${install[*]} -t ${SUITE[$v]} \
            postgresql-$v postgresql-server-dev-$v" >>"$cache/install.log" 2>&1 ||
            die "installing PostgreSQL $v failed; see $cache/install.log"
    done
    echo "$recipe" >"$stamp"
}

# One run at a time: runs from two checkouts share the chroot and its /src.
mkdir -p "$cache"
exec 8>"$cache/lock"
flock 8

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$recipe" ]; then
    build_root
fi

# The working tree as it is (committed or not, minus ignored files).
rm -rf "$root/src"
mkdir -p "$root/src"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$root/src"

failed=()
# The chroot has a compiler and the server headers but none of the test
# libraries (cmocka, valgrind): plain make must build both extensions there.
if in_root bash -c "cd /src && make -s >/tmp/make.log 2>&1 && test -f build/nps.so && test -f pg-ext/nps.so"; then
    echo "== make without the test libraries: built both extensions"
else
    in_root cat /tmp/make.log >&2 || true
    echo "== make without the test libraries: FAILED"
    failed+=(make)
fi
for v in "${majors[@]}"; do
    pgc=/usr/lib/postgresql/$v/bin/pg_config
    echo "== PostgreSQL $v ($(in_root "$pgc" --version))"
    # Objects of one major must not be linked into another's library.
    in_root make -s -C /src/pg-ext clean PG_CONFIG="$pgc" >/dev/null 2>&1 || true
    if in_root bash -c "cd /src && PG_CONFIG=$pgc tests/pg/run.sh && PG_CONFIG=$pgc tests/parity/run.sh"; then
        echo "== PostgreSQL $v: passed"
    else
        echo "== PostgreSQL $v: FAILED"
        failed+=("$v")
    fi
done
echo "$((${#majors[@]} + 1 - ${#failed[@]})) passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
