#!/usr/bin/env bash
# Make a loadable DuckDB extension from a shared library: append the 512-byte
# metadata footer that DuckDB reads at LOAD (ExtensionHelper's
# ParseExtensionMetaData in DuckDB's source).
#
# Usage: duckdb-ext/append_metadata.sh LIBRARY OUTPUT CAPI_VERSION EXTENSION_VERSION
#
# The footer is eight 32-byte fields, NUL-padded and written in reverse order
# of reading, then a 256-byte signature:
#   fields 1-3   unused (zeros)
#   field 4      ABI type: C_STRUCT (the stable C API struct)
#   field 5      the extension's own version
#   field 6      the C API version it needs (a DuckDB with this C API or a
#                newer one of the same major loads it)
#   field 7      the platform, as DuckDB names it (linux_amd64)
#   field 8      the magic value "4"
#   signature    256 zero bytes: unsigned, so DuckDB loads it only with
#                allow_unsigned_extensions (duckdb -unsigned)
set -euo pipefail
if [ $# -ne 4 ]; then
    echo "usage: $0 LIBRARY OUTPUT CAPI_VERSION EXTENSION_VERSION" >&2
    exit 2
fi
lib=$1 out=$2 capi=$3 version=$4

case "$(uname -s)-$(uname -m)" in
Linux-x86_64) platform=linux_amd64 ;;
Linux-aarch64) platform=linux_arm64 ;;
*)
    echo "$0: no DuckDB platform name known for $(uname -s) $(uname -m)" >&2
    exit 1
    ;;
esac

# One field: the text, then NUL bytes up to 32.
field() {
    if [ "${#1}" -gt 32 ]; then
        echo "$0: '$1' is longer than a 32-byte field" >&2
        exit 1
    fi
    printf '%s' "$1"
    head -c $((32 - ${#1})) /dev/zero
}

tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
cp "$lib" "$tmp"
{
    field ""
    field ""
    field ""
    field C_STRUCT
    field "$version"
    field "$capi"
    field "$platform"
    field 4
    head -c 256 /dev/zero
} >>"$tmp"
size_lib=$(stat -c %s "$lib")
size_out=$(stat -c %s "$tmp")
if [ $((size_out - size_lib)) -ne 512 ]; then
    echo "$0: the footer is $((size_out - size_lib)) bytes, not 512" >&2
    exit 1
fi
mv -f "$tmp" "$out"
