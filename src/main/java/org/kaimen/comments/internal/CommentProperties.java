package org.kaimen.comments.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param perAddress     comment POSTs per address in {@code addressWindow}: CONSUL allows 300 POSTs per 5 minutes
 * @param perAccount     comments per account in {@code accountWindow}
 * @param anonymousPerAddress anonymous comments per address in {@code accountWindow}
 * @param reportsToHold  open reports that take a comment out of public view until a moderator looks
 * @param challengeBits  proof-of-work difficulty for anonymous comments (leading zero bits of SHA-256)
 */
@ConfigurationProperties("kaimen.comments")
public record CommentProperties(boolean rateLimitEnabled, int perAddress, Duration addressWindow, int perAccount,
                                Duration accountWindow, int anonymousPerAddress, int reportsToHold,
                                int challengeBits, Duration challengeValidity, String challengeSecret) {
}
