package org.kaimen.analysis.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The analysis side in figures: how far the index is behind PostgreSQL ({@code kaimen_index_backlog} events not yet
 * fully indexed, the oldest {@code kaimen_index_lag_seconds} old; the words of a comment are usually searchable
 * before, from the quick write, whose drops {@code kaimen_index_quick_skipped} counts), search latency, and how long
 * campaign detection (per arriving comment) and topic clustering (per draft) take.
 */
@Component
public class AnalysisMetrics {

    // The same listener filter as IndexAdmin.status(): events that the CommentIndexer has not completed yet.
    private static final String PENDING = """
            SELECT count(*) AS n, min(publication_date) AS oldest FROM event_publication
            WHERE completion_date IS NULL AND listener_id LIKE '%CommentIndexer%'""";

    private final Timer search;
    private final Timer campaigns;
    private final Timer topics;

    public AnalysisMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        search = Timer.builder("kaimen.search").description("Comment searches, end to end")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        campaigns = Timer.builder("kaimen.campaigns.detection")
                .description("Campaign (form letter) detection for one arriving comment").register(registry);
        topics = Timer.builder("kaimen.topics.clustering")
                .description("Topic clustering of one draft, every scope").register(registry);
        Gauge.builder("kaimen.index.backlog", jdbc, j -> j.sql(PENDING).query((rs, i) -> rs.getLong("n")).single())
                .description("Comment changes not yet in the search index").register(registry);
        Gauge.builder("kaimen.index.lag", jdbc, j -> j.sql(PENDING).query((rs, i) -> {
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    return oldest == null ? 0.0
                            : Duration.between(oldest, OffsetDateTime.now(clock)).toMillis() / 1000.0;
                }).single())
                .baseUnit("seconds")
                .description("Age of the oldest comment change not yet in the search index").register(registry);
    }

    public <T> T search(Supplier<T> work) {
        return search.record(work);
    }

    public <T> T campaignDetection(Supplier<T> work) {
        return campaigns.record(work);
    }

    public <T> T topicClustering(Supplier<T> work) {
        return topics.record(work);
    }
}
