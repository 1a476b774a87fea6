package org.kaimen.experts;

import java.time.OffsetDateTime;

/**
 * An expert was invited (or reminded, {@code reminder}); the mail carries the signed accept and decline links.
 * Sent once per invitation and kind, whatever the replays.
 */
public record ExpertInvited(long invitationId, String expertName, String email, String locale, String draftTitle,
                            String consultationTitle, ConsultationKind kind, OffsetDateTime answerBy,
                            OffsetDateTime opinionDue, OffsetDateTime meetingAt, String acceptLink,
                            String declineLink, boolean reminder) {
}
