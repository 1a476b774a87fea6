package org.kaimen.drafts.internal;

import org.kaimen.drafts.DraftService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Periods open and close by the clock on their own (state is derived from the time); this only tells the other
 * modules once that a period ended. Row locks with SKIP LOCKED keep two app instances from announcing twice.
 */
@Component
class ConsultationClock {

    private final DraftService drafts;

    ConsultationClock(DraftService drafts) {
        this.drafts = drafts;
    }

    @Scheduled(fixedDelayString = "${kaimen.drafts.close-check-interval:PT1M}", initialDelayString = "PT20S")
    void announce() {
        drafts.announceClosedConsultations();
    }
}
