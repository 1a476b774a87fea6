package org.kaimen.analysis.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "One cluster per article" is the yardstick a topic clusterer has to beat. The data set is built so that it
 * is informative but clearly imperfect; if a change to the generator pushes it outside these bands, the set
 * has become too easy or too hard for that comparison to mean anything.
 */
class ArticleBaselineTest {

    @Test
    void oneClusterPerArticleIsAMeaningfulButImperfectBaseline() {
        List<LabelledComment> comments = EvaluationSet.load();
        Map<Long, String> truth = EvaluationSet.topicLabels(comments);
        Map<Long, String> baseline = ClusteringMetrics.oneClusterPerArticle(comments);
        double ari = ClusteringMetrics.adjustedRandIndex(truth, baseline);
        double nmi = ClusteringMetrics.normalizedMutualInformation(truth, baseline);
        System.out.printf("BENCH topic baseline (one cluster per article): ARI %.4f, NMI %.4f%n", ari, nmi);
        assertThat(ari).isBetween(0.35, 0.45);
        assertThat(nmi).isBetween(0.60, 0.70);
    }

    @Test
    void articleBaselineFindsNoCampaigns() {
        // Grouping by article links every campaign member to unrelated comments on the same article: it
        // should recall campaign pairs but with poor precision, which is why campaign detection needs text.
        List<LabelledComment> comments = EvaluationSet.load();
        PairwiseScores scores = ClusteringMetrics.pairwise(EvaluationSet.campaignLabels(comments),
                ClusteringMetrics.oneClusterPerArticle(comments));
        System.out.printf("one-cluster-per-article baseline on campaign labels: P %.3f R %.3f F1 %.3f%n",
                scores.precision(), scores.recall(), scores.f1());
        assertThat(scores.precision()).isLessThan(0.5);
    }
}
