package org.kaimen.feedback.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;

/** The report's introduction and due date, a preview, and publication. Fires events; the view calls the service. */
class ReportSettingsDialog extends Dialog {

    private final TextArea introduction = new TextArea();
    private final DatePicker due = new DatePicker();
    private final Div error = new Div();
    private boolean armed;

    ReportSettingsDialog(long draftId, String intro, LocalDate dueOn, boolean published) {
        setHeaderTitle(getTranslation("feedback.desk.report"));
        setId("desk-report-dialog");
        setWidth("min(44rem, 96vw)");
        introduction.setLabel(getTranslation("feedback.desk.report.introduction"));
        introduction.setHelperText(getTranslation("feedback.desk.report.introduction.help"));
        introduction.setValue(intro == null ? "" : intro);
        introduction.setMaxLength(20_000);
        introduction.setWidthFull();
        introduction.setMinHeight("10rem");
        introduction.setId("desk-report-introduction");
        introduction.setReadOnly(published);
        due.setLabel(getTranslation("feedback.desk.report.due"));
        due.setValue(dueOn);
        due.setId("desk-report-due");
        due.setReadOnly(published);
        error.addClassNames("kaimen-notice", "kaimen-notice-error");
        error.setVisible(false);
        Anchor preview = new Anchor("drafts/" + draftId + "/report", getTranslation(published
                ? "feedback.desk.report.open" : "feedback.desk.report.preview"));
        preview.setTarget(AnchorTarget.BLANK);
        Paragraph publishHelp = new Paragraph(getTranslation(published ? "feedback.desk.report.published"
                : "feedback.desk.report.publish.help"));
        publishHelp.addClassName("kaimen-hint");
        add(introduction, due, preview, publishHelp, error);
        Button save = new Button(getTranslation("common.save"),
                e -> fireEvent(new SaveEvent(this, introduction.getValue(), due.getValue())));
        save.setEnabled(!published);
        // Publication is final and mails the subscribers: the first click asks, the second publishes.
        Button publish = new Button(getTranslation("feedback.desk.report.publish"));
        publish.addClickListener(e -> {
            if (armed) {
                fireEvent(new PublishEvent(this));
            } else {
                armed = true;
                publish.setText(getTranslation("feedback.desk.report.publish.confirm"));
                publish.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
        });
        publish.setId("desk-report-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setEnabled(!published);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()), save, publish);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }

    Registration addPublishListener(ComponentEventListener<PublishEvent> l) {
        return addListener(PublishEvent.class, l);
    }

    static final class SaveEvent extends ComponentEvent<ReportSettingsDialog> {
        private final String introduction;
        private final LocalDate dueOn;

        SaveEvent(ReportSettingsDialog source, String introduction, LocalDate dueOn) {
            super(source, true);
            this.introduction = introduction;
            this.dueOn = dueOn;
        }

        String introduction() {
            return introduction;
        }

        LocalDate dueOn() {
            return dueOn;
        }
    }

    static final class PublishEvent extends ComponentEvent<ReportSettingsDialog> {
        PublishEvent(ReportSettingsDialog source) {
            super(source, true);
        }
    }
}
