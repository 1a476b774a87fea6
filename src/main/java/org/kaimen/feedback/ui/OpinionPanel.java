package org.kaimen.feedback.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionDetail;
import org.kaimen.feedback.OpinionEvent;
import org.kaimen.feedback.OpinionMember;
import org.kaimen.feedback.OpinionState;

/**
 * One opinion at the desk: its summary (editable), the member comments beside the disposition form so the clerk
 * answers what people actually wrote, counts by channel and stance, and the record. It calls no service: every action
 * is an event the view handles.
 */
class OpinionPanel extends Div {

    private final Map<String, String> articleLabels;
    private final String me;
    private final Div placeholder = new Div();
    private final Div body = new Div();
    private final H2 heading = new H2();
    private final Div status = new Div();
    private final TextArea summary = new TextArea();
    private final MultiSelectComboBox<String> articles = new MultiSelectComboBox<>();
    private final H3 membersHeading = new H3();
    private final Div counts = new Div();
    private final Div members = new Div();
    private final Details history = new Details();
    private final RadioButtonGroup<Disposition> disposition = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final ComboBox<String> phrase = new ComboBox<>();
    private final ComboBox<Provision> provision = new ComboBox<>();
    private final Div error = new Div();
    private final Div decided = new Div();
    private final Button save = new Button();
    private final Button propose = new Button();
    private final Button approve = new Button();
    private final Button sendBack = new Button();
    private final Button take = new Button();
    private OpinionDetail current;
    private boolean readOnly;

    OpinionPanel(Map<String, String> articleLabels, List<Provision> changeable, List<String> phrases, String me) {
        this.articleLabels = articleLabels;
        this.me = me;
        setId("desk-detail");
        addClassName("kaimen-opinion-panel");
        placeholder.setText(getTranslation("feedback.desk.pick"));
        placeholder.addClassName("kaimen-hint");
        placeholder.setId("desk-detail-empty");

        status.addClassName("kaimen-card-meta");
        take.setText(getTranslation("feedback.desk.take"));
        take.setId("desk-take");
        take.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        take.addClickListener(e -> {
            if (current != null) {
                fireEvent(new AssignEvent(this, id(), me));
            }
        });

        summary.setLabel(getTranslation("feedback.desk.summary"));
        summary.setId("desk-summary");
        summary.setWidthFull();
        summary.setMaxLength(2000);
        summary.setMaxHeight("8rem");
        articles.setLabel(getTranslation("feedback.desk.articles"));
        articles.setId("desk-articles");
        articles.setItems(new ArrayList<>(articleLabels.keySet()));
        articles.setItemLabelGenerator(k -> articleLabels.getOrDefault(k, k));
        articles.setWidthFull();
        save.setText(getTranslation("feedback.desk.save"));
        save.setId("desk-save");
        save.setTooltipText(getTranslation("feedback.desk.save.tip"));
        save.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        save.addClickListener(e -> {
            if (current != null) {
                fireEvent(new SaveEvent(this, id(), summary.getValue(), articleKeys(), edited()));
            }
        });
        save.addClickShortcut(Key.KEY_S, KeyModifier.ALT).resetFocusOnActiveElement().setBrowserDefaultAllowed(false);

        membersHeading.addClassName("kaimen-desk-subheading");
        counts.addClassNames("kaimen-card-meta", "kaimen-desk-counts");
        counts.setId("desk-counts");
        members.addClassName("kaimen-desk-members");
        members.setId("desk-members");
        members.getElement().setAttribute("tabindex", "0");
        history.setId("desk-history");

        disposition.setLabel(getTranslation("feedback.desk.disposition"));
        disposition.setId("desk-disposition");
        disposition.setItems(Disposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation("feedback.disposition." + d.name()));
        disposition.addValueChangeListener(e -> {
            boolean changes = e.getValue() == Disposition.ADOPTED || e.getValue() == Disposition.PARTLY_ADOPTED;
            provision.setEnabled(changes && !readOnly);
            if (!changes) {
                provision.clear();
            }
            disposition.setInvalid(false);
        });
        reason.setLabel(getTranslation("feedback.desk.reason"));
        reason.setHelperText(getTranslation("feedback.desk.reason.help"));
        reason.setId("desk-reason");
        reason.setWidthFull();
        reason.setMinHeight("7rem");
        reason.setMaxLength(2000);
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        phrase.setLabel(getTranslation("feedback.desk.phrase"));
        phrase.setPlaceholder(getTranslation("feedback.desk.phrase.placeholder"));
        phrase.setId("desk-phrase");
        phrase.setWidthFull();
        phrase.setClearButtonVisible(true);
        phrase.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                insertPhrase(e.getValue());
                phrase.clear();
                reason.focus();
            }
        });
        setPhrases(phrases);
        provision.setLabel(getTranslation("feedback.desk.provision"));
        provision.setHelperText(getTranslation("feedback.desk.provision.help"));
        provision.setId("desk-provision");
        provision.setItems(changeable);
        provision.setItemLabelGenerator(p -> p.label() + "　" + FeedbackFormat.abbreviate(p.fullText(), 24));
        provision.setClearButtonVisible(true);
        provision.setWidthFull();
        provision.setEnabled(false);

        error.addClassNames("kaimen-notice", "kaimen-notice-error");
        error.setId("desk-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        decided.addClassName("kaimen-hint");
        decided.setId("desk-decided");

        propose.setText(getTranslation("feedback.desk.propose"));
        propose.setId("desk-propose");
        propose.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        propose.setTooltipText(getTranslation("feedback.desk.propose.tip"));
        propose.addClickListener(e -> {
            if (current != null) {
                fireEvent(new ProposeEvent(this, id(), summary.getValue(), articleKeys(), edited(),
                        disposition.getValue(), reason.getValue(),
                        provision.getValue() == null ? null : provision.getValue().id()));
            }
        });
        // Ctrl+Enter submits while writing in the panel; Alt+P works anywhere on the desk.
        propose.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement()
                .setBrowserDefaultAllowed(false);
        propose.addClickShortcut(Key.KEY_P, KeyModifier.ALT).resetFocusOnActiveElement()
                .setBrowserDefaultAllowed(false);
        approve.setText(getTranslation("feedback.desk.approve"));
        approve.setId("desk-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.setTooltipText(getTranslation("feedback.desk.approve.tip"));
        approve.addClickListener(e -> {
            if (current != null) {
                fireEvent(new ApproveEvent(this, id()));
            }
        });
        approve.addClickShortcut(Key.KEY_A, KeyModifier.ALT).setBrowserDefaultAllowed(false);
        sendBack.setText(getTranslation("feedback.desk.send-back"));
        sendBack.setId("desk-send-back");
        sendBack.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        sendBack.addClickListener(e -> {
            if (current != null) {
                askForNote();
            }
        });

        Key[] digits = {Key.DIGIT_1, Key.DIGIT_2, Key.DIGIT_3, Key.DIGIT_4, Key.DIGIT_5};
        Disposition[] all = Disposition.values();
        for (int i = 0; i < all.length && i < digits.length; i++) {
            Disposition d = all[i];
            Shortcuts.addShortcutListener(this, () -> {
                if (current != null && !disposition.isReadOnly()) {
                    disposition.setValue(d);
                }
            }, digits[i], KeyModifier.ALT).setBrowserDefaultAllowed(false);
        }

        Div summaryBox = new Div(summary, articles, save);
        summaryBox.addClassName("kaimen-desk-summary");
        Div memberBox = new Div(membersHeading, counts, members);
        memberBox.addClassName("kaimen-desk-member-box");
        Div actions = new Div(propose, approve, sendBack);
        actions.addClassName("kaimen-desk-actions");
        Paragraph help = new Paragraph(getTranslation("feedback.desk.shortcuts"));
        help.addClassName("kaimen-shortcuts");
        help.setId("desk-shortcuts");
        Div pickers = new Div(phrase, provision);
        pickers.addClassName("kaimen-desk-pickers");
        Div form = new Div(disposition, reason, pickers, error, decided, actions, help);
        form.addClassName("kaimen-desk-form");
        form.setId("desk-form");
        Div work = new Div(memberBox, form);
        work.addClassName("kaimen-desk-work");
        Div head = new Div(heading, status);
        head.addClassName("kaimen-desk-head");
        body.add(head, summaryBox, work, history);
        body.setVisible(false);
        add(placeholder, body);
    }

    /** Shows an opinion; {@code published}: the report is out and nothing may change any more. */
    void show(OpinionDetail detail, boolean published) {
        current = detail;
        Opinion o = detail.opinion();
        readOnly = published;
        placeholder.setVisible(false);
        body.setVisible(true);
        clearError();
        heading.setText(getTranslation("feedback.desk.opinion", String.valueOf(o.id())));
        status.removeAll();
        status.add(FeedbackFormat.badge(this, o.state()));
        if (o.disposition() != null) {
            status.add(FeedbackFormat.badge(this, o.disposition()));
        }
        status.add(new Span(FeedbackFormat.source(this, o.source())),
                new Span(o.assignee() == null ? getTranslation("feedback.desk.unassigned")
                        : getTranslation("feedback.desk.assignee", o.assignee())));
        if (!Objects.equals(o.assignee(), me) && !published) {
            status.add(take);
        }
        summary.setValue(o.summary());
        summary.setInvalid(false);
        articles.setValue(new LinkedHashSet<>(o.articleKeys().stream().filter(articleLabels::containsKey).toList()));

        membersHeading.setText(getTranslation("feedback.desk.members", detail.members().size()));
        counts.removeAll();
        detail.byChannel().forEach((k, v) -> counts.add(new Span(getTranslation("comments.channel." + k) + " " + v)));
        detail.byStance().forEach((k, v) -> {
            Span s = new Span(getTranslation("comments.stance." + k) + " " + v);
            s.getElement().getThemeList().add("badge");
            counts.add(s);
        });
        members.removeAll();
        for (OpinionMember m : detail.members()) {
            members.add(member(m));
        }
        if (detail.members().isEmpty()) {
            members.add(new Paragraph(getTranslation("feedback.desk.no-members")));
        }

        history.setSummaryText(getTranslation("feedback.desk.history", detail.history().size()));
        UnorderedList lines = new UnorderedList();
        lines.addClassName("kaimen-desk-history");
        for (OpinionEvent e : detail.history()) {
            lines.add(new ListItem(line(e)));
        }
        history.removeAll();
        history.add(lines);

        disposition.setValue(o.disposition());
        disposition.setInvalid(false);
        reason.setValue(o.reason() == null ? "" : o.reason());
        provision.setValue(o.changedProvisionId() == null ? null : provision.getListDataView().getItems()
                .filter(p -> p.id() == o.changedProvisionId()).findFirst().orElse(null));
        decided.setText(decidedText(o));
        boolean approved = o.state() == OpinionState.APPROVED;
        for (var field : List.of(summary, reason)) {
            field.setReadOnly(published);
        }
        articles.setReadOnly(published);
        disposition.setReadOnly(published || approved);
        reason.setReadOnly(published || approved);
        phrase.setEnabled(!published && !approved);
        provision.setEnabled(!published && !approved && (o.disposition() == Disposition.ADOPTED
                || o.disposition() == Disposition.PARTLY_ADOPTED));
        save.setEnabled(!published);
        propose.setEnabled(!published && !approved);
        approve.setEnabled(!published && o.state() == OpinionState.PROPOSED);
        sendBack.setEnabled(!published && (o.state() == OpinionState.PROPOSED || approved));
    }

    void clear() {
        current = null;
        placeholder.setVisible(true);
        body.setVisible(false);
    }

    /** The view reports a refusal here, next to the field it concerns, without touching what the clerk typed. */
    void showError(String messageKey, String message) {
        error.setText(message);
        error.setVisible(true);
        switch (messageKey) {
            case "feedback.error.reason", "feedback.error.reason-length" -> {
                reason.setInvalid(true);
                reason.setErrorMessage(message);
            }
            case "feedback.error.disposition" -> {
                disposition.setInvalid(true);
                disposition.setErrorMessage(message);
            }
            case "feedback.error.summary" -> {
                summary.setInvalid(true);
                summary.setErrorMessage(message);
            }
            default -> { }
        }
    }

    void clearError() {
        error.setVisible(false);
        error.setText("");
    }

    void setPhrases(List<String> phrases) {
        phrase.setItems(phrases);
    }

    void focusReason() {
        if (current != null && !reason.isReadOnly()) {
            reason.focus();
        } else if (current != null) {
            approve.focus();
        }
    }

    Long opinionId() {
        return current == null ? null : current.opinion().id();
    }

    private long id() {
        return current.opinion().id();
    }

    /**
     * The chosen articles in the draft's order; keys the current text no longer has (comments on an earlier version)
     * are kept as they were, since the clerk could not see them to remove them.
     */
    private List<String> articleKeys() {
        List<String> keys = new ArrayList<>(articleLabels.keySet().stream()
                .filter(articles.getSelectedItems()::contains).toList());
        current.opinion().articleKeys().stream().filter(k -> !articleLabels.containsKey(k)).forEach(keys::add);
        return keys;
    }

    /** Whether the summary or articles differ from what is stored (the view then saves them first). */
    private boolean edited() {
        Opinion o = current.opinion();
        return !Objects.equals(summary.getValue().strip(), o.summary())
                || !new LinkedHashSet<>(articleKeys()).equals(new LinkedHashSet<>(o.articleKeys()));
    }

    private void insertPhrase(String text) {
        String now = reason.getValue() == null ? "" : reason.getValue().stripTrailing();
        if (now.isEmpty()) {
            reason.setValue(text);
        } else {
            char last = now.charAt(now.length() - 1);
            boolean cjk = Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN || "。；，、）”".indexOf(last) >= 0;
            reason.setValue(now + (cjk ? "" : " ") + text);
        }
    }

    private Div member(OpinionMember m) {
        Div card = new Div();
        card.addClassName("kaimen-desk-member");
        card.setId("desk-member-" + m.commentId());
        Div meta = new Div(new Span("#" + m.commentId()),
                new Span(m.provisionLabel() == null ? getTranslation("topics.novel.general") : m.provisionLabel()),
                new Span(getTranslation("comments.stance." + m.stance().name())),
                new Span(getTranslation("comments.channel." + m.channel().name())),
                new Span(FeedbackFormat.date(m.createdAt())));
        meta.addClassName("kaimen-card-meta");
        if (!readOnly) {
            Button out = new Button(getTranslation("feedback.desk.detach"),
                    e -> fireEvent(new TakeOutEvent(this, id(), m.commentId())));
            out.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            out.setAriaLabel(getTranslation("feedback.desk.detach.label", String.valueOf(m.commentId())));
            meta.add(out);
        }
        card.add(meta, new Paragraph(m.text()));
        return card;
    }

    private String line(OpinionEvent e) {
        String detail = e.detail() == null ? "" : e.detail();
        if (("PROPOSED".equals(e.action()) || "APPROVED".equals(e.action())) && !detail.isEmpty()) {
            try {
                detail = getTranslation("feedback.disposition." + Disposition.valueOf(detail).name());
            } catch (IllegalArgumentException ignored) {
                // An unknown value is shown as it was recorded.
            }
        } else if ("CREATED".equals(e.action())) {
            detail = FeedbackFormat.source(this, detail);
        }
        StringBuilder sb = new StringBuilder(FeedbackFormat.dateTime(e.at())).append("　").append(e.actor())
                .append("　").append(getTranslation("feedback.event." + e.action()));
        if (e.commentId() != null) {
            sb.append(" #").append(e.commentId());
        }
        if (!detail.isBlank()) {
            sb.append("：").append(detail);
        }
        return sb.toString();
    }

    private String decidedText(Opinion o) {
        return switch (o.state()) {
            case PROPOSED -> getTranslation("feedback.desk.proposed-by", o.proposedBy());
            case APPROVED -> getTranslation("feedback.desk.approved-by", o.approvedBy(),
                    FeedbackFormat.dateTime(o.approvedAt()));
            default -> "";
        };
    }

    private void askForNote() {
        Dialog dialog = new Dialog(getTranslation("feedback.desk.send-back"));
        TextArea note = new TextArea(getTranslation("feedback.desk.note"));
        note.setWidthFull();
        note.setMaxLength(500);
        note.setId("desk-note");
        Button confirm = new Button(getTranslation("feedback.desk.send-back"), e -> {
            dialog.close();
            fireEvent(new SendBackEvent(this, id(), note.getValue()));
        });
        confirm.setId("desk-note-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).resetFocusOnActiveElement();
        dialog.add(note);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        note.focus();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> l) {
        return addListener(SaveEvent.class, l);
    }

    Registration addProposeListener(ComponentEventListener<ProposeEvent> l) {
        return addListener(ProposeEvent.class, l);
    }

    Registration addApproveListener(ComponentEventListener<ApproveEvent> l) {
        return addListener(ApproveEvent.class, l);
    }

    Registration addSendBackListener(ComponentEventListener<SendBackEvent> l) {
        return addListener(SendBackEvent.class, l);
    }

    Registration addAssignListener(ComponentEventListener<AssignEvent> l) {
        return addListener(AssignEvent.class, l);
    }

    Registration addTakeOutListener(ComponentEventListener<TakeOutEvent> l) {
        return addListener(TakeOutEvent.class, l);
    }

    /** Something the clerk asked for on one opinion. */
    abstract static class PanelEvent extends ComponentEvent<OpinionPanel> {
        private final long opinionId;

        PanelEvent(OpinionPanel source, long opinionId) {
            super(source, true);
            this.opinionId = opinionId;
        }

        long opinionId() {
            return opinionId;
        }
    }

    static final class SaveEvent extends PanelEvent {
        private final String summary;
        private final List<String> articleKeys;
        private final boolean edited;

        SaveEvent(OpinionPanel source, long opinionId, String summary, List<String> articleKeys, boolean edited) {
            super(source, opinionId);
            this.summary = summary;
            this.articleKeys = articleKeys;
            this.edited = edited;
        }

        boolean edited() {
            return edited;
        }

        String summary() {
            return summary;
        }

        List<String> articleKeys() {
            return articleKeys;
        }
    }

    static final class ProposeEvent extends PanelEvent {
        private final String summary;
        private final List<String> articleKeys;
        private final boolean edited;
        private final Disposition disposition;
        private final String reason;
        private final Long provisionId;

        ProposeEvent(OpinionPanel source, long opinionId, String summary, List<String> articleKeys, boolean edited,
                     Disposition disposition, String reason, Long provisionId) {
            super(source, opinionId);
            this.summary = summary;
            this.articleKeys = articleKeys;
            this.edited = edited;
            this.disposition = disposition;
            this.reason = reason;
            this.provisionId = provisionId;
        }

        String summary() {
            return summary;
        }

        List<String> articleKeys() {
            return articleKeys;
        }

        Disposition disposition() {
            return disposition;
        }

        String reason() {
            return reason;
        }

        Long provisionId() {
            return provisionId;
        }

        /** Whether the summary or articles were changed too (saved before the proposal). */
        boolean edited() {
            return edited;
        }
    }

    static final class ApproveEvent extends PanelEvent {
        ApproveEvent(OpinionPanel source, long opinionId) {
            super(source, opinionId);
        }
    }

    static final class SendBackEvent extends PanelEvent {
        private final String note;

        SendBackEvent(OpinionPanel source, long opinionId, String note) {
            super(source, opinionId);
            this.note = note;
        }

        String note() {
            return note;
        }
    }

    static final class AssignEvent extends PanelEvent {
        private final String assignee;

        AssignEvent(OpinionPanel source, long opinionId, String assignee) {
            super(source, opinionId);
            this.assignee = assignee;
        }

        String assignee() {
            return assignee;
        }
    }

    static final class TakeOutEvent extends PanelEvent {
        private final long commentId;

        TakeOutEvent(OpinionPanel source, long opinionId, long commentId) {
            super(source, opinionId);
            this.commentId = commentId;
        }

        long commentId() {
            return commentId;
        }
    }
}
