package org.kaimen.accounts;

/** A citizen signed up; the link verifies the address. {@code tokenId} makes the mail idempotent. */
public record AccountRegistered(long accountId, long tokenId, String email, String displayName, String locale,
                                String verificationLink) {
}
