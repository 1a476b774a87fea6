package org.kaimen.accounts;

/**
 * Someone tried to register an address that already has an account. The page answers exactly as for a new
 * address (no account enumeration); the owner is told by mail instead.
 */
public record RegistrationRepeated(long accountId, String attemptId, String email, String locale, String loginLink,
                                   String resetLink) {
}
