package org.kaimen.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.kaimen.accounts.Role;
import org.kaimen.accounts.internal.AccountRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;

/**
 * The comment API of an {@link AppProcess} as a client program uses it (HTTP Basic, JSON), for the fault tests that
 * load it from several threads: unlike {@link Http} it reports a request that got no answer as an IOException.
 */
public final class ApiClient {

    private final int port;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(int port) {
        this.port = port;
    }

    /**
     * Accounts created straight in an application's database, with cheap password hashes: every API call checks the
     * password, and the load these tests put on the app is meant for comments.
     */
    public static TestAccounts accounts(JdbcClient jdbc) {
        return new TestAccounts(new AccountRepository(jdbc), new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(4))), Clock.systemUTC());
    }

    /** Imports and opens a draft as a drafter, and returns its id. */
    public long createDraft(TestAccounts accounts, String title) {
        String drafter = accounts.create(Role.DRAFTER);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/drafts?open=true&title="
                        + URLEncoder.encode(title, StandardCharsets.UTF_8)))
                .header("Authorization", Http.basic(drafter, TestAccounts.PASSWORD))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(Regulation.plain(Regulation.BINZHOU),
                        StandardCharsets.UTF_8)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("draft import answered " + response.statusCode() + ": " + response.body());
        }
        return readTree(response.body()).get("id").asLong();
    }

    /**
     * POST /api/v1/drafts/{id}/comments as a signed-in citizen.
     *
     * @throws IOException when no answer came (connection refused or reset)
     */
    public HttpResponse<String> comment(String user, long draftId, String key, String text, String... headers)
            throws IOException {
        String body;
        try {
            body = json.writeValueAsString(Map.of("stance", "MODIFY", "text", text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/drafts/" + draftId + "/comments"))
                .header("Authorization", Http.basic(user, TestAccounts.PASSWORD))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The comment id of a receipt (the body of a 200 or 201 answer). */
    public long commentId(String receipt) {
        return readTree(receipt).get("id").asLong();
    }

    public com.fasterxml.jackson.databind.JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
