package org.kaimen.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.kaimen.shared.settings.Settings;
import org.kaimen.shared.web.KaimenException;
import org.springframework.core.env.Environment;

/**
 * One page for the administrator's settings: links to the editors that change behaviour at once (sensitive words,
 * synonyms, mail templates) and to the audit log that records each change; rate limits and retention periods, saved
 * in the database and applied without a restart; and the limits that come from the configuration, shown read-only
 * with the property that sets them.
 */
@Route("admin/settings")
@Menu(title = "nav.settings", order = 90, icon = "vaadin:cogs")
// The role's name as text: shared cannot depend on accounts (accounts depends on shared).
@RolesAllowed("ADMIN")
public class AdminSettingsView extends Main implements HasDynamicTitle {

    /** A configured limit: the property and its current value. */
    record Setting(String property, String value) {
    }

    static final List<String> CONFIGURED = List.of(
            "kaimen.comments.account-window", "kaimen.comments.address-window", "kaimen.comments.reports-to-hold",
            "kaimen.accounts.lockout.max-failures", "kaimen.accounts.lockout.lock-duration",
            "kaimen.accounts.verification-link-validity", "kaimen.accounts.reset-link-validity",
            "kaimen.mail.outbox.give-up-after", "kaimen.drafts.default-period");

    public AdminSettingsView(Environment env, Settings settings) {
        addClassNames("kaimen-content");
        UnorderedList editors = new UnorderedList();
        for (String[] link : new String[][] {
                {"staff/moderation", "settings.sensitive-words"}, {"admin/index", "settings.synonyms"},
                {"admin/mail-templates", "settings.mail-templates"}, {"admin/users", "settings.users"},
                {"admin/audit", "settings.audit"}}) {
            editors.add(new ListItem(new Anchor(link[0], getTranslation(link[1]))));
        }
        Grid<Setting> grid = new Grid<>();
        grid.setId("configured-settings");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(s -> getTranslation("settings.property." + s.property())).setHeader(getTranslation(
                "settings.what")).setFlexGrow(1);
        grid.addColumn(Setting::value).setHeader(getTranslation("settings.value")).setAutoWidth(true);
        grid.addColumn(Setting::property).setHeader(getTranslation("settings.property")).setAutoWidth(true);
        grid.setItems(CONFIGURED.stream().map(p -> new Setting(p, env.getProperty(p, ""))).toList());
        grid.setAllRowsVisible(true);

        FormLayout values = new FormLayout();
        for (Settings.Definition d : Settings.DEFINITIONS) {
            IntegerField field = new IntegerField(getTranslation("settings.property." + d.name()));
            field.setId("setting-" + d.name());
            field.setMin(d.min());
            field.setMax(d.max());
            field.setStepButtonsVisible(true);
            field.setValue(settings.intValue(d.name()));
            field.setHelperText(getTranslation("settings.default", settings.configured(d.name())));
            Button save = new Button(getTranslation("settings.save"), e -> {
                try {
                    settings.set(d.name(), field.getValue() == null ? settings.configured(d.name()) : field.getValue());
                    field.setValue(settings.intValue(d.name()));
                    Notification.show(getTranslation("settings.saved"));
                } catch (KaimenException ex) {
                    Notification.show(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            save.setId("save-" + d.name());
            HorizontalLayout row = new HorizontalLayout(field, save);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            values.add(row);
        }

        add(new H2(getTranslation("settings.live")), new Paragraph(getTranslation("settings.live.intro")), editors,
                values, new H2(getTranslation("settings.configured")),
                new Paragraph(getTranslation("settings.configured.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title");
    }
}
