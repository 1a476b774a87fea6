package org.kaimen.comments;

/** The answer to a submission: the receipt number (回执编号) and the status it got. */
public record SubmittedComment(long id, String receipt, CommentStatus status, boolean created) {
}
