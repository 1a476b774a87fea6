package org.kaimen.comments.internal.importing;

/**
 * Chinese numerals as Chinese legislation numbers its articles, paragraphs and items: 一 to 九百九十九, written the
 * way the drafting rules prescribe (十二, 一百零四, 一百一十).
 */
final class ChineseNumerals {

    static final int MAX = 999;
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /**
     * Reads 1..999 from Arabic digits or Chinese numerals; -1 for anything else, including 0. Colloquial forms that
     * are still unambiguous (一十二, 两百, 一百十) are accepted, but 一百五 is not, since it could mean 105 or 150.
     */
    static int parse(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return -1;
        }
        if (numeral.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (numeral.length() > 4) {
                return -1;
            }
            int value = Integer.parseInt(numeral);
            return value >= 1 && value <= MAX ? value : -1;
        }
        return parseChinese(numeral);
    }

    private static int parseChinese(String s) {
        int length = s.length();
        int i = 0;
        int total = 0;
        boolean hundreds = false;
        if (length >= 2 && s.charAt(1) == '百') {
            int digit = hundredsDigit(s.charAt(0));
            if (digit < 1) {
                return -1;
            }
            total = digit * 100;
            hundreds = true;
            i = 2;
            if (i == length) {
                return total;
            }
            if (isZero(s.charAt(i))) {
                // 一百零四: after 零 exactly one digit may follow.
                if (i + 2 != length) {
                    return -1;
                }
                int units = digit(s.charAt(i + 1));
                return units >= 1 ? total + units : -1;
            }
        }
        boolean tens = false;
        if (i < length && s.charAt(i) == '十') {
            total += 10;
            tens = true;
            i++;
        } else if (i + 1 < length && s.charAt(i + 1) == '十') {
            int digit = digit(s.charAt(i));
            if (digit < 1) {
                return -1;
            }
            total += digit * 10;
            tens = true;
            i += 2;
        }
        if (i < length) {
            int units = digit(s.charAt(i));
            if (units < 1 || (hundreds && !tens)) {
                return -1;
            }
            total += units;
            i++;
        }
        return i == length && total >= 1 ? total : -1;
    }

    private static boolean isZero(char c) {
        return c == '零' || c == '〇';
    }

    private static int digit(char c) {
        if (c == '〇') {
            return 0;
        }
        return DIGITS.indexOf(c);
    }

    private static int hundredsDigit(char c) {
        return c == '两' ? 2 : digit(c);
    }

    /** Writes 1..999 in the form used in legal texts. */
    static String format(int number) {
        if (number < 1 || number > MAX) {
            throw new IllegalArgumentException("Only 1.." + MAX + " can be written: " + number);
        }
        int hundreds = number / 100;
        int rest = number % 100;
        StringBuilder out = new StringBuilder();
        if (hundreds > 0) {
            out.append(DIGITS.charAt(hundreds)).append('百');
            if (rest == 0) {
                return out.toString();
            }
            if (rest < 10) {
                return out.append('零').append(DIGITS.charAt(rest)).toString();
            }
            // 一百一十, never 一百十, in drafting style.
            out.append(DIGITS.charAt(rest / 10)).append('十');
        } else if (rest >= 20) {
            out.append(DIGITS.charAt(rest / 10)).append('十');
        } else if (rest >= 10) {
            out.append('十');
        }
        if (rest % 10 > 0 || (hundreds == 0 && rest < 10)) {
            out.append(DIGITS.charAt(rest % 10));
        }
        return out.toString();
    }
}
