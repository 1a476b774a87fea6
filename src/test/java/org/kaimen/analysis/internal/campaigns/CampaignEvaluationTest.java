package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignEvaluationTest {

    @Test
    void perfectPredictionScoresOne() {
        Map<Long, String> truth = map(1, "a", 2, "a", 3, "a", 4, null, 5, "b", 6, "b");
        Map<Long, Long> predicted = Map.of(1L, 7L, 2L, 7L, 3L, 7L, 5L, 9L, 6L, 9L);

        CampaignEvaluation.Metrics m = CampaignEvaluation.pairwise(truth, predicted);

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.truePositivePairs()).isEqualTo(4);
    }

    @Test
    void wrongMergesCostPrecisionAndSplitsCostRecall() {
        // Truth: {1,2,3,4} and 5, 6 genuine. Prediction: {1,2} {3,4,5}, 6 alone.
        Map<Long, String> truth = map(1, "a", 2, "a", 3, "a", 4, "a", 5, null, 6, null);
        Map<Long, Long> predicted = new HashMap<>(Map.of(1L, 1L, 2L, 1L, 3L, 2L, 4L, 2L, 5L, 2L));
        predicted.put(6L, null);

        CampaignEvaluation.Metrics m = CampaignEvaluation.pairwise(truth, predicted);

        // Predicted pairs: 1 + 3 = 4; correct: (1,2), (3,4) = 2; truth pairs: 6.
        assertThat(m.predictedPairs()).isEqualTo(4);
        assertThat(m.truthPairs()).isEqualTo(6);
        assertThat(m.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(m.f1()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void nothingPredictedAndNothingToFindIsPerfect() {
        CampaignEvaluation.Metrics m = CampaignEvaluation.pairwise(map(1, null, 2, null), Map.of());

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
    }

    private static Map<Long, String> map(Object... kv) {
        Map<Long, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(((Integer) kv[i]).longValue(), (String) kv[i + 1]);
        }
        return m;
    }
}
