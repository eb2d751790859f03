#!/usr/bin/env bash
# h1resp's one entry script: installs what is missing, configures, builds, and runs things.
#
#   bash scripts/dev.sh demo            build, then check every sample in corpus/examples/
#   bash scripts/dev.sh test            build, then run the whole test suite (what CI runs)
#   bash scripts/dev.sh bench [ARGS]    build, then run the benchmarks (Google Benchmark ARGS)
#   bash scripts/dev.sh fuzz TARGET S   a long local fuzzing campaign of S seconds
#   bash scripts/dev.sh lint            clang-format and clang-tidy on the library
#   bash scripts/dev.sh setup           only install the packages
#   bash scripts/dev.sh build           install what is missing, then only the release build
#
# Packages come from Debian 12. apt-get runs only when one of them is missing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${H1RESP_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc)}

PACKAGES=(
  cmake ninja-build g++ clang libclang-rt-14-dev llvm clang-format clang-tidy
  node-llhttp libgtest-dev libbenchmark-dev
  libcli11-dev nlohmann-json3-dev libfmt-dev libasio-dev
  nginx-light curl wrk pkg-config python3
)

log() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

configure() {  # configure DIR [CMAKE ARGS...]
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja "$@" >/dev/null
  fi
}

build() {
  ensure_packages "${PACKAGES[@]}"
  configure "$BUILD" -DCMAKE_BUILD_TYPE=Release
  log "building ($BUILD)"
  cmake --build "$BUILD" -j "$JOBS"
}

cmd_demo() {
  build
  log "h1resp check corpus/examples"
  # Findings are the point of the demo: a non-zero exit (some samples are broken on purpose)
  # is not a failure of the command.
  "$BUILD/tools/h1resp" check "$ROOT/corpus/examples" || true
}

cmd_test() {
  build
  log "unit tests (release build, every kernel)"
  ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
  local asan=${H1RESP_ASAN_BUILD_DIR:-$ROOT/build-asan}
  log "unit tests under AddressSanitizer and UndefinedBehaviorSanitizer ($asan)"
  # The library and its unit tests (the tool's and the proxy's run in the release build).
  configure "$asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DH1RESP_SANITIZE=address,undefined \
    -DH1RESP_BUILD_BENCH=OFF -DH1RESP_BUILD_TOOLS=OFF -DH1RESP_BUILD_EXAMPLES=OFF
  cmake --build "$asan" -j "$JOBS"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$asan" --output-on-failure -j "$JOBS" -L unit
  # Further stages (fuzzing, end-to-end runs), one file each, in name order.
  local stage
  for stage in "$ROOT"/scripts/test.d/*.sh; do
    [ -e "$stage" ] || continue
    log "stage $(basename "$stage" .sh)"
    ROOT=$ROOT BUILD=$BUILD JOBS=$JOBS bash "$stage"
  done
  log "all tests passed"
}

cmd_bench() {
  build
  ROOT=$ROOT BUILD=$BUILD bash "$ROOT/scripts/bench.sh" "$@"
}

cmd_fuzz() {
  ensure_packages "${PACKAGES[@]}"
  ROOT=$ROOT JOBS=$JOBS bash "$ROOT/scripts/fuzz.sh" "$@"
}

cmd_lint() {
  ensure_packages clang-format clang-tidy
  configure "$BUILD" -DCMAKE_BUILD_TYPE=Release
  ROOT=$ROOT BUILD=$BUILD JOBS=$JOBS bash "$ROOT/scripts/test.d/10-lint.sh"
}

main() {
  local cmd=${1:-help}
  [ $# -gt 0 ] && shift
  case "$cmd" in
    setup) ensure_packages "${PACKAGES[@]}" ;;
    build) build ;;
    demo) cmd_demo ;;
    test) cmd_test ;;
    bench) cmd_bench "$@" ;;
    fuzz) cmd_fuzz "$@" ;;
    lint) cmd_lint ;;
    *) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; [ "$cmd" = help ] ;;
  esac
}

main "$@"
