#!/usr/bin/env bash
# DuckDB's C headers and a prebuilt libduckdb.so, from the npm registry into a
# cache outside the repository, as a Debian package would provide them.  The
# versions are pinned in duckdb-ext/versions.mk, read here and by the Makefile.
#
# Usage: scripts/duckdb.sh path    print the cache folder (nothing is fetched)
#        scripts/duckdb.sh fetch   make sure it holds include/duckdb.h,
#                                  include/duckdb_extension.h, lib/libduckdb.so
#                                  and the licence; print the folder
#        scripts/duckdb.sh can     exit 0 when fetch can work here (or the
#                                  cache is full already), else print why not
#                                  and exit 3: make check then skips DuckDB
#
# The cache: $NPS_CACHE/duckdb/<headers>+<library>, by default
# ~/.cache/nps/duckdb/...; one folder per pair of versions, so a change of
# versions.mk fetches anew and never mixes two releases.  npm pack downloads
# each package's tarball without installing anything; only the files above
# are kept.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=duckdb-ext/versions.mk
. "$here/duckdb-ext/versions.mk"

name=$(printf '%s+%s' "$DUCKDB_HEADERS_PKG" "$DUCKDB_LIB_PKG" | sed 's/^@//; s/+@/+/; s/[/@]/-/g')
cache=${NPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nps}/duckdb/$name

die() {
    echo "scripts/duckdb.sh: $*" >&2
    exit 1
}

full() {
    [ -f "$cache/include/duckdb.h" ] && [ -f "$cache/include/duckdb_extension.h" ] &&
        [ -f "$cache/lib/libduckdb.so" ] && [ -f "$cache/LICENSE" ]
}

# Why DuckDB cannot be had here, or nothing.
why_not() {
    if full; then
        return 0
    fi
    if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
        echo "the pinned libduckdb.so ($DUCKDB_LIB_PKG) is for Linux x86_64, this is $(uname -s) $(uname -m)"
    elif ! command -v npm >/dev/null; then
        echo "npm not found (Debian: apt-get install npm)"
    fi
}

fetch() {
    full && return 0
    local reason
    reason=$(why_not)
    [ -z "$reason" ] || die "$reason"
    mkdir -p "$(dirname "$cache")"
    tmp=$(mktemp -d "$cache.tmp.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    echo "fetching DuckDB from npm into $cache: $DUCKDB_HEADERS_PKG (headers), $DUCKDB_LIB_PKG (libduckdb.so)" >&2
    (cd "$tmp" && npm pack --silent "$DUCKDB_HEADERS_PKG" "$DUCKDB_LIB_PKG" >packed.txt 2>npm.log) ||
        die "npm pack failed: $(cat "$tmp/npm.log")"
    local headers lib
    headers=$tmp/$(sed -n 1p "$tmp/packed.txt")
    lib=$tmp/$(sed -n 2p "$tmp/packed.txt")
    [ -f "$headers" ] && [ -f "$lib" ] || die "npm pack did not leave both tarballs: $(cat "$tmp/packed.txt")"
    mkdir -p "$tmp/out/include" "$tmp/out/lib" "$tmp/x"
    tar -xzf "$headers" -C "$tmp/x" package/LICENSE package/src/duckdb/src/include/duckdb.h \
        package/src/duckdb/src/include/duckdb_extension.h || die "unexpected contents in $headers"
    mv "$tmp/x/package/src/duckdb/src/include/duckdb.h" "$tmp/x/package/src/duckdb/src/include/duckdb_extension.h" \
        "$tmp/out/include/"
    mv "$tmp/x/package/LICENSE" "$tmp/out/LICENSE"
    rm -rf "$tmp/x" && mkdir "$tmp/x"
    tar -xzf "$lib" -C "$tmp/x" package/libduckdb.so || die "no libduckdb.so in $lib"
    mv "$tmp/x/package/libduckdb.so" "$tmp/out/lib/"
    # npm stamps every file 1985: give them the time they arrived, for make.
    find "$tmp/out" -type f -exec touch {} +
    rm -rf "$cache"
    mv "$tmp/out" "$cache"
}

case "${1:-}" in
path) echo "$cache" ;;
fetch)
    tmp=
    fetch
    echo "$cache"
    ;;
can)
    reason=$(why_not)
    if [ -n "$reason" ]; then
        echo "$reason"
        exit 3
    fi
    ;;
*)
    echo "usage: scripts/duckdb.sh path|fetch|can" >&2
    exit 2
    ;;
esac
