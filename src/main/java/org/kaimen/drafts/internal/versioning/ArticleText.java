package org.kaimen.drafts.internal.versioning;

import java.util.List;
import java.util.Objects;

/**
 * One article (条) of one version of a draft, as produced by the parser.
 *
 * @param key          stable identifier: carried over from the old version, or freshly minted.
 *                     The matcher treats keys as opaque and never matches on them.
 * @param number       the article number (第X条) in this version
 * @param chapterTitle the heading of the enclosing chapter (e.g. "第二章 业主自治管理"), or null
 * @param paragraphs   paragraphs (款) and items (项) in reading order; items keep their （一） marker
 */
public record ArticleText(String key, int number, String chapterTitle, List<String> paragraphs) {

    public ArticleText {
        Objects.requireNonNull(key, "key");
        paragraphs = List.copyOf(Objects.requireNonNull(paragraphs, "paragraphs"));
    }

    /** The article body with paragraphs separated by line feeds, as diffed and displayed. */
    public String text() {
        return String.join("\n", paragraphs);
    }
}
