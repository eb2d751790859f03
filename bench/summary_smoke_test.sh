#!/usr/bin/env bash
# Runs scripts/bench.sh --summary with the shortest runs, to check that the benchmark binary and
# its summary still work together: every benchmark runs without error (the corpora pass their
# start-up check), and every table of the summary is printed. Times are not looked at.
#   summary_smoke_test.sh ROOT BUILD
set -euo pipefail
root=$1
build=$2
out=$(BUILD="$build" bash "$root/scripts/bench.sh" --summary --benchmark_min_time=0.001 2>&1)
status=0
if grep -q "ERROR OCCURRED" <<<"$out"; then
  echo "a benchmark reported an error:" >&2
  grep "ERROR OCCURRED" <<<"$out" >&2
  status=1
fi
for heading in \
  "vs llhttp" \
  "Cost per response" \
  "What the validator adds inside examine()" \
  "Kernels on realistic" \
  "Passes in the corpus's own order every time"; do
  if ! grep -qF "$heading" <<<"$out"; then
    echo "the summary has no table \"$heading\"" >&2
    status=1
  fi
done
# A ratio the summary could not compute prints as "-": every table must be complete.
if grep -E "^(realistic|tiny|huge|parse|examine\(\)|llhttp) " <<<"$out" | grep -qE "(^| )-( |$)"; then
  echo "a summary row has a missing value:" >&2
  grep -E "^(realistic|tiny|huge|parse|examine\(\)|llhttp) " <<<"$out" | grep -E "(^| )-( |$)" >&2
  status=1
fi
[ $status -eq 0 ] || { printf '%s\n' "$out" | tail -40 >&2; exit 1; }
echo "bench summary complete"
