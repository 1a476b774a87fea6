package org.kaimen.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.w3c.dom.Document;

/**
 * Whatever the data, every chart is well-formed XML, built without exceptions, and consistent
 * with its input.
 */
class SvgChartsProperties {

    private static final long HUGE = Long.MAX_VALUE / 4;

    @Property(tries = 300)
    void horizontalBarsAreAlwaysWellFormed(@ForAll("bars") List<Bar> bars, @ForAll("titles") String title,
                                           @ForAll("styles") ChartStyle style) {
        String svg = SvgCharts.horizontalBars(title, bars, style);
        Document doc = SvgDom.parse(svg);
        boolean empty = bars.stream().allMatch(b -> b.value() == 0);
        assertThat(SvgDom.elements(doc, "rect", "kc-bar")).hasSize(empty ? 0 : bars.size());
        long links = bars.stream().filter(b -> Hrefs.safe(b.href()) != null).count();
        assertThat(SvgDom.elements(doc, "a", null)).hasSize(empty ? 0 : (int) links);
        assertThat(svg).isEqualTo(SvgCharts.horizontalBars(title, bars, style));
    }

    @Property(tries = 300)
    void stackedBarsAreAlwaysWellFormedAndAddUpToHundred(@ForAll("segments") List<Segment> segments,
                                                         @ForAll("titles") String title,
                                                         @ForAll("styles") ChartStyle style) {
        String svg = SvgCharts.stackedBar(title, segments, style);
        Document doc = SvgDom.parse(svg);
        long nonZero = segments.stream().filter(s -> s.value() > 0).count();
        assertThat(SvgDom.elements(doc, "rect", "kc-segment")).hasSize((int) nonZero);
        if (nonZero > 0) {
            assertThat(SvgDom.elements(doc, "g", "kc-legend-item")).hasSize(segments.size());
            int[] p = Percentages.largestRemainder(segments.stream().map(s -> BigInteger.valueOf(s.value())).toList());
            assertThat(java.util.Arrays.stream(p).sum()).isEqualTo(100);
            assertThat(SvgDom.elements(doc, "g", "kc-legend-item")).extracting(SvgDom::tooltip)
                    .allSatisfy(t -> assertThat(t).containsPattern("\\d+%"));
        }
    }

    @Property(tries = 300)
    void timeSeriesAreAlwaysWellFormed(@ForAll("points") List<Point> points, @ForAll("titles") String title,
                                       @ForAll("styles") ChartStyle style) {
        String svg = SvgCharts.timeSeries(title, points, style);
        Document doc = SvgDom.parse(svg);
        int columns = SvgDom.elements(doc, "rect", "kc-column").size();
        assertThat(columns).isLessThanOrEqualTo(TimeBuckets.MAX_BUCKETS + 1);
        if (points.stream().anyMatch(p -> p.value() > 0)) {
            LocalDate first = points.stream().map(Point::date).min(LocalDate::compareTo).orElseThrow();
            LocalDate last = points.stream().map(Point::date).max(LocalDate::compareTo).orElseThrow();
            long days = last.toEpochDay() - first.toEpochDay() + 1;
            if (days <= TimeBuckets.MAX_BUCKETS) {
                assertThat(columns).isEqualTo((int) days);
            }
            for (String tick : SvgDom.texts(doc, "text", "kc-tick")) {
                assertThat(tick).doesNotContain("E").doesNotContain("NaN");
            }
        } else {
            assertThat(columns).isZero();
        }
    }

    @Property(tries = 200)
    void percentagesAlwaysSumToHundredAndStayNearTheirQuota(
            @ForAll @Size(min = 1, max = 30) List<@net.jqwik.api.constraints.LongRange(min = 0, max = HUGE) Long> values) {
        List<BigInteger> big = values.stream().map(BigInteger::valueOf).toList();
        BigInteger total = big.stream().reduce(BigInteger.ZERO, BigInteger::add);
        int[] p = Percentages.largestRemainder(big);
        if (total.signum() == 0) {
            assertThat(p).containsOnly(0);
            return;
        }
        assertThat(java.util.Arrays.stream(p).sum()).isEqualTo(100);
        for (int i = 0; i < p.length; i++) {
            BigInteger floor = big.get(i).multiply(BigInteger.valueOf(100)).divide(total);
            assertThat(p[i]).isBetween(floor.intValue(), floor.intValue() + 1);
        }
    }

    @Property(tries = 200)
    void ticksAreNiceAndCoverTheMaximum(@ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = Long.MAX_VALUE) long max) {
        NiceScale.Ticks t = NiceScale.forMax(BigInteger.valueOf(max));
        assertThat(NiceScale.isNice(t.step())).isTrue();
        assertThat(t.max()).isGreaterThanOrEqualTo(BigInteger.valueOf(max));
        assertThat(t.values()).hasSizeBetween(2, 11);
        assertThat(t.values().get(0)).isEqualTo(BigInteger.ZERO);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(1).ofMaxLength(40),
                Arbitraries.of("<script>alert(1)</script>", "a & b", "\"quoted\" 'single'", "]]>", "第十二条",
                        "\uD83D\uDE00\u0301", "", "\uD800", "\u0000\u001F\uFFFE\uFFFF", "{0}{1}"));
    }

    // Edge cases are narrowed to a few on purpose: combined over three parameters the defaults
    // explode into thousands, crowding out random cases. Hostile values are in the generators anyway.

    @Provide
    Arbitrary<String> titles() {
        return labels().edgeCases(c -> c.includeOnly("", "<script>alert(1)</script>"));
    }

    @Provide
    Arbitrary<Long> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(0L), Arbitraries.just(1L), Arbitraries.just(HUGE),
                Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, HUGE));
    }

    @Provide
    Arbitrary<String> hrefs() {
        return Arbitraries.oneOf(
                Arbitraries.just(null), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("/drafts/1/articles/2", "https://example.org/?a=1&b=\"2\"", "javascript:alert(1)",
                        " JAVASCRIPT:x", "data:text/html,x", "#top"));
    }

    @Provide
    Arbitrary<List<Bar>> bars() {
        return Combinators.combine(labels(), values(), hrefs()).as(Bar::new).list().ofMaxSize(300)
                .edgeCases(c -> c.filter(List::isEmpty));
    }

    @Provide
    Arbitrary<List<Segment>> segments() {
        Arbitrary<String> colors = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("#abc", "red", "hsl(200, 50%, 50%)", "url(#x)", "\"><script>"));
        return Combinators.combine(labels(), values(), colors).as(Segment::new).list().ofMaxSize(40)
                .edgeCases(c -> c.filter(List::isEmpty));
    }

    @Provide
    Arbitrary<List<Point>> points() {
        LocalDate base = LocalDate.of(2024, 3, 1);
        // The span is chosen per list, not per point: one far-off date turns a whole list into
        // yearly buckets, so mixing per point would leave the daily layout almost untested.
        return Arbitraries.frequencyOf(
                        Tuple.of(5, pointsAround(Arbitraries.integers().between(0, 120).map(base::plusDays))),
                        Tuple.of(3, pointsAround(Arbitraries.integers().between(-20_000, 20_000).map(base::plusDays))),
                        Tuple.of(1, pointsAround(Arbitraries.longs()
                                .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
                                .map(LocalDate::ofEpochDay))))
                .edgeCases(c -> c.filter(List::isEmpty));
    }

    private Arbitrary<List<Point>> pointsAround(Arbitrary<LocalDate> dates) {
        return Combinators.combine(dates, values()).as(Point::new).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<ChartStyle> styles() {
        Arbitrary<Integer> widths = Arbitraries.oneOf(Arbitraries.just(720),
                Arbitraries.integers().between(ChartStyle.MIN_WIDTH, ChartStyle.MAX_WIDTH));
        Arbitrary<Locale> locales = Arbitraries.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.GERMANY,
                Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN"));
        return Combinators.combine(widths, locales).as((w, l) -> ChartStyle.defaults().withWidth(w).withLocale(l))
                .edgeCases(c -> c.includeOnly(ChartStyle.defaults()));
    }
}
