package org.kaimen.hearings;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The statutory timeline of a hearing, checked against the clock: notice at least N days before (default 20,
 * 第十条), speakers fixed at least 10 days before (第十二条), speakers notified with the materials at least 7 days
 * before (第十四条; also 重大行政决策程序暂行条例第十六条), observers notified at least 3 days before (第十六条).
 * Days are counted back from the hearing's start, so "20 days before" a hearing at 09:00 ends at 09:00.
 */
public final class HearingTimeline {

    static final Duration DUE_SOON = Duration.ofDays(2);

    private HearingTimeline() {
    }

    public static List<TimelineStep> check(Hearing h, OffsetDateTime now) {
        return List.of(
                step(TimelineStep.Step.NOTICE, h.noticeDays(), "第十条", h, h.announcedAt(), now),
                step(TimelineStep.Step.SPEAKERS_FIXED, 10, "第十二条", h, h.drawnAt(), now),
                step(TimelineStep.Step.SPEAKERS_NOTIFIED, 7, "第十四条", h, h.speakersNotifiedAt(), now),
                step(TimelineStep.Step.OBSERVERS_NOTIFIED, 3, "第十六条", h, h.observersNotifiedAt(), now));
    }

    public static List<TimelineStep> warnings(Hearing h, OffsetDateTime now) {
        return check(h, now).stream().filter(s -> s.status().warning()).toList();
    }

    private static TimelineStep step(TimelineStep.Step step, int days, String article, Hearing h,
                                     OffsetDateTime done, OffsetDateTime now) {
        OffsetDateTime deadline = h.startsAt().minusDays(days);
        TimelineStep.Status status;
        if (done != null) {
            status = done.isAfter(deadline) ? TimelineStep.Status.LATE : TimelineStep.Status.DONE;
        } else if (now.isAfter(deadline)) {
            status = TimelineStep.Status.OVERDUE;
        } else if (!now.plus(DUE_SOON).isBefore(deadline)) {
            status = TimelineStep.Status.DUE_SOON;
        } else {
            status = TimelineStep.Status.OPEN;
        }
        return new TimelineStep(step, days, article, deadline, done, status);
    }
}
