package org.kaimen.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A plain HTTP client for tests that must see exactly what a browser or mail client would: no redirects followed,
 * cookies kept per instance.
 */
public final class Http {

    private final String base;
    private final HttpClient client;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public HttpResponse<String> getAs(String user, String password, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET().header("Authorization", basic(user, password)), headers);
    }

    public HttpResponse<String> postForm(String path, String form, String... headers) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * The form field and value a page offers against cross-site forgery: Vaadin writes Spring Security's token into
     * the {@code _csrf_parameter} and {@code _csrf} meta tags of every page it serves, and vaadin-login-form posts
     * them with the credentials. Null when the page has none.
     */
    public static String csrfField(String page) {
        Document html = Jsoup.parse(page);
        Element name = html.selectFirst("meta[name=_csrf_parameter]");
        Element value = html.selectFirst("meta[name=_csrf]");
        if (name == null || value == null) {
            return null;
        }
        return URLEncoder.encode(name.attr("content"), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value.attr("content"), StandardCharsets.UTF_8);
    }

    /** What the login form posts: the credentials and the token of the login page this client just loaded. */
    public HttpResponse<String> signIn(String user, String password) {
        String field = csrfField(get("/login").body());
        if (field == null) {
            throw new IllegalStateException("the login page carries no CSRF token");
        }
        return postForm("/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + field);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
