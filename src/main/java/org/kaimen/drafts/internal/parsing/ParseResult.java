package org.kaimen.drafts.internal.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Result of {@link DraftParser#parse(String)}.
 *
 * @param title     the document title without markup; empty if the text has none
 * @param preamble  lines between the title and the first heading or article (adoption dates,
 *                  promulgation notes), without a table of contents
 * @param roots     top-level provisions: parts, or chapters, or articles when the text has no
 *                  headings
 * @param counts    number of provisions per kind, computed from {@code roots}
 * @param anomalies irregularities in document order
 */
public record ParseResult(String title, List<String> preamble, List<ParsedProvision> roots,
                          Counts counts, List<Anomaly> anomalies) {

    public ParseResult {
        title = title == null ? "" : title;
        preamble = preamble == null ? List.of() : List.copyOf(preamble);
        roots = roots == null ? List.of() : List.copyOf(roots);
        if (counts == null) {
            counts = Counts.of(roots);
        }
        anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
    }

    /** Result for a tree, with counts computed from it. */
    public static ParseResult of(String title, List<String> preamble, List<ParsedProvision> roots,
                                 List<Anomaly> anomalies) {
        return new ParseResult(title, preamble, roots, Counts.of(roots == null ? List.of() : roots),
                anomalies);
    }

    /**
     * Whether the text is a draft regulation at all: it must contain at least one 第X条 article.
     * A news item or an empty upload is not, and importing it would produce an empty shell, so
     * the importer refuses such texts.
     */
    public boolean isDraft() {
        return counts.articles() > 0;
    }

    /** All articles in document order, whatever headings they sit under. */
    public List<ParsedProvision> articles() {
        List<ParsedProvision> out = new ArrayList<>();
        collectArticles(roots, out);
        return out;
    }

    private static void collectArticles(List<ParsedProvision> nodes, List<ParsedProvision> out) {
        for (ParsedProvision node : nodes) {
            if (node.kind() == ProvisionKind.ARTICLE) {
                out.add(node);
            } else if (node.kind().isHeading()) {
                collectArticles(node.children(), out);
            }
        }
    }

    /** Copy with all line numbers zeroed, for comparing structure independently of layout. */
    public ParseResult withoutLines() {
        return new ParseResult(title, preamble,
                roots.stream().map(ParsedProvision::withoutLines).toList(), counts, anomalies);
    }
}
