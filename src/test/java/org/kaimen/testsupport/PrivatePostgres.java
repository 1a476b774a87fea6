package org.kaimen.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of one test's own, in a temp folder on a free port, for tests that stop and start the
 * database: the shared server at 127.0.0.1:5432 serves other test runs and is never touched. PostgreSQL refuses to
 * run as root, so when the tests run as root the cluster belongs to the {@code postgres} system user (runuser).
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("kaimen.test.postgres.bin", "/usr/lib/postgresql/15/bin"));
    private static final String OWNER = "postgres";

    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** initdb into a temp folder (trust authentication for the user postgres), then {@link #start()}. */
    public static PrivatePostgres create() {
        try {
            Path dir = Files.createTempDirectory("kaimen-pg-");
            PrivatePostgres pg = new PrivatePostgres(dir, TestServices.freePort());
            if (asRoot()) {
                pg.exec(List.of("chown", "-R", OWNER + ":" + OWNER, dir.toString()), false);
            }
            pg.exec(List.of(BIN.resolve("initdb").toString(), "-D", pg.data().toString(), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), true);
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server (again) on the same port and waits until it accepts connections. */
    public void start() {
        exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                "start"), true);
    }

    /**
     * Stops the server and waits until it is gone.
     *
     * @param mode {@code fast} (open transactions are rolled back, sessions ended) or {@code immediate} (as a crash:
     *             the next start recovers from the WAL)
     */
    public void stop(String mode) {
        exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", mode, "-w", "-t", "60",
                "stop"), true);
    }

    /** Stops the server if it runs and deletes its folder. */
    @Override
    public void close() {
        if (Files.exists(data().resolve("postmaster.pid"))) {
            exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w",
                    "stop"), true);
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp folder left behind is harmless.
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void exec(List<String> command, boolean asOwner) {
        List<String> full = new ArrayList<>();
        if (asOwner && asRoot()) {
            full.addAll(List.of("runuser", "-u", OWNER, "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
