package org.kaimen.feedback.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.OpinionState;
import org.kaimen.drafts.Provision;

/** How states, dispositions, dates and article lists read on the desk and in the report. */
final class FeedbackFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private FeedbackFormat() {
    }

    /** A calm badge: adoptions green, refusals grey, never an alarming red for a citizen's opinion. */
    static Span badge(Component owner, Disposition d) {
        Span badge = new Span(owner.getTranslation("feedback.disposition." + d.name()));
        badge.getElement().getThemeList().add("badge");
        switch (d) {
            case ADOPTED, PARTLY_ADOPTED -> badge.getElement().getThemeList().add("success");
            case NOT_ADOPTED, OUT_OF_SCOPE -> badge.getElement().getThemeList().add("contrast");
            default -> { }
        }
        badge.addClassNames("kaimen-disposition-badge");
        return badge;
    }

    static Span badge(Component owner, OpinionState s) {
        Span badge = new Span(owner.getTranslation("feedback.state." + s.name()));
        badge.getElement().getThemeList().add("badge");
        switch (s) {
            case APPROVED -> badge.getElement().getThemeList().add("success");
            case PROPOSED -> badge.getElement().getThemeList().add("primary");
            case NEW -> badge.getElement().getThemeList().add("contrast");
            default -> { }
        }
        return badge;
    }

    static String date(OffsetDateTime t) {
        return t == null ? "" : DATE.format(t.atZoneSameInstant(ZONE));
    }

    static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    static String dateTime(OffsetDateTime t) {
        return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(ZONE));
    }

    /** Where an opinion came from: a topic, a campaign, a search or the clerk's own selection. */
    static String source(Component owner, String source) {
        if (source == null || source.isBlank()) {
            return "";
        }
        int colon = source.indexOf(':');
        String kind = colon < 0 ? source : source.substring(0, colon);
        String id = colon < 0 ? "" : source.substring(colon + 1);
        return switch (kind) {
            case "cluster" -> owner.getTranslation("feedback.source.cluster", id);
            case "campaign" -> owner.getTranslation("feedback.source.campaign", id);
            case "search" -> owner.getTranslation("feedback.source.search");
            default -> owner.getTranslation("feedback.source.manual");
        };
    }

    /** Article key → citation (a12 → 第十二条) for the articles of a provision tree, in the draft's order. */
    static Map<String, String> articleLabels(List<Provision> tree) {
        Map<String, String> out = new LinkedHashMap<>();
        collect(tree, out);
        return out;
    }

    /** The articles of a tree, in the draft's order. */
    static List<Provision> articles(List<Provision> tree) {
        List<Provision> out = new java.util.ArrayList<>();
        walk(tree, out);
        return out;
    }

    private static void collect(List<Provision> nodes, Map<String, String> out) {
        for (Provision p : articles(nodes)) {
            out.put(p.key(), p.label());
        }
    }

    private static void walk(List<Provision> nodes, List<Provision> out) {
        for (Provision p : nodes) {
            if (p.kind() == Provision.Kind.ARTICLE) {
                out.add(p);
            } else if (p.kind().isHeading()) {
                walk(p.children(), out);
            }
        }
    }

    static String articles(Map<String, String> labels, List<String> keys) {
        return keys.stream().map(k -> labels.getOrDefault(k, k)).reduce((a, b) -> a + "、" + b).orElse("");
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
