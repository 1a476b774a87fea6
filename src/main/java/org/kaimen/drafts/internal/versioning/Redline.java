package org.kaimen.drafts.internal.versioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.kaimen.drafts.internal.versioning.VersionMapping.ArticleMapping;
import org.kaimen.drafts.internal.versioning.VersionMapping.ParagraphLink;
import org.kaimen.drafts.internal.versioning.VersionMapping.Status;

/**
 * Per-article change list for the diff view: rows follow the new version, and each deleted
 * article is shown right after the surviving article that preceded it in the old version, which
 * is where a reader comparing the two texts expects to find it.
 */
public final class Redline {

    private final CharDiff charDiff;

    public Redline() {
        this(new CharDiff());
    }

    public Redline(CharDiff charDiff) {
        this.charDiff = Objects.requireNonNull(charDiff, "charDiff");
    }

    public static List<ArticleChange> of(VersionMapping mapping) {
        return new Redline().changes(mapping);
    }

    public List<ArticleChange> changes(VersionMapping mapping) {
        List<ArticleText> olds = mapping.oldVersion();
        List<ArticleText> news = mapping.newVersion();
        Map<String, Integer> oldIndex = indexByKey(olds);
        Map<String, Integer> newIndex = indexByKey(news);
        List<ArticleMapping> fates = mapping.articles();

        record Row(int anchor, int tier, int position, ArticleChange change) {
        }
        List<Row> rows = new ArrayList<>();

        for (int j = 0; j < news.size(); j++) {
            ArticleText article = news.get(j);
            List<String> origins = mapping.originsOf(article.key());
            ArticleChange change;
            if (origins.isEmpty()) {
                change = new ArticleChange(EnumSet.of(ChangeType.INSERTED), null, null, article.key(), article.number(),
                        charDiff.diff("", article.text()), List.of());
            } else {
                ArticleMapping first = fates.get(oldIndex.get(origins.get(0)));
                ArticleText firstOld = olds.get(oldIndex.get(origins.get(0)));
                change = switch (first.status()) {
                    case MATCHED -> matched(first, firstOld, article);
                    case SPLIT -> splitPart(first, firstOld, article);
                    case MERGED -> merged(first, origins, olds, oldIndex, article);
                    case DELETED -> throw new IllegalStateException("deleted article has a successor: " + first.oldKey());
                };
            }
            rows.add(new Row(j, 0, j, change));
        }

        for (int i = 0; i < fates.size(); i++) {
            ArticleMapping fate = fates.get(i);
            if (fate.status() != Status.DELETED) {
                continue;
            }
            ArticleText old = olds.get(i);
            int anchor = -1;
            for (int k = i - 1; k >= 0; k--) {
                ArticleMapping before = fates.get(k);
                // A moved neighbour no longer marks the deleted article's old place.
                if (before.status() != Status.DELETED && !before.moved()) {
                    for (String key : before.newKeys()) {
                        anchor = Math.max(anchor, newIndex.get(key));
                    }
                    break;
                }
            }
            ArticleChange change = new ArticleChange(EnumSet.of(ChangeType.DELETED), old.key(), old.number(), null, null,
                    charDiff.diff(old.text(), ""), List.of());
            rows.add(new Row(anchor, 1, i, change));
        }

        rows.sort(Comparator.comparingInt(Row::anchor).thenComparingInt(Row::tier).thenComparingInt(Row::position));
        return rows.stream().map(Row::change).toList();
    }

    private ArticleChange matched(ArticleMapping fate, ArticleText old, ArticleText article) {
        List<DiffOp> ops = charDiff.diff(old.text(), article.text());
        Set<ChangeType> types = EnumSet.noneOf(ChangeType.class);
        addCommonFlags(types, fate, ops);
        if (types.isEmpty()) {
            types.add(ChangeType.UNCHANGED);
        }
        return new ArticleChange(types, old.key(), old.number(), article.key(), article.number(), ops, List.of());
    }

    /** Shows each part against the old paragraphs that went into it, not against the whole. */
    private ArticleChange splitPart(ArticleMapping fate, ArticleText old, ArticleText part) {
        List<String> fromOld = new ArrayList<>();
        String owner = fate.newKeys().get(0);
        for (ParagraphLink link : fate.paragraphs()) {
            // Deleted paragraphs stay with the part that holds the paragraph before them.
            if (!link.isDeleted()) {
                owner = link.newKey();
            }
            if (owner.equals(part.key())) {
                fromOld.add(old.paragraphs().get(link.oldIndex()));
            }
        }
        List<DiffOp> ops = charDiff.diff(String.join("\n", fromOld), part.text());
        Set<ChangeType> types = EnumSet.of(ChangeType.SPLIT);
        addCommonFlags(types, fate, ops);
        if (part.number() != old.number()) {
            types.add(ChangeType.RENUMBERED);
        }
        return new ArticleChange(types, old.key(), old.number(), part.key(), part.number(), ops, List.of());
    }

    private ArticleChange merged(ArticleMapping first, List<String> origins, List<ArticleText> olds,
                                 Map<String, Integer> oldIndex, ArticleText article) {
        List<String> texts = new ArrayList<>();
        for (String key : origins) {
            texts.add(olds.get(oldIndex.get(key)).text());
        }
        List<DiffOp> ops = charDiff.diff(String.join("\n", texts), article.text());
        Set<ChangeType> types = EnumSet.of(ChangeType.MERGED);
        addCommonFlags(types, first, ops);
        return new ArticleChange(types, first.oldKey(), first.oldNumber(), article.key(), article.number(), ops, origins);
    }

    private static void addCommonFlags(Set<ChangeType> types, ArticleMapping fate, List<DiffOp> ops) {
        if (ops.stream().anyMatch(op -> op.kind() != DiffOp.Kind.EQUAL)) {
            types.add(ChangeType.MODIFIED);
        }
        if (fate.renumbered()) {
            types.add(ChangeType.RENUMBERED);
        }
        if (fate.moved()) {
            types.add(ChangeType.MOVED);
        }
    }

    private static Map<String, Integer> indexByKey(List<ArticleText> articles) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            index.put(articles.get(i).key(), i);
        }
        return index;
    }
}
