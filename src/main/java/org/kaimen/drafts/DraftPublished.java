package org.kaimen.drafts;

/** A draft opened for public comment. */
public record DraftPublished(long draftId, String title) {
}
