package org.kaimen.feedback.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.kaimen.feedback.Disposition;

/**
 * Picks a topic cluster or a form-letter campaign and makes one opinion of all its comments, or (bulk disposition)
 * makes it and proposes one disposition at once; a second clerk still approves. Fires events; the view calls the
 * service and closes the dialog when it worked.
 */
class SourceDialog extends Dialog {

    /** What the dialog lists; {@code usedBy} is the opinion already made from it, if any. */
    record Source(long id, String label, int size, Long usedBy) {
    }

    private final Grid<Source> grid = new Grid<>();
    private final TextField summary = new TextField();
    private final RadioButtonGroup<Disposition> disposition = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final Div error = new Div();

    /** @param kind {@code cluster} or {@code campaign} */
    SourceDialog(String kind, List<Source> sources) {
        setHeaderTitle(getTranslation("feedback.desk.from." + kind));
        setId("desk-source-dialog");
        setWidth("min(48rem, 96vw)");
        Paragraph intro = new Paragraph(getTranslation("feedback.desk.from.intro"));
        intro.addClassName("kaimen-hint");
        grid.setId("desk-source-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Source::label).setHeader(getTranslation("feedback.desk.from.label")).setFlexGrow(1);
        grid.addColumn(Source::size).setHeader(getTranslation("feedback.desk.col.comments")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(s -> s.usedBy() == null ? "" : getTranslation("feedback.desk.opinion", String.valueOf(s.usedBy())))
                .setHeader(getTranslation("feedback.desk.from.used")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(sources);
        grid.setHeight("16rem");
        grid.setEmptyStateText(getTranslation("feedback.desk.from.none"));
        summary.setLabel(getTranslation("feedback.desk.summary"));
        summary.setPlaceholder(getTranslation("feedback.desk.from.summary.placeholder"));
        summary.setWidthFull();
        summary.setMaxLength(2000);
        summary.setId("desk-source-summary");
        error.addClassNames("kaimen-notice", "kaimen-notice-error");
        error.setVisible(false);
        error.setId("desk-source-error");

        Button create = new Button(getTranslation("feedback.desk.create"), e -> {
            if (grid.asSingleSelect().getValue() != null) {
                fireEvent(new CreateEvent(this, grid.asSingleSelect().getValue().id(), summary.getValue()));
            }
        });
        create.setId("desk-source-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        disposition.setLabel(getTranslation("feedback.desk.disposition"));
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation("feedback.disposition." + d.name()));
        disposition.setId("desk-source-disposition");
        reason.setLabel(getTranslation("feedback.desk.reason"));
        reason.setWidthFull();
        reason.setMaxLength(2000);
        reason.setId("desk-source-reason");
        Button dispose = new Button(getTranslation("feedback.desk.bulk.propose"), e -> {
            if (grid.asSingleSelect().getValue() != null) {
                fireEvent(new DisposeEvent(this, grid.asSingleSelect().getValue().id(), summary.getValue(),
                        disposition.getValue(), reason.getValue()));
            }
        });
        dispose.setId("desk-source-dispose");
        Paragraph bulkIntro = new Paragraph(getTranslation("feedback.desk.bulk.intro"));
        bulkIntro.addClassName("kaimen-hint");
        Details bulk = new Details(getTranslation("feedback.desk.bulk"), new Div(bulkIntro, disposition, reason,
                dispose));
        bulk.setId("desk-bulk");
        create.setEnabled(false);
        dispose.setEnabled(false);
        grid.asSingleSelect().addValueChangeListener(e -> {
            create.setEnabled(e.getValue() != null);
            dispose.setEnabled(e.getValue() != null);
        });
        add(intro, grid, summary, error, bulk);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), create);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> l) {
        return addListener(CreateEvent.class, l);
    }

    Registration addDisposeListener(ComponentEventListener<DisposeEvent> l) {
        return addListener(DisposeEvent.class, l);
    }

    /** A topic or campaign picked, with the summary typed (if any). */
    abstract static class SourceEvent extends ComponentEvent<SourceDialog> {
        private final long sourceId;
        private final String summary;

        SourceEvent(SourceDialog source, long sourceId, String summary) {
            super(source, true);
            this.sourceId = sourceId;
            this.summary = summary;
        }

        long sourceId() {
            return sourceId;
        }

        /** null when the clerk left it empty: the service then uses the topic's name or the campaign's text. */
        String summary() {
            return summary == null || summary.isBlank() ? null : summary;
        }
    }

    static final class CreateEvent extends SourceEvent {
        CreateEvent(SourceDialog source, long sourceId, String summary) {
            super(source, sourceId, summary);
        }
    }

    static final class DisposeEvent extends SourceEvent {
        private final Disposition disposition;
        private final String reason;

        DisposeEvent(SourceDialog source, long sourceId, String summary, Disposition disposition, String reason) {
            super(source, sourceId, summary);
            this.disposition = disposition;
            this.reason = reason;
        }

        Disposition disposition() {
            return disposition;
        }

        String reason() {
            return reason;
        }
    }
}
