package org.kaimen.feedback;

import java.time.OffsetDateTime;
import org.kaimen.comments.Channel;
import org.kaimen.comments.Stance;

/**
 * One comment of a draft with the opinion it was merged into, as the spreadsheet exports of the adoption report list
 * it (意见汇总表). Never the author.
 *
 * @param provisionLabel the provision commented on (第十二条第二款), null for the draft as a whole
 * @param text           the public text (contact data masked); null where the public may not read it (see
 *                       {@link FeedbackService#rows(long)})
 * @param opinionId      null while the comment is in no opinion (only in a staff preview)
 */
public record CommentRow(long commentId, OffsetDateTime createdAt, Channel channel, Stance stance, String articleKey,
                         String provisionLabel, String text, Long opinionId, String opinionSummary,
                         Disposition disposition, String reason) {
}
