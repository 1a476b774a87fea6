package org.kaimen.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("kaimen.accounts")
public record AccountProperties(Lockout lockout, IpThrottle ipThrottle, Duration verificationLinkValidity,
                                Duration resetLinkValidity) {

    /** Decidim allows 5 logins per minute per e-mail; we lock an account for a while after 5 straight failures. */
    public record Lockout(int maxFailures, Duration lockDuration) {
    }

    /** Failed logins from one address within a window, across accounts, before that address must wait. */
    public record IpThrottle(int maxFailures, Duration window) {
    }
}
