package org.kaimen.hearings.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.kaimen.shared.infra.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Links in hearing mails (a speaker reviews their part of the transcript). 256 random bits; the database keeps only
 * their SHA-256 and the expiry, so a leaked dump opens nothing and an old link stops working by itself.
 */
@Repository
public class HearingTokens {

    public enum Purpose { REVIEW_TRANSCRIPT }

    public record Issued(long id, String token) {
    }

    public record Stored(long id, long registrationId, OffsetDateTime expiresAt) {
    }

    private final JdbcClient jdbc;

    public HearingTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(long registrationId, Purpose purpose, OffsetDateTime now, OffsetDateTime expiresAt) {
        String token = LinkTokens.generate();
        long id = jdbc.sql("""
                        INSERT INTO hearing_token (registration_id, purpose, token_hash, created_at, expires_at)
                        VALUES (:r, :p, :h, :now, :exp) RETURNING id""")
                .param("r", registrationId).param("p", purpose.name()).param("h", hash(token)).param("now", now)
                .param("exp", expiresAt).query(Long.class).single();
        return new Issued(id, token);
    }

    /** The token's registration while it is valid at {@code now}; nothing for an unknown or expired one. */
    public Optional<Stored> valid(String token, Purpose purpose, OffsetDateTime now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, registration_id, expires_at FROM hearing_token
                        WHERE token_hash = :h AND purpose = :p""")
                .param("h", hash(token)).param("p", purpose.name()).query(Stored.class).optional()
                .filter(s -> now.isBefore(s.expiresAt()));
    }

    static String hash(String token) {
        return LinkTokens.sha256(token);
    }
}
