package org.kaimen.comments;

/** A comment was stored; {@code email} is where the receipt goes, if known. */
public record CommentSubmitted(long commentId, long draftId, String receipt, String email, String locale,
                               String draftTitle, String provisionLabel, CommentStatus status) {
}
