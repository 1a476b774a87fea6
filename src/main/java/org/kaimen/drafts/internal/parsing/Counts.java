package org.kaimen.drafts.internal.parsing;

/**
 * Number of provisions of each kind in a parse result.
 *
 * <p>{@code paragraphs} is the total number of 款 over all articles. Every article has at least
 * one paragraph (its first line), so {@code paragraphs >= articles}; an article written as a
 * lead-in sentence plus an item list has one paragraph holding those items.
 */
public record Counts(int parts, int chapters, int sections, int articles, int paragraphs, int items,
                     int subitems) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    /** Counts the nodes of a tree. */
    public static Counts of(Iterable<ParsedProvision> roots) {
        int[] n = new int[ProvisionKind.values().length];
        for (ParsedProvision root : roots) {
            count(root, n);
        }
        return new Counts(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    private static void count(ParsedProvision p, int[] n) {
        n[p.kind().ordinal()]++;
        for (ParsedProvision child : p.children()) {
            count(child, n);
        }
    }
}
