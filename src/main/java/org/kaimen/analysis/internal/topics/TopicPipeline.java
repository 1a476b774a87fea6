package org.kaimen.analysis.internal.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics over comments after campaigns are collapsed: a campaign of 5,000 copies is one voice on one subject, so
 * it enters the clustering as one item (its members' mean vector, weighted by its size) instead of pulling every
 * centroid towards itself; its members are then given the topic of that item.
 */
public final class TopicPipeline {

    /** A comment to cluster: its vector and its campaign, if any. */
    public record Doc(long commentId, float[] vector, Long campaignId) {
    }

    /** A topic's comments and its centroid in the centred space. */
    public record Topic(long[] commentIds, float[] centroid) {
    }

    /** @param similarity per comment, its centred cosine to the nearest topic */
    public record Outcome(List<Topic> topics, List<Long> unclustered, float[] mean, Map<Long, Double> similarity) {
    }

    private final TopicClusterer clusterer;

    public TopicPipeline(TopicClusterer.Config config) {
        this.clusterer = new TopicClusterer(config);
    }

    public Outcome run(List<Doc> docs) {
        return run(docs, null);
    }

    /** @param mean the vector to centre with, or null for the docs' own weighted mean */
    public Outcome run(List<Doc> docs, float[] mean) {
        Map<Object, List<Doc>> voices = new LinkedHashMap<>();
        for (Doc d : docs) {
            voices.computeIfAbsent(d.campaignId() == null ? (Object) ("c" + d.commentId()) : d.campaignId(),
                    k -> new ArrayList<>()).add(d);
        }
        List<TopicClusterer.Item> items = new ArrayList<>();
        Map<Long, List<Doc>> byKey = new HashMap<>();
        for (List<Doc> voice : voices.values()) {
            long key = voice.get(0).commentId();
            byKey.put(key, voice);
            items.add(new TopicClusterer.Item(key, voice.size() == 1 ? voice.get(0).vector() : mean(voice),
                    voice.size()));
        }
        TopicClusterer.Result result = clusterer.cluster(items, mean);
        List<Topic> topics = new ArrayList<>();
        for (TopicClusterer.Group g : result.groups()) {
            topics.add(new Topic(expand(g.keys(), byKey), g.centroid()));
        }
        List<Long> unclustered = new ArrayList<>();
        for (long id : expand(result.unclustered(), byKey)) {
            unclustered.add(id);
        }
        Map<Long, Double> similarity = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            double s = result.similarity()[i];
            byKey.get(items.get(i).key()).forEach(d -> similarity.put(d.commentId(), s));
        }
        return new Outcome(topics, unclustered, result.mean(), similarity);
    }

    private static long[] expand(long[] keys, Map<Long, List<Doc>> byKey) {
        List<Long> out = new ArrayList<>();
        for (long k : keys) {
            byKey.get(k).forEach(d -> out.add(d.commentId()));
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static float[] mean(List<Doc> voice) {
        int d = voice.get(0).vector().length;
        float[] out = new float[d];
        for (Doc doc : voice) {
            float[] v = doc.vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            norm = norm == 0 ? 1 : Math.sqrt(norm);
            for (int k = 0; k < d; k++) {
                out[k] += (float) (v[k] / norm);
            }
        }
        return out;
    }
}
