package org.kaimen.shared.charts;

/**
 * Rough text width estimate. The server cannot measure fonts, so layout uses conservative
 * per-character advances: CJK glyphs are a full em, Latin glyphs a bit over half an em. Erring
 * wide only costs some whitespace; erring narrow would make labels overlap bars.
 */
final class TextMetrics {

    static final String ELLIPSIS = "\u2026";

    private TextMetrics() {
    }

    static double width(String s, double fontSize) {
        double em = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            em += advance(cp);
            i += Character.charCount(cp);
        }
        return em * fontSize;
    }

    /**
     * Shortens {@code s} to fit {@code maxWidth}, ending with an ellipsis. Cuts only between code
     * points and keeps combining marks with their base (they have zero advance), so no surrogate
     * pair or accent is torn apart.
     */
    static String truncate(String s, double maxWidth, double fontSize) {
        if (width(s, fontSize) <= maxWidth) {
            return s;
        }
        double budget = maxWidth / fontSize - advance(ELLIPSIS.codePointAt(0));
        double used = 0;
        int end = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            double a = advance(cp);
            if (used + a > budget) {
                break;
            }
            used += a;
            i += Character.charCount(cp);
            end = i;
        }
        return s.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    static double advance(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> {
                return 0.0;
            }
            default -> {
            }
        }
        if (isWide(cp)) {
            return 1.0;
        }
        if (cp == ' ') {
            return 0.3;
        }
        if (cp >= '0' && cp <= '9') {
            return 0.58;
        }
        if (cp >= 'A' && cp <= 'Z' || cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W') {
            return 0.72;
        }
        return 0.6;
    }

    /** East Asian wide and fullwidth blocks, plus pictographs that fonts draw at full width. */
    static boolean isWide(int cp) {
        return cp >= 0x1100 && cp <= 0x115F
                || cp == 0x2026
                || cp >= 0x2E80 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x1F300 && cp <= 0x1FAFF
                || cp >= 0x20000 && cp <= 0x3FFFD;
    }
}
