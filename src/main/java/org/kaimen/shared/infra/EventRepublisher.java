package org.kaimen.shared.infra;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith 1.4 records a failed listener run but does not try it again by itself; this resubmits what is
 * still incomplete, so an outage (Elasticsearch down, mail server down) delays side effects but loses none.
 */
@Component
class EventRepublisher {

    private final IncompleteEventPublications incomplete;
    private final Duration olderThan;

    EventRepublisher(IncompleteEventPublications incomplete,
                     @Value("${kaimen.events.resubmit-older-than:PT1M}") Duration olderThan) {
        this.incomplete = incomplete;
        this.olderThan = olderThan;
    }

    @Scheduled(fixedDelayString = "${kaimen.events.resubmit-interval:PT30S}", initialDelayString = "PT30S")
    void resubmit() {
        incomplete.resubmitIncompletePublicationsOlderThan(olderThan);
    }
}
