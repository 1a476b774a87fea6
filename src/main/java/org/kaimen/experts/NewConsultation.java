package org.kaimen.experts;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/** @param seed null: a fresh random seed is taken and recorded */
public record NewConsultation(long draftId, ConsultationKind kind, String title, List<Long> provisionIds,
                              List<String> fields, List<String> stakeholders, int wanted, Duration answerWithin,
                              OffsetDateTime opinionDue, OffsetDateTime meetingAt, Long seed) {
}
