package org.kaimen.shared.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The public front page: what this site is for and how to take part. */
@Route("")
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
@AnonymousAllowed
public class HomeView extends Main implements HasDynamicTitle {

    public HomeView() {
        addClassName("kaimen-content");
        H1 heading = new H1(getTranslation("home.heading"));
        heading.setId("home-heading");
        add(heading,
                new Paragraph(getTranslation("home.intro")),
                new H2(getTranslation("home.how.heading")),
                new Paragraph(getTranslation("home.how.read")),
                new Paragraph(getTranslation("home.how.comment")),
                new Paragraph(getTranslation("home.how.feedback")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }
}
