package org.kaimen.analysis;

import java.time.OffsetDateTime;

/**
 * A comment far from every topic of its draft: possibly a new argument, read first. {@code similarity} is its
 * centred cosine to the nearest topic (lower is more novel).
 */
public record NovelComment(long commentId, String articleKey, String provisionLabel, String text, double similarity,
                           OffsetDateTime createdAt, boolean seen) {
}
