package org.kaimen.analysis.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much of a draft the facet counts look at. Every comment carries {@code sample}, a number from 0 to 63 mixed
 * from its id; in a large draft the facets of a search count only the comments whose number is below
 * {@link #buckets}, about {@code target} comments of the draft, and are scaled up. A fixed slice rather than a random
 * one keeps the counts the same from one page or refresh to the next, and the id mix keeps it unrelated to article,
 * stance, channel or date.
 */
@Component
class FacetSample {

    static final int BUCKETS = 64;
    private static final Duration SIZE_TTL = Duration.ofSeconds(60);

    private final ElasticsearchClient client;
    private final CommentIndexSetup setup;
    private final Clock clock;
    private volatile int target;
    private final Map<Long, Size> sizes = new ConcurrentHashMap<>();

    FacetSample(ElasticsearchClient client, CommentIndexSetup setup, Clock clock,
                @Value("${kaimen.analysis.facet-sample-target:25000}") int target) {
        this.client = client;
        this.setup = setup;
        this.clock = clock;
        this.target = target;
    }

    /** For tests that play a large draft with a few hundred comments; returns the previous value. */
    int target(int comments) {
        int previous = target;
        target = comments;
        sizes.clear();
        return previous;
    }

    /** The comment's slice, from its id (consecutive ids land in unrelated slices). */
    static int of(long commentId) {
        return (int) ((commentId * 0x9E3779B97F4A7C15L) >>> 58);
    }

    /** How many of the {@link #BUCKETS} slices a draft's facets count: all of them unless the draft is large. */
    int buckets(long draftId) throws IOException {
        long size = size(draftId);
        if (size <= target) {
            return BUCKETS;
        }
        return (int) Math.max(1, Math.min(BUCKETS, Math.ceil((double) BUCKETS * target / size)));
    }

    private long size(long draftId) throws IOException {
        Instant now = clock.instant();
        Size cached = sizes.get(draftId);
        if (cached != null && cached.at().plus(SIZE_TTL).isAfter(now)) {
            return cached.count();
        }
        // A term count is answered from the index's statistics, without visiting the documents.
        long count = client.count(c -> c.index(setup.alias())
                .query(q -> q.term(t -> t.field("draftId").value(draftId)))).count();
        sizes.put(draftId, new Size(count, now));
        return count;
    }

    private record Size(long count, Instant at) {
    }
}
