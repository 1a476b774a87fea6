package org.kaimen.accounts;

import java.time.OffsetDateTime;

/** A personal API token as its owner sees it later: never the token itself, only its last four characters. */
public record ApiTokenInfo(long id, String name, String hint, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                           OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    public boolean usable(OffsetDateTime now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
