package org.kaimen.drafts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.VersionDiff;
import org.kaimen.drafts.internal.versioning.ArticleChange;
import org.kaimen.drafts.internal.versioning.ArticleText;
import org.kaimen.drafts.internal.versioning.CharDiff;
import org.kaimen.drafts.internal.versioning.DiffOp;
import org.kaimen.drafts.internal.versioning.ProvisionMatcher;
import org.kaimen.drafts.internal.versioning.Redline;
import org.kaimen.drafts.internal.versioning.VersionMapping;
import org.springframework.stereotype.Component;

/**
 * Connects two versions: which provision of the new version continues which of the old (stored as links, so that
 * comments follow their provision through renumbering and moves), and the per-article redline.
 */
@Component
public class VersionLinker {

    /** An article with its chapter and its paragraphs, items and sub-items flattened in reading order. */
    record Article(Provision article, String chapterTitle, List<Provision> entries) {

        ArticleText text() {
            return new ArticleText(article.key(), article.number(), chapterTitle,
                    entries.stream().map(Provision::displayText).toList());
        }
    }

    private final CharDiff charDiff = new CharDiff();
    private final ProvisionMatcher matcher = new ProvisionMatcher(charDiff);
    private final Redline redline = new Redline(charDiff);
    private final DraftRepository drafts;

    VersionLinker(DraftRepository drafts) {
        this.drafts = drafts;
    }

    /** Writes the links from every old provision to its continuation in the new version. */
    public void link(List<Provision> oldTree, List<Provision> newTree) {
        List<Article> oldArticles = articles(oldTree);
        List<Article> newArticles = articles(newTree);
        Map<String, Article> oldByKey = byKey(oldArticles);
        Map<String, Article> newByKey = byKey(newArticles);
        VersionMapping mapping = map(oldArticles, newArticles);
        for (VersionMapping.ArticleMapping m : mapping.articles()) {
            Article old = oldByKey.get(m.oldKey());
            for (String newKey : m.newKeys()) {
                drafts.link(old.article().id(), newByKey.get(newKey).article().id(), m.similarity());
            }
            for (VersionMapping.ParagraphLink p : m.paragraphs()) {
                if (p.isDeleted() || p.oldIndex() >= old.entries().size()) {
                    continue;
                }
                Article target = newByKey.get(p.newKey());
                if (target != null && p.newIndex() >= 0 && p.newIndex() < target.entries().size()) {
                    drafts.link(old.entries().get(p.oldIndex()).id(), target.entries().get(p.newIndex()).id(),
                            p.similarity());
                }
            }
        }
        linkHeadings(oldTree, newTree);
    }

    public VersionDiff diff(long draftId, int version, List<Provision> oldTree, List<Provision> newTree) {
        List<Article> oldArticles = articles(oldTree);
        List<Article> newArticles = articles(newTree);
        Map<String, Article> oldByKey = byKey(oldArticles);
        Map<String, Article> newByKey = byKey(newArticles);
        List<VersionDiff.ArticleChange> changes = new ArrayList<>();
        for (ArticleChange c : redline.changes(map(oldArticles, newArticles))) {
            List<DiffOp> ops = c.ops();
            changes.add(new VersionDiff.ArticleChange(c.type().name(),
                    c.types().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(
                            LinkedHashSet::new)),
                    c.oldKey(), c.oldNumber(), label(oldByKey, c.oldKey()),
                    c.newKey(), c.newNumber(), label(newByKey, c.newKey()),
                    c.mergedOldKeys() == null ? List.of() : c.mergedOldKeys(),
                    ops.stream().map(o -> new VersionDiff.Segment(o.kind().name(), o.text())).toList(),
                    CharDiff.toHtml(ops)));
        }
        return new VersionDiff(draftId, version, version - 1, changes);
    }

    private VersionMapping map(List<Article> oldArticles, List<Article> newArticles) {
        return matcher.match(oldArticles.stream().map(Article::text).toList(),
                newArticles.stream().map(Article::text).toList());
    }

    /** Chapters and sections continue under the same title, else under the same number. */
    private void linkHeadings(List<Provision> oldTree, List<Provision> newTree) {
        List<Provision> oldHeadings = headings(oldTree, new ArrayList<>());
        List<Provision> newHeadings = headings(newTree, new ArrayList<>());
        for (Provision old : oldHeadings) {
            Optional<Provision> sameTitle = newHeadings.stream()
                    .filter(n -> n.kind() == old.kind() && normalize(n.heading()).equals(normalize(old.heading())))
                    .findFirst();
            Optional<Provision> target = sameTitle.isPresent() ? sameTitle : newHeadings.stream()
                    .filter(n -> n.kind() == old.kind() && n.key().equals(old.key())).findFirst();
            target.ifPresent(n -> drafts.link(old.id(), n.id(), sameTitle.isPresent() ? 1.0 : 0.5));
        }
    }

    private static List<Provision> headings(List<Provision> nodes, List<Provision> out) {
        for (Provision p : nodes) {
            if (p.kind().isHeading()) {
                out.add(p);
                headings(p.children(), out);
            }
        }
        return out;
    }

    static List<Article> articles(List<Provision> roots) {
        List<Article> out = new ArrayList<>();
        collect(roots, null, out);
        return out;
    }

    private static void collect(List<Provision> nodes, String chapter, List<Article> out) {
        for (Provision p : nodes) {
            if (p.kind() == Provision.Kind.ARTICLE) {
                List<Provision> entries = new ArrayList<>();
                flatten(p.children(), entries);
                out.add(new Article(p, chapter, entries));
            } else if (p.kind().isHeading()) {
                String title = p.kind() == Provision.Kind.CHAPTER ? p.label() + " " + p.heading() : chapter;
                collect(p.children(), title, out);
            }
        }
    }

    private static void flatten(List<Provision> nodes, List<Provision> out) {
        for (Provision p : nodes) {
            out.add(p);
            flatten(p.children(), out);
        }
    }

    private static Map<String, Article> byKey(List<Article> articles) {
        Map<String, Article> map = new HashMap<>();
        articles.forEach(a -> map.putIfAbsent(a.article().key(), a));
        return map;
    }

    private static String label(Map<String, Article> byKey, String key) {
        return key == null || !byKey.containsKey(key) ? null : byKey.get(key).article().label();
    }

    private static String normalize(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }
}
