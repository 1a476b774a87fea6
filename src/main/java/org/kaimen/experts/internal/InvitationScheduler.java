package org.kaimen.experts.internal;

import org.kaimen.experts.ConsultationService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends reminders, expires unanswered invitations and draws replacements, by the injected clock. */
@Component
class InvitationScheduler {

    private final ConsultationService consultations;

    InvitationScheduler(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Scheduled(fixedDelayString = "${kaimen.experts.poll-interval:PT1M}", initialDelayString = "PT5S")
    void run() {
        consultations.processDue();
    }
}
