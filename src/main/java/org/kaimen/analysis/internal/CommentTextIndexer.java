package org.kaimen.analysis.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

    /** At most this many comments per bulk request: a second's worth at the rate the load benchmark offers. */
    static final int BATCH = 500;

    private final CommentService comments;
    private final CommentIndex index;
    private final CampaignService campaigns;
    private final BlockingQueue<Long> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter skipped;
    private volatile boolean stopped;

    CommentTextIndexer(CommentService comments, CommentIndex index, CampaignService campaigns, MeterRegistry registry,
                       @Value("${kaimen.analysis.quick-index.threads:2}") int threads,
                       @Value("${kaimen.analysis.quick-index.queue:10000}") int queue) {
        this.comments = comments;
        this.index = index;
        this.campaigns = campaigns;
        this.skipped = Counter.builder("kaimen.index.quick.skipped")
                .description("Quick text writes dropped (queue full or failed); the background analysis writes them")
                .register(registry);
        this.queue = new ArrayBlockingQueue<>(queue);
        // Linux threads inherit their creator's nice value. Starting them all now, from the thread that builds the
        // application context, keeps them at normal priority: created lazily, the first could be started by a
        // background thread at nice 10, and an unprivileged process cannot raise a thread's priority again.
        for (int i = 1; i <= threads; i++) {
            Thread t = new Thread(this::work, "quick-index-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /**
     * Takes what has queued up since the last request, up to {@link #BATCH}, and writes it in one bulk request: at a
     * trickle that is one comment at a time, in a flood a few hundred.
     */
    private void work() {
        List<Long> batch = new ArrayList<>(BATCH);
        while (!stopped) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                write(List.copyOf(batch));
            } catch (InterruptedException e) {
                return;
            } finally {
                inFlight.addAndGet(-batch.size());
                batch.clear();
            }
        }
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
            enqueue(commentId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enqueue(commentId);
            }
        });
    }

    private void enqueue(long commentId) {
        // Counted from here until written, so that pending() never reads 0 while a write is on its way.
        inFlight.incrementAndGet();
        if (!queue.offer(commentId)) {
            inFlight.decrementAndGet();
            skipped.increment();
        }
    }

    void write(List<Long> commentIds) {
        if (comments.atCapacity()) {
            // In a flood, taking in comments comes first: every quick write costs CPU that a submission needs (about
            // a sixth of the accepted rate in the load benchmark), and the analysis writes the document anyway.
            skipped.increment(commentIds.size());
            return;
        }
        try {
            // A comment gone by now is left to the slow half, which writes its tombstone in the recorded order.
            index.putAll(comments.indexable(commentIds), campaigns::campaignIfLoaded);
        } catch (java.io.IOException | RuntimeException e) {
            skipped.increment(commentIds.size());
            log.debug("Quick index write of {} comments skipped; the background analysis writes them",
                    commentIds.size(), e);
        }
    }

    /** Waiting and running quick writes (for tests and the admin page). */
    int pending() {
        return inFlight.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopped = true;
        workers.forEach(Thread::interrupt);
        for (Thread t : workers) {
            t.join(10_000);
        }
    }
}
