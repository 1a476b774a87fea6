package org.kaimen.accounts;

/** A password reset was asked for an existing account; the link works once and expires soon. */
public record PasswordResetRequested(long accountId, long tokenId, String email, String displayName, String locale,
                                     String resetLink) {
}
