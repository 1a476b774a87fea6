package org.kaimen.comments.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.kaimen.comments.Channel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Comments received ({@code kaimen_comments_received_total{channel}}) and how long a citizen waits for a receipt
 * ({@code kaimen_comments_submission_seconds}). Every channel's counter exists from the start, so a dashboard shows
 * 0 rather than no data for a channel nobody used yet.
 */
@Component
public class CommentMetrics {

    private final Map<Channel, Counter> received = new EnumMap<>(Channel.class);
    private final Timer submission;

    public CommentMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            received.put(channel, Counter.builder("kaimen.comments.received")
                    .description("Comments stored, by channel (repeats of an idempotency or source key excluded)")
                    .tag("channel", channel.name()).register(registry));
        }
        submission = Timer.builder("kaimen.comments.submission")
                .description("Time from a comment's arrival to its receipt, for accepted comments")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** Counts a stored comment once its transaction commits: a rolled-back insert was never received. */
    public void received(Channel channel) {
        Counter counter = received.get(channel);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** @param startedNanos {@link System#nanoTime()} when the submission arrived */
    public void submitted(long startedNanos) {
        submission.record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
