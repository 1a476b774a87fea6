package org.kaimen.comments.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kaimen.shared.web.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Load shedding for the last-day flood: at most {@code maxConcurrent} submissions are stored at once, a few more may
 * wait briefly, and the rest are answered at once with 429 and a Retry-After rather than queued until they time out.
 * A queue would only turn a burst into minutes of latency for everyone (and into out-of-memory); a quick "try again
 * in 2 seconds" keeps accepted submissions fast, and the form keeps the citizen's text. Per-address and per-account
 * limits are a different thing (fairness between clients); this is about the capacity of the instance.
 */
@Component
public class SubmissionGate {

    private final Semaphore permits;
    private final long maxWaitNanos;
    private final int maxQueue;
    private final Counter rejected;

    public SubmissionGate(AdmissionProperties properties, MeterRegistry registry) {
        this.permits = new Semaphore(properties.maxConcurrent(), true);
        this.maxWaitNanos = properties.maxWait().toNanos();
        this.maxQueue = properties.maxQueue();
        this.rejected = Counter.builder("kaimen.comments.rejected")
                .description("Submissions turned away with 429 because the instance was at capacity")
                .tag("reason", "overload").register(registry);
        Gauge.builder("kaimen.comments.admission.in.flight", permits,
                        p -> properties.maxConcurrent() - p.availablePermits())
                .description("Submissions being stored right now").register(registry);
    }

    /**
     * Every slot is taken and the queue is full: a submission arriving now would be turned away. Checked before the
     * request is even authenticated and parsed, so that turning away the excess of a flood costs next to nothing.
     */
    public boolean saturated() {
        return permits.availablePermits() == 0 && permits.getQueueLength() >= maxQueue;
    }

    /** Every slot is taken: submissions arriving now wait or are turned away. */
    public boolean atCapacity() {
        return permits.availablePermits() == 0;
    }

    /** Counts a submission turned away before it reached {@link #admit}. */
    public void rejectedEarly() {
        rejected.increment();
    }

    /** Runs {@code work} when there is room, else throws {@link TooManyRequestsException}. */
    public <T> T admit(Supplier<T> work) {
        // tryAcquire() without a timeout barges past waiters: fine, it only succeeds when a permit is free anyway.
        boolean admitted = permits.tryAcquire();
        if (!admitted && permits.getQueueLength() < maxQueue) {
            try {
                admitted = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!admitted) {
            rejected.increment();
            // Jitter, so that the clients turned away together do not all come back in the same second.
            throw new TooManyRequestsException(Duration.ofSeconds(1 + ThreadLocalRandom.current().nextInt(3)),
                    "comments.error.busy");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
