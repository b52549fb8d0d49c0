#!/usr/bin/env python3
"""Build an nps_state blob (binary format 2) from a readable description.

An encoder written from the format's description, not from the library, so
that tests compare the extension against an independent reading of the
layout:

    "nps"                      3 bytes of magic
    0x02                       the format version
    uint32 LE flags            bit 0: the weighted section is present
    11 x int64 LE              rows per score 0..10
    -- only when weighted:
    3 x int64 LE               weighted rows per category (detractor, passive, promoter)
    6 sums                     wsum[0..2] then wsq[0..2], each:
                               int32 LE exp, uint32 LE inexact (0/1),
                               5 x uint64 LE limbs; value = sum limb[i] * 2^(64 i + exp)
                               canonical: the lowest set bit is bit 0 of limb[0]
                               (a zero sum: all limbs 0, exp 0)
    uint32 LE                  CRC-32 (IEEE, zlib.crc32) of every byte before it

100 bytes unweighted, 412 weighted.

Usage (one word per field, as in the state's text form):

    state_blob.py scores=0,0,0,0,0,0,0,1,0,1,2
    state_blob.py scores=... weighted=1,1,1 wsum=0.5,1,2 wsq=0.25,1,4

Numbers of a sum are exact: an integer (12), a decimal read as the double it
names (0.5, 1e-200), a fraction (3/4), a power of two (2^-70) or a product
(3*2^-70), the exact square of one (sq(0.1)), or an exact sum of
those (0.1+0.2, sq(0.1)+sq(0.2)).  A sum must be a whole number times a power of two; the tool
finds the canonical limbs and exponent itself.

Options that build blobs the library must refuse (each applied after the
normal encoding unless said otherwise):

    inexact=a,b,c,d,e,f        inexact flags of wsum[0..2], wsq[0..2] (default 0)
    version=N                  the version byte (default 2)
    flags=N                    the flags word (default 1 when weighted=, else 0)
    raw=K:EXP:L0,L1,L2,L3,L4   sum K (0..5) written as given, not canonicalised
    crc=HEX                    write this CRC instead of the computed one
    flip=BYTE:BIT              flip one bit after the CRC was written (corruption)
    cut=N                      keep only the first N bytes (truncation)
    magic=TEXT                 another 3-byte magic

Counts may be negative or up to 2^64 - 1 (written as their 64-bit pattern),
so that inconsistent states can be built.  Prints the hex in lower case;
--sql prints it as an SQL blob literal x'...'.

Also importable: encode(scores, weighted=None, wsum=None, wsq=None, ...).
"""
import re
import struct
import sys
import zlib
from fractions import Fraction

NSCORES = 11
NLIMBS = 5


def parse_number(text):
    """An exact Fraction from the readable forms above."""
    text = text.strip()
    terms = re.split(r'(?<![eE])\+', text)
    if len(terms) > 1 and all(terms):
        return sum((parse_number(t) for t in terms), Fraction(0))
    m = re.fullmatch(r'sq\((.*)\)', text)
    if m:
        return parse_number(m.group(1)) ** 2
    m = re.fullmatch(r'(?:([-+]?\d+)\*)?2\^([-+]?\d+)', text)
    if m:
        coef = int(m.group(1)) if m.group(1) else 1
        return Fraction(coef) * Fraction(2) ** int(m.group(2))
    if re.fullmatch(r'[-+]?\d+', text):
        return Fraction(int(text))
    if re.fullmatch(r'[-+]?\d+/\d+', text):
        return Fraction(text)
    return Fraction(float(text))  # the exact value of the double


def canonical_sum(value):
    """(exp, limbs) of a sum >= 0: value = odd m * 2^exp, limbs the 64-bit words of m."""
    value = Fraction(value)
    if value < 0:
        raise ValueError('a sum is >= 0, got %s' % value)
    if value == 0:
        return 0, [0] * NLIMBS
    num, den = value.numerator, value.denominator
    if den & (den - 1):
        raise ValueError('%s is not a whole number times a power of two' % value)
    exp = -(den.bit_length() - 1)
    while num % 2 == 0:
        num //= 2
        exp += 1
    if num.bit_length() > 64 * NLIMBS:
        raise ValueError('%s needs more than %d bits' % (value, 64 * NLIMBS))
    limbs = [(num >> (64 * i)) & (2**64 - 1) for i in range(NLIMBS)]
    return exp, limbs


def u64(v):
    return struct.pack('<Q', v & (2**64 - 1))


def encode(scores, weighted=None, wsum=None, wsq=None, inexact=None, version=2, flags=None,
           raw=None, crc=None, flip=None, cut=None, magic=b'nps'):
    """The blob as bytes.  raw maps a sum index 0..5 to (exp, [5 limbs])."""
    if len(scores) != NSCORES:
        raise ValueError('scores= takes 11 counts, got %d' % len(scores))
    has_weights = weighted is not None
    if flags is None:
        flags = 1 if has_weights else 0
    out = bytearray(magic) + bytes([version]) + struct.pack('<I', flags)
    for c in scores:
        out += u64(c)
    if has_weights:
        wsum = list(wsum or [0, 0, 0])
        wsq = list(wsq or [0, 0, 0])
        inexact = list(inexact or [0] * 6)
        if len(weighted) != 3 or len(wsum) != 3 or len(wsq) != 3 or len(inexact) != 6:
            raise ValueError('weighted=, wsum=, wsq= take 3 values, inexact= 6')
        for c in weighted:
            out += u64(c)
        for k, value in enumerate(wsum + wsq):
            if raw and k in raw:
                exp, limbs = raw[k]
            else:
                exp, limbs = canonical_sum(value)
            out += struct.pack('<iI', exp, inexact[k])
            for limb in limbs:
                out += u64(limb)
    elif wsum or wsq or inexact or raw:
        raise ValueError('wsum=, wsq=, inexact= and raw= need weighted=')
    out += struct.pack('<I', zlib.crc32(bytes(out)) if crc is None else crc)
    if flip is not None:
        byte, bit = flip
        out[byte] ^= 1 << bit
    if cut is not None:
        out = out[:cut]
    return bytes(out)


def main(argv):
    sql = False
    args = {}
    for word in argv:
        if word == '--sql':
            sql = True
            continue
        if '=' not in word:
            sys.exit('state_blob.py: expected name=value, got %r (see --help in the source)' % word)
        name, value = word.split('=', 1)
        args[name] = value
    if 'scores' not in args:
        sys.exit('state_blob.py: scores= is required')
    ints = lambda v: [int(parse_number(x)) for x in v.split(',')]
    nums = lambda v: [parse_number(x) for x in v.split(',')]
    kw = {}
    kw['scores'] = ints(args.pop('scores'))
    if 'weighted' in args:
        kw['weighted'] = ints(args.pop('weighted'))
    for name in ('wsum', 'wsq'):
        if name in args:
            kw[name] = nums(args.pop(name))
    if 'inexact' in args:
        kw['inexact'] = ints(args.pop('inexact'))
    for name in ('version', 'flags', 'cut'):
        if name in args:
            kw[name] = int(args.pop(name), 0)
    if 'crc' in args:
        kw['crc'] = int(args.pop('crc'), 16)
    if 'flip' in args:
        byte, bit = args.pop('flip').split(':')
        kw['flip'] = (int(byte), int(bit))
    if 'magic' in args:
        kw['magic'] = args.pop('magic').encode()
    if 'raw' in args:
        k, exp, limbs = args.pop('raw').split(':')
        kw['raw'] = {int(k): (int(exp), [int(x, 0) for x in limbs.split(',')])}
    if args:
        sys.exit('state_blob.py: unknown field(s): %s' % ', '.join(sorted(args)))
    blob = encode(**kw)
    print("x'%s'" % blob.hex() if sql else blob.hex())


if __name__ == '__main__':
    main(sys.argv[1:])
