package org.kaimen.comments.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.StaffComment;
import org.kaimen.shared.web.KaimenException;

/** Held and reported comments waiting for a decision; administrators also keep the sensitive-word list here. */
@Route("staff/moderation")
@Menu(title = "nav.moderation", order = 30, icon = "vaadin:shield")
@RolesAllowed({Role.DRAFTER_NAME, Role.ADMIN_NAME})
public class ModerationView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CommentService comments;
    private final transient AuthenticationContext auth;
    private final Div queue = new Div();

    public ModerationView(CommentService comments, AuthenticationContext auth) {
        this.comments = comments;
        this.auth = auth;
        addClassNames("kaimen-content", "kaimen-wide");
        queue.setId("moderation-queue");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("nav.moderation")), queue);
        refresh();
        if (auth.hasRole(Role.ADMIN_NAME)) {
            add(wordsEditor());
        }
    }

    private void refresh() {
        queue.removeAll();
        List<StaffComment> waiting = comments.moderationQueue();
        if (waiting.isEmpty()) {
            queue.add(new Paragraph(getTranslation("moderation.empty")));
        }
        waiting.forEach(c -> queue.add(card(c)));
    }

    private Div card(StaffComment c) {
        Div card = new Div();
        card.addClassName("kaimen-card");
        Div meta = new Div(new Span(c.receipt()),
                new Span(getTranslation("comments.status." + c.status().name())),
                new Span(getTranslation("moderation.flags", c.flags().isEmpty() ? "-" : String.join(", ", c.flags()))),
                new Span(getTranslation("moderation.reports", c.reports())));
        if (c.provisionLabel() != null) {
            meta.add(new Span(c.provisionLabel()));
        }
        meta.addClassName("kaimen-card-meta");
        Button publish = new Button(getTranslation("moderation.publish"), e -> act(() -> comments.publish(c.id())));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        Button hide = new Button(getTranslation("moderation.hide"), e -> askReason(c));
        hide.addThemeVariants(ButtonVariant.LUMO_ERROR);
        // The masked text: judging what a comment says needs no phone number or e-mail, so this screen reads no
        // personal data and has nothing to audit (staffComments, which shows the original, is audited).
        card.add(meta, new Paragraph(c.textPublic()), new Div(publish, hide));
        return card;
    }

    private void askReason(StaffComment c) {
        Dialog dialog = new Dialog(getTranslation("moderation.hide"));
        TextField reason = new TextField(getTranslation("moderation.reason"));
        reason.setWidthFull();
        reason.setRequired(true);
        Button ok = new Button(getTranslation("moderation.hide"), e -> {
            act(() -> comments.hide(c.id(), reason.getValue()));
            dialog.close();
        });
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private Div wordsEditor() {
        TextArea words = new TextArea(getTranslation("moderation.words"));
        words.setHelperText(getTranslation("moderation.words.help"));
        words.setValue(String.join("\n", comments.sensitiveWords()));
        words.setWidthFull();
        words.setMinHeight("10rem");
        words.setId("sensitive-words");
        Button save = new Button(getTranslation("common.save"), e -> act(() ->
                comments.replaceSensitiveWords(Arrays.asList(words.getValue().split("\\R")))));
        save.setId("save-sensitive-words");
        return new Div(new H2(getTranslation("moderation.words")), words, save);
    }

    private void act(Runnable action) {
        try {
            action.run();
            Notification.show(getTranslation("drafts.edit.saved"));
            refresh();
        } catch (KaimenException ex) {
            Notification.show(getTranslation(ex.messageKey(), ex.args()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.moderation");
    }
}
