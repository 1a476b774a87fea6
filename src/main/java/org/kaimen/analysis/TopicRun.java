package org.kaimen.analysis;

import java.time.OffsetDateTime;

/** When a scope's topics were last computed, over how many comments, and how long it took. */
public record TopicRun(String scope, int comments, long millis, OffsetDateTime computedAt) {
}
