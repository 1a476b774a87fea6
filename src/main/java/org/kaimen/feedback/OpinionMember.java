package org.kaimen.feedback;

import java.time.OffsetDateTime;
import org.kaimen.comments.Channel;
import org.kaimen.comments.Stance;

/** A comment of an opinion as the desk shows it (public text: contact data masked). */
public record OpinionMember(long commentId, String articleKey, String provisionLabel, Stance stance, Channel channel,
                            String text, OffsetDateTime createdAt) {
}
