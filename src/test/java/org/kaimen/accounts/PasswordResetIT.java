package org.kaimen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.AccountService.LinkOutcome;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;

@IntegrationTest
class PasswordResetIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService service;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TestClock clock;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMailedResetLinkSetsANewPasswordOnce() {
        String user = accounts.create(Role.CITIZEN);
        String email = user + "@example.org";
        service.requestPasswordReset(email, Locale.SIMPLIFIED_CHINESE);

        MimeMessage mail = Mails.awaitOne(email);
        assertThat(Mails.subject(mail)).contains("重设密码");
        String token = token(Mails.link(mail, "http://localhost:8080/reset-password?token="));
        assertThat(service.checkResetLink(token)).isEqualTo(LinkOutcome.DONE);

        assertThat(service.resetPassword(token, "brand-new-pass")).isEqualTo(LinkOutcome.DONE);
        assertThat(http.getAs(user, "brand-new-pass", "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(service.resetPassword(token, "another-pass")).isEqualTo(LinkOutcome.USED);
    }

    @Test
    void aResetLinkExpiresAfterAnHour() {
        String user = accounts.create(Role.CITIZEN);
        service.requestPasswordReset(user + "@example.org", Locale.ENGLISH);
        String token = token(Mails.link(Mails.awaitOne(user + "@example.org"), "http://localhost:8080/reset-password?token="));

        clock.advance(Duration.ofMinutes(61));
        assertThat(service.checkResetLink(token)).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(service.resetPassword(token, "too-late-pass")).isEqualTo(LinkOutcome.EXPIRED);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws InterruptedException {
        String email = "nobody-here@example.org";
        service.requestPasswordReset(email, Locale.ENGLISH);
        Thread.sleep(1500);
        assertThat(Mails.to(email)).isEmpty();
    }

    @Test
    void aNewerLinkReplacesAnOlderOne() {
        String user = accounts.create(Role.CITIZEN);
        String email = user + "@example.org";
        service.requestPasswordReset(email, Locale.ENGLISH);
        String first = token(Mails.link(Mails.awaitOne(email), "http://localhost:8080/reset-password?token="));
        service.requestPasswordReset(email, Locale.ENGLISH);
        org.awaitility.Awaitility.await().until(() -> Mails.to(email).size() == 2);
        assertThat(service.checkResetLink(first)).isEqualTo(LinkOutcome.USED);
    }

    private static String token(String link) {
        return UriComponentsBuilder.fromUri(URI.create(link)).build().getQueryParams().getFirst("token");
    }
}
