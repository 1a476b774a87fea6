package org.kaimen.analysis.internal.campaigns;

import java.util.Objects;

/**
 * A normalized comparison text together with, for each of its characters, the range of the
 * original text it came from. Several normalized characters may point at the same range (a
 * synonym replacement or an NFKC expansion such as ﬁ → fi).
 */
public final class NormalizedText {

    private final String text;
    private final int[] originalStarts;
    private final int[] originalEnds;

    NormalizedText(String text, int[] originalStarts, int[] originalEnds) {
        this.text = Objects.requireNonNull(text);
        if (originalStarts.length != text.length() || originalEnds.length != text.length()) {
            throw new IllegalArgumentException("offset arrays must match the text length");
        }
        this.originalStarts = originalStarts;
        this.originalEnds = originalEnds;
    }

    /** The normalized text, as {@link TextNormalizer#normalize(String)} would return it. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Start (inclusive, UTF-16 index) in the original text of normalized character {@code i}. */
    public int originalStart(int i) {
        return originalStarts[i];
    }

    /** End (exclusive, UTF-16 index) in the original text of normalized character {@code i}. */
    public int originalEnd(int i) {
        return originalEnds[i];
    }

    @Override
    public String toString() {
        return text;
    }
}
