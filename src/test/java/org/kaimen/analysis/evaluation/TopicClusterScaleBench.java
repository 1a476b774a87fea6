package org.kaimen.analysis.evaluation;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.internal.topics.TopicClusterer;
import org.kaimen.analysis.internal.topics.TopicPipeline;

/**
 * Clustering speed at 10,000 and 100,000 comments (bash bench/analysis.sh runs it with -Xmx2g; not part of the
 * suite). The vectors are the labelled set's real bge-small-zh vectors, each copied many times with Gaussian noise
 * of the size that separates paraphrases, so the data has the real set's geometry and topic labels to check against.
 */
class TopicClusterScaleBench {

    @Test
    void clusteringTenThousandAndAHundredThousandComments() {
        List<LabelledComment> set = EvaluationSet.load();
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        List<float[]> base = new ArrayList<>();
        for (int i = 0; i < set.size(); i += 64) {
            model.embedAll(set.subList(i, Math.min(set.size(), i + 64)).stream().map(c -> TextSegment.from(c.text()))
                    .toList()).content().forEach(e -> base.add(e.vector()));
        }
        int[] sizes = {10_000, 100_000};
        String sizesProperty = System.getProperty("kaimen.bench.topic-sizes");
        if (sizesProperty != null) {
            sizes = java.util.Arrays.stream(sizesProperty.split(",")).mapToInt(Integer::parseInt).toArray();
        }
        for (int n : sizes) {
            SplittableRandom random = new SplittableRandom(n);
            List<TopicPipeline.Doc> docs = new ArrayList<>(n);
            Map<Long, String> truth = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int source = random.nextInt(base.size());
                float[] v = base.get(source).clone();
                for (int k = 0; k < v.length; k++) {
                    v[k] += (float) (random.nextGaussian() * 0.02);
                }
                docs.add(new TopicPipeline.Doc(i, v, null));
                truth.put((long) i, set.get(source).topic());
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long before = rt.totalMemory() - rt.freeMemory();
            long start = System.nanoTime();
            TopicPipeline.Outcome outcome = new TopicPipeline(TopicClusterer.Config.defaults()).run(docs);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long used = rt.totalMemory() - rt.freeMemory() - before;
            Map<Long, String> predicted = new HashMap<>();
            for (int t = 0; t < outcome.topics().size(); t++) {
                for (long id : outcome.topics().get(t).commentIds()) {
                    predicted.put(id, "t" + t);
                }
            }
            outcome.unclustered().forEach(id -> predicted.put(id, "u" + id));
            System.out.printf("BENCH topic clustering %,d comments: %,d ms, %d topics, %d unclustered, ARI %.3f, "
                            + "heap growth ~%d MB (max heap %d MB)%n", n, millis, outcome.topics().size(),
                    outcome.unclustered().size(), ClusteringMetrics.adjustedRandIndex(truth, predicted),
                    used / 1_000_000, rt.maxMemory() / 1_000_000);
        }
    }
}
