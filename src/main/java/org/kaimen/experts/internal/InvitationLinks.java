package org.kaimen.experts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signed links in invitation mails: {@code invitation.action.expiry} and an HMAC-SHA256 over them. Nothing is
 * stored per link: the signature proves the link was ours, the expiry is inside it, and single use comes from the
 * invitation's state (an answered invitation refuses every further answer). The key is made once and kept in the
 * database, so links outlive restarts and work on every instance.
 */
@Component
public class InvitationLinks {

    public enum Action { ACCEPT, DECLINE, PORTAL }

    public record Parsed(long invitationId, Action action, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private final String baseUrl;
    private volatile byte[] key;

    InvitationLinks(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
                    @Value("${kaimen.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        // The key is first needed wherever a link is first made or read, often inside a read-only transaction (an
        // expert opening the invitation page): making it there failed with 500 on a fresh installation.
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String link(long invitationId, Action action, Instant expiresAt) {
        return UriComponentsBuilder.fromUriString(baseUrl + "/expert/invitation")
                .queryParam("token", token(invitationId, action, expiresAt)).build().toUriString();
    }

    public String token(long invitationId, Action action, Instant expiresAt) {
        String payload = invitationId + "." + action.name().toLowerCase() + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** Empty for anything not signed by us; the caller checks expiry and state. */
    public Optional<Parsed> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(Long.parseLong(parts[0]), Action.valueOf(parts[1].toUpperCase()),
                    Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            k = ownTransaction.execute(status -> {
                jdbc.sql("INSERT INTO expert_link_key (id, secret) VALUES (1, :s) ON CONFLICT (id) DO NOTHING")
                        .param("s", Base64.getEncoder().encodeToString(fresh)).update();
                return Base64.getDecoder().decode(jdbc.sql("SELECT secret FROM expert_link_key WHERE id = 1")
                        .query(String.class).single());
            });
            key = k;
        }
        return k;
    }
}
