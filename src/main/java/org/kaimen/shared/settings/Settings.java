package org.kaimen.shared.settings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Numbers an administrator changes in the UI without a restart: rate limits and retention periods. Each has a
 * default from the configuration (the property of the same name); a saved value overrides it, and going back to the
 * default deletes the row. Read on every use from a cache that is refreshed every few seconds, so every instance
 * follows a change soon. Every change is audited.
 */
@Service
public class Settings {

    /** A setting: its property name and the range of values that make sense. */
    public record Definition(String name, int min, int max) {
    }

    public static final String PER_ACCOUNT = "kaimen.comments.per-account";
    public static final String PER_ADDRESS = "kaimen.comments.per-address";
    public static final String ANONYMOUS_PER_ADDRESS = "kaimen.comments.anonymous-per-address";
    public static final String SENT_MAIL_DAYS = "kaimen.retention.sent-mail-days";
    /** Days after a consultation closes that its comments keep their authors' contact data; 0 keeps it. */
    public static final String COMMENT_AUTHOR_DAYS = "kaimen.retention.comment-author-days";
    /** Days after a hearing is over that its registrants' names and e-mail addresses are kept; 0 keeps them. */
    public static final String HEARING_REGISTRANT_DAYS = "kaimen.retention.hearing-registrant-days";

    public static final List<Definition> DEFINITIONS = List.of(
            new Definition(PER_ACCOUNT, 1, 100_000),
            new Definition(PER_ADDRESS, 1, 1_000_000),
            new Definition(ANONYMOUS_PER_ADDRESS, 1, 100_000),
            new Definition(SENT_MAIL_DAYS, 1, 3650),
            new Definition(COMMENT_AUTHOR_DAYS, 0, 3650),
            new Definition(HEARING_REGISTRANT_DAYS, 0, 3650));

    private static final long REFRESH_MILLIS = 5_000;

    private final JdbcClient jdbc;
    private final Environment env;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Map<String, Integer> saved;
    private volatile long loadedAt;

    public Settings(JdbcClient jdbc, Environment env, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.env = env;
        this.audit = audit;
        this.clock = clock;
    }

    /** The value in force: the saved one, else the configured default. */
    public int intValue(String name) {
        Integer value = saved().get(name);
        return value != null ? value : configured(name);
    }

    /** The configured default (application.yml, environment). */
    public int configured(String name) {
        definition(name);
        return env.getRequiredProperty(name, Integer.class);
    }

    public boolean isOverridden(String name) {
        return saved().containsKey(name);
    }

    /** Saves a value; the configured default's value removes the override. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void set(String name, int value) {
        Definition d = definition(name);
        if (value < d.min() || value > d.max()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "settings.error.range", d.min(), d.max());
        }
        int before = intValue(name);
        if (value == configured(name)) {
            jdbc.sql("DELETE FROM setting WHERE name = :name").param("name", name).update();
        } else {
            jdbc.sql("""
                            INSERT INTO setting (name, value, updated_by, updated_at) VALUES (:name, :value, :by, :at)
                            ON CONFLICT (name) DO UPDATE
                            SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by,
                                updated_at = EXCLUDED.updated_at""")
                    .param("name", name).param("value", String.valueOf(value))
                    .param("by", SecurityContextHolder.getContext().getAuthentication().getName())
                    .param("at", OffsetDateTime.now(clock)).update();
        }
        audit.record("setting.change", "setting", name, before + " → " + value);
        saved = null;
    }

    private Map<String, Integer> saved() {
        Map<String, Integer> current = saved;
        if (current == null || System.nanoTime() - loadedAt > REFRESH_MILLIS * 1_000_000) {
            Map<String, Integer> fresh = new HashMap<>();
            jdbc.sql("SELECT name, value FROM setting").query(rs -> {
                fresh.put(rs.getString(1), Integer.valueOf(rs.getString(2)));
            });
            saved = current = Map.copyOf(fresh);
            loadedAt = System.nanoTime();
        }
        return current;
    }

    private static Definition definition(String name) {
        return DEFINITIONS.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "settings.error.unknown"));
    }
}
