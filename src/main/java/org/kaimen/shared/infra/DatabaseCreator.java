package org.kaimen.shared.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the PostgreSQL database named in {@code spring.datasource.url} when it does not exist yet, so that a fresh
 * machine needs no manual step. Production turns this off ({@code kaimen.datasource.create-if-missing=false}).
 */
public class DatabaseCreator implements EnvironmentPostProcessor, Ordered {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

    private final Log log;

    public DatabaseCreator(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseCreator.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.getProperty("kaimen.datasource.create-if-missing", Boolean.class, false)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url", "");
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return;
        }
        String database = m.group(2);
        String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(maintenanceUrl,
                env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"))) {
            if (!exists(c, database)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + database + "\" ENCODING 'UTF8' TEMPLATE template0");
                }
                log.info("Created the PostgreSQL database " + database);
            }
        } catch (SQLException e) {
            // Not fatal here: the DataSource reports the real problem with its own clear message.
            log.warn("Could not check or create the database " + database + ": " + e.getMessage());
        }
    }

    private static boolean exists(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
