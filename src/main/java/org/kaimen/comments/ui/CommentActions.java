package org.kaimen.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.kaimen.comments.CommentService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.ProvisionActions;

/** The comment buttons and public comments that the reading view shows around the draft's text. */
@org.springframework.stereotype.Component
class CommentActions implements ProvisionActions {

    private final CommentService comments;
    private final DraftService drafts;
    private final AuthenticationContext auth;

    CommentActions(CommentService comments, DraftService drafts, AuthenticationContext auth) {
        this.comments = comments;
        this.drafts = drafts;
        this.auth = auth;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forArticle(DraftSummary draft, Provision article,
                                                                      int version, int commentCount) {
        Div bar = new Div();
        bar.addClassName("kaimen-article-actions");
        if (draft.state() == DraftState.OPEN && version == draft.currentVersion()) {
            bar.add(commentButton(draft, article));
        }
        if (draft.showComments() && commentCount > 0) {
            Button show = new Button(bar.getTranslation("comments.show", commentCount),
                    e -> new ArticleCommentsDialog(comments, draft, article).open());
            show.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            show.addClassName("kaimen-show-comments");
            bar.add(show);
        }
        return bar.getComponentCount() == 0 ? Optional.empty() : Optional.of(bar);
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forDraft(DraftSummary draft, int version) {
        Div panel = new Div();
        panel.addClassName("kaimen-draft-actions");
        if (draft.state() == DraftState.OPEN && version == draft.currentVersion()) {
            panel.add(commentButton(draft, null));
        }
        if (draft.showComments()) {
            panel.add(new StatsPanel(comments.stats(draft.id())));
        }
        return panel.getComponentCount() == 0 ? Optional.empty() : Optional.of(panel);
    }

    private Component commentButton(DraftSummary draft, Provision article) {
        boolean signedIn = auth.isAuthenticated();
        if (!signedIn && !draft.allowAnonymous()) {
            Anchor login = new Anchor("login", article == null ? "登录" : "");
            login.setText(login.getTranslation(article == null ? "comments.login-to-comment-draft"
                    : "comments.login-to-comment"));
            login.addClassName("kaimen-comment-login");
            return login;
        }
        Button button = new Button(article == null ? VaadinIcon.COMMENTS_O.create() : VaadinIcon.COMMENT_O.create());
        button.setText(button.getTranslation(article == null ? "comments.comment-draft" : "comments.comment"));
        if (article != null) {
            button.getElement().setAttribute("aria-label",
                    button.getTranslation("comments.comment-on", article.label()));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        } else {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.setId("comment-draft");
        }
        button.addClassName("kaimen-comment-button");
        button.addClickListener(e -> {
            if (article == null) {
                new CommentDialog(comments, drafts, draft, null, !signedIn, null, null).open();
                return;
            }
            CommentDialog dialog = new CommentDialog(comments, drafts, draft, article, !signedIn, null, null);
            dialog.open();
            // A span the reader selected in this article before clicking becomes the comment's quote.
            button.getElement().executeJs("""
                    const s = window.getSelection();
                    if (!s || s.isCollapsed || !s.anchorNode) return null;
                    const n = s.anchorNode.nodeType === 1 ? s.anchorNode : s.anchorNode.parentElement;
                    const p = n && n.closest('p[id]');
                    const art = this.closest('.kaimen-article');
                    return p && art && art.contains(p) ? p.id + '\\n' + s.toString() : null;""")
                    .then(String.class, selection -> {
                        if (selection != null && selection.contains("\n")) {
                            dialog.select(selection.substring(0, selection.indexOf('\n')),
                                    selection.substring(selection.indexOf('\n') + 1));
                        }
                    });
        });
        return button;
    }
}
