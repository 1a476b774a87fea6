package org.kaimen.analysis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.comments.CommentChanged;
import org.kaimen.comments.CommentModerated;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.CommentSubmitted;
import org.kaimen.comments.IndexableComment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with PostgreSQL, with everything the analysis knows about each comment. Each listener runs
 * from the event publication registry after the comment's transaction committed; when Elasticsearch is down it
 * fails, the publication stays incomplete and is resubmitted later, and external versioning makes every replay
 * harmless. {@link CommentTextIndexer} makes the words searchable before this has run.
 */
@Component
class CommentIndexer {

    private final CommentService comments;
    private final CommentIndex index;
    private final CampaignService campaigns;
    private final Embeddings embeddings;
    private final org.kaimen.analysis.TopicService topics;
    private final Clock clock;
    private final Duration overlap;
    private volatile Instant lastCatchUp;
    private final AnalysisMetrics metrics;

    CommentIndexer(CommentService comments, CommentIndex index, CampaignService campaigns, Embeddings embeddings,
                   org.kaimen.analysis.TopicService topics, AnalysisMetrics metrics, Clock clock,
                   @Value("${kaimen.analysis.catch-up-overlap:PT2M}") Duration overlap) {
        this.metrics = metrics;
        this.topics = topics;
        this.clock = clock;
        this.overlap = overlap;
        this.lastCatchUp = clock.instant();
        this.comments = comments;
        this.index = index;
        this.campaigns = campaigns;
        this.embeddings = embeddings;
    }

    @ApplicationModuleListener
    void on(CommentSubmitted e) {
        reindex(e.commentId());
    }

    @ApplicationModuleListener
    void on(CommentModerated e) {
        reindex(e.commentId());
    }

    @ApplicationModuleListener
    void on(CommentChanged e) {
        reindex(e.commentId());
    }

    /**
     * Campaign detection keeps its state in memory, and with several app instances each handles the events of the
     * comments it took in. So every instance (no lock: each needs it) reads what changed lately and feeds its
     * detector what it has not seen; a link found here updates the campaign ids in the index. The overlap covers
     * transactions that committed after their timestamp.
     */
    @Scheduled(fixedDelayString = "${kaimen.analysis.catch-up-interval:PT15S}", initialDelayString = "PT15S")
    public void catchUp() throws IOException {
        Instant now = clock.instant();
        List<Long> changed = comments.changedSince(lastCatchUp.minus(overlap).atOffset(ZoneOffset.UTC));
        for (int from = 0; from < changed.size(); from += BATCH) {
            for (var comment : comments.indexable(changed.subList(from, Math.min(changed.size(), from + BATCH)))) {
                if (campaigns.knows(comment)) {
                    continue;
                }
                CampaignService.Update update = campaigns.accept(comment);
                for (var member : update.changedMembers().entrySet()) {
                    index.setCampaign(member.getKey(), member.getValue());
                }
                campaigns.confirm(comment.draftId(), update.changedMembers());
            }
        }
        lastCatchUp = now;
    }

    private static final int BATCH = 500;

    /**
     * The slow, recorded half of indexing ({@link CommentTextIndexer} is the quick one): sentence vector, campaign
     * and topic, then the whole document written with them, replacing the quick write of the same state or standing
     * in for it when it never happened, so this alone keeps the index complete. The listener ids are the ones this
     * class always had, so publications left incomplete by an earlier version still find their listener.
     */
    void reindex(long commentId) {
        try {
            var comment = comments.indexable(commentId);
            if (comment.isPresent()) {
                IndexableComment c = comment.get();
                CampaignService.Update update = metrics.campaignDetection(() -> campaigns.accept(c));
                topics.accept(c, c.status() == CommentStatus.HIDDEN ? null
                        : embeddings.forComment(commentId, c.text()));
                index.putAnalysed(c, update.campaignId());
                for (var member : update.changedMembers().entrySet()) {
                    if (member.getKey() != commentId) {
                        index.setCampaign(member.getKey(), member.getValue());
                    }
                }
                campaigns.confirm(c.draftId(), update.changedMembers());
            } else {
                index.tombstone(commentId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing comment " + commentId + " failed", e);
        }
    }
}
