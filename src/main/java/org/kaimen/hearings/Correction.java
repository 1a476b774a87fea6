package org.kaimen.hearings;

/** A speaker's request to correct their part of the transcript, and how the clerk resolved it. */
public record Correction(long id, long entryId, long registrationId, String requestedText, String note, State state,
                         String resolution) {

    public enum State { OPEN, ACCEPTED, REJECTED }
}
