package org.kaimen.comments.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.comments.SubmittedComment;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.web.KaimenException;

/**
 * Commenting on one article (or one of its paragraphs and items, or a selected span of its text). What the citizen
 * types is kept in the browser until the comment is accepted, so a failed submit or an expired session loses nothing;
 * a repeated click submits once.
 */
class CommentDialog extends Dialog {

    private final transient CommentService comments;
    private final transient DraftService drafts;
    private final DraftSummary draft;
    private final String storageKey;
    private final Select<Provision> target = new Select<>();
    private final RadioButtonGroup<Stance> stance = new RadioButtonGroup<>();
    private final TextArea text = new TextArea();
    private final TextArea proposed = new TextArea();
    private final Div redline = new Div();
    private final Checkbox consent = new Checkbox();
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final TextField address = new TextField();
    private final Checkbox namePublic = new Checkbox();
    private final Div error = new Div();
    private final Button submit = new Button();
    private final Div form = new Div();
    private final boolean anonymous;
    private String quoteText;
    /** One key per dialog: double clicks and retries of the same comment are recognised as one. */
    private final String idempotencyKey = UUID.randomUUID().toString();

    CommentDialog(CommentService comments, DraftService drafts, DraftSummary draft, Provision article,
                  boolean anonymous, String selectedKey, String selectedText) {
        this.comments = comments;
        this.drafts = drafts;
        this.draft = draft;
        this.anonymous = anonymous;
        this.storageKey = "kaimen.comment." + draft.id() + "." + (article == null ? "draft" : article.key());
        setHeaderTitle(article == null ? getTranslation("comments.dialog.title-draft")
                : getTranslation("comments.dialog.title", article.label()));
        setWidth("min(46rem, 100vw)");
        setCloseOnOutsideClick(false);
        addClassName("kaimen-comment-dialog");

        List<Provision> targets = new ArrayList<>();
        if (article != null) {
            flatten(article, targets);
            target.setLabel(getTranslation("comments.dialog.target"));
            target.setItems(targets);
            target.setItemLabelGenerator(Provision::label);
            target.setValue(targets.stream().filter(p -> p.key().equals(selectedKey)).findFirst()
                    .orElse(targets.get(0)));
            target.setVisible(targets.size() > 1);
            target.setId("comment-target");
            target.addValueChangeListener(e -> {
                quoteText = null;
                refreshQuote();
                proposed.setValue(textOf(e.getValue()));
            });
            if (selectedText != null && !selectedText.isBlank()) {
                quoteText = selectedText.strip();
            }
        }
        stance.setLabel(getTranslation("comments.stance"));
        stance.setItems(Stance.values());
        stance.setItemLabelGenerator(s -> getTranslation("comments.stance." + s.name()));
        stance.setRequired(true);
        stance.setId("comment-stance");
        stance.addValueChangeListener(e -> {
            proposed.setVisible(e.getValue() == Stance.MODIFY);
            redline.setVisible(e.getValue() == Stance.MODIFY);
            save();
        });
        text.setLabel(getTranslation("comments.text"));
        text.setMaxLength(CommentService.MAX_LENGTH);
        text.setWidthFull();
        text.setMinHeight("9rem");
        text.setRequired(true);
        text.setId("comment-text");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> {
            text.setHelperText(getTranslation("comments.text.left", CommentService.MAX_LENGTH - e.getValue().length()));
            save();
        });
        text.setHelperText(getTranslation("comments.text.left", CommentService.MAX_LENGTH));
        proposed.setLabel(getTranslation("comments.proposed"));
        proposed.setHelperText(getTranslation("comments.proposed.help"));
        proposed.setMaxLength(CommentService.MAX_LENGTH);
        proposed.setWidthFull();
        proposed.setVisible(false);
        proposed.setId("comment-proposed");
        proposed.setValueChangeMode(ValueChangeMode.LAZY);
        proposed.addValueChangeListener(e -> {
            showRedline();
            save();
        });
        redline.setVisible(false);
        redline.addClassName("kaimen-redline-preview");
        if (article != null) {
            proposed.setValue(textOf(target.getValue()));
        }

        form.add(target, quoteBox(), stance, text, proposed, redline);
        if (anonymous) {
            name.setLabel(getTranslation("comments.author.name"));
            email.setLabel(getTranslation("comments.author.email"));
            phone.setLabel(getTranslation("comments.author.phone"));
            address.setLabel(getTranslation("comments.author.address"));
            namePublic.setLabel(getTranslation("comments.author.name-public"));
            Div contact = new Div(new Paragraph(getTranslation("comments.author.optional")), name, email, phone,
                    address, namePublic);
            contact.addClassName("kaimen-contact");
            form.add(contact);
        }
        if (anonymous || !comments.hasConsent()) {
            consent.setLabel(getTranslation("comments.consent"));
            consent.setId("comment-consent");
            form.add(new Paragraph(getTranslation("comments.privacy-notice")), consent);
        }
        error.setId("comment-error");
        error.getElement().setAttribute("role", "alert");
        form.add(error);
        add(form);

        submit.setText(getTranslation("comments.submit"));
        submit.setId("comment-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit());
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, submit);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                restore();
            }
        });
    }

    /** Points the comment at the paragraph or item the reader selected text in, quoting the selection. */
    void select(String provisionKey, String selectedText) {
        target.getListDataView().getItems().filter(p -> p.key().equals(provisionKey)).findFirst()
                .ifPresent(target::setValue);
        quoteText = selectedText == null || selectedText.isBlank() ? null : selectedText.strip();
        refreshQuote();
    }

    private Div quoteBox() {
        Div box = new Div();
        box.addClassName("kaimen-quote");
        box.setId("comment-quote");
        quote = box;
        refreshQuote();
        return box;
    }

    private Div quote;

    private void refreshQuote() {
        if (quote == null) {
            return;
        }
        quote.removeAll();
        Provision p = target.getValue();
        if (p == null) {
            quote.setVisible(false);
            return;
        }
        String own = textOf(p);
        if (quoteText != null && own.contains(quoteText)) {
            quote.add(new Span(getTranslation("comments.quote.selected")), new Paragraph("“" + quoteText + "”"));
        } else {
            quoteText = null;
            quote.add(new Paragraph(own.length() > 300 ? own.substring(0, 300) + "……" : own));
        }
    }

    void submit() {
        error.setText("");
        error.removeClassName("kaimen-notice");
        if (anonymous) {
            var challenge = comments.challenge(draft.id());
            UI.getCurrent().getPage().addJavaScript("/js/kaimen-pow.js");
            getElement().executeJs("return window.kaimenPow($0, $1)", challenge.token(), challenge.bits())
                    .then(String.class, this::send, failure -> fail("comments.error.challenge"));
        } else {
            send(null);
        }
    }

    /** Runs the submission; {@code solvedChallenge} for anonymous comments. Package-private for UI tests. */
    void send(String solvedChallenge) {
        Provision p = target.getValue();
        Integer start = null;
        Integer end = null;
        if (p != null && quoteText != null) {
            int at = textOf(p).indexOf(quoteText);
            if (at >= 0) {
                start = at;
                end = at + quoteText.length();
            }
        }
        try {
            SubmittedComment result = comments.submit(new NewComment(draft.id(), p == null ? null : p.id(),
                    stance.getValue(), text.getValue(), stance.getValue() == Stance.MODIFY ? proposed.getValue() : null,
                    start, end, null, null,
                    anonymous ? new NewComment.Author(name.getValue(), email.getValue(), phone.getValue(),
                            address.getValue()) : null,
                    namePublic.getValue(), idempotencyKey, clientAddress(), solvedChallenge, null,
                    consent.getValue()));
            getElement().executeJs("localStorage.removeItem($0)", storageKey);
            showReceipt(result);
        } catch (KaimenException ex) {
            fail(ex.messageKey(), ex.args());
        }
    }

    private void fail(String key, Object... args) {
        error.setText(getTranslation(key, args));
        error.addClassNames("kaimen-notice", "kaimen-notice-error");
        submit.setEnabled(true);
    }

    private void showReceipt(SubmittedComment result) {
        form.removeAll();
        Div receipt = new Div();
        receipt.setId("comment-receipt");
        receipt.addClassName("kaimen-receipt");
        receipt.add(new Paragraph(getTranslation(result.status() == CommentStatus.HELD ? "comments.received.held"
                : "comments.received")));
        Span number = new Span(result.receipt());
        number.addClassName("kaimen-receipt-number");
        number.setId("comment-receipt-number");
        receipt.add(new Paragraph(new Span(getTranslation("comments.receipt") + "："), number));
        if (!anonymous) {
            receipt.add(new Anchor("my-comments", getTranslation("comments.my-comments-link")));
        }
        form.add(receipt);
        getFooter().removeAll();
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
    }

    private void showRedline() {
        Provision p = target.getValue();
        if (p == null || proposed.getValue().isBlank()) {
            redline.removeAll();
            return;
        }
        redline.removeAll();
        redline.add(new Span(getTranslation("comments.proposed.redline")),
                new Html("<div class=\"kaimen-redline\">" + drafts.redlineHtml(textOf(p), proposed.getValue())
                        + "</div>"));
    }

    /** Keeps what was typed in this browser until the comment is accepted. */
    private void save() {
        getElement().executeJs("try { localStorage.setItem($0, JSON.stringify({s: $1, t: $2, p: $3})); } catch (e) {}",
                storageKey, stance.getValue() == null ? "" : stance.getValue().name(), text.getValue(),
                proposed.getValue());
    }

    private void restore() {
        getElement().executeJs("try { return localStorage.getItem($0); } catch (e) { return null; }", storageKey)
                .then(String.class, json -> {
                    if (json == null || json.isBlank() || !text.isEmpty()) {
                        return;
                    }
                    try {
                        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                        if (!node.path("s").asText().isEmpty()) {
                            stance.setValue(Stance.valueOf(node.path("s").asText()));
                        }
                        text.setValue(node.path("t").asText());
                        if (!node.path("p").asText().isEmpty()) {
                            proposed.setValue(node.path("p").asText());
                        }
                    } catch (Exception ignored) {
                        // Whatever the browser kept is not ours to trust; start empty.
                    }
                });
    }

    private static void flatten(Provision p, List<Provision> out) {
        out.add(p);
        p.children().forEach(c -> flatten(c, out));
    }

    private static String textOf(Provision p) {
        return p.kind() == Provision.Kind.ARTICLE ? p.fullText() : p.displayText();
    }

    private static String clientAddress() {
        var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    // For UI tests.
    TextArea text() {
        return text;
    }
}
