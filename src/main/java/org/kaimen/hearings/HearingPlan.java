package org.kaimen.hearings;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a clerk decides in the hearing's work plan (工作方案, 山东听证规定第七条): the matters in dispute with the
 * provisions they concern (by key, e.g. {@code a12}), time, place or online link, hearers and capacities.
 * {@code noticeDays} null means the configured default (20 days, 第十条).
 */
public record HearingPlan(long draftId, String title, String place, String onlineLink, OffsetDateTime startsAt,
                          Integer noticeDays, int speakerCapacity, int observerCapacity, int speakingMinutes,
                          List<MatterPlan> matters, List<Hearer> hearers) {

    public record MatterPlan(String title, List<String> provisionKeys) {
    }
}
