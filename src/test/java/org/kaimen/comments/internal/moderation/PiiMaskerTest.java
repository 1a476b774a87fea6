package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaimen.comments.internal.moderation.PiiMasker.Finding;
import org.kaimen.comments.internal.moderation.PiiMasker.Kind;
import org.kaimen.comments.internal.moderation.PiiMasker.MaskResult;

class PiiMaskerTest {

    /** Fixed "today" so birth-date plausibility does not drift with the calendar. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final PiiMasker masker = new PiiMasker(TODAY);

    private String mask(String text) {
        return masker.maskText(text);
    }

    @Nested
    class MobileNumbers {

        @Test
        void aMobileNumberInsideChineseTextIsMaskedKeepingFirstThreeAndLastFour() {
            assertThat(mask("我的电话13812345678，欢迎联系")).isEqualTo("我的电话138****5678，欢迎联系");
        }

        @Test
        void aMobileNumberWrittenWithSpacesIsMasked() {
            assertThat(mask("电话 138 1234 5678 谢谢")).isEqualTo("电话 138****5678 谢谢");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "13812345678", "138 1234 5678", "138-1234-5678", "138.1234.5678", "138 - 1234 - 5678",
            "138  1234  5678", "1381234 5678", "138 12345678", "138－1234－5678", "138　1234　5678",
            "１３８１２３４５６７８", "1３8 1234 ５678", "１３８－１２３４－５６７８", "138\u200B1234\u200B5678",
            "138–1234–5678", "138\u00A01234\u00A05678"})
        void everyCommonSpellingOfAMobileNumberIsMaskedToTheSameForm(String written) {
            assertThat(mask("手机" + written + "。")).isEqualTo("手机138****5678。");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+86 138 1234 5678", "+8613812345678", "86 13812345678", "8613812345678",
            "0086 138 1234 5678", "008613812345678", "+86-138-1234-5678", "＋８６ １３８１２３４５６７８"})
        void aCountryCodePrefixIsPartOfTheFindingAndDropped(String written) {
            MaskResult result = masker.mask("联系" + written + "。");
            assertThat(result.masked()).isEqualTo("联系138****5678。");
            assertThat(result.findings()).containsExactly(new Finding(Kind.PHONE, 2, 2 + written.length()));
        }

        @Test
        void everyMobilePrefixFrom13To19IsRecognised() {
            for (int second = 3; second <= 9; second++) {
                assertThat(mask("1" + second + "012345678")).isEqualTo("1" + second + "0****5678");
            }
        }

        @Test
        void findingOffsetsPointIntoTheOriginalText() {
            MaskResult result = masker.mask("电话13812345678");
            assertThat(result.findings()).containsExactly(new Finding(Kind.PHONE, 2, 13));
        }

        @Test
        void twoMobileNumbersSeparatedOnlyBySpaceAreBothMasked() {
            assertThat(mask("13812345678 13912345678")).isEqualTo("138****5678 139****5678");
            assertThat(mask("138 1234 5678 139 1234 5678")).isEqualTo("138****5678 139****5678");
        }

        @Test
        void mobileNumbersInAListAreAllMasked() {
            assertThat(mask("电话：13812345678/13912345678，或15012345678"))
                    .isEqualTo("电话：138****5678/139****5678，或150****5678");
        }

        @Test
        void aMobileNumberInMarkdownBoldIsMasked() {
            assertThat(mask("**13812345678**")).isEqualTo("**138****5678**");
            assertThat(mask("** 138 1234 5678 **")).isEqualTo("** 138****5678 **");
        }

        @Test
        void aMobileNumberGluedToLettersIsStillMasked() {
            assertThat(mask("Tel13812345678")).isEqualTo("Tel138****5678");
        }

        @Test
        void aMobileNumberAfterAnUnrelatedShortNumberIsMasked() {
            assertThat(mask("2019 13812345678")).isEqualTo("2019 138****5678");
        }
    }

    @Nested
    class Landlines {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0543-1234567    | 0543-****567",
            "(0543)12345678  | 0543-*****678",
            "（0543）12345678 | 0543-*****678",
            "0543 1234567    | 0543-****567",
            "05431234567     | 0543-****567",
            "010-62345678    | 010-*****678",
            "021 6234 5678   | 021-*****678",
            "(010) 6234-5678 | 010-*****678",
            "０５４３－１２３４５６７ | 0543-****567"})
        void landlinesKeepTheAreaCodeAndTheLastThreeDigits(String written, String expected) {
            assertThat(mask("办公电话" + written + "。")).isEqualTo("办公电话" + expected + "。");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "0086-10-62345678  | 010-*****678",
            "+86 10 6234 5678  | 010-*****678",
            "+86-543-1234567   | 0543-****567",
            "0086 21 62345678  | 021-*****678"})
        void landlinesDialledFromAbroadAreMaskedInTheDomesticForm(String written, String expected) {
            assertThat(mask("电话" + written + "。")).isEqualTo("电话" + expected + "。");
        }

        @Test
        void aBareEightySixInFrontOfTenDigitsIsNotTakenForACountryCode() {
            assertThat(mask("编号86 10 6234 5678")).isEqualTo("编号86 10 6234 5678");
        }

        @Test
        void aLandlineIsReportedAsPhoneWithTheBracketInsideTheFinding() {
            MaskResult result = masker.mask("电话(0543)12345678");
            assertThat(result.findings()).containsExactly(new Finding(Kind.PHONE, 2, 16));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0123-4567890", "0543-0123456", "0543-123456", "0543-123456789", "00861234567"})
        void numbersWithAnImpossibleAreaCodeOrLocalNumberAreNotLandlines(String written) {
            assertThat(mask("编号" + written)).isEqualTo("编号" + written);
        }
    }

    @Nested
    class IdNumbers {

        @Test
        void anIdNumberKeepsTheFirstFourAndLastFourCharacters() {
            assertThat(mask("身份证号37160219610307123X，请核实")).isEqualTo("身份证号3716**********123X，请核实");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "370102199003071238      | 3701**********1238",
            "370102 19900307 1238    | 3701**********1238",
            "370102-19900307-1238    | 3701**********1238",
            "37160219610307123x      | 3716**********123X",
            "371602 19610307 123X    | 3716**********123X",
            "３７１６０２１９６１０３０７１２３Ｘ | 3716**********123X",
            "110105198512014561      | 1101**********4561",
            "440305200002297896      | 4403**********7896",
            "32010619770615001X      | 3201**********001X"})
        void validIdNumbersAreMaskedInAnyGrouping(String written, String expected) {
            assertThat(mask("证件：" + written + "。")).isEqualTo("证件：" + expected + "。");
        }

        @Test
        void anIdNumberFindingIncludesTheCheckCharacter() {
            MaskResult result = masker.mask("号码37160219610307123X");
            assertThat(result.findings()).containsExactly(new Finding(Kind.ID_NUMBER, 2, 20));
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "370102199003071239",   // wrong check digit
            "37010219900307123X",   // wrong check character
            "370102199013071234",   // month 13
            "370102189003071234",   // born before 1900
            "370102203003071232",   // born in the future
            "990102199003071238",   // no such province
            "123456789012345678"})
        void eighteenDigitNumbersFailingChecksumOrDateAreLeftAlone(String number) {
            assertThat(mask("编号" + number)).isEqualTo("编号" + number);
        }

        @Test
        void anIdLikeNumberThatFailsAsIdButPassesLuhnIsStillMaskedAsACard() {
            // Over-masking is the accepted side of the trade-off: an 18-digit number starting
            // with 3-6 that passes Luhn is card-shaped even when it is not a valid ID.
            MaskResult result = masker.mask("编号370102189003071235");
            assertThat(result.masked()).isEqualTo("编号3701**********1235");
            assertThat(result.findings()).extracting(Finding::kind).containsExactly(Kind.BANK_CARD);
        }

        @Test
        void aFifteenDigitOldIdWithAValidDateIsMasked() {
            assertThat(mask("老身份证370102900307123")).isEqualTo("老身份证3701*******7123");
            assertThat(masker.mask("370102900307123").findings())
                    .containsExactly(new Finding(Kind.ID_NUMBER, 0, 15));
        }

        @ParameterizedTest
        @ValueSource(strings = {"370102901307123", "370102900230123", "990102900307123", "123456789012345"})
        void fifteenDigitNumbersWithoutAValidDateOrProvinceAreLeftAlone(String number) {
            assertThat(mask("编号" + number)).isEqualTo("编号" + number);
        }

        @Test
        void aBirthDateLaterThanTodayIsNotPlausible() {
            // 2025-06-02 is tomorrow for the fixed clock; check digit computed for it.
            String tomorrow = "11010520250602456";
            String id = tomorrow + checkChar(tomorrow);
            assertThat(mask(id)).isEqualTo(id);
            String today = "11010520250601456";
            assertThat(mask(today + checkChar(today))).startsWith("1101**********");
        }

        private static char checkChar(String first17) {
            int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (first17.charAt(i) - '0') * weights[i];
            }
            return "10X98765432".charAt(sum % 11);
        }
    }

    @Nested
    class Emails {

        @Test
        void anEmailGluedToChineseTextIsMaskedKeepingTheFirstCharacter() {
            assertThat(mask("请联系zhang.san@example.com谢谢")).isEqualTo("请联系z***@example.com谢谢");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "Email: Zhang_San@163.com.          | Email: Z***@163.com.",
            "13812345678@qq.com                 | 1***@qq.com",
            "a@b.cn                             | a***@b.cn",
            "li.si+gov@mail.example.com.cn，谢谢 | l***@mail.example.com.cn，谢谢",
            "**zhang@example.com**              | **z***@example.com**",
            "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ        | z***@example.com",
            "邮箱wang@example.com2019年          | 邮箱w***@example.com2019年",
            "(wang@example.org)                 | (w***@example.org)"})
        void emailAddressesAreMaskedWhereverTheyStand(String written, String expected) {
            assertThat(mask(written)).isEqualTo(expected);
        }

        @Test
        void anEmailFindingCoversTheWholeAddress() {
            MaskResult result = masker.mask("请联系zhang.san@example.com谢谢");
            assertThat(result.findings()).containsExactly(new Finding(Kind.EMAIL, 3, 24));
        }

        @ParameterizedTest
        @ValueSource(strings = {"@人民日报 请关注", "a@b", "user@localhost", "微博@某某某", "价格@5元", "x@y.z", "@@@"})
        void atSignsThatAreNotAddressesAreLeftAlone(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class BankCards {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "6222021234567894          | 6222********7894",
            "6222 0212 3456 7894       | 6222********7894",
            "4111-1111-1111-1111       | 4111********1111",
            "6217000010000000003       | 6217***********0003",
            "6228 4800 1234 5671       | 6228********5671"})
        void cardNumbersPassingLuhnAreMaskedKeepingFirstAndLastFour(String written, String expected) {
            MaskResult result = masker.mask("卡号" + written);
            assertThat(result.masked()).isEqualTo("卡号" + expected);
            assertThat(result.findings()).extracting(Finding::kind).containsExactly(Kind.BANK_CARD);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "6222021234567890",          // fails Luhn
            "1234567812345670",          // passes Luhn but no card issuer starts with 1
            "62220212345678901234",      // 20 digits: account or reference number
            "6222 0212 3456 7890 1234 5"})
        void longNumbersThatAreNotCardsAreLeftAlone(String number) {
            assertThat(mask("编号" + number)).isEqualTo("编号" + number);
        }
    }

    @Nested
    class ThingsThatMustStayReadable {

        @ParameterizedTest
        @ValueSource(strings = {
            "根据《物业管理条例》第十二条、第12条第3款的规定",
            "罚款二万元以上十万元以下",
            "处20000元罚款",
            "最高罚款100000",
            "收费标准为每平方米1.5元",
            "2019年10月1日起施行",
            "自20191001起",
            "2019-10-01、2019.10.01、2019/10/01",
            "编号12345678901",
            "客服10086123456",
            "上涨12.5%，达到30%",
            "国发〔2019〕13号",
            "法释〔2009〕7号",
            "国务院令第379号",
            "GB 50016-2014、GB/T 50378-2019",
            "(2019)京01民终1234号",
            "京ICP备12345678号",
            "共计15000000000元",
            "预算￥13800000000",
            "占比13812345678%",
            "账户12345678901234567890123",
            "数字13812345678901",
            "小区共1380户，12幢",
            "第5条 第3款 第2项",
            "面积 120.5 平方米，单价 8000 元",
            "时间 2024-05-01 10:30"})
        void ordinaryNumbersInCommentsAreNotMasked(String text) {
            MaskResult result = masker.mask(text);
            assertThat(result.masked()).isEqualTo(text);
            assertThat(result.findings()).isEmpty();
        }
    }

    @Nested
    class Robustness {

        @Test
        void nullStaysNullAndEmptyStaysEmpty() {
            assertThat(masker.mask(null).masked()).isNull();
            assertThat(masker.mask(null).findings()).isEmpty();
            assertThat(masker.maskText("")).isEmpty();
        }

        @Test
        void textWithoutPersonalDataIsReturnedAsTheSameInstance() {
            String text = "关于电梯维修资金使用的意见";
            assertThat(masker.maskText(text)).isSameAs(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"138****5678", "0543-****567", "3716**********123X", "6222********7894",
            "z***@example.com", "3701*******7123", "电话138****5678，邮箱z***@163.com"})
        void alreadyMaskedTextIsLeftUnchanged(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }

        @Test
        void maskingTwiceGivesTheSameTextAsMaskingOnce() {
            String text = "电话+86 138 1234 5678，座机(0543)12345678，身份证37160219610307123X，"
                    + "邮箱zhang.san@example.com，卡号6222 0212 3456 7894，2019 13912345678";
            String once = mask(text);
            assertThat(mask(once)).isEqualTo(once);
        }

        @Test
        void digitsKeptByAMaskDoNotCombineWithNeighboursOnASecondPass() {
            // Without recognising the mask, "0543 2234" plus the kept "138" would read as a landline.
            String once = mask("0543 2234 13812345678");
            assertThat(once).isEqualTo("0543 2234 138****5678");
            assertThat(mask(once)).isEqualTo(once);
            String idFollowedByPhone = mask("0543 223 37160219610307123X13812345678");
            assertThat(mask(idFollowedByPhone)).isEqualTo(idFollowedByPhone);
        }

        @Test
        void findingsAreOrderedAndDoNotOverlap() {
            MaskResult result = masker.mask("a@b.com 13812345678 0543-1234567 37160219610307123X");
            assertThat(result.findings()).extracting(Finding::kind)
                    .containsExactly(Kind.EMAIL, Kind.PHONE, Kind.PHONE, Kind.ID_NUMBER);
            for (int i = 1; i < result.findings().size(); i++) {
                assertThat(result.findings().get(i).start()).isGreaterThanOrEqualTo(result.findings().get(i - 1).end());
            }
        }

        @Test
        void surrogatePairsAroundNumbersSurvive() {
            assertThat(mask("😀13812345678😀𠮷")).isEqualTo("😀138****5678😀𠮷");
            assertThat(mask("\uD83D")).isEqualTo("\uD83D");
        }

        @Test
        void veryLongInputsAreHandledQuickly() {
            StringBuilder digits = new StringBuilder();
            StringBuilder spaced = new StringBuilder();
            StringBuilder ats = new StringBuilder();
            for (int i = 0; i < 200_000; i++) {
                digits.append((char) ('0' + i % 10));
                spaced.append(i % 10).append(' ');
                ats.append("a@");
            }
            long started = System.nanoTime();
            assertThatCode(() -> {
                assertThat(mask(digits.toString())).isEqualTo(digits.toString());
                mask(spaced.toString());
                mask(ats.toString());
                mask("a.".repeat(100_000));
                mask("1.".repeat(100_000));
                mask("138****5678".repeat(20_000));
                mask("x@a.".repeat(50_000) + "com");
                mask("(0".repeat(100_000));
            }).doesNotThrowAnyException();
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        }
    }
}
