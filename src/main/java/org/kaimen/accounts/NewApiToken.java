package org.kaimen.accounts;

import java.time.OffsetDateTime;

/** A token just created: the only time its secret is shown. Sent as {@code Authorization: Bearer <token>}. */
public record NewApiToken(long id, String name, String token, OffsetDateTime expiresAt) {
}
