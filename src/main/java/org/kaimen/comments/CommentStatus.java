package org.kaimen.comments;

/** PUBLISHED (counted, and shown where the draft shows comments), HELD for review, HIDDEN by staff with a reason. */
public enum CommentStatus { PUBLISHED, HELD, HIDDEN }
