package org.kaimen.analysis;

import java.time.Duration;

/**
 * How far the search index is behind PostgreSQL: {@code backlog} events not yet indexed, the oldest of them
 * {@code lag} old; document and comment counts; whether the node answers.
 */
public record IndexStatus(boolean reachable, String index, long documents, long comments, long backlog, Duration lag,
                          boolean outdated, boolean rebuilding) {
}
