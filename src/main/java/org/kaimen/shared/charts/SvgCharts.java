package org.kaimen.shared.charts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Server-rendered SVG charts for consultation statistics.
 *
 * <p>Every method returns a complete, standalone {@code <svg>} element that can be inlined into
 * HTML or served as {@code image/svg+xml}. Output is a pure function of the arguments (ids are
 * derived from a hash of the content), so pages can be cached and snapshot-tested.
 *
 * <p>Charts whose data is empty or adds up to zero show a "no data yet" message instead of axes
 * scaled to nothing.
 */
public final class SvgCharts {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    private static final double PAD = 16;
    private static final double TITLE_SIZE = 16;
    private static final double TITLE_BASELINE = 28;
    /** Where the chart proper starts, below the visible title. */
    private static final double TOP = 48;
    private static final double LABEL_SIZE = 12;
    private static final double SMALL_SIZE = 11;
    /** Vertical centring via dy works in every SVG renderer; dominant-baseline does not. */
    private static final String CENTER_DY = "0.35em";

    // Greys chosen for at least 4.5:1 (text) and 3:1 (axis) contrast on white.
    private static final String TEXT = "#1f2328";
    private static final String MUTED = "#57606a";
    private static final String GRID = "#d8dee4";
    private static final String AXIS = "#8c959f";

    private static final double BAR_ROW = 24;
    private static final double BAR_HEIGHT = 16;
    private static final double STACK_HEIGHT = 32;
    private static final double LEGEND_ROW = 22;
    private static final double SWATCH = 12;
    private static final double PLOT_HEIGHT = 200;
    private static final int TOP_ITEMS = 3;

    private SvgCharts() {
    }

    /**
     * One horizontal bar per item, in the given order. Height grows with the number of bars;
     * labels longer than about a third of the width are truncated with an ellipsis, the full text
     * being available as a tooltip.
     */
    public static String horizontalBars(String title, List<Bar> bars, ChartStyle style) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(style, "style");
        List<Bar> data = List.copyOf(bars);
        Messages m = Messages.of(style.locale());
        Locale locale = style.locale();
        String cleanTitle = Xml.clean(title);

        int n = data.size();
        List<BigInteger> values = new ArrayList<>(n);
        String[] labels = new String[n];
        String[] valueTexts = new String[n];
        for (int i = 0; i < n; i++) {
            values.add(BigInteger.valueOf(data.get(i).value()));
            labels[i] = Xml.clean(data.get(i).label());
            valueTexts[i] = Num.count(data.get(i).value(), locale);
        }
        BigInteger total = sum(values);
        if (total.signum() == 0) {
            return empty(cleanTitle, style, m);
        }

        double width = style.width();
        double inner = width - 2 * PAD;
        double widestLabel = 0;
        double widestValue = 0;
        long max = 0;
        for (int i = 0; i < n; i++) {
            widestLabel = Math.max(widestLabel, TextMetrics.width(labels[i], LABEL_SIZE));
            widestValue = Math.max(widestValue, TextMetrics.width(valueTexts[i], LABEL_SIZE));
            max = Math.max(max, data.get(i).value());
        }
        double gap = 8;
        double labelColumn = Math.min(widestLabel, inner * 0.35);
        double barStart = PAD + labelColumn + (labelColumn > 0 ? gap : 0);
        // Values are printed after the bar, so the longest bar must leave room for its number;
        // absurdly long numbers may overflow rather than squeeze bars to nothing.
        double barSpace = Math.max(inner * 0.25, width - PAD - (widestValue + 6) - barStart);
        double height = TOP + n * BAR_ROW - (BAR_ROW - BAR_HEIGHT) + PAD;

        SvgBuilder b = new SvgBuilder();
        visibleTitle(b, cleanTitle, style);
        b.open("line").attr("class", "kc-axis")
                .attr("x1", barStart).attr("x2", barStart)
                .attr("y1", TOP - 4).attr("y2", TOP + n * BAR_ROW - (BAR_ROW - BAR_HEIGHT) + 4)
                .attr("stroke", AXIS).attr("stroke-width", "1").close();
        for (int i = 0; i < n; i++) {
            Bar bar = data.get(i);
            double y = TOP + i * BAR_ROW;
            double length = bar.value() == 0 ? 0
                    : Math.max(1, Num.ratio(values.get(i), BigInteger.valueOf(max)) * barSpace);
            String href = Hrefs.safe(bar.href());
            if (href != null) {
                // Both spellings: SVG 2 renderers read href, older ones (and some converters) xlink:href.
                b.open("a").attr("class", "kc-row").attr("href", href).attr("xlink:href", href);
            } else {
                b.open("g").attr("class", "kc-row");
            }
            b.textElement("title", m.counted("tooltip", values.get(i), labels[i], valueTexts[i]));
            if (!labels[i].isEmpty() && labelColumn > 0) {
                b.open("text").attr("class", "kc-label")
                        .attr("x", barStart - gap).attr("y", y + BAR_HEIGHT / 2).attr("dy", CENTER_DY)
                        .attr("text-anchor", "end").attr("font-size", px(LABEL_SIZE))
                        .attr("fill", href != null ? style.primaryColor() : TEXT);
                if (href != null) {
                    b.attr("text-decoration", "underline");
                }
                b.text(TextMetrics.truncate(labels[i], labelColumn, LABEL_SIZE)).close();
            }
            b.open("rect").attr("class", "kc-bar")
                    .attr("x", barStart).attr("y", y).attr("width", length).attr("height", BAR_HEIGHT)
                    .attr("fill", style.primaryColor()).close();
            b.open("text").attr("class", "kc-value")
                    .attr("x", barStart + length + 6).attr("y", y + BAR_HEIGHT / 2).attr("dy", CENTER_DY)
                    .attr("font-size", px(LABEL_SIZE)).attr("fill", MUTED)
                    .text(valueTexts[i]).close();
            b.close();
        }

        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item(labels[i], values.get(i), -1));
        }
        String desc = summary(m, locale, total, items, List.of());
        return document(style, height, cleanTitle, desc, b);
    }

    /**
     * A single 100 % bar split into segments, with a legend giving count and percentage of each.
     * Percentages are whole numbers that add up to exactly 100.
     */
    public static String stackedBar(String title, List<Segment> segments, ChartStyle style) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(style, "style");
        List<Segment> data = List.copyOf(segments);
        Messages m = Messages.of(style.locale());
        Locale locale = style.locale();
        String cleanTitle = Xml.clean(title);

        int n = data.size();
        List<BigInteger> values = new ArrayList<>(n);
        String[] labels = new String[n];
        String[] valueTexts = new String[n];
        String[] colors = new String[n];
        for (int i = 0; i < n; i++) {
            Segment s = data.get(i);
            values.add(BigInteger.valueOf(s.value()));
            labels[i] = Xml.clean(s.label());
            valueTexts[i] = Num.count(s.value(), locale);
            colors[i] = Colors.isSafe(s.color()) ? s.color().trim() : style.palette().get(i % style.palette().size());
        }
        BigInteger total = sum(values);
        if (total.signum() == 0) {
            return empty(cleanTitle, style, m);
        }
        int[] percents = Percentages.largestRemainder(values);

        double width = style.width();
        double inner = width - 2 * PAD;
        SvgBuilder b = new SvgBuilder();
        visibleTitle(b, cleanTitle, style);

        BigInteger cumulative = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            double left = round2(PAD + Num.ratio(cumulative, total) * inner);
            cumulative = cumulative.add(values.get(i));
            double right = round2(PAD + Num.ratio(cumulative, total) * inner);
            if (values.get(i).signum() == 0) {
                continue;
            }
            String tooltip = m.counted("tooltipPercent", values.get(i), labels[i], valueTexts[i],
                    Integer.toString(percents[i]));
            // The white outline keeps neighbouring segments apart even when palette colours
            // repeat or are hard to tell apart for colour-blind readers.
            b.open("rect").attr("class", "kc-segment")
                    .attr("x", left).attr("y", TOP).attr("width", right - left).attr("height", STACK_HEIGHT)
                    .attr("fill", colors[i]).attr("stroke", "#ffffff").attr("stroke-width", "1");
            b.textElement("title", tooltip);
            b.close();
            String percentText = percents[i] + "%";
            var textColor = Colors.textOn(colors[i]);
            if (textColor.isPresent() && right - left >= TextMetrics.width(percentText, LABEL_SIZE) + 8) {
                b.open("text").attr("class", "kc-segment-label")
                        .attr("x", (left + right) / 2).attr("y", TOP + STACK_HEIGHT / 2).attr("dy", CENTER_DY)
                        .attr("text-anchor", "middle").attr("font-size", px(LABEL_SIZE))
                        .attr("fill", textColor.get()).text(percentText).close();
            }
        }

        String[] legendTexts = new String[n];
        double widestItem = 0;
        for (int i = 0; i < n; i++) {
            legendTexts[i] = m.get("legend", labels[i], valueTexts[i], Integer.toString(percents[i]));
            widestItem = Math.max(widestItem, TextMetrics.width(legendTexts[i], LABEL_SIZE));
        }
        double itemGap = 24;
        double textOffset = SWATCH + 6;
        double columnWidth = Math.min(inner, textOffset + widestItem) + itemGap;
        int columns = (int) Math.max(1, Math.min(n, Math.floor((inner + itemGap) / columnWidth)));
        int rows = (n + columns - 1) / columns;
        double legendTop = TOP + STACK_HEIGHT + 20;
        double maxText = Math.min(widestItem, inner - textOffset);
        for (int i = 0; i < n; i++) {
            double x = PAD + (i % columns) * columnWidth;
            double cy = legendTop + (i / columns) * LEGEND_ROW + LEGEND_ROW / 2;
            b.open("g").attr("class", "kc-legend-item");
            b.textElement("title", m.counted("tooltipPercent", values.get(i), labels[i], valueTexts[i],
                    Integer.toString(percents[i])));
            b.open("rect").attr("class", "kc-swatch")
                    .attr("x", x).attr("y", cy - SWATCH / 2).attr("width", SWATCH).attr("height", SWATCH)
                    .attr("rx", "2").attr("fill", colors[i]).close();
            b.open("text").attr("class", "kc-legend-label")
                    .attr("x", x + textOffset).attr("y", cy).attr("dy", CENTER_DY)
                    .attr("font-size", px(LABEL_SIZE)).attr("fill", TEXT)
                    .text(TextMetrics.truncate(legendTexts[i], maxText, LABEL_SIZE)).close();
            b.close();
        }
        double height = legendTop + rows * LEGEND_ROW + PAD - 4;

        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item(labels[i], values.get(i), percents[i]));
        }
        String desc = summary(m, locale, total, items, List.of());
        return document(style, height, cleanTitle, desc, b);
    }

    /**
     * Columns per day from the earliest to the latest date, days without a point counting as zero.
     * Points on the same date are added. Spans longer than {@value TimeBuckets#MAX_BUCKETS} days are
     * summed per week (then month, then years) so that columns stay visible. The y axis uses
     * 1-2-5 ticks; date labels are thinned (e.g. to every 7th day) so they do not overlap.
     */
    public static String timeSeries(String title, List<Point> points, ChartStyle style) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(style, "style");
        List<Point> data = List.copyOf(points);
        Messages m = Messages.of(style.locale());
        Locale locale = style.locale();
        String cleanTitle = Xml.clean(title);

        BigInteger total = BigInteger.ZERO;
        for (Point p : data) {
            total = total.add(BigInteger.valueOf(p.value()));
        }
        if (total.signum() == 0) {
            return empty(cleanTitle, style, m);
        }

        TimeBuckets tb = TimeBuckets.of(data);
        List<TimeBuckets.Bucket> buckets = tb.buckets;
        int count = buckets.size();
        BigInteger maxValue = buckets.stream().map(TimeBuckets.Bucket::value)
                .max(Comparator.naturalOrder()).orElse(BigInteger.ZERO);
        NiceScale.Ticks ticks = NiceScale.forMax(maxValue);

        double width = style.width();
        double widestTick = 0;
        List<String> tickTexts = new ArrayList<>();
        for (BigInteger t : ticks.values()) {
            String s = Num.count(t, locale);
            tickTexts.add(s);
            widestTick = Math.max(widestTick, TextMetrics.width(s, SMALL_SIZE));
        }
        double plotX = Math.min(PAD + widestTick + 8, PAD + (width - 2 * PAD) * 0.5);
        double plotWidth = width - PAD - plotX;
        double plotTop = TOP + 8;
        double plotBottom = plotTop + PLOT_HEIGHT;
        double height = plotBottom + 32;

        SvgBuilder b = new SvgBuilder();
        visibleTitle(b, cleanTitle, style);
        for (int t = 0; t < ticks.values().size(); t++) {
            BigInteger tick = ticks.values().get(t);
            double y = plotBottom - Num.ratio(tick, ticks.max()) * PLOT_HEIGHT;
            b.open("line").attr("class", tick.signum() == 0 ? "kc-axis" : "kc-grid")
                    .attr("x1", plotX).attr("x2", plotX + plotWidth).attr("y1", y).attr("y2", y)
                    .attr("stroke", tick.signum() == 0 ? AXIS : GRID).attr("stroke-width", "1").close();
            b.open("text").attr("class", "kc-tick")
                    .attr("x", plotX - 6).attr("y", y).attr("dy", CENTER_DY).attr("text-anchor", "end")
                    .attr("font-size", px(SMALL_SIZE)).attr("fill", MUTED).text(tickTexts.get(t)).close();
        }

        double columnWidth = plotWidth / count;
        double barWidth = Math.min(40, columnWidth * (columnWidth > 3 ? 0.72 : 0.9));
        LabelFormat labels = new LabelFormat(m, tb);
        for (int i = 0; i < count; i++) {
            TimeBuckets.Bucket bucket = buckets.get(i);
            double h = Num.ratio(bucket.value(), ticks.max()) * PLOT_HEIGHT;
            if (bucket.value().signum() > 0) {
                h = Math.max(1, h);
            }
            b.open("rect").attr("class", "kc-column")
                    .attr("x", plotX + i * columnWidth + (columnWidth - barWidth) / 2).attr("y", plotBottom - h)
                    .attr("width", barWidth).attr("height", h).attr("fill", style.primaryColor());
            b.textElement("title", m.counted("tooltip", bucket.value(), labels.full(bucket),
                    Num.count(bucket.value(), locale)));
            b.close();
        }

        String[] axisLabels = new String[count];
        double widestLabel = 0;
        for (int i = 0; i < count; i++) {
            axisLabels[i] = labels.axis(buckets.get(i));
            widestLabel = Math.max(widestLabel, TextMetrics.width(axisLabels[i], SMALL_SIZE));
        }
        int maxLabels = (int) Math.max(1, Math.floor(plotWidth / (widestLabel + 12)));
        int step = labelStep(tb.granularity, count, maxLabels);
        for (int i = 0; i < count; i += step) {
            double cx = plotX + (i + 0.5) * columnWidth;
            double half = TextMetrics.width(axisLabels[i], SMALL_SIZE) / 2;
            double textX = Math.max(half + 2, Math.min(width - half - 2, cx));
            b.open("line").attr("class", "kc-xtick")
                    .attr("x1", cx).attr("x2", cx).attr("y1", plotBottom).attr("y2", plotBottom + 4)
                    .attr("stroke", AXIS).attr("stroke-width", "1").close();
            b.open("text").attr("class", "kc-xlabel")
                    .attr("x", textX).attr("y", plotBottom + 18).attr("text-anchor", "middle")
                    .attr("font-size", px(SMALL_SIZE)).attr("fill", MUTED).text(axisLabels[i]).close();
        }

        List<String> extra = new ArrayList<>();
        var first = buckets.get(0).start();
        var last = buckets.get(count - 1).end();
        extra.add(first.equals(last)
                ? m.get("singleDay", m.date("dateFull", first))
                : m.get("range", m.date("dateFull", first), m.date("dateFull", last)));
        switch (tb.granularity) {
            case WEEK -> extra.add(m.get("perWeek"));
            case MONTH -> extra.add(m.get("perMonth"));
            case YEAR -> extra.add(m.get("perYear"));
            default -> {
            }
        }
        List<Item> items = new ArrayList<>(count);
        for (TimeBuckets.Bucket bucket : buckets) {
            items.add(new Item(labels.full(bucket), bucket.value(), -1));
        }
        String desc = summary(m, locale, total, items, extra);
        return document(style, height, cleanTitle, desc, b);
    }

    /**
     * Label thinning steps that match how people count time (a week, a fortnight, a quarter),
     * falling back to whatever is needed when even those are too dense.
     */
    static int labelStep(TimeBuckets.Granularity granularity, int count, int maxLabels) {
        int needed = (count + maxLabels - 1) / maxLabels;
        int[] candidates = switch (granularity) {
            case DAY -> new int[] {1, 2, 7, 14, 28, 56, 91, 182, 364};
            case WEEK -> new int[] {1, 2, 4, 8, 13, 26, 52};
            case MONTH -> new int[] {1, 2, 3, 6, 12, 24, 60, 120};
            case YEAR -> new int[] {1, 2, 5, 10, 20, 50, 100, 200};
        };
        for (int c : candidates) {
            if (c >= needed) {
                return c;
            }
        }
        return needed;
    }

    /** Bucket names: full ones for tooltips and the summary, compact ones for the axis. */
    private static final class LabelFormat {
        private final Messages m;
        private final TimeBuckets tb;
        private final boolean sameYear;

        LabelFormat(Messages m, TimeBuckets tb) {
            this.m = m;
            this.tb = tb;
            this.sameYear = tb.buckets.get(0).start().getYear() == tb.buckets.get(tb.buckets.size() - 1).end().getYear();
        }

        String full(TimeBuckets.Bucket b) {
            return switch (tb.granularity) {
                case DAY -> m.date("dateFull", b.start());
                case WEEK -> m.get("week", m.date("dateFull", b.start()));
                case MONTH -> m.date("month", b.start());
                case YEAR -> years(b);
            };
        }

        String axis(TimeBuckets.Bucket b) {
            return switch (tb.granularity) {
                case DAY, WEEK -> m.date(sameYear ? "dateShort" : "dateFull", b.start());
                case MONTH -> m.date("month", b.start());
                case YEAR -> years(b);
            };
        }

        private String years(TimeBuckets.Bucket b) {
            int from = b.start().getYear();
            int to = b.end().getYear();
            return from == to ? m.get("year", Integer.toString(from))
                    : m.get("yearRange", Integer.toString(from), Integer.toString(to));
        }
    }

    private record Item(String label, BigInteger value, int percent) {
    }

    /** "Total, then the largest few": what a sighted reader takes in at a glance. */
    private static String summary(Messages m, Locale locale, BigInteger total, List<Item> items, List<String> extra) {
        List<String> sentences = new ArrayList<>();
        sentences.add(m.counted("total", total, Num.count(total, locale)));
        sentences.addAll(extra);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).value().signum() > 0) {
                order.add(i);
            }
        }
        // Stable on ties: the earlier item (e.g. the lower article number) is named first.
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> items.get(i).value()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        List<String> top = new ArrayList<>();
        for (int i : order.subList(0, Math.min(TOP_ITEMS, order.size()))) {
            Item item = items.get(i);
            String value = Num.count(item.value(), locale);
            top.add(item.percent() >= 0
                    ? m.counted("itemPercent", item.value(), item.label(), value, Integer.toString(item.percent()))
                    : m.counted("item", item.value(), item.label(), value));
        }
        sentences.add(m.get("most", String.join(m.get("listSeparator"), top)));
        return String.join(m.get("sentenceSeparator"), sentences);
    }

    private static String empty(String title, ChartStyle style, Messages m) {
        SvgBuilder b = new SvgBuilder();
        visibleTitle(b, title, style);
        b.open("text").attr("class", "kc-empty")
                .attr("x", style.width() / 2.0).attr("y", TOP + 28).attr("text-anchor", "middle")
                .attr("font-size", px(14)).attr("fill", MUTED).text(m.get("noData")).close();
        return document(style, TOP + 56, title, m.get("noDataDesc"), b);
    }

    private static void visibleTitle(SvgBuilder b, String title, ChartStyle style) {
        if (title.isEmpty()) {
            return;
        }
        b.open("text").attr("class", "kc-title")
                .attr("x", PAD).attr("y", TITLE_BASELINE)
                .attr("font-size", px(TITLE_SIZE)).attr("font-weight", "600").attr("fill", TEXT)
                .text(TextMetrics.truncate(title, style.width() - 2 * PAD, TITLE_SIZE)).close();
    }

    private static String document(ChartStyle style, double height, String title, String desc, SvgBuilder body) {
        String bodyXml = body.toXml();
        String viewHeight = Num.coord(Math.ceil(height));
        // Content-derived ids keep output deterministic while letting several different charts
        // share one HTML page without their aria-labelledby targets colliding.
        String id = "kc-" + hash(style.width() + "\n" + viewHeight + "\n" + style.fontFamily() + "\n"
                + title + "\n" + desc + "\n" + bodyXml);
        SvgBuilder svg = new SvgBuilder();
        svg.open("svg")
                .attr("xmlns", SVG_NS)
                .attr("xmlns:xlink", XLINK_NS)
                .attr("viewBox", "0 0 " + style.width() + " " + viewHeight)
                .attr("width", "100%")
                .attr("role", "img")
                .attr("aria-labelledby", id + "-title " + id + "-desc")
                .attr("font-family", style.fontFamily());
        svg.open("title").attr("id", id + "-title").text(title).close();
        svg.open("desc").attr("id", id + "-desc").text(desc).close();
        svg.append(body);
        svg.close();
        return svg.toXml();
    }

    /** FNV-1a, 64 bit: stable across JVMs, unlike String.hashCode's narrower range. */
    private static String hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex.substring(0, Math.min(hex.length(), 16));
    }

    private static BigInteger sum(List<BigInteger> values) {
        BigInteger total = BigInteger.ZERO;
        for (BigInteger v : values) {
            total = total.add(v);
        }
        return total;
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static String px(double size) {
        return Num.coord(size) + "px";
    }
}
