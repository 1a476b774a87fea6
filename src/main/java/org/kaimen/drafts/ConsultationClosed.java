package org.kaimen.drafts;

/** The comment period of a draft ended. */
public record ConsultationClosed(long draftId) {
}
