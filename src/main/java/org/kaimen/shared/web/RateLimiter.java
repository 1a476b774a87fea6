package org.kaimen.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Sliding-window limits kept in memory per instance (behind a sticky load balancer each instance sees its own
 * share). {@link #acquire} answers how long to wait when the window is full.
 */
public class RateLimiter {

    private final IntSupplier limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this(() -> limit, window, clock);
    }

    /** @param limit read on every request, so an administrator's change applies at once */
    public RateLimiter(IntSupplier limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return empty when allowed (and counted), else the time until a slot frees up */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            Instant cutoff = now.minus(window);
            while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
                q.removeFirst();
            }
            if (q.size() >= limit.getAsInt()) {
                return Optional.of(Duration.between(now, q.peekFirst().plus(window)));
            }
            q.addLast(now);
        }
        if (hits.size() > 200_000) {
            hits.entrySet().removeIf(e -> e.getValue().isEmpty());
        }
        return Optional.empty();
    }

    public void reset() {
        hits.clear();
    }
}
