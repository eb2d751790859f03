#!/usr/bin/env bash
# Runs the benchmark binary ($BUILD/bench/h1resp_bench, see bench/h1resp_bench.cpp).
#
#   bash scripts/bench.sh                  every benchmark once, then a summary of the ratios
#   bash scripts/bench.sh --summary ARGS   the same, passing Google Benchmark ARGS to the binary
#                                          (e.g. --benchmark_min_time=0.1, --benchmark_filter=)
#   bash scripts/bench.sh ARGS             only the binary with ARGS (e.g. --benchmark_list_tests)
#
# The summary is computed from the same run (its JSON output) with python3; without python3 the
# binary's own table, printed first in any case, is all there is.
# BUILD: the build directory (default: $H1RESP_BUILD_DIR, else build/).
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BUILD=${BUILD:-${H1RESP_BUILD_DIR:-$ROOT/build}}
BIN=$BUILD/bench/h1resp_bench
if [ ! -x "$BIN" ]; then
  echo "bench.sh: $BIN not found: build it first (ninja -C $BUILD h1resp_bench)" >&2
  exit 1
fi

if [ $# -gt 0 ] && [ "$1" != --summary ]; then
  exec "$BIN" "$@"
fi
[ $# -gt 0 ] && shift

json=$(mktemp "${TMPDIR:-/tmp}/h1resp_bench.XXXXXX.json")
trap 'rm -f "$json"' EXIT
"$BIN" --benchmark_out="$json" --benchmark_out_format=json "$@"

if ! command -v python3 >/dev/null 2>&1; then
  echo "bench.sh: python3 not found: no summary (the table above is the binary's own)" >&2
  exit 0
fi

python3 - "$json" <<'PYTHON'
import json
import statistics
import sys

with open(sys.argv[1]) as f:
    doc = json.load(f)
context = doc.get("context", {})

# One value per benchmark: the median aggregate when the run had repetitions, else the mean of
# the runs.
runs, medians = {}, {}
for b in doc.get("benchmarks", []):
    name = b.get("run_name", b["name"])
    if b.get("error_occurred"):
        continue
    if b.get("run_type") == "aggregate":
        if b.get("aggregate_name") == "median":
            medians[name] = b
    else:
        runs.setdefault(name, []).append(b)


def rates(name):
    """(bytes per second, responses per second) of a benchmark, or None."""
    if name in medians:
        b = medians[name]
        return b["bytes_per_second"], b["responses"]
    if name in runs:
        rs = runs[name]
        return (statistics.mean(r["bytes_per_second"] for r in rs),
                statistics.mean(r["responses"] for r in rs))
    return None


def gbs(r):
    return f"{r[0] / 1e9:6.2f}" if r else "     -"


def mresp(r):
    return f"{r[1] / 1e6:7.2f}" if r else "      -"


def ratio(a, b):
    return f"{a[1] / b[1]:6.2f}x" if a and b else "      -"


def ns(r):
    return f"{1e9 / r[1]:8.0f}" if r else "       -"


active = context.get("active_kernel", "?")
corpora = [c for c in ("realistic", "tiny", "huge")
           if any(n.split("/")[1:2] == [c] for n in list(runs) + list(medians))]
print()
print(f"h1resp {active} vs llhttp {context.get('llhttp', '?')}: GB/s (1e9 header-section bytes "
      "per CPU second), M responses/s, ratio of responses/s (>1: h1resp is faster)")
print(f"{'':10} {'parse':>16} {'parse+validate':>16} {'llhttp':>16}   {'parse':>7} {'p+f':>7} "
      f"{'p+f+v':>7} {'p+f+e':>7}")
print(f"{'corpus':10} {'GB/s':>6} {'Mresp/s':>9} {'GB/s':>6} {'Mresp/s':>9} {'GB/s':>6} "
      f"{'Mresp/s':>9}   {'/llhttp':>7} {'/llhttp':>7} {'/llhttp':>7} {'/llhttp':>7}")
for c in corpora:
    p, pv, ll = rates(f"parse/{c}/{active}"), rates(f"parse_validate/{c}"), rates(f"llhttp/{c}")
    pf, pe = rates(f"parse_framing/{c}"), rates(f"parse_validate_errors/{c}")
    print(f"{c:10} {gbs(p)} {mresp(p):>9} {gbs(pv)} {mresp(pv):>9} {gbs(ll)} {mresp(ll):>9}   "
          f"{ratio(p, ll)} {ratio(pf, ll)} {ratio(pv, ll)} {ratio(pe, ll)}")
print("(p+f: parse and decide_framing(), which is what llhttp also works out: body length and "
      "persistence;\n p+f+v: parse and examine() with every rule; p+f+e: the same with "
      "Validation::errors_only)")



def added(whole, part, base):
    """What `whole` costs beyond `part`, per response, as a multiple of `base`'s cost."""
    if not (whole and part and base):
        return "       -"
    return f"{(1 / whole[1] - 1 / part[1]) * base[1]:7.2f}x"


print()
print(f"Cost per response (ns of CPU) of each stage alone; the ratios are to parse ({active})")
print(f"{'corpus':10} {'parse':>8} {'framing':>8} {'validate':>8} {'errors':>8} {'p+f+v':>8}   "
      f"{'framing':>8} {'validate':>8} {'errors':>8} {'p+f+v':>8}")
for c in corpora:
    p, fr, v, pv = (rates(f"parse/{c}/{active}"), rates(f"framing/{c}"), rates(f"validate/{c}"),
                    rates(f"parse_validate/{c}"))
    e = rates(f"validate_errors/{c}")
    print(f"{c:10} {ns(p)} {ns(fr)} {ns(v)} {ns(e)} {ns(pv)}   {ratio(p, fr):>8} "
          f"{ratio(p, v):>8} {ratio(p, e):>8} {ratio(p, pv):>8}")
print("(errors: validate() with Validation::errors_only; validate and errors include the field "
      "index, which examine() shares with the framing decision)")
print()
print("What the validator adds inside examine(): (p+f+v) - (p+f), as a multiple of parse")
print(f"{'corpus':10} {'every':>8} {'errors':>8}")
for c in corpora:
    p, pf = rates(f"parse/{c}/{active}"), rates(f"parse_framing/{c}")
    pv, pe = rates(f"parse_validate/{c}"), rates(f"parse_validate_errors/{c}")
    print(f"{c:10} {added(pv, pf, p)} {added(pe, pf, p)}")

kernels = context.get("kernels", "").split(",")
scalar = rates("parse/realistic/scalar")
scan_scalar = rates("scan/realistic/scalar")
if scalar or scan_scalar:
    print()
    print("Kernels on realistic: parse and scan (stage 1 alone), GB/s and speed-up over scalar")
    print(f"{'kernel':10} {'parse':>6} {'x':>7}   {'scan':>6} {'x':>7}")
    for k in kernels:
        p, s = rates(f"parse/realistic/{k}"), rates(f"scan/realistic/{k}")
        print(f"{k:10} {gbs(p)} {ratio(p, scalar)}   {gbs(s)} {ratio(s, scan_scalar)}")
    avx2 = rates("parse/realistic/avx2")
    if avx2 and scalar:
        print(f"AVX2 vs scalar (parse, realistic): {avx2[1] / scalar[1]:.2f}x")

fixed = [(what, rates(f"fixed_order/{name}"), rates(name))
         for what, name in (("parse", f"parse/realistic/{active}"),
                            ("examine()", "examine/realistic"), ("llhttp", "llhttp/realistic"))]
if any(f and s for _, f, s in fixed):
    print()
    print("Passes in the corpus's own order every time (fixed_order/), against the shuffled passes "
          "above\n(realistic, responses/s; >1: the branch predictor learnt the order)")
    for what, f, s in fixed:
        print(f"{what:10} {ratio(f, s)}")

for key in sorted(k for k in context if k.startswith("corpus_")):
    print(f"{key[len('corpus_'):]}: {context[key]}")
PYTHON
