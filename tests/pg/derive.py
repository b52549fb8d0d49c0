#!/usr/bin/env python3
"""Expected numbers of the PostgreSQL tests, from the formulas of SPEC.md.

Written from the contract, not from the extension: mpmath at 50 digits,
so every printed digit of a test's expected output can be checked here.

    python3 tests/pg/derive.py [section ...]

Formulas (SPEC.md): p, d the promoter and detractor proportions (weighted:
of the sum of weights); n the rows, weighted Kish's n = (sum w)^2 / sum w^2;
stderr = 100 sqrt((p + d - (p - d)^2) / n); moe = z stderr with z the
two-sided normal quantile of the confidence; adjusted Wald: add 0.75
detractor, 1.5 passive, 0.75 promoter pseudo-responses to n, Wald on n + 3,
clipped to -100..100.  An unweighted row weighs 1.
"""
import sys

import mpmath as mp

mp.mp.dps = 50
Z95 = mp.mpf('1.959963984540054')


def z(confidence):
    return mp.sqrt(2) * mp.erfinv(mp.mpf(confidence))


def category(score):
    return 0 if score <= 6 else (1 if score <= 8 else 2)


def measures(rows, confidence=None):
    """rows: (score, weight or None for unweighted).  NULL scores/weights
    are left out by the caller.  Returns a dict of exact results."""
    w = [mp.mpf(0)] * 3
    q = [mp.mpf(0)] * 3
    for s, wt in rows:
        wt = mp.mpf(1) if wt is None else mp.mpf(wt)
        w[category(s)] += wt
        q[category(s)] += wt * wt
    total, sq = sum(w), sum(q)
    if total == 0:
        return None
    p, pa, d = w[2] / total, w[1] / total, w[0] / total
    n = total ** 2 / sq
    zz = Z95 if confidence is None else z(confidence)
    se = 100 * mp.sqrt((p + d - (p - d) ** 2) / n)
    n3 = n + 3
    pp, dd = (n * p + mp.mpf('0.75')) / n3, (n * d + mp.mpf('0.75')) / n3
    half = zz * 100 * mp.sqrt((pp + dd - (pp - dd) ** 2) / n3)
    centre = 100 * (pp - dd)
    return dict(nps=100 * (p - d), promoter=100 * p, passive=100 * pa, detractor=100 * d,
                stderr=se, moe=zz * se, lo=max(centre - half, -100), hi=min(centre + half, 100),
                n=n)


def fmt(x, digits=15):
    return mp.nstr(x, digits)


def r10(x):
    return mp.nstr(mp.mpf(x), 30, min_fixed=-99, max_fixed=99) if x is None else '%.10f' % float(
        mp.nint(x * 10 ** 10) / 10 ** 10)


def show(label, rows, confidence=None, keys=('nps', 'promoter', 'passive', 'detractor', 'stderr')):
    m = measures(rows, confidence)
    if m is None:
        print(label, 'NULL')
        return
    out = []
    for k in keys:
        out.append(r10(m[k]) if k in ('moe', 'lo', 'hi') else fmt(m[k]))
    print(label, '|'.join(out))


# aggregates.sql: the resp table.
RESP = [(1, 'a', 10, 1), (2, 'a', 9, 2), (3, 'a', 9, 0.25), (4, 'a', 8, 1), (5, 'a', 7, None),
        (6, 'a', 6, 1.5), (7, 'a', 0, 4), (8, 'a', None, 3),
        (9, 'b', 10, 1), (10, 'b', 3, 0), (11, 'b', 5, 2), (12, 'b', 8, 0.5), (13, 'b', None, None),
        (14, 'b', 2, 1), (15, 'c', None, 1)]


def aggregates():
    for g in ('a', 'b', 'c', None):
        sel = [r for r in RESP if (g is None or r[1] == g) and r[2] is not None]
        unweighted = [(r[2], None) for r in sel]
        weighted = [(r[2], r[3]) for r in sel if r[3] is not None]
        print('--', g)
        show('unweighted', unweighted)
        show(' 95', unweighted, None, ('moe', 'lo', 'hi'))
        show(' moe90 lo90 hi99', unweighted, 0.9, ('moe', 'lo'))
        show('          hi99', unweighted, 0.99, ('hi',))
        show('weighted', weighted)
        show(' 95', weighted, None, ('moe', 'lo', 'hi', 'n'))
        show(' moe90', weighted, 0.9, ('moe',))
        show(' lo80', weighted, 0.8, ('lo',))
        show(' hi99', weighted, 0.99, ('hi',))


def parallel():
    # big: i = 1..100000, g = i % 3, s = i % 11, wx = 0.1 (1 + i % 7) + 0.001 (i % 13),
    # evaluated in doubles as PostgreSQL does (Python floats are IEEE doubles).
    groups = {0: [], 1: [], 2: []}
    for i in range(1, 100001):
        wx = 0.1 * (1 + i % 7) + 0.001 * (i % 13)
        groups[i % 3].append((i % 11, wx))
    everything = groups[0] + groups[1] + groups[2]
    for g, rows in list(groups.items()) + [('', everything)]:
        m = measures(rows)
        m90 = measures(rows, 0.9)
        print('%s|%s|%s|%s|%s|%s|%s|%s' % (g, fmt(m['nps']), fmt(m['stderr']), r10(m['moe']), r10(m['lo']),
                                         r10(m['hi']), r10(m90['moe']), fmt(m['n'])))


def pvalue(a, b):
    ma, mb = measures(a), measures(b)
    zz = (ma['nps'] - mb['nps']) / mp.sqrt(ma['stderr'] ** 2 + mb['stderr'] ** 2)
    return mp.erfc(abs(zz) / mp.sqrt(2))


def trust():
    r = {1: [(10, 1), (9, 2), (9, 0.25), (8, 1), (7, None), (6, 1.5), (0, 4)],
         2: [(10, 1), (3, 0), (5, 2), (8, 0.5), (2, 1)],
         3: [(9, 1), (9, 1), (9, 3), (10, 0.5), (7, 1), (0, 2)]}
    unweighted = {m: [(s, None) for s, _ in rows] for m, rows in r.items()}
    weighted = {m: [(s, w) for s, w in rows if w is not None] for m, rows in r.items()}
    print('1. month|nps|p')
    for m in (1, 2, 3):
        print(m, fmt(measures(unweighted[m])['nps']), fmt(pvalue(unweighted[m - 1], unweighted[m])) if m > 1 else 'NULL')
    print('2. month|moe90|lo90|hi90 (weighted)')
    for m in (1, 2, 3):
        x = measures(weighted[m], 0.9)
        print(m, r10(x['moe']), r10(x['lo']), r10(x['hi']))
    print('4. mixed merge', fmt(measures([(9, None), (0, 0.5)])['nps']))
    print('5. drift row 7', r10(measures([(9, 1)] * 5 + [(0, 1)])['nps']),
          r10(measures([(9, 1)] * 5 + [(0, 1)])['stderr']))
    apart = [(9, '1e30'), (0, '1e-30'), (9, 1), (0, 1), (0, 1), (9, '1e-30')]
    print('6. i|nps|stderr|moe')
    for i in range(1, 7):
        frame = apart[max(0, i - 3):i]
        x = measures(frame)
        print(i, r10(x['nps']), r10(x['stderr']), r10(x['moe']))
    print('7. margin at 90 of (5), (9):', r10(measures([(5, None), (9, None)], 0.9)['moe']))


SECTIONS = {'aggregates': aggregates, 'parallel': parallel, 'trust': trust}

if __name__ == '__main__':
    for name in sys.argv[1:] or SECTIONS:
        print('==', name)
        SECTIONS[name]()
