package org.kaimen.comments.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.PersonalDataHolder;
import org.kaimen.comments.CommentChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A citizen's comments as personal data. On erasure a comment stays in the consultation's record (it was submitted
 * to a public procedure and may already be answered in a report), but loses its author: no account, no name or
 * contact data, and its text is replaced by the masked text the public already sees.
 */
@Component
class CommentPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;
    private final CommentRepository comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentPersonalData(JdbcClient jdbc, CommentRepository comments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "comments";
    }

    @Override
    public Object export(AccountSummary account) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("privacyConsent", jdbc.sql("SELECT notice, accepted_at FROM privacy_consent WHERE account_id = :a")
                .param("a", account.id()).query((rs, n) -> Map.of("notice", rs.getString(1),
                        "acceptedAt", rs.getObject(2, OffsetDateTime.class).toString())).list());
        out.put("comments", jdbc.sql("""
                        SELECT id, draft_id, provision_id, receipt, created_at, stance, text, proposed_text, channel,
                               author_name, author_phone, author_email, author_address, name_public, status
                        FROM comment WHERE account_id = :a ORDER BY id""")
                .param("a", account.id()).query((rs, n) -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("id", rs.getLong("id"));
                    c.put("draftId", rs.getLong("draft_id"));
                    c.put("provisionId", rs.getObject("provision_id"));
                    c.put("receipt", rs.getString("receipt"));
                    c.put("createdAt", rs.getObject("created_at", OffsetDateTime.class).toString());
                    c.put("stance", rs.getString("stance"));
                    c.put("text", rs.getString("text"));
                    c.put("proposedText", rs.getString("proposed_text"));
                    c.put("channel", rs.getString("channel"));
                    c.put("authorName", rs.getString("author_name"));
                    c.put("authorPhone", rs.getString("author_phone"));
                    c.put("authorEmail", rs.getString("author_email"));
                    c.put("authorAddress", rs.getString("author_address"));
                    c.put("namePublic", rs.getBoolean("name_public"));
                    c.put("status", rs.getString("status"));
                    return c;
                }).list());
        out.put("supported", jdbc.sql("SELECT comment_id FROM comment_support WHERE account_id = :a ORDER BY 1")
                .param("a", account.id()).query(Long.class).list());
        return out;
    }

    @Override
    public void erase(AccountSummary account) {
        List<long[]> changed = jdbc.sql("""
                        UPDATE comment SET account_id = NULL, author_name = NULL, author_phone = NULL,
                            author_email = NULL, author_address = NULL, name_public = FALSE,
                            text = text_public, proposed_text = proposed_public,
                            row_version = row_version + 1, updated_at = :now
                        WHERE account_id = :a
                        RETURNING id, draft_id""")
                .param("a", account.id()).param("now", OffsetDateTime.now(clock))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        comments.withdrawConsent(account.id());
        // The index keeps an author key for repeat detection: it must forget this one too.
        changed.forEach(c -> events.publishEvent(new CommentChanged(c[0], c[1])));
    }
}
