package org.kaimen.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The table every mail passes through; a dedupe key makes a mail for the same fact go out at most once. */
@Repository
public class MailOutbox {

    public enum Status { QUEUED, SENDING, SENT, FAILED }

    public record Mail(long id, String dedupeKey, String recipient, String subject, String bodyText, String kind,
                       Status status, int attempts, OffsetDateTime nextAttemptAt, String lastError, String messageId,
                       OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    /** A file sent with a mail, e.g. the hearing's .ics invitation. */
    public record Attachment(String filename, String contentType, byte[] content) {
    }

    private static final String COLUMNS = """
            id, dedupe_key, recipient, subject, body_text, kind, status, attempts, next_attempt_at, last_error,
            message_id, created_at, sent_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailMetrics metrics;

    public MailOutbox(JdbcClient jdbc, Clock clock, MailMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return false when a mail with this key was queued before (a redelivered event): nothing is added */
    @Transactional
    public boolean enqueue(String dedupeKey, String recipient, String subject, String body, String kind) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean added = jdbc.sql("""
                        INSERT INTO mail_outbox (dedupe_key, recipient, subject, body_text, kind, status,
                                                 next_attempt_at, message_id, created_at)
                        VALUES (:key, :to, :subject, :body, :kind, 'QUEUED', :now, :messageId, :now)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", dedupeKey).param("to", recipient).param("subject", subject).param("body", body)
                .param("kind", kind).param("now", now)
                .param("messageId", "<" + UUID.randomUUID() + "@kaimen>")
                .update() == 1;
        if (added) {
            metrics.queued(kind);
        }
        return added;
    }

    /** As {@link #enqueue(String, String, String, String, String)}, with files stored next to the mail. */
    @Transactional
    public boolean enqueue(String dedupeKey, String recipient, String subject, String body, String kind,
                           List<Attachment> attachments) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        var id = jdbc.sql("""
                        INSERT INTO mail_outbox (dedupe_key, recipient, subject, body_text, kind, status,
                                                 next_attempt_at, message_id, created_at)
                        VALUES (:key, :to, :subject, :body, :kind, 'QUEUED', :now, :messageId, :now)
                        ON CONFLICT (dedupe_key) DO NOTHING RETURNING id""")
                .param("key", dedupeKey).param("to", recipient).param("subject", subject).param("body", body)
                .param("kind", kind).param("now", now)
                .param("messageId", "<" + UUID.randomUUID() + "@kaimen>")
                .query(Long.class).optional();
        id.ifPresent(mailId -> {
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                jdbc.sql("""
                                INSERT INTO mail_attachment (mail_id, position, filename, content_type, content)
                                VALUES (:m, :p, :f, :t, :c)""")
                        .param("m", mailId).param("p", i).param("f", a.filename()).param("t", a.contentType())
                        .param("c", a.content()).update();
            }
        });
        return id.isPresent();
    }

    public List<Attachment> attachments(long mailId) {
        return jdbc.sql("""
                        SELECT filename, content_type, content FROM mail_attachment
                        WHERE mail_id = :m ORDER BY position""")
                .param("m", mailId).query(Attachment.class).list();
    }

    /**
     * Claims due mails for this instance. SKIP LOCKED lets several app instances drain the outbox without taking the
     * same row; a SENDING claim older than {@code staleAfter} belonged to a crashed instance and is taken again.
     */
    @Transactional
    public List<Mail> claimDue(int limit, Duration staleAfter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENDING', claimed_at = :now
                        WHERE id IN (SELECT id FROM mail_outbox
                                     WHERE (status = 'QUEUED' AND next_attempt_at <= :now)
                                        OR (status = 'SENDING' AND claimed_at < :stale)
                                     ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING\s""" + COLUMNS)
                .param("now", now).param("stale", now.minus(staleAfter)).param("limit", limit)
                .query(Mail.class).list();
    }

    public void markSent(long id) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'SENT', sent_at = :now, attempts = attempts + 1,
                               last_error = NULL WHERE id = :id""")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    public void markRetry(long id, String error, OffsetDateTime nextAttempt) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'QUEUED', attempts = attempts + 1, last_error = :error,
                               next_attempt_at = :next WHERE id = :id""")
                .param("error", truncate(error)).param("next", nextAttempt).param("id", id).update();
    }

    public void markFailed(long id, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = attempts + 1, last_error = :error WHERE id = :id")
                .param("error", truncate(error)).param("id", id).update();
    }

    /** An administrator's "send again" for a mail that gave up. */
    public void requeue(long id) {
        jdbc.sql("""
                        UPDATE mail_outbox SET status = 'QUEUED', next_attempt_at = :now
                        WHERE id = :id AND status = 'FAILED'""")
                .param("now", OffsetDateTime.now(clock)).param("id", id).update();
    }

    public List<Mail> latest(String filter, Status status, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE " + where() + " ORDER BY id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("like", like(filter)).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query(Mail.class).list();
    }

    public int count(String filter, Status status) {
        return jdbc.sql("SELECT count(*) FROM mail_outbox WHERE " + where())
                .param("like", like(filter)).param("status", status == null ? null : status.name())
                .query(Integer.class).single();
    }

    public List<Mail> findByRecipient(String recipient) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE lower(recipient) = lower(:r) ORDER BY id")
                .param("r", recipient).query(Mail.class).list();
    }

    /** The mail queued for one fact, e.g. an invitation, so the screen that caused it can show how it went. */
    public java.util.Optional<Mail> findByDedupeKey(String dedupeKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE dedupe_key = :k").param("k", dedupeKey)
                .query(Mail.class).optional();
    }

    private static String where() {
        return """
                (CAST(:like AS TEXT) IS NULL OR lower(recipient) LIKE :like OR lower(subject) LIKE :like)
                AND (CAST(:status AS TEXT) IS NULL OR status = :status)""";
    }

    private static String like(String filter) {
        return filter == null || filter.isBlank() ? null : "%" + filter.trim().toLowerCase() + "%";
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
