package org.kaimen.comments;

import java.time.OffsetDateTime;
import java.util.List;

/** A comment with everything staff may see; reading the original text and author details is audited. */
public record StaffComment(long id, long draftId, Long provisionId, String provisionLabel, int version,
                           Stance stance, String text, String proposedText, String textPublic, String quote,
                           Channel channel, String station, String authorName, String authorEmail, String authorPhone,
                           String authorAddress, Long accountId, String receipt, CommentStatus status, String moderationReason,
                           List<String> flags, int supports, int reports, Long parentId, OffsetDateTime createdAt) {
}
