package org.kaimen.shared.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** An append-only record of staff actions and staff reads of personal data. */
@Service
public class AuditLog {

    public record Entry(long id, OffsetDateTime at, String actor, String action, String targetType, String targetId,
                        String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Joins the caller's transaction so that an action and its audit entry commit or roll back together. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, Object targetId, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_log (at, actor, action, target_type, target_id, detail)
                        VALUES (:at, :actor, :action, :type, :id, :detail)""")
                .param("at", OffsetDateTime.now(clock))
                .param("actor", currentActor())
                .param("action", action)
                .param("type", targetType)
                .param("id", targetId == null ? null : String.valueOf(targetId))
                .param("detail", detail)
                .update();
    }

    public List<Entry> latest(int limit, String targetType, String targetId) {
        return jdbc.sql("""
                        SELECT id, at, actor, action, target_type, target_id, detail FROM audit_log
                        WHERE (CAST(:type AS TEXT) IS NULL OR target_type = :type)
                          AND (CAST(:id AS TEXT) IS NULL OR target_id = :id)
                        ORDER BY id DESC LIMIT :limit""")
                .param("type", targetType).param("id", targetId).param("limit", limit)
                .query(Entry.class).list();
    }

    /**
     * Entries newest first whose actor, action, target or detail contains {@code filter} (any case); all when blank.
     * For the administrators' audit-log viewer.
     */
    public List<Entry> search(String filter, int limit, int offset) {
        return jdbc.sql("SELECT id, at, actor, action, target_type, target_id, detail FROM audit_log " + WHERE
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("like", like(filter)).param("limit", limit).param("offset", offset)
                .query(Entry.class).list();
    }

    public int count(String filter) {
        return jdbc.sql("SELECT count(*) FROM audit_log " + WHERE).param("like", like(filter))
                .query(Integer.class).single();
    }

    private static final String WHERE = """
             WHERE CAST(:like AS TEXT) IS NULL OR actor ILIKE :like OR action ILIKE :like
                OR target_type || ':' || coalesce(target_id, '') ILIKE :like OR detail ILIKE :like""";

    private static String like(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        return "%" + filter.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
