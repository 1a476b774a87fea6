package org.kaimen.drafts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.ImportResult;
import org.kaimen.shared.web.KaimenException;

/** A draft's metadata, its consultation period, and publishing its next version. */
@Route("staff/drafts/:draftId(\\d+)")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class DraftEditView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final transient DraftService drafts;
    private long draftId;
    private String title = "";

    public DraftEditView(DraftService drafts) {
        this.drafts = drafts;
        addClassNames("kaimen-content", "kaimen-wide");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        draftId = Long.parseLong(event.getRouteParameters().get("draftId").orElseThrow());
        try {
            show(drafts.get(draftId));
        } catch (KaimenException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(DraftSummary d) {
        removeAll();
        title = d.title();
        Div state = new Div(DraftFormat.badge(this, d.state()),
                new com.vaadin.flow.component.html.Span(DraftFormat.period(this, d)));
        state.addClassName("kaimen-card-meta");
        add(new H1(d.title()), state, new Div(
                new Anchor("drafts/" + d.id(), getTranslation("drafts.edit.public-page")),
                new Anchor("staff/drafts/" + d.id() + "/offline", getTranslation("drafts.edit.offline"))));

        TextField titleField = new TextField(getTranslation("drafts.title"));
        titleField.setValue(d.title());
        TextArea summary = new TextArea(getTranslation("drafts.summary"));
        summary.setValue(d.summary() == null ? "" : d.summary());
        TextField department = new TextField(getTranslation("drafts.department"));
        department.setValue(d.draftingDepartment() == null ? "" : d.draftingDepartment());
        Checkbox anonymous = new Checkbox(getTranslation("drafts.allow-anonymous"), d.allowAnonymous());
        Checkbox showComments = new Checkbox(getTranslation("drafts.show-comments"), d.showComments());
        Button saveMeta = new Button(getTranslation("common.save"), e -> act(() -> drafts.updateMetadata(draftId,
                titleField.getValue(), summary.getValue(), department.getValue(), anonymous.getValue(),
                showComments.getValue())));
        saveMeta.setId("save-metadata");
        add(new H2(getTranslation("drafts.edit.metadata")),
                new FormLayout(titleField, department, summary, anonymous, showComments), saveMeta);

        DateTimePicker opens = new DateTimePicker(getTranslation("drafts.opens-at"));
        DateTimePicker closes = new DateTimePicker(getTranslation("drafts.closes-at"));
        opens.setValue(local(d.opensAt()));
        closes.setValue(local(d.closesAt()));
        opens.addValueChangeListener(e -> {
            if (e.getValue() != null && closes.isEmpty()) {
                closes.setValue(e.getValue().plus(drafts.defaultPeriod()));
            }
        });
        Button savePeriod = new Button(getTranslation("drafts.edit.save-period"), e -> act(() -> drafts.schedule(
                draftId, offset(opens.getValue()), offset(closes.getValue()))));
        savePeriod.setId("save-period");
        Button closeNow = new Button(getTranslation("drafts.edit.close-now"), e -> act(() -> drafts.closeNow(draftId)));
        closeNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button adopted = new Button(getTranslation("drafts.edit.adopted"), e -> act(() -> drafts.markAdopted(draftId)));
        add(new H2(getTranslation("drafts.edit.period")), new FormLayout(opens, closes),
                new Div(savePeriod, closeNow, adopted));

        DraftSourceField source = new DraftSourceField();
        TextField label = new TextField(getTranslation("drafts.edit.version-label"));
        label.setValue("修改稿");
        TextArea explanation = new TextArea(getTranslation("drafts.explanation.later"));
        explanation.setWidthFull();
        Button publish = new Button(getTranslation("drafts.edit.publish"), e -> {
            if (source.value().isEmpty()) {
                error("drafts.error.empty");
                return;
            }
            try {
                ImportResult r = drafts.publishVersion(draftId, source.value().get(), label.getValue(),
                        explanation.getValue());
                Notification.show(getTranslation("drafts.edit.published", r.version()));
                getUI().ifPresent(ui -> ui.navigate("drafts/" + draftId + "/versions/" + r.version() + "/diff"));
            } catch (KaimenException ex) {
                error(ex.messageKey(), ex.args());
            }
        });
        publish.setId("publish-version");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("drafts.edit.new-version", d.currentVersion() + 1)), source, label, explanation,
                publish);
    }

    private void act(Runnable action) {
        try {
            action.run();
            Notification.show(getTranslation("drafts.edit.saved"));
            show(drafts.get(draftId));
        } catch (KaimenException ex) {
            error(ex.messageKey(), ex.args());
        }
    }

    private void error(String key, Object... args) {
        Notification n = Notification.show(getTranslation(key, args));
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(ZONE).toLocalDateTime();
    }

    private static OffsetDateTime offset(LocalDateTime t) {
        return t == null ? null : t.atZone(ZONE).toOffsetDateTime();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
