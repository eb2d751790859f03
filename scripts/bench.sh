#!/usr/bin/env bash
# Runs the benchmark binary (Google Benchmark flags pass through).
set -euo pipefail
exec "$BUILD/bench/h1resp_bench" "$@"
