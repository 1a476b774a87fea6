package org.kaimen.comments;

import java.time.LocalDate;
import java.util.Map;

/** Published top-level comments of a draft, counted four ways. {@code byArticle} is keyed a12 in the current version. */
public record CommentStats(long total, Map<Stance, Long> byStance, Map<Channel, Long> byChannel,
                           Map<LocalDate, Long> byDay, Map<String, Long> byArticle, Map<String, String> articleLabels) {
}
