package org.kaimen.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpersTest {

    @Nested
    class HrefFilter {

        @ParameterizedTest
        @ValueSource(strings = {
            "/drafts/42/articles/5", "articles/5", "../5", "?page=2", "#a12", "http://example.org/x",
            "HTTPS://example.org/x?y=1&z=2", "/search?q=a:b", "//example.org/x", "第五条", "/条/5"})
        void keepsRelativeAndWebUrls(String href) {
            assertThat(Hrefs.safe(href)).isEqualTo(href);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "data:text/html,<script>", "vbscript:x", "file:///etc/passwd",
            "mailto:a@b.c", "ftp://example.org", "\u0000javascript:x", "", "   ", "a\uD800b"})
        void dropsEverythingElse(String href) {
            assertThat(Hrefs.safe(href)).isNull();
        }

        @Test
        void trimsSurroundingSpaces() {
            assertThat(Hrefs.safe("  /a  ")).isEqualTo("/a");
            assertThat(Hrefs.safe(null)).isNull();
        }
    }

    @Nested
    class Escaping {

        @Test
        void escapesMarkupAndReplacesIllegalCharacters() {
            assertThat(Xml.escapeText("<a href=\"x\">&'</a> ]]>"))
                    .isEqualTo("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt; ]]&gt;");
            assertThat(Xml.escapeText("a\u0000b\uD800c\uFFFEd\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE00");
        }

        @Test
        void cleanCollapsesWhitespaceAndControls() {
            assertThat(Xml.clean("  第一条\n\t 总则\u0007 ")).isEqualTo("第一条 总则");
            assertThat(Xml.clean("\uDC00x")).isEqualTo("\uFFFDx");
            assertThat(Xml.clean("a\u3000b")).isEqualTo("a\u3000b");
        }
    }

    @Nested
    class Truncation {

        @Test
        void fitsAndNeverSplitsSurrogatePairs() {
            String s = "\uD83D\uDE00".repeat(50);
            String t = TextMetrics.truncate(s, 100, 12);
            assertThat(t).endsWith("…");
            assertThat(TextMetrics.width(t, 12)).isLessThanOrEqualTo(100);
            assertThat(Xml.isLegal(t)).isTrue();
            assertThat(t).startsWith("\uD83D\uDE00");
        }

        @Test
        void shortTextIsUntouched() {
            assertThat(TextMetrics.truncate("第一条", 200, 12)).isEqualTo("第一条");
            assertThat(TextMetrics.truncate("第一条", 1, 12)).isEqualTo("…");
        }
    }

    @Nested
    class Percent {

        @Test
        void largestRemainderExamples() {
            assertThat(Percentages.largestRemainder(big(1, 1, 1))).containsExactly(34, 33, 33);
            assertThat(Percentages.largestRemainder(big(560, 310, 287, 77))).containsExactly(46, 25, 23, 6);
            assertThat(Percentages.largestRemainder(big(1, 0, 0))).containsExactly(100, 0, 0);
            assertThat(Percentages.largestRemainder(big(0, 0))).containsExactly(0, 0);
            assertThat(Percentages.largestRemainder(big(2, 2, 2, 2, 2, 2, 2))).containsExactly(15, 15, 14, 14, 14, 14, 14);
        }

        private List<BigInteger> big(long... values) {
            return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
        }
    }

    @Nested
    class Ticks {

        @Test
        void niceSteps() {
            assertThat(NiceScale.forMax(BigInteger.ZERO).values()).containsExactly(BigInteger.ZERO, BigInteger.ONE);
            assertThat(NiceScale.forMax(BigInteger.valueOf(7)).values()).extracting(BigInteger::intValue)
                    .containsExactly(0, 2, 4, 6, 8);
            assertThat(NiceScale.forMax(BigInteger.valueOf(320)).values()).extracting(BigInteger::intValue)
                    .containsExactly(0, 100, 200, 300, 400);
            assertThat(NiceScale.forMax(BigInteger.valueOf(1000)).values()).extracting(BigInteger::intValue)
                    .containsExactly(0, 200, 400, 600, 800, 1000);
            assertThat(NiceScale.niceAtLeast(BigInteger.valueOf(3))).isEqualTo(BigInteger.valueOf(5));
            assertThat(NiceScale.niceAtLeast(BigInteger.valueOf(6))).isEqualTo(BigInteger.TEN);
        }
    }

    @Nested
    class Buckets {

        @Test
        void chooseGranularityBySpan() {
            LocalDate d = LocalDate.of(2024, 3, 1);
            assertThat(bucketsFor(d, d.plusDays(399)).granularity).isEqualTo(TimeBuckets.Granularity.DAY);
            assertThat(bucketsFor(d, d.plusDays(400)).granularity).isEqualTo(TimeBuckets.Granularity.WEEK);
            assertThat(bucketsFor(d, d.plusYears(20)).granularity).isEqualTo(TimeBuckets.Granularity.MONTH);
            TimeBuckets years = bucketsFor(d, d.plusYears(60));
            assertThat(years.granularity).isEqualTo(TimeBuckets.Granularity.YEAR);
            assertThat(years.buckets).hasSize(61);
        }

        @Test
        void weeksStartOnMondayAndAreClampedToTheData() {
            // 2024-03-01 is a Friday.
            TimeBuckets tb = bucketsFor(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 6, 1));
            assertThat(tb.buckets.get(0).start()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(tb.buckets.get(0).end()).isEqualTo(LocalDate.of(2024, 3, 3));
            assertThat(tb.buckets.get(1).start()).isEqualTo(LocalDate.of(2024, 3, 4));
            assertThat(tb.buckets.get(tb.buckets.size() - 1).end()).isEqualTo(LocalDate.of(2025, 6, 1));
            assertThat(tb.buckets.stream().map(TimeBuckets.Bucket::value).reduce(BigInteger.ZERO, BigInteger::add))
                    .isEqualTo(BigInteger.valueOf(3));
        }

        @Test
        void extremeDatesStayBounded() {
            TimeBuckets tb = bucketsFor(LocalDate.MIN, LocalDate.MAX);
            assertThat(tb.buckets.size()).isLessThanOrEqualTo(TimeBuckets.MAX_BUCKETS);
            assertThat(tb.buckets.get(0).start()).isEqualTo(LocalDate.MIN);
            assertThat(tb.buckets.get(tb.buckets.size() - 1).end()).isEqualTo(LocalDate.MAX);
            String svg = SvgCharts.timeSeries("t", List.of(new Point(LocalDate.MIN, 1), new Point(LocalDate.MAX, 2)),
                    ChartStyle.defaults().withLocale(Locale.ENGLISH));
            assertThat(SvgDom.elements(SvgDom.parse(svg), "rect", "kc-column")).hasSize(tb.buckets.size());
        }

        @Test
        void labelStepsFollowTheCalendar() {
            assertThat(SvgCharts.labelStep(TimeBuckets.Granularity.DAY, 60, 12)).isEqualTo(7);
            assertThat(SvgCharts.labelStep(TimeBuckets.Granularity.DAY, 20, 12)).isEqualTo(2);
            assertThat(SvgCharts.labelStep(TimeBuckets.Granularity.DAY, 12, 12)).isEqualTo(1);
            assertThat(SvgCharts.labelStep(TimeBuckets.Granularity.DAY, 400, 1)).isEqualTo(400);
            assertThat(SvgCharts.labelStep(TimeBuckets.Granularity.MONTH, 30, 12)).isEqualTo(3);
        }

        private TimeBuckets bucketsFor(LocalDate first, LocalDate last) {
            return TimeBuckets.of(Stream.of(new Point(first, 1), new Point(last, 2)).toList());
        }
    }

    @Nested
    class ColourContrast {

        @Test
        void picksReadableTextColour() {
            assertThat(Colors.textOn("#0072B2")).contains(Colors.LIGHT_TEXT);
            assertThat(Colors.textOn("#E69F00")).contains(Colors.DARK_TEXT);
            assertThat(Colors.textOn("hsl(0, 68%, 36%)")).contains(Colors.LIGHT_TEXT);
            assertThat(Colors.textOn("#fff")).contains(Colors.DARK_TEXT);
            assertThat(Colors.textOn("rebeccapurple")).isEmpty();
        }
    }
}
