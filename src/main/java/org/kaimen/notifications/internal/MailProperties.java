package org.kaimen.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry policy after RFC 5321 §4.5.4.1: growing intervals with a cap, and days of trying before giving up, since
 * a citizen's receipt or an expert's invitation must not vanish because a mail server was down for an hour.
 */
@ConfigurationProperties("kaimen.mail")
public record MailProperties(String from, Outbox outbox) {

    public record Outbox(Duration pollInterval, int batchSize, Duration firstRetry, Duration maxRetryInterval,
                         Duration giveUpAfter) {
    }
}
