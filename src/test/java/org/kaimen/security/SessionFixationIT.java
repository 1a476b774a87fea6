package org.kaimen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.browser.BrowserTest;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Session fixation: a session id known before sign-in (planted by an attacker, or read off a shared computer) must
 * be worth nothing afterwards. Checked twice: in a real browser, through the login form and the logout button as a
 * person uses them, and with raw HTTP requests that carry exactly the cookie we choose.
 */
class SessionFixationIT extends BrowserTest {

    static final String COOKIE = "JSESSIONID";
    /** A staff-only view: Spring Security answers it with a redirect to the login page unless signed in as staff. */
    static final String STAFF_PAGE = "/staff/drafts";

    private final HttpClient raw = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void inTheBrowserSigningInChangesTheSessionIdAndSigningOutEndsTheSession() {
        String clerk = accounts.create(Role.DRAFTER);
        browser.open("");
        Cookie anonymous = browser.driver().manage().getCookieNamed(COOKIE);
        assertThat(anonymous).as("loading a page starts a session").isNotNull();
        assertThat(anonymous.isHttpOnly()).as("no script reads the session cookie").isTrue();
        assertThat(anonymous.getSameSite()).isEqualTo("Lax");
        assertThat(get(STAFF_PAGE, anonymous.getValue()).statusCode()).isEqualTo(302);

        browser.signIn(clerk);
        Cookie signedIn = browser.driver().manage().getCookieNamed(COOKIE);
        assertThat(signedIn.getValue()).as("a new session id on sign-in").isNotEqualTo(anonymous.getValue());
        assertThat(signedIn.isHttpOnly()).isTrue();
        assertThat(signedIn.getSameSite()).isEqualTo("Lax");
        assertThat(get(STAFF_PAGE, signedIn.getValue()).statusCode()).as("the new id is signed in").isEqualTo(200);
        assertSignedOut(get(STAFF_PAGE, anonymous.getValue()), "the id from before sign-in");

        browser.click("#logout");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            Cookie now = d.manage().getCookieNamed(COOKIE);
            return now == null || !now.getValue().equals(signedIn.getValue());
        });
        assertSignedOut(get(STAFF_PAGE, signedIn.getValue()), "the id from before sign-out");
    }

    @Test
    void overHttpAPlantedSessionIdIsNotSignedInByTheLoginForm() {
        String clerk = accounts.create(Role.DRAFTER);
        HttpResponse<String> page = get("/login", null);
        String planted = sessionId(page);
        assertThat(planted).as("the login page starts a session").isNotNull();
        assertThat(setCookie(page)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        // What vaadin-login-form posts (see LoginView: action "login"), with the token the login page carries.
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", COOKIE + "=" + planted)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + clerk + "&password=" + TestAccounts.PASSWORD
                        + "&" + Http.csrfField(page.body()), StandardCharsets.UTF_8)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String fresh = sessionId(login);
        assertThat(fresh).as("sign-in sends a new session id").isNotNull().isNotEqualTo(planted);
        assertThat(setCookie(login)).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        assertThat(get(STAFF_PAGE, fresh).statusCode()).isEqualTo(200);
        assertSignedOut(get(STAFF_PAGE, planted), "the planted id");
    }

    private static void assertSignedOut(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " is not signed in").isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).as(what).endsWith("/login");
    }

    private HttpResponse<String> get(String path, String sessionId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (sessionId != null) {
            request.header("Cookie", COOKIE + "=" + sessionId);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return raw.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String setCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith(COOKIE + "=")).findFirst().orElse("");
    }

    private static String sessionId(HttpResponse<?> response) {
        String cookie = setCookie(response);
        return cookie.isEmpty() ? null : cookie.substring(COOKIE.length() + 1, cookie.indexOf(';'));
    }
}
