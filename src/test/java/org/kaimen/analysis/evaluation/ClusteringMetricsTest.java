package org.kaimen.analysis.evaluation;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusteringMetricsTest {

    private static final double EPS = 1e-9;

    /** Ids 1..n labelled like scikit-learn's label arrays, so expected values can be taken from its docs. */
    private static Map<Long, String> labels(int... values) {
        Map<Long, String> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(i + 1L, "c" + values[i]);
        }
        return map;
    }

    @Test
    void matchesScikitLearnOnTheRefinementExample() {
        // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715,
        // normalized_mutual_info_score(...) = 0.8 (H(U) = ln 2, H(V) = 1.5 ln 2, MI = ln 2).
        assertThat(ClusteringMetrics.adjustedRandIndex(labels(0, 0, 1, 1), labels(0, 0, 1, 2)))
                .isCloseTo(0.5714285714285715, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(labels(0, 0, 1, 1), labels(0, 0, 1, 2)))
                .isCloseTo(0.8, within(EPS));
    }

    @Test
    void matchesScikitLearnUserGuideExample() {
        // labels_true = [0,0,0,1,1,1], labels_pred = [0,0,1,1,2,2] from the scikit-learn user guide.
        // ARI: index 2, expected 6*3/15 = 1.2, max 4.5 -> 0.8 / 3.3.
        // NMI: MI = 2/3 ln 2, H = ln 2 and ln 3, arithmetic mean normaliser.
        Map<Long, String> truth = labels(0, 0, 0, 1, 1, 1);
        Map<Long, String> predicted = labels(0, 0, 1, 1, 2, 2);
        assertThat(ClusteringMetrics.adjustedRandIndex(truth, predicted)).isCloseTo(0.24242424242424246, within(EPS));
        double expectedNmi = (2.0 / 3 * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2);
        assertThat(ClusteringMetrics.normalizedMutualInformation(truth, predicted))
                .isCloseTo(expectedNmi, within(EPS))
                .isCloseTo(0.5158037429793889, within(EPS));
    }

    @Test
    void discordantLabellingsScoreBelowChance() {
        // sklearn docs: adjusted_rand_score([0,0,1,1],[0,1,0,1]) = -0.5; the labellings are independent.
        assertThat(ClusteringMetrics.adjustedRandIndex(labels(0, 0, 1, 1), labels(0, 1, 0, 1)))
                .isCloseTo(-0.5, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(labels(0, 0, 1, 1), labels(0, 1, 0, 1)))
                .isCloseTo(0.0, within(EPS));
    }

    @Test
    void oneClusterAgainstAllSingletonsScoresZero() {
        assertThat(ClusteringMetrics.adjustedRandIndex(labels(0, 0, 0, 0), labels(0, 1, 2, 3))).isCloseTo(0.0, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(labels(0, 0, 0, 0), labels(0, 1, 2, 3)))
                .isCloseTo(0.0, within(EPS));
    }

    @Test
    void identicalPartitionsScoreOneWhateverTheLabelNames() {
        Map<Long, String> truth = labels(0, 0, 1, 1, 2);
        Map<Long, String> renamed = labels(7, 7, 3, 3, 9);
        assertThat(ClusteringMetrics.adjustedRandIndex(truth, renamed)).isCloseTo(1.0, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(truth, renamed)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void degenerateLabellingsFollowScikitLearnConventions() {
        assertThat(ClusteringMetrics.adjustedRandIndex(labels(0, 0, 0), labels(5, 5, 5))).isEqualTo(1.0);
        assertThat(ClusteringMetrics.normalizedMutualInformation(labels(0, 0, 0), labels(5, 5, 5))).isEqualTo(1.0);
        assertThat(ClusteringMetrics.adjustedRandIndex(labels(0, 1, 2), labels(2, 1, 0))).isEqualTo(1.0);
        assertThat(ClusteringMetrics.adjustedRandIndex(Map.of(), Map.of())).isEqualTo(1.0);
        assertThat(ClusteringMetrics.normalizedMutualInformation(Map.of(), Map.of())).isEqualTo(1.0);
    }

    @Test
    void adjustedRandIndexIsSymmetric() {
        Map<Long, String> a = labels(0, 0, 1, 1, 1, 2, 2, 3);
        Map<Long, String> b = labels(0, 1, 1, 1, 2, 2, 2, 2);
        assertThat(ClusteringMetrics.adjustedRandIndex(a, b))
                .isCloseTo(ClusteringMetrics.adjustedRandIndex(b, a), within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(a, b))
                .isCloseTo(ClusteringMetrics.normalizedMutualInformation(b, a), within(EPS));
    }

    @Test
    void idsMissingFromThePredictionAreSingletons() {
        Map<Long, String> truth = labels(0, 0, 1, 1);
        Map<Long, String> predicted = new HashMap<>(Map.of(1L, "x", 2L, "x", 3L, "y"));
        // Id 4 is unlabelled, so the prediction behaves like [0,0,1,2].
        assertThat(ClusteringMetrics.adjustedRandIndex(truth, predicted)).isCloseTo(0.5714285714285715, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(truth, predicted)).isCloseTo(0.8, within(EPS));
    }

    @Test
    void nullPredictionsAreSingletonsAndNotOneCluster() {
        Map<Long, String> truth = labels(0, 0, 1, 1);
        Map<Long, String> predicted = new HashMap<>();
        predicted.put(1L, "x");
        predicted.put(2L, "x");
        predicted.put(3L, null);
        predicted.put(4L, null);
        assertThat(ClusteringMetrics.adjustedRandIndex(truth, predicted)).isCloseTo(0.5714285714285715, within(EPS));
    }

    @Test
    void predictedIdsOutsideTheTruthAreIgnored() {
        Map<Long, String> truth = labels(0, 0, 1, 1);
        Map<Long, String> predicted = labels(0, 0, 1, 2);
        predicted.put(99L, "c0");
        predicted.put(100L, "c1");
        assertThat(ClusteringMetrics.adjustedRandIndex(truth, predicted)).isCloseTo(0.5714285714285715, within(EPS));
        assertThat(ClusteringMetrics.normalizedMutualInformation(truth, predicted)).isCloseTo(0.8, within(EPS));
    }

    @Test
    void pairwiseScoresCountCampaignPairsByHand() {
        // True campaigns A = {1,2,3}, B = {4,5}; 6 and 7 belong to none (null).
        Map<Long, String> truth = new HashMap<>();
        truth.put(1L, "A");
        truth.put(2L, "A");
        truth.put(3L, "A");
        truth.put(4L, "B");
        truth.put(5L, "B");
        truth.put(6L, null);
        truth.put(7L, null);
        // Predicted groups x = {1,2}, y = {3,4,5}, z = {6,7}.
        Map<Long, String> predicted = Map.of(1L, "x", 2L, "x", 3L, "y", 4L, "y", 5L, "y", 6L, "z", 7L, "z");
        // True pairs: 3 in A + 1 in B = 4. Predicted pairs: 1 + 3 + 1 = 5.
        // Pairs in both: (1,2) and (4,5); (6,7) is not a true pair because null never links.
        PairwiseScores scores = ClusteringMetrics.pairwise(truth, predicted);
        assertThat(scores.truePairs()).isEqualTo(4);
        assertThat(scores.predictedPairs()).isEqualTo(5);
        assertThat(scores.truePositivePairs()).isEqualTo(2);
        assertThat(scores.precision()).isCloseTo(0.4, within(EPS));
        assertThat(scores.recall()).isCloseTo(0.5, within(EPS));
        assertThat(scores.f1()).isCloseTo(2 * 0.4 * 0.5 / 0.9, within(EPS));
    }

    @Test
    void pairwiseScoresOfAnEmptyPrediction() {
        Map<Long, String> truth = Map.of(1L, "A", 2L, "A", 3L, "B");
        PairwiseScores scores = ClusteringMetrics.pairwise(truth, Map.of());
        assertThat(scores.predictedPairs()).isZero();
        assertThat(scores.precision()).isEqualTo(1.0);
        assertThat(scores.recall()).isEqualTo(0.0);
        assertThat(scores.f1()).isEqualTo(0.0);
    }

    @Test
    void pairwiseScoresOfAPerfectPrediction() {
        Map<Long, String> truth = labels(0, 0, 0, 1, 1);
        PairwiseScores scores = ClusteringMetrics.pairwise(truth, labels(4, 4, 4, 2, 2));
        assertThat(scores.precision()).isEqualTo(1.0);
        assertThat(scores.recall()).isEqualTo(1.0);
        assertThat(scores.f1()).isEqualTo(1.0);
    }

    @Test
    void oneClusterPerArticleGroupsByArticleNumber() {
        List<LabelledComment> comments = List.of(
                new LabelledComment(1, 12, "SUPPORT", "t", null, "a", "x"),
                new LabelledComment(2, 12, "OPPOSE", "u", null, "b", "y"),
                new LabelledComment(3, 0, "MODIFY", "t", null, "c", "z"));
        Map<Long, String> clusters = ClusteringMetrics.oneClusterPerArticle(comments);
        assertThat(clusters).containsOnlyKeys(1L, 2L, 3L);
        assertThat(clusters.get(1L)).isEqualTo(clusters.get(2L)).isNotEqualTo(clusters.get(3L));
    }
}
