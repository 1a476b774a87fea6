package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Incrementally groups near-identical comments (form-letter campaigns) as they arrive.
 *
 * <p>Pipeline per comment: {@link TextNormalizer} → character shingles → {@link MinHasher}
 * signature → LSH banding to find candidates → verification of each candidate by the signature
 * estimate <em>and</em> by the true shingle Jaccard computed from the stored normalized texts →
 * union-find. The second, exact check is what keeps precision high: the estimate alone errs by
 * about ±0.04 at 128 hashes, enough to chain unrelated groups together through one lucky pair.
 *
 * <p>Grouping is single-link: a comment joins a group when it is similar to any member. That
 * is what a mail-merge campaign looks like (each copy is close to the template, not necessarily
 * to every other copy), and the exact verification keeps chaining in check.
 *
 * <p>Memory layout is primitive arrays indexed by an internal slot, with MinHash signatures kept
 * as 16-bit truncations (b-bit MinHash; the estimate is corrected for the 1/65536 chance
 * agreement) in paged {@code char[]} blocks, one open-addressing table per band whose cells
 * head per-slot linked lists, and exact duplicates entering the buckets only once and sharing
 * one normalized string. At 32×4 bands this is roughly 1 KB per comment: a quarter signature,
 * a third bucket structures, the rest normalized text and bookkeeping.
 *
 * <p>Not thread-safe: callers serialize access (one detector per draft regulation is the
 * intended use).
 */
public final class CampaignDetector {

    /**
     * Result of {@link #add}.
     *
     * @param campaignId the campaign the comment belongs to now, or {@code null} while its group
     *                   is smaller than {@link Config#minSize()}
     * @param exactRepeatBySameAuthor the same author already has a live comment with the same
     *                                normalized text
     */
    public record Assignment(long commentId, Long campaignId, boolean exactRepeatBySameAuthor) {
    }

    /**
     * A reported campaign.
     *
     * @param canonicalCommentId the member that best represents the group's text (see {@link #campaigns()})
     * @param memberIds live members in ascending comment-id order
     */
    public record Campaign(long id, int size, long canonicalCommentId, List<Long> memberIds) {
        public Campaign {
            memberIds = List.copyOf(memberIds);
        }
    }

    /**
     * Tuning knobs. {@code bands × rowsPerBand} is the number of MinHash functions.
     *
     * @param threshold minimum estimated Jaccard for a candidate pair
     * @param exactThreshold minimum true shingle Jaccard for a candidate pair
     * @param minSize members needed before a group is reported as a campaign
     * @param maxBucketScan how many entries of one LSH bucket are examined per lookup, newest
     *                      first; bounds the cost of adding to a huge campaign
     */
    public record Config(TextNormalizer normalizer, int shingleSize, int bands, int rowsPerBand,
                         double threshold, double exactThreshold, int minSize, int maxBucketScan) {

        public Config {
            Objects.requireNonNull(normalizer, "normalizer");
            if (shingleSize < 1 || bands < 1 || rowsPerBand < 1) {
                throw new IllegalArgumentException("shingleSize, bands and rowsPerBand must be positive");
            }
            if ((long) bands * rowsPerBand > 1024) {
                throw new IllegalArgumentException("bands × rowsPerBand must be at most 1024");
            }
            if (!(threshold > 0 && threshold <= 1) || !(exactThreshold > 0 && exactThreshold <= 1)) {
                throw new IllegalArgumentException("thresholds must be in (0, 1]");
            }
            if (minSize < 2) {
                throw new IllegalArgumentException("minSize must be at least 2: " + minSize);
            }
            if (maxBucketScan < 1) {
                throw new IllegalArgumentException("maxBucketScan must be positive: " + maxBucketScan);
            }
        }

        /** 3-shingles, 32 bands × 4 rows, thresholds 0.6, campaigns from 3 members. */
        public static Config defaults() {
            return new Config(TextNormalizer.standard(), MinHasher.DEFAULT_SHINGLE_SIZE, 32, 4, 0.6, 0.6, 3, 256);
        }

        public int numHashes() {
            return bands * rowsPerBand;
        }

        public Config withNormalizer(TextNormalizer n) {
            return new Config(n, shingleSize, bands, rowsPerBand, threshold, exactThreshold, minSize, maxBucketScan);
        }

        public Config withShingleSize(int k) {
            return new Config(normalizer, k, bands, rowsPerBand, threshold, exactThreshold, minSize, maxBucketScan);
        }

        public Config withBanding(int b, int r) {
            return new Config(normalizer, shingleSize, b, r, threshold, exactThreshold, minSize, maxBucketScan);
        }

        /** Sets both the estimate and the exact threshold. */
        public Config withThreshold(double t) {
            return new Config(normalizer, shingleSize, bands, rowsPerBand, t, t, minSize, maxBucketScan);
        }

        public Config withExactThreshold(double t) {
            return new Config(normalizer, shingleSize, bands, rowsPerBand, threshold, t, minSize, maxBucketScan);
        }

        public Config withMinSize(int m) {
            return new Config(normalizer, shingleSize, bands, rowsPerBand, threshold, exactThreshold, m, maxBucketScan);
        }

        public Config withMaxBucketScan(int s) {
            return new Config(normalizer, shingleSize, bands, rowsPerBand, threshold, exactThreshold, minSize, s);
        }
    }

    private static final int NONE = -1;
    private static final long NO_ID = -1;

    private static final byte DEAD = 0;
    /** Live and the representative of its exact text in the LSH buckets. */
    private static final byte BUCKETED = 1;
    /** Live exact duplicate of a bucketed comment; reaches candidates through it. */
    private static final byte DUPLICATE = 2;
    /** Live but nothing comparable (empty after normalization); never grouped. */
    private static final byte UNINDEXED = 3;

    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    /** Chance that two unrelated 16-bit truncated minima agree. */
    private static final double CHANCE_AGREEMENT = 1.0 / 65536;
    private static final int MEDOID_SAMPLE = 50;
    /** Consecutive bucket entries already in the comment's group after which a bucket scan stops. */
    private static final int SAME_GROUP_RUN = 32;
    private static final int MAX_PENDING_REGROUPS = 256;
    /** Older group members per bucket that a member is compared with when a group is rebuilt. */
    private static final int REGROUP_WINDOW = 8;

    private final Config config;
    private final TextNormalizer normalizer;
    private final MinHasher hasher;
    private final int numHashes;
    private final int bands;
    private final int rows;

    // Per-slot state. Slots are append-only so slot order is arrival order (used for "older").
    private int slotCount;
    private int liveCount;
    private byte[] state = new byte[0];
    private long[] commentIds = new long[0];
    private String[] texts = new String[0];
    private long[] textHashes = new long[0];
    private long[] authorHashes = new long[0];
    private int[] parent = new int[0];
    private int[] groupSize = new int[0];
    private long[] campaignIds = new long[0];
    private int[] memberNext = new int[0];
    private int[] memberPrev = new int[0];
    private int[] exactNext = new int[0];
    private int[] exactPrev = new int[0];
    private int[] seen = new int[0];
    private int[] marked = new int[0];
    private boolean[] pendingRegroup = new boolean[0];
    private char[][] signaturePages = new char[0][];
    private int[][] bandNextPages = new int[0][];

    private int seenStamp;
    private int markStamp;

    private final LongIntHashMap slotByComment = new LongIntHashMap(1024);
    /** Normalized-text hash → newest slot with that text (head of a doubly linked list). */
    private final LongIntHashMap exactHeads = new LongIntHashMap(1024);
    /** hash(text, author) → number of live comments; flags repeats in O(1) even for huge groups. */
    private final LongIntHashMap exactAuthorCounts = new LongIntHashMap(1024);
    /** Per band: band key → newest bucketed slot; older ones follow through bandNext. */
    private final BandTable[] buckets;

    /** Live members of groups that must be rebuilt before the next answer (see remove). */
    private final IntList pending = new IntList(16);

    private long nextCampaignId = 1;
    /** Suppressed while a group is being rebuilt so transient components don't burn ids. */
    private boolean assignIds = true;

    public CampaignDetector() {
        this(Config.defaults());
    }

    public CampaignDetector(Config config) {
        this.config = Objects.requireNonNull(config, "config");
        this.normalizer = config.normalizer();
        this.bands = config.bands();
        this.rows = config.rowsPerBand();
        this.numHashes = config.numHashes();
        this.hasher = new MinHasher(config.shingleSize(), numHashes);
        this.buckets = new BandTable[bands];
        for (int b = 0; b < bands; b++) {
            int band = b;
            buckets[b] = new BandTable(slot -> bandKey(slot, band), 1024);
        }
    }

    public Config config() {
        return config;
    }

    /** Number of live comments. */
    public int size() {
        return liveCount;
    }

    /**
     * Adds a comment, or replaces it if {@code commentId} is already present (an edited comment).
     *
     * @param authorKey account id or normalized e-mail; {@code null} if unknown, in which case the
     *                  comment can't be flagged as a repeat
     */
    /** Told of every pair of comments the detector links (a spanning forest of its groups, not every pair). */
    @FunctionalInterface
    public interface LinkListener {
        void linked(long a, long b);
    }

    private LinkListener linkListener;

    public void onLink(LinkListener listener) {
        this.linkListener = listener;
    }

    /** Jaccard similarity of two comments' shingle sets estimated from their MinHash signatures; 0 if unknown. */
    public double estimatedJaccard(long a, long b) {
        int sa = slotByComment.get(a, NONE);
        int sb = slotByComment.get(b, NONE);
        if (sa == NONE || sb == NONE || state[sa] == UNINDEXED || state[sb] == UNINDEXED) {
            return 0;
        }
        char[] pa = signaturePages[sa >>> PAGE_BITS];
        char[] pb = signaturePages[sb >>> PAGE_BITS];
        int oa = (sa & PAGE_MASK) * numHashes;
        int ob = (sb & PAGE_MASK) * numHashes;
        int same = 0;
        for (int i = 0; i < numHashes; i++) {
            if (pa[oa + i] == pb[ob + i]) {
                same++;
            }
        }
        return (double) same / numHashes;
    }

    public Assignment add(long commentId, String text, String authorKey) {
        Objects.requireNonNull(text, "text");
        if (slotByComment.containsKey(commentId)) {
            remove(commentId);
        }
        String normalized = normalizer.normalize(text);
        int slot = allocateSlot(commentId);
        long authorHash = authorKey == null || authorKey.isEmpty() ? 0 : Hashing.hash64(authorKey) | 1L;
        authorHashes[slot] = authorHash;
        if (normalized.isEmpty()) {
            // Pure emoji or punctuation: nothing to compare, and "same text" would lump every
            // 👍 on the platform into one campaign.
            state[slot] = UNINDEXED;
            return new Assignment(commentId, null, false);
        }
        long textHash = Hashing.hash64(normalized);
        textHashes[slot] = textHash;

        boolean repeat = false;
        if (authorHash != 0) {
            long key = Hashing.combine(textHash, authorHash);
            int count = exactAuthorCounts.get(key, 0);
            repeat = count > 0;
            exactAuthorCounts.put(key, count + 1);
        }

        long[] shingles = hasher.shingleHashes(normalized);
        storeSignature(slot, hasher.signatureOfShingles(shingles));

        // A 64-bit text hash stands in for text equality; a collision among a million texts has
        // probability ~1e-8, which isn't worth a string comparison on every add.
        int duplicateOf = exactHeads.get(textHash, NONE);
        texts[slot] = duplicateOf == NONE ? normalized : texts[duplicateOf]; // one copy per text
        linkExact(slot, textHash);
        if (duplicateOf != NONE) {
            // Everything similar to this text is already linked to its earlier copy, so the
            // bucket scan would only repeat that work; skipping it keeps huge identical
            // campaigns cheap and their buckets small.
            state[slot] = DUPLICATE;
            union(slot, duplicateOf);
        } else {
            state[slot] = BUCKETED;
            linkCandidates(slot, shingles);
            insertIntoBuckets(slot);
        }
        if (pending.size() > MAX_PENDING_REGROUPS || hasPendingRegroup(slot)) {
            // Only when the answer depends on it (joining a group that is waiting to be rebuilt),
            // or when the pending list would make that check itself expensive.
            flushRegroups();
        }
        return new Assignment(commentId, reportedCampaignOfSlot(slot), repeat);
    }

    /**
     * Removes a hidden or deleted comment. Its group is rebuilt from the remaining members (lazily,
     * before the next answer that depends on it), so a campaign held together only by this comment
     * splits; the largest remaining part keeps the id, other parts large enough get new ids.
     *
     * @return whether the comment was present
     */
    public boolean remove(long commentId) {
        int slot = slotByComment.remove(commentId, NONE);
        if (slot == NONE) {
            return false;
        }
        liveCount--;
        byte was = state[slot];
        state[slot] = DEAD;
        if (was == UNINDEXED) {
            return true;
        }
        long textHash = textHashes[slot];
        if (authorHashes[slot] != 0) {
            long key = Hashing.combine(textHash, authorHashes[slot]);
            int count = exactAuthorCounts.get(key, 0);
            if (count <= 1) {
                exactAuthorCounts.remove(key, 0);
            } else {
                exactAuthorCounts.put(key, count - 1);
            }
        }
        if (was == BUCKETED) {
            removeFromBuckets(slot);
        }
        int successor = unlinkExact(slot, textHash);
        texts[slot] = null;
        if (successor != NONE && was == BUCKETED) {
            // Another copy of the same text takes over as the bucket representative.
            state[successor] = BUCKETED;
            insertIntoBuckets(successor);
        }
        int neighbour = memberNext[slot];
        boolean wasPending = pendingRegroup[slot];
        pendingRegroup[slot] = false;
        // The slot stays in the union-find forest as an inert node: other slots may route
        // through it to their root, and rebuilding paths now would cost as much as a regroup.
        leaveGroup(slot);
        // A surviving identical copy is similar to everything this comment was similar to, so
        // the group stays connected. Otherwise this comment may have been the only bridge
        // between parts of its group; the group is rebuilt lazily, so that a moderator hiding
        // a batch of comments pays for one rebuild per group, not one per comment.
        if ((successor == NONE || wasPending) && neighbour != slot && !pendingRegroup[neighbour]) {
            pendingRegroup[neighbour] = true;
            pending.add(neighbour);
        }
        return true;
    }

    private void leaveGroup(int slot) {
        int root = find(slot);
        groupSize[root]--;
        int prev = memberPrev[slot];
        int next = memberNext[slot];
        memberNext[prev] = next;
        memberPrev[next] = prev;
        memberNext[slot] = slot;
        memberPrev[slot] = slot;
    }

    /** Rebuilds every group that lost a member which may have held it together. */
    private void flushRegroups() {
        if (pending.size() == 0) {
            return;
        }
        List<int[]> groups = new ArrayList<>();
        int stamp = nextMarkStamp();
        for (int i = 0; i < pending.size(); i++) {
            int s = pending.get(i);
            pendingRegroup[s] = false;
            if (state[s] == DEAD) {
                continue; // its own removal handed the flag on to a neighbour
            }
            int root = find(s);
            if (marked[root] == stamp || groupSize[root] < 2) {
                continue;
            }
            marked[root] = stamp;
            int[] members = new int[groupSize[root]];
            int n = 0;
            int m = s;
            do {
                members[n++] = m;
                m = memberNext[m];
            } while (m != s && n < members.length);
            groups.add(Arrays.copyOf(members, n));
            groups.add(new int[] {root});
        }
        pending.clear();
        for (int g = 0; g < groups.size(); g += 2) {
            int[] members = groups.get(g);
            Arrays.sort(members); // arrival order, so ties favour older comments
            regroup(members, campaignIds[groups.get(g + 1)[0]]);
        }
    }

    private boolean hasPendingRegroup(int slot) {
        if (pending.size() == 0) {
            return false;
        }
        int root = find(slot);
        for (int i = 0; i < pending.size(); i++) {
            int s = pending.get(i);
            if (state[s] != DEAD && find(s) == root) {
                return true;
            }
        }
        return false;
    }

    /** The reported campaign of a comment, or {@code null} (unknown comment or group below minSize). */
    public Long campaignOf(long commentId) {
        flushRegroups();
        int slot = slotByComment.get(commentId, NONE);
        if (slot == NONE || state[slot] == UNINDEXED) {
            return null;
        }
        return reportedCampaignOfSlot(slot);
    }

    /** Whether the comment is known to this detector. */
    public boolean contains(long commentId) {
        return slotByComment.containsKey(commentId);
    }

    /**
     * All groups with at least {@code minSize} live members, ordered by id.
     *
     * <p>The canonical comment is the earliest member with the most frequent exact normalized
     * text when at least two members share one (that is the template verbatim); otherwise the
     * medoid by estimated similarity over an evenly spread sample of at most 50 members, which
     * bounds the quadratic cost for very large campaigns.
     */
    public List<Campaign> campaigns() {
        flushRegroups();
        List<Campaign> result = new ArrayList<>();
        int stamp = nextSeenStamp();
        for (int slot = 0; slot < slotCount; slot++) {
            if (state[slot] != BUCKETED && state[slot] != DUPLICATE) {
                continue;
            }
            int root = find(slot);
            if (seen[root] == stamp) {
                continue;
            }
            seen[root] = stamp;
            if (groupSize[root] >= config.minSize()) {
                result.add(describe(root, slot));
            }
        }
        result.sort(Comparator.comparingLong(Campaign::id));
        return result;
    }

    // ---------------------------------------------------------------------------------------
    // Grouping

    private void linkCandidates(int slot, long[] shingles) {
        int stamp = nextSeenStamp();
        seen[slot] = stamp;
        int scanLimit = config.maxBucketScan();
        for (int b = 0; b < bands; b++) {
            int candidate = buckets[b].head(bandKey(slot, b));
            int sameGroupRun = 0;
            for (int scanned = 0; candidate != NONE && scanned < scanLimit; scanned++) {
                if (seen[candidate] != stamp) {
                    seen[candidate] = stamp;
                    if (find(candidate) == find(slot)) {
                        // Deep in a bucket that belongs to the group just joined: anything further
                        // down that resembles this comment resembled those members too and was
                        // linked to them on arrival. Stopping here keeps adds to huge campaigns cheap.
                        if (++sameGroupRun >= SAME_GROUP_RUN) {
                            break;
                        }
                    } else {
                        sameGroupRun = 0;
                        if (similar(slot, shingles, candidate)) {
                            union(slot, candidate);
                        }
                    }
                }
                candidate = bandNext(candidate, b);
            }
        }
    }

    private boolean similar(int slot, long[] shingles, int candidate) {
        if (estimate(slot, candidate) < config.threshold()) {
            return false;
        }
        long[] other = hasher.shingleHashes(texts[candidate]);
        return MinHasher.jaccard(shingles, other) >= config.exactThreshold();
    }

    /** b-bit MinHash estimate: agreement corrected for chance collisions of 16-bit values. */
    private double estimate(int a, int b) {
        char[] pa = signaturePages[a >>> PAGE_BITS];
        char[] pb = signaturePages[b >>> PAGE_BITS];
        int oa = (a & PAGE_MASK) * numHashes;
        int ob = (b & PAGE_MASK) * numHashes;
        int equal = 0;
        for (int i = 0; i < numHashes; i++) {
            if (pa[oa + i] == pb[ob + i]) {
                equal++;
            }
        }
        double raw = (double) equal / numHashes;
        return Math.max(0.0, (raw - CHANCE_AGREEMENT) / (1.0 - CHANCE_AGREEMENT));
    }

    /**
     * Recomputes the connected parts of a group after members left. Each member is compared with
     * the next few older members of the group in each of its buckets rather than with everything
     * the buckets hold: campaign members are similar to each other, so a handful of neighbours
     * per band reconnects them, and the cost stays linear in the group size.
     */
    private void regroup(int[] members, long oldId) {
        int mark = nextMarkStamp();
        for (int m : members) {
            marked[m] = mark;
            parent[m] = m;
            groupSize[m] = 1;
            campaignIds[m] = NO_ID;
            memberNext[m] = m;
            memberPrev[m] = m;
        }
        int scanLimit = config.maxBucketScan();
        assignIds = false;
        try {
            for (int m : members) {
                int twin = exactNext[m];
                if (twin != NONE && marked[twin] == mark) {
                    union(m, twin);
                }
            }
            for (int m : members) {
                if (state[m] != BUCKETED) {
                    continue; // duplicates are attached through their twin above
                }
                long[] shingles = null;
                for (int b = 0; b < bands; b++) {
                    int e = bandNext(m, b);
                    int compared = 0;
                    for (int steps = 0; e != NONE && steps < scanLimit && compared < REGROUP_WINDOW; steps++) {
                        if (marked[e] == mark) {
                            compared++;
                            if (find(e) != find(m)) {
                                if (shingles == null) {
                                    shingles = hasher.shingleHashes(texts[m]);
                                }
                                if (similar(m, shingles, e)) {
                                    union(m, e);
                                }
                            }
                        }
                        e = bandNext(e, b);
                    }
                }
            }
        } finally {
            assignIds = true;
        }
        int largest = NONE;
        for (int m : members) {
            int r = find(m);
            if (largest == NONE || groupSize[r] > groupSize[largest]) {
                largest = r;
            }
        }
        campaignIds[largest] = oldId;
        for (int m : members) {
            int r = find(m);
            if (campaignIds[r] == NO_ID && groupSize[r] >= config.minSize()) {
                campaignIds[r] = nextCampaignId++;
            }
        }
    }

    private int find(int slot) {
        int x = slot;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]]; // path halving
            x = parent[x];
        }
        return x;
    }

    private int liveMember(int slot) {
        int s = slot;
        do {
            if (state[s] != DEAD) {
                return s;
            }
            s = memberNext[s];
        } while (s != slot);
        return NONE;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (linkListener != null) {
            // Either side may be a removed slot that still holds its group together: tell a live member instead.
            int la = liveMember(a);
            int lb = liveMember(b);
            if (la != NONE && lb != NONE) {
                linkListener.linked(commentIds[la], commentIds[lb]);
            }
        }
        if (groupSize[ra] < groupSize[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        groupSize[ra] += groupSize[rb];
        // Splice the two circular member lists so a group's members can be listed without a
        // scan. Splice at a and b, not at the roots: a root may be a removed, inert slot.
        int an = memberNext[a];
        int bn = memberNext[b];
        memberNext[a] = bn;
        memberPrev[bn] = a;
        memberNext[b] = an;
        memberPrev[an] = b;

        long ida = campaignIds[ra];
        long idb = campaignIds[rb];
        long merged;
        if (ida == NO_ID) {
            merged = idb;
        } else if (idb == NO_ID) {
            merged = ida;
        } else {
            merged = Math.min(ida, idb); // the older campaign absorbs the newer one
        }
        if (merged == NO_ID && assignIds && groupSize[ra] >= config.minSize()) {
            merged = nextCampaignId++;
        }
        campaignIds[ra] = merged;
        campaignIds[rb] = NO_ID;
    }

    private Long reportedCampaignOfSlot(int slot) {
        int root = find(slot);
        if (groupSize[root] < config.minSize() || campaignIds[root] == NO_ID) {
            return null;
        }
        return campaignIds[root];
    }

    private Campaign describe(int root, int anyMember) {
        int size = groupSize[root];
        int[] slots = new int[size];
        int n = 0;
        int m = anyMember;
        do {
            slots[n++] = m;
            m = memberNext[m];
        } while (m != anyMember && n < size);
        Arrays.sort(slots, 0, n);
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(commentIds[slots[i]]);
        }
        ids.sort(null);
        return new Campaign(campaignIds[root], n, commentIds[canonicalSlot(slots, n)], ids);
    }

    private int canonicalSlot(int[] slots, int n) {
        Map<Long, int[]> frequency = new HashMap<>(); // text hash → {count, earliest slot}
        for (int i = 0; i < n; i++) {
            int[] f = frequency.computeIfAbsent(textHashes[slots[i]], h -> new int[] {0, Integer.MAX_VALUE});
            f[0]++;
            f[1] = Math.min(f[1], slots[i]);
        }
        int bestCount = 0;
        int bestSlot = NONE;
        for (int[] f : frequency.values()) {
            if (f[0] > bestCount || (f[0] == bestCount && f[1] < bestSlot)) {
                bestCount = f[0];
                bestSlot = f[1];
            }
        }
        if (bestCount >= 2) {
            return bestSlot;
        }
        int sampleSize = Math.min(n, MEDOID_SAMPLE);
        int[] sample = new int[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sample[i] = slots[(int) ((long) i * n / sampleSize)];
        }
        double bestScore = -1;
        int medoid = sample[0];
        for (int i = 0; i < sampleSize; i++) {
            double sum = 0;
            for (int j = 0; j < sampleSize; j++) {
                if (i != j) {
                    sum += estimate(sample[i], sample[j]);
                }
            }
            if (sum > bestScore) {
                bestScore = sum;
                medoid = sample[i];
            }
        }
        return medoid;
    }

    // ---------------------------------------------------------------------------------------
    // Exact-text lists

    private void linkExact(int slot, long textHash) {
        int head = exactHeads.get(textHash, NONE);
        exactPrev[slot] = NONE;
        exactNext[slot] = head;
        if (head != NONE) {
            exactPrev[head] = slot;
        }
        exactHeads.put(textHash, slot);
    }

    /** Unlinks {@code slot}; returns another live slot with the same text, or NONE. */
    private int unlinkExact(int slot, long textHash) {
        int prev = exactPrev[slot];
        int next = exactNext[slot];
        if (prev != NONE) {
            exactNext[prev] = next;
        } else if (next != NONE) {
            exactHeads.put(textHash, next);
        } else {
            exactHeads.remove(textHash, NONE);
        }
        if (next != NONE) {
            exactPrev[next] = prev;
        }
        exactPrev[slot] = NONE;
        exactNext[slot] = NONE;
        return prev != NONE ? prev : next;
    }

    // ---------------------------------------------------------------------------------------
    // LSH buckets

    private int bandKey(int slot, int band) {
        char[] page = signaturePages[slot >>> PAGE_BITS];
        int offset = (slot & PAGE_MASK) * numHashes + band * rows;
        long h = Hashing.GOLDEN * (band + 1);
        for (int r = 0; r < rows; r++) {
            h = (h ^ page[offset + r]) * 0xff51afd7ed558ccdL;
            h = Long.rotateLeft(h, 27);
        }
        // 32-bit keys: a chance collision only adds a candidate that verification rejects.
        return (int) Hashing.fmix64(h);
    }

    private int bandNext(int slot, int band) {
        return bandNextPages[slot >>> PAGE_BITS][(slot & PAGE_MASK) * bands + band];
    }

    private void setBandNext(int slot, int band, int next) {
        bandNextPages[slot >>> PAGE_BITS][(slot & PAGE_MASK) * bands + band] = next;
    }

    private void insertIntoBuckets(int slot) {
        for (int b = 0; b < bands; b++) {
            int key = bandKey(slot, b);
            setBandNext(slot, b, buckets[b].head(key));
            buckets[b].setHead(key, slot); // newest first, so capped scans see recent members
        }
    }

    private void removeFromBuckets(int slot) {
        for (int b = 0; b < bands; b++) {
            int key = bandKey(slot, b);
            int head = buckets[b].head(key);
            int next = bandNext(slot, b);
            if (head == slot) {
                if (next == NONE) {
                    buckets[b].remove(key);
                } else {
                    buckets[b].setHead(key, next);
                }
            } else {
                for (int p = head; p != NONE; p = bandNext(p, b)) {
                    if (bandNext(p, b) == slot) {
                        setBandNext(p, b, next);
                        break;
                    }
                }
            }
            setBandNext(slot, b, NONE);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Storage

    private void storeSignature(int slot, long[] signature) {
        char[] page = signaturePages[slot >>> PAGE_BITS];
        int offset = (slot & PAGE_MASK) * numHashes;
        for (int i = 0; i < numHashes; i++) {
            page[offset + i] = (char) signature[i]; // low 16 bits are uniform after the final shift
        }
    }

    private int allocateSlot(long commentId) {
        if (slotCount == state.length) {
            grow();
        }
        int page = slotCount >>> PAGE_BITS;
        if (page == signaturePages.length) {
            signaturePages = Arrays.copyOf(signaturePages, page + 1);
            bandNextPages = Arrays.copyOf(bandNextPages, page + 1);
        }
        if (signaturePages[page] == null) {
            signaturePages[page] = new char[PAGE_SIZE * numHashes];
            bandNextPages[page] = new int[PAGE_SIZE * bands];
            Arrays.fill(bandNextPages[page], NONE);
        }
        int slot = slotCount++;
        commentIds[slot] = commentId;
        parent[slot] = slot;
        groupSize[slot] = 1;
        campaignIds[slot] = NO_ID;
        memberNext[slot] = slot;
        memberPrev[slot] = slot;
        exactNext[slot] = NONE;
        exactPrev[slot] = NONE;
        slotByComment.put(commentId, slot);
        liveCount++;
        return slot;
    }

    private void grow() {
        int capacity = Math.max(1024, state.length + (state.length >> 1));
        state = Arrays.copyOf(state, capacity);
        commentIds = Arrays.copyOf(commentIds, capacity);
        texts = Arrays.copyOf(texts, capacity);
        textHashes = Arrays.copyOf(textHashes, capacity);
        authorHashes = Arrays.copyOf(authorHashes, capacity);
        parent = Arrays.copyOf(parent, capacity);
        groupSize = Arrays.copyOf(groupSize, capacity);
        campaignIds = Arrays.copyOf(campaignIds, capacity);
        memberNext = Arrays.copyOf(memberNext, capacity);
        memberPrev = Arrays.copyOf(memberPrev, capacity);
        exactNext = Arrays.copyOf(exactNext, capacity);
        exactPrev = Arrays.copyOf(exactPrev, capacity);
        seen = Arrays.copyOf(seen, capacity);
        marked = Arrays.copyOf(marked, capacity);
        pendingRegroup = Arrays.copyOf(pendingRegroup, capacity);
    }

    private int nextSeenStamp() {
        if (++seenStamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            seenStamp = 1;
        }
        return seenStamp;
    }

    private int nextMarkStamp() {
        if (++markStamp == Integer.MAX_VALUE) {
            Arrays.fill(marked, 0);
            markStamp = 1;
        }
        return markStamp;
    }
}
