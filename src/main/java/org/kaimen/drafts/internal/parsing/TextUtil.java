package org.kaimen.drafts.internal.parsing;

/** Character-level helpers shared by the parser, the extractor and the renderer. */
final class TextUtil {

    private TextUtil() {
    }

    /**
     * Whitespace as found in Chinese documents. {@link Character#isWhitespace(char)} misses the
     * no-break spaces that Word and web pages put between an article number and its text.
     */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0'
                || c == '\u2007' || c == '\u202F' || c == '\u3000';
    }

    /** Characters that are invisible and carry no meaning, but break string matching. */
    static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || c == '\u00AD';
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (isSpace(s.charAt(start)) || isInvisible(s.charAt(start)))) {
            start++;
        }
        while (end > start && (isSpace(s.charAt(end - 1)) || isInvisible(s.charAt(end - 1)))) {
            end--;
        }
        return s.substring(start, end);
    }

    static String removeInvisible(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length());
                    sb.append(s, 0, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script;
        try {
            script = Character.UnicodeScript.of(c);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return script == Character.UnicodeScript.HAN;
    }

    /**
     * Removes spaces between two Han characters and collapses other whitespace runs to one ASCII
     * space. Typesetters pad short headings ({@code 总　则}) for visual width; the padding is not
     * part of the title.
     */
    static String compactTitle(String s) {
        String t = strip(s);
        StringBuilder sb = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (isSpace(c)) {
                int j = i;
                while (j < t.length() && isSpace(t.charAt(j))) {
                    j++;
                }
                char before = sb.length() > 0 ? sb.charAt(sb.length() - 1) : ' ';
                char after = j < t.length() ? t.charAt(j) : ' ';
                if (!(isCjk(before) && isCjk(after))) {
                    sb.append(' ');
                }
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    static String abbreviate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max;
        if (Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut) + "…";
    }

    /** Replaces HTML comments by nothing but their line breaks, so line numbers stay valid. */
    static String blankHtmlComments(String text) {
        int open = text.indexOf("<!--");
        if (open < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        while (open >= 0) {
            int close = text.indexOf("-->", open + 4);
            if (close < 0) {
                // Unterminated: keep it as text rather than swallowing the rest of the draft.
                break;
            }
            sb.append(text, pos, open);
            for (int i = open; i < close + 3; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    sb.append(c);
                }
            }
            pos = close + 3;
            open = text.indexOf("<!--", pos);
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }
}
