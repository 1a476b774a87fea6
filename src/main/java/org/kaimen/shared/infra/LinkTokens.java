package org.kaimen.shared.infra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Tokens for links in mails: 256 random bits, URL-safe; tables keep only their SHA-256 ({@link #sha256}), so a
 * leaked dump opens nothing.
 */
public final class LinkTokens {

    private LinkTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        SecureRandoms.current().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the UTF-8 text, as 64 lowercase hex digits. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
