#!/usr/bin/env python3
"""check.py -- the demo's report and its HTML page against numbers worked out
here: plain SQL over the demo's own tables (responses, cx_log, invitations,
campaigns...; never the extension or the programme's views) and the
formulas of README's "The exact rules".  One "ok"/"FAIL" line per check,
then "N passed, M failed".
The README's excerpts of the report in "The demo" must be lines it prints.
Usage: check.py DEMO_DIR REPORT_TXT REPORT_PNG   (run by tests/demo/run.sh,
from the top directory)
"""
import math
import re
import sqlite3
import struct
import sys
import xml.etree.ElementTree as ET
import zlib
from datetime import datetime, timedelta
from html.parser import HTMLParser

demo, report_txt, png_path = sys.argv[1:4]
db = sqlite3.connect('file:%s/nps_demo.db?mode=ro' % demo, uri=True)
text = open(report_txt, encoding='utf-8').read()
lines = text.split('\n')
passed = failed = 0
NOW = '2026-12-01 09:00:00'  # demo/programme.sql's as_of
Z = 1.959963984540054


def check(name, problems):
    global passed, failed
    problems = [p for p in problems if p]
    if problems:
        failed += 1
        print('FAIL ' + name)
        for p in problems:
            print('    ' + p)
    else:
        passed += 1
        print('ok   ' + name)


def q(sql, *args):
    return db.execute(sql, args).fetchall()


def section(title):
    """The report's lines from the one starting with title to the next blank."""
    i = next(k for k, l in enumerate(lines) if l.startswith(title))
    out = []
    for l in lines[i:]:
        if not l.strip():
            break
        out.append(l)
    return out


def nps(p, d, n):
    return 100.0 * (p - d) / n


def adjusted_wald(p, d, n):
    """README: 0.75 detractor, 1.5 passive, 0.75 promoter pseudo-answers, then Wald."""
    m = n + 3
    a, b = (p + 0.75) / m, (d + 0.75) / m
    c = a - b
    se = math.sqrt((a + b - c * c) / m)
    return max(-100.0, 100 * (c - Z * se)), min(100.0, 100 * (c + Z * se))


def band_text(lo, hi):
    """README's nps_band: negative below 0, good 0 to below 30, great 30 to below 70,
    excellent 70 and up; every band [lo, hi] reaches, from the highest."""
    names = []
    for name, a, b in (('excellent', 70, 1e9), ('great', 30, 70), ('good', 0, 30),
                       ('negative', -1e9, 0)):
        if lo < b and hi >= a:
            names.append(name)
    if len(names) == 1:
        return names[0]
    # A wide interval (10 points or more) is too few answers; a narrow one
    # that still reaches two bands sits on the line between them.
    if hi - lo >= 10:
        return ' or '.join(names) + ': too few answers to tell'
    return ' or '.join(names) + ': on the line between them'


# (a1) The monthly bars: a negative month left of the zero axis, every bar
# as long as round(|NPS| / 2) blocks, the axis in one column.
months = q("""SELECT substr(responded_at, 1, 7), sum(score >= 9), sum(score <= 6), count(score)
              FROM responses GROUP BY 1 ORDER BY 1""")
rows = {l[:7]: l for l in section('month ') if re.match(r'\d{4}-\d\d ', l)}
problems, axis = [], set()
if len(rows) != len(months):
    problems.append('%d month lines, %d months in the data' % (len(rows), len(months)))
for m, p, d, n in months:
    v = nps(p, d, n)
    line = rows.get(m, '')
    if '│' not in line:
        problems.append('%s: no axis in %r' % (m, line))
        continue
    left, right = line.split('│', 1)
    axis.add(len(left))
    neg = len(left) - len(left.rstrip('█'))
    pos = len(right) - len(right.lstrip('█'))
    blocks = int(math.floor(abs(v) / 2 + 0.5))
    want = (blocks, 0) if v < 0 else (0, blocks)
    if (neg, pos) != want:
        problems.append('%s NPS %+.1f: %d blocks left, %d right of the axis; want %d, %d'
                        % (m, v, neg, pos, *want))
    if ('%+.1f' % v) not in line:
        problems.append('%s: NPS %+.1f not in %r' % (m, v, line))
    end = (datetime.strptime(m + '-01', '%Y-%m-%d') + timedelta(days=32)).replace(day=1)
    if (end > datetime.strptime(NOW, '%Y-%m-%d %H:%M:%S')) != line.endswith('partial'):
        problems.append('%s: partial or not, wrongly: %r' % (m, line))
if len(axis) > 1:
    problems.append('the axis is in columns %s, not one' % sorted(axis))
sep = [m for m, p, d, n in months if nps(p, d, n) < 0]
check('monthly bars: %s left of the zero axis, the others right' % ', '.join(sep),
      problems + ([] if sep else ['no negative month in the data']))

# (a2) Bands from the 95% interval (adjusted Wald): the Middle East by the
# formula, and every region, channel, plan and campaign line.
problems = []
p, d, n = q("""SELECT sum(score >= 9), sum(score <= 6), count(score) FROM responses
               WHERE region = 'Middle East'""")[0]
lo, hi = adjusted_wald(p, d, n)
regions = section('region              n')
me = [l for l in regions if l.startswith('Middle East ')]
want = '%+.1f .. %+.1f' % (lo, hi)
if not me or want not in me[0] or not me[0].endswith('good or negative: too few answers to tell'):
    problems.append('Middle East (n %d, interval %s): %r' % (n, want, me))
for dim in ('region', 'channel', 'plan', 'campaign'):
    block = regions if dim == 'region' else section('vs rest:')
    for val, p, d, n in q("""SELECT %s, sum(score >= 9), sum(score <= 6), count(score)
                             FROM responses GROUP BY 1""" % dim):
        lo, hi = adjusted_wald(p, d, n)
        line = [l for l in block if re.search(r'(^|\s)%s\s+[\d,]+\s' % re.escape(val), l)]
        want = band_text(lo, hi)
        if len(line) != 1:
            problems.append('%s %s: %d lines' % (dim, val, len(line)))
        elif ('%+.1f .. %+.1f' % (lo, hi)) not in line[0] or \
                not re.search(r'  %s(;|$)' % re.escape(want), line[0]):
            problems.append('%s %s: want %+.1f .. %+.1f, %r in %r'
                            % (dim, val, lo, hi, want, line[0]))
check('bands: every band the 95%% interval reaches (Middle East %+.1f .. %+.1f)'
      % adjusted_wald(*q("""SELECT sum(score >= 9), sum(score <= 6), count(score) FROM responses
                            WHERE region = 'Middle East'""")[0]), problems)

# (a3) The weekly SLA: the week of the report's now is partial, and while
# its detractors are pending the share is a range, never a final figure.
weeks = q("""
    SELECT date(r.responded_at, 'weekday 0', '-6 days') AS week, count(*),
           count(l.contacted_at),
           sum(l.contacted_at <= datetime(r.responded_at, '+24 hours')),
           sum(l.contacted_at IS NULL AND datetime(r.responded_at, '+24 hours') >= ?)
    FROM responses AS r JOIN cx_log AS l ON l.response_id = r.id
    WHERE r.score <= 6
    GROUP BY 1 ORDER BY 1""", NOW)
shown = {l.split()[0]: l for l in section('  week of') if re.match(r'  \d{4}-', l)}
problems = []
last = weeks[-1]
if last[0] != '2026-11-30' or last[4] == 0:
    problems.append('the data has no pending detractors in the week of 2026-11-30: %r' % (last,))
for week, det, contacted, within, pending in weeks:
    if week not in shown:
        continue
    line = shown[week]
    partial = week >= '2026-11-30'
    nums = line.split()[1:4]
    if nums != [str(det), str(contacted), str(within)]:
        problems.append('%s: want %d detractors, %d contacted, %d in SLA: %r'
                        % (week, det, contacted, within, line))
    if pending:
        want = '%.0f-%.0f%%' % (100.0 * within / det, 100.0 * (within + pending) / det)
        if want not in line or '%d pending' % pending not in line or re.search(r'\d\.\d%', line):
            problems.append('%s: %d of %d pending, want %s and no final share: %r'
                            % (week, pending, det, want, line))
    elif ('%.1f%%' % (100.0 * within / (det - pending))) not in line:
        problems.append('%s: want %.1f%%: %r' % (week, 100.0 * within / det, line))
    if partial != ('partial week' in line):
        problems.append('%s: partial or not, wrongly: %r' % (week, line))
check('weekly SLA: the week of 2026-11-30 partial, %d of %d detractors pending, no final share'
      % (last[4], last[1]), problems)

# (a4) The follow-up queue: the oldest open detractors first.
oldest = q("""SELECT r.contact_id, substr(r.responded_at, 1, 10) FROM responses AS r
              JOIN cx_log AS l ON l.response_id = r.id
              WHERE l.contacted_at IS NULL AND l.resolved_at IS NULL AND l.informed_at IS NULL
              ORDER BY r.responded_at, r.id LIMIT 5""")
queue = [l for l in section('follow-up queue') if l.startswith('  #')]
got = [(re.search(r'C\d{6}', l).group(0), re.search(r'answered ([\d-]+)', l).group(1))
       for l in queue if re.search(r'answered ([\d-]+)', l)]
check('queue: the oldest open first, from %s' % oldest[0][1],
      [] if got == oldest else ['want %r, the report has %r' % (oldest, queue)])

# (a5) Response rates: each campaign against its kind's reference.
ref = dict(q("""SELECT key, CAST(value AS REAL) FROM nps_settings
                WHERE key IN ('response_rate_b2b', 'response_rate_b2c')"""))
kinds = dict(q('SELECT campaign, kind FROM campaigns'))
problems = []
if kinds.get('account_review') != 'B2B' or set(kinds.values()) != {'B2B', 'B2C'}:
    problems.append('campaigns: %r' % kinds)
block = section('response rates')
for camp, inv, ans in q("""
        SELECT i.campaign, count(*), count(r.invitation_id)
        FROM (SELECT id, campaign FROM invitations UNION ALL
              SELECT id, campaign FROM account_invitations) AS i
        LEFT JOIN (SELECT invitation_id FROM responses UNION ALL
                   SELECT invitation_id FROM account_responses) AS r ON r.invitation_id = i.id
        GROUP BY 1"""):
    kind = kinds[camp]
    rate = 100.0 * ans / inv
    r = ref['response_rate_b2b' if kind == 'B2B' else 'response_rate_b2c']
    want = '%.1f%%  %.1f points %s the %s %s' % (rate, abs(rate - r),
                                                  'above' if rate >= r else 'below', kind,
                                                  'reference' if kind == 'B2B' else 'target')
    line = [l for l in block if l.split()[:2] == [camp, kind]]
    if len(line) != 1 or not line[0].endswith(want):
        problems.append('%s (%s, %d of %d): want %r in %r' % (camp, kind, ans, inv, want, line))
check('response rates: each campaign against its kind (account_review B2B, %.0f%%)'
      % ref['response_rate_b2b'], problems)

# The README's excerpts of the report ("## The demo"): every line as printed
# (the page's path as make demo writes it, build/demo).
readme = open('README.md', encoding='utf-8').read()
part = readme[readme.index('\n## The demo\n'):]
part = part[:part.index('\n## ', 1)]
printed = set(l.replace(demo + '/', 'build/demo/') for l in lines)
excerpt, inside = [], False
for l in part.split('\n'):
    if l.startswith('```'):
        inside = not inside
    elif inside and l:
        excerpt.append(l)
check("README's \"The demo\": its %d report lines as printed" % len(excerpt),
      ['not printed: %r' % l for l in excerpt if l not in printed] +
      ([] if excerpt else ['no excerpt found']))

# (b) The HTML page.
path = demo + '/report.html'
page = open(path, encoding='utf-8').read()
check('the report ends by naming report.html',
      [] if lines[-2].endswith(': ' + path) else ['last line: %r' % lines[-2]])
problems = []
try:
    root = ET.fromstring(page.split('\n', 1)[1])  # after <!DOCTYPE html>
except ET.ParseError as e:
    root = None
    problems.append('not well-formed XML: %s' % e)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        if tag != 'meta':
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append('</%s> closes %r' % (tag, self.open[-1:]))
        else:
            self.open.pop()


t = Tags()
t.feed(page)
t.close()
problems += t.errors[:3] + (['unclosed: %r' % t.open] if t.open else [])
if not page.startswith('<!DOCTYPE html>'):
    problems.append('no <!DOCTYPE html>')
check('report.html is well-formed (xml.etree and html.parser)', problems)

problems = []
for pat in (r'https?://', r'<script', r'<link', r'<img', r'<iframe', r'@import',
            r'\bsrc\s*=', r'href\s*=\s*"(?!#)', r'url\((?!#)'):
    if re.search(pat, page, re.I):
        problems.append('%s: %r' % (pat, re.search(r'.{0,40}' + pat + r'.{0,40}', page, re.I)
                                    .group(0)))
check('report.html is self-contained (no http(s) reference, script, link or src)', problems)

problems = []
if root is not None:
    def cls(el, name):
        return name in el.get('class', '').split()
    svgs = {s.get('id'): s for s in root.iter('svg')}
    if set(svgs) != {'trend', 'segments', 'sla'}:
        problems.append('charts %r' % sorted(svgs))
    else:
        pts = [c for c in svgs['trend'].iter('circle') if cls(c, 'month')]
        if [c.get('data-month') for c in pts] != [m[0] for m in months]:
            problems.append('trend: %d points, %d months' % (len(pts), len(months)))
        for c in pts:
            m = [x for x in months if x[0] == c.get('data-month')][0]
            lo, hi = adjusted_wald(*m[1:])
            want = 'NPS %+.1f, 95%% interval %+.1f .. %+.1f' % (nps(*m[1:]), lo, hi)
            if want not in c.find('title').text:
                problems.append('trend %s: want %r in %r' % (m[0], want, c.find('title').text))
        if len(list(svgs['trend'].iter('polygon'))) != 1:
            problems.append('trend: no interval band')
        segs = q("""SELECT 'region', region, sum(score >= 9), sum(score <= 6), count(score)
                    FROM responses GROUP BY region UNION ALL
                    SELECT 'channel', channel, sum(score >= 9), sum(score <= 6), count(score)
                    FROM responses GROUP BY channel""")
        gs = {g.get('data-segment'): g for g in svgs['segments'].iter('g') if cls(g, 'segment')}
        if sorted(gs) != sorted(s[1] for s in segs):
            problems.append('segments: %r, want %r' % (sorted(gs), sorted(s[1] for s in segs)))
        for dim, val, p, d, n in segs:
            g = gs.get(val)
            if g is None:
                continue
            lo, hi = adjusted_wald(p, d, n)
            want = '%s %s: NPS %+.1f, 95%% interval %+.1f .. %+.1f' % (dim, val, nps(p, d, n),
                                                                      lo, hi)
            if g.find('title').text != want + ', n %d' % n or \
                    len([e for e in g.iter('line') if cls(e, 'err')]) != 3 or \
                    len(list(g.iter('circle'))) != 1:
                problems.append('segment %s: want %r, a point and an error bar' % (val, want))
        bars = [r for r in svgs['sla'].iter('rect') if cls(r, 'week')]
        if [b.get('data-week') for b in bars] != [w[0] for w in weeks]:
            problems.append('sla: %d bars, %d weeks' % (len(bars), len(weeks)))
        partial = [b.get('data-week') for b in bars if cls(b, 'partial')]
        if '2026-11-30' not in partial or '(partial week)' not in bars[-1].find('title').text:
            problems.append('sla: the week of 2026-11-30 not marked partial: %r' % partial)
check('report.html: %d months, %d segments (regions and channels), %d weeks'
      % (len(months), len(q('SELECT DISTINCT region FROM responses'))
         + len(q('SELECT DISTINCT channel FROM responses')), len(weeks)), problems)


# (c) The page drawn by headless chromium.
def png_pixels(data):
    """Width, height and rows of RGB(A) bytes of an 8-bit PNG, unfiltered."""
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, hdr = 8, b'', None
    while pos < len(data):
        size, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        if kind == b'IHDR':
            hdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + size
    w, h, depth, color = hdr[:4]
    if depth != 8 or color not in (2, 6):
        raise ValueError('depth %d colour type %d' % (depth, color))
    bpp = 3 if color == 2 else 4
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


problems = []
try:
    data = open(png_path, 'rb').read()
    w, h, bpp, rows = png_pixels(data)
    colours = {}
    for row in rows[::2]:
        for x in range(0, w * bpp, 2 * bpp):
            px = row[x:x + 3]
            colours[px] = colours.get(px, 0) + 1
    total = sum(colours.values())
    white = colours.get(b'\xff\xff\xff', 0)
    green = colours.get(bytes.fromhex('4f8f4f'), 0)   # the SLA bars
    blue = colours.get(bytes.fromhex('1f5f9f'), 0)    # the trend line, points, error bars
    if (w, h) != (1200, 2000):
        problems.append('%dx%d, not 1200x2000' % (w, h))
    if len(colours) < 20 or white > 0.98 * total:
        problems.append('%d colours, %.1f%% white: nearly blank' % (len(colours), 100.0 * white / total))
    if green < 500 or blue < 200:
        problems.append('the charts\' colours: %d pixels of the bars\' green, %d of the line\'s blue'
                        % (green, blue))
except (OSError, ValueError, zlib.error, TypeError) as e:
    problems.append('screenshot %s: %s' % (png_path, e))
check('chromium draws report.html: a 1200x2000 PNG with the charts in it', problems)

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
