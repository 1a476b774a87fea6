package org.kaimen.drafts.internal.parsing;

import java.util.OptionalInt;

/**
 * Conversion between integers and the numerals used to number provisions in Chinese legislation.
 *
 * <p>Accepted by {@link #parse(String)} and {@link #tryParse(String)}:
 * <ul>
 *   <li>Arabic digits, half- or full-width ({@code 12}, {@code １２});</li>
 *   <li>Chinese counting numerals with units 十/百/千/万 ({@code 一百零四}, {@code 十二},
 *       {@code 一十二}, {@code 两百}, {@code 一千零一}), with 零 or 〇 marking skipped positions;</li>
 *   <li>positional Chinese digits without units ({@code 一〇四}, {@code 二〇一九});</li>
 *   <li>the financial forms 壹贰叁肆伍陆柒捌玖拾佰仟, as some Word numbering formats emit them.</li>
 * </ul>
 * Whitespace inside the numeral is ignored because OCR and typesetting often insert it
 * ({@code 第 一 章}).
 *
 * <p>{@link #format(int)} always produces the conventional statutory form: {@code 十} rather than
 * {@code 一十} for 10–19, {@code 一百一十} for 110, a single {@code 零} for any run of empty
 * positions ({@code 一千零一}).
 */
public final class ChineseNumerals {

    /** Upper bound of supported values; well beyond any real article number. */
    public static final int MAX = 99_999_999;

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /**
     * Parses a numeral.
     *
     * @throws IllegalArgumentException if {@code text} is not a well-formed numeral in range
     *                                  0..{@link #MAX}
     */
    public static int parse(String text) {
        OptionalInt value = tryParse(text);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Not a numeral: '" + text + "'");
        }
        return value.getAsInt();
    }

    /** Like {@link #parse(String)} but never throws; empty when the text is not a numeral. */
    public static OptionalInt tryParse(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!TextUtil.isSpace(c)) {
                compact.append(c);
            }
        }
        String s = compact.toString();
        if (s.isEmpty() || s.length() > 24) {
            return OptionalInt.empty();
        }
        if (isArabic(s)) {
            return parseArabic(s);
        }
        return parseChinese(s);
    }

    /** True if {@code c} can occur inside a numeral accepted by {@link #parse(String)}. */
    public static boolean isNumeralChar(char c) {
        return digitValue(c) >= 0 || unitValue(c) > 0 || isArabicDigit(c);
    }

    /** True if {@code c} can occur inside a Chinese (non-Arabic) numeral. */
    public static boolean isChineseNumeralChar(char c) {
        return digitValue(c) >= 0 || unitValue(c) > 0;
    }

    /**
     * Formats {@code value} as a conventional Chinese numeral.
     *
     * @throws IllegalArgumentException if {@code value} is negative or above {@link #MAX}
     */
    public static String format(int value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("Out of range: " + value);
        }
        if (value == 0) {
            return "零";
        }
        int high = value / 10_000;
        int low = value % 10_000;
        if (high == 0) {
            return formatSection(low, true);
        }
        StringBuilder sb = new StringBuilder(formatSection(high, true)).append('万');
        if (low > 0) {
            if (low < 1000) {
                sb.append('零');
            }
            sb.append(formatSection(low, false));
        }
        return sb.toString();
    }

    /** Formats 1..9999. {@code leading} allows the short 十X form, which is only used at the start. */
    private static String formatSection(int value, boolean leading) {
        if (leading && value >= 10 && value < 20) {
            return value == 10 ? "十" : "十" + DIGITS.charAt(value - 10);
        }
        char[] units = {'千', '百', '十', 0};
        int[] divisors = {1000, 100, 10, 1};
        StringBuilder sb = new StringBuilder();
        boolean pendingZero = false;
        for (int i = 0; i < 4; i++) {
            int d = (value / divisors[i]) % 10;
            if (d == 0) {
                // A zero is only written between two written digits, never at either end.
                if (sb.length() > 0) {
                    pendingZero = true;
                }
                continue;
            }
            if (pendingZero) {
                sb.append('零');
                pendingZero = false;
            }
            sb.append(DIGITS.charAt(d));
            if (units[i] != 0) {
                sb.append(units[i]);
            }
        }
        return sb.toString();
    }

    private static boolean isArabic(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isArabicDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isArabicDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static OptionalInt parseArabic(String s) {
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c <= '9' ? c - '0' : c - '０';
            v = v * 10 + d;
            if (v > MAX) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of((int) v);
    }

    private static int digitValue(char c) {
        switch (c) {
            case '零': case '〇': case 'Ｏ': return 0;
            case '一': case '壹': return 1;
            case '二': case '两': case '贰': case '貳': return 2;
            case '三': case '叁': case '參': return 3;
            case '四': case '肆': return 4;
            case '五': case '伍': return 5;
            case '六': case '陆': case '陸': return 6;
            case '七': case '柒': return 7;
            case '八': case '捌': return 8;
            case '九': case '玖': return 9;
            default: return -1;
        }
    }

    private static int unitValue(char c) {
        switch (c) {
            case '十': case '拾': return 10;
            case '百': case '佰': return 100;
            case '千': case '仟': return 1000;
            case '万': case '萬': return 10_000;
            default: return 0;
        }
    }

    private static OptionalInt parseChinese(String s) {
        boolean hasUnit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unitValue(c) > 0) {
                hasUnit = true;
            } else if (digitValue(c) < 0) {
                return OptionalInt.empty();
            }
        }
        if (!hasUnit) {
            // Positional form such as 一〇四; a lone 零 is zero, but 〇一 is not a way to write 1.
            if (s.length() > 1 && digitValue(s.charAt(0)) == 0) {
                return OptionalInt.empty();
            }
            long v = 0;
            for (int i = 0; i < s.length(); i++) {
                v = v * 10 + digitValue(s.charAt(i));
                if (v > MAX) {
                    return OptionalInt.empty();
                }
            }
            return OptionalInt.of((int) v);
        }
        int wan = s.indexOf('万') >= 0 ? s.indexOf('万') : s.indexOf('萬');
        if (wan >= 0) {
            String highPart = s.substring(0, wan);
            String lowPart = s.substring(wan + 1);
            if (highPart.isEmpty() || lowPart.indexOf('万') >= 0 || lowPart.indexOf('萬') >= 0) {
                return OptionalInt.empty();
            }
            int high = parseSection(highPart, true);
            if (high <= 0) {
                return OptionalInt.empty();
            }
            int low = 0;
            if (!lowPart.isEmpty()) {
                // 一万零五 / 一万五千: a leading 零 in the low section is allowed and meaningless.
                String rest = stripLeadingZeros(lowPart);
                if (rest.isEmpty()) {
                    return OptionalInt.empty();
                }
                low = parseSection(rest, false);
                if (low < 0) {
                    return OptionalInt.empty();
                }
            }
            return OptionalInt.of(high * 10_000 + low);
        }
        int v = parseSection(s, true);
        return v < 0 ? OptionalInt.empty() : OptionalInt.of(v);
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() && digitValue(s.charAt(i)) == 0) {
            i++;
        }
        return s.substring(i);
    }

    /**
     * Parses a section below 10000 written with units. Units must strictly decrease, every digit
     * must be followed by a unit except the last one, and 零 may only stand before a digit.
     * Returns -1 when malformed.
     */
    private static int parseSection(String s, boolean leading) {
        if (s.isEmpty()) {
            return -1;
        }
        int total = 0;
        int pendingDigit = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zeroSeen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digitValue(c);
            if (d == 0) {
                if (pendingDigit >= 0 || i == 0 || zeroSeen) {
                    return -1;
                }
                zeroSeen = true;
                continue;
            }
            if (d > 0) {
                if (pendingDigit >= 0) {
                    return -1;
                }
                pendingDigit = d;
                continue;
            }
            int unit = unitValue(c);
            if (unit >= lastUnit || unit >= 10_000) {
                return -1;
            }
            if (pendingDigit < 0) {
                // Only the leading 十 may omit its digit (十二 = 12); 百/千 always need one.
                if (!(unit == 10 && i == 0 && leading)) {
                    return -1;
                }
                pendingDigit = 1;
            }
            if (zeroSeen && lastUnit != Integer.MAX_VALUE && lastUnit / unit < 100) {
                // 零 must mark at least one skipped position (一百零十 is malformed).
                return -1;
            }
            total += pendingDigit * unit;
            pendingDigit = -1;
            lastUnit = unit;
            zeroSeen = false;
        }
        if (zeroSeen && lastUnit < 100) {
            // 一十零五: the 零 would not stand for any skipped position.
            return -1;
        }
        if (pendingDigit >= 0) {
            if (lastUnit == 10 || lastUnit == Integer.MAX_VALUE || zeroSeen) {
                total += pendingDigit;
            } else {
                // 两百五 is colloquial for 250; accept it as the unit below the last one.
                total += pendingDigit * (lastUnit / 10);
            }
        } else if (zeroSeen) {
            return -1;
        }
        return total;
    }
}
