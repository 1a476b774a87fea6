package org.kaimen.comments.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentStats;
import org.kaimen.comments.Stance;
import org.kaimen.shared.charts.Bar;
import org.kaimen.shared.charts.ChartStyle;
import org.kaimen.shared.charts.Point;
import org.kaimen.shared.charts.Segment;
import org.kaimen.shared.charts.SvgCharts;

/** The draft's comment statistics as server-rendered SVG: per stance, per channel, per day, most discussed articles. */
class StatsPanel extends Details {

    StatsPanel(CommentStats stats) {
        setSummaryText(getTranslation("comments.stats.title", stats.total()));
        addClassName("kaimen-stats");
        setId("comment-stats");
        Locale locale = getLocale() == null ? Locale.SIMPLIFIED_CHINESE : getLocale();
        ChartStyle style = ChartStyle.defaults().withLocale(locale);
        List<Segment> stances = new ArrayList<>();
        for (Stance s : Stance.values()) {
            stances.add(new Segment(getTranslation("comments.stance." + s.name()), stats.byStance().getOrDefault(s, 0L)));
        }
        List<Segment> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            long n = stats.byChannel().getOrDefault(c, 0L);
            if (n > 0) {
                channels.add(new Segment(getTranslation("comments.channel." + c.name()), n));
            }
        }
        List<Point> days = stats.byDay().entrySet().stream().map(e -> new Point(e.getKey(), e.getValue())).toList();
        List<Bar> articles = stats.byArticle().entrySet().stream()
                .sorted(Comparator.comparing((java.util.Map.Entry<String, Long> e) -> -e.getValue()))
                .limit(15)
                .map(e -> new Bar(stats.articleLabels().getOrDefault(e.getKey(), e.getKey()), e.getValue(), null))
                .toList();
        Div charts = new Div(
                svg(SvgCharts.stackedBar(getTranslation("comments.stats.stance"), stances, style)),
                svg(SvgCharts.stackedBar(getTranslation("comments.stats.channel"), channels, style)),
                svg(SvgCharts.timeSeries(getTranslation("comments.stats.day"), days, style)),
                svg(SvgCharts.horizontalBars(getTranslation("comments.stats.article"), articles, style)));
        charts.addClassName("kaimen-charts");
        add(charts);
    }

    private static Html svg(String svg) {
        return new Html("<div class=\"kaimen-chart\">" + svg + "</div>");
    }
}
