package org.kaimen.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaimen.shared.web.KaimenException;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.kaimen.testsupport.Http;
import org.junit.jupiter.api.BeforeEach;
import java.net.http.HttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistrationIT {

    @Autowired
    AccountService accounts;
    @LocalServerPort
    int port;
    Http http;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aCitizenRegistersFollowsTheMailedLinkAndCanThenSignIn() {
        String email = "citizen-" + UUID.randomUUID() + "@example.org";
        accounts.register(new AccountService.Registration("王小明", email, "s3cret-pass", Locale.SIMPLIFIED_CHINESE));

        assertThat(status(email)).isEqualTo("PENDING");
        assertThat(http.getAs(email, "s3cret-pass", "/api/v1/me").statusCode())
                .as("an unverified account cannot sign in").isEqualTo(401);

        MimeMessage mail = Mails.awaitOne(email);
        assertThat(Mails.subject(mail)).contains("验证");
        assertThat(Mails.decoded(mail)).contains("王小明");
        String link = Mails.link(mail, "http://localhost:8080/account/verify?token=");

        HttpResponse<String> followed = http.get(pathOf(link));
        assertThat(followed.statusCode()).isEqualTo(302);
        assertThat(location(followed)).endsWith("/login?verification=done");
        assertThat(status(email)).isEqualTo("ACTIVE");

        HttpResponse<String> me = http.getAs(email, "s3cret-pass", "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("CITIZEN").contains("王小明");

        assertThat(location(http.get(pathOf(link)))).endsWith("/login?verification=used");
    }

    @Test
    void registeringAnExistingAddressLooksTheSameButOnlyWarnsTheOwnerByMail() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        accounts.register(new AccountService.Registration("甲", email, "first-pass", Locale.ENGLISH));
        Mails.awaitOne(email);
        accounts.register(new AccountService.Registration("乙", email, "second-pass", Locale.ENGLISH));

        org.awaitility.Awaitility.await().until(() -> Mails.to(email).size() == 2);
        assertThat(Mails.subject(Mails.to(email).get(1))).contains("tried to register");
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(email) = lower(:e)").param("e", email)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aForgedOrMangledLinkIsRefusedClearly() {
        assertThat(location(http.get("/account/verify?token=not-a-real-token")))
                .endsWith("/login?verification=invalid");
    }

    @Test
    void badInputIsRefusedWithALocalizedReason() {
        assertThatThrownBy(() -> accounts.register(
                new AccountService.Registration("丙", "not-an-address", "long-enough", Locale.SIMPLIFIED_CHINESE)))
                .isInstanceOf(KaimenException.class).extracting("messageKey").isEqualTo("accounts.error.email");
        assertThatThrownBy(() -> accounts.register(
                new AccountService.Registration("丙", "c@example.org", "short", Locale.SIMPLIFIED_CHINESE)))
                .isInstanceOf(KaimenException.class).extracting("messageKey").isEqualTo("accounts.error.password");
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM account WHERE email = :e").param("e", email).query(String.class).single();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect: " + response.statusCode() + " " + response.body()));
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
