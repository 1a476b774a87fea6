package org.kaimen.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.kaimen.accounts.Role;
import org.kaimen.notifications.internal.MailTemplates;
import org.kaimen.shared.web.KaimenException;

/**
 * Administrators change the wording of mails (subject and body, per language) without a restart; the next mail uses
 * it. The standard text stays visible beside it, with its placeholders, and one click goes back to it. Audited.
 */
@Route("admin/mail-templates")
@Menu(title = "nav.mail-templates", order = 93, icon = "vaadin:envelope-open-o")
@RolesAllowed(Role.ADMIN_NAME)
public class MailTemplatesView extends Main implements HasDynamicTitle {

    private final MailTemplates templates;
    private final Select<String> key = new Select<>();
    private final Select<String> language = new Select<>();
    private final TextArea text = new TextArea();
    private final Pre standard = new Pre();

    public MailTemplatesView(MailTemplates templates) {
        this.templates = templates;
        addClassNames("kaimen-content");
        key.setId("template-key");
        key.setLabel(getTranslation("mailtemplates.key"));
        key.setItems(MailTemplates.KEYS);
        key.setItemLabelGenerator(k -> getTranslation("mailtemplates.key." + k));
        language.setId("template-language");
        language.setLabel(getTranslation("mailtemplates.language"));
        language.setItems(MailTemplates.LANGUAGES);
        language.setItemLabelGenerator(l -> getTranslation("mailtemplates.language." + l));
        key.setValue(MailTemplates.KEYS.get(0));
        language.setValue(MailTemplates.LANGUAGES.get(0));
        key.addValueChangeListener(e -> load());
        language.addValueChangeListener(e -> load());
        text.setId("template-text");
        text.setLabel(getTranslation("mailtemplates.text"));
        text.setWidthFull();
        text.setMinHeight("12em");
        standard.addClassName("kaimen-mail-body");

        Button save = new Button(getTranslation("mailtemplates.save"), e -> save());
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button(getTranslation("mailtemplates.reset"), e -> reset());
        reset.setId("template-reset");

        add(new H1(getTranslation("mailtemplates.title")), new Paragraph(getTranslation("mailtemplates.intro")),
                new HorizontalLayout(key, language), text, new HorizontalLayout(save, reset),
                new Paragraph(getTranslation("mailtemplates.standard")), standard);
        load();
    }

    private void load() {
        if (key.getValue() == null || language.getValue() == null) {
            return;
        }
        String original = templates.standard(key.getValue(), language.getValue());
        standard.setText(original);
        text.setValue(templates.override(key.getValue(), language.getValue()).orElse(original));
    }

    private void save() {
        try {
            templates.save(key.getValue(), language.getValue(), text.getValue());
            Notification.show(getTranslation("mailtemplates.saved"));
        } catch (KaimenException ex) {
            Notification.show(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    private void reset() {
        templates.reset(key.getValue(), language.getValue());
        load();
        Notification.show(getTranslation("mailtemplates.was-reset"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mailtemplates.title");
    }
}
