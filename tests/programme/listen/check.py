#!/usr/bin/env python3
"""Check what the LISTEN client received (tests/programme/listen/run.sh).

check.py cases RECEIVED EXPECTED
    Each line of EXPECTED is either the exact payload expected next, or
    '# cut {spec}': a payload of a row too large for NOTIFY, whose spec names
    the row id and score, the string field that must have been shortened
    (a prefix of `length` copies of `from`, ending in '…'), the fields
    kept, and optionally the fields that must have been dropped.  Such a
    payload must be valid JSON under 8000 bytes, marked "truncated": true,
    and at least 7900 bytes (not cut more than needed).

check.py concurrent RECEIVED IDS CLIENTS TRANSACTIONS
    RECEIVED holds one payload per detractor row of table pgb inserted by
    pgbench: CLIENTS x TRANSACTIONS transactions of the scores 0..10, so
    7 x CLIENTS x TRANSACTIONS payloads, each valid JSON with table pgb,
    category detractor and a score 0..6, no id twice, the ids those of
    IDS (the detractor rows in the table), and TRANSACTIONS x 7 per client.

Prints one line per check, 'ok ...' or 'FAIL ...'; exits 1 on a failure.
"""
import json
import sys
from collections import Counter

failures = 0


def report(ok, what):
    """Print one check's outcome."""
    global failures
    print(('ok   ' if ok else 'FAIL ') + what)
    failures += 0 if ok else 1


def check_cut(line, spec):
    """A payload cut to fit NOTIFY, against its spec; a list of problems."""
    problems = []
    size = len(line.encode('utf-8'))
    if not 7900 <= size < 8000:
        problems.append('%d bytes, not 7900..7999' % size)
    try:
        p = json.loads(line)
    except ValueError as e:
        return problems + ['not JSON: %s' % e]
    if p.get('truncated') is not True or p.get('key') != {'id': spec['id']} or p.get('score') != spec['score']:
        problems.append('truncated/key/score wrong: %s' % line[:120])
    row = p.get('row', {})
    value = row.get(spec['shortened'], '')
    whole = spec['from'] * spec['length']
    if not (value.endswith('…') and whole.startswith(value[:-1]) and len(value) - 1 < spec['length']):
        problems.append('%s is not a shortened prefix ending in …' % spec['shortened'])
    for k in spec['kept']:
        if k not in row:
            problems.append('field %s was dropped' % k)
    for k in spec.get('dropped', []):
        if k in row:
            problems.append('field %s was kept' % k)
    return problems


def cases(received, expected):
    got = [x.rstrip('\n') for x in open(received, encoding='utf-8')]
    want = [x.rstrip('\n') for x in open(expected, encoding='utf-8')]
    report(len(got) == len(want), '%s: %d notifications, %d expected' % (expected, len(got), len(want)))
    for i, (g, w) in enumerate(zip(got, want), 1):
        if w.startswith('# cut '):
            problems = check_cut(g, json.loads(w[len('# cut '):]))
            report(not problems, 'notification %d, cut to fit: %s' % (i, '; '.join(problems) or 'as expected'))
        else:
            report(g == w, 'notification %d%s' % (i, '' if g == w else ':\n  got  %s\n  want %s' % (g, w)))


def concurrent(received, ids_file, clients, transactions):
    lines = [x.rstrip('\n') for x in open(received, encoding='utf-8')]
    want = 7 * clients * transactions
    report(len(lines) == want, 'pgbench: %d notifications for %d clients x %d transactions x 7 detractors = %d'
           % (len(lines), clients, transactions, want))
    payloads, bad = [], 0
    for line in lines:
        try:
            p = json.loads(line)
        except ValueError:
            bad += 1
            continue
        ok = (p.get('table') == 'pgb' and p.get('category') == 'detractor' and p.get('score') in range(7)
              and p['row'].get('score') == p['score'] and p['key'] == {'id': p['row'].get('id')}
              and len(line.encode('utf-8')) < 8000)
        bad += 0 if ok else 1
        payloads.append(p)
    report(bad == 0, 'pgbench: every payload is JSON with table pgb, category detractor, score 0..6 (%d bad)' % bad)
    ids = [p['key']['id'] for p in payloads]
    table_ids = sorted(int(x) for x in open(ids_file) if x.strip())
    report(len(set(ids)) == len(ids), 'pgbench: no row notified twice')
    report(sorted(ids) == table_ids, 'pgbench: the notified rows are exactly the %d detractor rows of the table'
           % len(table_ids))
    per_client = Counter(p['row']['client'] for p in payloads)
    report(sorted(per_client.values()) == [7 * transactions] * clients,
           'pgbench: %d per client (%s)' % (7 * transactions, ', '.join('%d' % per_client[c] for c in sorted(per_client))))
    per_score = Counter(p['score'] for p in payloads)
    report(all(per_score[s] == clients * transactions for s in range(7)),
           'pgbench: %d of each score 0..6' % (clients * transactions))


if __name__ == '__main__':
    if sys.argv[1] == 'cases':
        cases(sys.argv[2], sys.argv[3])
    else:
        concurrent(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    sys.exit(1 if failures else 0)
