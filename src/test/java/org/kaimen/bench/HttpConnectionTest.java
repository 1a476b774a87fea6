package org.kaimen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's connection against the JDK's own HTTP server: what it sends arrives whole, answers parse. */
class HttpConnectionTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Integer> remotePorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            remotePorts.add(exchange.getRemoteAddress().getPort());
            byte[] body = "{\"id\":42,\"text\":\"收到\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "2");
            exchange.sendResponseHeaders(429, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("{\"title\":\"".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("请稍后再试\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aPostArrivesWithItsHeadersAndUtf8BodyAndTheAnswerIsReadByItsLength() throws Exception {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            HttpConnection.Response response = connection.exchange(
                    HttpConnection.post(uri("/fixed"), "{\"text\":\"物业费\"}", "Bearer kmn_x", "key-1"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.retryAfter()).isFalse();
            assertThat(response.body()).isEqualTo("{\"id\":42,\"text\":\"收到\"}");
            assertThat(received).containsExactly("key-1 Bearer kmn_x {\"text\":\"物业费\"}");
        }
    }

    @Test
    void aChunkedAnswerIsReassembledAndItsRetryAfterSeen() throws Exception {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            HttpConnection.Response response = connection.exchange(
                    HttpConnection.post(uri("/chunked"), "{}", "Bearer kmn_x", "key-2"));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.retryAfter()).isTrue();
            assertThat(response.body()).isEqualTo("{\"title\":\"请稍后再试\"}");
        }
    }

    @Test
    void consecutiveRequestsShareOneConnection() throws Exception {
        try (HttpConnection connection = new HttpConnection("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 3; i++) {
                connection.exchange(HttpConnection.post(uri(i == 1 ? "/chunked" : "/fixed"), "{}", "Bearer t", "k" + i));
            }
        }

        assertThat(received).hasSize(2);
        assertThat(remotePorts).as("both fixed-length exchanges came from the same client port").hasSize(2)
                .containsOnly(remotePorts.get(0));
    }
}
