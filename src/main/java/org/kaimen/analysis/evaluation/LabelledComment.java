package org.kaimen.analysis.evaluation;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One labelled public comment of the evaluation set.
 *
 * @param id       stable identifier, unique within the set
 * @param article  article number the comment was filed against, {@code 0} for the draft as a whole
 * @param stance   {@code SUPPORT}, {@code OPPOSE}, {@code MODIFY} or {@code QUESTION}
 * @param topic    topic label a drafting clerk would file the comment under
 * @param campaign campaign label, {@code null} for an individually written comment; labels starting with
 *                 {@code repeat-} mark exact resubmissions by one author (see the data set README)
 * @param author   pseudonymous author key
 * @param text     the comment as submitted
 */
// Field order is pinned so that the committed JSONL stays byte-identical across Jackson versions.
@JsonPropertyOrder({"id", "article", "stance", "topic", "campaign", "author", "text"})
public record LabelledComment(long id, int article, String stance, String topic, String campaign, String author,
                              String text) {

    /** Prefix of the labels that group exact resubmissions by the same author. */
    public static final String REPEAT_PREFIX = "repeat-";

    /** True when the comment belongs to a form-letter campaign (not merely an author's own resubmission). */
    public boolean inCampaign() {
        return campaign != null && !campaign.startsWith(REPEAT_PREFIX);
    }

    /** True when the text was written by its author rather than copied from a shared template. */
    public boolean individuallyWritten() {
        return !inCampaign();
    }
}
