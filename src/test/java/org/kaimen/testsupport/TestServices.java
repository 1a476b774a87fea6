package org.kaimen.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.kaimen.analysis.elasticsearch.ManagedElasticsearchNode;

/**
 * The real services of one test run, started once on first use and shared by every Spring test class: a fresh
 * {@code kaimen_test} database, one managed Elasticsearch node in a temp folder, and GreenMail (SMTP and IMAP).
 */
public final class TestServices {

    public static final String DATABASE = "kaimen_test";
    /**
     * The database of this run: {@value #DATABASE} unless {@code -Dkaimen.test.database} names another, so a benchmark
     * (or a second checkout) can run beside the suite without dropping its database.
     */
    public static final String DATABASE_IN_USE = System.getProperty("kaimen.test.database", DATABASE);
    public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/";

    private static ManagedElasticsearchNode elasticsearch;
    private static GreenMail greenMail;
    private static ServerSetup[] mailSetup;
    private static boolean started;

    private TestServices() {
    }

    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        if (!DATABASE_IN_USE.equals(DATABASE)) {
            // Read by Spring Boot (and the DatabaseCreator that runs before any context customizer) over the yml.
            System.setProperty("spring.datasource.url", PG_URL + DATABASE_IN_USE);
        }
        recreateDatabase();
        startMail();
        startElasticsearch();
        Runtime.getRuntime().addShutdownHook(new Thread(TestServices::stopAll, "test-services-stop"));
        started = true;
    }

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    public static synchronized ManagedElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public static int smtpPort() {
        return mailSetup[0].getPort();
    }

    public static int imapPort() {
        return mailSetup[1].getPort();
    }

    /** Stops SMTP and IMAP, as a mail server outage. */
    public static synchronized void stopMail() {
        greenMail.stop();
    }

    /** Starts the mail server again on the same ports, with an empty mailbox. */
    public static synchronized void startMailAgain() {
        greenMail = new GreenMail(mailSetup);
        greenMail.start();
    }

    private static void recreateDatabase() {
        dropDatabase(DATABASE_IN_USE);
    }

    /** Drops a database of the shared server, with whatever is still connected to it. */
    public static void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(PG_URL + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at 127.0.0.1:5432: " + e.getMessage(), e);
        }
    }

    private static void startMail() {
        mailSetup = new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)};
        greenMail = new GreenMail(mailSetup);
        greenMail.start();
    }

    private static void startElasticsearch() {
        String dist = System.getProperty("kaimen.elasticsearch.managed.distribution",
                "target/elasticsearch/elasticsearch-8.19.21");
        try {
            Path work = Files.createTempDirectory("kaimen-es-test-");
            elasticsearch = new ManagedElasticsearchNode(new ManagedElasticsearchNode.Settings(
                    Path.of(dist), work, 0, System.getProperty("kaimen.test.elasticsearch.heap", "512m"), "kaimen-test",
                    Duration.ofMinutes(3)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        elasticsearch.start();
    }

    private static synchronized void stopAll() {
        if (elasticsearch != null) {
            elasticsearch.stop();
            try {
                deleteQuietly(elasticsearch.workDir());
            } catch (IOException ignored) {
                // A temp folder left behind is harmless.
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
