#!/usr/bin/env bash
# Long local fuzzing campaigns, and the coverage of the corpus.
#
#   bash scripts/fuzz.sh TARGET SECONDS [--update]   (what `scripts/dev.sh fuzz` runs)
#       Fuzzes TARGET (parse, validate, differential, kernels, chunked) for SECONDS with $JOBS
#       workers, keeping what it finds in fuzz/corpus-work/TARGET/ (ignored by git) between
#       campaigns, then merges it with corpus/fuzz/TARGET/ into a minimal set in
#       fuzz/corpus-work/TARGET.min/. With --update that set replaces corpus/fuzz/TARGET/
#       (review and commit it). Crashes go to fuzz/corpus-work/TARGET.crashes/.
#   bash scripts/fuzz.sh coverage [TARGET...]
#       Builds the replay driver with clang's source-based coverage, runs corpus/fuzz/*/ and
#       corpus/regressions/ through the harnesses, and prints llvm-cov's report of parser/.
set -euo pipefail

ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
JOBS=${JOBS:-$(nproc)}
FUZZ_BUILD=${H1RESP_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
TARGETS=(parse validate differential kernels chunked)

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

configure_fuzz() {
  if [ ! -f "$FUZZ_BUILD/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$FUZZ_BUILD" -G Ninja \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DH1RESP_BUILD_FUZZ=ON \
      -DH1RESP_BUILD_TESTS=OFF -DH1RESP_BUILD_BENCH=OFF -DH1RESP_BUILD_TOOLS=OFF \
      -DH1RESP_BUILD_EXAMPLES=OFF -DH1RESP_SANITIZE=address,undefined \
      -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link \
      >/dev/null
  fi
}

campaign() {
  local target=$1 seconds=$2 update=${3:-}
  [[ " ${TARGETS[*]} " == *" $target "* ]] || usage
  configure_fuzz
  cmake --build "$FUZZ_BUILD" -j "$JOBS" --target "fuzz_$target"
  local bin=$FUZZ_BUILD/fuzz/fuzz_$target
  local work=$ROOT/fuzz/corpus-work/$target
  local crashes=$ROOT/fuzz/corpus-work/$target.crashes
  mkdir -p "$work" "$crashes"
  if [ -z "$(ls -A "$work")" ] && [ -d "$ROOT/corpus/fuzz/$target" ]; then
    cp -R "$ROOT/corpus/fuzz/$target/." "$work/"
  fi
  echo "fuzz.sh: $target for ${seconds}s with $JOBS workers; corpus $work" >&2
  # Fork mode: JOBS processes that share the corpus; -ignore_crashes keeps going after a crash
  # so that one campaign collects several, each saved in $crashes.
  (cd "$ROOT/fuzz/corpus-work" && ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -fork="$JOBS" -ignore_crashes=1 -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -dict="$ROOT/fuzz/http.dict" -artifact_prefix="$crashes/" \
    -print_final_stats=1 "$work" "$ROOT/corpus/regressions") || true

  # A minimal set with the coverage of the committed corpus and the campaign's.
  local min=$ROOT/fuzz/corpus-work/$target.min
  rm -rf "$min"
  mkdir -p "$min"
  "$bin" -merge=1 -rss_limit_mb=2048 -timeout=10 "$min" "$ROOT/corpus/fuzz/$target" "$work" \
    2>&1 | tail -n 2 >&2
  echo "fuzz.sh: minimal corpus: $(ls "$min" | wc -l) files in $min" >&2
  if [ "$update" = "--update" ]; then
    rm -rf "$ROOT/corpus/fuzz/$target"
    cp -R "$min" "$ROOT/corpus/fuzz/$target"
    echo "fuzz.sh: corpus/fuzz/$target replaced: review and commit it" >&2
  fi
  if [ -n "$(ls -A "$crashes")" ]; then
    echo "fuzz.sh: crashes in $crashes: minimize each (fuzz_$target -minimize_crash=1" \
      "-exact_artifact_path=OUT FILE) and add it to corpus/regressions/" >&2
    ls "$crashes" >&2
    return 1
  fi
}

coverage() {
  local targets=("$@")
  [ ${#targets[@]} -ne 0 ] || targets=("${TARGETS[@]}")
  local dir=$ROOT/build-coverage
  if [ ! -f "$dir/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
      -DH1RESP_BUILD_BENCH=OFF -DH1RESP_BUILD_TOOLS=OFF -DH1RESP_BUILD_EXAMPLES=OFF \
      "-DCMAKE_C_FLAGS=-fprofile-instr-generate -fcoverage-mapping" \
      "-DCMAKE_CXX_FLAGS=-fprofile-instr-generate -fcoverage-mapping" >/dev/null
  fi
  cmake --build "$dir" -j "$JOBS" --target fuzz_replay
  rm -f "$dir"/*.profraw
  local args=() t
  for t in "${targets[@]}"; do args+=(--target "$t"); done
  LLVM_PROFILE_FILE="$dir/replay-%p.profraw" "$dir/tests/fuzz_replay/fuzz_replay" "${args[@]}" \
    "$ROOT/corpus/fuzz"
  # A regression that still fails stops its process before the profile is written: one process
  # each, so that only its own counts are lost.
  local file
  for file in "$ROOT"/corpus/regressions/*; do
    [ -f "$file" ] || continue
    LLVM_PROFILE_FILE="$dir/replay-%p.profraw" "$dir/tests/fuzz_replay/fuzz_replay" "${args[@]}" \
      "$file" >/dev/null 2>&1 || echo "fuzz.sh: still failing: $file" >&2
  done
  llvm-profdata merge -sparse "$dir"/*.profraw -o "$dir/replay.profdata"
  llvm-cov report "$dir/tests/fuzz_replay/fuzz_replay" -instr-profile="$dir/replay.profdata" \
    "$ROOT/parser"
}

case "${1:-}" in
  coverage) shift; coverage "$@" ;;
  "" | -h | --help) usage ;;
  *) [ $# -ge 2 ] || usage; campaign "$@" ;;
esac
