package org.kaimen.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.IndexStatus;
import org.kaimen.analysis.SearchService;
import org.kaimen.shared.web.KaimenException;

/** The search index for administrators: lag, backlog and counts, the rebuild, and the synonym list. */
@Route("admin/index")
@Menu(title = "nav.index", order = 92, icon = "vaadin:database")
@RolesAllowed(Role.ADMIN_NAME)
public class IndexAdminView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient IndexAdmin admin;
    private final transient SearchService search;
    private final Div status = new Div();

    public IndexAdminView(IndexAdmin admin, SearchService search) {
        this.admin = admin;
        this.search = search;
        addClassNames("kaimen-content", "kaimen-wide");
        status.setId("index-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Button refresh = new Button(getTranslation("index.refresh"), e -> showStatus());
        Button rebuild = new Button(getTranslation("index.rebuild"), e -> {
            try {
                long n = admin.rebuild();
                Notification.show(getTranslation("index.rebuilt", n));
            } catch (KaimenException ex) {
                Notification.show(getTranslation(ex.messageKey(), ex.args()));
            }
            showStatus();
        });
        rebuild.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rebuild.setId("index-rebuild");
        TextArea synonyms = new TextArea(getTranslation("index.synonyms"));
        synonyms.setHelperText(getTranslation("index.synonyms.help"));
        synonyms.setValue(String.join("\n", search.synonyms()));
        synonyms.setWidthFull();
        synonyms.setMinHeight("10rem");
        synonyms.setId("synonyms");
        Button save = new Button(getTranslation("common.save"), e -> {
            search.replaceSynonyms(Arrays.asList(synonyms.getValue().split("\\R")));
            Notification.show(getTranslation("drafts.edit.saved"));
        });
        add(new H1(getTranslation("nav.index")), status, new Div(refresh, rebuild),
                new H2(getTranslation("index.synonyms")), synonyms, save);
        showStatus();
    }

    private void showStatus() {
        status.removeAll();
        IndexStatus s = admin.status();
        status.add(new Paragraph(getTranslation(s.reachable() ? "index.reachable" : "index.unreachable")),
                new Paragraph(getTranslation("index.counts", s.documents(), s.comments())),
                new Paragraph(getTranslation("index.backlog", s.backlog(), s.lag().toSeconds())));
        if (s.index() != null) {
            status.add(new Paragraph(getTranslation("index.name", s.index())));
        }
        if (s.outdated()) {
            status.add(new Paragraph(getTranslation("index.outdated")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.index");
    }
}
