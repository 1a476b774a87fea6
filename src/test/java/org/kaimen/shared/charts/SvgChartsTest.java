package org.kaimen.shared.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaimen.shared.charts.SvgDom.elements;
import static org.kaimen.shared.charts.SvgDom.parse;
import static org.kaimen.shared.charts.SvgDom.texts;
import static org.kaimen.shared.charts.SvgDom.tooltip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgChartsTest {

    private static final ChartStyle ZH = ChartStyle.defaults();
    private static final ChartStyle EN = ChartStyle.defaults().withLocale(Locale.ENGLISH);
    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q' ]]> end";

    static String article(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        StringBuilder s = new StringBuilder("第");
        if (n >= 100) {
            s.append(digits[n / 100]).append("百");
            if (n % 100 != 0 && n % 100 < 10) {
                s.append("零");
            }
        }
        int tens = n % 100 / 10;
        if (tens > 0) {
            s.append(tens == 1 && n < 100 ? "" : digits[tens]).append("十");
        }
        s.append(digits[n % 10]).append("条");
        return s.toString();
    }

    static List<Bar> articleBars() {
        return List.of(
                new Bar("第一条", 100),
                new Bar("第五条", 200, "/drafts/42/articles/5"),
                new Bar("第七条", 150),
                new Bar("第十二条", 320, "https://kaimen.example.org/drafts/42#a12"),
                new Bar("第二十条", 464, "javascript:alert(1)"));
    }

    private static Element root(Document doc) {
        return doc.getDocumentElement();
    }

    @Nested
    class Document_ {

        @Test
        void rootIsAccessibleAndResponsive() {
            for (String svg : List.of(
                    SvgCharts.horizontalBars("各条意见数", articleBars(), ZH),
                    SvgCharts.stackedBar("立场", List.of(new Segment("支持", 3)), ZH),
                    SvgCharts.timeSeries("每日", List.of(new Point(LocalDate.of(2024, 3, 1), 4)), ZH),
                    SvgCharts.timeSeries("每日", List.of(), ZH))) {
                Document doc = parse(svg);
                Element root = root(doc);
                assertThat(root.getAttribute("role")).isEqualTo("img");
                assertThat(root.getAttribute("width")).isEqualTo("100%");
                assertThat(root.hasAttribute("height")).isFalse();
                assertThat(root.getAttribute("viewBox")).matches("0 0 720 \\d+");
                assertThat(root.getAttribute("font-family")).isEqualTo(ChartStyle.DEFAULT_FONT_FAMILY);

                String[] ids = root.getAttribute("aria-labelledby").split(" ");
                assertThat(ids).hasSize(2);
                Element title = (Element) root.getElementsByTagNameNS(SvgDom.SVG_NS, "title").item(0);
                Element desc = (Element) root.getElementsByTagNameNS(SvgDom.SVG_NS, "desc").item(0);
                assertThat(title.getParentNode()).isSameAs(root);
                assertThat(desc.getParentNode()).isSameAs(root);
                assertThat(title.getAttribute("id")).isEqualTo(ids[0]);
                assertThat(desc.getAttribute("id")).isEqualTo(ids[1]);
                assertThat(desc.getTextContent()).isNotBlank();
                assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity");
            }
        }

        @Test
        void outputIsDeterministicAndIdsDependOnContent() {
            String a = SvgCharts.horizontalBars("各条意见数", articleBars(), ZH);
            String b = SvgCharts.horizontalBars("各条意见数", new ArrayList<>(articleBars()), ChartStyle.defaults());
            String c = SvgCharts.horizontalBars("各条意见数（修订）", articleBars(), ZH);
            assertThat(a).isEqualTo(b);
            assertThat(root(parse(a)).getAttribute("aria-labelledby"))
                    .isNotEqualTo(root(parse(c)).getAttribute("aria-labelledby"));
        }

        @Test
        void widthComesFromStyle() {
            String svg = SvgCharts.horizontalBars("t", articleBars(), ZH.withWidth(480));
            assertThat(root(parse(svg)).getAttribute("viewBox")).startsWith("0 0 480 ");
        }

        @Test
        void titleIsEscapedAndKeptWhole() {
            String longTitle = HOSTILE + "——" + "很长的标题".repeat(40);
            String svg = SvgCharts.stackedBar(longTitle, List.of(new Segment("a", 1)), ZH);
            Document doc = parse(svg);
            assertThat(svg).doesNotContain("<script").doesNotContain("]]>");
            assertThat(doc.getElementsByTagNameNS(SvgDom.SVG_NS, "title").item(0).getTextContent())
                    .isEqualTo(longTitle);
            assertThat(texts(doc, "text", "kc-title").get(0)).endsWith("…").startsWith("<script>");
        }
    }

    @Nested
    class HorizontalBars {

        @Test
        void oneRectPerBarAndHeightGrowsWithCount() {
            List<Bar> many = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                many.add(new Bar(article(i), i * 7L % 101));
            }
            Document big = parse(SvgCharts.horizontalBars("各条意见数", many, ZH));
            Document small = parse(SvgCharts.horizontalBars("各条意见数", many.subList(0, 10), ZH));

            assertThat(elements(big, "rect", "kc-bar")).hasSize(300);
            assertThat(elements(small, "rect", "kc-bar")).hasSize(10);
            assertThat(texts(big, "text", "kc-label")).contains("第五十九条", "第三百条");
            assertThat(viewHeight(big)).isGreaterThan(viewHeight(small) + 290 * 20);
        }

        @Test
        void barLengthsAreProportionalAndValuesPrinted() {
            Document doc = parse(SvgCharts.horizontalBars("t",
                    List.of(new Bar("a", 600_000), new Bar("b", 300_000), new Bar("c", 0), new Bar("d", 1_234_567),
                            new Bar("e", 1)), ZH));
            List<Element> rects = elements(doc, "rect", "kc-bar");
            double full = SvgDom.number(rects.get(3), "width");
            assertThat(SvgDom.number(rects.get(0), "width") / SvgDom.number(rects.get(1), "width"))
                    .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(SvgDom.number(rects.get(2), "width")).isZero();
            assertThat(full).isGreaterThan(300);
            // Non-zero values stay visible however small they are relative to the maximum.
            assertThat(SvgDom.number(rects.get(4), "width")).isEqualTo(1.0);
            assertThat(texts(doc, "text", "kc-value")).containsExactly("600,000", "300,000", "0", "1,234,567", "1");
        }

        @Test
        void safeHrefsBecomeLinksOthersAreDropped() {
            Document doc = parse(SvgCharts.horizontalBars("t", articleBars(), ZH));
            List<Element> links = elements(doc, "a", null);
            assertThat(links).extracting(a -> a.getAttribute("href"))
                    .containsExactly("/drafts/42/articles/5", "https://kaimen.example.org/drafts/42#a12");
            assertThat(links).extracting(a -> a.getAttributeNS(SvgDom.XLINK_NS, "href"))
                    .containsExactly("/drafts/42/articles/5", "https://kaimen.example.org/drafts/42#a12");
            // The bar and its label are inside the link; the javascript: row is a plain group.
            assertThat(links.get(0).getElementsByTagNameNS(SvgDom.SVG_NS, "rect").getLength()).isEqualTo(1);
            assertThat(links.get(0).getElementsByTagNameNS(SvgDom.SVG_NS, "text").getLength()).isEqualTo(2);
            assertThat(elements(doc, "g", "kc-row")).hasSize(3);
        }

        @Test
        void hrefWithQuotesAndAmpersandsIsEscaped() {
            String href = "/search?q=\"a\"&draft=<1>&x='y'";
            String svg = SvgCharts.horizontalBars("t", List.of(new Bar("a", 1, href)), ZH);
            assertThat(svg).contains("href=\"/search?q=&quot;a&quot;&amp;draft=&lt;1&gt;&amp;x=&#39;y&#39;\"");
            assertThat(elements(parse(svg), "a", null).get(0).getAttribute("href")).isEqualTo(href);
        }

        @Test
        void hostileLabelsAreEscaped() {
            String svg = SvgCharts.horizontalBars(HOSTILE,
                    List.of(new Bar(HOSTILE, 5, "/a?b=1&c=2"), new Bar("x\u0000y\u0007z", 3)), ZH);
            Document doc = parse(svg);
            assertThat(svg).doesNotContain("<script").doesNotContain("]]>").doesNotContain("\u0000");
            assertThat(texts(doc, "text", "kc-label").get(0)).startsWith("<script>alert(\"x\")</script> &");
            assertThat(texts(doc, "text", "kc-label").get(1)).isEqualTo("x y z");
            assertThat(tooltip(elements(doc, "a", "kc-row").get(0))).isEqualTo(HOSTILE + "：5 条");
            assertThat(doc.getElementsByTagNameNS(SvgDom.SVG_NS, "desc").item(0).getTextContent())
                    .contains(HOSTILE + "（5 条）");
        }

        @Test
        void longLabelsAreTruncatedWithFullTextInTooltip() {
            String label = "第三条（关于网络数据处理者应当履行的数据安全保护义务以及相关法律责任的规定）";
            Document doc = parse(SvgCharts.horizontalBars("t", List.of(new Bar(label, 9), new Bar("第四条", 3)), ZH));
            String shown = texts(doc, "text", "kc-label").get(0);
            assertThat(shown).endsWith("…").hasSizeLessThan(label.length());
            assertThat(label).startsWith(shown.substring(0, shown.length() - 1));
            assertThat(tooltip(elements(doc, "g", "kc-row").get(0))).isEqualTo(label + "：9 条");
        }

        @Test
        void descSummarisesTotalAndTopThreeInBothLanguages() {
            Document zh = parse(SvgCharts.horizontalBars("各条意见数", articleBars(), ZH));
            assertThat(desc(zh)).isEqualTo(
                    "共 1,234 条意见。最多的是：第二十条（464 条）、第十二条（320 条）、第五条（200 条）。");

            List<Bar> english = List.of(new Bar("Article 1", 100), new Bar("Article 5", 200),
                    new Bar("Article 7", 150), new Bar("Article 12", 320), new Bar("Article 20", 464));
            Document en = parse(SvgCharts.horizontalBars("Comments per article", english, EN));
            assertThat(desc(en)).isEqualTo("1,234 comments in total. Most: Article 20 (464 comments), "
                    + "Article 12 (320 comments), Article 5 (200 comments).");
        }

        @Test
        void englishUsesSingularForOne() {
            Document en = parse(SvgCharts.horizontalBars("t", List.of(new Bar("Article 1", 1), new Bar("b", 0)), EN));
            assertThat(desc(en)).isEqualTo("1 comment in total. Most: Article 1 (1 comment).");
            assertThat(tooltip(elements(en, "g", "kc-row").get(0))).isEqualTo("Article 1: 1 comment");
        }

        @Test
        void hugeValuesStayExactAndPlain() {
            long huge = Long.MAX_VALUE / 4;
            String svg = SvgCharts.horizontalBars("t",
                    List.of(new Bar("a", huge), new Bar("b", huge), new Bar("c", huge), new Bar("d", huge),
                            new Bar("e", huge), new Bar("f", 1)), ZH);
            Document doc = parse(svg);
            assertThat(texts(doc, "text", "kc-value").get(0)).isEqualTo("2,305,843,009,213,693,951");
            // The total exceeds Long.MAX_VALUE and must not overflow.
            assertThat(desc(doc)).startsWith("共 11,529,215,046,068,469,756 条意见。");
        }

        @Test
        void nonChineseLocaleGroupsNumbersItsOwnWay() {
            Document de = parse(SvgCharts.horizontalBars("t", List.of(new Bar("a", 1234)),
                    ZH.withLocale(Locale.GERMANY)));
            assertThat(texts(de, "text", "kc-value")).containsExactly("1.234");
            assertThat(desc(de)).isEqualTo("1.234 comments in total. Most: a (1.234 comments).");
        }
    }

    @Nested
    class StackedBar {

        private final List<Segment> stances = List.of(
                new Segment("支持", 560), new Segment("反对", 310), new Segment("修改", 287), new Segment("疑问", 77));

        @Test
        void oneRectPerNonZeroSegmentAndOneSwatchPerSegment() {
            List<Segment> withZero = new ArrayList<>(stances);
            withZero.add(new Segment("其他", 0));
            Document doc = parse(SvgCharts.stackedBar("立场", withZero, ZH));
            assertThat(elements(doc, "rect", "kc-segment")).hasSize(4);
            assertThat(elements(doc, "rect", "kc-swatch")).hasSize(5);
            assertThat(elements(doc, "rect", "kc-segment")).extracting(e -> e.getAttribute("fill"))
                    .containsExactly("#0072B2", "#D55E00", "#009E73", "#E69F00");
        }

        @Test
        void segmentsFillTheWholeBar() {
            Document doc = parse(SvgCharts.stackedBar("立场", stances, ZH));
            List<Element> rects = elements(doc, "rect", "kc-segment");
            double x = 16;
            for (Element r : rects) {
                assertThat(SvgDom.number(r, "x")).isCloseTo(x, org.assertj.core.data.Offset.offset(0.011));
                x = SvgDom.number(r, "x") + SvgDom.number(r, "width");
            }
            assertThat(x).isCloseTo(720 - 16, org.assertj.core.data.Offset.offset(0.011));
        }

        @Test
        void percentagesAreRoundedToSumToHundred() {
            Document doc = parse(SvgCharts.stackedBar("立场", stances, ZH));
            List<String> legend = texts(doc, "text", "kc-legend-label");
            assertThat(legend).containsExactly("支持：560（46%）", "反对：310（25%）", "修改：287（23%）", "疑问：77（6%）");
            assertThat(percentSum(legend)).isEqualTo(100);

            Document thirds = parse(SvgCharts.stackedBar("t",
                    List.of(new Segment("a", 1), new Segment("b", 1), new Segment("c", 1)), EN));
            assertThat(texts(thirds, "text", "kc-legend-label"))
                    .containsExactly("a: 1 (34%)", "b: 1 (33%)", "c: 1 (33%)");
        }

        @Test
        void explicitColoursAreUsedUnlessUnsafe() {
            Document doc = parse(SvgCharts.stackedBar("渠道", List.of(
                    new Segment("网站", 5, "#123456"),
                    new Segment("邮件", 5, "url(javascript:alert(1))"),
                    new Segment("信函", 5, "hsl(120, 40%, 40%)")), ZH));
            assertThat(elements(doc, "rect", "kc-swatch")).extracting(e -> e.getAttribute("fill"))
                    .containsExactly("#123456", "#D55E00", "hsl(120, 40%, 40%)");
        }

        @Test
        void descInBothLanguages() {
            assertThat(desc(parse(SvgCharts.stackedBar("立场", stances, ZH)))).isEqualTo(
                    "共 1,234 条意见。最多的是：支持（560 条，46%）、反对（310 条，25%）、修改（287 条，23%）。");
            List<Segment> en = List.of(new Segment("Support", 560), new Segment("Oppose", 310),
                    new Segment("Amend", 287), new Segment("Question", 77));
            assertThat(desc(parse(SvgCharts.stackedBar("Stances", en, EN)))).isEqualTo(
                    "1,234 comments in total. Most: Support (560 comments, 46%), Oppose (310 comments, 25%), "
                            + "Amend (287 comments, 23%).");
        }

        @Test
        void hostileLegendIsEscaped() {
            String svg = SvgCharts.stackedBar("t", List.of(new Segment(HOSTILE, 2), new Segment("b", 1)), EN);
            Document doc = parse(svg);
            assertThat(svg).doesNotContain("<script").doesNotContain("]]>");
            assertThat(tooltip(elements(doc, "g", "kc-legend-item").get(0))).isEqualTo(HOSTILE + ": 2 comments (67%)");
        }
    }

    @Nested
    class TimeSeries {

        private final LocalDate march1 = LocalDate.of(2024, 3, 1);

        @Test
        void missingDaysAreFilledWithZero() {
            Document doc = parse(SvgCharts.timeSeries("每日意见数", List.of(
                    new Point(march1.plusDays(4), 2),
                    new Point(march1, 5),
                    new Point(march1.plusDays(2), 7)), ZH));
            List<Element> columns = elements(doc, "rect", "kc-column");
            assertThat(columns).extracting(SvgDom::tooltip).containsExactly(
                    "2024年3月1日：5 条", "2024年3月2日：0 条", "2024年3月3日：7 条", "2024年3月4日：0 条",
                    "2024年3月5日：2 条");
            assertThat(SvgDom.number(columns.get(1), "height")).isZero();
            assertThat(SvgDom.number(columns.get(3), "height")).isZero();
            assertThat(SvgDom.number(columns.get(2), "height")).isGreaterThan(SvgDom.number(columns.get(0), "height"));
        }

        @Test
        void pointsOnTheSameDayAreAdded() {
            Document doc = parse(SvgCharts.timeSeries("t", List.of(
                    new Point(march1, 2), new Point(march1, 3), new Point(march1.plusDays(1), 1)), EN));
            assertThat(elements(doc, "rect", "kc-column")).extracting(SvgDom::tooltip)
                    .containsExactly("Mar 1, 2024: 5 comments", "Mar 2, 2024: 1 comment");
        }

        @Test
        void dateLabelsAreThinnedToEverySeventhDay() {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                points.add(new Point(march1.plusDays(i), 10 + i % 7));
            }
            Document doc = parse(SvgCharts.timeSeries("t", points, ZH));
            assertThat(elements(doc, "rect", "kc-column")).hasSize(60);
            assertThat(texts(doc, "text", "kc-xlabel")).containsExactly(
                    "3月1日", "3月8日", "3月15日", "3月22日", "3月29日", "4月5日", "4月12日", "4月19日", "4月26日");

            Document few = parse(SvgCharts.timeSeries("t", points.subList(0, 5), EN));
            assertThat(texts(few, "text", "kc-xlabel")).containsExactly("Mar 1", "Mar 2", "Mar 3", "Mar 4", "Mar 5");
        }

        @Test
        void labelsAcrossYearsShowTheYear() {
            Document doc = parse(SvgCharts.timeSeries("t", List.of(
                    new Point(LocalDate.of(2023, 12, 31), 1), new Point(LocalDate.of(2024, 1, 1), 2)), EN));
            assertThat(texts(doc, "text", "kc-xlabel")).containsExactly("Dec 31, 2023", "Jan 1, 2024");
        }

        @Test
        void yAxisTicksAreNice() {
            for (long max : new long[] {1, 3, 7, 10, 13, 99, 101, 320, 4_999, 12_345_678, Long.MAX_VALUE / 4}) {
                Document doc = parse(SvgCharts.timeSeries("t", List.of(
                        new Point(march1, max), new Point(march1.plusDays(1), max / 2)), ZH));
                List<Long> ticks = texts(doc, "text", "kc-tick").stream()
                        .map(s -> Long.parseLong(s.replace(",", ""))).toList();
                long step = ticks.get(1) - ticks.get(0);
                assertThat(ticks.get(0)).isZero();
                assertThat(Long.toString(step)).matches("[125]0*");
                for (int i = 1; i < ticks.size(); i++) {
                    assertThat(ticks.get(i) - ticks.get(i - 1)).isEqualTo(step);
                }
                assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(max);
                assertThat(ticks.get(ticks.size() - 1) - step).isLessThan(max);
                assertThat(ticks).hasSizeBetween(2, 11);
            }
        }

        @Test
        void tallestColumnReachesTheScaleItWasRoundedTo() {
            Document doc = parse(SvgCharts.timeSeries("t", List.of(new Point(march1, 40), new Point(march1.plusDays(1), 20)), ZH));
            List<Element> columns = elements(doc, "rect", "kc-column");
            assertThat(SvgDom.number(columns.get(0), "height")).isEqualTo(200.0);
            assertThat(SvgDom.number(columns.get(1), "height")).isEqualTo(100.0);
        }

        @Test
        void descInBothLanguages() {
            List<Point> points = List.of(new Point(march1, 5), new Point(march1.plusDays(2), 7),
                    new Point(march1.plusDays(4), 2));
            assertThat(desc(parse(SvgCharts.timeSeries("每日意见数", points, ZH)))).isEqualTo(
                    "共 14 条意见。时间：2024年3月1日至2024年3月5日。"
                            + "最多的是：2024年3月3日（7 条）、2024年3月1日（5 条）、2024年3月5日（2 条）。");
            assertThat(desc(parse(SvgCharts.timeSeries("Comments per day", points, EN)))).isEqualTo(
                    "14 comments in total. From Mar 1, 2024 to Mar 5, 2024. "
                            + "Most: Mar 3, 2024 (7 comments), Mar 1, 2024 (5 comments), Mar 5, 2024 (2 comments).");
        }

        @Test
        void longSpansAreCountedPerWeek() {
            List<Point> points = List.of(new Point(LocalDate.of(2022, 1, 3), 1), new Point(LocalDate.of(2023, 6, 1), 2),
                    new Point(LocalDate.of(2023, 6, 2), 3));
            Document doc = parse(SvgCharts.timeSeries("t", points, ZH));
            List<Element> columns = elements(doc, "rect", "kc-column");
            assertThat(columns.size()).isBetween(70, 80);
            assertThat(tooltip(columns.get(columns.size() - 1))).isEqualTo("2023年5月29日起一周：5 条");
            assertThat(desc(doc)).contains("按周统计。");
        }
    }

    @Nested
    class Empty {

        @Test
        void emptyOrAllZeroDataShowsNoDataMessage() {
            List<String> zh = List.of(
                    SvgCharts.horizontalBars("各条意见数", List.of(), ZH),
                    SvgCharts.horizontalBars("各条意见数", List.of(new Bar("第一条", 0)), ZH),
                    SvgCharts.stackedBar("立场", List.of(), ZH),
                    SvgCharts.stackedBar("立场", List.of(new Segment("支持", 0), new Segment("反对", 0)), ZH),
                    SvgCharts.timeSeries("每日", List.of(), ZH),
                    SvgCharts.timeSeries("每日", List.of(new Point(LocalDate.of(2024, 1, 1), 0)), ZH));
            for (String svg : zh) {
                Document doc = parse(svg);
                assertThat(texts(doc, "text", "kc-empty")).containsExactly("暂无数据");
                assertThat(desc(doc)).isEqualTo("暂无数据。");
                assertThat(elements(doc, "rect", null)).isEmpty();
                assertThat(svg).doesNotContain("NaN");
            }
            Document en = parse(SvgCharts.stackedBar("Stances", List.of(), EN));
            assertThat(texts(en, "text", "kc-empty")).containsExactly("No data yet");
            assertThat(desc(en)).isEqualTo("No data yet.");
        }
    }

    @Nested
    class Validation {

        @Test
        void negativeValuesAndNullsAreRejected() {
            assertThatThrownBy(() -> new Bar("a", -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Segment(null, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Point(null, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> SvgCharts.horizontalBars(null, List.of(), ZH)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void styleRejectsUnsafeOrAbsurdSettings() {
            ChartStyle d = ChartStyle.defaults();
            assertThatThrownBy(() -> d.withWidth(10)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ChartStyle(720, d.fontFamily(), "url(#x)", d.palette(), d.locale()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ChartStyle(720, d.fontFamily(), d.primaryColor(), List.of(), d.locale()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void defaultsMatchTheHouseStyle() {
            ChartStyle d = ChartStyle.defaults();
            assertThat(d.primaryColor()).isEqualTo("hsl(0, 68%, 36%)");
            assertThat(d.palette()).hasSize(6).doesNotHaveDuplicates();
            assertThat(d.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
            assertThat(d.fontFamily()).isEqualTo("\"Noto Sans CJK SC\", \"PingFang SC\", \"Microsoft YaHei\", sans-serif");
        }
    }

    static String desc(Document doc) {
        return doc.getElementsByTagNameNS(SvgDom.SVG_NS, "desc").item(0).getTextContent();
    }

    static double viewHeight(Document doc) {
        return Double.parseDouble(doc.getDocumentElement().getAttribute("viewBox").split(" ")[3]);
    }

    static int percentSum(List<String> legendTexts) {
        Pattern p = Pattern.compile("(\\d+)%");
        int sum = 0;
        for (String t : legendTexts) {
            Matcher m = p.matcher(t);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            sum += Integer.parseInt(last);
        }
        return sum;
    }
}
