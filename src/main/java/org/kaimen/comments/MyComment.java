package org.kaimen.comments;

import java.time.OffsetDateTime;

/** One of the citizen's own comments, with its status (and, once the feedback desk has answered, its disposition). */
public record MyComment(long id, long draftId, String draftTitle, String provisionLabel, int version, Stance stance,
                        String text, String receipt, CommentStatus status, OffsetDateTime createdAt,
                        String disposition, String dispositionReason) {
}
