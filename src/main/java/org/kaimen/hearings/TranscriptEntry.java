package org.kaimen.hearings;

/**
 * One part of the transcript (笔录, 第二十七条): a speaker's statement (views, with facts and reasons), a hearer's
 * question, an answer or a clerk's note; linked to a matter and, where it is about one, a provision.
 */
public record TranscriptEntry(long id, int position, Kind kind, Long registrationId, String speakerLabel,
                              Long matterId, Long provisionId, String text, String reasons, Integer durationSeconds) {

    public enum Kind { STATEMENT, QUESTION, ANSWER, NOTE }
}
