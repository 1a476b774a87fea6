#!/usr/bin/env bash
# Analysis figures for docs/benchmarks.md: embedding throughput, campaign detection quality and speed.
# Usage: bash bench/analysis.sh   (prints lines starting with BENCH)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='EmbeddingThroughputBench,CampaignQualityTest,ArticleBaselineTest,CampaignVectorBench,TopicQualityTest,TopicClusterScaleBench' 2>&1 | grep -E '^BENCH' || true
