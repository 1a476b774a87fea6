#!/usr/bin/env bash
# Time to interactive of the public reading view of a 100-article draft in headless Chromium on loopback, for
# docs/benchmarks.md. Needs Debian's chromium and chromium-driver (.ci/run installs them).
# Usage: bash bench/browser.sh [runs]   (prints lines starting with BENCH)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='ReadingViewBench' \
  -Dkaimen.test.database=kaimen_bench_browser -Dkaimen.bench.runs="${1:-20}" 2>&1 | grep -E '^BENCH' || true
