package org.kaimen.comments.internal.importing;

import java.text.Normalizer;
import java.util.Locale;

/** String clean-up shared by the readers and the row checks. */
final class Text {

    private Text() {
    }

    /**
     * Removes surrounding blanks, including the ideographic space that Chinese input methods produce, the
     * no-break space that comes with text pasted from web pages, and zero-width characters and stray byte order
     * marks that spreadsheets keep invisibly. Inner characters are left alone so that a comment reads as written.
     */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    static boolean isBlank(String value) {
        return clean(value).isEmpty();
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    /**
     * Folds full-width letters, digits and punctuation to their ASCII forms, as Chinese input methods
     * often produce "１３８" or "＠" where ASCII is meant.
     */
    static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC);
    }

    /** Key for enum-like labels: width, case, blanks, hyphens and underscores do not matter. */
    static String enumKey(String value) {
        return stripAll(fold(clean(value)).toUpperCase(Locale.ROOT), " _-");
    }

    /**
     * Key for column headers. Besides width, case and blanks, a trailing remark in brackets ("意见（必填）",
     * "Received (yyyy-mm-dd)") and a required-marker asterisk are ignored, because clerks annotate their
     * headers that way.
     */
    static String headerKey(String value) {
        String folded = fold(clean(value)).toLowerCase(Locale.ROOT);
        folded = stripAll(folded, " _-.:*");
        while (folded.endsWith(")")) {
            int open = folded.lastIndexOf('(');
            if (open <= 0) {
                break;
            }
            folded = folded.substring(0, open);
        }
        return folded;
    }

    private static String stripAll(String value, String unwanted) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (unwanted.indexOf(c) < 0 && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Length as a reader counts characters: an emoji or a rare CJK character outside the BMP is one. */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Shortens a value for an error report, so a 5,000-character comment does not fill the clerk's screen. */
    static String excerpt(String value, int maxCodePoints) {
        if (value == null) {
            return "";
        }
        if (length(value) <= maxCodePoints) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, maxCodePoints)) + "…";
    }
}
