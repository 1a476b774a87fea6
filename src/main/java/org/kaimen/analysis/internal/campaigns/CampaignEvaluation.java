package org.kaimen.analysis.internal.campaigns;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairwise clustering metrics for campaign detection against hand-labelled data.
 *
 * <p>Pairwise rather than per-cluster because what a clerk experiences is "these two comments
 * were shown as one voice": a wrongly merged pair hides an individual opinion (precision), a
 * missed pair makes a campaign look like independent support (recall). Counting is done on the
 * contingency table, so it is linear in the number of comments, not quadratic.
 */
public final class CampaignEvaluation {

    /**
     * @param truePositivePairs pairs grouped together both in the truth and in the prediction
     * @param predictedPairs pairs grouped together by the prediction
     * @param truthPairs pairs grouped together in the truth
     * @param precision {@code truePositivePairs / predictedPairs}, 1 when nothing was predicted
     * @param recall {@code truePositivePairs / truthPairs}, 1 when there is nothing to find
     */
    public record Metrics(long truePositivePairs, long predictedPairs, long truthPairs,
                          double precision, double recall) {

        public double f1() {
            return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "precision=%.4f recall=%.4f f1=%.4f (tp=%d predicted=%d truth=%d pairs)",
                    precision, recall, f1(), truePositivePairs, predictedPairs, truthPairs);
        }
    }

    private CampaignEvaluation() {
    }

    /**
     * Compares predicted groups with labelled ones over every comment id in either map. A
     * {@code null} (or absent) label or campaign id means "not in any group" and never forms pairs.
     */
    public static Metrics pairwise(Map<Long, String> truth, Map<Long, Long> predicted) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(predicted, "predicted");
        Set<Long> ids = new HashSet<>(truth.keySet());
        ids.addAll(predicted.keySet());
        Map<String, Long> truthSizes = new HashMap<>();
        Map<Long, Long> predictedSizes = new HashMap<>();
        Map<Map.Entry<String, Long>, Long> cells = new HashMap<>();
        for (Long id : ids) {
            String label = truth.get(id);
            Long group = predicted.get(id);
            if (label != null) {
                truthSizes.merge(label, 1L, Long::sum);
            }
            if (group != null) {
                predictedSizes.merge(group, 1L, Long::sum);
            }
            if (label != null && group != null) {
                cells.merge(Map.entry(label, group), 1L, Long::sum);
            }
        }
        long tp = cells.values().stream().mapToLong(CampaignEvaluation::pairs).sum();
        long predictedPairs = predictedSizes.values().stream().mapToLong(CampaignEvaluation::pairs).sum();
        long truthPairs = truthSizes.values().stream().mapToLong(CampaignEvaluation::pairs).sum();
        double precision = predictedPairs == 0 ? 1.0 : (double) tp / predictedPairs;
        double recall = truthPairs == 0 ? 1.0 : (double) tp / truthPairs;
        return new Metrics(tp, predictedPairs, truthPairs, precision, recall);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }
}
