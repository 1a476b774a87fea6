package org.kaimen.drafts.internal.versioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every provision of version n-1 went in version n. Produced by {@link ProvisionMatcher};
 * used to carry comments over to the new version and to build the {@link Redline}.
 */
public final class VersionMapping {

    public enum Status {
        /** One old article became one new article (possibly edited, renumbered or moved). */
        MATCHED,
        /** One old article was divided between several new articles. */
        SPLIT,
        /** Several old articles were combined into one new article. */
        MERGED,
        /** Nothing in the new version derives from the old article. */
        DELETED
    }

    /**
     * Where one old paragraph (or item) went. {@code newKey} is null when it was deleted.
     * Several old paragraphs may point to the same new paragraph when the drafters merged them.
     */
    public record ParagraphLink(int oldIndex, String newKey, int newIndex, double similarity) {

        public static ParagraphLink deleted(int oldIndex) {
            return new ParagraphLink(oldIndex, null, -1, 0.0);
        }

        public boolean isDeleted() {
            return newKey == null;
        }
    }

    /**
     * The fate of one old article.
     *
     * @param newKeys        MATCHED: the new article; SPLIT: the parts in new-version order;
     *                       MERGED: the combined article; DELETED: empty
     * @param similarity     character-level similarity in [0, 1] between the old text and the
     *                       new text (all parts of a split; all sources of a merge, in old order)
     * @param renumbered     the (first) new article's number differs from the old number
     * @param moved          the article left its chapter, or changed place relative to the other
     *                       articles beyond what insertions and deletions explain
     * @param chapterChanged the article now sits in a chapter other than its old chapter's successor
     * @param paragraphs     one link per old paragraph, indexed by old paragraph index
     */
    public record ArticleMapping(
            String oldKey,
            int oldNumber,
            Status status,
            List<String> newKeys,
            double similarity,
            boolean renumbered,
            boolean moved,
            boolean chapterChanged,
            List<ParagraphLink> paragraphs) {

        public ArticleMapping {
            Objects.requireNonNull(oldKey, "oldKey");
            Objects.requireNonNull(status, "status");
            newKeys = List.copyOf(newKeys);
            paragraphs = List.copyOf(paragraphs);
        }

        /** The single new key of a MATCHED or MERGED article. */
        public Optional<String> newKey() {
            return status == Status.MATCHED || status == Status.MERGED ? Optional.of(newKeys.get(0)) : Optional.empty();
        }
    }

    /** A paragraph of a surviving (non-inserted) new article that has no origin in the old one. */
    public record InsertedParagraph(String newKey, int newIndex) {
    }

    private final List<ArticleText> oldVersion;
    private final List<ArticleText> newVersion;
    private final List<ArticleMapping> articles;
    private final List<String> insertedArticles;
    private final List<InsertedParagraph> insertedParagraphs;
    private final Map<String, ArticleMapping> byOldKey = new LinkedHashMap<>();
    private final Map<String, List<String>> originsByNewKey = new LinkedHashMap<>();

    VersionMapping(
            List<ArticleText> oldVersion,
            List<ArticleText> newVersion,
            List<ArticleMapping> articles,
            List<String> insertedArticles,
            List<InsertedParagraph> insertedParagraphs) {
        this.oldVersion = List.copyOf(oldVersion);
        this.newVersion = List.copyOf(newVersion);
        this.articles = List.copyOf(articles);
        this.insertedArticles = List.copyOf(insertedArticles);
        this.insertedParagraphs = List.copyOf(insertedParagraphs);
        for (ArticleMapping article : articles) {
            byOldKey.put(article.oldKey(), article);
            for (String newKey : article.newKeys()) {
                originsByNewKey.computeIfAbsent(newKey, k -> new ArrayList<>()).add(article.oldKey());
            }
        }
        originsByNewKey.replaceAll((k, v) -> List.copyOf(v));
    }

    public List<ArticleText> oldVersion() {
        return oldVersion;
    }

    public List<ArticleText> newVersion() {
        return newVersion;
    }

    /** One entry per old article, in old-version order. */
    public List<ArticleMapping> articles() {
        return articles;
    }

    public Optional<ArticleMapping> article(String oldKey) {
        return Optional.ofNullable(byOldKey.get(oldKey));
    }

    /** New articles with no origin in the old version, in new-version order. */
    public List<String> insertedArticles() {
        return insertedArticles;
    }

    public List<InsertedParagraph> insertedParagraphs() {
        return insertedParagraphs;
    }

    /** Old articles that flowed into a new article, in old-version order; empty if inserted. */
    public List<String> originsOf(String newKey) {
        return originsByNewKey.getOrDefault(newKey, Collections.emptyList());
    }

    /** Where a comment made on old paragraph {@code oldIndex} of {@code oldKey} now belongs. */
    public Optional<ParagraphLink> paragraph(String oldKey, int oldIndex) {
        ArticleMapping article = byOldKey.get(oldKey);
        if (article == null || oldIndex < 0 || oldIndex >= article.paragraphs().size()) {
            return Optional.empty();
        }
        return Optional.of(article.paragraphs().get(oldIndex));
    }
}
