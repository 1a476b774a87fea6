package org.kaimen.shared.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Spring Modulith 1.4 records a failed listener run but does not try it again by itself; this resubmits what is
 * still incomplete, so an outage (Elasticsearch down, mail server down) delays side effects but loses none.
 *
 * <p>Modulith 1.4 cannot tell a failed publication from one still waiting in the listeners' queue: both are
 * "incomplete". Resubmitting everything on every tick therefore queued the same events again and again whenever
 * listeners fell behind (870,000 copies and an out-of-memory in the scale benchmark). So a tick resubmits only when
 * nothing waits in the listeners' queue (a few running ones may be resubmitted too; listeners are idempotent), and
 * at most {@code batch} publications.
 */
@Component
class EventRepublisher {

    private final IncompleteEventPublications incomplete;
    private final ObjectProvider<ThreadPoolTaskExecutor> executor;
    private final Clock clock;
    private final Duration olderThan;
    private final int batch;

    EventRepublisher(IncompleteEventPublications incomplete, ObjectProvider<ThreadPoolTaskExecutor> executor,
                     Clock clock, @Value("${kaimen.events.resubmit-older-than:PT1M}") Duration olderThan,
                     @Value("${kaimen.events.resubmit-batch:500}") int batch) {
        this.incomplete = incomplete;
        this.executor = executor;
        this.clock = clock;
        this.olderThan = olderThan;
        this.batch = batch;
    }

    /** One instance resubmits at a time: two would hand each incomplete publication to two listeners. */
    @Scheduled(fixedDelayString = "${kaimen.events.resubmit-interval:PT30S}", initialDelayString = "PT30S")
    @SchedulerLock(name = "events-resubmit", lockAtMostFor = "PT10M")
    public void resubmit() {
        if (busy()) {
            return;
        }
        Instant before = clock.instant().minus(olderThan);
        AtomicInteger taken = new AtomicInteger();
        incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before)
                && taken.incrementAndGet() <= batch);
    }

    /** Listener runs are waiting in the queue: what looks incomplete may just not have run yet. */
    boolean busy() {
        ThreadPoolTaskExecutor pool = executor.getIfAvailable();
        return pool != null && !pool.getThreadPoolExecutor().getQueue().isEmpty();
    }
}
