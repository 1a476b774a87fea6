package org.kaimen.analysis.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.analysis.TopicService;
import org.kaimen.analysis.TopicsChanged;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.IndexableComment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes a draft's cluster ids into the index after its topics changed. It reads the current membership from
 * PostgreSQL, so a replay after an Elasticsearch outage writes the latest state, not a stale one.
 */
@Component
class TopicIndexer {

    private static final int PAGE = 1000;

    private final CommentService comments;
    private final TopicService topics;
    private final CommentIndex index;

    TopicIndexer(CommentService comments, TopicService topics, CommentIndex index) {
        this.comments = comments;
        this.topics = topics;
        this.index = index;
    }

    @ApplicationModuleListener
    void on(TopicsChanged e) {
        long after = 0;
        List<IndexableComment> page;
        try {
            do {
                page = comments.indexableOfDraft(e.draftId(), after, PAGE);
                List<Long> ids = page.stream().filter(c -> c.parentId() == null).map(IndexableComment::id).toList();
                Map<Long, List<Long>> clusters = topics.clusterIdsOf(ids);
                Map<Long, List<Long>> update = new LinkedHashMap<>();
                ids.forEach(id -> update.put(id, clusters.getOrDefault(id, List.of())));
                index.setClusters(update);
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
        } catch (IOException ex) {
            throw new UncheckedIOException("writing the cluster ids of draft " + e.draftId() + " failed", ex);
        }
    }
}
