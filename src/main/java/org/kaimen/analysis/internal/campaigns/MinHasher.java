package org.kaimen.analysis.internal.campaigns;

import java.util.Arrays;
import java.util.Objects;

/**
 * MinHash signatures over character k-shingles of a normalized text.
 *
 * <p>Character shingles rather than words because Chinese has no spaces and a segmenter would
 * add a dependency and its own instability; 3-grams of Han characters are already quite
 * selective. Each shingle is hashed once to 64 bits and the {@code numHashes} hash functions are
 * derived from that value with cheap per-function xor-multiply-shift steps, which is what keeps
 * signing a comment at a few tens of microseconds.
 *
 * <p>Seeds are fixed, so signatures are reproducible across runs and machines. Instances are
 * immutable and thread-safe.
 */
public final class MinHasher {

    public static final int DEFAULT_SHINGLE_SIZE = 3;
    public static final int DEFAULT_NUM_HASHES = 128;

    private static final long SEED_BASE = 0x4B61696D656E2D31L; // fixed so signatures are reproducible

    private final int shingleSize;
    private final long[] xorSeeds;
    private final long[] multipliers;

    public MinHasher() {
        this(DEFAULT_SHINGLE_SIZE, DEFAULT_NUM_HASHES);
    }

    public MinHasher(int shingleSize, int numHashes) {
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be >= 1: " + shingleSize);
        }
        if (numHashes < 1) {
            throw new IllegalArgumentException("numHashes must be >= 1: " + numHashes);
        }
        this.shingleSize = shingleSize;
        this.xorSeeds = new long[numHashes];
        this.multipliers = new long[numHashes];
        long state = SEED_BASE;
        for (int i = 0; i < numHashes; i++) {
            state += Hashing.GOLDEN;
            xorSeeds[i] = Hashing.splitMix(state);
            state += Hashing.GOLDEN;
            multipliers[i] = Hashing.splitMix(state) | 1L; // odd, so multiplication is a bijection
        }
    }

    public int shingleSize() {
        return shingleSize;
    }

    public int numHashes() {
        return xorSeeds.length;
    }

    /**
     * Sorted, distinct 64-bit hashes of the k-shingles of {@code normalized}. A text shorter than
     * k+2 characters is one shingle on its own: two or three overlapping shingles would make a
     * single changed character look like a total rewrite, so such texts match only when equal.
     */
    public long[] shingleHashes(String normalized) {
        Objects.requireNonNull(normalized, "normalized");
        int n = normalized.length();
        if (n < shingleSize + 2) {
            return new long[] {Hashing.hashChars(normalized, 0, n)};
        }
        int count = n - shingleSize + 1;
        long[] hashes = new long[count];
        for (int i = 0; i < count; i++) {
            hashes[i] = Hashing.hashChars(normalized, i, i + shingleSize);
        }
        Arrays.sort(hashes);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (hashes[i] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return distinct == count ? hashes : Arrays.copyOf(hashes, distinct);
    }

    /** MinHash signature of {@code normalized}: {@link #numHashes()} values. */
    public long[] signature(String normalized) {
        return signatureOfShingles(shingleHashes(normalized));
    }

    /** MinHash signature from precomputed {@link #shingleHashes(String)}, to avoid hashing twice. */
    public long[] signatureOfShingles(long[] shingleHashes) {
        int h = xorSeeds.length;
        long[] sig = new long[h];
        Arrays.fill(sig, Long.MAX_VALUE);
        for (long shingle : shingleHashes) {
            for (int i = 0; i < h; i++) {
                // Xor then odd multiply permutes the 64-bit space; the shift folds high bits into
                // the low ones so truncated signatures (see CampaignDetector) stay uniform.
                long x = (shingle ^ xorSeeds[i]) * multipliers[i];
                x ^= x >>> 29;
                if (x < sig[i]) {
                    sig[i] = x;
                }
            }
        }
        return sig;
    }

    /** Estimated Jaccard similarity: the fraction of positions at which the signatures agree. */
    public static double estimate(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        }
        if (a.length == 0) {
            return 0.0;
        }
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return (double) equal / a.length;
    }

    /** Exact Jaccard similarity of two sorted, distinct hash sets (as from {@link #shingleHashes}). */
    public static double jaccard(long[] sortedA, long[] sortedB) {
        if (sortedA.length == 0 && sortedB.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < sortedA.length && j < sortedB.length) {
            long x = sortedA[i];
            long y = sortedB[j];
            if (x == y) {
                common++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (sortedA.length + sortedB.length - common);
    }
}
