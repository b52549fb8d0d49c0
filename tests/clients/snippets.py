"""The README's "Using nps from ..." section, for tests/clients/run.sh.

  snippets.py extract README.md DIR
      Writes every code block of the section that follows a marker line
      "<!-- clients: ENGINE NAME -->" to DIR/NAME, the block right after it
      (what it prints) to DIR/NAME.expected, and one line "ENGINE NAME" per
      block to DIR/manifest.  ENGINE: sqlite or pg (run on that engine),
      both (the data, loaded into both), doc (not run).  A marker without a
      code block under it, or a snippet without its output (but the data's),
      is an error.

  snippets.py check DATA OUTPUT
      Checks every line of OUTPUT (the block a snippet prints, as the README
      shows it) against the figures worked out here from the scores of DATA
      (the section's survey.sql) by the textbook formulas, with no extension:
      the NPS, its Wald margin, the adjusted-Wald interval (0.75 / 1.5 / 0.75
      pseudo-responses), the counts of each score, per week too.  A line is
      "LABEL VALUE... [TYPE...]"; a number must agree to the digits it is
      printed with, anything else exactly; every label must be known.
"""
import json
import math
import re
import sys
from datetime import date, timedelta
from statistics import NormalDist

SECTION = "## Using nps from Python, ODBC, JDBC and Node"
MARKER = re.compile(r"^<!-- clients: (sqlite|pg|both|doc) (\S+) -->$")
Z95 = NormalDist().inv_cdf(0.975)


def extract(readme, out):
    lines = open(readme, encoding="utf-8").read().split("\n")
    start = lines.index(SECTION)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    manifest = []

    def block(i):
        """The fenced block opening at line i, and the line after its end."""
        if i >= len(lines) or not lines[i].startswith("```"):
            return None, i
        j = i + 1
        while lines[j] != "```":
            j += 1
        return "\n".join(lines[i + 1 : j]) + "\n", j + 1

    i = start
    while i < end:
        m = MARKER.match(lines[i])
        i += 1
        if not m:
            continue
        engine, name = m.groups()
        code, i = block(i)
        if code is None:
            sys.exit("README.md: no code block under the marker of %s" % name)
        printed, after = block(i)
        if printed is None and engine != "both":
            sys.exit("README.md: %s shows no output block under it" % name)
        with open("%s/%s" % (out, name), "w", encoding="utf-8") as f:
            f.write(code)
        if printed is not None:
            i = after
            with open("%s/%s.expected" % (out, name), "w", encoding="utf-8") as f:
                f.write(printed)
        manifest.append("%s %s" % (engine, name))
    with open(out + "/manifest", "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in manifest))


def figures(scores):
    """NPS, stderr, margin, interval and counts of a list of scores 0..10."""
    n = len(scores)
    promoters = sum(s >= 9 for s in scores)
    passives = sum(7 <= s <= 8 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    p, d = promoters / n, detractors / n
    stderr = 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    na = n + 3  # + 0.75 promoter, 1.5 passive, 0.75 detractor
    pa, da = (promoters + 0.75) / na, (detractors + 0.75) / na
    half = 100 * Z95 * math.sqrt((pa + da - (pa - da) ** 2) / na)
    return {
        "n": n, "promoters": promoters, "passives": passives, "detractors": detractors,
        "promoter_share": 100 * p, "passive_share": 100 * passives / n,
        "detractor_share": 100 * d, "nps": 100 * (p - d), "stderr": stderr,
        "moe95": Z95 * stderr, "ci95_lower": 100 * (pa - da) - half,
        "ci95_upper": 100 * (pa - da) + half,
        "scores": [scores.count(k) for k in range(11)],
    }


def reference(data):
    """LABEL -> the values a line with that label must carry."""
    rows = re.findall(r"\('(\d{4}-\d\d-\d\d) [\d:]+', (\d+|NULL)\)", open(data, encoding="utf-8").read())
    scored = [(date.fromisoformat(day), int(s)) for day, s in rows if s != "NULL"]
    if not scored:
        sys.exit("%s: no responses found" % data)
    whole = figures([s for _, s in scored])
    ref = {
        "nps": [whole["nps"]], "moe": [whole["moe95"]], "n": [whole["n"]],
        "ci95": [whole["ci95_lower"], whole["ci95_upper"]],
        "state": [100],  # bytes of an unweighted state (README, "The state format")
        "state_text": ["scores=" + ",".join(map(str, whole["scores"]))],
        "nps_of_state": [whole["nps"]], "nps_rounded": [whole["nps"]],
        "summary": [], "dtypes": [],  # types only: the README's block says them
        "summary_json": whole,
    }
    weeks = {}
    for day, s in scored:
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(s)
    for monday, scores in weeks.items():
        f = figures(scores)
        ref[monday.isoformat()] = [f["nps"], f["moe95"]]
    return ref


def agrees(printed, value):
    """PRINTED (a token) says VALUE to the digits it is printed with."""
    if isinstance(value, str):
        return printed == value
    try:
        number = float(printed)
    except ValueError:
        return False
    digits = len(printed.split(".")[1]) if "." in printed else 0
    return abs(number - value) <= 0.5 * 10**-digits + 1e-9 * abs(value)


def check(data, output):
    ref = reference(data)
    problems = []
    lines = [line for line in open(output, encoding="utf-8").read().split("\n") if line]
    if not lines:
        problems.append("no output to check")
    for line in lines:
        # A PostgreSQL timestamp of a week's start prints its midnight too.
        label, _, rest = re.sub(r"^(\d{4}-\d\d-\d\d) 00:00:00 ", r"\1 ", line).partition(" ")
        if label not in ref:
            problems.append("unknown label: %s" % line)
        elif label == "summary_json":
            got = json.loads(rest)
            for key, value in ref[label].items():
                ok = got.get(key) == value if isinstance(value, list) else (
                    key in got and abs(got[key] - value) <= 1e-12 * max(1, abs(value)))
                if not ok:
                    problems.append("%s: %s is %s, worked out: %s" % (label, key, got.get(key), value))
        else:
            tokens = rest.split()
            want = ref[label]
            if len(tokens) < len(want) or not all(agrees(t, v) for t, v in zip(tokens, want)):
                problems.append("%s -- worked out: %s %s" % (line, label, " ".join(map(str, want))))
    print("\n".join(problems))
    return not problems


if __name__ == "__main__":
    if sys.argv[1:2] == ["extract"] and len(sys.argv) == 4:
        extract(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["check"] and len(sys.argv) == 4:
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
    else:
        sys.exit(__doc__)
