package org.kaimen.experts;

/** An expert accepted (with the portal link) or declined an invitation, or it expired unanswered. */
public record InvitationAnswered(long invitationId, InvitationStatus status, String expertName, String email,
                                 String locale, String consultationTitle, String portalLink) {
}
