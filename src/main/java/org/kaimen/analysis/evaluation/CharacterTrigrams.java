package org.kaimen.analysis.evaluation;

import java.util.HashSet;
import java.util.Set;

/** Character-trigram similarity, the yardstick the data set uses for "near-duplicate". */
public final class CharacterTrigrams {

    private CharacterTrigrams() {
    }

    /**
     * Trigrams of the text after dropping whitespace and punctuation, so that re-punctuating or re-spacing a
     * copied text does not make it look original.
     */
    public static Set<String> of(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        text.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(letters::appendCodePoint);
        String s = letters.toString();
        Set<String> grams = new HashSet<>();
        int[] offsets = s.codePoints().toArray();
        for (int i = 0; i + 3 <= offsets.length; i++) {
            grams.add(new String(offsets, i, 3));
        }
        if (grams.isEmpty() && !s.isEmpty()) {
            // Texts shorter than three letters still need to compare equal to themselves.
            grams.add(s);
        }
        return grams;
    }

    /** Jaccard index of two trigram sets; two empty sets are identical. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int intersection = 0;
        for (String gram : small) {
            if (large.contains(gram)) {
                intersection++;
            }
        }
        return (double) intersection / (a.size() + b.size() - intersection);
    }

    public static double jaccard(String a, String b) {
        return jaccard(of(a), of(b));
    }
}
