package org.kaimen.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;

/** The drafting group's list of every draft, public or not, with the way to import a new one. */
@Route("staff/drafts")
@Menu(title = "nav.staff-drafts", order = 20, icon = "vaadin:file-text-o")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class StaffDraftsView extends Main implements HasDynamicTitle {

    public StaffDraftsView(DraftService drafts) {
        addClassNames("kaimen-content", "kaimen-wide");
        Button importButton = new Button(getTranslation("drafts.import.heading"),
                e -> getUI().ifPresent(ui -> ui.navigate(DraftImportView.class)));
        importButton.setId("import-draft");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Grid<DraftSummary> grid = new Grid<>();
        grid.setId("staff-drafts-grid");
        grid.addColumn(DraftSummary::title).setHeader(getTranslation("drafts.title")).setFlexGrow(3);
        grid.addComponentColumn(d -> DraftFormat.badge(this, d.state())).setHeader(getTranslation("drafts.state"))
                .setAutoWidth(true);
        grid.addColumn(d -> DraftFormat.period(this, d)).setHeader(getTranslation("drafts.period.heading"))
                .setFlexGrow(2);
        grid.addColumn(DraftSummary::currentVersion).setHeader(getTranslation("drafts.version")).setAutoWidth(true);
        grid.setItems(drafts.allDrafts());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("staff/drafts/" + e.getItem().id())));
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("nav.staff-drafts")), importButton, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.staff-drafts");
    }
}
