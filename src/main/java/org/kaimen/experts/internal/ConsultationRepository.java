package org.kaimen.experts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.kaimen.experts.Attendance;
import org.kaimen.experts.Consultation;
import org.kaimen.experts.ConsultationKind;
import org.kaimen.experts.Draw;
import org.kaimen.experts.Invitation;
import org.kaimen.experts.InvitationStatus;
import org.kaimen.experts.NewConsultation;
import org.kaimen.experts.OpinionEntry;
import org.kaimen.experts.Sector;
import org.kaimen.shared.infra.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations, their draws, invitations, the clerk's adjustments, opinions and attachments. */
@Repository
public class ConsultationRepository {

    private static final String CONSULTATION = """
            SELECT id, draft_id, draft_title, department, kind, title, provision_ids, fields, stakeholders, wanted, seed,
                   extract(epoch FROM answer_within)::bigint AS answer_seconds, opinion_due, meeting_at, created_by,
                   created_at FROM expert_consultation""";
    private static final String INVITATION = """
            SELECT i.id, i.consultation_id, i.expert_id, e.name, e.organisation, e.sector, i.source, i.status,
                   i.invited_at, i.expires_at, i.reminded_at, i.answered_at, i.answer_note, i.declaration,
                   i.attendance, i.opinion_at, i.replaced
            FROM expert_invitation i JOIN expert e ON e.id = i.expert_id""";

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewConsultation c, String draftTitle, String department, long seed, String actor, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO expert_consultation (draft_id, draft_title, department, kind, title, provision_ids, fields, stakeholders,
                               wanted, seed, answer_within, opinion_due, meeting_at, created_by, created_at)
                        VALUES (:draft, :draftTitle, :department, :kind, :title, CAST(:provisions AS BIGINT[]), CAST(:fields AS TEXT[]),
                                CAST(:stakeholders AS TEXT[]), :wanted, :seed, CAST(:within AS INTERVAL), :due,
                                :meeting, :actor, :now)
                        RETURNING id""")
                .param("draft", c.draftId()).param("draftTitle", draftTitle).param("department", department).param("kind", c.kind().name()).param("title", c.title().strip())
                .param("provisions", SqlArrays.bigints(c.provisionIds()))
                .param("fields", SqlArrays.texts(c.fields()))
                .param("stakeholders", SqlArrays.texts(c.stakeholders()))
                .param("wanted", c.wanted()).param("seed", seed)
                .param("within", c.answerWithin().toSeconds() + " seconds")
                .param("due", c.opinionDue()).param("meeting", c.meetingAt()).param("actor", actor)
                .param("now", now).query(Long.class).single();
    }

    public Optional<Consultation> find(long id) {
        return jdbc.sql(CONSULTATION + " WHERE id = :id").param("id", id)
                .query(ConsultationRepository::consultation).optional();
    }

    public List<Consultation> forDraft(Long draftId) {
        return jdbc.sql(CONSULTATION + " WHERE CAST(:draft AS BIGINT) IS NULL OR draft_id = :draft ORDER BY id DESC")
                .param("draft", draftId).query(ConsultationRepository::consultation).list();
    }

    public int nextRound(long consultationId) {
        return jdbc.sql("SELECT coalesce(max(round), 0) + 1 FROM expert_draw WHERE consultation_id = :c")
                .param("c", consultationId).query(Integer.class).single();
    }

    public long insertDraw(long consultationId, int round, long seed, int wanted, String candidates,
                           List<Long> picked, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO expert_draw (consultation_id, round, seed, wanted, candidates, picked, reason, at)
                        VALUES (:c, :round, :seed, :wanted, :candidates, CAST(:picked AS BIGINT[]), :reason, :now)
                        RETURNING id""")
                .param("c", consultationId).param("round", round).param("seed", seed).param("wanted", wanted)
                .param("candidates", candidates).param("picked", SqlArrays.bigints(picked)).param("reason", reason)
                .param("now", now).query(Long.class).single();
    }

    /** The recorded candidates are JSON; the second element of each row is the raw text for recomputation. */
    public List<Draw> draws(long consultationId) {
        return jdbc.sql("""
                        SELECT id, consultation_id, round, seed, wanted, picked, reason, at FROM expert_draw
                        WHERE consultation_id = :c ORDER BY round""")
                .param("c", consultationId)
                .query((rs, n) -> new Draw(rs.getLong("id"), rs.getLong("consultation_id"), rs.getInt("round"),
                        rs.getLong("seed"), rs.getInt("wanted"), List.of(), longs(rs.getArray("picked")),
                        rs.getString("reason"), rs.getObject("at", OffsetDateTime.class))).list();
    }

    public Optional<String> drawCandidates(long drawId) {
        return jdbc.sql("SELECT candidates FROM expert_draw WHERE id = :id").param("id", drawId)
                .query(String.class).optional();
    }

    public long insertInvitation(long consultationId, long expertId, String source, InvitationStatus status,
                                 OffsetDateTime invitedAt, OffsetDateTime expiresAt, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO expert_invitation (consultation_id, expert_id, source, status, invited_at,
                                                       expires_at, created_at)
                        VALUES (:c, :e, :source, :status, :invited, :expires, :now)
                        RETURNING id""")
                .param("c", consultationId).param("e", expertId).param("source", source)
                .param("status", status.name()).param("invited", invitedAt).param("expires", expiresAt)
                .param("now", now).query(Long.class).single();
    }

    public List<Invitation> invitations(long consultationId) {
        return jdbc.sql(INVITATION + " WHERE i.consultation_id = :c ORDER BY i.id").param("c", consultationId)
                .query(ConsultationRepository::invitation).list();
    }

    public Optional<Invitation> invitation(long id) {
        return jdbc.sql(INVITATION + " WHERE i.id = :id").param("id", id)
                .query(ConsultationRepository::invitation).optional();
    }

    /** Locks the row, so two clicks on the same link (or a click racing the expiry job) answer once. */
    public Optional<Invitation> invitationForUpdate(long id) {
        return jdbc.sql(INVITATION + " WHERE i.id = :id FOR UPDATE OF i").param("id", id)
                .query(ConsultationRepository::invitation).optional();
    }

    public List<Invitation> forExpert(long expertId) {
        return jdbc.sql(INVITATION + " WHERE i.expert_id = :e ORDER BY i.id DESC").param("e", expertId)
                .query(ConsultationRepository::invitation).list();
    }

    public boolean invite(long id, OffsetDateTime now, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        UPDATE expert_invitation SET status = 'INVITED', invited_at = :now, expires_at = :expires
                        WHERE id = :id AND status = 'PROPOSED'""")
                .param("now", now).param("expires", expiresAt).param("id", id).update() == 1;
    }

    public void answer(long id, InvitationStatus status, String note, String declaration, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE expert_invitation SET status = :status, answered_at = :now, answer_note = :note,
                               declaration = :declaration WHERE id = :id""")
                .param("status", status.name()).param("now", now).param("note", note)
                .param("declaration", declaration).param("id", id).update();
    }

    public void setStatus(long id, InvitationStatus status) {
        jdbc.sql("UPDATE expert_invitation SET status = :s WHERE id = :id").param("s", status.name())
                .param("id", id).update();
    }

    /** @return false when it was already marked: replacement happens once per invitation */
    public boolean markReplaced(long id) {
        return jdbc.sql("UPDATE expert_invitation SET replaced = TRUE WHERE id = :id AND NOT replaced")
                .param("id", id).update() == 1;
    }

    public boolean markReminded(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE expert_invitation SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
                .param("now", now).param("id", id).update() == 1;
    }

    public void setAttendance(long id, Attendance attendance) {
        jdbc.sql("UPDATE expert_invitation SET attendance = :a WHERE id = :id")
                .param("a", attendance == null ? null : attendance.name()).param("id", id).update();
    }

    public List<Long> dueForReminder(OffsetDateTime now, OffsetDateTime remindFrom) {
        return jdbc.sql("""
                        SELECT id FROM expert_invitation WHERE status = 'INVITED' AND reminded_at IS NULL
                        AND expires_at <= :t AND expires_at > :now ORDER BY id""")
                .param("t", remindFrom).param("now", now).query(Long.class).list();
    }

    public List<Long> expired(OffsetDateTime now) {
        return jdbc.sql("SELECT id FROM expert_invitation WHERE status = 'INVITED' AND expires_at < :now ORDER BY id")
                .param("now", now).query(Long.class).list();
    }

    /** Answered invitations whose replacement has not been drawn (also after a crash between the two). */
    public List<Long> awaitingReplacement() {
        return jdbc.sql("""
                        SELECT id FROM expert_invitation WHERE status IN ('DECLINED', 'CONFLICT', 'EXPIRED')
                        AND NOT replaced ORDER BY id""")
                .query(Long.class).list();
    }

    public void insertAdjustment(long consultationId, long expertId, String action, String reason, String actor,
                                 OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO expert_adjustment (consultation_id, expert_id, action, reason, actor, at)
                        VALUES (:c, :e, :action, :reason, :actor, :now)""")
                .param("c", consultationId).param("e", expertId).param("action", action).param("reason", reason)
                .param("actor", actor).param("now", now).update();
    }

    public boolean insertOpinion(long invitationId, OpinionEntry o, long commentId, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO expert_opinion (invitation_id, provision_id, stance, text, proposed_text,
                                                    comment_id, created_at)
                        VALUES (:i, :p, :stance, :text, :proposed, :comment, :now) ON CONFLICT DO NOTHING""")
                .param("i", invitationId).param("p", o.provisionId()).param("stance", o.stance().name())
                .param("text", o.text().strip()).param("proposed", o.proposedText()).param("comment", commentId)
                .param("now", now).update() == 1;
    }

    public List<OpinionEntry> opinions(long invitationId) {
        return jdbc.sql("""
                        SELECT provision_id, stance, text, proposed_text FROM expert_opinion
                        WHERE invitation_id = :i ORDER BY id""")
                .param("i", invitationId)
                .query((rs, n) -> new OpinionEntry((Long) rs.getObject(1),
                        org.kaimen.comments.Stance.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    public void markOpinion(long invitationId, OffsetDateTime now) {
        jdbc.sql("UPDATE expert_invitation SET opinion_at = coalesce(opinion_at, :now) WHERE id = :id")
                .param("now", now).param("id", invitationId).update();
    }

    public long insertAttachment(long invitationId, String filename, String contentType, byte[] content,
                                 OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO expert_attachment (invitation_id, filename, content_type, content, uploaded_at)
                        VALUES (:i, :name, :type, :content, :now) RETURNING id""")
                .param("i", invitationId).param("name", filename).param("type", contentType)
                .param("content", content).param("now", now).query(Long.class).single();
    }

    public record StoredAttachment(long id, long invitationId, String filename, String contentType, byte[] content) {
    }

    public List<StoredAttachment> attachments(long invitationId) {
        return jdbc.sql("""
                        SELECT id, invitation_id, filename, content_type, content FROM expert_attachment
                        WHERE invitation_id = :i ORDER BY id""")
                .param("i", invitationId).query(StoredAttachment.class).list();
    }

    public Optional<StoredAttachment> attachment(long id) {
        return jdbc.sql("""
                        SELECT id, invitation_id, filename, content_type, content FROM expert_attachment
                        WHERE id = :id""")
                .param("id", id).query(StoredAttachment.class).optional();
    }

    /** Invitations of the year (by invitation date) with what became of them, for the yearly record. */
    public record YearRow(long expertId, InvitationStatus status, ConsultationKind kind, Attendance attendance,
                          OffsetDateTime opinionAt, OffsetDateTime opinionDue) {
    }

    public List<YearRow> year(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                        SELECT i.expert_id, i.status, c.kind, i.attendance, i.opinion_at, c.opinion_due
                        FROM expert_invitation i JOIN expert_consultation c ON c.id = i.consultation_id
                        WHERE i.invited_at >= :from AND i.invited_at < :to""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new YearRow(rs.getLong(1), InvitationStatus.valueOf(rs.getString(2)),
                        ConsultationKind.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : Attendance.valueOf(rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class))).list();
    }

    private static Consultation consultation(ResultSet rs, int n) throws SQLException {
        return new Consultation(rs.getLong("id"), rs.getLong("draft_id"), rs.getString("draft_title"), rs.getString("department"), ConsultationKind.valueOf(rs.getString("kind")),
                rs.getString("title"), longs(rs.getArray("provision_ids")), texts(rs.getArray("fields")),
                texts(rs.getArray("stakeholders")), rs.getInt("wanted"), rs.getLong("seed"),
                Duration.ofSeconds(rs.getLong("answer_seconds")), rs.getObject("opinion_due", OffsetDateTime.class),
                rs.getObject("meeting_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Invitation invitation(ResultSet rs, int n) throws SQLException {
        String attendance = rs.getString("attendance");
        return new Invitation(rs.getLong("id"), rs.getLong("consultation_id"), rs.getLong("expert_id"),
                rs.getString("name"), rs.getString("organisation"), Sector.valueOf(rs.getString("sector")),
                rs.getString("source"), InvitationStatus.valueOf(rs.getString("status")),
                rs.getObject("invited_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("reminded_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getString("answer_note"), rs.getString("declaration"),
                attendance == null ? null : Attendance.valueOf(attendance),
                rs.getObject("opinion_at", OffsetDateTime.class), rs.getBoolean("replaced"));
    }

    private static List<Long> longs(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((Long[]) a.getArray());
    }

    private static List<String> texts(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
