package org.kaimen.experts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.ExpertStatus;
import org.kaimen.experts.Field;
import org.kaimen.experts.Interest;
import org.kaimen.experts.Sector;
import org.kaimen.shared.infra.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables: experts, their fields and declared interests, and the field taxonomy. */
@Repository
public class ExpertRepository {

    private static final String COLUMNS = """
            id, name, title, organisation, sector, biography, email, phone, locale, status, notice_ends_on,
            term_start, term_end, committee_member""";

    private final JdbcClient jdbc;

    ExpertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Field> fields(boolean activeOnly) {
        return jdbc.sql("SELECT code, name_zh, name_en, position, active FROM expert_field"
                        + (activeOnly ? " WHERE active" : "") + " ORDER BY position, code")
                .query(Field.class).list();
    }

    public void saveField(Field f) {
        jdbc.sql("""
                        INSERT INTO expert_field (code, name_zh, name_en, position, active)
                        VALUES (:code, :zh, :en, :pos, :active)
                        ON CONFLICT (code) DO UPDATE SET name_zh = :zh, name_en = :en, position = :pos,
                                                          active = :active""")
                .param("code", f.code()).param("zh", f.nameZh()).param("en", f.nameEn())
                .param("pos", f.position()).param("active", f.active()).update();
    }

    public long insert(ExpertForm f, ExpertStatus status, LocalDate termEnd, OffsetDateTime now) {
        long id = jdbc.sql("""
                        INSERT INTO expert (name, title, organisation, sector, biography, email, phone, locale, status,
                                            term_start, term_end, committee_member, created_at, updated_at)
                        VALUES (:name, :title, :org, :sector, :bio, :email, :phone, :locale, :status, :start, :end,
                                :committee, :now, :now)
                        RETURNING id""")
                .params(formParams(f, termEnd)).param("status", status.name()).param("now", now)
                .query(Long.class).single();
        replaceDetails(id, f, now);
        return id;
    }

    public void update(long id, ExpertForm f, LocalDate termEnd, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE expert SET name = :name, title = :title, organisation = :org, sector = :sector,
                               biography = :bio, email = :email, phone = :phone, locale = :locale, term_start = :start,
                               term_end = :end, committee_member = :committee, updated_at = :now
                        WHERE id = :id""")
                .params(formParams(f, termEnd)).param("now", now).param("id", id).update();
        replaceDetails(id, f, now);
    }

    private static Map<String, Object> formParams(ExpertForm f, LocalDate termEnd) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", f.name().strip());
        p.put("title", blankToNull(f.title()));
        p.put("org", blankToNull(f.organisation()));
        p.put("sector", f.sector().name());
        p.put("bio", blankToNull(f.biography()));
        p.put("email", f.email().strip());
        p.put("phone", blankToNull(f.phone()));
        p.put("locale", f.locale() == null || f.locale().isBlank() ? "zh-CN" : f.locale());
        p.put("start", f.termStart());
        p.put("end", termEnd);
        p.put("committee", f.committeeMember());
        return p;
    }

    private void replaceDetails(long id, ExpertForm f, OffsetDateTime now) {
        jdbc.sql("DELETE FROM expert_field_of WHERE expert_id = :id").param("id", id).update();
        for (String code : f.fields() == null ? List.<String>of() : f.fields()) {
            jdbc.sql("INSERT INTO expert_field_of (expert_id, field_code) VALUES (:id, :code) ON CONFLICT DO NOTHING")
                    .param("id", id).param("code", code).update();
        }
        jdbc.sql("DELETE FROM expert_interest WHERE expert_id = :id").param("id", id).update();
        for (Interest i : f.interests() == null ? List.<Interest>of() : f.interests()) {
            if (i.organisation() == null || i.organisation().isBlank()) {
                continue;
            }
            jdbc.sql("""
                            INSERT INTO expert_interest (expert_id, organisation, role, declared_at)
                            VALUES (:id, :org, :role, :now)""")
                    .param("id", id).param("org", i.organisation().strip()).param("role", blankToNull(i.role()))
                    .param("now", now).update();
        }
    }

    public void setStatus(long id, ExpertStatus status, LocalDate noticeEndsOn, LocalDate termStart,
                          LocalDate termEnd, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE expert SET status = :status, notice_ends_on = :notice,
                               term_start = coalesce(:start, term_start), term_end = coalesce(:end, term_end),
                               updated_at = :now WHERE id = :id""")
                .param("status", status.name()).param("notice", noticeEndsOn).param("start", termStart)
                .param("end", termEnd).param("now", now).param("id", id).update();
    }

    public Optional<Expert> find(long id) {
        return hydrate(jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE id = :id").param("id", id)
                .query(ExpertRepository::row).list()).stream().findFirst();
    }

    public Optional<Expert> findByEmail(String email) {
        return hydrate(jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE lower(email) = lower(:e)")
                .param("e", email.strip()).query(ExpertRepository::row).list()).stream().findFirst();
    }

    public List<Expert> findAll(List<Long> ids) {
        return hydrate(jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE id = ANY (CAST(:ids AS BIGINT[]))"
                        + " ORDER BY id")
                .param("ids", SqlArrays.bigints(ids)).query(ExpertRepository::row).list());
    }

    public List<Expert> withStatus(ExpertStatus status) {
        return hydrate(jdbc.sql("SELECT " + COLUMNS + " FROM expert WHERE status = :s ORDER BY id")
                .param("s", status.name()).query(ExpertRepository::row).list());
    }

    public List<Expert> search(String text, String field, ExpertStatus status, int limit, int offset) {
        return hydrate(jdbc.sql("SELECT " + COLUMNS + " FROM expert e WHERE " + where()
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .params(filter(text, field, status)).param("limit", limit).param("offset", offset)
                .query(ExpertRepository::row).list());
    }

    public int count(String text, String field, ExpertStatus status) {
        return jdbc.sql("SELECT count(*) FROM expert e WHERE " + where()).params(filter(text, field, status))
                .query(Integer.class).single();
    }

    private static String where() {
        return """
                (CAST(:like AS TEXT) IS NULL OR lower(e.name) LIKE :like OR lower(coalesce(e.organisation, ''))
                    LIKE :like OR lower(coalesce(e.title, '')) LIKE :like OR lower(e.email) LIKE :like)
                AND (CAST(:status AS TEXT) IS NULL OR e.status = :status)
                AND (CAST(:field AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM expert_field_of f
                     WHERE f.expert_id = e.id AND f.field_code = :field))""";
    }

    private static Map<String, Object> filter(String text, String field, ExpertStatus status) {
        Map<String, Object> p = new HashMap<>();
        p.put("like", text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%");
        p.put("field", field == null || field.isBlank() ? null : field);
        p.put("status", status == null ? null : status.name());
        return p;
    }

    /** When each expert was last sent an invitation, for rotation in the draw. */
    public Map<Long, OffsetDateTime> lastInvited(List<Long> ids) {
        Map<Long, OffsetDateTime> last = new HashMap<>();
        jdbc.sql("""
                        SELECT expert_id, max(invited_at) AS at FROM expert_invitation
                        WHERE expert_id = ANY (CAST(:ids AS BIGINT[])) AND invited_at IS NOT NULL GROUP BY expert_id""")
                .param("ids", SqlArrays.bigints(ids))
                .query((rs, n) -> last.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))).list();
        return last;
    }

    private List<Expert> hydrate(List<Expert> bare) {
        if (bare.isEmpty()) {
            return bare;
        }
        String ids = SqlArrays.bigints(bare.stream().map(Expert::id).toList());
        Map<Long, List<String>> fields = new HashMap<>();
        jdbc.sql("""
                        SELECT f.expert_id, f.field_code FROM expert_field_of f JOIN expert_field t ON t.code = f.field_code
                        WHERE f.expert_id = ANY (CAST(:ids AS BIGINT[])) ORDER BY t.position, t.code""")
                .param("ids", ids)
                .query((rs, n) -> fields.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Map<Long, List<Interest>> interests = new HashMap<>();
        jdbc.sql("""
                        SELECT expert_id, organisation, role FROM expert_interest
                        WHERE expert_id = ANY (CAST(:ids AS BIGINT[])) ORDER BY id""")
                .param("ids", ids)
                .query((rs, n) -> interests.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Interest(rs.getString(2), rs.getString(3)))).list();
        return bare.stream().map(e -> new Expert(e.id(), e.name(), e.title(), e.organisation(), e.sector(),
                e.biography(), e.email(), e.phone(), e.locale(), e.status(), e.noticeEndsOn(), e.termStart(),
                e.termEnd(), e.committeeMember(), List.copyOf(fields.getOrDefault(e.id(), List.of())),
                List.copyOf(interests.getOrDefault(e.id(), List.of())))).toList();
    }

    private static Expert row(ResultSet rs, int n) throws SQLException {
        return new Expert(rs.getLong("id"), rs.getString("name"), rs.getString("title"), rs.getString("organisation"),
                Sector.valueOf(rs.getString("sector")), rs.getString("biography"), rs.getString("email"),
                rs.getString("phone"), rs.getString("locale"), ExpertStatus.valueOf(rs.getString("status")),
                rs.getObject("notice_ends_on", LocalDate.class), rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class), rs.getBoolean("committee_member"), List.of(), List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
