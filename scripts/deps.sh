#!/usr/bin/env bash
# Make sure the Debian packages a target needs are installed.
# Usage: scripts/deps.sh GROUP...   (groups: build sqlite demo test pg bench fuzz deb clients
#        browser)
# As root, installs what is missing with apt-get; otherwise prints the exact
# command to run and fails.
set -euo pipefail
pkgs=()
for group in "$@"; do
    case "$group" in
    build) pkgs+=(build-essential) ;;
    sqlite) pkgs+=(libsqlite3-dev sqlite3) ;;
    test) pkgs+=(libcmocka-dev valgrind python3 locales) ;;
    # make demo draws build/demo/report.html with demo/report_html.py.
    demo) pkgs+=(python3) ;;
    pg) pkgs+=(postgresql-15 postgresql-server-dev-15 postgresql-client-15 postgresql-common) ;;
    bench) pkgs+=(gnuplot-nox python3) ;;
    fuzz) pkgs+=(clang libclang-rt-14-dev) ;;
    deb) pkgs+=(debhelper dpkg-dev fakeroot postgresql-server-dev-all postgresql-common libsqlite3-dev) ;;
    # The clients of the README's "Using nps from ..." (tests/clients/).
    clients) pkgs+=(python3 python3-psycopg python3-psycopg2 python3-sqlalchemy python3-pandas
        unixodbc python3-pyodbc libsqliteodbc odbc-postgresql
        default-jdk-headless libxerial-sqlite-jdbc-java libpostgresql-jdbc-java nodejs) ;;
    # tests/demo/ renders the demo's HTML report in a real headless browser.
    browser) pkgs+=(chromium python3) ;;
    *) echo "deps.sh: unknown group '$group'" >&2; exit 2 ;;
    esac
done
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# The core tests read numbers under a locale whose decimal point is ','.
need_locale() {
    [[ " $* " == *" test "* ]] && ! locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'
}
if [ ${#missing[@]} -eq 0 ] && ! need_locale "$@"; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing Debian packages with apt-get (root: system-wide): ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    if need_locale "$@"; then
        echo "creating the de_DE.UTF-8 locale (localedef, system-wide): a core test reads numbers with a decimal comma"
        localedef -i de_DE -c -f UTF-8 de_DE.UTF-8
    fi
elif [ ${#missing[@]} -eq 0 ]; then
    echo "note: no de_DE.UTF-8 locale; one core test skips (sudo localedef -i de_DE -c -f UTF-8 de_DE.UTF-8)" >&2
    exit 0
else
    echo "missing packages; run:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
