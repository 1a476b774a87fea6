package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/** A hearing with the dates of every step done so far (null: not yet). */
public record Hearing(long id, long draftId, String title, String place, String onlineLink, OffsetDateTime startsAt,
                      int noticeDays, int speakerCapacity, int observerCapacity, int speakingMinutes,
                      OffsetDateTime announcedAt, OffsetDateTime registrationClosesAt, String seed,
                      OffsetDateTime seedAnnouncedAt, OffsetDateTime drawnAt, OffsetDateTime speakersNotifiedAt,
                      OffsetDateTime observersNotifiedAt, OffsetDateTime heldAt, OffsetDateTime reviewUntil,
                      OffsetDateTime signedOffAt, String reportFacts, OffsetDateTime reportPublishedAt,
                      List<Matter> matters, List<Hearer> hearers) {

    public boolean announced() {
        return announcedAt != null;
    }

    public boolean registrationOpen(OffsetDateTime now) {
        return announcedAt != null && drawnAt == null && (registrationClosesAt == null
                || now.isBefore(registrationClosesAt));
    }

    public boolean locked() {
        return signedOffAt != null;
    }
}
