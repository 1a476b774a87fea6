package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} parses to {1}")
    @CsvSource({
        "一, 1", "九, 9", "十, 10", "一十, 10", "十一, 11", "十二, 12", "二十, 20", "二十一, 21",
        "九十九, 99", "一百, 100", "一百零四, 104", "一百一十, 110", "一百一十一, 111", "两百, 200",
        "二百, 200", "两百零二, 202", "一千, 1000", "一千零一, 1001", "一千零一十, 1010",
        "一千一百, 1100", "九千九百九十九, 9999", "一万, 10000", "十万, 100000", "一万零五, 10005",
        "〇, 0", "零, 0", "一〇四, 104", "二〇一九, 2019", "12, 12", "１２, 12", "104, 104",
        "壹佰零肆, 104", "一 百 零 四, 104"
    })
    void parsesChineseAndArabicNumerals(String numeral, int expected) {
        assertThat(ChineseNumerals.parse(numeral)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} formats as {1}")
    @CsvSource({
        "1, 一", "10, 十", "11, 十一", "12, 十二", "20, 二十", "99, 九十九", "100, 一百", "101, 一百零一",
        "104, 一百零四", "110, 一百一十", "119, 一百一十九", "200, 二百", "1001, 一千零一",
        "1010, 一千零一十", "1100, 一千一百", "9999, 九千九百九十九", "10000, 一万", "100010, 十万零一十",
        "0, 零"
    })
    void formatsConventionalStatutoryNumerals(int value, String expected) {
        assertThat(ChineseNumerals.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is not a numeral")
    @ValueSource(strings = {"", " ", "百", "十十", "一百零十", "一百一十零", "一十零五", "零一", "abc", "一二三百",
        "一百二十三四", "千百", "第一", "-1", "999999999999"})
    void rejectsMalformedNumerals(String text) {
        assertThat(ChineseNumerals.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> ChineseNumerals.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryParseOfNullIsEmpty() {
        assertThat(ChineseNumerals.tryParse(null)).isEmpty();
    }

    @Test
    void formattingANegativeNumberIsRejected() {
        assertThatThrownBy(() -> ChineseNumerals.format(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyNumberUpToOneHundredThousandRoundTrips() {
        for (int n = 0; n <= 100_000; n++) {
            assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).as("round trip of %d", n).isEqualTo(n);
        }
    }

    @Property(tries = 300)
    void formatThenParseIsTheIdentityFromOneToNineThousandNineHundredNinetyNine(
            @ForAll @IntRange(min = 1, max = 9999) int n) {
        assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
    }

    @Property(tries = 300)
    void formatThenParseIsTheIdentityOverTheWholeRange(@ForAll @IntRange(min = 0, max = ChineseNumerals.MAX) int n) {
        assertThat(ChineseNumerals.parse(ChineseNumerals.format(n))).isEqualTo(n);
    }

    @Property(tries = 300)
    void arabicDigitsParseToTheirValue(@ForAll @IntRange(min = 0, max = 9999) int n) {
        assertThat(ChineseNumerals.parse(Integer.toString(n))).isEqualTo(n);
    }
}
