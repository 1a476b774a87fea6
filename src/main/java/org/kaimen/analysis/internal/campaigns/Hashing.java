package org.kaimen.analysis.internal.campaigns;

/** 64-bit mixing primitives (MurmurHash3 finalizer, SplitMix64); no dependency needed for these. */
final class Hashing {

    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long C1 = 0xff51afd7ed558ccdL;
    private static final long C2 = 0xc4ceb9fe1a85ec53L;

    private Hashing() {
    }

    /** MurmurHash3's fmix64: a bijection with full avalanche, so any input pattern spreads evenly. */
    static long fmix64(long h) {
        h ^= h >>> 33;
        h *= C1;
        h ^= h >>> 33;
        h *= C2;
        h ^= h >>> 33;
        return h;
    }

    /** Hash of {@code s[from, to)}; position-dependent, so anagrams differ. */
    static long hashChars(CharSequence s, int from, int to) {
        long h = GOLDEN ^ ((long) (to - from) * C2);
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= C1;
            h = Long.rotateLeft(h, 31);
        }
        return fmix64(h);
    }

    static long hash64(CharSequence s) {
        return hashChars(s, 0, s.length());
    }

    static long combine(long a, long b) {
        return fmix64(a * C1 + Long.rotateLeft(b, 17) + GOLDEN);
    }

    /** SplitMix64 step: a reproducible stream of well-spread seeds from a fixed start value. */
    static long splitMix(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
