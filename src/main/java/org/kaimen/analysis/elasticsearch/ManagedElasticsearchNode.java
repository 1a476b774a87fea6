package org.kaimen.analysis.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server run from the distribution that the build unpacks, for dev and tests.
 *
 * <p>Elasticsearch refuses to run as root, and its unpacked config files are root-only, so when we are root the node
 * runs as an unprivileged system user with its own copy of the distribution, config, data and logs under
 * {@link Settings#workDir()}. Production never uses this class: it points {@code spring.elasticsearch.uris} at a cluster.
 */
public final class ManagedElasticsearchNode implements AutoCloseable {

    public static final String SYSTEM_USER = "kaimen-es";
    private static final Logger log = LoggerFactory.getLogger(ManagedElasticsearchNode.class);

    /**
     * @param distribution the unpacked {@code elasticsearch-<version>} folder
     * @param workDir where this node keeps its config, data and logs; kept between runs in dev, temporary in tests
     * @param httpPort loopback HTTP port, 0 for any free port
     * @param heap JVM heap, e.g. {@code 512m}
     */
    public record Settings(Path distribution, Path workDir, int httpPort, String heap, String clusterName,
                           Duration startTimeout) {
    }

    /** Where Debian and Temurin packages put their JDKs. */
    static final String JDK_FOLDER = "/usr/lib/jvm";
    /**
     * The oldest Java on which Lucene uses SIMD for vectors: the Panama vector API and Elasticsearch's native int8
     * scorer need 21 or later. On 17 every vector comparison is scalar, and indexing and searching the sentence
     * vectors ran at about two thirds of the speed (docs/benchmarks.md).
     */
    static final int VECTORIZED_JAVA = 21;
    /** The newest Java this Elasticsearch version is known to run on here. */
    static final int NEWEST_JAVA = 25;

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int httpPort;
    private final int transportPort;
    private Process launcher;

    public ManagedElasticsearchNode(Settings settings) {
        this.settings = settings;
        this.httpPort = settings.httpPort() > 0 ? settings.httpPort() : freePort();
        this.transportPort = freePort();
    }

    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public Path workDir() {
        return settings.workDir();
    }

    /** Starts the node and waits until the cluster is at least yellow. Safe to call again after {@link #stop()}. */
    public synchronized void start() {
        Instant begin = Instant.now();
        try {
            Path home = prepareHome();
            Path conf = writeConfig(home);
            killStaleNode();
            if (runningAsRoot()) {
                ensureSystemUser();
                chownRecursively(settings.workDir());
            }
            launcher = launch(home, conf);
            awaitHealthy();
            log.info("Elasticsearch node up at {} in {} s (work dir {})", httpUri(),
                    Duration.between(begin, Instant.now()).toSeconds(), settings.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the managed Elasticsearch node: " + e.getMessage(), e);
        }
    }

    /** Stops the node gracefully (SIGTERM, then SIGKILL after 30 s); its data stays for the next start. */
    public synchronized void stop() {
        readPid().flatMap(ProcessHandle::of).ifPresent(ManagedElasticsearchNode::terminate);
        if (launcher != null) {
            launcher.descendants().forEach(ManagedElasticsearchNode::terminate);
            terminate(launcher.toHandle());
            launcher = null;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // A stale pid file is handled by the next start.
        }
    }

    public synchronized boolean isRunning() {
        return readPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public void close() {
        stop();
    }

    private Path prepareHome() throws IOException {
        Path dist = settings.distribution().toAbsolutePath().normalize();
        if (!Files.isRegularFile(dist.resolve("bin/elasticsearch"))) {
            throw new IOException("no Elasticsearch distribution at " + dist
                    + " (it is unpacked by the build: run ./mvnw generate-resources)");
        }
        Files.createDirectories(settings.workDir());
        if (!runningAsRoot()) {
            return dist;
        }
        // The unprivileged user may not be able to traverse to the checkout (a 700 temp or home folder), so it gets
        // its own copy; a marker naming the source makes the copy happen once per work dir and version.
        Path home = settings.workDir().resolve("home");
        Path marker = home.resolve(".copied-from");
        if (!Files.exists(marker) || !Files.readString(marker).equals(dist.toString())) {
            deleteRecursively(home);
            for (String part : List.of("bin", "lib", "modules", "plugins")) {
                copyRecursively(dist.resolve(part), home.resolve(part));
            }
            Files.writeString(marker, dist.toString());
        }
        return home;
    }

    private Path writeConfig(Path home) throws IOException {
        Path work = settings.workDir();
        Path conf = work.resolve("config");
        Path distConf = settings.distribution().resolve("config");
        Files.createDirectories(conf);
        for (String file : List.of("jvm.options", "log4j2.properties")) {
            Files.copy(distConf.resolve(file), conf.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.createDirectories(conf.resolve("jvm.options.d"));
        for (String dir : List.of("data", "logs", "tmp")) {
            Files.createDirectories(work.resolve(dir));
        }
        String yml = String.join("\n",
                "cluster.name: " + settings.clusterName(),
                "node.name: kaimen-managed",
                "path.data: " + work.resolve("data").toAbsolutePath(),
                "path.logs: " + work.resolve("logs").toAbsolutePath(),
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                // Loopback-only node for dev and tests; production points at a secured cluster instead.
                "xpack.security.enabled: false",
                // Dev disks fill up; a read-only index would look like lost comments.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "action.destructive_requires_name: false",
                // Every index is created on purpose with its mapping; a stray write must fail, not invent one.
                "action.auto_create_index: false",
                "");
        Files.writeString(conf.resolve("elasticsearch.yml"), yml);
        return conf;
    }

    private Process launch(Path home, Path conf) throws IOException {
        Path work = settings.workDir();
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        command.addAll(List.of("env",
                "ES_JAVA_HOME=" + javaHome(Path.of(JDK_FOLDER), System.getProperty("java.home")),
                "ES_PATH_CONF=" + conf.toAbsolutePath(),
                "ES_TMPDIR=" + work.resolve("tmp").toAbsolutePath(),
                "ES_JAVA_OPTS=-Xms" + settings.heap() + " -Xmx" + settings.heap(),
                home.resolve("bin/elasticsearch").toString(),
                "-p", pidFile().toAbsolutePath().toString()));
        Path console = work.resolve("logs/console.log");
        return new ProcessBuilder(command)
                .directory(work.resolve("logs").toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .start();
    }

    /**
     * The JDK the node runs on. This distribution has no bundled JDK (the production one bundles a recent one), and the
     * application's Java 17 would make vector work scalar, so a newer JDK installed beside it is preferred:
     * {@code KAIMEN_ES_JAVA_HOME} if set, else the newest JDK from {@value #VECTORIZED_JAVA} to {@value #NEWEST_JAVA}
     * under {@code jdks}, else {@code fallback}.
     */
    static String javaHome(Path jdks, String fallback) {
        String chosen = System.getenv("KAIMEN_ES_JAVA_HOME");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        Path best = null;
        int bestVersion = 0;
        try (var candidates = Files.list(jdks)) {
            for (Path jdk : candidates.sorted().toList()) {
                int version = javaVersion(jdk);
                if (version >= VECTORIZED_JAVA && version <= NEWEST_JAVA && version > bestVersion
                        && Files.isExecutable(jdk.resolve("bin/java"))) {
                    best = jdk;
                    bestVersion = version;
                }
            }
        } catch (IOException e) {
            // No JDK folder (another OS): the application's own Java runs the node.
        }
        return best == null ? fallback : best.toString();
    }

    /** The major version in a JDK's {@code release} file, 0 if it has none. */
    static int javaVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = v.startsWith("1.") ? v.substring(2) : v;
                    int end = 0;
                    while (end < major.length() && Character.isDigit(major.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(major.substring(0, end));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private void awaitHealthy() throws IOException {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        URI health = httpUri().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s");
        while (Instant.now().isBefore(deadline)) {
            if (launcher != null && !launcher.isAlive() && readPid().flatMap(ProcessHandle::of).isEmpty()) {
                throw new IOException("the node exited with code " + launcher.exitValue() + ":\n" + consoleTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // The port opens a few seconds after the JVM starts.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(250);
        }
        stop();
        throw new IOException("the node did not become healthy within " + settings.startTimeout().toSeconds()
                + " s:\n" + consoleTail());
    }

    private String consoleTail() {
        try {
            List<String> lines = Files.readAllLines(settings.workDir().resolve("logs/console.log"),
                    StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    /** A node left behind by a killed JVM holds the data folder's lock: end it before starting anew. */
    private void killStaleNode() {
        readPid().flatMap(ProcessHandle::of)
                .filter(p -> p.info().commandLine().map(c -> c.contains("elasticsearch")).orElse(false))
                .ifPresent(p -> {
                    log.warn("Stopping a stale Elasticsearch node (pid {}) left by an earlier run", p.pid());
                    terminate(p);
                });
    }

    private Path pidFile() {
        return settings.workDir().resolve("es.pid");
    }

    private Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureSystemUser() throws IOException {
        if (exec(List.of("id", "-u", SYSTEM_USER)) == 0) {
            return;
        }
        int code = exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                SYSTEM_USER));
        // 9: created meanwhile by a parallel start.
        if (code != 0 && code != 9) {
            throw new IOException("could not create the system user " + SYSTEM_USER + " (useradd exit " + code + ")");
        }
    }

    private static void chownRecursively(Path dir) throws IOException {
        int code = exec(List.of("chown", "-R", SYSTEM_USER + ":" + SYSTEM_USER, dir.toAbsolutePath().toString()));
        if (code != 0) {
            throw new IOException("chown of " + dir + " failed with exit " + code);
        }
        // The work dir may sit in a folder the user cannot list; it only needs to pass through it.
        Files.setPosixFilePermissions(dir, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
    }

    private static int exec(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            Files.createDirectories(to);
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
