package org.kaimen.comments;

import java.time.OffsetDateTime;

/**
 * What the search index may hold of a comment: the masked text only, no author details. {@code rowVersion} grows
 * with every change, so the index can refuse an older state arriving late.
 *
 * @param articleKey the article (a12) the comment's provision continues in, in the draft's current version
 * @param authorKey  an opaque key of the author (account or e-mail hash), for telling repeats from campaigns
 */
public record IndexableComment(long id, long draftId, int version, Long provisionId, String articleKey,
                               String provisionLabel, Stance stance, Channel channel, CommentStatus status,
                               String text, String proposedText, boolean hasProposal, Long parentId, int supports,
                               OffsetDateTime createdAt, long rowVersion, String authorKey, String disposition) {
}
