package org.kaimen.analysis;

import java.util.List;

/**
 * A topic among a draft's comments, for the whole draft (scope {@code draft}) or one article (scope {@code a12}).
 * A frozen cluster keeps its members and name through recomputation; {@code labelEdited} marks a clerk's name.
 */
public record TopicCluster(long id, long draftId, String scope, String label, List<String> keywords, boolean frozen,
                          boolean labelEdited, List<Long> commentIds) {

    public static final String DRAFT_SCOPE = "draft";

    public int size() {
        return commentIds.size();
    }
}
