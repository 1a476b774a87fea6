package org.kaimen.drafts;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Implemented by the module that takes comments, so the reading view can offer "comment on this" without drafts
 * depending on comments. Each call returns new components for the calling UI.
 */
public interface ProvisionActions {

    /** Shown next to an article: commenting on it (or on one of its paragraphs and items), its public comments. */
    Optional<Component> forArticle(DraftSummary draft, Provision article, int version, int commentCount);

    /** Shown under the draft's header: comment on the whole draft, statistics. */
    Optional<Component> forDraft(DraftSummary draft, int version);
}
