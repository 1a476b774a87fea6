package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/** What a speaker sees behind their review link: their own part of the transcript and their requests. */
public record TranscriptReview(long hearingId, String hearingTitle, int number, String name,
                               OffsetDateTime reviewUntil, boolean open, List<TranscriptEntry> entries,
                               List<Correction> corrections) {
}
