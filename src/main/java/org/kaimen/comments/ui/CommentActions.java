package org.kaimen.comments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kaimen.comments.CommentService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.ProvisionActions;

/**
 * The comment buttons and public comments that the reading view shows around the draft's text: beside each article
 * as plain buttons the view draws (see {@link ProvisionActions}), under the header as components.
 */
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

    static final String COMMENT = "comment";
    static final String SHOW_COMMENTS = "show-comments";

    @Override
    public List<ArticleAction> forArticle(DraftSummary draft, Provision article, int version, int commentCount) {
        List<ArticleAction> offered = new ArrayList<>(2);
        if (takesComments(draft, version)) {
            if (mayComment(draft)) {
                offered.add(ArticleAction.button(COMMENT, translate("comments.comment"),
                        translate("comments.comment-on", article.label()), "kaimen-comment-button"));
            } else {
                offered.add(ArticleAction.link("login", translate("comments.login-to-comment"),
                        "kaimen-comment-login"));
            }
        }
        if (draft.showComments() && commentCount > 0) {
            offered.add(ArticleAction.button(SHOW_COMMENTS, translate("comments.show", commentCount), null,
                    "kaimen-show-comments"));
        }
        return offered;
    }

    @Override
    public void perform(String action, DraftSummary draft, Provision article, int version, Selection selection) {
        if (COMMENT.equals(action) && takesComments(draft, version) && mayComment(draft)) {
            // A span the reader selected in this article before clicking becomes the comment's quote.
            new CommentDialog(comments, drafts, draft, article, !auth.isAuthenticated(),
                    selection == null ? null : selection.provisionKey(),
                    selection == null ? null : selection.text()).open();
        } else if (SHOW_COMMENTS.equals(action) && draft.showComments()) {
            new ArticleCommentsDialog(comments, draft, article).open();
        }
    }

    private static boolean takesComments(DraftSummary draft, int version) {
        return draft.state() == DraftState.OPEN && version == draft.currentVersion();
    }

    private boolean mayComment(DraftSummary draft) {
        return auth.isAuthenticated() || draft.allowAnonymous();
    }

    private static String translate(String key, Object... params) {
        return UI.getCurrent().getTranslation(key, params);
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> forDraft(DraftSummary draft, int version) {
        Div panel = new Div();
        panel.addClassName("kaimen-draft-actions");
        if (draft.state() == DraftState.OPEN && version == draft.currentVersion()) {
            panel.add(commentButton(draft));
        }
        if (draft.showComments()) {
            panel.add(new StatsPanel(comments.stats(draft.id())));
        }
        return panel.getComponentCount() == 0 ? Optional.empty() : Optional.of(panel);
    }

    private Component commentButton(DraftSummary draft) {
        if (!mayComment(draft)) {
            Anchor login = new Anchor("login", "");
            login.setText(login.getTranslation("comments.login-to-comment-draft"));
            login.addClassName("kaimen-comment-login");
            return login;
        }
        Button button = new Button(VaadinIcon.COMMENTS_O.create());
        button.setText(button.getTranslation("comments.comment-draft"));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.setId("comment-draft");
        button.addClassName("kaimen-comment-button");
        button.addClickListener(e -> new CommentDialog(comments, drafts, draft, null, !auth.isAuthenticated(), null,
                null).open());
        return button;
    }
}
