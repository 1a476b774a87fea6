package org.kaimen.feedback.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.shared.Registration;
import java.util.Comparator;
import java.util.List;
import org.kaimen.feedback.OpinionMember;

/**
 * Comments in no opinion yet, with checkboxes: the clerk makes a new opinion of the ticked ones, or moves them into
 * the opinion open beside. Fires events; the view calls the service.
 */
class UnconsolidatedPanel extends Div {

    static final int LIMIT = 500;

    private final Grid<OpinionMember> grid = new Grid<>();
    private final TextField summary = new TextField();
    private final Button create = new Button();
    private final Button move = new Button();
    private final Paragraph info = new Paragraph();
    private Long target;

    UnconsolidatedPanel() {
        setId("desk-unconsolidated");
        addClassName("kaimen-desk-unconsolidated");
        info.addClassName("kaimen-hint");
        info.setId("desk-unconsolidated-info");
        grid.setId("desk-unconsolidated-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> "#" + m.commentId()).setHeader("#").setKey("id").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        // One column: a quiet line of where and how, then the text, so the text gets the width of the list.
        grid.addColumn(LitRenderer.<OpinionMember>of("""
                        <div class="kaimen-loose-cell"><small>${item.meta}</small><span>${item.text}</span></div>""")
                        .withProperty("meta", m -> (m.provisionLabel() == null ? getTranslation("topics.novel.general")
                                : m.provisionLabel()) + " · " + getTranslation("comments.stance." + m.stance().name())
                                + " · " + getTranslation("comments.channel." + m.channel().name()))
                        .withProperty("text", OpinionMember::text))
                .setHeader(getTranslation("feedback.desk.col.text")).setKey("text").setFlexGrow(1);
        grid.setTooltipGenerator(m -> FeedbackFormat.date(m.createdAt()));
        grid.setEmptyStateText(getTranslation("feedback.desk.unconsolidated.none"));
        grid.addClassName("kaimen-desk-grid");
        grid.addSelectionListener(e -> updateButtons());

        summary.setLabel(getTranslation("feedback.desk.new-summary"));
        summary.setPlaceholder(getTranslation("feedback.desk.new-summary.placeholder"));
        summary.setId("desk-new-summary");
        summary.setMaxLength(2000);
        summary.setClearButtonVisible(true);
        create.setText(getTranslation("feedback.desk.create"));
        create.setId("desk-create");
        create.setTooltipText(getTranslation("feedback.desk.create.tip"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            List<OpinionMember> picked = selected();
            if (!picked.isEmpty()) {
                String text = summary.getValue().isBlank()
                        ? FeedbackFormat.abbreviate(picked.get(0).text(), 200) : summary.getValue();
                fireEvent(new CreateEvent(this, ids(picked), text));
            }
        });
        create.addClickShortcut(Key.KEY_N, KeyModifier.ALT).resetFocusOnActiveElement()
                .setBrowserDefaultAllowed(false);
        move.setId("desk-move");
        move.setTooltipText(getTranslation("feedback.desk.move.tip"));
        move.addClickListener(e -> {
            List<OpinionMember> picked = selected();
            if (!picked.isEmpty() && target != null) {
                fireEvent(new MoveEvent(this, ids(picked), target));
            }
        });
        move.addClickShortcut(Key.KEY_M, KeyModifier.ALT).setBrowserDefaultAllowed(false);
        Div bar = new Div(summary, create, move);
        bar.addClassName("kaimen-desk-bar");
        add(info, bar, grid);
        setTarget(null);
    }

    /** @param total how many comments are unconsolidated in all (the list holds at most {@link #LIMIT}) */
    void show(List<OpinionMember> items, long total) {
        grid.deselectAll();
        grid.setItems(items);
        info.setText(total > items.size() ? getTranslation("feedback.desk.unconsolidated.first", items.size(), total)
                : getTranslation("feedback.desk.unconsolidated.info", total));
        summary.clear();
        updateButtons();
    }

    /** The opinion the selection would move into: the one open beside the list. */
    void setTarget(Long opinionId) {
        target = opinionId;
        move.setText(opinionId == null ? getTranslation("feedback.desk.move.none")
                : getTranslation("feedback.desk.move", String.valueOf(opinionId)));
        updateButtons();
    }

    private void updateButtons() {
        boolean any = !grid.getSelectedItems().isEmpty();
        create.setEnabled(any);
        move.setEnabled(any && target != null);
    }

    private List<OpinionMember> selected() {
        return grid.getSelectedItems().stream().sorted(Comparator.comparingLong(OpinionMember::commentId)).toList();
    }

    private static List<Long> ids(List<OpinionMember> members) {
        return members.stream().map(OpinionMember::commentId).toList();
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> l) {
        return addListener(CreateEvent.class, l);
    }

    Registration addMoveListener(ComponentEventListener<MoveEvent> l) {
        return addListener(MoveEvent.class, l);
    }

    static final class CreateEvent extends ComponentEvent<UnconsolidatedPanel> {
        private final List<Long> commentIds;
        private final String summary;

        CreateEvent(UnconsolidatedPanel source, List<Long> commentIds, String summary) {
            super(source, true);
            this.commentIds = commentIds;
            this.summary = summary;
        }

        List<Long> commentIds() {
            return commentIds;
        }

        String summary() {
            return summary;
        }
    }

    static final class MoveEvent extends ComponentEvent<UnconsolidatedPanel> {
        private final List<Long> commentIds;
        private final long opinionId;

        MoveEvent(UnconsolidatedPanel source, List<Long> commentIds, long opinionId) {
            super(source, true);
            this.commentIds = commentIds;
            this.opinionId = opinionId;
        }

        List<Long> commentIds() {
            return commentIds;
        }

        long opinionId() {
            return opinionId;
        }
    }
}
