package org.kaimen.comments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Overload protection of comment submission on one instance.
 *
 * @param maxConcurrent submissions stored at the same time; the rest wait up to {@code maxWait}, then get 429.
 *                      Keep it below the connection pool, so background work still gets connections under a flood.
 * @param maxQueue      submissions that may wait for a turn; beyond that they are turned away without waiting, so
 *                      that a flood does not tie up every web server thread in waiting
 * @param maxWait       how long a submission may wait for its turn before it is turned away with Retry-After
 */
@ConfigurationProperties("kaimen.comments.admission")
public record AdmissionProperties(int maxConcurrent, int maxQueue, Duration maxWait) {

    public AdmissionProperties {
        maxConcurrent = maxConcurrent <= 0 ? 12 : maxConcurrent;
        maxQueue = maxQueue < 0 ? 2 * maxConcurrent : maxQueue;
        maxWait = maxWait == null ? Duration.ofMillis(100) : maxWait;
    }
}
