package org.kaimen.analysis;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Hits with highlights (HTML: the text escaped, matches in {@code <mark>}) and facet counts per field
 * (stance, channel, status, articleKey). Past {@code 10,000} matches in a large draft the total and the facet counts
 * are estimates ({@code totalExact} false), counted over a fixed slice of the draft and scaled up.
 */
public record SearchResult(long total, boolean totalExact, List<Hit> hits, Map<String, Map<String, Long>> facets,
                           long tookMillis) {

    public record Hit(long id, long draftId, Long provisionId, String articleKey, String provisionLabel, String stance,
                      String channel, String status, String text, String highlight, boolean hasProposal,
                      int supports, OffsetDateTime createdAt, Long campaignId, Long clusterId) {
    }
}
