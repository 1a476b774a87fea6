#!/usr/bin/env bash
# Heap per open reading session of a 100-article draft (issue #9), for docs/benchmarks.md: the app in the test
# profile with the given heap, N visitors opening the reading view over plain HTTP (no browser) and staying.
# Usage: bash bench/sessions.sh [sessions] [heap]   (defaults 2000 and 512m; prints lines starting with BENCH)
# Each visitor also sends the message a browser sends right after drawing the view (see ReadingSessionBrowserIT).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dtest='ReadingSessionsBench' \
  -Dkaimen.test.database=kaimen_bench_sessions -Dkaimen.test.heap="${2:-512m}" \
  -Dkaimen.bench.sessions="${1:-2000}" 2>&1 | grep -E '^BENCH|OutOfMemory|FAIL|ERROR\]' || true
