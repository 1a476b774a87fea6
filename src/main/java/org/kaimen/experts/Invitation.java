package org.kaimen.experts;

import java.time.OffsetDateTime;

/** One expert asked in one consultation; {@code source} is DRAW, MANUAL or REPLACEMENT. */
public record Invitation(long id, long consultationId, long expertId, String expertName, String organisation,
                         Sector sector, String source, InvitationStatus status, OffsetDateTime invitedAt,
                         OffsetDateTime expiresAt, OffsetDateTime remindedAt, OffsetDateTime answeredAt,
                         String answerNote, String declaration, Attendance attendance, OffsetDateTime opinionAt,
                         boolean replaced) {
}
