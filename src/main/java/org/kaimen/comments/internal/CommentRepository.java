package org.kaimen.comments.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.Stance;
import org.kaimen.shared.infra.ShortCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CommentRepository {

    /** A stored comment row, everything included; the service decides who sees what. */
    public record Row(long id, long draftId, int versionNumber, Long provisionId, Integer quoteStart, Integer quoteEnd,
                      String quoteText, Long parentId, Stance stance, String text, String proposedText,
                      String textPublic, String proposedPublic, Channel channel, String station, Long accountId,
                      String authorName, String authorPhone, String authorEmail, boolean anonymous,
                      boolean namePublic, String enteredBy, String receipt, CommentStatus status,
                      String moderationReason, List<String> flags, int supports, long rowVersion,
                      OffsetDateTime createdAt, int reports, String authorAddress, String disposition) {
    }

    /** What is inserted; the database adds id, counters and version. */
    public record Insert(long draftId, int versionNumber, Long provisionId, Integer quoteStart, Integer quoteEnd,
                         String quoteText, Long parentId, Stance stance, String text, String proposedText,
                         String textPublic, String proposedPublic, Channel channel, String station, Long accountId,
                         String authorName, String authorPhone, String authorEmail, boolean anonymous,
                         boolean namePublic, String enteredBy, String receipt, CommentStatus status,
                         String moderationReason, List<String> flags, String idempotencyKey, LocalDate receivedOn,
                         OffsetDateTime now, String authorAddress) {

        public Insert withReceipt(String other) {
            return new Insert(draftId, versionNumber, provisionId, quoteStart, quoteEnd, quoteText, parentId, stance,
                    text, proposedText, textPublic, proposedPublic, channel, station, accountId, authorName,
                    authorPhone, authorEmail, anonymous, namePublic, enteredBy, other, status, moderationReason, flags,
                    idempotencyKey, receivedOn, now, authorAddress);
        }
    }

    private static final String SELECT = """
            SELECT c.id, c.draft_id, c.version_number, c.provision_id, c.quote_start, c.quote_end, c.quote_text,
                   c.parent_id, c.stance, c.text, c.proposed_text, c.text_public, c.proposed_public, c.channel,
                   c.station, c.account_id, c.author_name, c.author_phone, c.author_email, c.anonymous,
                   c.name_public, c.entered_by, c.receipt, c.status, c.moderation_reason, c.flags, c.supports,
                   c.row_version, c.created_at, c.author_address, c.disposition,
                   (SELECT count(*) FROM comment_report r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)
                       AS reports
            FROM comment c
            """;

    private final JdbcClient jdbc;
    /*
     * Accounts known to have accepted the privacy notice: every signed-in submission asks. Only a yes is cached (a
     * first submission records the consent); erasure withdraws it through withdrawConsent, which invalidates.
     */
    private final ShortCache<Long, Boolean> consented;

    public CommentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.consented = new ShortCache<>(Duration.ofSeconds(5), 10_000, clock);
    }

    /**
     * Inserts unless a comment with the same idempotency key exists for the draft (concurrent duplicates meet at the
     * unique index, and exactly one of them inserts) or another comment has the same receipt. Either conflict leaves
     * the transaction usable, so the caller can tell them apart and draw another receipt.
     *
     * @return the new id, or empty on a conflict
     */
    public Optional<Long> insert(Insert c) {
        return jdbc.sql("""
                        INSERT INTO comment (draft_id, version_number, provision_id, quote_start, quote_end, quote_text,
                            parent_id, stance, text, proposed_text, text_public, proposed_public, channel, station,
                            account_id, author_name, author_phone, author_email, anonymous, name_public, entered_by,
                            receipt, status, moderation_reason, flags, idempotency_key, received_on, created_at,
                            updated_at, author_address)
                        VALUES (:draft, :version, :provision, :qs, :qe, :qt, :parent, :stance, :text, :proposed,
                            :textPublic, :proposedPublic, :channel, :station, :account, :name, :phone, :email,
                            :anonymous, :namePublic, :enteredBy, :receipt, :status, :reason,
                            CAST(:flags AS TEXT[]), :key, :received, :now, :now, :address)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("draft", c.draftId()).param("version", c.versionNumber()).param("provision", c.provisionId())
                .param("qs", c.quoteStart()).param("qe", c.quoteEnd()).param("qt", c.quoteText())
                .param("parent", c.parentId()).param("stance", c.stance().name()).param("text", c.text())
                .param("proposed", c.proposedText()).param("textPublic", c.textPublic())
                .param("proposedPublic", c.proposedPublic()).param("channel", c.channel().name())
                .param("station", c.station()).param("account", c.accountId()).param("name", c.authorName())
                .param("phone", c.authorPhone()).param("email", c.authorEmail()).param("anonymous", c.anonymous())
                .param("namePublic", c.namePublic()).param("enteredBy", c.enteredBy()).param("receipt", c.receipt())
                .param("status", c.status().name()).param("reason", c.moderationReason())
                .param("flags", "{" + c.flags().stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(","))
                        + "}")
                .param("key", c.idempotencyKey()).param("received", c.receivedOn()).param("now", c.now())
                .param("address", c.authorAddress())
                .query(Long.class).optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(CommentRepository::row).optional();
    }

    public List<Row> after(long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE c.id > :after ORDER BY c.id LIMIT :limit").param("after", afterId)
                .param("limit", limit).query(CommentRepository::row).list();
    }

    public List<Row> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.id = ANY (CAST(:ids AS BIGINT[])) ORDER BY c.id")
                .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(ids)).query(CommentRepository::row).list();
    }

    public List<Row> afterInDraft(long draftId, long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE c.draft_id = :draft AND c.id > :after AND c.parent_id IS NULL"
                        + " ORDER BY c.id LIMIT :limit")
                .param("draft", draftId).param("after", afterId).param("limit", limit)
                .query(CommentRepository::row).list();
    }

    /** Published comments of a draft (replies included) after an id, in id order: keyset paging with no ceiling. */
    public List<Row> publishedAfter(long draftId, long afterId, int limit) {
        return jdbc.sql(SELECT + " WHERE c.draft_id = :draft AND c.status = 'PUBLISHED' AND c.id > :after"
                        + " ORDER BY c.id LIMIT :limit")
                .param("draft", draftId).param("after", afterId).param("limit", limit)
                .query(CommentRepository::row).list();
    }

    public List<Long> changedSince(OffsetDateTime since) {
        return jdbc.sql("SELECT id FROM comment WHERE updated_at >= :since ORDER BY id").param("since", since)
                .query(Long.class).list();
    }

    public long countAll() {
        return jdbc.sql("SELECT count(*) FROM comment").query(Long.class).single();
    }

    public Optional<Row> findByIdempotencyKey(long draftId, String key) {
        return jdbc.sql(SELECT + " WHERE c.draft_id = :draft AND c.idempotency_key = :key")
                .param("draft", draftId).param("key", key).query(CommentRepository::row).optional();
    }

    public Optional<Row> findByReceipt(String receipt) {
        return jdbc.sql(SELECT + " WHERE c.receipt = :r").param("r", receipt).query(CommentRepository::row).optional();
    }

    /** Filters: null means any. Newest first. */
    public List<Row> list(long draftId, Long provisionId, Stance stance, CommentStatus status, boolean topLevelOnly,
                          int limit, int offset) {
        return jdbc.sql(SELECT + " " + where() + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
                .param("draft", draftId).param("provision", provisionId)
                .param("stance", stance == null ? null : stance.name())
                .param("status", status == null ? null : status.name()).param("top", topLevelOnly)
                .param("limit", limit).param("offset", offset)
                .query(CommentRepository::row).list();
    }

    public long count(long draftId, Long provisionId, Stance stance, CommentStatus status, boolean topLevelOnly) {
        return jdbc.sql("SELECT count(*) FROM comment c " + where())
                .param("draft", draftId).param("provision", provisionId)
                .param("stance", stance == null ? null : stance.name())
                .param("status", status == null ? null : status.name()).param("top", topLevelOnly)
                .query(Long.class).single();
    }

    private static String where() {
        return """
                 WHERE c.draft_id = :draft
                   AND (CAST(:provision AS BIGINT) IS NULL OR c.provision_id = :provision)
                   AND (CAST(:stance AS TEXT) IS NULL OR c.stance = :stance)
                   AND (CAST(:status AS TEXT) IS NULL OR c.status = :status)
                   AND (NOT :top OR c.parent_id IS NULL)""";
    }

    /** Comments that need a moderator: held ones and published ones with open reports. */
    public List<Row> moderationQueue(int limit) {
        return jdbc.sql(SELECT + """
                         WHERE c.status = 'HELD' OR EXISTS (SELECT 1 FROM comment_report r
                                                           WHERE r.comment_id = c.id AND r.resolved_at IS NULL)
                        ORDER BY c.id LIMIT :limit""")
                .param("limit", limit).query(CommentRepository::row).list();
    }

    public List<Row> byAccount(long accountId) {
        return jdbc.sql(SELECT + " WHERE c.account_id = :account ORDER BY c.id DESC").param("account", accountId)
                .query(CommentRepository::row).list();
    }

    /** Disposition and reason by comment id, for those that have one. */
    public java.util.Map<Long, String[]> dispositions(List<Long> ids) {
        java.util.Map<Long, String[]> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        SELECT id, disposition, disposition_reason FROM comment
                        WHERE disposition IS NOT NULL AND id = ANY (CAST(:ids AS BIGINT[]))""")
                .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(ids))
                .query(rs -> {
                    out.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    /** @return the comment's draft, if the comment exists */
    public java.util.Optional<Long> setDisposition(long id, String disposition, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE comment SET disposition = :d, disposition_reason = :r, disposition_at = :at,
                            row_version = row_version + 1, updated_at = :at
                        WHERE id = :id RETURNING draft_id""")
                .param("d", disposition).param("r", reason).param("at", at).param("id", id)
                .query(Long.class).optional();
    }

    public List<Row> replies(long parentId) {
        return jdbc.sql(SELECT + " WHERE c.parent_id = :parent AND c.status = 'PUBLISHED' ORDER BY c.id")
                .param("parent", parentId).query(CommentRepository::row).list();
    }

    /**
     * The same author posting the same text on the same draft recently: a double post or a flood. One lookup by
     * account and one by e-mail address, each on its own index, so that the cost does not grow with the number of
     * comments the draft or the author sent in the window.
     */
    public boolean sameTextRecently(long draftId, Long accountId, String email, String text, OffsetDateTime since) {
        if (accountId == null && email == null) {
            return false;
        }
        return jdbc.sql(SAME_TEXT_RECENTLY).param("draft", draftId).param("text", text).param("since", since)
                .param("account", accountId).param("email", email).query(Boolean.class).single();
    }

    /** Each half is answered from its index (V25) by the text's hash: it reads only rows that repeat the text. */
    static final String SAME_TEXT_RECENTLY = """
            SELECT EXISTS (SELECT 1 FROM comment WHERE account_id = CAST(:account AS BIGINT) AND draft_id = :draft
                             AND md5(text) = md5(CAST(:text AS TEXT)) AND created_at >= :since AND text = :text)
                OR EXISTS (SELECT 1 FROM comment WHERE lower(author_email) = lower(CAST(:email AS TEXT))
                             AND draft_id = :draft AND md5(text) = md5(CAST(:text AS TEXT)) AND created_at >= :since
                             AND text = :text)""";

    public void setStatus(long id, CommentStatus status, String reason, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE comment SET status = :status, moderation_reason = :reason, updated_at = :now,
                               row_version = row_version + 1 WHERE id = :id""")
                .param("status", status.name()).param("reason", reason).param("now", now).param("id", id).update();
        jdbc.sql("UPDATE comment_report SET resolved_at = :now WHERE comment_id = :id AND resolved_at IS NULL")
                .param("now", now).param("id", id).update();
    }

    /** @return false if this account supported the comment before */
    public boolean support(long commentId, long accountId, OffsetDateTime now) {
        int inserted = jdbc.sql("""
                        INSERT INTO comment_support (comment_id, account_id, created_at) VALUES (:c, :a, :now)
                        ON CONFLICT DO NOTHING""")
                .param("c", commentId).param("a", accountId).param("now", now).update();
        if (inserted == 1) {
            jdbc.sql("UPDATE comment SET supports = supports + 1, row_version = row_version + 1, updated_at = :now"
                            + " WHERE id = :c").param("now", now)
                    .param("c", commentId).update();
        }
        return inserted == 1;
    }

    /** @return the number of open reports after this one */
    public long report(long commentId, String reporter, String reason, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO comment_report (comment_id, reporter, reason, created_at)
                        VALUES (:c, :r, :reason, :now) ON CONFLICT (comment_id, reporter) DO NOTHING""")
                .param("c", commentId).param("r", reporter).param("reason", reason).param("now", now).update();
        return jdbc.sql("SELECT count(*) FROM comment_report WHERE comment_id = :c AND resolved_at IS NULL")
                .param("c", commentId).query(Long.class).single();
    }

    public Map<Long, Long> countsByProvision(long draftId) {
        return jdbc.sql("""
                        SELECT provision_id, count(*) AS n FROM comment
                        WHERE draft_id = :draft AND status = 'PUBLISHED' AND parent_id IS NULL
                          AND provision_id IS NOT NULL GROUP BY provision_id""")
                .param("draft", draftId)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Map<String, Long> countsBy(long draftId, String column) {
        if (!List.of("stance", "channel").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT " + column + ", count(*) FROM comment WHERE draft_id = :draft AND status = 'PUBLISHED'"
                        + " AND parent_id IS NULL GROUP BY " + column)
                .param("draft", draftId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Map<LocalDate, Long> countsByDay(long draftId, String zone) {
        return jdbc.sql("""
                        SELECT (created_at AT TIME ZONE :zone)::date AS day, count(*) FROM comment
                        WHERE draft_id = :draft AND status = 'PUBLISHED' AND parent_id IS NULL
                        GROUP BY day ORDER BY day""")
                .param("draft", draftId).param("zone", zone)
                .query((rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    public List<String> sensitiveWords() {
        return jdbc.sql("SELECT word FROM sensitive_word ORDER BY word").query(String.class).list();
    }

    public void replaceSensitiveWords(List<String> words, String by, OffsetDateTime now) {
        jdbc.sql("DELETE FROM sensitive_word").update();
        for (String w : words) {
            jdbc.sql("INSERT INTO sensitive_word (word, created_by, created_at) VALUES (:w, :by, :now)"
                    + " ON CONFLICT DO NOTHING").param("w", w).param("by", by).param("now", now).update();
        }
    }

    public boolean hasConsent(long accountId) {
        return consented.get(accountId, a -> jdbc.sql("SELECT count(*) FROM privacy_consent WHERE account_id = :a")
                .param("a", a).query(Long.class).single() > 0 ? Boolean.TRUE : null) != null;
    }

    public void withdrawConsent(long accountId) {
        consented.invalidate();
        jdbc.sql("DELETE FROM privacy_consent WHERE account_id = :a").param("a", accountId).update();
    }

    public void recordConsent(long accountId, String notice, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO privacy_consent (account_id, notice, accepted_at) VALUES (:a, :n, :now)
                        ON CONFLICT (account_id) DO NOTHING""")
                .param("a", accountId).param("n", notice).param("now", now).update();
    }

    /** @return false when the challenge was used before */
    public boolean useChallenge(String id, OffsetDateTime now) {
        return jdbc.sql("INSERT INTO challenge_use (challenge_id, used_at) VALUES (:id, :now) ON CONFLICT DO NOTHING")
                .param("id", id).param("now", now).update() == 1;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Array flags = rs.getArray("flags");
        return new Row(rs.getLong("id"), rs.getLong("draft_id"), rs.getInt("version_number"),
                (Long) rs.getObject("provision_id"), (Integer) rs.getObject("quote_start"),
                (Integer) rs.getObject("quote_end"), rs.getString("quote_text"), (Long) rs.getObject("parent_id"),
                Stance.valueOf(rs.getString("stance")), rs.getString("text"), rs.getString("proposed_text"),
                rs.getString("text_public"), rs.getString("proposed_public"), Channel.valueOf(rs.getString("channel")),
                rs.getString("station"), (Long) rs.getObject("account_id"), rs.getString("author_name"),
                rs.getString("author_phone"), rs.getString("author_email"), rs.getBoolean("anonymous"),
                rs.getBoolean("name_public"), rs.getString("entered_by"), rs.getString("receipt"),
                CommentStatus.valueOf(rs.getString("status")), rs.getString("moderation_reason"),
                flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()), rs.getInt("supports"),
                rs.getLong("row_version"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("reports"),
                rs.getString("author_address"), rs.getString("disposition"));
    }
}
