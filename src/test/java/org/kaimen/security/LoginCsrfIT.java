package org.kaimen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF: a page on another site can make a visitor's browser post the attacker's own user name and password to
 * {@code /login}; if that is accepted, the visitor goes on signed in as the attacker, and what they write (comments,
 * contact data) lands in the attacker's account. The cookie's SameSite=Lax does not help, since the visitor's
 * browser may not even have a session yet. Only a token the attacker cannot read from our pages stops it.
 */
@IntegrationTest
class LoginCsrfIT {

    /** A staff-only view: a redirect to the login page unless the session is signed in as staff. */
    static final String STAFF_PAGE = "/staff/drafts";

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    @Test
    void aLoginPostedFromAnotherSiteWithTheRightPasswordButNoTokenIsRefusedAndTheSessionStaysAnonymous() {
        String attacker = accounts.create(Role.DRAFTER);
        Http victim = new Http(port);
        assertThat(victim.get("/").statusCode()).as("the victim has browsed the site before").isEqualTo(200);
        assertSignedOut(victim.get(STAFF_PAGE));

        // What a hidden form on the attacker's page submits: the attacker's credentials with the victim's cookie.
        HttpResponse<String> forged = victim.postForm("/login",
                "username=" + attacker + "&password=" + TestAccounts.PASSWORD,
                "Origin", "https://attacker.example", "Referer", "https://attacker.example/prize.html");

        assertBackToTheLoginPage(forged);
        assertThat(forged.headers().allValues("Set-Cookie")).as("no new, signed-in session id")
                .noneMatch(c -> c.startsWith("JSESSIONID="));
        assertSignedOut(victim.get(STAFF_PAGE));
    }

    @Test
    void aLoginPostedWithoutAnySessionOrTokenSignsNoOneIn() {
        String attacker = accounts.create(Role.DRAFTER);
        Http fresh = new Http(port);

        HttpResponse<String> forged = fresh.postForm("/login",
                "username=" + attacker + "&password=" + TestAccounts.PASSWORD);

        assertBackToTheLoginPage(forged);
        assertSignedOut(fresh.get(STAFF_PAGE));
    }

    @Test
    void aLoginWithATokenThatIsNotTheSessionsOwnIsRefused() {
        String attacker = accounts.create(Role.DRAFTER);
        // The attacker loads the login page in their own browser and copies its token into the forged form.
        String attackersToken = Http.csrfField(new Http(port).get("/login").body());
        Http victim = new Http(port);
        victim.get("/login");

        HttpResponse<String> forged = victim.postForm("/login",
                "username=" + attacker + "&password=" + TestAccounts.PASSWORD + "&" + attackersToken);

        assertBackToTheLoginPage(forged);
        assertSignedOut(victim.get(STAFF_PAGE));
    }

    @Test
    void theLoginFormWithTheTokenFromTheLoginPageSignsIn() {
        String clerk = accounts.create(Role.DRAFTER);
        Http browser = new Http(port);
        String page = browser.get("/login").body();
        assertThat(Http.csrfField(page)).as("the login page carries the token the form posts").isNotNull();

        HttpResponse<String> login = browser.signIn(clerk, TestAccounts.PASSWORD);

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(browser.get(STAFF_PAGE).statusCode()).as("the session is signed in").isEqualTo(200);
    }

    @Test
    void programsPostToTheApiWithoutAToken() {
        // The API chain is stateless and signs nothing into a browser session, so it has nothing to forge; its
        // callers (HTTP Basic, kmn_ bearer tokens) never see a page to take a token from.
        String clerk = accounts.create(Role.DRAFTER);
        Http program = new Http(port);
        HttpResponse<String> created = program.send(HttpRequest.newBuilder(program.uri("/api/v1/me/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"csrf\",\"days\":1}")),
                "Authorization", Http.basic(clerk, TestAccounts.PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        assertThat(created.body()).contains("kmn_");
    }

    /** Refused: back to a fresh login page with a notice, never into the site. */
    private static void assertBackToTheLoginPage(HttpResponse<String> forged) {
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login?stale");
    }

    private static void assertSignedOut(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("not signed in").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }
}
