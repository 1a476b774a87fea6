package org.kaimen.analysis.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.internal.ChineseSegmenter;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
import org.kaimen.analysis.internal.campaigns.HybridCampaigns;
import org.kaimen.analysis.internal.topics.TopicClusterer;
import org.kaimen.analysis.internal.topics.TopicLabeler;
import org.kaimen.analysis.internal.topics.TopicPipeline;

/**
 * Topic clusters on the labelled 滨州 set, the way the app computes them: campaigns found by the campaign detector
 * and collapsed, then the sentence vectors clustered. Issue #5 asks for ARI ≥ 0.55 against the 0.398 of "one
 * cluster per article".
 */
class TopicQualityTest {

    private static List<LabelledComment> set;
    private static Map<Long, float[]> vectors;
    private static Map<Long, Long> campaigns;

    @BeforeAll
    static void embedAndFindCampaigns() {
        set = EvaluationSet.load();
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        vectors = new LinkedHashMap<>();
        HybridCampaigns detector = new HybridCampaigns(CampaignDetector.Config.defaults(), 0.88, 0.30);
        for (int i = 0; i < set.size(); i += 64) {
            List<LabelledComment> batch = set.subList(i, Math.min(set.size(), i + 64));
            var embedded = model.embedAll(batch.stream().map(c -> TextSegment.from(c.text())).toList()).content();
            for (int j = 0; j < batch.size(); j++) {
                LabelledComment c = batch.get(j);
                vectors.put(c.id(), embedded.get(j).vector());
                detector.add(c.id(), c.text(), c.author(), embedded.get(j).vector());
            }
        }
        campaigns = new HashMap<>();
        detector.groups().forEach(g -> g.memberIds().forEach(m -> campaigns.put(m, g.id())));
    }

    @Test
    void topicClustersBeatOneClusterPerArticleByAWideMargin() {
        Map<Long, String> predicted = cluster(TopicClusterer.Config.defaults());
        Map<Long, String> truth = EvaluationSet.topicLabels(set);
        double ari = ClusteringMetrics.adjustedRandIndex(truth, predicted);
        double nmi = ClusteringMetrics.normalizedMutualInformation(truth, predicted);
        long topics = predicted.values().stream().filter(v -> v.startsWith("t")).distinct().count();
        long unclustered = predicted.values().stream().filter(v -> v.startsWith("u")).count();
        System.out.printf("BENCH topic clusters on %d labelled comments: ARI %.4f, NMI %.4f (%d topics, %d "
                + "unclustered; 16 true topics)%n", set.size(), ari, nmi, topics, unclustered);
        assertThat(ari).isGreaterThanOrEqualTo(0.55);
        assertThat(nmi).isGreaterThan(0.672);
        assertThat(topics).isBetween(8L, 40L);
    }

    @Test
    void theMergeThresholdTradesFewerTopicsForPurity() {
        // Printed for docs/benchmarks.md; the assertion only checks the threshold does what its name says.
        Map<Long, String> truth = EvaluationSet.topicLabels(set);
        long previous = 0;
        for (double t : new double[] {0.06, 0.09, 0.11, 0.14, 0.18}) {
            Map<Long, String> predicted = cluster(TopicClusterer.Config.defaults().withMergeThreshold(t));
            long topics = predicted.values().stream().filter(v -> v.startsWith("t")).distinct().count();
            System.out.printf("BENCH topic clusters, merge threshold %.2f: ARI %.4f, %d topics%n", t,
                    ClusteringMetrics.adjustedRandIndex(truth, predicted), topics);
            assertThat(topics).isGreaterThanOrEqualTo(previous);
            previous = topics;
        }
    }

    @Test
    void labelsNameWhatTheTopicIsAbout() {
        TopicPipeline.Outcome outcome = new TopicPipeline(TopicClusterer.Config.defaults()).run(docs());
        Map<Long, LabelledComment> byId = new HashMap<>();
        set.forEach(c -> byId.put(c.id(), c));
        List<List<String>> texts = new ArrayList<>();
        for (TopicPipeline.Topic t : outcome.topics()) {
            List<String> members = new ArrayList<>();
            for (long id : t.commentIds()) {
                members.add(byId.get(id).text());
            }
            texts.add(members);
        }
        ChineseSegmenter segmenter = new ChineseSegmenter();
        List<List<String>> keywords = new TopicLabeler(segmenter::words).keywords(texts, 5);
        int named = 0;
        for (int i = 0; i < outcome.topics().size(); i++) {
            // The true topic most members carry, and whether a label word appears in its name (电梯维修与更新 ~ 电梯).
            Map<String, Integer> counts = new HashMap<>();
            for (long id : outcome.topics().get(i).commentIds()) {
                counts.merge(byId.get(id).topic(), 1, Integer::sum);
            }
            String truth = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<String> words = keywords.get(i);
            boolean hit = words.stream().anyMatch(w -> truth.contains(w) || w.chars().filter(ch -> truth.indexOf(ch) >= 0)
                    .count() >= 2);
            System.out.printf("BENCH topic %-28s %-12s %s%n", TopicLabeler.label(words, 3), truth, hit ? "" : "(miss)");
            named += hit ? 1 : 0;
        }
        assertThat(keywords).allSatisfy(k -> assertThat(k).isNotEmpty());
        assertThat((double) named / outcome.topics().size()).isGreaterThanOrEqualTo(0.6);
    }

    private static List<TopicPipeline.Doc> docs() {
        List<TopicPipeline.Doc> docs = new ArrayList<>();
        set.forEach(c -> docs.add(new TopicPipeline.Doc(c.id(), vectors.get(c.id()), campaigns.get(c.id()))));
        return docs;
    }

    private static Map<Long, String> cluster(TopicClusterer.Config config) {
        TopicPipeline.Outcome outcome = new TopicPipeline(config).run(docs());
        Map<Long, String> predicted = new HashMap<>();
        for (int t = 0; t < outcome.topics().size(); t++) {
            for (long id : outcome.topics().get(t).commentIds()) {
                predicted.put(id, "t" + t);
            }
        }
        // Unclustered comments count as singletons: neither right nor wrong together.
        outcome.unclustered().forEach(id -> predicted.put(id, "u" + id));
        return predicted;
    }
}
