package org.kaimen.testsupport;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.HearingPlan;
import org.kaimen.hearings.HearingService;

/** A hearing on article 12 of a draft, thirty days out unless said, with its notice published; call as a clerk. */
public final class TestHearings {

    private TestHearings() {
    }

    public static long announced(HearingService hearings, long draftId, String title, Clock clock) {
        return announced(hearings, draftId, title, clock, 30);
    }

    /** The same, {@code daysOut} days from now. */
    public static long announced(HearingService hearings, long draftId, String title, Clock clock, int daysOut) {
        long id = hearings.create(new HearingPlan(draftId, title, "市人大常委会第一会议室", null,
                OffsetDateTime.now(clock).plusDays(daysOut), null, 4, 4, 8,
                List.of(new HearingPlan.MatterPlan("物业费的调整程序", List.of("a12"))),
                List.of(new Hearer("主持人", "法制委员会", true), new Hearer("甲", "法工委", false),
                        new Hearer("乙", "住建局", false))));
        hearings.announce(id);
        return id;
    }
}
