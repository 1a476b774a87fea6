package org.kaimen.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.IndexableComment;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The index's health and its rebuild. A rebuild fills a new index from PostgreSQL while searches keep using the
 * old one, then swaps the alias in one atomic step (the server has no _reindex), then indexes what changed meanwhile.
 */
@Service
public class IndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);
    private static final int BATCH = 1000;
    private static final int BULKS_IN_FLIGHT = 2;

    private final ElasticsearchClient client;
    private final CommentIndexSetup setup;
    private final CommentIndex index;
    private final CommentService comments;
    private final CampaignService campaigns;
    private final org.kaimen.analysis.internal.Embeddings embeddings;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final LockProvider locks;

    public IndexAdmin(ElasticsearchClient client, CommentIndexSetup setup, CommentIndex index,
                      CommentService comments, CampaignService campaigns,
                      org.kaimen.analysis.internal.Embeddings embeddings, JdbcClient jdbc, AuditLog audit,
                      Clock clock, LockProvider locks) {
        this.locks = locks;
        this.embeddings = embeddings;
        this.client = client;
        this.setup = setup;
        this.index = index;
        this.comments = comments;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public IndexStatus status() {
        long backlog = 0;
        Duration lag = Duration.ZERO;
        var row = jdbc.sql("""
                        SELECT count(*) AS n, min(publication_date) AS oldest FROM event_publication
                        WHERE completion_date IS NULL AND listener_id LIKE '%CommentIndexer%'""")
                .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getObject("oldest", OffsetDateTime.class)})
                .single();
        backlog = (Long) row[0];
        if (row[1] != null) {
            lag = Duration.between((OffsetDateTime) row[1], OffsetDateTime.now(clock));
        }
        long total = comments.countAll();
        try {
            Optional<String> current = setup.currentIndex();
            long docs = current.isPresent() ? index.count(current.get()) : 0;
            return new IndexStatus(true, current.orElse(null), docs, total, backlog, lag, setup.isOutdated(),
                    rebuilding.get());
        } catch (IOException | RuntimeException e) {
            return new IndexStatus(false, null, 0, total, backlog, lag, setup.isOutdated(), rebuilding.get());
        }
    }

    /**
     * An index with an older mapping (after an upgrade) is rebuilt once Elasticsearch answers; every instance
     * checks, and the rebuild's lock lets one of them do it.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    void rebuildOutdated() {
        if (setup.isReady() && setup.isOutdated() && !rebuilding.get()) {
            rebuild();
        }
    }

    /** @return the number of comments written into the new index */
    public long rebuild() {
        if (!rebuilding.compareAndSet(false, true)) {
            throw new KaimenException(HttpStatus.CONFLICT, "analysis.error.rebuilding");
        }
        // Another instance may be rebuilding: two rebuilds would each swap the alias and delete the other's index.
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "index-rebuild",
                Duration.ofHours(6), Duration.ZERO));
        if (lock.isEmpty()) {
            rebuilding.set(false);
            throw new KaimenException(HttpStatus.CONFLICT, "analysis.error.rebuilding");
        }
        OffsetDateTime started = OffsetDateTime.now(clock);
        try {
            String fresh = setup.createIndex(true);
            long written = 0;
            long after = 0;
            List<IndexableComment> batch;
            // Two bulk requests are in flight while the next batch is read: Elasticsearch works on a bulk for one
            // shard on one thread, so with one in flight it used one of the two cores; the reader waits for
            // PostgreSQL meanwhile, and neither side waits for the other.
            ExecutorService writers = Executors.newFixedThreadPool(BULKS_IN_FLIGHT,
                    r -> new Thread(r, "index-rebuild-writer"));
            try {
                java.util.ArrayDeque<Future<Integer>> inFlight = new java.util.ArrayDeque<>();
                do {
                    batch = comments.indexableAfter(after, BATCH);
                    Map<Long, String> texts = new LinkedHashMap<>();
                    batch.forEach(c -> texts.put(c.id(), c.text()));
                    // Vectors are stored in PostgreSQL once and read per batch; only comments that never got one are
                    // computed here.
                    Map<Long, float[]> vectors = embeddings.forComments(texts);
                    if (inFlight.size() == BULKS_IN_FLIGHT) {
                        written += inFlight.removeFirst().get();
                    }
                    List<IndexableComment> toWrite = batch;
                    inFlight.addLast(writers.submit(() -> index.bulk(fresh, toWrite, c -> c.parentId() == null
                            ? campaigns.campaignOf(c.draftId(), c.id()) : null, vectors)));
                    if (!batch.isEmpty()) {
                        after = batch.get(batch.size() - 1).id();
                    }
                } while (batch.size() == BATCH);
                while (!inFlight.isEmpty()) {
                    written += inFlight.removeFirst().get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("rebuild interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                writers.shutdownNow();
            }
            setup.finishBulkLoad(fresh);
            Optional<String> old = setup.currentIndex();
            client.indices().updateAliases(u -> {
                old.ifPresent(o -> u.actions(a -> a.remove(r -> r.index(o).alias(setup.alias()))));
                return u.actions(a -> a.add(x -> x.index(fresh).alias(setup.alias()).isWriteIndex(true)));
            });
            // Changes that reached the old index while the new one filled: write them again, versions decide.
            for (long id : comments.changedSince(started.minusSeconds(5))) {
                comments.indexable(id).ifPresent(c -> {
                    try {
                        index.put(fresh, c, c.parentId() == null ? campaigns.campaignOf(c.draftId(), c.id()) : null);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            if (old.isPresent()) {
                client.indices().delete(d -> d.index(old.get()));
            }
            setup.markRebuilt();
            audit.record("index.rebuild", "index", fresh, written + " comments");
            log.info("Rebuilt the comment index into {} with {} comments", fresh, written);
            return written;
        } catch (IOException | RuntimeException e) {
            log.error("Index rebuild failed", e);
            throw new KaimenException(HttpStatus.SERVICE_UNAVAILABLE, "analysis.error.unavailable");
        } finally {
            lock.get().unlock();
            rebuilding.set(false);
        }
    }
}
