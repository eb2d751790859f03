#!/usr/bin/env bash
# Lint stage: every C/C++ file follows .clang-format; the library passes clang-tidy (.clang-tidy).
# Env: ROOT (the checkout), BUILD (a configured build dir with compile_commands.json), JOBS.
set -euo pipefail
cd "$ROOT"

# The project's C and C++ files, NUL-separated: git's list in a checkout; in a source tree
# without git (an unpacked archive, or a machine without the git package) the same files found
# on disk, without build directories and fuzzing scratch space.
sources() {  # sources DIR...
  if command -v git >/dev/null 2>&1 && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -z -- "${@/%//*.cpp}" "${@/%//*.hpp}" "${@/%//*.h}" "${@/%//*.c}"
  else
    find "$@" \( -path './build*' -o -path './fuzz/corpus-work' -o -path './.git' \) -prune \
      -o -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' \) -print0
  fi
}

echo "clang-format: checking $(sources . | tr -cd '\0' | wc -c) files"
sources . | xargs -0 clang-format --dry-run -Werror
echo "clang-tidy: parser/"
# ("N warnings generated" counts the suppressed ones in system headers: noise.)
# The build may be GCC's: its warning options (-Wno-restrict) are unknown to clang.
sources ./parser | { grep -z '\.cpp$' || true; } |
  xargs -0 -P "${JOBS:-2}" -n 4 clang-tidy -p "$BUILD" --quiet \
  --extra-arg=-Wno-unknown-warning-option 2>&1 |
  { grep -v -E '^[0-9]+ warnings? generated\.$' || true; }
