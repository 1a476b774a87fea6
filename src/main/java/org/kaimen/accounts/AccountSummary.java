package org.kaimen.accounts;

import java.time.OffsetDateTime;
import java.util.Set;

/** What other modules and the admin screens may know of an account. */
public record AccountSummary(long id, String username, String email, String displayName, AccountStatus status,
                             Set<Role> roles, String locale, OffsetDateTime createdAt, OffsetDateTime lockedUntil) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
