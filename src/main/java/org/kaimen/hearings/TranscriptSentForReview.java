package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/** The transcript is ready: each speaker gets a personal link to review their part until {@code reviewUntil}. */
public record TranscriptSentForReview(long hearingId, String hearingTitle, OffsetDateTime reviewUntil,
                                      List<ReviewLink> links) {

    public record ReviewLink(long registrationId, long tokenId, String name, String email, String locale,
                             String link) {
    }
}
