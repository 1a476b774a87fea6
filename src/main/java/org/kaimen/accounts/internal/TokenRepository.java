package org.kaimen.accounts.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.kaimen.shared.infra.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time tokens for links in mails. The database sees only their SHA-256, so a leaked dump opens nothing. */
@Repository
public class TokenRepository {

    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    public record Issued(long id, String token) {
    }

    public record Stored(long id, long accountId, OffsetDateTime expiresAt, OffsetDateTime usedAt) {
    }

    private final JdbcClient jdbc;

    public TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Issued issue(long accountId, Purpose purpose, OffsetDateTime now, OffsetDateTime expiresAt) {
        String token = LinkTokens.generate();
        long id = jdbc.sql("""
                        INSERT INTO account_token (account_id, purpose, token_hash, created_at, expires_at)
                        VALUES (:account, :purpose, :hash, :now, :expires) RETURNING id""")
                .param("account", accountId).param("purpose", purpose.name()).param("hash", hash(token))
                .param("now", now).param("expires", expiresAt)
                .query(Long.class).single();
        return new Issued(id, token);
    }

    /** Locks the row so that two clicks on the same link cannot both use it. */
    public Optional<Stored> findForUpdate(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, account_id, expires_at, used_at FROM account_token
                        WHERE token_hash = :hash AND purpose = :purpose FOR UPDATE""")
                .param("hash", hash(token)).param("purpose", purpose.name())
                .query(Stored.class).optional();
    }

    /** A read without a lock, to tell a visitor whether a link still works before they use it. */
    public Optional<Stored> find(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, account_id, expires_at, used_at FROM account_token
                        WHERE token_hash = :hash AND purpose = :purpose""")
                .param("hash", hash(token)).param("purpose", purpose.name())
                .query(Stored.class).optional();
    }

    public void markUsed(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE account_token SET used_at = :now WHERE id = :id").param("now", now).param("id", id).update();
    }

    /** A newer link replaces older unused ones of the same purpose. */
    public void invalidateOthers(long accountId, Purpose purpose, long keepId, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE account_token SET used_at = :now
                        WHERE account_id = :account AND purpose = :purpose AND id <> :keep AND used_at IS NULL""")
                .param("now", now).param("account", accountId).param("purpose", purpose.name())
                .param("keep", keepId).update();
    }

    static String hash(String token) {
        return LinkTokens.sha256(token);
    }
}
