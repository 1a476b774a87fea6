package org.kaimen.feedback;

/** A draft's adoption report was published: subscribers are told by e-mail. */
public record ReportPublished(long draftId, String draftTitle) {
}
