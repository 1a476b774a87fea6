package org.kaimen.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.kaimen.shared.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;

/**
 * The audit log for administrators: every staff action and every staff read of personal data, newest first, with a
 * filter over actor, action, target and detail. Read only: the log is append-only by design.
 */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 95, icon = "vaadin:file-text-o")
// The role's name as text: shared cannot depend on accounts (accounts depends on shared).
@RolesAllowed("ADMIN")
public class AuditLogView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Grid<AuditLog.Entry> grid = new Grid<>();
    private final TextField filter = new TextField();

    public AuditLogView(AuditLog audit, @Value("${kaimen.time-zone}") String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        addClassNames("kaimen-content", "kaimen-wide");
        filter.setId("audit-filter");
        filter.setPlaceholder(getTranslation("audit.filter"));
        filter.setAriaLabel(getTranslation("audit.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setWidth("24em");
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> TIME.format(e.at().atZoneSameInstant(zone))).setHeader(getTranslation("audit.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(e -> e.targetType() + (e.targetId() == null ? "" : " " + e.targetId()))
                .setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("audit.detail"))
                .setFlexGrow(1);
        grid.setItems(q -> audit.search(filter.getValue(), q.getLimit(), q.getOffset()).stream(),
                q -> audit.count(filter.getValue()));
        grid.setHeight("70vh");

        add(new Paragraph(getTranslation("audit.intro")), filter, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
