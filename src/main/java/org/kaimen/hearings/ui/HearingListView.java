package org.kaimen.hearings.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Clock;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.HearingService;

/** Announced hearings, newest first. */
@Route("hearings")
@AnonymousAllowed
@Menu(title = "nav.hearings", order = 5, icon = "vaadin:group")
public class HearingListView extends Main implements HasDynamicTitle {

    public HearingListView(HearingService hearings, Clock clock) {
        addClassNames("kaimen-content", "kaimen-hearing");
        add(new H1(getPageTitle()));
        UnorderedList list = new UnorderedList();
        list.setId("hearing-list");
        for (Hearing h : hearings.publicHearings()) {
            list.add(new ListItem(new Anchor("hearings/" + h.id(), h.title()),
                    new Paragraph(Ui.when(h.startsAt(), clock.getZone()))));
        }
        add(list.getChildren().findAny().isPresent() ? list : new Paragraph(getTranslation("hearings.none")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.hearings");
    }
}
