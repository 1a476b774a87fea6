package org.kaimen.comments;

/** Staff published, held or hid a comment (always with a reason for hiding). */
public record CommentModerated(long commentId, long draftId, CommentStatus status, String reason) {
}
