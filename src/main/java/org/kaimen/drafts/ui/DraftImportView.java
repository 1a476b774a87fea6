package org.kaimen.drafts.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftCounts;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.ImportAnomaly;
import org.kaimen.drafts.ImportPreview;
import org.kaimen.drafts.ImportResult;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;

/** Import: upload or paste, check the parsed structure and its anomalies, then create the draft. */
@Route("staff/drafts/import")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class DraftImportView extends Main implements HasDynamicTitle {

    private final transient DraftService drafts;
    private final DraftSourceField source = new DraftSourceField();
    private final TextField title = new TextField();
    private final Checkbox openNow = new Checkbox();
    private final Div preview = new Div();
    private final Button create = new Button();

    public DraftImportView(DraftService drafts) {
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide");
        title.setLabel(getTranslation("drafts.title"));
        title.setHelperText(getTranslation("drafts.import.title-help"));
        title.setWidthFull();
        title.setId("import-title");
        openNow.setLabel(getTranslation("drafts.import.open-now", drafts.defaultPeriod().toDays()));
        openNow.setId("import-open-now");
        Button check = new Button(getTranslation("drafts.import.preview"), e -> preview());
        check.setId("import-preview");
        create.setText(getTranslation("drafts.import.create"));
        create.setId("import-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setEnabled(false);
        create.addClickListener(e -> create());
        preview.setId("import-result");
        add(new H1(getTranslation("drafts.import.heading")), source, title, openNow, new Div(check, create), preview);
    }

    /** Shows what would be stored; fills in the title found in the text. */
    void preview() {
        preview.removeAll();
        Optional<DraftSource> value = source.value();
        if (value.isEmpty()) {
            error("drafts.error.empty");
            return;
        }
        try {
            ImportPreview p = drafts.preview(value.get());
            if (title.isEmpty()) {
                title.setValue(p.title());
            }
            preview.add(new H2(getTranslation("drafts.import.structure")), counts(p.counts()));
            preview.add(anomalies(p));
            TreeGrid<Provision> tree = new TreeGrid<>();
            tree.setItems(p.tree(), Provision::children);
            tree.addHierarchyColumn(Provision::label).setHeader(getTranslation("drafts.import.provision"))
                    .setAutoWidth(true);
            tree.addColumn(x -> x.kind().isHeading() ? x.heading() : x.displayText())
                    .setHeader(getTranslation("drafts.import.text")).setFlexGrow(1);
            tree.setHeight("28rem");
            tree.setId("import-tree");
            preview.add(tree);
            create.setEnabled(true);
        } catch (KaimenException ex) {
            error(ex.messageKey(), ex.args());
            create.setEnabled(false);
        }
    }

    private void create() {
        try {
            ImportResult r = drafts.create(source.value().orElseThrow(), title.getValue(), openNow.getValue());
            Notification.show(getTranslation("drafts.import.created", r.title()));
            getUI().ifPresent(ui -> ui.navigate("staff/drafts/" + r.id()));
        } catch (KaimenException ex) {
            error(ex.messageKey(), ex.args());
        }
    }

    private Component counts(DraftCounts c) {
        Paragraph p = new Paragraph(getTranslation("drafts.counts", c.chapters(), c.sections(), c.articles(),
                c.paragraphs(), c.items()));
        p.setId("import-counts");
        return p;
    }

    private Component anomalies(ImportPreview p) {
        if (p.anomalies().isEmpty()) {
            Span ok = new Span(getTranslation("drafts.import.no-anomalies"));
            ok.addClassName("kaimen-notice");
            return ok;
        }
        Grid<ImportAnomaly> grid = new Grid<>();
        grid.setId("import-anomalies");
        grid.addColumn(ImportAnomaly::line).setHeader(getTranslation("drafts.import.line")).setAutoWidth(true);
        grid.addColumn(ImportAnomaly::message).setHeader(getTranslation("drafts.import.anomaly")).setFlexGrow(1);
        grid.setItems(p.anomalies());
        grid.setAllRowsVisible(true);
        return new Div(new H2(getTranslation("drafts.import.anomalies", p.anomalies().size())), grid);
    }

    private void error(String key, Object... args) {
        Notification n = Notification.show(getTranslation(key, args));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        Div message = new Div(getTranslation(key, args));
        message.addClassNames("kaimen-notice", "kaimen-notice-error");
        message.setId("import-error");
        preview.add(message);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("drafts.import.heading");
    }
}
