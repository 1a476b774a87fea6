package org.kaimen.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;
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
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPasswordUntilTheLockExpires() {
        String user = accounts.create(Role.DRAFTER);
        for (int i = 0; i < 5; i++) {
            assertThat(http.getAs(user, "guess-" + i, "/api/v1/me").statusCode()).isEqualTo(401);
        }
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode())
                .as("locked after five failures").isEqualTo(401);

        clock.advance(Duration.ofMinutes(16));
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        String user = accounts.create(Role.DRAFTER);
        for (int i = 0; i < 4; i++) {
            http.getAs(user, "guess-" + i, "/api/v1/me");
        }
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            http.getAs(user, "guess-" + i, "/api/v1/me");
        }
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatFailsAcrossManyAccountsMustWaitWhileOtherAddressesAreServed() throws IOException {
        String user = accounts.create(Role.DRAFTER);
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        for (int i = 0; i < 30; i++) {
            assertThat(statusFrom(attacker, "nobody-" + UUID.randomUUID(), "x")).isEqualTo(401);
        }
        assertThat(statusFrom(attacker, user, TestAccounts.PASSWORD)).as("blocked address").isEqualTo(401);
        assertThat(http.getAs(user, TestAccounts.PASSWORD, "/api/v1/me").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(6));
        assertThat(statusFrom(attacker, user, TestAccounts.PASSWORD)).isEqualTo(200);
    }

    @Test
    void theLoginFormSignsInAndSendsWrongPasswordsBackWithAnError() {
        String user = accounts.create(Role.CITIZEN);
        var wrong = http.signIn(user, "nope");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        var right = http.signIn(user, TestAccounts.PASSWORD);
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    /** A raw request from another loopback address, as a second client machine would send it. */
    private int statusFrom(InetAddress from, String user, String password) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                    + Http.basic(user, password) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(response.substring(9, 12));
        }
    }
}
