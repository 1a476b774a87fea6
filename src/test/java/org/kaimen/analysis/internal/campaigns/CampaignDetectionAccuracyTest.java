package org.kaimen.analysis.internal.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CampaignDetectionAccuracyTest {

    private static final long SEED = 20240611L;

    @Test
    void plantedCampaignsAreFoundWithHighPrecisionAndRecall() {
        List<SyntheticComments.Labelled> comments = SyntheticComments.dataset(SEED, 520, 60, 45, 35, 70, 25);
        assertThat(comments).hasSizeGreaterThanOrEqualTo(600);

        Result result = detect(comments);

        System.out.printf("campaign detection, %d comments, 5 planted campaigns: %s%n", comments.size(), result.metrics);
        assertThat(result.metrics.precision()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.metrics.recall()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void precisionAndRecallHoldAcrossIndependentlyGeneratedDataSets() {
        double worstPrecision = 1;
        double worstRecall = 1;
        for (long seed = 1; seed <= 8; seed++) {
            List<SyntheticComments.Labelled> comments = SyntheticComments.dataset(seed, 600, 20 + (int) (seed * 7 % 60),
                    80 - (int) (seed * 5 % 50), 20 + (int) (seed * 11 % 40), 30 + (int) (seed * 3 % 50), 20);
            CampaignEvaluation.Metrics m = detect(comments).metrics;
            worstPrecision = Math.min(worstPrecision, m.precision());
            worstRecall = Math.min(worstRecall, m.recall());
        }
        System.out.printf("campaign detection over 8 seeds: worst precision=%.4f worst recall=%.4f%n",
                worstPrecision, worstRecall);
        assertThat(worstPrecision).isGreaterThanOrEqualTo(0.98);
        assertThat(worstRecall).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void everyPlantedCampaignIsReportedAsItsOwnCampaign() {
        List<SyntheticComments.Labelled> comments = SyntheticComments.dataset(SEED + 1, 520, 20, 80, 30, 50, 40);

        Result result = detect(comments);

        Map<String, Long> dominantCampaign = comments.stream()
                .filter(c -> c.label() != null)
                .collect(Collectors.groupingBy(SyntheticComments.Labelled::label,
                        Collectors.collectingAndThen(Collectors.toList(), members -> members.stream()
                                .map(m -> result.predicted.get(m.id()))
                                .filter(Objects::nonNull)
                                .collect(Collectors.groupingBy(id -> id, Collectors.counting()))
                                .entrySet().stream().max(Map.Entry.comparingByValue())
                                .map(Map.Entry::getKey).orElse(-1L))));
        assertThat(dominantCampaign).containsOnlyKeys("A", "B", "C", "D", "E");
        assertThat(dominantCampaign.values()).doesNotContain(-1L).doesNotHaveDuplicates();
        assertThat(result.campaigns).extracting(CampaignDetector.Campaign::id)
                .containsExactlyInAnyOrderElementsOf(dominantCampaign.values());
    }

    @Test
    void canonicalCommentOfACopyPasteCampaignIsTheBareTemplate() {
        List<SyntheticComments.Labelled> comments = SyntheticComments.dataset(SEED, 520, 60, 45, 35, 70, 25);
        Map<Long, String> textById = comments.stream()
                .collect(Collectors.toMap(SyntheticComments.Labelled::id, SyntheticComments.Labelled::text));

        Result result = detect(comments);

        CampaignDetector.Campaign e = result.campaigns.stream()
                .filter(c -> textById.get(c.memberIds().get(0)).contains("文明养犬"))
                .findFirst().orElseThrow();
        assertThat(textById.get(e.canonicalCommentId())).isEqualTo(SyntheticComments.CAMPAIGN_E);
    }

    @Test
    void removingCommentsLeavesTheSameCampaignsAsNeverHavingAddedThem() {
        List<SyntheticComments.Labelled> comments = SyntheticComments.dataset(SEED + 2, 400, 40, 30, 25, 35, 20);
        Random r = new Random(5);
        Set<Long> removed = new HashSet<>();
        for (SyntheticComments.Labelled c : comments) {
            if (r.nextDouble() < 0.35) {
                removed.add(c.id());
            }
        }
        CampaignDetector incremental = new CampaignDetector();
        CampaignDetector fresh = new CampaignDetector();
        for (SyntheticComments.Labelled c : comments) {
            incremental.add(c.id(), c.text(), c.author());
            if (!removed.contains(c.id())) {
                fresh.add(c.id(), c.text(), c.author());
            }
        }
        // Interleave queries with removals so lazily rebuilt groups are exercised repeatedly.
        for (Long id : removed) {
            incremental.remove(id);
            if (id % 5 == 0) {
                incremental.campaigns();
            }
        }

        assertThat(memberSets(incremental)).isEqualTo(memberSets(fresh));
        assertThat(incremental.size()).isEqualTo(fresh.size());
    }

    private static Set<List<Long>> memberSets(CampaignDetector detector) {
        return detector.campaigns().stream().map(CampaignDetector.Campaign::memberIds)
                .collect(Collectors.toSet());
    }

    private record Result(CampaignEvaluation.Metrics metrics, Map<Long, Long> predicted,
                          List<CampaignDetector.Campaign> campaigns) {
    }

    private static Result detect(List<SyntheticComments.Labelled> comments) {
        CampaignDetector detector = new CampaignDetector();
        Map<Long, String> truth = new HashMap<>();
        for (SyntheticComments.Labelled c : comments) {
            detector.add(c.id(), c.text(), c.author());
            truth.put(c.id(), c.label());
        }
        Map<Long, Long> predicted = new HashMap<>();
        for (SyntheticComments.Labelled c : comments) {
            predicted.put(c.id(), detector.campaignOf(c.id()));
        }
        return new Result(CampaignEvaluation.pairwise(truth, predicted), predicted, detector.campaigns());
    }
}
