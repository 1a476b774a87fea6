package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Campaigns from two kinds of evidence: near-identical character shingles (the MinHash detector), and, for mail-merge
 * copies that swap words and reorder sentences, sentence vectors that are very close <em>and</em> a fair share of
 * shingles in common. Neither alone is enough: vectors put unrelated comments on one subject up to 0.94 apart, and
 * shingles miss synonym swaps. On the labelled 滨州 set (see docs/benchmarks.md) cosine ≥ 0.88 with shingle Jaccard
 * ≥ 0.30 gave pairwise precision 0.998 and recall 1.0; the thresholds were chosen on that set, so they are settings.
 *
 * <p>Scale: groups are kept in an incremental union–find whose entries exist only for linked comments, so adding a
 * comment costs the detector's few microseconds plus the vector stage, and reports just the members whose campaign
 * changed. Shingle overlap is estimated from the detector's MinHash signatures (no shingle sets are kept). Vectors
 * are held in memory and scanned while a draft has at most {@code memoryLimit} of them; past that, candidates come
 * from a {@link Neighbours} source (the search index's kNN) and no vector is held.
 *
 * <p>Not thread-safe; one instance per draft, used under the caller's lock.
 */
public final class HybridCampaigns {

    /** A campaign: its id (the smallest member id, so merges keep the older id) and members in id order. */
    public record Group(long id, List<Long> memberIds, long canonicalId) {
    }

    /** Comments whose vectors have cosine ≥ the given minimum with a vector, found outside this object. */
    @FunctionalInterface
    public interface Neighbours {
        List<Long> near(long id, float[] vector, double minCosine);
    }

    private final CampaignDetector shingles;
    private final double minCosine;
    private final double minJaccard;
    private final int minSize;
    private final int memoryLimit;
    private final Neighbours external;
    private Map<Long, float[]> vectors = new LinkedHashMap<>();
    private final Map<Long, List<Long>> vectorEdges = new HashMap<>();
    // Union–find over linked comments only; an absent comment is alone.
    private final Map<Long, Long> parent = new HashMap<>();
    private final Map<Long, List<Long>> members = new HashMap<>();
    private final Map<Long, Long> smallest = new HashMap<>();
    private final Map<Long, Long> changes = new HashMap<>();

    public HybridCampaigns(CampaignDetector.Config config, double minCosine, double minJaccard) {
        this(config, minCosine, minJaccard, Integer.MAX_VALUE, null);
    }

    public HybridCampaigns(CampaignDetector.Config config, double minCosine, double minJaccard, int memoryLimit,
                           Neighbours external) {
        this.minSize = config.minSize();
        // Pairs from the shingle detector count as evidence; the campaign size rule is applied here.
        this.shingles = new CampaignDetector(config.withMinSize(2));
        this.shingles.onLink(this::union);
        this.minCosine = minCosine;
        this.minJaccard = minJaccard;
        this.memoryLimit = memoryLimit;
        this.external = external;
    }

    public boolean contains(long id) {
        return shingles.contains(id);
    }

    public int size() {
        return shingles.size();
    }

    /**
     * Adds a comment and links it to its near copies.
     *
     * @param vector the comment's sentence vector, or null when there is none (shingles only)
     * @return the comments it was linked to by the vector rule (to be stored: a restart reloads them instead of
     *         searching again)
     */
    public List<Long> add(long id, String text, String authorKey, float[] vector) {
        return add(id, text, authorKey, vector, true);
    }

    /**
     * @param searchNeighbours false when reloading a comment whose vector links are stored: the vector is then only
     *                         remembered for later comments' scans
     */
    public List<Long> add(long id, String text, String authorKey, float[] vector, boolean searchNeighbours) {
        if (shingles.contains(id)) {
            return List.of();
        }
        shingles.add(id, text == null ? "" : text, authorKey);
        List<Long> linked = vector != null && searchNeighbours ? linkNeighbours(id, vector) : List.of();
        if (external != null && shingles.size() > memoryLimit) {
            // Past this size a scan per comment costs more than a kNN query, and the index has every vector.
            vectors = null;
        } else if (vector != null) {
            vectors.put(id, unit(vector));
        }
        return linked;
    }

    /** Finds a present comment's near copies by the vector rule and links them; returns the new partners. */
    public List<Long> linkNeighbours(long id, float[] vector) {
        List<Long> candidates;
        if (vectors != null && (external == null || shingles.size() <= memoryLimit)) {
            candidates = new ArrayList<>();
            float[] q = unit(vector);
            for (Map.Entry<Long, float[]> other : vectors.entrySet()) {
                // Stored vectors are unit length, so the cosine is a plain dot product.
                float[] o = other.getValue();
                float dot = 0;
                for (int k = 0; k < q.length; k++) {
                    dot += q[k] * o[k];
                }
                if (dot >= minCosine) {
                    candidates.add(other.getKey());
                }
            }
        } else {
            candidates = external.near(id, vector, minCosine);
        }
        List<Long> linked = new ArrayList<>();
        List<Long> alreadyJoined = new ArrayList<>();
        for (long other : candidates) {
            if (other != id && shingles.contains(other) && shingles.estimatedJaccard(id, other) >= minJaccard) {
                if (sameGroup(id, other)) {
                    alreadyJoined.add(other);
                } else {
                    link(id, other);
                    linked.add(other);
                }
            }
        }
        // A link to a member of the group the comment already joined changes no campaign; storing every one made the
        // links grow with the square of a campaign's size (490,000 rows for 17,000 comments in the load benchmark,
        // billions for a national form letter). A few keep a group whole when some of its members are hidden later:
        // to the members with the fewest links so far, so that early members do not hang on the earliest alone
        // and no member becomes a hub whose hiding would split the group.
        Random tieBreak = new Random(id);
        Collections.shuffle(alreadyJoined, tieBreak);
        alreadyJoined.sort(Comparator.comparingInt(this::degree));
        for (long other : alreadyJoined.subList(0, Math.min(REDUNDANT_LINKS, alreadyJoined.size()))) {
            link(id, other);
            linked.add(other);
        }
        return linked;
    }

    private int degree(long id) {
        List<Long> edges = vectorEdges.get(id);
        return edges == null ? 0 : edges.size();
    }

    /** Vector links stored per comment beyond those that join groups. */
    static final int REDUNDANT_LINKS = 2;

    private boolean sameGroup(long a, long b) {
        return parent.containsKey(a) && parent.containsKey(b) && find(a) == find(b);
    }

    /** A stored vector link (from an earlier run), restored without searching again. */
    public void link(long a, long b) {
        if (!shingles.contains(a) || !shingles.contains(b)) {
            return;
        }
        vectorEdges.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
        vectorEdges.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        union(a, b);
    }

    /**
     * Removes a comment. Groups can split, which an incremental union–find cannot undo, so the groups are rebuilt
     * from the remaining links (hiding a comment is rare).
     */
    public void remove(long id) {
        if (!shingles.contains(id)) {
            return;
        }
        Map<Long, Long> before = state();
        // Changes not drained yet stay due; the rebuild's own unions are not changes.
        Map<Long, Long> due = new HashMap<>(changes);
        shingles.remove(id);
        if (vectors != null) {
            vectors.remove(id);
        }
        List<Long> edges = vectorEdges.remove(id);
        if (edges != null) {
            edges.forEach(o -> {
                List<Long> back = vectorEdges.get(o);
                if (back != null) {
                    back.remove(id);
                }
            });
        }
        parent.clear();
        members.clear();
        smallest.clear();
        for (CampaignDetector.Campaign c : shingles.campaigns()) {
            for (long m : c.memberIds()) {
                union(c.memberIds().get(0), m);
            }
        }
        vectorEdges.forEach((a, list) -> list.forEach(b -> union(a, b)));
        Map<Long, Long> after = state();
        changes.clear();
        changes.putAll(due);
        after.forEach((m, c) -> {
            if (!c.equals(before.get(m))) {
                changes.put(m, c);
            }
        });
        before.keySet().stream().filter(m -> !after.containsKey(m)).forEach(m -> changes.put(m, null));
    }

    /** The campaign of a comment, or null. */
    public Long campaignOf(long id) {
        if (!parent.containsKey(id)) {
            return null;
        }
        long root = find(id);
        return members.get(root).size() >= minSize ? smallest.get(root) : null;
    }

    /** Members whose campaign changed since the last call (null: no longer in a campaign). */
    public Map<Long, Long> drainChanges() {
        Map<Long, Long> out = new HashMap<>(changes);
        changes.clear();
        return out;
    }

    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (List<Long> group : members.values()) {
            if (group.size() >= minSize) {
                List<Long> sorted = new ArrayList<>(group);
                sorted.sort(Long::compare);
                out.add(new Group(sorted.get(0), List.copyOf(sorted), canonical(sorted)));
            }
        }
        out.sort((x, y) -> Long.compare(x.id(), y.id()));
        return out;
    }

    /** Every campaign member with its campaign id. */
    public Map<Long, Long> state() {
        Map<Long, Long> out = new HashMap<>();
        members.forEach((root, group) -> {
            if (group.size() >= minSize) {
                long id = smallest.get(root);
                group.forEach(m -> out.put(m, id));
            }
        });
        return out;
    }

    /** The member closest on average to the others (by shingles), on a sample for large groups. */
    private long canonical(List<Long> sortedMembers) {
        List<Long> sample = sortedMembers.size() <= 50 ? sortedMembers : sortedMembers.subList(0, 50);
        long best = sample.get(0);
        double bestScore = -1;
        for (long a : sample) {
            double sum = 0;
            for (long b : sample) {
                if (a != b) {
                    sum += shingles.estimatedJaccard(a, b);
                }
            }
            if (sum > bestScore) {
                bestScore = sum;
                best = a;
            }
        }
        return best;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) (v[k] / norm);
        }
        return out;
    }

    private void union(long a, long b) {
        for (long x : new long[] {a, b}) {
            if (!parent.containsKey(x)) {
                parent.put(x, x);
                List<Long> alone = new ArrayList<>();
                alone.add(x);
                members.put(x, alone);
                smallest.put(x, x);
            }
        }
        long ra = find(a);
        long rb = find(b);
        if (ra == rb) {
            return;
        }
        List<Long> ma = members.get(ra);
        List<Long> mb = members.get(rb);
        if (ma.size() < mb.size()) {
            long t = ra;
            ra = rb;
            rb = t;
            List<Long> tm = ma;
            ma = mb;
            mb = tm;
        }
        Long idA = ma.size() >= minSize ? smallest.get(ra) : null;
        Long idB = mb.size() >= minSize ? smallest.get(rb) : null;
        long min = Math.min(smallest.get(ra), smallest.remove(rb));
        parent.put(rb, ra);
        members.remove(rb);
        smallest.put(ra, min);
        List<Long> absorbed = mb;
        ma.addAll(absorbed);
        Long merged = ma.size() >= minSize ? min : null;
        if (!java.util.Objects.equals(idB, merged)) {
            absorbed.forEach(m -> changes.put(m, merged));
        }
        if (!java.util.Objects.equals(idA, merged)) {
            int before = ma.size() - absorbed.size();
            for (int i = 0; i < before; i++) {
                changes.put(ma.get(i), merged);
            }
        }
    }

    private long find(long x) {
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
