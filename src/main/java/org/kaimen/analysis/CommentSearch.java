package org.kaimen.analysis;

import java.time.LocalDate;

/**
 * A clerk's search over the comments of one draft. Null fields do not filter.
 *
 * @param sort     RELEVANCE (default with a query), NEWEST, OLDEST or SUPPORTS
 * @param semantic also find comments that say the same in other words (sentence vectors, kNN)
 */
public record CommentSearch(long draftId, String query, Integer version, String articleKey, String stance,
                            String channel, String status, LocalDate from, LocalDate to, Boolean hasProposal,
                            Long campaignId, Long clusterId, String sort, int page, int size, boolean semantic) {

    public CommentSearch(long draftId, String query, Integer version, String articleKey, String stance,
                         String channel, String status, LocalDate from, LocalDate to, Boolean hasProposal,
                         Long campaignId, Long clusterId, String sort, int page, int size) {
        this(draftId, query, version, articleKey, stance, channel, status, from, to, hasProposal, campaignId,
                clusterId, sort, page, size, false);
    }

    public CommentSearch withSemantic(boolean on) {
        return new CommentSearch(draftId, query, version, articleKey, stance, channel, status, from, to, hasProposal,
                campaignId, clusterId, sort, page, size, on);
    }

    public static CommentSearch of(long draftId, String query) {
        return new CommentSearch(draftId, query, null, null, null, null, null, null, null, null, null, null, null, 0,
                20);
    }
}
