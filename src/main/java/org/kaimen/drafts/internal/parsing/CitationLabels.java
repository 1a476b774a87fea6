package org.kaimen.drafts.internal.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human citation labels and stable machine keys for provisions.
 *
 * <h2>Labels</h2>
 * The way Chinese legal texts cite provisions: {@code 第二章}, {@code 第二章第一节},
 * {@code 第十二条}, {@code 第十二条第二款}, {@code 第十二条第二款第（三）项},
 * {@code 第十二条第二款第（三）项第1目}. Chapters inside a part are prefixed with the part
 * ({@code 第一编第二章}) because chapter numbers restart in every part. The 款 is always named,
 * even for a single-paragraph article, so that a label never depends on sibling paragraphs.
 *
 * <h2>Keys</h2>
 * Dot-separated segments, each a letter code and the provision's number:
 * <table>
 *   <caption>Key segments</caption>
 *   <tr><td>{@code pt}N</td><td>编 (part)</td></tr>
 *   <tr><td>{@code c}N</td><td>章 (chapter)</td></tr>
 *   <tr><td>{@code s}N after a chapter/part</td><td>节 (section)</td></tr>
 *   <tr><td>{@code a}N</td><td>条 (article)</td></tr>
 *   <tr><td>{@code p}N</td><td>款 (paragraph, by position)</td></tr>
 *   <tr><td>{@code i}N</td><td>项 (item)</td></tr>
 *   <tr><td>{@code s}N after an item</td><td>目 (sub-item)</td></tr>
 * </table>
 * Examples: {@code c2}, {@code c2.s1}, {@code pt1.c2}, {@code a12}, {@code a12.p2},
 * {@code a12.p2.i3}, {@code a12.p2.i3.s1}. Article keys deliberately omit the chapter: articles
 * are numbered continuously through a document, so {@code a12} identifies the article on its
 * own and stays the same when chapters are reorganised between versions of a draft. Keys are
 * unique within a document unless the text itself repeats a number (reported by the parser as
 * {@link AnomalyType#REPEATED_ARTICLE_NUMBER} and the like); {@link #index(List)} then keeps the
 * first provision.
 */
public final class CitationLabels {

    /** A provision together with its key, label and path from the root. */
    public record Citation(String key, String label, List<ParsedProvision> path) {
        public Citation {
            path = List.copyOf(path);
        }

        public ParsedProvision provision() {
            return path.get(path.size() - 1);
        }
    }

    private CitationLabels() {
    }

    /** {@code 第一编}, {@code 第二章}, {@code 第三节} for a heading kind. */
    public static String headingLabel(ProvisionKind kind, int number) {
        String unit = switch (kind) {
            case PART -> "编";
            case CHAPTER -> "章";
            case SECTION -> "节";
            default -> throw new IllegalArgumentException("Not a heading kind: " + kind);
        };
        return "第" + ChineseNumerals.format(number) + unit;
    }

    /**
     * Label of an article-level provision given by numbers; 0 (or less) means "not given" for
     * paragraph, item and sub-item, which must be given from left to right.
     */
    public static String label(int article, int paragraph, int item, int subitem) {
        StringBuilder sb = new StringBuilder("第").append(ChineseNumerals.format(article)).append('条');
        if (paragraph > 0) {
            sb.append('第').append(ChineseNumerals.format(paragraph)).append('款');
            if (item > 0) {
                sb.append("第（").append(ChineseNumerals.format(item)).append("）项");
                if (subitem > 0) {
                    sb.append('第').append(subitem).append('目');
                }
            }
        }
        return sb.toString();
    }

    /** Key of an article-level provision given by numbers; see {@link #label(int, int, int, int)}. */
    public static String key(int article, int paragraph, int item, int subitem) {
        StringBuilder sb = new StringBuilder("a").append(article);
        if (paragraph > 0) {
            sb.append(".p").append(paragraph);
            if (item > 0) {
                sb.append(".i").append(item);
                if (subitem > 0) {
                    sb.append(".s").append(subitem);
                }
            }
        }
        return sb.toString();
    }

    /**
     * Label for the last provision of {@code path}, a chain of provisions from a root down to it
     * (each the parent of the next). Headings above an article do not appear in its label.
     */
    public static String label(List<ParsedProvision> path) {
        requirePath(path);
        StringBuilder sb = new StringBuilder();
        for (ParsedProvision p : relevant(path)) {
            switch (p.kind()) {
                case PART, CHAPTER, SECTION -> sb.append(headingLabel(p.kind(), p.number()));
                case ARTICLE -> sb.append('第').append(ChineseNumerals.format(p.number())).append('条');
                case PARAGRAPH -> sb.append('第').append(ChineseNumerals.format(p.number())).append('款');
                case ITEM -> sb.append("第（").append(ChineseNumerals.format(p.number())).append("）项");
                case SUBITEM -> sb.append('第').append(p.number()).append('目');
            }
        }
        return sb.toString();
    }

    /** Machine key for the last provision of {@code path}; see the class documentation. */
    public static String key(List<ParsedProvision> path) {
        requirePath(path);
        StringBuilder sb = new StringBuilder();
        for (ParsedProvision p : relevant(path)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(switch (p.kind()) {
                case PART -> "pt";
                case CHAPTER -> "c";
                case SECTION, SUBITEM -> "s";
                case ARTICLE -> "a";
                case PARAGRAPH -> "p";
                case ITEM -> "i";
            }).append(p.number());
        }
        return sb.toString();
    }

    /** Every provision of the tree with its key and label, in document order. */
    public static List<Citation> citations(List<ParsedProvision> roots) {
        List<Citation> out = new ArrayList<>();
        List<ParsedProvision> path = new ArrayList<>();
        for (ParsedProvision root : roots) {
            walk(root, path, out);
        }
        return out;
    }

    /** Provisions by key, in document order; on a repeated key the first provision wins. */
    public static Map<String, ParsedProvision> index(List<ParsedProvision> roots) {
        Map<String, ParsedProvision> index = new LinkedHashMap<>();
        for (Citation c : citations(roots)) {
            index.putIfAbsent(c.key(), c.provision());
        }
        return index;
    }

    private static void walk(ParsedProvision node, List<ParsedProvision> path, List<Citation> out) {
        path.add(node);
        out.add(new Citation(key(path), label(path), path));
        for (ParsedProvision child : node.children()) {
            walk(child, path, out);
        }
        path.remove(path.size() - 1);
    }

    /** Articles and below are cited without the headings above them. */
    private static List<ParsedProvision> relevant(List<ParsedProvision> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).kind() == ProvisionKind.ARTICLE) {
                return path.subList(i, path.size());
            }
        }
        return path;
    }

    private static void requirePath(List<ParsedProvision> path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("Empty provision path");
        }
    }
}
