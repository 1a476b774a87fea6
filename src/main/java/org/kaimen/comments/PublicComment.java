package org.kaimen.comments;

import java.time.OffsetDateTime;

/**
 * A comment as the public and the open API see it: personal data inside the text masked, the author shown as 张**
 * or 匿名 (the name only with the author's consent), never a phone number or e-mail.
 */
public record PublicComment(long id, long draftId, Long provisionId, String provisionLabel, int version,
                            Stance stance, String text, String proposedText, String quote, Channel channel,
                            String author, int supports, Long parentId, OffsetDateTime createdAt) {
}
