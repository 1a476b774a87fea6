package org.kaimen.accounts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.Role;
import org.kaimen.shared.infra.ShortCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    /** The account row plus what only the security layer needs. */
    public record Credentials(AccountSummary account, String passwordHash, int failedLogins) {
    }

    private static final String SELECT = """
            SELECT a.id, a.username, a.email, a.display_name, a.status, a.locale, a.created_at, a.locked_until,
                   a.password_hash, a.failed_logins,
                   ARRAY(SELECT r.role FROM account_role r WHERE r.account_id = a.id ORDER BY r.role) AS roles
            FROM account a
            """;

    private final JdbcClient jdbc;

    /*
     * The signed-in account by login, for AccountService.current(): an API client submitting hundreds of comments a
     * second would otherwise read its own account row for each. Every write below invalidates.
     */
    private final ShortCache<String, AccountSummary> signedIn;

    @org.springframework.beans.factory.annotation.Autowired
    public AccountRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.signedIn = new ShortCache<>(Duration.ofSeconds(5), 10_000, clock);
    }

    /** For tests that create accounts straight in a database. */
    public AccountRepository(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    /**
     * The account signed in under this login, cached for a few seconds; for checks of who is asking, not for sign-in
     * itself (the password hash and failure count must be current).
     */
    public Optional<AccountSummary> findSignedIn(String login) {
        return Optional.ofNullable(signedIn.get(login, l -> findByLogin(l).map(Credentials::account).orElse(null)));
    }

    public long insert(String username, String email, String displayName, String passwordHash, AccountStatus status,
                       String locale, Set<Role> roles, OffsetDateTime now) {
        signedIn.invalidate();
        long id = jdbc.sql("""
                        INSERT INTO account (username, email, display_name, password_hash, status, locale,
                                             email_verified_at, created_at, updated_at)
                        VALUES (:username, :email, :name, :hash, :status, :locale, :verified, :now, :now)
                        RETURNING id""")
                .param("username", username).param("email", email).param("name", displayName)
                .param("hash", passwordHash).param("status", status.name()).param("locale", locale)
                .param("verified", status == AccountStatus.ACTIVE && email != null ? now : null)
                .param("now", now)
                .query(Long.class).single();
        replaceRoles(id, roles);
        return id;
    }

    public void replaceRoles(long id, Set<Role> roles) {
        signedIn.invalidate();
        jdbc.sql("DELETE FROM account_role WHERE account_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
    }

    /** By username or e-mail, case-insensitively: people sign in with either. */
    public Optional<Credentials> findByLogin(String login) {
        return jdbc.sql(SELECT + " WHERE lower(a.username) = lower(:login) OR lower(a.email) = lower(:login)"
                        + " ORDER BY (lower(a.username) = lower(:login)) DESC LIMIT 1")
                .param("login", login == null ? "" : login.trim())
                .query(AccountRepository::credentials).optional();
    }

    public Optional<AccountSummary> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE lower(a.email) = lower(:email)").param("email", email.trim())
                .query(AccountRepository::credentials).optional().map(Credentials::account);
    }

    public Optional<AccountSummary> findById(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id").param("id", id)
                .query(AccountRepository::credentials).optional().map(Credentials::account);
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM account WHERE lower(username) = lower(:u)").param("u", username)
                .query(Long.class).single() > 0;
    }

    public List<AccountSummary> search(String filter, int limit, int offset) {
        String like = filter == null || filter.isBlank() ? null : "%" + filter.trim().toLowerCase() + "%";
        return jdbc.sql(SELECT + """
                         WHERE CAST(:like AS TEXT) IS NULL OR lower(a.username) LIKE :like
                            OR lower(coalesce(a.email, '')) LIKE :like OR lower(a.display_name) LIKE :like
                        ORDER BY a.id LIMIT :limit OFFSET :offset""")
                .param("like", like).param("limit", limit).param("offset", offset)
                .query(AccountRepository::credentials).list().stream().map(Credentials::account).toList();
    }

    public int count(String filter) {
        String like = filter == null || filter.isBlank() ? null : "%" + filter.trim().toLowerCase() + "%";
        return jdbc.sql("""
                        SELECT count(*) FROM account a WHERE CAST(:like AS TEXT) IS NULL
                           OR lower(a.username) LIKE :like OR lower(coalesce(a.email, '')) LIKE :like
                           OR lower(a.display_name) LIKE :like""")
                .param("like", like).query(Integer.class).single();
    }

    public void setStatus(long id, AccountStatus status, OffsetDateTime now) {
        signedIn.invalidate();
        jdbc.sql("UPDATE account SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", status.name()).param("now", now).param("id", id).update();
    }

    public void markVerified(long id, OffsetDateTime now) {
        signedIn.invalidate();
        jdbc.sql("""
                        UPDATE account SET status = CASE WHEN status = 'PENDING' THEN 'ACTIVE' ELSE status END,
                               email_verified_at = coalesce(email_verified_at, :now), updated_at = :now
                        WHERE id = :id""")
                .param("now", now).param("id", id).update();
    }

    public void setPassword(long id, String hash, OffsetDateTime now) {
        signedIn.invalidate();
        jdbc.sql("""
                        UPDATE account SET password_hash = :hash, failed_logins = 0, locked_until = NULL,
                               updated_at = :now WHERE id = :id""")
                .param("hash", hash).param("now", now).param("id", id).update();
    }

    /**
     * Counts a failure and locks the account once the count reaches {@code max}; one statement, so that parallel
     * guesses cannot slip past the limit between a read and a write.
     */
    public void recordFailure(String login, int max, OffsetDateTime now, OffsetDateTime lockUntil) {
        signedIn.invalidate();
        jdbc.sql("""
                        UPDATE account SET
                            failed_logins = CASE WHEN failed_logins + 1 >= :max THEN 0 ELSE failed_logins + 1 END,
                            locked_until = CASE WHEN failed_logins + 1 >= :max THEN :lockUntil ELSE locked_until END,
                            updated_at = :now
                        WHERE lower(username) = lower(:login) OR lower(email) = lower(:login)""")
                .param("max", max).param("now", now).param("lockUntil", lockUntil).param("login", login.trim())
                .update();
    }

    public void recordSuccess(long id) {
        // Only a sign-in after failures changes the row; the usual one must not empty the cache.
        int changed = jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = :id AND "
                + "(failed_logins > 0 OR locked_until IS NOT NULL)").param("id", id).update();
        if (changed > 0) {
            signedIn.invalidate();
        }
    }

    public void unlock(long id, OffsetDateTime now) {
        signedIn.invalidate();
        jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL, updated_at = :now WHERE id = :id")
                .param("now", now).param("id", id).update();
    }

    private static Credentials credentials(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        AccountSummary summary = new AccountSummary(rs.getLong("id"), rs.getString("username"),
                rs.getString("email"), rs.getString("display_name"), AccountStatus.valueOf(rs.getString("status")),
                Set.copyOf(roles), rs.getString("locale"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("locked_until", OffsetDateTime.class));
        return new Credentials(summary, rs.getString("password_hash"), rs.getInt("failed_logins"));
    }

    /**
     * What stays of an erased account: its id (comments and supports point to it) and nothing that names or reaches
     * the person. The unusable password hash and DISABLED status keep it from ever signing in again.
     */
    public void anonymise(long id, String unusableHash, OffsetDateTime now) {
        signedIn.invalidate();
        jdbc.sql("""
                        UPDATE account SET username = 'erased-' || id, email = NULL, display_name = '',
                            password_hash = :hash, status = 'DISABLED', email_verified_at = NULL, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("hash", unusableHash).param("now", now).update();
        jdbc.sql("DELETE FROM account_role WHERE account_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM account_token WHERE account_id = :id").param("id", id).update();
    }
}
