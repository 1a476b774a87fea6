package org.kaimen.drafts;

import java.util.Map;

/**
 * Implemented by the module that collects comments, so the reading view can show how much each article is discussed
 * without drafts depending on comments.
 */
public interface ProvisionActivity {

    /** Comment counts by article key (a12) of the draft's current version. */
    Map<String, Integer> commentCountsByArticle(long draftId);
}
