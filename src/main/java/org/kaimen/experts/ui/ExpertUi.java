package org.kaimen.experts.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;

/** What the expert screens share: refusals shown as localized notifications, and a draft's articles. */
final class ExpertUi {

    private ExpertUi() {
    }

    static void act(Runnable action) {
        try {
            action.run();
        } catch (KaimenException ex) {
            Notification n = Notification.show(I18NProvider.translate(ex.messageKey(), ex.args()));
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static void articles(List<Provision> nodes, List<Provision> out) {
        for (Provision p : nodes) {
            if (p.kind() == Provision.Kind.ARTICLE) {
                out.add(p);
            } else {
                articles(p.children(), out);
            }
        }
    }
}
