package org.kaimen.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kaimen.accounts.AccountStatus;
import org.kaimen.shared.infra.LinkTokens;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Resolves a bearer token to its account. Lookups are cached for a short while because an API client sends the same
 * token hundreds of times a second; a revocation on this instance takes effect at once, on other instances within
 * {@link #TTL}. The account's state (disabled, locked, roles) is read with the token, so it follows as quickly.
 */
@Component
public class ApiTokenAuthenticator {

    static final Duration TTL = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 10_000;

    /** The authentication of a request that came with an API token rather than a password. */
    public static final class ApiTokenAuthentication extends AbstractAuthenticationToken {
        private final String username;
        private final long tokenId;

        ApiTokenAuthentication(ApiTokenRepository.Holder holder) {
            super(holder.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
            this.username = holder.username();
            this.tokenId = holder.tokenId();
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return username;
        }

        public long tokenId() {
            return tokenId;
        }
    }

    private record Cached(ApiTokenRepository.Holder holder, Instant loadedAt) {
    }

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiTokenAuthenticator(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @return the authentication for a usable token, empty for an unknown, expired or revoked one */
    public Optional<ApiTokenAuthentication> authenticate(String token) {
        if (token == null || !token.startsWith(ApiTokenRepository.PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String key = LinkTokens.sha256(token);
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.loadedAt().plus(TTL).isBefore(now)) {
            Optional<ApiTokenRepository.Holder> found = tokens.findByToken(token);
            if (found.isEmpty()) {
                cache.remove(key);
                return Optional.empty();
            }
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cached = new Cached(found.get(), now);
            cache.put(key, cached);
            // "Last used" is kept to the cache's precision: one write per token and instance every TTL, not per call.
            tokens.touch(found.get().tokenId(), OffsetDateTime.now(clock));
        }
        ApiTokenRepository.Holder h = cached.holder();
        OffsetDateTime at = OffsetDateTime.now(clock);
        boolean usable = h.revokedAt() == null && h.expiresAt().isAfter(at) && h.status() == AccountStatus.ACTIVE
                && (h.lockedUntil() == null || !h.lockedUntil().isAfter(at));
        return usable ? Optional.of(new ApiTokenAuthentication(h)) : Optional.empty();
    }

    /** Forgets cached lookups of an account, so that a revocation or a state change applies here at once. */
    public void forgetAccount(long accountId) {
        cache.values().removeIf(c -> c.holder().accountId() == accountId);
    }
}
