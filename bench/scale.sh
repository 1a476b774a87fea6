#!/usr/bin/env bash
# Scale figures of the comment analysis layer for docs/benchmarks.md: index rebuild (bulk indexing), search latency
# while 50 comments/s arrive, and freshness of a new comment (AnalysisScaleBench; prints lines starting with BENCH).
#
# Usage: bash bench/scale.sh [comments] [extra -D options for Maven]
#   bash bench/scale.sh                      # 20,000 comments, real campaign detection
#   bash bench/scale.sh 1000000 -Dkaimen.bench.campaigns=off -Dkaimen.test.elasticsearch.heap=2g
# Environment: BENCH_LOG (default target/scale-bench.log) keeps the whole output.
# The run uses its own database (kaimen_bench) so it can run beside the test suite, which uses kaimen_test.
set -euo pipefail
cd "$(dirname "$0")/.."
comments="${1:-20000}"
shift || true
log="${BENCH_LOG:-target/scale-bench.log}"
mkdir -p "$(dirname "$log")"
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='AnalysisScaleBench' \
  -Dkaimen.test.database=kaimen_bench -Dkaimen.bench.comments="$comments" "$@" >"$log" 2>&1 || status=$?
grep -E '^BENCH' "$log" || true
if [ "${status:-0}" -ne 0 ]; then
  echo "the benchmark failed (exit ${status}); see $log" >&2
  exit "$status"
fi
