package org.kaimen.accounts.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.kaimen.accounts.ApiTokenInfo;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.shared.infra.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens; the table holds only their SHA-256. */
@Repository
public class ApiTokenRepository {

    /** Token prefix: lets a secret scanner (and a person) tell a Kaimen token from other secrets. */
    public static final String PREFIX = "kmn_";

    /** What a request with a valid-looking token resolves to; the filter decides whether it may pass. */
    public record Holder(long tokenId, long accountId, String username, AccountStatus status,
                         OffsetDateTime lockedUntil, OffsetDateTime expiresAt, OffsetDateTime revokedAt,
                         List<String> roles) {
    }

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public NewToken insert(long accountId, String name, OffsetDateTime now, OffsetDateTime expiresAt) {
        String token = PREFIX + LinkTokens.generate();
        long id = jdbc.sql("""
                        INSERT INTO api_token (account_id, name, token_hash, hint, created_at, expires_at)
                        VALUES (:account, :name, :hash, :hint, :now, :expires) RETURNING id""")
                .param("account", accountId).param("name", name).param("hash", LinkTokens.sha256(token))
                .param("hint", token.substring(token.length() - 4)).param("now", now).param("expires", expiresAt)
                .query(Long.class).single();
        return new NewToken(id, token);
    }

    public record NewToken(long id, String token) {
    }

    public Optional<Holder> findByToken(String token) {
        return jdbc.sql("""
                        SELECT t.id AS token_id, a.id AS account_id, a.username, a.status, a.locked_until,
                               t.expires_at, t.revoked_at,
                               ARRAY(SELECT r.role FROM account_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
                        FROM api_token t JOIN account a ON a.id = t.account_id
                        WHERE t.token_hash = :hash""")
                .param("hash", LinkTokens.sha256(token))
                .query((rs, n) -> new Holder(rs.getLong("token_id"), rs.getLong("account_id"), rs.getString("username"),
                        AccountStatus.valueOf(rs.getString("status")),
                        rs.getObject("locked_until", OffsetDateTime.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class),
                        List.of((String[]) rs.getArray("roles").getArray())))
                .optional();
    }

    public List<ApiTokenInfo> ofAccount(long accountId) {
        return jdbc.sql("""
                        SELECT id, name, hint, created_at, expires_at, last_used_at, revoked_at FROM api_token
                        WHERE account_id = :account ORDER BY created_at DESC, id DESC""")
                .param("account", accountId).query(ApiTokenInfo.class).list();
    }

    public int countUsable(long accountId, OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT count(*) FROM api_token
                        WHERE account_id = :account AND revoked_at IS NULL AND expires_at > :now""")
                .param("account", accountId).param("now", now).query(Integer.class).single();
    }

    /** @return whether a token of this account was revoked now */
    public boolean revoke(long accountId, long tokenId, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now
                        WHERE id = :id AND account_id = :account AND revoked_at IS NULL""")
                .param("now", now).param("id", tokenId).param("account", accountId).update() > 0;
    }

    public void revokeAll(long accountId, OffsetDateTime now) {
        jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("now", now).param("account", accountId).update();
    }

    public void touch(long tokenId, OffsetDateTime now) {
        jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id").param("now", now).param("id", tokenId)
                .update();
    }
}
