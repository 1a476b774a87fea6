package org.kaimen.feedback.internal.export;

import java.util.HashMap;
import java.util.Map;
import org.kaimen.comments.CommentPage;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.StaffComment;
import org.kaimen.shared.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who wrote the comments of a draft, for the export with names: administrators only, and audited twice over (the
 * comments module records every page of personal data read, and this records the export itself).
 */
@Component
public class CommentAuthors {

    private static final int PAGE = 200;

    private final CommentService comments;
    private final AuditLog audit;

    public CommentAuthors(CommentService comments, AuditLog audit) {
        this.comments = comments;
        this.audit = audit;
    }

    /** @param format what the names go into (xlsx, csv), for the audit log */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Map<Long, CommentTable.Contact> of(long draftId, String format) {
        Map<Long, CommentTable.Contact> out = new HashMap<>();
        int page = 0;
        CommentPage<StaffComment> batch;
        do {
            batch = comments.staffComments(draftId, null, null, null, page++, PAGE);
            for (StaffComment c : batch.items()) {
                out.put(c.id(), new CommentTable.Contact(c.authorName(), c.authorEmail(), c.authorPhone()));
            }
        } while (!batch.items().isEmpty() && (long) page * PAGE < batch.total());
        audit.record("feedback.export.names", "draft", draftId, format + ": authors of " + out.size() + " comments");
        return out;
    }
}
