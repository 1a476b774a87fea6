package org.kaimen.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: an account locks for a while after consecutive failures (kept in PostgreSQL, so
 * every app instance sees it), and an address that fails too often across accounts must wait (kept in memory).
 */
@Component
public class LoginThrottle {

    private final AccountRepository accounts;
    private final AccountProperties properties;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAddress = new ConcurrentHashMap<>();

    LoginThrottle(AccountRepository accounts, AccountProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean addressBlocked(String address) {
        if (address == null) {
            return false;
        }
        Deque<Instant> failures = failuresByAddress.get(address);
        if (failures == null) {
            return false;
        }
        synchronized (failures) {
            prune(failures);
            return failures.size() >= properties.ipThrottle().maxFailures();
        }
    }

    public void failed(String login, String address) {
        if (login != null && !login.isBlank()) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            accounts.recordFailure(login, properties.lockout().maxFailures(), now,
                    now.plus(properties.lockout().lockDuration()));
        }
        if (address != null) {
            Deque<Instant> failures = failuresByAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
            synchronized (failures) {
                prune(failures);
                failures.addLast(clock.instant());
            }
        }
        if (failuresByAddress.size() > 100_000) {
            failuresByAddress.clear();
        }
    }

    public void succeeded(long accountId) {
        accounts.recordSuccess(accountId);
    }

    private void prune(Deque<Instant> failures) {
        Instant cutoff = clock.instant().minus(properties.ipThrottle().window());
        while (!failures.isEmpty() && failures.peekFirst().isBefore(cutoff)) {
            failures.removeFirst();
        }
    }
}
