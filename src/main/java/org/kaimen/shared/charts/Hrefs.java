package org.kaimen.shared.charts;

import java.util.Locale;

/**
 * Link filter. Hrefs may be derived from user-controlled data, and an {@code <a>} in an inline
 * SVG executes {@code javascript:} URLs just like HTML does, so only relative references and
 * http(s) URLs survive.
 */
final class Hrefs {

    private Hrefs() {
    }

    /** @return the trimmed href when it is safe to emit, otherwise {@code null} */
    static String safe(String href) {
        if (href == null) {
            return null;
        }
        // Browsers strip leading/trailing C0 controls and spaces before parsing, so do the same.
        String h = href.trim();
        if (h.isEmpty() || !Xml.isLegal(h)) {
            return null;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            // Browsers silently delete tabs and newlines inside URLs ("java\tscript:"), and other
            // controls have no business in a link: reject rather than try to out-guess the parser.
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                return null;
            }
        }
        int firstDelimiter = indexOfAny(h, ":/?#\\");
        if (firstDelimiter >= 0 && h.charAt(firstDelimiter) == ':') {
            // Anything before the first ':' that is not a path, query or fragment is a scheme (or
            // something a browser might read as one): only the two web schemes are allowed.
            String scheme = h.substring(0, firstDelimiter).toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? h : null;
        }
        return h;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
