#!/usr/bin/env python3
"""Build an nps_pair_state blob (pair format 1) from its nine counts.

An encoder written from the format's description (rule W5 of core/nps.h),
not from the library, so that tests compare the extension against an
independent reading of the layout:

    "npp"                      3 bytes of magic
    0x01                       the format version
    uint32 LE flags            0 (no flag is defined)
    9 x int64 LE               pairs by category before (rows) and after
                               (columns): D->D, D->P, D->T, P->D, P->P,
                               P->T, T->D, T->P, T->T
    uint32 LE                  CRC-32 (IEEE, zlib.crc32) of the 80 bytes before it

84 bytes.

Usage:

    pair_blob.py pairs=2,1,1,1,3,2,0,1,4

Options that build blobs the library must refuse (applied after the normal
encoding):

    version=N      the version byte (default 1)
    flags=N        the flags word (default 0)
    magic=TEXT     another 3-byte magic
    crc=HEX        write this CRC instead of the computed one
    cut=N          keep only the first N bytes

Counts may be negative or up to 2^64 - 1 (written as their 64-bit
pattern).  Prints the hex in lower case; --sql prints an SQL blob literal
x'...', --pg a PostgreSQL bytea literal '\\x...'::bytea.
"""
import struct
import sys
import zlib


def encode(counts, version=1, flags=0, magic=b"npp", crc=None, cut=None):
    """The bytes of a pair state of the nine counts."""
    if len(counts) != 9:
        raise ValueError("a pair state has 9 counts")
    body = magic + bytes([version]) + struct.pack("<I", flags)
    body += b"".join(struct.pack("<Q", c % (1 << 64)) for c in counts)
    out = body + struct.pack("<I", zlib.crc32(body) if crc is None else crc)
    return out if cut is None else out[:cut]


def main(argv):
    kw, counts, form = {}, None, "hex"
    for arg in argv:
        if arg in ("--sql", "--pg"):
            form = arg[2:]
            continue
        key, _, value = arg.partition("=")
        if key == "pairs":
            counts = [int(x) for x in value.split(",")]
        elif key in ("version", "flags", "cut"):
            kw[key] = int(value, 0)
        elif key == "crc":
            kw[key] = int(value, 16)
        elif key == "magic":
            kw[key] = value.encode()
        else:
            raise SystemExit(f"pair_blob.py: unknown argument {arg}")
    if counts is None:
        raise SystemExit("pair_blob.py: pairs=... is required")
    h = encode(counts, **kw).hex()
    print({"hex": h, "sql": f"x'{h}'", "pg": f"'\\x{h}'::bytea"}[form])


if __name__ == "__main__":
    main(sys.argv[1:])
