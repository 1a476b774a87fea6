package org.kaimen.drafts;

/** How much structure a version has; {@code paragraphs} counts every 款 of every article. */
public record DraftCounts(int chapters, int sections, int articles, int paragraphs, int items, int subitems) {
}
