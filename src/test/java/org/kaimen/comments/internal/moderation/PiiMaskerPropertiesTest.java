package org.kaimen.comments.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.StringLength;
import org.kaimen.comments.internal.moderation.PiiMasker.Finding;
import org.kaimen.comments.internal.moderation.PiiMasker.MaskResult;

class PiiMaskerPropertiesTest {

    /**
     * Common characters for filler text. Units of money (元万亿千百) are left out on purpose:
     * a number glued to them reads as an amount and is deliberately not masked.
     */
    static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
            + "能下过子说产种面而方后多定行学法所民得经三之进着等部度家电力里如水化高自理起小物现实加量都两体制机"
            + "当使点从业本去把性好应开它合还因由其些然前外天政日那社义事平形相全表间样与关各重新线内数正心反你明看"
            + "原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革"
            + "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几区强放"
            + "决西被干做必战先回则任取据处府研，。；：！？、“”《》";

    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
        "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
        "64", "65"};

    private final PiiMasker masker = new PiiMasker(PiiMaskerTest.TODAY);

    /** A written piece of personal data and the digits or characters that must not survive masking. */
    record Pii(String written, String secret) {
    }

    record Text(String text, List<Pii> embedded) {
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void embeddedPersonalDataNeverSurvivesMasking(@ForAll("textsWithPii") Text generated) {
        String masked = masker.maskText(generated.text());
        String comparable = withoutSeparators(masked);
        for (Pii pii : generated.embedded()) {
            assertThat(comparable).as("masked: %s", masked).doesNotContain(pii.secret());
        }
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void textWithoutPersonalDataIsReturnedUnchanged(@ForAll("textsWithoutPii") String text) {
        MaskResult result = masker.mask(text);
        assertThat(result.findings()).isEmpty();
        assertThat(result.masked()).isEqualTo(text);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void maskingIsIdempotentOnTextsWithPersonalData(@ForAll("textsWithPii") Text generated) {
        String once = masker.maskText(generated.text());
        assertThat(masker.maskText(once)).isEqualTo(once);
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void maskingIsIdempotentOnNumberHeavyNoise(@ForAll("numberNoise") String text) {
        String once = masker.maskText(text);
        assertThat(masker.maskText(once)).as("once: %s", once).isEqualTo(once);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void maskingNeverThrowsAndIsIdempotentOnArbitraryStrings(@ForAll @StringLength(max = 300) String text) {
        String once = masker.maskText(text);
        assertThat(masker.maskText(once)).isEqualTo(once);
    }

    @Property(tries = 30, edgeCases = EdgeCasesMode.MIXIN)
    void veryLongNoiseIsHandled(@ForAll("longNoise") String text) {
        MaskResult result = masker.mask(text);
        assertFindingsAreConsistent(text, result);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void findingsAreOrderedDisjointAndTheTextAroundThemIsKept(@ForAll("numberNoise") String text) {
        assertFindingsAreConsistent(text, masker.mask(text));
    }

    private static void assertFindingsAreConsistent(String text, MaskResult result) {
        List<Finding> findings = result.findings();
        if (findings.isEmpty()) {
            assertThat(result.masked()).isEqualTo(text);
            return;
        }
        int previousEnd = 0;
        for (Finding finding : findings) {
            assertThat(finding.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(finding.end()).isLessThanOrEqualTo(text.length());
            previousEnd = finding.end();
        }
        // Only the found spans change: what lies before the first and after the last is kept verbatim.
        assertThat(result.masked()).startsWith(text.substring(0, findings.get(0).start()));
        assertThat(result.masked()).endsWith(text.substring(previousEnd));
        assertThat(result.masked()).contains("*");
    }

    /** Drops the separators a writer may put between digits and maps any decimal digit to ASCII. */
    static String withoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (" -.()　－（）\u200B\u00A0–".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- generators -------------------------------------------------------------------------

    @Provide
    Arbitrary<Text> textsWithPii() {
        Arbitrary<Pii> pii = Arbitraries.oneOf(mobiles(), landlines(), ids18(), ids15(), emails(), bankCards());
        Arbitrary<List<Pii>> values = pii.list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<String>> gaps = han(1, 12).list().ofSize(6);
        Arbitrary<String> edge = han(0, 6);
        return Combinators.combine(values, gaps, edge, edge).as((list, between, head, tail) -> {
            StringBuilder text = new StringBuilder(head);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    text.append(between.get(i));
                }
                text.append(list.get(i).written());
            }
            return new Text(text.append(tail).toString(), list);
        });
    }

    @Provide
    Arbitrary<String> textsWithoutPii() {
        Arbitrary<List<String>> safe = safeNumbers().list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<String>> gaps = han(1, 10).list().ofSize(7);
        return Combinators.combine(safe, gaps).as((numbers, between) -> {
            StringBuilder text = new StringBuilder(between.get(0));
            for (int i = 0; i < numbers.size(); i++) {
                text.append(numbers.get(i)).append(between.get(i + 1));
            }
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> numberNoise() {
        // Everything the digit and e-mail readers react to, densely packed.
        String alphabet = "0123456789012345678901234567890123456789０１３８９ -.()+*@xXzac.om元￥电话（）　－\u200B";
        Arbitrary<String> noise = Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(60);
        Arbitrary<String> withPii = textsWithPii().map(Text::text);
        return Arbitraries.frequencyOf(
                Tuple.of(3, noise),
                Tuple.of(1, Combinators.combine(noise, withPii, noise).as((a, b, c) -> a + b + c)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\uD800', '\uDFFF')
                        .withChars("1380543@a.com ".toCharArray()).ofMaxLength(40)));
    }

    @Provide
    Arbitrary<String> longNoise() {
        return Arbitraries.strings().withChars("0123456789 -.()X*@a汉😀".toCharArray())
                .ofMinLength(20_000).ofMaxLength(60_000);
    }

    private static Arbitrary<String> han(int min, int max) {
        return Arbitraries.strings().withChars(HAN.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<String> digits(int length) {
        return Arbitraries.strings().numeric().ofLength(length);
    }

    /** 0: ASCII digits, 1: all full-width, 2: mixed. */
    private static Arbitrary<Integer> widths() {
        return Arbitraries.integers().between(0, 2);
    }

    private static String widen(String s, int width, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean full = width == 1 || (width == 2 && random.nextBoolean());
            out.append(full && c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }

    @Provide
    Arbitrary<Pii> mobiles() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.integers().between(3, 9), digits(9))
                .as((second, rest) -> "1" + second + rest);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", ".", "　", "－", " - ", "\u200B", "  ");
        Arbitrary<String> prefix = Arbitraries.of("", "", "", "+86 ", "+86", "86 ", "86-", "0086 ", "+86-", "008６");
        return Combinators.combine(number, separator, prefix, widths(), Arbitraries.longs())
                .as((d, sep, pre, width, seed) -> new Pii(
                        pre + widen(d.substring(0, 3) + sep + d.substring(3, 7) + sep + d.substring(7), width, seed),
                        d));
    }

    @Provide
    Arbitrary<Pii> landlines() {
        Arbitrary<String> area = Arbitraries.oneOf(
                Arbitraries.of("010", "020", "021", "022", "023", "024", "025", "027", "028", "029"),
                Combinators.combine(Arbitraries.integers().between(3, 9), digits(2)).as((d, rest) -> "0" + d + rest));
        Arbitrary<String> local = Combinators.combine(Arbitraries.integers().between(1, 9),
                        Arbitraries.integers().between(6, 7).flatMap(PiiMaskerPropertiesTest::digits))
                .as((first, rest) -> first + rest);
        Arbitrary<Integer> style = Arbitraries.integers().between(0, 7);
        return Combinators.combine(area, local, style, widths(), Arbitraries.longs()).as((a, l, s, width, seed) -> {
            String written = switch (s) {
                case 0 -> a + "-" + l;
                case 1 -> a + " " + l;
                case 2 -> a + l;
                case 3 -> "(" + a + ")" + l;
                case 4 -> "（" + a + "）" + l;
                case 5 -> "(" + a + ") " + l;
                case 6 -> a + "－" + l;
                default -> a + " - " + l.substring(0, 3) + " " + l.substring(3);
            };
            return new Pii(widen(written, width, seed), l);
        });
    }

    private static Arbitrary<LocalDate> birthDates(int fromYear, int toYear) {
        long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long to = LocalDate.of(toYear, 12, 31).toEpochDay();
        return Arbitraries.longs().between(from, to).map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Pii> ids18() {
        Arbitrary<String> body = Combinators.combine(Arbitraries.of(PROVINCES), digits(4), birthDates(1930, 2012), digits(3))
                .as((province, county, birth, sequence) -> province + county
                        + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                        + sequence);
        Arbitrary<String> separator = Arbitraries.of("", " ", "-", "　", "  ");
        return Combinators.combine(body, separator, Arbitraries.of(true, false), widths(), Arbitraries.longs())
                .as((d17, sep, lowerX, width, seed) -> {
                    String id = d17 + checkChar(d17);
                    String last = id.substring(14);
                    if (lowerX) {
                        last = last.toLowerCase();
                    }
                    String written = id.substring(0, 6) + sep + id.substring(6, 14) + sep + last;
                    // The birth date and the county digits are what must disappear.
                    return new Pii(widen(written, width, seed), id.substring(4, 14));
                });
    }

    @Provide
    Arbitrary<Pii> ids15() {
        return Combinators.combine(Arbitraries.of(PROVINCES), digits(4), birthDates(1930, 1999), digits(3))
                .as((province, county, birth, sequence) -> {
                    String id = province + county + String.format("%02d%02d%02d",
                            birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth()) + sequence;
                    return new Pii(id, id.substring(4, 11));
                });
    }

    @Provide
    Arbitrary<Pii> emails() {
        Arbitrary<String> local = Combinators.combine(
                        Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789._".toCharArray()).ofMaxLength(10))
                .as((first, rest) -> first + rest);
        Arbitrary<String> domain = Combinators.combine(
                        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray()).ofMinLength(1).ofMaxLength(8),
                        Arbitraries.of(".com", ".cn", ".com.cn", ".net", ".org.cn", ".gov.cn"))
                .as((name, tld) -> name + tld);
        return Combinators.combine(local, domain, Arbitraries.of("@", "＠"))
                .as((l, d, at) -> new Pii(l + at + d, l + "@"));
    }

    @Provide
    Arbitrary<Pii> bankCards() {
        Arbitrary<String> body = Arbitraries.integers().between(13, 16).flatMap(n -> digits(n).map(d -> "62" + d));
        Arbitrary<String> separator = Arbitraries.of("", " ", "-");
        return Combinators.combine(body, separator).as((b, sep) -> {
            String card = luhnComplete(b);
            StringBuilder written = new StringBuilder();
            for (int i = 0; i < card.length(); i += 4) {
                if (i > 0) {
                    written.append(sep);
                }
                written.append(card, i, Math.min(card.length(), i + 4));
            }
            return new Pii(written.toString(), card.substring(4, card.length() - 4));
        });
    }

    @Provide
    Arbitrary<String> safeNumbers() {
        Arbitrary<String> amounts = Arbitraries.longs().between(1, 99_999_999_999L).map(n -> n + "元");
        Arbitrary<String> plain = Arbitraries.longs().between(0, 99_999_999L).map(String::valueOf);
        Arbitrary<String> chineseAmounts = Arbitraries.of("二万元", "三千五百元", "十万元以下", "五十万元", "一亿元");
        Arbitrary<String> dates = Combinators.combine(Arbitraries.integers().between(1949, 2035),
                        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                        Arbitraries.integers().between(0, 3))
                .as((y, m, d, style) -> switch (style) {
                    case 0 -> y + "年" + m + "月" + d + "日";
                    case 1 -> String.format("%04d%02d%02d", y, m, d);
                    case 2 -> String.format("%04d-%02d-%02d", y, m, d);
                    default -> String.format("%04d.%02d.%02d", y, m, d);
                });
        Arbitrary<String> articles = Arbitraries.integers().between(1, 500).map(n -> "第" + n + "条");
        Arbitrary<String> percentages = Arbitraries.integers().between(0, 1000).map(n -> n / 10 + "." + n % 10 + "%");
        Arbitrary<String> elevenDigits = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 2), digits(9)).as((d, rest) -> "1" + d + rest),
                Combinators.combine(Arbitraries.integers().between(2, 9), digits(10)).as((d, rest) -> d + rest));
        Arbitrary<String> longRuns = Arbitraries.integers().between(20, 40).flatMap(PiiMaskerPropertiesTest::digits);
        Arbitrary<String> citations = Combinators.combine(Arbitraries.integers().between(1980, 2025),
                        Arbitraries.integers().between(1, 300), digits(5), Arbitraries.integers().between(0, 2))
                .as((year, n, standard, style) -> switch (style) {
                    case 0 -> "国发〔" + year + "〕" + n + "号";
                    case 1 -> "GB " + standard + "-" + year;
                    default -> "(" + year + ")京01民终" + n + "号";
                });
        return Arbitraries.oneOf(amounts, plain, chineseAmounts, dates, articles, percentages, elevenDigits,
                longRuns, citations);
    }

    static char checkChar(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static String luhnComplete(String body) {
        for (char check = '0'; check <= '9'; check++) {
            String candidate = body + check;
            int sum = 0;
            boolean twice = false;
            for (int i = candidate.length() - 1; i >= 0; i--) {
                int digit = candidate.charAt(i) - '0';
                if (twice) {
                    digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
                }
                sum += digit;
                twice = !twice;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError("unreachable");
    }
}
