package org.kaimen.feedback;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where the desk stands on a draft: comments not yet in an opinion, opinions by state, each clerk's open opinions,
 * and the days left before the report is due (negative when late).
 */
public record Progress(long comments, long unconsolidated, Map<OpinionState, Long> opinionsByState,
                       Map<String, Long> openByAssignee, LocalDate dueOn, Long daysLeft, boolean published) {
}
