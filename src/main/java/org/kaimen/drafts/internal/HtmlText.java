package org.kaimen.drafts.internal;

/** A draft's text (never trusted: it comes from whoever imported it) written into HTML that we build. */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Appends {@code text} escaped for character data or a double-quoted attribute value: nothing in it can open a
     * tag, start an entity or end the value.
     */
    public static void escapeInto(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case '\0' -> html.append('\uFFFD');
                default -> html.append(c);
            }
        }
    }
}
