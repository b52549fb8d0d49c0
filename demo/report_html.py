#!/usr/bin/env python3
"""report_html.py -- draw the demo's HTML report from the numbers demo/report_html.sql
prints (one JSON object on stdin) and write one self-contained page to
stdout: inline SVG and CSS, no script, nothing fetched.  Three charts: the
monthly NPS with its 95% interval band; the regions and channels as points
with their 95% intervals; the share of detractors first contacted within the
SLA, by week, a partial week marked and its share, while detractors are
pending, drawn as the range it can still end in.  The page is well-formed
XML too (tests/demo/run.sh parses it so).
Usage: sqlite3 ... < demo/report_html.sql | python3 demo/report_html.py > report.html
"""
import json
import sys
from html import escape

W = 960  # width of every chart


def fmt(v):
    return '%+.1f' % v


def scale(lo, hi, a, b):
    """The linear map of [lo, hi] onto [a, b]."""
    return lambda v: a + (v - lo) * (b - a) / (hi - lo)


def y_axis(out, y, lo, hi, step, x0, x1, unit=''):
    v = lo
    while v <= hi + 1e-9:
        cls = 'zero' if v == 0 else 'grid'
        out.append('<line class="%s" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                   % (cls, x0, y(v), x1, y(v)))
        out.append('<text class="tick" x="%.1f" y="%.1f" text-anchor="end">%g%s</text>'
                   % (x0 - 6, y(v) + 4, v, unit))
        v += step


def trend(d):
    months = d['months']
    h, left, right, top, bottom = 340, 60, 20, 20, 50
    lo = min(0, min(m['lo'] for m in months))
    hi = max(m['hi'] for m in months)
    lo, hi = 10 * (lo // 10), 10 * (-(-hi // 10))
    y = scale(lo, hi, h - bottom, top)
    step = (W - left - right) / max(1, len(months) - 1)
    x = [left + i * step for i in range(len(months))]
    out = ['<svg id="trend" width="%d" height="%d" '
           'viewBox="0 0 %d %d" role="img" aria-label="monthly NPS with its 95%% interval">'
           % (W, h, W, h)]
    y_axis(out, y, lo, hi, 10, left, W - right)
    band = ['%.1f,%.1f' % (xi, y(m['hi'])) for xi, m in zip(x, months)]
    band += ['%.1f,%.1f' % (xi, y(m['lo'])) for xi, m in reversed(list(zip(x, months)))]
    out.append('<polygon class="band" points="%s"/>' % ' '.join(band))
    out.append('<polyline class="line" points="%s"/>'
               % ' '.join('%.1f,%.1f' % (xi, y(m['v'])) for xi, m in zip(x, months)))
    for xi, m in zip(x, months):
        out.append('<circle class="month%s" data-month="%s" cx="%.1f" cy="%.1f" r="4">'
                   '<title>%s: NPS %s, 95%% interval %s .. %s, n %d%s</title></circle>'
                   % (' partial' if m['partial'] else '', m['month'], xi, y(m['v']), m['month'],
                      fmt(m['v']), fmt(m['lo']), fmt(m['hi']), m['n'],
                      ' (partial month)' if m['partial'] else ''))
        first = m is months[0] and not (len(months) > 1 and months[1]['month'].endswith('-01'))
        if m['month'].endswith('-01') or first:
            out.append('<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>'
                       % (xi, h - bottom + 18, m['month'][:4]))
        out.append('<text class="tick small" x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (xi, h - bottom + 34, m['month'][5:]))
    worst = min(months, key=lambda m: m['v'])
    out.append('<text class="note" x="%.1f" y="%.1f" text-anchor="middle">%s %s</text>'
               % (x[months.index(worst)], y(worst['lo']) + 16, worst['month'], fmt(worst['v'])))
    out.append('</svg>')
    return '\n'.join(out)


def segments(d):
    segs = d['segments']
    row, left, right, top, gap = 26, 200, 30, 30, 22
    ndims = len(set(s['dim'] for s in segs))
    h = top + row * len(segs) + gap * ndims + row // 2 * (ndims - 1) + 40
    lo = min(-20, 10 * (min(s['lo'] for s in segs) // 10))
    hi = max(60, 10 * (-(-max(s['hi'] for s in segs) // 10)))
    x = scale(lo, hi, left, W - right)
    out = ['<svg id="segments" width="%d" height="%d" '
           'viewBox="0 0 %d %d" role="img" aria-label="NPS by region and channel, 95%% intervals">'
           % (W, h, W, h)]
    v = lo
    while v <= hi:
        cls = 'zero' if v == 0 else ('edge' if v in (30, 70) else 'grid')
        out.append('<line class="%s" x1="%.1f" y1="%d" x2="%.1f" y2="%d"/>'
                   % (cls, x(v), top - 10, x(v), h - 30))
        out.append('<text class="tick" x="%.1f" y="%d" text-anchor="middle">%g</text>'
                   % (x(v), h - 12, v))
        v += 10
    for b, a, c in (('negative', lo, 0), ('good', 0, 30), ('great', 30, min(70, hi))):
        out.append('<text class="bandname" x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % ((x(a) + x(c)) / 2, top - 14, b))
    yy, last = top, None
    for s in segs:
        if s['dim'] != last:
            yy += row // 2 if last else 0
            out.append('<text class="dim" x="10" y="%d">%s</text>' % (yy + 16, s['dim']))
            yy += gap
            last = s['dim']
        yy += row
        cy = yy - row / 2
        out.append('<text class="label" x="%d" y="%.1f" text-anchor="end">%s (n %s)</text>'
                   % (left - 10, cy + 4, escape(s['val']), '{:,}'.format(s['n'])))
        out.append('<g class="segment" data-segment="%s">'
                   '<title>%s %s: NPS %s, 95%% interval %s .. %s, n %d</title>'
                   '<line class="err" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                   '<line class="err" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                   '<line class="err" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>'
                   '<circle class="point" cx="%.1f" cy="%.1f" r="5"/></g>'
                   % (escape(s['val']), s['dim'], escape(s['val']), fmt(s['v']), fmt(s['lo']),
                      fmt(s['hi']), s['n'],
                      x(s['lo']), cy, x(s['hi']), cy, x(s['lo']), cy - 5, x(s['lo']), cy + 5,
                      x(s['hi']), cy - 5, x(s['hi']), cy + 5, x(s['v']), cy))
    out.append('</svg>')
    return '\n'.join(out)


def sla(d):
    weeks = d['weeks']
    h, left, right, top, bottom = 300, 60, 20, 20, 40
    y = scale(0, 100, h - bottom, top)
    step = (W - left - right) / len(weeks)
    out = ['<svg id="sla" width="%d" height="%d" '
           'viewBox="0 0 %d %d" role="img" aria-label="share of detractors contacted within '
           'the SLA, by week">' % (W, h, W, h),
           '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fde2c4"/>'
           '<line x1="0" y1="0" x2="0" y2="6" stroke="#e07b00" stroke-width="3"/>'
           '</pattern></defs>']
    y_axis(out, y, 0, 100, 20, left, W - right, '%')
    for i, w in enumerate(weeks):
        x0 = left + i * step
        settled = w['detractors'] - w['pending']
        if w['pending']:
            # Not final: between all pending missing and all made in time.
            a = 100.0 * w['within'] / w['detractors']
            b = 100.0 * (w['within'] + w['pending']) / w['detractors']
            what = '%.0f%% .. %.0f%%: %d of %d pending' % (a, b, w['pending'], w['detractors'])
        else:
            a = b = w['pct'] if w['pct'] is not None else 0
            what = '%.1f%% of %d' % (a, settled)
        cls = 'week' + (' partial' if w['partial'] else '') + (' pending' if w['pending'] else '')
        out.append('<rect class="%s" data-week="%s" x="%.1f" y="%.1f" width="%.1f" height="%.1f">'
                   '<title>week of %s: %s%s</title></rect>'
                   % (cls, w['week'], x0 + 0.5, y(b), max(step - 1, 1), y(a) - y(b) if w['pending']
                      else y(0) - y(a), w['week'], what,
                      ' (partial week)' if w['partial'] else ''))
        if w['week'][5:7] != weeks[i - 1]['week'][5:7] and w['week'][5:7] in ('01', '04', '07', '10'):
            out.append('<text class="tick" x="%.1f" y="%d">%s</text>'
                       % (x0, h - bottom + 16, w['week'][:7]))
        if w['partial'] and i == len(weeks) - 1:
            out.append('<text class="note" x="%.1f" y="%.1f" text-anchor="end">partial week %s: '
                       '%s</text>' % (x0 - 4, y(b) - 6, w['week'], what))
    out.append('</svg>')
    return '\n'.join(out)


STYLE = """
body { font: 14px/1.4 sans-serif; color: #222; margin: 24px; max-width: 1000px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; }
.grid { stroke: #e4e4e4; } .zero { stroke: #555; } .edge { stroke: #bbb; stroke-dasharray: 4 3; }
.tick { font-size: 11px; fill: #555; } .small { font-size: 9px; }
.band { fill: #b9d3ee; opacity: 0.7; } .line { fill: none; stroke: #1f5f9f; stroke-width: 2; }
.month { fill: #1f5f9f; } .month.partial { fill: #fff; stroke: #e07b00; stroke-width: 2; }
.err { stroke: #1f5f9f; stroke-width: 2; } .point { fill: #1f5f9f; }
.dim { font-weight: bold; font-size: 13px; } .label { font-size: 12px; }
.bandname { font-size: 11px; fill: #888; font-style: italic; }
.week { fill: #4f8f4f; } .week.partial { fill: url(#hatch); stroke: #e07b00; }
.note { font-size: 12px; fill: #b05a00; }
p.caption { color: #555; margin: 4px 0 0; }
"""


def main():
    d = json.load(sys.stdin)
    o = d['overall']
    parts = [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head><meta charset="utf-8"/><title>NPS programme report</title>',
        '<style>%s</style></head>' % STYLE,
        '<body>',
        '<h1>NPS programme report</h1>',
        '<p>Sample data, nps %s, as of %s: NPS %s (95%% interval %s .. %s) over %s scored '
        'answers.</p>' % (escape(d['version']), d['now'], fmt(o['v']), fmt(o['lo']), fmt(o['hi']),
                          '{:,}'.format(o['n'])),
        '<h2>Monthly NPS</h2>', trend(d),
        '<p class="caption">The NPS of each month and its 95%% interval (adjusted Wald, the '
        'shaded band); %d months.</p>' % len(d['months']),
        '<h2>Regions and channels</h2>', segments(d),
        '<p class="caption">Each segment\'s NPS with its 95% interval; dashed lines are the '
        'edges of the bands (0, 30, 70): a segment whose interval crosses one cannot be told '
        'to be in either band.</p>',
        '<h2>Detractors contacted within the SLA, by week</h2>', sla(d),
        '<p class="caption">The share of each week\'s detractors first contacted within %d '
        'hours, of those whose outcome is known. A partial week (not over at the report\'s now, '
        'or begun before the first answer) is hatched; while detractors are pending (not contacted, not yet due) its bar spans the '
        'range the share can still end in.</p>' % d['sla_hours'],
        '</body>', '</html>', '']
    sys.stdout.write('\n'.join(parts))


if __name__ == '__main__':
    main()
