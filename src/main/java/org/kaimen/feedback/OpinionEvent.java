package org.kaimen.feedback;

import java.time.OffsetDateTime;

/** One line of an opinion's record: created, comment added or moved, proposed, approved, returned. */
public record OpinionEvent(String action, Long commentId, String detail, String actor, OffsetDateTime at) {
}
