package org.kaimen.comments.internal.importing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A comment row that passed every check. Optional values that were blank are {@code null}.
 *
 * @param row          1-based row number in the file, for tracing the comment back to the paper
 * @param channel      how the comment arrived
 * @param station      the liaison station; always present for {@link Channel#LIAISON_STATION}
 * @param provision    the cited provision, or {@code null} for a comment on the draft as a whole
 * @param stance       what the commenter wants
 * @param text         the comment, trimmed, 1 to 5,000 characters, verbatim otherwise (a leading = + - @ is kept)
 * @param proposedText proposed wording, at most 5,000 characters
 * @param name         commenter's name (personal data)
 * @param phone        commenter's phone, full-width digits folded to ASCII (personal data)
 * @param email        commenter's e-mail, full-width characters folded to ASCII (personal data)
 * @param received     the day the comment reached the committee
 */
public record ImportedComment(
        int row,
        Channel channel,
        String station,
        ProvisionCitation provision,
        Stance stance,
        String text,
        String proposedText,
        String name,
        String phone,
        String email,
        LocalDate received) {

    public ImportedComment {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(text, "text");
    }
}
