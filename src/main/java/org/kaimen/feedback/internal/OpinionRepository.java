package org.kaimen.feedback.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionEvent;
import org.kaimen.feedback.OpinionState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opinions, their members and their record, in PostgreSQL. */
@Repository
public class OpinionRepository {

    private static final String SELECT = """
            SELECT o.*, (SELECT count(*) FROM opinion_member m WHERE m.opinion_id = o.id) AS members
            FROM opinion o""";

    private final JdbcClient jdbc;

    OpinionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long draftId, String summary, List<String> articleKeys, String source, String actor,
                       OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO opinion (draft_id, summary, article_keys, state, source, created_by, created_at,
                            updated_at)
                        VALUES (:d, :s, CAST(:k AS TEXT[]), 'NEW', :src, :by, :now, :now) RETURNING id""")
                .param("d", draftId).param("s", summary).param("k", org.kaimen.shared.infra.SqlArrays.texts(articleKeys)).param("src", source)
                .param("by", actor).param("now", now).query(Long.class).single();
    }

    public Optional<Opinion> find(long id) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", id).query(OpinionRepository::opinion).optional();
    }

    /** Locks the row for a state change, so two clerks cannot approve and return it at once. */
    public Optional<Opinion> lock(long id) {
        jdbc.sql("SELECT id FROM opinion WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find(id);
    }

    public List<Opinion> ofDraft(long draftId) {
        return jdbc.sql(SELECT + " WHERE o.draft_id = :d ORDER BY o.id").param("d", draftId)
                .query(OpinionRepository::opinion).list();
    }

    public void update(long id, String summary, List<String> articleKeys, OffsetDateTime now) {
        jdbc.sql("UPDATE opinion SET summary = :s, article_keys = CAST(:k AS TEXT[]), updated_at = :now WHERE id = :id")
                .param("s", summary).param("k", org.kaimen.shared.infra.SqlArrays.texts(articleKeys)).param("now", now).param("id", id).update();
    }

    public void assign(long id, String assignee, OffsetDateTime now) {
        jdbc.sql("UPDATE opinion SET assignee = :a, updated_at = :now WHERE id = :id")
                .param("a", assignee).param("now", now).param("id", id).update();
    }

    public void state(long id, OpinionState state, OffsetDateTime now) {
        jdbc.sql("UPDATE opinion SET state = :s, updated_at = :now WHERE id = :id")
                .param("s", state.name()).param("now", now).param("id", id).update();
    }

    public void propose(long id, Disposition d, String reason, Long changedProvisionId, String by, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE opinion SET state = 'PROPOSED', disposition = :d, reason = :r, changed_provision_id = :p,
                            proposed_by = :by, approved_by = NULL, approved_at = NULL, updated_at = :now
                        WHERE id = :id""")
                .param("d", d.name()).param("r", reason).param("p", changedProvisionId).param("by", by)
                .param("now", now).param("id", id).update();
    }

    public void approve(long id, String by, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE opinion SET state = 'APPROVED', approved_by = :by, approved_at = :now, updated_at = :now
                        WHERE id = :id""")
                .param("by", by).param("now", now).param("id", id).update();
    }

    /** Back to review: the approval (if any) is withdrawn, the proposal kept as a starting point. */
    public void reopen(long id, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE opinion SET state = 'IN_REVIEW', approved_by = NULL, approved_at = NULL, updated_at = :now
                        WHERE id = :id""")
                .param("now", now).param("id", id).update();
    }

    /** Current opinion of each comment that has one. */
    public Map<Long, Long> opinionsOf(Collection<Long> commentIds) {
        Map<Long, Long> out = new HashMap<>();
        if (commentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT comment_id, opinion_id FROM opinion_member WHERE comment_id = ANY (CAST(:ids AS BIGINT[]))")
                .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(commentIds))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    public List<Long> members(long opinionId) {
        return jdbc.sql("SELECT comment_id FROM opinion_member WHERE opinion_id = :o ORDER BY comment_id")
                .param("o", opinionId).query(Long.class).list();
    }

    /** Every member of a draft's opinions, comment id to opinion id. */
    public Map<Long, Long> membersOfDraft(long draftId) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                        SELECT m.comment_id, m.opinion_id FROM opinion_member m JOIN opinion o ON o.id = m.opinion_id
                        WHERE o.draft_id = :d""")
                .param("d", draftId)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** Puts a comment into an opinion, out of any other (the move is recorded by the caller). */
    public void putMember(long commentId, long opinionId, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO opinion_member (comment_id, opinion_id, added_by, added_at) VALUES (:c, :o, :by, :now)
                        ON CONFLICT (comment_id) DO UPDATE SET opinion_id = :o, added_by = :by, added_at = :now""")
                .param("c", commentId).param("o", opinionId).param("by", actor).param("now", now).update();
    }

    public void removeMember(long commentId) {
        jdbc.sql("DELETE FROM opinion_member WHERE comment_id = :c").param("c", commentId).update();
    }

    public void record(long opinionId, Long commentId, String action, String detail, String actor, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO opinion_event (opinion_id, comment_id, action, detail, actor, at)
                        VALUES (:o, :c, :a, :d, :by, :at)""")
                .param("o", opinionId).param("c", commentId).param("a", action).param("d", detail).param("by", actor)
                .param("at", at).update();
    }

    public List<OpinionEvent> history(long opinionId) {
        return jdbc.sql("SELECT action, comment_id, detail, actor, at FROM opinion_event WHERE opinion_id = :o ORDER BY id")
                .param("o", opinionId)
                .query((rs, i) -> new OpinionEvent(rs.getString(1), (Long) rs.getObject(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    // ------------------------------------------------------------------ reasons

    public List<String> reasons(int limit) {
        return jdbc.sql("SELECT text FROM reason_phrase ORDER BY uses DESC, id LIMIT :n").param("n", limit)
                .query(String.class).list();
    }

    public void useReason(String text, String actor, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO reason_phrase (text, uses, created_by, created_at) VALUES (:t, 1, :by, :now)
                        ON CONFLICT (text) DO UPDATE SET uses = reason_phrase.uses + 1""")
                .param("t", text).param("by", actor).param("now", now).update();
    }

    // ------------------------------------------------------------------ report

    public record ReportRow(String introduction, java.time.LocalDate dueOn, OffsetDateTime publishedAt) {
    }

    public Optional<ReportRow> report(long draftId) {
        return jdbc.sql("SELECT introduction, due_on, published_at FROM adoption_report WHERE draft_id = :d")
                .param("d", draftId)
                .query((rs, i) -> new ReportRow(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    public void saveReport(long draftId, String introduction, java.time.LocalDate dueOn) {
        jdbc.sql("""
                        INSERT INTO adoption_report (draft_id, introduction, due_on) VALUES (:d, :i, :due)
                        ON CONFLICT (draft_id) DO UPDATE SET introduction = :i, due_on = :due""")
                .param("d", draftId).param("i", introduction).param("due", dueOn).update();
    }

    public boolean publish(long draftId, String by, OffsetDateTime now) {
        jdbc.sql("INSERT INTO adoption_report (draft_id) VALUES (:d) ON CONFLICT DO NOTHING").param("d", draftId)
                .update();
        return jdbc.sql("""
                        UPDATE adoption_report SET published_at = :now, published_by = :by
                        WHERE draft_id = :d AND published_at IS NULL""")
                .param("now", now).param("by", by).param("d", draftId).update() == 1;
    }

    public boolean subscribe(long draftId, long accountId, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO report_subscription (draft_id, account_id, created_at) VALUES (:d, :a, :now)
                        ON CONFLICT DO NOTHING""")
                .param("d", draftId).param("a", accountId).param("now", now).update() == 1;
    }

    public boolean subscribed(long draftId, long accountId) {
        return jdbc.sql("SELECT count(*) FROM report_subscription WHERE draft_id = :d AND account_id = :a")
                .param("d", draftId).param("a", accountId).query(Long.class).single() > 0;
    }

    public List<Long> subscribers(long draftId) {
        return jdbc.sql("SELECT account_id FROM report_subscription WHERE draft_id = :d ORDER BY account_id")
                .param("d", draftId).query(Long.class).list();
    }

    private static Opinion opinion(ResultSet rs, int i) throws SQLException {
        String disposition = rs.getString("disposition");
        return new Opinion(rs.getLong("id"), rs.getLong("draft_id"), rs.getString("summary"),
                strings(rs.getArray("article_keys")), rs.getString("assignee"),
                OpinionState.valueOf(rs.getString("state")),
                disposition == null ? null : Disposition.valueOf(disposition), rs.getString("reason"),
                (Long) rs.getObject("changed_provision_id"), rs.getString("proposed_by"), rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class), rs.getString("source"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getInt("members"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
