package org.kaimen.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Hits with highlights (HTML: the text escaped, matches in {@code <mark>}) and facet counts per field
 * (stance, channel, status, articleKey).
 */
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets, long tookMillis) {

    public record Hit(long id, long draftId, Long provisionId, String articleKey, String provisionLabel, String stance,
                      String channel, String status, String text, String highlight, boolean hasProposal,
                      int supports, OffsetDateTime createdAt, Long campaignId, Long clusterId) {
    }
}
