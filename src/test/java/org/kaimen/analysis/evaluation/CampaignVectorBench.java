package org.kaimen.analysis.evaluation;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints how close bge-small-zh vectors put campaign members and unrelated comments on the labelled set: the data
 * for adding a vector rule to campaign detection (run with bench/analysis.sh; not part of the suite).
 */
class CampaignVectorBench {
    @Test
    void probe() {
        List<LabelledComment> set = EvaluationSet.load();
        var model = new BgeSmallZhV15QuantizedEmbeddingModel();
        List<float[]> v = new ArrayList<>();
        for (int i = 0; i < set.size(); i += 64) {
            model.embedAll(set.subList(i, Math.min(set.size(), i + 64)).stream().map(c -> TextSegment.from(c.text())).toList())
                    .content().forEach(e -> v.add(e.vector()));
        }
        java.util.Map<String, double[]> within = new java.util.TreeMap<>();
        double genuineMax = 0; double[] hist = new double[20];
        for (int i = 0; i < set.size(); i++) for (int j = i + 1; j < set.size(); j++) {
            double c = cos(v.get(i), v.get(j));
            String a = set.get(i).campaign(), b = set.get(j).campaign();
            if (a != null && a.equals(b) && !a.startsWith("repeat")) {
                double[] s = within.computeIfAbsent(a, k -> new double[] {1, 0, 0});
                s[0] = Math.min(s[0], c); s[1] += c; s[2]++;
            } else if (!(a != null && a.equals(b))) {
                genuineMax = Math.max(genuineMax, c);
                hist[(int) Math.min(19, c * 20)]++;
            }
        }
        within.forEach((k, s) -> System.out.printf("BENCH vectors %s min %.3f avg %.3f%n", k, s[0], s[1] / s[2]));
        System.out.printf("BENCH vectors non-campaign pairs max %.3f; >=0.85: %.0f >=0.9: %.0f >=0.95: %.0f%n", genuineMax,
                hist[17] + hist[18] + hist[19], hist[18] + hist[19], hist[19]);
    }
    static double cos(float[] x, float[] y) { double d=0,a=0,b=0; for (int i=0;i<x.length;i++){d+=x[i]*y[i];a+=x[i]*x[i];b+=y[i]*y[i];} return d/Math.sqrt(a*b); }
}
