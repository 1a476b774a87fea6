package org.kaimen.drafts;

import java.util.List;
import java.util.Set;

/** Per-article changes of version {@code version} against {@code previous}, in the new version's order. */
public record VersionDiff(long draftId, int version, int previous, List<ArticleChange> changes) {

    /**
     * @param type  the most significant change (INSERTED, DELETED, SPLIT, MERGED, MOVED, MODIFIED, RENUMBERED,
     *              UNCHANGED); {@code types} has all that apply
     * @param html  the redline with {@code <del>}/{@code <ins>}, every text HTML-escaped
     */
    public record ArticleChange(String type, Set<String> types, String oldKey, Integer oldNumber, String oldLabel,
                                String newKey, Integer newNumber, String newLabel, List<String> mergedFrom,
                                List<Segment> segments, String html) {
    }

    /** {@code op} is EQUAL, INSERT or DELETE. */
    public record Segment(String op, String text) {
    }
}
