package org.kaimen.feedback.internal.export;

/** 一, 二, … 十, 十一, … 九十九: the numbers of the headings of a Chinese official document. */
final class ChineseNumber {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumber() {
    }

    /** @param n 1 to 99; other numbers in Arabic digits */
    static String of(int n) {
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十"
                + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }
}
