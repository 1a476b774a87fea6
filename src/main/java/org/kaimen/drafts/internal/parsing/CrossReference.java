package org.kaimen.drafts.internal.parsing;

/**
 * A reference from provision text to another provision of the same document.
 *
 * @param start     offset of the first character of the reference in the searched text
 * @param end       offset just after the last character (exclusive), so that
 *                  {@code text.substring(start, end)} is the reference
 * @param targetKey machine key of the target as defined by {@link CitationLabels}, e.g.
 *                  {@code a11.p1.i5}
 * @param text      the referencing words, e.g. {@code 本条例第十一条第（五）项}
 */
public record CrossReference(int start, int end, String targetKey, String text) {
}
