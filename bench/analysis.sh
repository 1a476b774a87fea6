#!/usr/bin/env bash
# Analysis figures for docs/benchmarks.md: embedding throughput, campaign and topic quality, campaign and clustering
# speed. Usage: bash bench/analysis.sh   (prints lines starting with BENCH; the scale runs take several minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='EmbeddingThroughputBench,CampaignQualityTest,ArticleBaselineTest,CampaignVectorBench,TopicQualityTest' 2>&1 \
  | grep -E '^BENCH' || true
# A million comments need more than the suite's 1 GB heap; clustering is measured within 2 GB as the issue asks.
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dkaimen.test.heap=2g -Dtest='TopicClusterScaleBench' 2>&1 \
  | grep -E '^BENCH' || true
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false -Dkaimen.test.heap=4g -Dtest='HybridCampaignScaleBench' 2>&1 \
  | grep -E '^BENCH' || true
