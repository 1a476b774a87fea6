package org.kaimen.feedback;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A consolidated opinion (归并意见): comments that make the same point, the clerk's summary of it, the articles it
 * concerns, and how it was handled. {@code changedProvisionId} is the provision of a later version that it changed.
 */
public record Opinion(long id, long draftId, String summary, List<String> articleKeys, String assignee,
                      OpinionState state, Disposition disposition, String reason, Long changedProvisionId,
                      String proposedBy, String approvedBy, OffsetDateTime approvedAt, String source,
                      String createdBy, OffsetDateTime createdAt, int comments) {
}
