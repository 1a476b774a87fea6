package org.kaimen.drafts;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Optional;

/**
 * Implemented by the module that takes comments, so the reading view can offer "comment on this" without drafts
 * depending on comments. Beside every article the view draws the offered actions itself as plain buttons and links
 * (one component per action on a 100-article draft would cost the browser and the server too much); when a reader
 * activates a button the view calls {@link #perform}. {@link #forDraft} returns new components for the calling UI.
 */
public interface ProvisionActions {

    /** Shown next to an article, in order: commenting on it (or on one of its paragraphs and items), its comments. */
    List<ArticleAction> forArticle(DraftSummary draft, Provision article, int version, int commentCount);

    /**
     * A reader activated the button {@code action} (an {@link ArticleAction#name()} that {@link #forArticle} may
     * offer) beside {@code article}. The name comes from the browser: an action not offered for this draft and
     * version must do nothing.
     *
     * @param selection what the reader had selected inside that article when clicking, or null
     */
    void perform(String action, DraftSummary draft, Provision article, int version, Selection selection);

    /** Shown under the draft's header: comment on the whole draft, statistics. */
    Optional<Component> forDraft(DraftSummary draft, int version);

    /**
     * One thing a reader can do beside an article: a button (href null) whose activation reaches
     * {@link #perform} with {@code name}, or a link to {@code href}.
     *
     * @param ariaLabel the accessible name when {@code text} alone is not enough (e.g. 对第十二条提意见), or null
     * @param className the CSS class of the button or link
     */
    record ArticleAction(String name, String text, String ariaLabel, String href, String className) {

        public static ArticleAction button(String name, String text, String ariaLabel, String className) {
            return new ArticleAction(name, text, ariaLabel, null, className);
        }

        public static ArticleAction link(String href, String text, String className) {
            return new ArticleAction(null, text, null, href, className);
        }
    }

    /** Text the reader selected in one paragraph or item of the article ({@code provisionKey} like a12.p2). */
    record Selection(String provisionKey, String text) {
    }
}
