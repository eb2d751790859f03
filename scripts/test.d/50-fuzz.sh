#!/usr/bin/env bash
# Stage of `scripts/dev.sh test`: builds the libFuzzer harnesses (clang, ASan + UBSan) and runs
# each one for a bounded time on a scratch copy of its seed corpus plus corpus/regressions/.
# Any crash, leak, timeout or undocumented divergence fails the stage; the input is kept in
# $FUZZ_BUILD/artifacts/ (a build directory, ignored by git) and printed as hex.
#
# Environment: ROOT (the source tree), JOBS; H1RESP_FUZZ_SECONDS (per harness, default 45),
# H1RESP_FUZZ_SEED (libFuzzer's -seed, default 1; 0 picks a random one), H1RESP_FUZZ_BUILD_DIR
# (default $ROOT/build-fuzz). Without clang the stage is skipped.
#
# Why a fixed seed: this stage gates every change, so its verdict should belong to the change, not
# to luck. With the same seed, corpus and code, libFuzzer draws the same mutations (only the order
# of equally long seed files can differ between file systems), and a slower machine runs roughly a
# prefix of what a faster one runs: a failure here reproduces with the same command. New ground is
# covered when the code changes (coverage steers the mutations) and by the long campaigns of
# scripts/fuzz.sh, which use random seeds; what they find goes to corpus/regressions/.
set -euo pipefail

ROOT=${ROOT:?ROOT is the source tree}
JOBS=${JOBS:-$(nproc)}
SECONDS_EACH=${H1RESP_FUZZ_SECONDS:-45}
SEED=${H1RESP_FUZZ_SEED:-1}
FUZZ_BUILD=${H1RESP_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
TARGETS=(parse validate differential kernels chunked)

if ! command -v clang++ >/dev/null 2>&1 || ! command -v clang >/dev/null 2>&1; then
  echo "50-fuzz: clang not found: fuzzing skipped" >&2
  exit 0
fi

if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$FUZZ_BUILD" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DH1RESP_BUILD_FUZZ=ON \
    -DH1RESP_BUILD_TESTS=OFF -DH1RESP_BUILD_BENCH=OFF -DH1RESP_BUILD_TOOLS=OFF \
    -DH1RESP_BUILD_EXAMPLES=OFF -DH1RESP_SANITIZE=address,undefined \
    -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link >/dev/null
fi
cmake --build "$FUZZ_BUILD" -j "$JOBS" --target "${TARGETS[@]/#/fuzz_}"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$FUZZ_BUILD/artifacts"
failed=()
for target in "${TARGETS[@]}"; do
  work=$scratch/$target
  mkdir -p "$work/corpus" "$work/artifacts"
  # The committed corpus is read, never written: new inputs go to the scratch copy.
  if [ -d "$ROOT/corpus/fuzz/$target" ]; then cp -R "$ROOT/corpus/fuzz/$target/." "$work/corpus/"; fi
  echo "50-fuzz: $target for ${SECONDS_EACH}s, seed $SEED" >&2
  status=0
  (cd "$work" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$FUZZ_BUILD/fuzz/fuzz_$target" -max_total_time="$SECONDS_EACH" -seed="$SEED" -timeout=10 \
    -rss_limit_mb=2048 -dict="$ROOT/fuzz/http.dict" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 "$work/corpus" "$ROOT/corpus/regressions") >"$work/log" 2>&1 || status=$?
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|cov:' "$work/log" |
    tail -n 3 >&2 || true
  if [ "$status" -ne 0 ]; then
    failed+=("$target")
    echo "50-fuzz: $target FAILED (exit $status); the end of its log:" >&2
    grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' "$work/log" | tail -n 40 >&2
    for artifact in "$work"/artifacts/*; do
      [ -e "$artifact" ] || continue
      cp "$artifact" "$FUZZ_BUILD/artifacts/$target-$(basename "$artifact")"
      echo "50-fuzz: kept $FUZZ_BUILD/artifacts/$target-$(basename "$artifact"):" >&2
      od -A d -c "$artifact" | head -n 40 >&2
    done
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "50-fuzz: failed: ${failed[*]} (minimize with fuzz_TARGET -minimize_crash=1, then add the" \
    "input to corpus/regressions/)" >&2
  exit 1
fi
echo "50-fuzz: ${#TARGETS[@]} harnesses, ${SECONDS_EACH}s each: no crash, leak or divergence" >&2
