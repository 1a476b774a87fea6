package org.kaimen.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final OutboxSender sender = new OutboxSender(null, null, new MailProperties("x@example.org",
            new MailProperties.Outbox(Duration.ofSeconds(1), 20, Duration.ofMinutes(1), Duration.ofHours(1),
                    Duration.ofDays(5))), Clock.systemUTC(), null);

    @Test
    void retriesDoubleFromTheFirstIntervalUpToTheCap() {
        assertThat(sender.backoff(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(32));
        assertThat(sender.backoff(6)).isEqualTo(Duration.ofHours(1));
        assertThat(sender.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }
}
