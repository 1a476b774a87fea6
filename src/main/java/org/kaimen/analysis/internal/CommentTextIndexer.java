package org.kaimen.analysis.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.comments.CommentChanged;
import org.kaimen.comments.CommentModerated;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The quick half of indexing: right after a comment's transaction commits, its words, status and facets are written
 * so that search finds it within a second or two, while the sentence vector, campaign and topic follow from
 * {@link CommentIndexer} in the background.
 *
 * <p>Why two halves: the slow half runs an ONNX model at lowered CPU priority, and under search load it got so
 * little CPU that new comments waited minutes to be searchable (the scale benchmark at a million comments). This
 * half needs little CPU of its own and runs on threads of normal priority.
 *
 * <p>It is deliberately not recorded in the event publication registry: that would add a row to every submission,
 * and nothing is lost when a quick write is (a crash, Elasticsearch down, a full queue, a flood of submissions that
 * needs the CPU), because the recorded slow half writes the whole document itself.
 */
@Component
class CommentTextIndexer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommentTextIndexer.class);

    private final CommentService comments;
    private final CommentIndex index;
    private final CampaignService campaigns;
    private final ThreadPoolExecutor executor;
    private final Counter skipped;

    CommentTextIndexer(CommentService comments, CommentIndex index, CampaignService campaigns, MeterRegistry registry,
                       @Value("${kaimen.analysis.quick-index.threads:2}") int threads,
                       @Value("${kaimen.analysis.quick-index.queue:10000}") int queue) {
        this.comments = comments;
        this.index = index;
        this.campaigns = campaigns;
        this.skipped = Counter.builder("kaimen.index.quick.skipped")
                .description("Quick text writes dropped (queue full or failed); the background analysis writes them")
                .register(registry);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "quick-index-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (r, pool) -> skipped.increment());
        // Linux threads inherit their creator's nice value. Starting them all now, from the thread that builds the
        // application context, keeps them at normal priority: created lazily, the first could be started by a
        // background thread at nice 10, and an unprivileged process cannot raise a thread's priority again.
        executor.prestartAllCoreThreads();
    }

    @EventListener
    void on(CommentSubmitted e) {
        afterCommit(e.commentId());
    }

    @EventListener
    void on(CommentModerated e) {
        afterCommit(e.commentId());
    }

    @EventListener
    void on(CommentChanged e) {
        afterCommit(e.commentId());
    }

    private void afterCommit(long commentId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            executor.execute(() -> write(commentId));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.execute(() -> write(commentId));
            }
        });
    }

    void write(long commentId) {
        if (comments.atCapacity()) {
            // In a flood, taking in comments comes first: every quick write costs CPU that a submission needs (about
            // a sixth of the accepted rate in the load benchmark), and the analysis writes the document anyway.
            skipped.increment();
            return;
        }
        try {
            // A comment gone by now is left to the slow half, which writes its tombstone in the recorded order.
            comments.indexable(commentId).ifPresent(c -> {
                try {
                    index.put(c, campaigns.campaignIfLoaded(c));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            skipped.increment();
            log.debug("Quick index write of comment {} skipped; the background analysis writes it", commentId, e);
        }
    }

    /** Waiting and running quick writes (for tests and the admin page). */
    int pending() {
        return executor.getQueue().size() + executor.getActiveCount();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
