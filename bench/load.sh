#!/usr/bin/env bash
# Comment submission under load (issue #9): the app, PostgreSQL and Elasticsearch on this machine; an open-loop
# generator in a second JVM posts comments with citizens' API tokens, then every acknowledged comment is checked in
# PostgreSQL (exactly once) and Elasticsearch (present, current version, nothing extra). Prints LOAD and BENCH lines.
#
# Usage: bash bench/load.sh [phases] [extra -D options for Maven]
#   bash bench/load.sh                      # 500 comments/s for 60 s
#   bash bench/load.sh 5000x60,500x60       # a 10x burst for 60 s, then the normal rate for 60 s
# Environment: BENCH_LOG (default target/load-bench.log) keeps the whole output; BENCH_HEAP (default 1g) is the
# app's heap. The run uses its own database (kaimen_loadbench) so it can run beside the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
phases="${1:-500x60}"
shift || true
log="${BENCH_LOG:-target/load-bench.log}"
mkdir -p "$(dirname "$log")"
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='SubmissionLoadBench' \
  -Dkaimen.test.database=kaimen_loadbench -Dkaimen.test.heap="${BENCH_HEAP:-1g}" \
  -Dkaimen.bench.load.phases="$phases" "$@" >"$log" 2>&1 || status=$?
grep -E '^(LOAD|BENCH)' "$log" || true
if [ "${status:-0}" -ne 0 ]; then
  echo "the benchmark failed (exit ${status}); see $log" >&2
  exit "$status"
fi
