#!/usr/bin/env python3
"""bayes_reference.py -- the core's posterior of the NPS (B2, B3) against two
references written here, independently of it:

  (a) a brute-force 2-D integration of the Dirichlet density, over the
      detractor share D ~ Beta(aD, aP + aA) and then P / (1 - D) given D ~
      Beta(aP, aA), both by composite Gauss-Legendre rules of 8 points on
      64 panels over +-40 standard deviations: a different decomposition
      and rule from the core's (which integrates over P + D with incomplete
      betas), so a shared mistake is unlikely.  Quantiles are checked by
      the reference probability at the core's quantile.  Claim checked:
      within 1e-6 for n up to 10,000 and 1e-4 beyond.
  (b) Monte Carlo: Dirichlet draws as normalised Gamma variates
      (random.gammavariate, fixed seed).  With N draws the MC standard error
      of a probability p is sqrt(p (1 - p) / N); agreement is asserted within
      4 of them (a true value is outside that band with probability 6e-5).

Usage: bayes_reference.py path/to/bayes_values [--quick]
Prints the largest absolute error per n for each reference; status 1 when a
claim fails.
"""
import math
import random
import subprocess
import sys



def gauss_legendre(n):
    """Nodes and weights of the n-point Gauss-Legendre rule on [-1, 1]."""
    out = []
    for i in range(1, n + 1):
        x = math.cos(math.pi * (i - 0.25) / (n + 0.5))
        for _ in range(100):
            p0, p1 = 1.0, x
            for k in range(2, n + 1):
                p0, p1 = p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k
            dp = n * (x * p1 - p0) / (x * x - 1)
            x -= p1 / dp
        out.append((x, 2 / ((1 - x * x) * dp * dp)))
    return out


RULE = gauss_legendre(8)
PANELS = 64


def integrate(f, a, b):
    """Composite Gauss-Legendre of f over [a, b]."""
    if b <= a:
        return 0.0
    h = (b - a) / PANELS
    total = 0.0
    for k in range(PANELS):
        mid = a + (k + 0.5) * h
        total += sum(w * f(mid + 0.5 * h * x) for x, w in RULE)
    return 0.5 * h * total


def window(a, b):
    """The interval of a Beta(a, b) that holds its mass: mean +- 40 sd in 0..1."""
    m = a / (a + b)
    sd = math.sqrt(m * (1 - m) / (a + b + 1))
    return max(0.0, m - 40 * sd), min(1.0, m + 40 * sd)


def density(a, b):
    """The Beta(a, b) density as a function."""
    norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    return lambda x: math.exp(norm + (a - 1) * math.log(x) + (b - 1) * math.log1p(-x))


def ref_above(ap, aa, ad, t):
    """P(P - D > t), t a fraction: the integral over D of P(P > t + D | D)."""
    fd, fx = density(ad, ap + aa), density(ap, aa)
    xlo, xhi = window(ap, aa)
    dlo, dhi = window(ad, ap + aa)

    def inner(d):
        x0 = (t + d) / (1 - d)  # P > t + d  <=>  P / (1 - D) > x0
        return integrate(fx, max(x0, xlo), xhi) if x0 < xhi else 0.0

    # d < -t: P > t + d always; d > (1 - t) / 2: never
    head = integrate(fd, dlo, min(dhi, -t)) if t < 0 else 0.0
    return head + integrate(lambda d: fd(d) * inner(d), max(dlo, -t, 0.0), min(dhi, (1 - t) / 2))


def mc_draws(ap, aa, ad, n, seed):
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        x, y, z = rnd.gammavariate(ap, 1.0), rnd.gammavariate(aa, 1.0), rnd.gammavariate(ad, 1.0)
        out.append((x - z) / (x + y + z))
    return out


def core(binary, lines):
    r = subprocess.run([binary], input="".join(lines), capture_output=True, text=True, check=True)
    return [float(v) for v in r.stdout.split()]


def main():
    binary = sys.argv[1]
    quick = "--quick" in sys.argv
    # counts (promoters, passives, detractors) by n; targets in points
    cases = {
        0: [(0, 0, 0)],
        10: [(5, 3, 2), (10, 0, 0), (0, 1, 9), (3, 4, 3)],
        40: [(18, 12, 10), (40, 0, 0)],
        100: [(50, 30, 20), (1, 98, 1), (97, 0, 3)],
        1000: [(450, 350, 200), (999, 0, 1), (300, 400, 300)],
        10000: [(4500, 3500, 2000), (9990, 5, 5), (2000, 6000, 2000)],
        100000: [(45000, 35000, 20000), (99000, 500, 500)],
        1000000: [(450000, 350000, 200000)],
    }
    if quick:
        cases = {k: v[:1] for k, v in cases.items() if k <= 10000}
    fails = 0
    print("(a) against a brute-force 2-D integration: max |error| by n")
    print(f"{'n':>8} {'P(NPS > t)':>12} {'P at quantile':>13} {'checks':>7} {'claim':>6}")
    for n, counts in cases.items():
        lines, refs, kinds = [], [], []
        for c in counts:
            ap, aa, ad = c[0] + 1, c[1] + 1, c[2] + 1
            mean = (ap - ad) / (ap + aa + ad)
            sd = math.sqrt(((ap + ad) / (ap + aa + ad) - mean * mean) / (ap + aa + ad + 1))
            for k in (-3, -1, 0, 0.5, 2):
                t = min(0.999, max(-0.999, mean + k * sd))
                lines.append(f"above {ap} {aa} {ad} {100 * t!r}\n")
                refs.append(ref_above(ap, aa, ad, t))
                kinds.append("p")
            for q in (0.025, 0.975):
                lines.append(f"quantile {ap} {aa} {ad} {q}\n")
                refs.append((ap, aa, ad, q))
                kinds.append("q")
        got = core(binary, lines)
        ep = max((abs(g - r) for g, r, k in zip(got, refs, kinds) if k == "p"), default=0)
        # a quantile: the reference's probability below it is q
        eq = max((abs(1 - ref_above(*r[:3], g / 100) - r[3])
                  for g, r, k in zip(got, refs, kinds) if k == "q"), default=0)
        claim = 1e-6 if n <= 10000 else 1e-4
        ok = ep <= claim and eq <= claim
        fails += not ok
        print(f"{n:>8} {ep:12.2e} {eq:13.2e} {len(got):>7} {claim:6.0e} {'ok' if ok else 'FAIL'}")

    print("(b) against Monte Carlo: |core - MC| in MC standard errors")
    draws = 20000 if quick else 200000
    print(f"{'counts':>20} {'target':>8} {'core':>10} {'MC':>10} {'z':>6}")
    for i, (c, tgt) in enumerate([((0, 0, 0), 0.0), ((0, 0, 0), 50.0), ((5, 3, 2), 20.0),
                                  ((18, 12, 10), 30.0), ((97, 0, 3), 90.0),
                                  ((450, 350, 200), 27.0)]):
        ap, aa, ad = c[0] + 1, c[1] + 1, c[2] + 1
        xs = mc_draws(ap, aa, ad, draws, 20240 + i)
        p_mc = sum(x > tgt / 100 for x in xs) / draws
        p = core(binary, [f"above {ap} {aa} {ad} {tgt}\n"])[0]
        se = math.sqrt(max(p * (1 - p), 1e-12) / draws)
        z = (p - p_mc) / se
        ok = abs(z) <= 4
        fails += not ok
        print(f"{str(c):>20} {tgt:8.1f} {p:10.6f} {p_mc:10.6f} {z:6.2f} {'ok' if ok else 'FAIL'}")
    print("bayes_reference: " + ("all claims hold" if not fails else f"{fails} failed"))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
