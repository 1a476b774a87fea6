package org.kaimen.drafts.internal.versioning;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalisation and character-shingle sets used to compare provisions.
 *
 * <p>Comparisons run on NFKC text so that full-width and half-width forms (１０ vs 10, （ vs ( ),
 * which drafters switch freely between versions, don't count as changes. Shingles are bigrams of
 * letters and digits only: punctuation carries little identity, and Chinese has no words to use.
 */
final class TextFeatures {

    /** Item (项) and sub-item (目) markers; they are renumbered whenever an item is inserted. */
    private static final Pattern ITEM_MARKER = Pattern.compile("^\\s*(?:\\([一二三四五六七八九十百零〇两]+\\)|\\d+[.、])");

    private static final Pattern CHAPTER_PREFIX = Pattern.compile("^第[一二三四五六七八九十百零〇两\\d]+[编章节]");

    private static final long[] EMPTY = new long[0];

    private TextFeatures() {
    }

    /** Text for exact-identity hashing: only whitespace and width variants are ignored. */
    static String identity(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            appendWithoutWhitespace(Normalizer.normalize(paragraph, Normalizer.Form.NFKC), out);
            out.append('\n');
        }
        return out.toString();
    }

    /** Letters and digits of a paragraph without its item marker, for fuzzy comparison. */
    static String content(String paragraph) {
        String normalized = Normalizer.normalize(paragraph, Normalizer.Form.NFKC);
        normalized = ITEM_MARKER.matcher(normalized).replaceFirst("");
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    static String content(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : paragraphs) {
            out.append(content(paragraph));
        }
        return out.toString();
    }

    /** Chapter identity survives renumbering (第三章 → 第四章) but not renaming. */
    static String chapterKey(String chapterTitle) {
        if (chapterTitle == null) {
            return "";
        }
        String normalized = Normalizer.normalize(chapterTitle, Normalizer.Form.NFKC).strip();
        StringBuilder out = new StringBuilder();
        appendWithoutWhitespace(CHAPTER_PREFIX.matcher(normalized).replaceFirst(""), out);
        return out.toString();
    }

    /** Sorted, duplicate-free set of code-point bigrams; a one-character text yields its unigram. */
    static long[] shingles(String content) {
        int[] cps = content.codePoints().toArray();
        if (cps.length == 0) {
            return EMPTY;
        }
        if (cps.length == 1) {
            return new long[] {cps[0]};
        }
        long[] grams = new long[cps.length - 1];
        for (int i = 0; i + 1 < cps.length; i++) {
            // Code points fit in 21 bits, so the pair packs losslessly; the marker bit keeps
            // bigrams apart from the unigram form above.
            grams[i] = (1L << 42) | ((long) cps[i] << 21) | cps[i + 1];
        }
        Arrays.sort(grams);
        int size = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[size++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, size);
    }

    static int intersection(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return common;
    }

    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int size = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[size++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, size);
    }

    static long[] union(long[] a, long[] b) {
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int size = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                out[size++] = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                out[size++] = b[j++];
            } else {
                out[size++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, size);
    }

    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int common = intersection(a, b);
        return (double) common / (a.length + b.length - common);
    }

    static double dice(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        return 2.0 * intersection(a, b) / (a.length + b.length);
    }

    /** Share of {@code part} that also occurs in {@code whole}. */
    static double containment(long[] part, long[] whole) {
        if (part.length == 0) {
            return 0.0;
        }
        return (double) intersection(part, whole) / part.length;
    }

    private static void appendWithoutWhitespace(String text, StringBuilder out) {
        text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
    }
}
