package org.kaimen.analysis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.comments.CommentChanged;
import org.kaimen.comments.CommentModerated;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with PostgreSQL. Each listener runs from the event publication registry after the
 * comment's transaction committed; when Elasticsearch is down it fails, the publication stays incomplete and is
 * resubmitted later, and external versioning makes every replay harmless.
 */
@Component
class CommentIndexer {

    private final CommentService comments;
    private final CommentIndex index;
    private final CampaignService campaigns;
    private final Embeddings embeddings;
    private final org.kaimen.analysis.TopicService topics;
    private final AnalysisMetrics metrics;

    CommentIndexer(CommentService comments, CommentIndex index, CampaignService campaigns, Embeddings embeddings,
                   org.kaimen.analysis.TopicService topics, AnalysisMetrics metrics) {
        this.metrics = metrics;
        this.topics = topics;
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

    void reindex(long commentId) {
        try {
            var comment = comments.indexable(commentId);
            if (comment.isPresent()) {
                CampaignService.Update update = metrics.campaignDetection(() -> campaigns.accept(comment.get()));
                // Joins its nearest topic (or the novel queue) before the write, so the document carries the ids.
                topics.accept(comment.get(), comment.get().status() == org.kaimen.comments.CommentStatus.HIDDEN
                        ? null : embeddings.forComment(commentId, comment.get().text()));
                index.put(comment.get(), update.campaignId());
                for (var member : update.changedMembers().entrySet()) {
                    if (member.getKey() != commentId) {
                        index.setCampaign(member.getKey(), member.getValue());
                    }
                }
                campaigns.confirm(comment.get().draftId(), update.changedMembers());
                // The vector comes last: the comment is already searchable by its words while it is computed.
                if (embeddings.stored(commentId, comment.get().text()).isEmpty()) {
                    index.setVector(commentId, embeddings.forComment(commentId, comment.get().text()));
                }
            } else {
                index.tombstone(commentId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing comment " + commentId + " failed", e);
        }
    }
}
