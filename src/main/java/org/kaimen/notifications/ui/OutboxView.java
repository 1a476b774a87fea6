package org.kaimen.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import org.kaimen.accounts.Role;
import org.kaimen.notifications.internal.MailOutbox;
import org.kaimen.notifications.internal.MailOutbox.Mail;
import org.kaimen.notifications.internal.MailOutbox.Status;

/** Every mail the app sent or tries to send, with its delivery state; failed mails can be sent again. */
@Route("admin/outbox")
@Menu(title = "nav.outbox", order = 91, icon = "vaadin:envelopes")
@RolesAllowed(Role.ADMIN_NAME)
public class OutboxView extends Main implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final MailOutbox outbox;
    private final Grid<Mail> grid = new Grid<>();
    private final TextField filter = new TextField();
    private final Select<Status> status = new Select<>();

    public OutboxView(MailOutbox outbox) {
        this.outbox = outbox;
        addClassNames("kaimen-content", "kaimen-wide");
        filter.setPlaceholder(getTranslation("outbox.filter"));
        filter.setAriaLabel(getTranslation("outbox.filter"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setAriaLabel(getTranslation("outbox.status"));
        status.setItems(Status.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("outbox.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("outbox.all")
                : getTranslation("outbox.status." + s.name()));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("outbox-grid");
        grid.addColumn(m -> TIME.format(m.createdAt())).setHeader(getTranslation("outbox.created")).setAutoWidth(true);
        grid.addColumn(Mail::recipient).setHeader(getTranslation("outbox.recipient")).setAutoWidth(true);
        grid.addColumn(Mail::subject).setHeader(getTranslation("outbox.subject")).setFlexGrow(1);
        grid.addColumn(m -> getTranslation("outbox.status." + m.status().name()))
                .setHeader(getTranslation("outbox.status")).setAutoWidth(true);
        grid.addColumn(Mail::attempts).setHeader(getTranslation("outbox.attempts")).setAutoWidth(true);
        grid.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader(getTranslation("outbox.error"));
        grid.setItems(q -> outbox.latest(filter.getValue(), status.getValue(), q.getLimit(), q.getOffset()).stream(),
                q -> outbox.count(filter.getValue(), status.getValue()));
        grid.addItemClickListener(e -> show(e.getItem()));
        grid.setHeight("70vh");

        HorizontalLayout tools = new HorizontalLayout(filter, status);
        tools.setWidthFull();
        tools.expand(filter);
        add(new H1(getTranslation("outbox.heading")), tools, grid);
    }

    private void show(Mail mail) {
        Dialog dialog = new Dialog(mail.subject());
        Pre body = new Pre(mail.bodyText());
        body.addClassName("kaimen-mail-body");
        dialog.add(body);
        if (mail.status() == Status.FAILED) {
            dialog.getFooter().add(new Button(getTranslation("outbox.requeue"), e -> {
                outbox.requeue(mail.id());
                dialog.close();
                grid.getDataProvider().refreshAll();
            }));
        }
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.setWidth("min(720px, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.heading");
    }
}
