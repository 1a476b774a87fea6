package org.kaimen.notifications.internal;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wording of mails: an administrator's override for a message key and language when there is one, otherwise the
 * messages files. The *Mails classes ask here instead of the MessageSource, so a changed wording applies to the next
 * mail, without a restart. Overrides are cached in memory and the cache is dropped on every change (one instance
 * sees its own changes at once; other instances within {@link #REFRESH_MILLIS}).
 */
@Component
public class MailTemplates {

    /** Every mail text an administrator may change, subject and body per mail. */
    public static final List<String> KEYS = List.of(
            "mail.receipt.subject", "mail.receipt.body",
            "mail.verify.subject", "mail.verify.body",
            "mail.repeated.subject", "mail.repeated.body",
            "mail.reset.subject", "mail.reset.body",
            "mail.report.subject", "mail.report.body",
            "mail.expert.invitation.subject", "mail.expert.invitation.body",
            "mail.expert.reminder.subject", "mail.expert.reminder.body",
            "mail.expert.answer.accepted.subject", "mail.expert.answer.accepted.body",
            "mail.expert.answer.declined.subject", "mail.expert.answer.declined.body",
            "mail.expert.answer.expired.subject", "mail.expert.answer.expired.body",
            "mail.hearing.registered.subject", "mail.hearing.registered.body",
            "mail.hearing.speaker.selected.subject", "mail.hearing.speaker.selected.body",
            "mail.hearing.speaker.waiting.subject", "mail.hearing.speaker.waiting.body",
            "mail.hearing.speaker.not_selected.subject", "mail.hearing.speaker.not_selected.body",
            "mail.hearing.speaker.pending.subject", "mail.hearing.speaker.pending.body",
            "mail.hearing.speaker.admitted.subject", "mail.hearing.speaker.admitted.body",
            "mail.hearing.observer.admitted.subject", "mail.hearing.observer.admitted.body",
            "mail.hearing.observer.not_selected.subject", "mail.hearing.observer.not_selected.body",
            "mail.hearing.observer.pending.subject", "mail.hearing.observer.pending.body",
            "mail.hearing.observer.selected.subject", "mail.hearing.observer.selected.body",
            "mail.hearing.observer.waiting.subject", "mail.hearing.observer.waiting.body",
            "mail.hearing.review.subject", "mail.hearing.review.body",
            "mail.hearing.handled.subject", "mail.hearing.handled.body",
            "mail.hearing.speaker.withdrawn.subject", "mail.hearing.speaker.withdrawn.body");
    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    static final long REFRESH_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Map<String, String> overrides;
    private volatile long loadedAt;

    MailTemplates(JdbcClient jdbc, MessageSource messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The text of a message key in a locale with its arguments: the override if any, else the messages files. */
    public String text(String key, Object[] args, Locale locale) {
        String override = overrides().get(id(key, language(locale)));
        return override == null ? messages.getMessage(key, args, locale)
                : new MessageFormat(override, locale).format(args == null ? new Object[0] : args);
    }

    /** The administrator's wording, if one was saved. */
    public Optional<String> override(String key, String language) {
        return Optional.ofNullable(overrides().get(id(key, language)));
    }

    /** The text of the messages files, placeholders unfilled. */
    public String standard(String key, String language) {
        return messages.getMessage(key, null, Locale.forLanguageTag(language));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void save(String key, String language, String text) {
        check(key, language);
        if (text == null || text.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "mailtemplates.error.empty");
        }
        try {
            new MessageFormat(text);
        } catch (IllegalArgumentException e) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "mailtemplates.error.format", e.getMessage());
        }
        jdbc.sql("""
                        INSERT INTO mail_template (message_key, language, text, updated_by, updated_at)
                        VALUES (:key, :lang, :text, :by, :at)
                        ON CONFLICT (message_key, language) DO UPDATE
                        SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("key", key).param("lang", language).param("text", text)
                .param("by", org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .getAuthentication().getName())
                .param("at", OffsetDateTime.now(clock)).update();
        audit.record("mail.template.save", "mail_template", key + "/" + language, text);
        overrides = null;
    }

    /** Back to the wording of the messages files. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reset(String key, String language) {
        check(key, language);
        if (jdbc.sql("DELETE FROM mail_template WHERE message_key = :key AND language = :lang")
                .param("key", key).param("lang", language).update() > 0) {
            audit.record("mail.template.reset", "mail_template", key + "/" + language, null);
        }
        overrides = null;
    }

    private Map<String, String> overrides() {
        Map<String, String> current = overrides;
        if (current == null || System.nanoTime() - loadedAt > REFRESH_MILLIS * 1_000_000) {
            Map<String, String> fresh = new ConcurrentHashMap<>();
            jdbc.sql("SELECT message_key, language, text FROM mail_template")
                    .query(rs -> {
                        fresh.put(id(rs.getString(1), rs.getString(2)), rs.getString(3));
                    });
            overrides = current = fresh;
            loadedAt = System.nanoTime();
        }
        return current;
    }

    private static void check(String key, String language) {
        if (!KEYS.contains(key) || !LANGUAGES.contains(language)) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "mailtemplates.error.key");
        }
    }

    private static String language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    private static String id(String key, String language) {
        return key + "|" + language;
    }
}
