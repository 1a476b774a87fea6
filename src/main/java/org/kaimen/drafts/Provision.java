package org.kaimen.drafts;

import java.util.List;

/**
 * One provision of one version. {@code id} is what a comment points at; {@code key} (a12.p2.i3) is the stable
 * link within a version; {@code label} the citation (第十二条第二款第（三）项). Headings carry their title in
 * {@code heading}; an article's wording lives in its paragraphs.
 */
public record Provision(long id, Kind kind, int number, String key, String label, String heading, String text,
                        List<Provision> children) {

    public enum Kind { PART, CHAPTER, SECTION, ARTICLE, PARAGRAPH, ITEM, SUBITEM;

        public boolean isHeading() {
            return this == PART || this == CHAPTER || this == SECTION;
        }
    }

    /** The provision with this key anywhere in a tree, or null. */
    public static Provision find(List<Provision> nodes, String key) {
        for (Provision p : nodes) {
            if (p.key().equals(key)) {
                return p;
            }
            Provision inChild = find(p.children(), key);
            if (inChild != null) {
                return inChild;
            }
        }
        return null;
    }

    /** Own text and every descendant's, one line each, items with their （一） marker. */
    public String fullText() {
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    /** The text as printed: items carry their （一） marker and sub-items their 1. number. */
    public String displayText() {
        return switch (kind) {
            case ITEM -> "（" + org.kaimen.drafts.internal.parsing.ChineseNumerals.format(number) + "）" + text;
            case SUBITEM -> number + "．" + text;
            default -> text;
        };
    }

    private void append(StringBuilder sb) {
        String own = displayText();
        if (!own.isEmpty() && !kind.isHeading()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(own);
        }
        children.forEach(c -> c.append(sb));
    }
}
