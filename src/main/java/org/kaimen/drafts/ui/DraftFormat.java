package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;

/** How drafts' states and periods read on every page. */
final class DraftFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DraftFormat() {
    }

    static Span badge(Component owner, DraftState state) {
        Span badge = new Span(owner.getTranslation("drafts.state." + state.name()));
        badge.getElement().getThemeList().add("badge");
        switch (state) {
            case OPEN -> badge.getElement().getThemeList().add("success");
            case CLOSED -> badge.getElement().getThemeList().add("contrast");
            case ADOPTED -> badge.getElement().getThemeList().add("primary");
            default -> { }
        }
        badge.addClassName("kaimen-state");
        return badge;
    }

    static String period(Component owner, DraftSummary d) {
        if (d.opensAt() == null) {
            return owner.getTranslation("drafts.period.none");
        }
        String text = owner.getTranslation("drafts.period", date(d.opensAt()), date(d.closesAt()));
        return d.daysLeft() == null ? text : text + " · " + owner.getTranslation("drafts.days-left", d.daysLeft());
    }

    static String date(OffsetDateTime t) {
        return t == null ? "" : DATE.format(t.atZoneSameInstant(ZONE));
    }

    static String dateTime(OffsetDateTime t) {
        return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(ZONE));
    }
}
