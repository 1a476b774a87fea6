package org.kaimen.drafts;

import java.util.List;
import java.util.Map;

/**
 * Implemented by the feedback desk, so the redline of a version shows which opinions led to each change without
 * drafts depending on feedback.
 */
public interface RevisionReasons {

    /** An opinion that changed a provision, as the redline shows it. */
    record Reason(long opinionId, String summary, String disposition, int comments) {
    }

    /** Opinions that changed provisions of this version, by article key (a12) of the version; visible ones only. */
    Map<String, List<Reason>> reasons(long draftId, int version);
}
