package org.kaimen.hearings.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.kaimen.shared.web.KaimenException;

/** Small helpers the hearing views share: dates in the app's zone and errors as localized notifications. */
final class Ui {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Ui() {
    }

    static String when(OffsetDateTime t, ZoneId zone) {
        return t == null ? "—" : WHEN.format(t.atZoneSameInstant(zone));
    }

    /** Runs a service call; a refusal shows as a localized notification instead of an error page. */
    static boolean attempt(Component where, Runnable action) {
        try {
            action.run();
            return true;
        } catch (KaimenException e) {
            Notification n = Notification.show(where.getTranslation(e.messageKey(), e.args()), 6000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }

    static Paragraph line(String text) {
        return new Paragraph(text);
    }
}
