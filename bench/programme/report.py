#!/usr/bin/env python3
"""The programme benchmark's report, from what bench/programme/run.sh
measured in OUT/raw.tsv (engine, size, query, run, ms, rows, digest):

  * every query gave the same answer in both engines at every size (the rows
    each printed, numbers to 9 significant digits), and the trend from the
    daily rollup the same as from the raw rows: a difference fails;
  * the table: per query and engine the median time at each size and the
    growth factor from one size to the next, next to the growth of the data;
  * the write test: new responses written with the alert off and on, and
    the ratio of the two (the median of the ratios within each run);
  * the targets, at the largest size: every query under 1 s, no query
    growing faster than the data, the alert costing at most 1.5x (the raw
    rows a rollup replaces are timed for reference only).  Below
    2,000,000 responses a missed target is printed as "miss", not a verdict.

Writes OUT/results.csv and OUT/targets.csv.  Usage: report.py OUT STRICT SIZES
Exits 1 when an answer differs, or when STRICT is 1 and a target fails.
"""
import csv
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_MS = 1000.0       # every view and query at the largest size
ALERT_RATIO = 1.5        # writing with the alert on, against off
FULL_SIZE = 2000000      # the size the targets are set for
NOISE_MS = 50.0          # below this a growth factor says nothing
ENGINES = (('sqlite', 'SQLite'), ('pg', 'PostgreSQL'))
# Pairs of queries whose answers must be the same rows.
SAME_ANSWER = (('trend_raw', 'trend_rollup'),)
# Timed for reference only, with no target: the raw rows a rollup
# replaces, and the rebuild (no view: it reads everything by design).
REFERENCE = ('trend_raw', 'rebuild')


def short(n):
    """A size as 20k, 2M."""
    if n >= 1000000 and n % 1000000 == 0:
        return '%dM' % (n // 1000000)
    if n >= 1000000:
        return '%.1fM' % (n / 1e6)
    if n >= 1000 and n % 1000 == 0:
        return '%dk' % (n // 1000)
    return str(n)


def fmt_ms(v):
    if v is None:
        return '-'
    if v < 1:
        return '< 1 ms' if v < 0.05 else '%.1f ms' % v
    if v >= 10000:
        return '%.0f s' % (v / 1000)
    if v >= 1000:
        return '%.2f s' % (v / 1000)
    if v >= 10:
        return '%.0f ms' % v
    return '%.1f ms' % v


def main():
    out, strict, sizes = sys.argv[1], sys.argv[2] == '1', [int(s) for s in sys.argv[3].split()]
    labels, order = {}, []
    for line in open(os.path.join(HERE, 'queries.txt'), encoding='utf-8'):
        if line.startswith('#') or line.count('|') < 3:
            continue
        _, name, label, _ = line.rstrip('\n').split('|', 3)
        if name not in labels:
            order.append(name)
        labels[name] = label
    labels['write_alert_off'] = 'write the new responses, alert off'
    labels['write_alert_on'] = 'write the new responses, alert on'
    labels['rebuild'] = 'rebuild every maintained table (once)'
    order += ['write_alert_off', 'write_alert_on', 'rebuild']

    runs = {}       # (engine, size, name) -> [ms by run]
    answers = {}    # (engine, size, name) -> {(rows, digest)}
    for line in open(os.path.join(out, 'raw.tsv'), encoding='utf-8'):
        e, s, name, run, ms, rows, digest = line.rstrip('\n').split('\t')
        k = (e, int(s), name)
        runs.setdefault(k, []).append(float(ms))
        answers.setdefault(k, set()).add((int(rows), digest))
    engines = [e for e in ENGINES if any(k[0] == e[0] for k in runs)]
    failed = 0

    # Both engines, the same answers (and each engine the same in every run).
    for s in sizes:
        for name in order:
            got = [answers.get((e, s, name)) for e, _ in engines]
            if any(g is None for g in got):
                continue
            if any(len(g) != 1 for g in got) or len({next(iter(g)) for g in got}) != 1:
                print('CHECK FAILED: %s at %s: the engines (or runs) disagree: %s'
                      % (name, short(s), ', '.join('%s %s' % (en, sorted(g)) for (_, en), g in zip(engines, got))))
                failed += 1
    if len(engines) == 2 and not failed:
        print('every answer the same in both engines, at every size')
    # Queries that must give the same answer as another (a rollup as the raw rows).
    for a, b in SAME_ANSWER:
        for e, en in engines:
            for s in sizes:
                x, y = answers.get((e, s, a)), answers.get((e, s, b))
                if x is not None and y is not None and x != y:
                    print('CHECK FAILED: %s %s at %s: %s gave %s, %s gave %s' % (en, b, short(s), a, sorted(x), b, sorted(y)))
                    failed += 1

    med = {k: statistics.median(v) for k, v in runs.items()}
    growth_of_data = [sizes[i] / sizes[i - 1] for i in range(1, len(sizes))]

    # The table.
    head = ['%-58s' % '']
    for _, en in engines:
        cols = ['%8s' % short(s) for s in sizes] + ['%6s' % ('x%.0f' % g) for g in growth_of_data]
        head.append(('%-' + str(len(' '.join(cols))) + 's') % en)
    print()
    print('median of %s runs; growth: the time at a size over the time at the size before'
          % max((len(v) for v in runs.values()), default=0))
    print('  '.join(head))
    sub = ['%-58s' % 'query']
    for _ in engines:
        sub.append(' '.join(['%8s' % short(s) for s in sizes] + ['%6s' % ('x%g' % g) for g in growth_of_data]))
    print('  '.join(sub))
    rows_csv = []
    for name in order:
        if not any((e, s, name) in med for e, _ in engines for s in sizes):
            continue
        cells = ['%-58s' % labels[name][:58]]
        for e, _ in engines:
            ts = [med.get((e, s, name)) for s in sizes]
            gs = []
            for i in range(1, len(sizes)):
                a, b = ts[i - 1], ts[i]
                gs.append(b / a if a and b else None)
            cells.append(' '.join(['%8s' % fmt_ms(t) for t in ts]
                                  + ['%6s' % ('-' if g is None else '%.1f' % g) for g in gs]))
            for i, s in enumerate(sizes):
                k = (e, s, name)
                if k in runs:
                    rows_csv.append([e, s, name, labels[name], len(runs[k]), '%.3f' % med[k],
                                     '%.3f' % min(runs[k]), '%.3f' % max(runs[k]),
                                     '' if i == 0 or gs[i - 1] is None else '%.2f' % gs[i - 1]])
        print('  '.join(cells))
    with open(os.path.join(out, 'results.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['engine', 'size', 'query', 'label', 'runs', 'median_ms', 'min_ms', 'max_ms', 'growth'])
        w.writerows(rows_csv)

    # The alert's cost: the median of on / off within each run.
    ratio = {}
    print()
    for e, en in engines:
        parts = []
        for s in sizes:
            off, on = runs.get((e, s, 'write_alert_off')), runs.get((e, s, 'write_alert_on'))
            if off and on:
                ratio[e, s] = statistics.median(b / a for a, b in zip(off, on) if a > 0)
                parts.append('%s %s -> %s (%.2fx)' % (short(s), fmt_ms(med[e, s, 'write_alert_off']),
                                                       fmt_ms(med[e, s, 'write_alert_on']), ratio[e, s]))
        if parts:
            print('%-11s writes, alert off -> on: %s' % (en, '; '.join(parts)))
    loads = os.path.join(out, 'loads.tsv')
    if os.path.exists(loads):
        for line in open(loads):
            e, s, secs = line.split()
            print('%-11s loading the programme of %s: %s s' % (dict(ENGINES)[e], short(int(s)), secs))

    # The targets, at the largest size.
    big = sizes[-1]
    verdict_word = 'FAIL' if big >= FULL_SIZE else 'miss'
    missed = 0
    targets = []
    print()
    print('targets at %s (set for %s; a smaller run prints a miss, not a failure):' % (short(big), short(FULL_SIZE)))

    def target(what, e, value, op, limit, shown):
        nonlocal missed
        ok = value <= limit if op == '<=' else value >= limit
        res = 'PASS' if ok else verdict_word
        if not ok:
            missed += 1
            print('%s  %-11s %s: %s (target %s %s)' % (res, dict(ENGINES)[e], what, shown, op, limit))
        targets.append([what, e, '%.3f' % value, op, limit, res])
        return ok

    passed = 0
    for e, en in engines:
        for name in order:
            if name.startswith('write_') or name in REFERENCE:
                continue
            t = med.get((e, big, name))
            if t is None:
                continue
            passed += target(labels[name] + ' (ms)', e, t, '<=', TARGET_MS, fmt_ms(t))
            if len(sizes) > 1:
                a = med.get((e, sizes[-2], name))
                if a and t >= NOISE_MS:
                    g = t / a
                    passed += target(labels[name] + ' (growth)', e, g, '<=', growth_of_data[-1],
                                     'x%.1f for x%g data' % (g, growth_of_data[-1]))
        if (e, big) in ratio:
            passed += target('writes with the alert on / off', e, ratio[e, big], '<=', ALERT_RATIO,
                             '%.2fx' % ratio[e, big])
    print('%d targets met, %d missed' % (passed, missed))
    with open(os.path.join(out, 'targets.csv'), 'w', newline='') as f:
        w = csv.writer(f)
        w.writerow(['target', 'engine', 'value', 'op', 'limit', 'result'])
        w.writerows(targets)
    if failed:
        return 1
    if strict and missed and big >= FULL_SIZE:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
