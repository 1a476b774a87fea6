package org.kaimen.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A proof-of-work challenge for anonymous comments, with no outside service: the browser searches a nonce whose
 * SHA-256 with the challenge starts with N zero bits (a second or two on a phone, far too slow for a flood). The
 * challenge is signed and timestamped, so the server keeps nothing until it is used; then it is recorded as used.
 */
@Component
public class Challenges {

    public record Challenge(String token, int bits) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final CommentProperties properties;
    private final CommentRepository comments;
    private final Clock clock;
    private final byte[] secret;

    Challenges(CommentProperties properties, CommentRepository comments, Clock clock) {
        this.properties = properties;
        this.comments = comments;
        this.clock = clock;
        byte[] configured = properties.challengeSecret() == null ? new byte[0]
                : properties.challengeSecret().getBytes(StandardCharsets.UTF_8);
        if (configured.length >= 16) {
            this.secret = configured;
        } else {
            // Without a configured secret each instance signs its own challenges (fine for one instance).
            this.secret = new byte[32];
            RANDOM.nextBytes(this.secret);
        }
    }

    public Challenge issue(long draftId) {
        byte[] nonce = new byte[12];
        org.kaimen.shared.infra.SecureRandoms.current().nextBytes(nonce);
        String body = draftId + "." + clock.millis() + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(nonce);
        return new Challenge(body + "." + sign(body), properties.challengeBits());
    }

    /**
     * @param solution {@code <token>:<nonce>} as the client sends it
     * @return whether it is a valid, fresh, solved and unused challenge for this draft (and marks it used)
     */
    public boolean redeem(long draftId, String solution) {
        if (solution == null || solution.length() > 300 || !solution.contains(":")) {
            return false;
        }
        String token = solution.substring(0, solution.lastIndexOf(':'));
        String nonce = solution.substring(solution.lastIndexOf(':') + 1);
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !parts[0].equals(String.valueOf(draftId))) {
            return false;
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8),
                parts[3].getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.millis() - issued > properties.challengeValidity().toMillis() || !solved(token, nonce,
                properties.challengeBits())) {
            return false;
        }
        return comments.useChallenge(parts[2], OffsetDateTime.now(clock));
    }

    /** The check the browser's search must pass; public so tests and clients can solve challenges the same way. */
    public static boolean solved(String token, String nonce, int bits) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((token + ":" + nonce).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < bits; i++) {
                if ((hash[i / 8] & (0x80 >> (i % 8))) != 0) {
                    return false;
                }
            }
            return true;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds a nonce by brute force, as the browser does; for tests and command-line clients. */
    public static String solve(String token, int bits) {
        for (long n = 0; ; n++) {
            if (solved(token, Long.toString(n), bits)) {
                return token + ":" + n;
            }
        }
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
