package org.kaimen.comments.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.kaimen.comments.CommentChanged;
import org.kaimen.drafts.DraftService;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases comment authors' contact data once a consultation has been closed for longer than the retention period
 * ({@link Settings#COMMENT_AUTHOR_DAYS}; 个人信息保护法 第十九条: kept no longer than needed). The period leaves time to
 * answer the comments in the adoption report and to reach authors with questions; after it the comment stays in the
 * record as the public sees it: phone, e-mail and postal address go, the name goes unless its author agreed to show
 * it publicly (then it already is part of the public record), and the text becomes the masked text the public reads.
 * The link to a registered author's account stays: the account is the person's own, who still finds the comment
 * under "My comments" and may delete it with the account. Anonymous reporters' IP addresses go as well.
 *
 * <p>Idempotent: only comments that still hold such data are touched, so a second run changes nothing.
 */
@Component
public class AuthorRetention {

    private static final Logger log = LoggerFactory.getLogger(AuthorRetention.class);
    /** Comments per transaction: a national consultation's hundreds of thousands must not be one. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final DraftService drafts;
    private final Settings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuthorRetention(JdbcClient jdbc, DraftService drafts, Settings settings, AuditLog audit,
                    ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Nightly, on one instance at a time. */
    @Scheduled(cron = "0 45 3 * * *", zone = "${kaimen.time-zone}")
    @SchedulerLock(name = "comment-author-retention", lockAtMostFor = "PT2H")
    public void run() {
        purge();
    }

    /** @return how many comments lost personal data in this run */
    public int purge() {
        int days = settings.intValue(Settings.COMMENT_AUTHOR_DAYS);
        if (days <= 0) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> due = drafts.consultationsClosedBefore(now.minusDays(days));
        int total = 0;
        for (long draftId : due) {
            int ofDraft = 0;
            int batch;
            do {
                batch = tx.execute(status -> eraseBatch(draftId, now));
                ofDraft += batch;
            } while (batch == BATCH);
            int reporters = tx.execute(status -> forgetReporters(draftId));
            if (ofDraft > 0 || reporters > 0) {
                int erased = ofDraft;
                tx.executeWithoutResult(status -> audit.record("comment.retention", "draft", draftId,
                        erased + " comments, " + reporters + " reporters' addresses, " + days
                                + " days after the consultation closed"));
                log.info("Erased the authors' contact data of {} comments of draft {} ({} days after it closed)",
                        erased, draftId, days);
            }
            total += ofDraft;
        }
        return total;
    }

    /**
     * Anonymous reports of a comment carry the reporter's IP address (one report per address); the report and its
     * reason stay, the address becomes a key of its own.
     */
    private int forgetReporters(long draftId) {
        return jdbc.sql("""
                        UPDATE comment_report SET reporter = 'erased:' || id
                        WHERE reporter LIKE 'address:%'
                          AND comment_id IN (SELECT id FROM comment WHERE draft_id = :draft)""")
                .param("draft", draftId).update();
    }

    private int eraseBatch(long draftId, OffsetDateTime now) {
        List<Long> changed = jdbc.sql("""
                        UPDATE comment SET author_name = CASE WHEN name_public THEN author_name END,
                            author_phone = NULL, author_email = NULL, author_address = NULL,
                            text = text_public, proposed_text = proposed_public,
                            row_version = row_version + 1, updated_at = :now
                        WHERE id IN (SELECT id FROM comment
                                     WHERE draft_id = :draft AND (author_phone IS NOT NULL OR author_email IS NOT NULL
                                         OR author_address IS NOT NULL OR (author_name IS NOT NULL AND NOT name_public)
                                         OR text <> text_public OR proposed_text IS DISTINCT FROM proposed_public)
                                     ORDER BY id LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING id""")
                .param("draft", draftId).param("now", now).param("batch", BATCH).query(Long.class).list();
        // The index keeps an author key made from the e-mail of anonymous authors; it must be rebuilt without it.
        changed.forEach(id -> events.publishEvent(new CommentChanged(id, draftId)));
        return changed.size();
    }
}
