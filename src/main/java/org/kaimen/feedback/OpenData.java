package org.kaimen.feedback;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.PublicComment;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftState;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.feedback.internal.OpinionRepository;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Open data: once a consultation has closed, anyone may take every published comment (anonymised exactly as the
 * public view shows it), the consolidated opinions and their dispositions, page by page or in bulk. Pages are keyed by
 * the last id seen, not by an offset, so there is no ceiling on how far one can page and a page is as fast at the
 * millionth comment as at the first. The schema is in docs/open-data.md.
 */
@Service
public class OpenData {

    public static final int MAX_PAGE = 1000;

    /**
     * A published comment. {@code text}, {@code proposedText} have phone numbers, ID numbers and e-mail addresses
     * masked; {@code author} is 张** (the full name only where the author agreed), null without a name.
     * {@code opinionId} and {@code disposition} are set once the opinion it was merged into is approved.
     */
    public record CommentRecord(long id, long draftId, Long parentId, Long provisionId, String provision, int version,
                          String stance, String channel, String text, String proposedText, String quote,
                          String author, int supports, OffsetDateTime createdAt, Long opinionId, String disposition) {
    }

    /** An approved consolidated opinion (归并意见) with its disposition and reason. */
    public record OpinionRecord(long id, long draftId, String summary, List<String> articles, String disposition,
                          String reason, int comments, OffsetDateTime approvedAt) {
    }

    /** @param next the cursor for the following page ({@code after=next}); null on the last page */
    public record Page<T>(List<T> items, String next) {
    }

    private final CommentService comments;
    private final DraftService drafts;
    private final OpinionRepository opinions;

    public OpenData(CommentService comments, DraftService drafts, OpinionRepository opinions) {
        this.comments = comments;
        this.drafts = drafts;
        this.opinions = opinions;
    }

    /** The draft, when its consultation has closed; otherwise 404 {@code opendata.error.not-closed}. */
    public DraftSummary closedDraft(long draftId) {
        DraftSummary draft = drafts.find(draftId)
                .orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.no-draft"));
        if (draft.state() != DraftState.CLOSED && draft.state() != DraftState.ADOPTED) {
            throw new KaimenException(HttpStatus.NOT_FOUND, "opendata.error.not-closed");
        }
        return draft;
    }

    /** @param after a cursor from an earlier page, null for the first page */
    public Page<CommentRecord> comments(long draftId, String after, int limit) {
        closedDraft(draftId);
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        List<PublicComment> page = comments.publicCommentsAfter(draftId, cursor(after), size);
        List<CommentRecord> items = withOpinions(draftId, page);
        return new Page<>(items, page.size() < size ? null : String.valueOf(page.get(page.size() - 1).id()));
    }

    /** Every published comment of a closed draft in id order, a page at a time (for the bulk downloads). */
    public void forEachComment(long draftId, Consumer<CommentRecord> sink) {
        closedDraft(draftId);
        long after = 0;
        List<PublicComment> page;
        do {
            page = comments.publicCommentsAfter(draftId, after, MAX_PAGE);
            withOpinions(draftId, page).forEach(sink);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == MAX_PAGE);
    }

    public Page<OpinionRecord> opinions(long draftId, String after, int limit) {
        int size = Math.min(Math.max(limit, 1), MAX_PAGE);
        long from = cursor(after);
        List<OpinionRecord> all = approvedOpinions(draftId).stream().filter(o -> o.id() > from).limit(size).toList();
        return new Page<>(all, all.size() < size ? null : String.valueOf(all.get(all.size() - 1).id()));
    }

    /** Every approved opinion of a closed draft, in id order (a draft has hundreds, not millions). */
    public List<OpinionRecord> approvedOpinions(long draftId) {
        closedDraft(draftId);
        List<OpinionRecord> out = new ArrayList<>();
        for (Opinion o : opinions.ofDraft(draftId)) {
            if (o.state() == OpinionState.APPROVED) {
                out.add(new OpinionRecord(o.id(), o.draftId(), o.summary(), o.articleKeys(),
                        o.disposition() == null ? null : o.disposition().name(), o.reason(), o.comments(),
                        o.approvedAt()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(OpinionRecord::id));
        return out;
    }

    private List<CommentRecord> withOpinions(long draftId, List<PublicComment> page) {
        Map<Long, Long> memberOf = opinions.opinionsOf(page.stream().map(PublicComment::id).toList());
        Map<Long, Opinion> approved = new HashMap<>();
        if (!memberOf.isEmpty()) {
            opinions.ofDraft(draftId).stream().filter(o -> o.state() == OpinionState.APPROVED)
                    .forEach(o -> approved.put(o.id(), o));
        }
        List<CommentRecord> out = new ArrayList<>(page.size());
        for (PublicComment c : page) {
            // An opinion still under review is the desk's work in progress, not yet an answer to publish.
            Opinion o = memberOf.containsKey(c.id()) ? approved.get(memberOf.get(c.id())) : null;
            out.add(new CommentRecord(c.id(), c.draftId(), c.parentId(), c.provisionId(), c.provisionLabel(), c.version(),
                    c.stance() == null ? null : c.stance().name(), c.channel().name(), c.text(), c.proposedText(),
                    c.quote(), c.author(), c.supports(), c.createdAt(), o == null ? null : o.id(),
                    o == null || o.disposition() == null ? null : o.disposition().name()));
        }
        return out;
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            return Math.max(Long.parseLong(after.strip()), 0);
        } catch (NumberFormatException e) {
            throw new KaimenException(HttpStatus.BAD_REQUEST, "opendata.error.cursor");
        }
    }
}
