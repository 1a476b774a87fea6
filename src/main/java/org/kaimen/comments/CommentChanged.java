package org.kaimen.comments;

/** Something about a comment changed that the index keeps (supports, for example). */
public record CommentChanged(long commentId, long draftId) {
}
