package org.kaimen.experts;

import org.kaimen.comments.Stance;

/** An expert's opinion on one provision (null: the draft as a whole). */
public record OpinionEntry(Long provisionId, Stance stance, String text, String proposedText) {
}
