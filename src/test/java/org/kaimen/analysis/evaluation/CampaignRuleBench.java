package org.kaimen.analysis.evaluation;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
import org.kaimen.analysis.internal.campaigns.MinHasher;
import org.kaimen.analysis.internal.campaigns.TextNormalizer;

/** Tries vector + shingle rules for campaign edges on the labelled set and prints precision/recall per setting. */
class CampaignRuleBench {

    @Test
    void rules() {
        List<LabelledComment> set = EvaluationSet.load();
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        List<float[]> v = new ArrayList<>();
        for (int i = 0; i < set.size(); i += 64) {
            model.embedAll(set.subList(i, Math.min(set.size(), i + 64)).stream().map(c -> TextSegment.from(c.text()))
                    .toList()).content().forEach(e -> v.add(e.vector()));
        }
        TextNormalizer normalizer = TextNormalizer.standard();
        MinHasher hasher = new MinHasher();
        List<long[]> shingles = set.stream().map(c -> {
            long[] s = hasher.shingleHashes(normalizer.normalize(c.text()));
            Arrays.sort(s);
            return s;
        }).toList();
        CampaignDetector detector = new CampaignDetector(CampaignDetector.Config.defaults());
        set.forEach(c -> detector.add(c.id(), c.text(), c.author()));
        Map<Long, String> truth = new HashMap<>();
        set.forEach(c -> truth.put(c.id(), c.campaign() == null || c.campaign().startsWith("repeat") ? null
                : c.campaign()));
        int n = set.size();
        double[][] cos = new double[n][n];
        double[][] jac = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                cos[i][j] = CampaignVectorBench.cos(v.get(i), v.get(j));
                jac[i][j] = MinHasher.jaccard(shingles.get(i), shingles.get(j));
            }
        }
        for (double t1 : new double[] {0.85, 0.88, 0.9, 0.92}) {
            for (double t2 : new double[] {0.1, 0.15, 0.2, 0.25, 0.3}) {
                int[] parent = new int[n];
                for (int i = 0; i < n; i++) {
                    parent[i] = i;
                }
                for (int i = 0; i < n; i++) {
                    Long gi = detector.campaignOf(set.get(i).id());
                    for (int j = i + 1; j < n; j++) {
                        Long gj = detector.campaignOf(set.get(j).id());
                        boolean edge = (gi != null && gi.equals(gj)) || (cos[i][j] >= t1 && jac[i][j] >= t2);
                        if (edge) {
                            parent[find(parent, i)] = find(parent, j);
                        }
                    }
                }
                Map<Integer, Integer> sizes = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    sizes.merge(find(parent, i), 1, Integer::sum);
                }
                Map<Long, String> predicted = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    int root = find(parent, i);
                    predicted.put(set.get(i).id(), sizes.get(root) >= 3 ? String.valueOf(root) : null);
                }
                PairwiseScores s = ClusteringMetrics.pairwise(truth, predicted);
                System.out.printf("BENCH rule cos>=%.2f & jaccard>=%.2f: precision %.4f recall %.4f%n", t1, t2,
                        s.precision(), s.recall());
            }
        }
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }
}
