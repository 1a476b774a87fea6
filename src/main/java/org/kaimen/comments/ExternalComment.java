package org.kaimen.comments;

/**
 * A view that reached the drafting group by another module's route — a hearing speaker's statement, an invited
 * expert's opinion — taken in as a comment so the feedback desk handles it with all others.
 *
 * @param provisionId null for the draft as a whole
 * @param channel     HEARING or EXPERT
 * @param sourceKey   the source's own stable id (e.g. "hearing:12:speaker:7:matter:3"): a repeat stores nothing
 *
 * <p>It is published like any comment (text shown where the draft shows comments, never the name): hearings are
 * public, and the modules tell experts so before they write.
 */
public record ExternalComment(long draftId, Long provisionId, Stance stance, String text, String proposedText,
                              Channel channel, String authorName, String authorEmail, String sourceKey) {
}
