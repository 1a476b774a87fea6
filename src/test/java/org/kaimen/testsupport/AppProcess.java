package org.kaimen.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kaimen.App;

/**
 * Kaimen as a separate JVM on this test run's classpath, the way it runs in production: a crash ({@link #kill()}
 * sends SIGKILL) really ends the process, with no shutdown hook, no graceful close of connections and nothing flushed.
 * Its console goes to {@code target/app-processes/<name>.log}, kept across restarts for a failing test's reader.
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Map<String, String> properties;
    private final int port;
    private final Path log;
    private Process process;

    private AppProcess(String name, Map<String, String> properties) {
        this.name = name;
        this.port = TestServices.freePort();
        this.properties = new LinkedHashMap<>(properties);
        this.properties.put("server.port", String.valueOf(port));
        this.properties.put("kaimen.base-url", "http://127.0.0.1:" + port);
        this.log = Path.of("target", "app-processes", name + ".log").toAbsolutePath();
    }

    /**
     * The properties that point an application at this run's Elasticsearch node and mail server, on the given
     * database, with the test profile (application-test.yml) as the in-process context has it.
     */
    public static Map<String, String> testProperties(String jdbcUrl) {
        TestServices.ensureStarted();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.profiles.active", "test");
        p.put("spring.datasource.url", jdbcUrl);
        p.put("spring.elasticsearch.uris", TestServices.elasticsearch().httpUri().toString());
        p.put("spring.mail.host", "127.0.0.1");
        p.put("spring.mail.port", String.valueOf(TestServices.smtpPort()));
        p.put("spring.jmx.enabled", "false");
        p.put("spring.main.banner-mode", "off");
        return p;
    }

    /** Starts the application and waits until it is ready for traffic. */
    public static AppProcess start(String name, Map<String, String> properties) {
        AppProcess app = new AppProcess(name, properties);
        app.start();
        return app;
    }

    /** Starts it (again, after {@link #kill()} or {@link #close()}) on the same port, and waits until it is ready. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                App.class.getName()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + Instant.now() + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /**
     * Kills the process with SIGKILL, as the kernel's OOM killer or a pulled plug would: {@link Process#destroyForcibly()}
     * sends SIGKILL on Linux.
     *
     * @return the exit status: 137 (128 + 9) when SIGKILL ended it
     */
    public synchronized int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public Path log() {
        return log;
    }

    /** Stops it as an operator would (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The port opens once the context is nearly up.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT.toSeconds() + " s:\n"
                + logTail());
    }

    /** The end of the console log, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
