package org.kaimen.hearings.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kaimen.hearings.Correction;
import org.kaimen.hearings.Hearer;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.Matter;
import org.kaimen.hearings.Outcome;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.Registration;
import org.kaimen.hearings.Side;
import org.kaimen.hearings.SpeakerLottery;
import org.kaimen.hearings.TranscriptEntry;
import org.kaimen.shared.infra.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hearings, their matters, hearers, registrations, transcript and corrections. */
@Repository
public class HearingRepository {

    /** The step columns a service may stamp; anything else is refused rather than put into SQL. */
    private static final Set<String> STEPS = Set.of("announced_at", "drawn_at", "speakers_notified_at",
            "observers_notified_at", "held_at", "signed_off_at", "report_published_at");

    private final JdbcClient jdbc;

    public HearingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ hearings

    public long insert(long draftId, String title, String place, String onlineLink, OffsetDateTime startsAt,
                       int noticeDays, int speakers, int observers, int minutes, String by, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO hearing (draft_id, title, place, online_link, starts_at, notice_days,
                                             speaker_capacity, observer_capacity, speaking_minutes, created_by,
                                             created_at)
                        VALUES (:d, :t, :p, :o, :s, :n, :sc, :oc, :m, :by, :now) RETURNING id""")
                .param("d", draftId).param("t", title).param("p", place).param("o", onlineLink)
                .param("s", startsAt).param("n", noticeDays).param("sc", speakers).param("oc", observers)
                .param("m", minutes).param("by", by).param("now", now)
                .query(Long.class).single();
    }

    public void insertMatter(long hearingId, int position, String title, List<Long> provisionIds) {
        jdbc.sql("""
                        INSERT INTO hearing_matter (hearing_id, position, title, provision_ids)
                        VALUES (:h, :p, :t, CAST(:ids AS BIGINT[]))""")
                .param("h", hearingId).param("p", position).param("t", title)
                .param("ids", SqlArrays.bigints(provisionIds)).update();
    }

    public void insertHearer(long hearingId, int position, Hearer h) {
        jdbc.sql("""
                        INSERT INTO hearing_hearer (hearing_id, position, name, affiliation, presiding)
                        VALUES (:h, :p, :n, :a, :pr)""")
                .param("h", hearingId).param("p", position).param("n", h.name()).param("a", h.affiliation())
                .param("pr", h.presiding()).update();
    }

    public Optional<Hearing> find(long id) {
        return jdbc.sql("SELECT * FROM hearing WHERE id = :id").param("id", id)
                .query((rs, n) -> hearing(rs)).optional();
    }

    /** Locks the hearing row: registration numbers and the draw are handed out one at a time. */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM hearing WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    public List<Hearing> all() {
        return jdbc.sql("SELECT * FROM hearing ORDER BY starts_at DESC, id DESC").query((rs, n) -> hearing(rs)).list();
    }

    public List<Hearing> announced() {
        return jdbc.sql("SELECT * FROM hearing WHERE announced_at IS NOT NULL ORDER BY starts_at DESC, id DESC")
                .query((rs, n) -> hearing(rs)).list();
    }

    public List<Hearing> ofDraft(long draftId) {
        return jdbc.sql("SELECT * FROM hearing WHERE draft_id = :d ORDER BY starts_at, id").param("d", draftId)
                .query((rs, n) -> hearing(rs)).list();
    }

    public void stamp(long id, String column, OffsetDateTime at) {
        if (!STEPS.contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE hearing SET " + column + " = :at WHERE id = :id").param("at", at).param("id", id).update();
    }

    public void announce(long id, OffsetDateTime now, OffsetDateTime registrationClosesAt) {
        jdbc.sql("UPDATE hearing SET announced_at = :now, registration_closes_at = :c WHERE id = :id")
                .param("now", now).param("c", registrationClosesAt).param("id", id).update();
    }

    public void announceSeed(long id, String seed, OffsetDateTime now) {
        jdbc.sql("UPDATE hearing SET seed = :s, seed_announced_at = :now WHERE id = :id")
                .param("s", seed).param("now", now).param("id", id).update();
    }

    public void startReview(long id, OffsetDateTime until) {
        jdbc.sql("UPDATE hearing SET review_until = :u WHERE id = :id").param("u", until).param("id", id).update();
    }

    public void signOff(long id, String by, OffsetDateTime now) {
        jdbc.sql("UPDATE hearing SET signed_off_at = :now, signed_off_by = :by WHERE id = :id")
                .param("now", now).param("by", by).param("id", id).update();
    }

    public void setReportFacts(long id, String facts) {
        jdbc.sql("UPDATE hearing SET report_facts = :f WHERE id = :id").param("f", facts).param("id", id).update();
    }

    public void setHandling(long matterId, String handling) {
        jdbc.sql("UPDATE hearing_matter SET handling = :h WHERE id = :id").param("h", handling)
                .param("id", matterId).update();
    }

    private Hearing hearing(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Hearing(id, rs.getLong("draft_id"), rs.getString("title"), rs.getString("place"),
                rs.getString("online_link"), at(rs, "starts_at"), rs.getInt("notice_days"),
                rs.getInt("speaker_capacity"), rs.getInt("observer_capacity"), rs.getInt("speaking_minutes"),
                at(rs, "announced_at"), at(rs, "registration_closes_at"), rs.getString("seed"),
                at(rs, "seed_announced_at"), at(rs, "drawn_at"), at(rs, "speakers_notified_at"),
                at(rs, "observers_notified_at"), at(rs, "held_at"), at(rs, "review_until"), at(rs, "signed_off_at"),
                rs.getString("report_facts"), at(rs, "report_published_at"), matters(id), hearers(id));
    }

    private List<Matter> matters(long hearingId) {
        return jdbc.sql("SELECT * FROM hearing_matter WHERE hearing_id = :h ORDER BY position")
                .param("h", hearingId)
                .query((rs, n) -> new Matter(rs.getLong("id"), rs.getInt("position"), rs.getString("title"),
                        longs(rs.getArray("provision_ids")), List.of(), rs.getString("handling"))).list();
    }

    private List<Hearer> hearers(long hearingId) {
        return jdbc.sql("SELECT name, affiliation, presiding FROM hearing_hearer WHERE hearing_id = :h ORDER BY position")
                .param("h", hearingId).query(Hearer.class).list();
    }

    // ------------------------------------------------------------------ registrations

    public long register(long hearingId, Participation role, String name, String email, String sector,
                         String district, String expertise, String keyPoints, String locale, boolean invited,
                         OffsetDateTime now) {
        lock(hearingId);
        int number = jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM hearing_registration WHERE hearing_id = :h")
                .param("h", hearingId).query(Integer.class).single();
        return jdbc.sql("""
                        INSERT INTO hearing_registration (hearing_id, number, role, name, email, sector, district,
                                                          expertise, key_points, locale, invited, created_at)
                        VALUES (:h, :num, :r, :n, :e, :s, :d, :x, :k, :l, :i, :now) RETURNING id""")
                .param("h", hearingId).param("num", number).param("r", role.name()).param("n", name)
                .param("e", email).param("s", sector).param("d", district).param("x", expertise)
                .param("k", keyPoints).param("l", locale).param("i", invited).param("now", now)
                .query(Long.class).single();
    }

    public boolean registered(long hearingId, Participation role, String email) {
        return jdbc.sql("""
                        SELECT count(*) FROM hearing_registration
                        WHERE hearing_id = :h AND role = :r AND lower(email) = lower(:e)""")
                .param("h", hearingId).param("r", role.name()).param("e", email).query(Integer.class).single() > 0;
    }

    public void stance(long registrationId, long matterId, Side side) {
        jdbc.sql("""
                        INSERT INTO hearing_stance (registration_id, matter_id, stance) VALUES (:r, :m, :s)
                        ON CONFLICT (registration_id, matter_id) DO UPDATE SET stance = excluded.stance""")
                .param("r", registrationId).param("m", matterId).param("s", side.name()).update();
    }

    public List<Registration> registrations(long hearingId) {
        Map<Long, Map<Long, Side>> stances = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT s.registration_id, s.matter_id, s.stance FROM hearing_stance s
                        JOIN hearing_registration r ON r.id = s.registration_id
                        JOIN hearing_matter m ON m.id = s.matter_id
                        WHERE r.hearing_id = :h ORDER BY m.position""")
                .param("h", hearingId).query(rs -> {
                    stances.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getLong(2), Side.valueOf(rs.getString(3)));
                });
        return jdbc.sql("SELECT * FROM hearing_registration WHERE hearing_id = :h ORDER BY number")
                .param("h", hearingId).query((rs, n) -> {
                    Map<Long, Side> mine = stances.getOrDefault(rs.getLong("id"), Map.of());
                    return new Registration(rs.getLong("id"), rs.getInt("number"),
                            Participation.valueOf(rs.getString("role")), rs.getString("name"), rs.getString("email"),
                            rs.getString("sector"), rs.getString("district"), rs.getString("expertise"),
                            rs.getString("key_points"), rs.getBoolean("invited"),
                            Outcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("waiting_rank"),
                            (Integer) rs.getObject("speaking_order"), mine,
                            SpeakerLottery.sideOf(mine.values()), rs.getString("locale"));
                }).list();
    }

    public long hearingOf(long registrationId) {
        return jdbc.sql("SELECT hearing_id FROM hearing_registration WHERE id = :id").param("id", registrationId)
                .query(Long.class).single();
    }

    public void outcome(long registrationId, Outcome outcome, Integer waitingRank, Integer speakingOrder) {
        jdbc.sql("""
                        UPDATE hearing_registration SET outcome = :o, waiting_rank = :w, speaking_order = :s
                        WHERE id = :id""")
                .param("o", outcome.name()).param("w", waitingRank).param("s", speakingOrder)
                .param("id", registrationId).update();
    }

    // ------------------------------------------------------------------ transcript

    public long addEntry(long hearingId, TranscriptEntry.Kind kind, Long registrationId, String label,
                         Long matterId, Long provisionId, String text, String reasons, Integer seconds,
                         OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO hearing_entry (hearing_id, position, kind, registration_id, speaker_label,
                                                   matter_id, provision_id, text, reasons, duration_seconds,
                                                   created_at, updated_at)
                        VALUES (:h, (SELECT coalesce(max(position), 0) + 1 FROM hearing_entry WHERE hearing_id = :h),
                                :k, :r, :l, :m, :p, :t, :why, :s, :now, :now) RETURNING id""")
                .param("h", hearingId).param("k", kind.name()).param("r", registrationId).param("l", label)
                .param("m", matterId).param("p", provisionId).param("t", text).param("why", reasons)
                .param("s", seconds).param("now", now).query(Long.class).single();
    }

    public void updateEntryText(long entryId, String text, OffsetDateTime now) {
        jdbc.sql("UPDATE hearing_entry SET text = :t, updated_at = :now WHERE id = :id")
                .param("t", text).param("now", now).param("id", entryId).update();
    }

    public List<TranscriptEntry> entries(long hearingId) {
        return jdbc.sql("""
                        SELECT id, position, kind, registration_id, speaker_label, matter_id, provision_id, text,
                               reasons, duration_seconds FROM hearing_entry WHERE hearing_id = :h ORDER BY position""")
                .param("h", hearingId).query(TranscriptEntry.class).list();
    }

    public Optional<Long> hearingOfEntry(long entryId) {
        return jdbc.sql("SELECT hearing_id FROM hearing_entry WHERE id = :id").param("id", entryId)
                .query(Long.class).optional();
    }

    public long requestCorrection(long entryId, long registrationId, String text, String note, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO hearing_correction (entry_id, registration_id, requested_text, note, created_at)
                        VALUES (:e, :r, :t, :n, :now) RETURNING id""")
                .param("e", entryId).param("r", registrationId).param("t", text).param("n", note)
                .param("now", now).query(Long.class).single();
    }

    public List<Correction> corrections(long hearingId) {
        return jdbc.sql("""
                        SELECT c.id, c.entry_id, c.registration_id, c.requested_text, c.note, c.state, c.resolution
                        FROM hearing_correction c JOIN hearing_entry e ON e.id = c.entry_id
                        WHERE e.hearing_id = :h ORDER BY c.id""")
                .param("h", hearingId).query(Correction.class).list();
    }

    public Optional<Correction> correction(long id) {
        return jdbc.sql("""
                        SELECT id, entry_id, registration_id, requested_text, note, state, resolution
                        FROM hearing_correction WHERE id = :id""")
                .param("id", id).query(Correction.class).optional();
    }

    public void resolve(long correctionId, Correction.State state, String resolution, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE hearing_correction SET state = :s, resolution = :r, resolved_at = :now
                        WHERE id = :id""")
                .param("s", state.name()).param("r", resolution).param("now", now).param("id", correctionId)
                .update();
    }

    private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
    }
}
