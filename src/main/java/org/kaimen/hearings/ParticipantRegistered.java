package org.kaimen.hearings;

import java.time.OffsetDateTime;

/** Someone registered for a hearing; they get a confirmation with their registration number. */
public record ParticipantRegistered(long registrationId, long hearingId, String hearingTitle, OffsetDateTime startsAt,
                                    int number, Participation role, String name, String email, String locale) {
}
