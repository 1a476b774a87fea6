package org.kaimen.experts.internal;

import org.kaimen.experts.ConsultationService;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends reminders, expires unanswered invitations and draws replacements, by the injected clock. */
@Component
class InvitationScheduler {

    private final ConsultationService consultations;

    InvitationScheduler(ConsultationService consultations) {
        this.consultations = consultations;
    }

    /** One instance at a time: two would each draw a replacement for the same decline. */
    @Scheduled(fixedDelayString = "${kaimen.experts.poll-interval:PT1M}", initialDelayString = "PT5S")
    @SchedulerLock(name = "experts-invitations", lockAtMostFor = "PT10M")
    public void run() {
        consultations.processDue();
    }
}
