package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaigns from two kinds of evidence: near-identical character shingles (the MinHash detector), and, for mail-merge
 * copies that swap words and reorder sentences, sentence vectors that are very close <em>and</em> a fair share of
 * shingles in common. Neither alone is enough: vectors put unrelated comments on one subject up to 0.94 apart, and
 * shingles miss synonym swaps. On the labelled 滨州 set (see docs/benchmarks.md) cosine ≥ 0.88 with shingle Jaccard
 * ≥ 0.30 gave pairwise precision 0.998 and recall 1.0; the thresholds were chosen on that set, so they are settings.
 *
 * <p>Not thread-safe; one instance per draft, used under the caller's lock. Vector candidates are found by a scan
 * of the draft's vectors, which suits drafts up to tens of thousands of comments.
 */
public final class HybridCampaigns {

    /** A campaign: its id (the smallest member id, so merges keep the older id) and members in id order. */
    public record Group(long id, List<Long> memberIds, long canonicalId) {
    }

    private final CampaignDetector shingles;
    private final TextNormalizer normalizer;
    private final MinHasher hasher;
    private final double minCosine;
    private final double minJaccard;
    private final int minSize;
    private final Map<Long, float[]> vectors = new LinkedHashMap<>();
    private final Map<Long, long[]> shingleSets = new HashMap<>();
    private final Map<Long, List<Long>> vectorEdges = new HashMap<>();

    public HybridCampaigns(CampaignDetector.Config config, double minCosine, double minJaccard) {
        this.minSize = config.minSize();
        // Pairs from the shingle detector count as evidence; the campaign size rule is applied here.
        this.shingles = new CampaignDetector(config.withMinSize(2));
        this.normalizer = config.normalizer();
        this.hasher = new MinHasher(config.shingleSize(), config.numHashes());
        this.minCosine = minCosine;
        this.minJaccard = minJaccard;
    }

    public boolean contains(long id) {
        return shingles.contains(id);
    }

    /** @param vector the comment's sentence vector, or null when there is none (shingles only) */
    public void add(long id, String text, String authorKey, float[] vector) {
        if (shingles.contains(id)) {
            return;
        }
        shingles.add(id, text, authorKey);
        long[] set = hasher.shingleHashes(normalizer.normalize(text == null ? "" : text));
        Arrays.sort(set);
        shingleSets.put(id, set);
        if (vector != null) {
            for (Map.Entry<Long, float[]> other : vectors.entrySet()) {
                if (org.kaimen.analysis.internal.Embeddings.cosine(vector, other.getValue()) >= minCosine
                        && MinHasher.jaccard(set, shingleSets.get(other.getKey())) >= minJaccard) {
                    vectorEdges.computeIfAbsent(id, k -> new ArrayList<>()).add(other.getKey());
                    vectorEdges.computeIfAbsent(other.getKey(), k -> new ArrayList<>()).add(id);
                }
            }
            vectors.put(id, vector);
        }
    }

    public void remove(long id) {
        shingles.remove(id);
        vectors.remove(id);
        shingleSets.remove(id);
        List<Long> edges = vectorEdges.remove(id);
        if (edges != null) {
            edges.forEach(o -> {
                List<Long> back = vectorEdges.get(o);
                if (back != null) {
                    back.remove(id);
                }
            });
        }
    }

    public List<Group> groups() {
        Map<Long, Long> parent = new HashMap<>();
        for (CampaignDetector.Campaign c : shingles.campaigns()) {
            for (long m : c.memberIds()) {
                union(parent, c.memberIds().get(0), m);
            }
        }
        vectorEdges.forEach((a, list) -> list.forEach(b -> union(parent, a, b)));
        Map<Long, List<Long>> components = new HashMap<>();
        for (Long node : parent.keySet()) {
            components.computeIfAbsent(find(parent, node), k -> new ArrayList<>()).add(node);
        }
        List<Group> out = new ArrayList<>();
        for (List<Long> members : components.values()) {
            if (members.size() >= minSize) {
                members.sort(Long::compare);
                out.add(new Group(members.get(0), List.copyOf(members), canonical(members)));
            }
        }
        out.sort((x, y) -> Long.compare(x.id(), y.id()));
        return out;
    }

    /** The member closest on average to the others (by shingles), on a sample for large groups. */
    private long canonical(List<Long> members) {
        List<Long> sample = members.size() <= 50 ? members : members.subList(0, 50);
        long best = sample.get(0);
        double bestScore = -1;
        for (long a : sample) {
            double sum = 0;
            for (long b : sample) {
                if (a != b) {
                    sum += MinHasher.jaccard(shingleSets.get(a), shingleSets.get(b));
                }
            }
            if (sum > bestScore) {
                bestScore = sum;
                best = a;
            }
        }
        return best;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static long find(Map<Long, Long> parent, long x) {
        long root = x;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(x) != root) {
            long next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }
}
