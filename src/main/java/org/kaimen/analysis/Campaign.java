package org.kaimen.analysis;

import java.util.List;

/** A form-letter campaign: near-identical comments shown as one card, with the template text. */
public record Campaign(long id, int size, String canonicalText, List<Long> commentIds) {
}
