package org.kaimen.drafts.internal.parsing;

import java.util.List;
import java.util.Objects;

/**
 * One node of the provision tree.
 *
 * <p>Text ownership: every character of normative text is owned by exactly one node, so that
 * comments attached to a node never silently cover its children.
 * <ul>
 *   <li>PART/CHAPTER/SECTION: {@code heading} is the title ({@code 总则}, possibly empty);
 *       {@code text} is normally empty and only holds stray lines that followed the heading
 *       before the first article (each reported as {@link AnomalyType#ORPHAN_TEXT}).</li>
 *   <li>ARTICLE: {@code text} is always empty; the article's wording lives in its paragraphs.
 *       Every article has at least one paragraph.</li>
 *   <li>PARAGRAPH: the paragraph's own sentence(s); for paragraph 1 this is the text written on
 *       the article line after {@code 第X条}. It is empty when the article consists only of an
 *       item list.</li>
 *   <li>ITEM/SUBITEM: the text after the label {@code （一）} / {@code 1.}.</li>
 * </ul>
 *
 * <p>Numbering: headings and articles carry the number as written (so a skipped article keeps
 * its real number); paragraphs are numbered by position within their article; items and
 * sub-items carry their written label (which equals their position unless an
 * {@link AnomalyType#ITEM_OUT_OF_ORDER} was reported).
 *
 * @param kind     the level of this node
 * @param number   the number, see above
 * @param heading  the title for PART/CHAPTER/SECTION, {@code null} for every other kind
 * @param text     own text excluding children, never {@code null}
 * @param line     1-based line in the parsed source where this node starts (0 for synthetic nodes)
 * @param children child nodes in document order, unmodifiable
 */
public record ParsedProvision(ProvisionKind kind, int number, String heading, String text, int line,
                              List<ParsedProvision> children) {

    public ParsedProvision {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        if (kind.isHeading()) {
            heading = heading == null ? "" : heading;
        } else {
            heading = null;
        }
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The node's own text followed by all descendants' text, one line per node, in order. */
    public String fullText() {
        StringBuilder sb = new StringBuilder();
        appendFullText(sb);
        return sb.toString();
    }

    private void appendFullText(StringBuilder sb) {
        if (!text.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(text);
        }
        for (ParsedProvision child : children) {
            child.appendFullText(sb);
        }
    }

    /** Copy with every line number set to 0, for comparing trees parsed from different layouts. */
    public ParsedProvision withoutLines() {
        return new ParsedProvision(kind, number, heading, text, 0,
                children.stream().map(ParsedProvision::withoutLines).toList());
    }
}
