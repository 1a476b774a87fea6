package org.kaimen.hearings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class HearingTimelineTest {

    static final OffsetDateTime START = OffsetDateTime.parse("2026-06-30T09:00:00+08:00");

    @Test
    void aNoticeNineteenDaysBeforeTheHearingIsLate() {
        Hearing h = hearing(START.minusDays(19), null, null, null);
        TimelineStep notice = HearingTimeline.check(h, START.minusDays(19)).get(0);
        assertThat(notice.step()).isEqualTo(TimelineStep.Step.NOTICE);
        assertThat(notice.status()).isEqualTo(TimelineStep.Status.LATE);
        assertThat(notice.deadline()).isEqualTo(START.minusDays(20));
    }

    @Test
    void stepsNotDoneWarnAsTheirDeadlineNearsAndOnceItPassed() {
        Hearing h = hearing(START.minusDays(25), null, null, null);
        assertThat(HearingTimeline.warnings(h, START.minusDays(15))).isEmpty();
        assertThat(HearingTimeline.warnings(h, START.minusDays(11))).extracting(TimelineStep::step, TimelineStep::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TimelineStep.Step.SPEAKERS_FIXED,
                        TimelineStep.Status.DUE_SOON));
        assertThat(HearingTimeline.warnings(h, START.minusDays(5))).extracting(TimelineStep::status)
                .containsExactly(TimelineStep.Status.OVERDUE, TimelineStep.Status.OVERDUE,
                        TimelineStep.Status.DUE_SOON);
    }

    @Test
    void everyStepDoneInTimeLeavesNoWarning() {
        Hearing h = hearing(START.minusDays(20), START.minusDays(10), START.minusDays(7), START.minusDays(3));
        assertThat(HearingTimeline.check(h, START)).extracting(TimelineStep::status)
                .containsOnly(TimelineStep.Status.DONE);
    }

    @Test
    void theNoticePeriodIsConfigurablePerHearing() {
        Hearing h = new Hearing(1, 1, "t", "p", null, START, 30, 10, 10, 8, START.minusDays(25), null, null, null,
                null, null, null, null, null, null, null, null, List.of(), List.of());
        assertThat(HearingTimeline.check(h, START.minusDays(25)).get(0).status())
                .isEqualTo(TimelineStep.Status.LATE);
    }

    static Hearing hearing(OffsetDateTime announced, OffsetDateTime drawn, OffsetDateTime speakers,
                           OffsetDateTime observers) {
        return new Hearing(1, 1, "t", "p", null, START, 20, 10, 10, 8, announced, null, null, null, drawn,
                speakers, observers, null, null, null, null, null, List.of(), List.of());
    }
}
