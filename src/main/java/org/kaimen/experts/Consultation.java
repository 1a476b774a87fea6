package org.kaimen.experts;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Experts asked about a draft and some of its provisions (none: the whole draft). {@code stakeholders} are the
 * organisations with a direct interest that the clerk declared; no expert tied to them or to the drafting
 * department (as it was when the consultation was set up) is drawn. {@code seed} makes every draw of this consultation recomputable.
 */
public record Consultation(long id, long draftId, String draftTitle,
                           String department, ConsultationKind kind, String title, List<Long> provisionIds,
                           List<String> fields, List<String> stakeholders, int wanted, long seed,
                           Duration answerWithin, OffsetDateTime opinionDue, OffsetDateTime meetingAt,
                           String createdBy, OffsetDateTime createdAt) {
}
