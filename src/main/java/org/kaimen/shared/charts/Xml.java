package org.kaimen.shared.charts;

/**
 * Escaping and cleaning of text that ends up in the SVG. Labels come from user-controlled draft
 * titles, so everything is treated as hostile: markup characters are escaped and characters that
 * XML 1.0 forbids (which would make the whole page fail to parse) are replaced.
 */
final class Xml {

    static final char REPLACEMENT = '\uFFFD';

    private Xml() {
    }

    /**
     * Normalises a label for display: control characters and line breaks become spaces (SVG text
     * is single-line anyway), runs of spaces collapse, illegal code units become U+FFFD.
     */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escapeText(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(s, out, false);
        return out.toString();
    }

    static void escapeText(String s, StringBuilder out) {
        escape(s, out, false);
    }

    static void escapeAttribute(String s, StringBuilder out) {
        escape(s, out, true);
    }

    /** True when {@code s} can be written without any replacement (used to reject hrefs). */
    static boolean isLegal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!isLegalSingle(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLegalSingle(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }

    private static void escape(String s, StringBuilder out, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                // '>' is escaped everywhere so that "]]>" can never appear in character data.
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                // Numeric form because &apos; is not an HTML 4 entity and SVG may be inlined in HTML.
                case '\'' -> out.append("&#39;");
                // Parsers normalise raw CR (and whitespace in attributes), so keep them as references.
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (isLegalSingle(c)) {
                        out.append(c);
                    } else {
                        out.append(REPLACEMENT);
                    }
                }
            }
        }
    }
}
