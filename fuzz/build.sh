#!/bin/bash -eu
# OSS-Fuzz / ClusterFuzzLite build script: builds every fuzz target into $OUT with its seed
# corpus ($OUT/<target>_seed_corpus.zip) and dictionary ($OUT/<target>.dict).
#
# The environment is OSS-Fuzz's: $CC, $CXX, $CFLAGS, $CXXFLAGS (sanitizer and
# -fsanitize=fuzzer-no-link), $LIB_FUZZING_ENGINE, $OUT, $WORK. Run by hand, it defaults to
# clang, ASan + UBSan and libFuzzer, with $OUT = out/ in the source tree. llhttp's C sources
# (the differential oracle) come from Debian's node-llhttp, or from LLHTTP_SOURCE_DIR and
# LLHTTP_INCLUDE_DIR.
SRC_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${CC:=clang}"
: "${CXX:=clang++}"
: "${CFLAGS:=-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address,undefined -fsanitize=fuzzer-no-link}"
: "${CXXFLAGS:=$CFLAGS}"
: "${LIB_FUZZING_ENGINE:=-fsanitize=fuzzer}"
: "${OUT:=$SRC_DIR/out}"
: "${WORK:=$SRC_DIR/build-ossfuzz}"
TARGETS=(parse validate differential kernels chunked)

extra=()
[ -n "${LLHTTP_SOURCE_DIR:-}" ] && extra+=("-DLLHTTP_SOURCE_DIR=$LLHTTP_SOURCE_DIR")
[ -n "${LLHTTP_INCLUDE_DIR:-}" ] && extra+=("-DLLHTTP_INCLUDE_DIR=$LLHTTP_INCLUDE_DIR")

build=$WORK/h1resp
cmake -S "$SRC_DIR" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" \
  -DCMAKE_C_FLAGS_RELEASE= -DCMAKE_CXX_FLAGS_RELEASE= \
  -DH1RESP_BUILD_FUZZ=ON -DH1RESP_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" \
  -DH1RESP_BUILD_TESTS=OFF -DH1RESP_BUILD_BENCH=OFF -DH1RESP_BUILD_TOOLS=OFF \
  -DH1RESP_BUILD_EXAMPLES=OFF "${extra[@]}"
cmake --build "$build" -j "$(nproc)" --target "${TARGETS[@]/#/fuzz_}"

mkdir -p "$OUT"
for target in "${TARGETS[@]}"; do
  cp "$build/fuzz/fuzz_$target" "$OUT/$target"
  cp "$SRC_DIR/fuzz/http.dict" "$OUT/$target.dict"
  # The seed corpus: the target's own and the regressions (crashes found before).
  rm -f "$OUT/${target}_seed_corpus.zip"
  if command -v zip >/dev/null 2>&1; then
    (cd "$SRC_DIR/corpus" && zip -q -r "$OUT/${target}_seed_corpus.zip" "fuzz/$target" regressions \
      -x '*.md')
  else
    (cd "$SRC_DIR/corpus" && python3 -m zipfile -c "$OUT/${target}_seed_corpus.zip" \
      "fuzz/$target" regressions)
  fi
done
echo "fuzz/build.sh: ${TARGETS[*]} in $OUT"
