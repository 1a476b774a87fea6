package org.kaimen.drafts.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;

/** The front page: what this site is for, and the drafts open for comment (closing soonest first). */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@AnonymousAllowed
public class DraftListView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final transient DraftService drafts;

    public DraftListView(DraftService drafts) {
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-home");
    }

    /** Built on every visit: following the Home link while on the home page must show fresh drafts. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        H1 heading = new H1(getTranslation("home.heading"));
        heading.setId("home-heading");
        add(heading, new Paragraph(getTranslation("home.intro")));

        List<DraftSummary> all = drafts.publicDrafts();
        List<DraftSummary> open = all.stream().filter(d -> d.state() == DraftState.OPEN).toList();
        List<DraftSummary> past = all.stream().filter(d -> d.state() != DraftState.OPEN).toList();
        add(new H2(getTranslation("drafts.list.open")));
        if (open.isEmpty()) {
            add(new Paragraph(getTranslation("drafts.list.none-open")));
        }
        Section openList = new Section();
        openList.setId("open-drafts");
        openList.addClassName("kaimen-cards");
        open.forEach(d -> openList.add(card(d)));
        add(openList);
        if (!past.isEmpty()) {
            add(new H2(getTranslation("drafts.list.past")));
            Section pastList = new Section();
            pastList.addClassName("kaimen-cards");
            past.forEach(d -> pastList.add(card(d)));
            add(pastList);
        }
        add(new H2(getTranslation("home.how.heading")),
                new Paragraph(getTranslation("home.how.read")),
                new Paragraph(getTranslation("home.how.comment")),
                new Paragraph(getTranslation("home.how.feedback")));
    }

    private Div card(DraftSummary d) {
        Anchor title = new Anchor("drafts/" + d.id(), d.title());
        title.addClassName("kaimen-card-title");
        Div meta = new Div(DraftFormat.badge(this, d.state()),
                new com.vaadin.flow.component.html.Span(DraftFormat.period(this, d)));
        meta.addClassName("kaimen-card-meta");
        Div card = new Div(title, meta);
        if (d.summary() != null) {
            card.add(new Paragraph(d.summary()));
        }
        card.addClassName("kaimen-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
