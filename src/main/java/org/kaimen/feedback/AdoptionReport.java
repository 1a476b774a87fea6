package org.kaimen.feedback;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * 征求意见情况及采纳情况说明: totals by channel and stance, the themes, and every opinion with its disposition and
 * reason, grouped by chapter and article. Public once published; never shows who wrote a comment.
 */
public record AdoptionReport(long draftId, String draftTitle, String introduction, LocalDate dueOn,
                             OffsetDateTime publishedAt, Totals totals, List<Theme> themes, List<Section> sections) {

    public record Totals(long comments, long commenters, long opinions, Map<String, Long> byChannel,
                         Map<String, Long> byStance, Map<String, Long> byDisposition) {
    }

    /** A topic the comments raised, with how many comments raised it. */
    public record Theme(String label, long comments) {
    }

    /** A chapter (or the whole draft, for opinions on no article) and its articles. */
    public record Section(String heading, List<ArticleOpinions> articles) {
    }

    /** @param articleKey null for opinions on the draft as a whole */
    public record ArticleOpinions(String articleKey, String label, List<Item> opinions) {
    }

    /** One opinion as the public sees it. */
    public record Item(long id, String summary, long comments, Map<String, Long> byChannel, Map<String, Long> byStance,
                       Disposition disposition, String reason, String changedProvision) {
    }

    public boolean published() {
        return publishedAt != null;
    }
}
