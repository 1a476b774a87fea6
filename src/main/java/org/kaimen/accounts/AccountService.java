package org.kaimen.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kaimen.accounts.internal.AccountProperties;
import org.kaimen.accounts.internal.AccountRepository;
import org.kaimen.accounts.internal.ApiTokenAuthenticator;
import org.kaimen.accounts.internal.ApiTokenRepository;
import org.kaimen.accounts.internal.TokenRepository;
import org.kaimen.accounts.internal.TokenRepository.Purpose;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.web.KaimenException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/** Accounts: self-registration of citizens, e-mail verification, password reset, and administration by ADMINs. */
@Service
public class AccountService {

    public record Registration(String displayName, String email, String password, Locale locale) {
    }

    public enum LinkOutcome { DONE, EXPIRED, USED, INVALID }

    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final AccountRepository accounts;
    private final TokenRepository tokens;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final AccountProperties properties;
    private final Clock clock;
    private final String baseUrl;
    private final ObjectProvider<PersonalDataHolder> holders;
    private final ApiTokenRepository apiTokens;
    private final ApiTokenAuthenticator apiTokenAuthenticator;

    public AccountService(AccountRepository accounts, TokenRepository tokens, PasswordEncoder passwords,
                          ApplicationEventPublisher events, AuditLog audit, AccountProperties properties, Clock clock,
                          @Value("${kaimen.base-url}") String baseUrl, ObjectProvider<PersonalDataHolder> holders,
                          ApiTokenRepository apiTokens, ApiTokenAuthenticator apiTokenAuthenticator) {
        this.holders = holders;
        this.apiTokens = apiTokens;
        this.apiTokenAuthenticator = apiTokenAuthenticator;
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Registers a citizen whose e-mail is the login. Answers the same whether or not the address is known, so the
     * form cannot be used to find out who has an account; the mail tells the owner what happened.
     */
    @Transactional
    public void register(Registration r) {
        String email = normalizeEmail(r.email());
        String name = r.displayName() == null ? "" : r.displayName().strip();
        if (name.isEmpty() || name.length() > 60) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.name");
        }
        checkPassword(r.password());
        String locale = (r.locale() == null ? Locale.SIMPLIFIED_CHINESE : r.locale()).toLanguageTag();
        OffsetDateTime now = now();
        Optional<AccountSummary> existing = accounts.findByEmail(email);
        if (existing.isPresent() || accounts.usernameTaken(email)) {
            long id = existing.map(AccountSummary::id).orElse(-1L);
            events.publishEvent(new RegistrationRepeated(id, UUID.randomUUID().toString(), email, locale,
                    baseUrl + "/login", baseUrl + "/forgot-password"));
            return;
        }
        long id = accounts.insert(email, email, name, passwords.encode(r.password()), AccountStatus.PENDING, locale,
                Set.of(Role.CITIZEN), now);
        TokenRepository.Issued token = tokens.issue(id, Purpose.VERIFY_EMAIL, now,
                now.plus(properties.verificationLinkValidity()));
        events.publishEvent(new AccountRegistered(id, token.id(), email, name, locale,
                link("/account/verify", token.token())));
    }

    /** Follows the link from the verification mail. */
    @Transactional
    public LinkOutcome verifyEmail(String token) {
        return useToken(token, Purpose.VERIFY_EMAIL, accountId -> accounts.markVerified(accountId, now()));
    }

    /** Always looks successful to the caller; only an existing, enabled account gets a mail. */
    @Transactional
    public void requestPasswordReset(String email, Locale locale) {
        if (email == null || email.isBlank()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.email");
        }
        accounts.findByEmail(email.strip()).filter(a -> a.status() != AccountStatus.DISABLED).ifPresent(a -> {
            OffsetDateTime now = now();
            TokenRepository.Issued token = tokens.issue(a.id(), Purpose.RESET_PASSWORD, now,
                    now.plus(properties.resetLinkValidity()));
            tokens.invalidateOthers(a.id(), Purpose.RESET_PASSWORD, token.id(), now);
            events.publishEvent(new PasswordResetRequested(a.id(), token.id(), a.email(), a.displayName(),
                    locale == null ? a.locale() : locale.toLanguageTag(), link("/reset-password", token.token())));
        });
    }

    /** Sets a new password from a reset link; a reset also proves the address, so a pending account becomes active. */
    @Transactional
    public LinkOutcome resetPassword(String token, String newPassword) {
        checkPassword(newPassword);
        return useToken(token, Purpose.RESET_PASSWORD, accountId -> {
            OffsetDateTime now = now();
            accounts.setPassword(accountId, passwords.encode(newPassword), now);
            accounts.markVerified(accountId, now);
        });
    }

    /** Whether a reset link can still be used, so the page can say so before the user types a password. */
    @Transactional(readOnly = true)
    public LinkOutcome checkResetLink(String token) {
        return tokens.find(token, Purpose.RESET_PASSWORD)
                .map(t -> t.usedAt() != null ? LinkOutcome.USED
                        : t.expiresAt().isBefore(now()) ? LinkOutcome.EXPIRED : LinkOutcome.DONE)
                .orElse(LinkOutcome.INVALID);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public long createAccount(String username, String email, String displayName, String password, Set<Role> roles) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.username");
        }
        if (accounts.usernameTaken(username) || (email != null && accounts.findByEmail(email).isPresent())) {
            throw new KaimenException(HttpStatus.CONFLICT, "accounts.error.taken");
        }
        checkPassword(password);
        long id = accounts.insert(username, email == null ? null : normalizeEmail(email), displayName,
                passwords.encode(password), AccountStatus.ACTIVE, "zh-CN", roles, now());
        audit.record("account.create", "account", id, "roles=" + roles);
        return id;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setRoles(long accountId, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.roles");
        }
        accounts.replaceRoles(accountId, roles);
        apiTokenAuthenticator.forgetAccount(accountId);
        audit.record("account.roles", "account", accountId, "roles=" + roles);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setStatus(long accountId, AccountStatus status) {
        accounts.setStatus(accountId, status, now());
        apiTokenAuthenticator.forgetAccount(accountId);
        audit.record("account.status", "account", accountId, "status=" + status);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void unlock(long accountId) {
        accounts.unlock(accountId, now());
        audit.record("account.unlock", "account", accountId, null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<AccountSummary> search(String filter, int limit, int offset) {
        return accounts.search(filter, limit, offset);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public int count(String filter) {
        return accounts.count(filter);
    }

    @Transactional(readOnly = true)
    public Optional<AccountSummary> find(long id) {
        return accounts.findById(id);
    }

    /**
     * The signed-in person's data from every module that holds some, for them to download. Nothing is masked: it is
     * their own.
     */
    @Transactional
    public java.util.Map<String, Object> exportMyData() {
        AccountSummary me = current().orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED,
                "problem.unauthorized"));
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("account", java.util.Map.of("username", me.username(), "email", me.email() == null ? "" : me.email(),
                "displayName", me.displayName(), "locale", me.locale(), "createdAt", me.createdAt().toString(),
                "roles", me.roles().stream().map(Enum::name).sorted().toList()));
        holders.orderedStream().forEach(h -> out.put(h.section(), h.export(me)));
        audit.record("account.export", "account", me.id(), null);
        return out;
    }

    /**
     * Deletes the signed-in person's account and personal data now (the law allows 15 days; nothing needs them):
     * every holder erases or anonymises its part, then the account keeps only an id that other records point to.
     * Comments stay in the consultation's record, without a name and with contact data in the text masked.
     */
    @Transactional
    public void eraseMe() {
        AccountSummary me = current().orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED,
                "problem.unauthorized"));
        if (me.roles().stream().anyMatch(Role::isStaff)) {
            // A clerk's name stays on the decisions they signed; their account is closed by an administrator.
            throw new KaimenException(HttpStatus.CONFLICT, "accounts.error.staff-erase");
        }
        holders.orderedStream().forEach(h -> h.erase(me));
        apiTokens.revokeAll(me.id(), now());
        apiTokenAuthenticator.forgetAccount(me.id());
        accounts.anonymise(me.id(), passwords.encode(java.util.UUID.randomUUID().toString()), now());
        audit.record("account.erase", "account", me.id(), null);
    }

    /** At most this many usable tokens per account: enough for every station and client, few enough to review. */
    public static final int MAX_API_TOKENS = 10;
    /** Tokens expire: a forgotten one in a script must not open the API for ever. */
    public static final int MAX_API_TOKEN_DAYS = 366;

    /**
     * Creates a personal API token for the signed-in account, valid for {@code days}. Only a password sign-in may
     * create one: a leaked token must not be able to extend its own life by minting successors.
     */
    @Transactional
    public NewApiToken createApiToken(String name, int days) {
        AccountSummary me = current().orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED,
                "problem.unauthorized"));
        if (SecurityContextHolder.getContext().getAuthentication()
                instanceof ApiTokenAuthenticator.ApiTokenAuthentication) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "accounts.error.token-by-token");
        }
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 60) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.token-name");
        }
        if (days < 1 || days > MAX_API_TOKEN_DAYS) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.token-days",
                    String.valueOf(MAX_API_TOKEN_DAYS));
        }
        OffsetDateTime now = now();
        if (apiTokens.countUsable(me.id(), now) >= MAX_API_TOKENS) {
            throw new KaimenException(HttpStatus.CONFLICT, "accounts.error.token-count",
                    String.valueOf(MAX_API_TOKENS));
        }
        OffsetDateTime expires = now.plusDays(days);
        ApiTokenRepository.NewToken token = apiTokens.insert(me.id(), label, now, expires);
        audit.record("account.api-token.create", "api_token", token.id(), "name=" + label + ", days=" + days);
        return new NewApiToken(token.id(), label, token.token(), expires);
    }

    /** The signed-in account's tokens, newest first, revoked and expired ones included (with their dates). */
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> apiTokens() {
        return current().map(me -> apiTokens.ofAccount(me.id())).orElse(List.of());
    }

    /** Revokes one of the signed-in account's tokens; effective at once on this instance, within 30 s on others. */
    @Transactional
    public void revokeApiToken(long tokenId) {
        AccountSummary me = current().orElseThrow(() -> new KaimenException(HttpStatus.UNAUTHORIZED,
                "problem.unauthorized"));
        if (!apiTokens.revoke(me.id(), tokenId, now())) {
            throw new KaimenException(HttpStatus.NOT_FOUND, "accounts.error.token-unknown");
        }
        apiTokenAuthenticator.forgetAccount(me.id());
        audit.record("account.api-token.revoke", "api_token", tokenId, null);
    }

    /**
     * The signed-in account, if any, as read at most a few seconds ago: a change made on this instance applies at
     * once, one made on another within seconds.
     */
    @Transactional(readOnly = true)
    public Optional<AccountSummary> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return Optional.empty();
        }
        return accounts.findSignedIn(auth.getName());
    }

    private LinkOutcome useToken(String token, Purpose purpose, java.util.function.LongConsumer action) {
        Optional<TokenRepository.Stored> stored = tokens.findForUpdate(token, purpose);
        if (stored.isEmpty()) {
            return LinkOutcome.INVALID;
        }
        TokenRepository.Stored t = stored.get();
        OffsetDateTime now = now();
        if (t.usedAt() != null) {
            return LinkOutcome.USED;
        }
        if (t.expiresAt().isBefore(now)) {
            return LinkOutcome.EXPIRED;
        }
        tokens.markUsed(t.id(), now);
        action.accept(t.accountId());
        return LinkOutcome.DONE;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.password",
                    MIN_PASSWORD_LENGTH);
        }
    }

    private static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip();
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "accounts.error.email");
        }
        return e;
    }

    private String link(String path, String token) {
        return UriComponentsBuilder.fromUriString(baseUrl + path).queryParam("token", token).build().toUriString();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
