package org.kaimen.analysis;

import java.time.LocalDate;

/**
 * A clerk's search over the comments of one draft. Null fields do not filter.
 *
 * @param sort RELEVANCE (default with a query), NEWEST, OLDEST or SUPPORTS
 */
public record CommentSearch(long draftId, String query, Integer version, String articleKey, String stance,
                            String channel, String status, LocalDate from, LocalDate to, Boolean hasProposal,
                            Long campaignId, Long clusterId, String sort, int page, int size) {

    public static CommentSearch of(long draftId, String query) {
        return new CommentSearch(draftId, query, null, null, null, null, null, null, null, null, null, null, null, 0,
                20);
    }
}
