package org.kaimen.analysis.evaluation;

/**
 * Pair-counting agreement between a true and a predicted grouping.
 *
 * @param truePositivePairs pairs grouped together in both
 * @param truePairs         pairs grouped together in the truth
 * @param predictedPairs    pairs grouped together in the prediction
 * @param precision         {@code truePositivePairs / predictedPairs}; 1 when nothing was predicted
 * @param recall            {@code truePositivePairs / truePairs}; 1 when the truth has no pairs
 * @param f1                harmonic mean of precision and recall; 0 when both are 0
 */
public record PairwiseScores(long truePositivePairs, long truePairs, long predictedPairs, double precision,
                             double recall, double f1) {

    static PairwiseScores of(long truePositivePairs, long truePairs, long predictedPairs) {
        // An empty prediction makes no false claim, and an empty truth leaves nothing to miss: scoring those
        // as 1 keeps precision and recall meaningful on their own, while F1 still exposes the failure.
        double precision = predictedPairs == 0 ? 1.0 : (double) truePositivePairs / predictedPairs;
        double recall = truePairs == 0 ? 1.0 : (double) truePositivePairs / truePairs;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new PairwiseScores(truePositivePairs, truePairs, predictedPairs, precision, recall, f1);
    }
}
