package org.kaimen.shared.infra;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Checks the configuration before any bean is made, so that an operator who got a setting wrong reads one line that
 * names it ("Kaimen cannot start: ...") instead of a page of stack trace from deep inside the connection pool or the
 * mail sender. Checked: the database URL and that PostgreSQL answers on it, the mail server and sender address
 * (every mail goes through the outbox, so a missing sender would only show as mails that never leave), and the base
 * URL that links in mails are built from. Elasticsearch is deliberately not checked: when it is down comments are
 * still accepted and indexed later, and the health endpoint shows it.
 */
public class StartupChecks implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StartupChecks.class);
    private static final Pattern DB_URL = Pattern.compile("^jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?$");
    private static final Pattern ADDRESS = Pattern.compile("^(.*<)?[^@<>\\s]+@[^@<>\\s]+\\.[^@<>\\s]+>?$");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // First thing in the refresh, before configuration classes are read (their conditions resolve settings) and
        // before any bean: by then every initializer (tests' too) has set its properties.
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                check(context.getEnvironment());
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
                // Nothing: the check ran above.
            }
        });
    }

    static void check(Environment env) {
        if (!env.getProperty("kaimen.startup-checks.enabled", Boolean.class, true)) {
            return;
        }
        List<String> problems = configurationProblems(env);
        if (problems.isEmpty()) {
            databaseProblem(env).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new Failed(String.join("; ", problems));
        }
    }

    /** What is wrong with the settings, one phrase each (empty when all is well); no network access. */
    public static List<String> configurationProblems(Environment env) {
        boolean prod = Arrays.asList(env.getActiveProfiles()).contains("prod");
        List<String> problems = new ArrayList<>();
        String db = setting(env, "spring.datasource.url", "KAIMEN_DB_URL", problems);
        if (db != null && !DB_URL.matcher(db).matches()) {
            problems.add("the database URL (spring.datasource.url / KAIMEN_DB_URL) must look like "
                    + "jdbc:postgresql://host:5432/kaimen, not '" + db + "'");
        }
        setting(env, "spring.mail.host", "KAIMEN_SMTP_HOST", problems);
        String from = setting(env, "kaimen.mail.from", "KAIMEN_MAIL_FROM", problems);
        if (from != null && !ADDRESS.matcher(from.strip()).matches()) {
            problems.add("the mail sender (kaimen.mail.from / KAIMEN_MAIL_FROM) must be an address such as "
                    + "\"开门立法 <noreply@rd.example.gov.cn>\", not '" + from + "'");
        }
        String base = setting(env, "kaimen.base-url", "KAIMEN_BASE_URL", problems);
        if (base != null) {
            URI uri = parse(base);
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problems.add("the base URL (kaimen.base-url / KAIMEN_BASE_URL) must be an absolute http(s) URL such "
                        + "as https://kaimen.example.gov.cn, not '" + base + "'");
            } else if (prod && isLocal(uri.getHost())) {
                problems.add("the base URL (kaimen.base-url / KAIMEN_BASE_URL) is " + base
                        + ": links in mails would point at the citizen's own computer");
            }
        }
        return problems;
    }

    /** Whether PostgreSQL answers at the configured URL with the configured user. */
    static java.util.Optional<String> databaseProblem(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        DriverManager.setLoginTimeout(env.getProperty("kaimen.startup-checks.database-timeout-seconds",
                Integer.class, 10));
        try (Connection c = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                env.getProperty("spring.datasource.password"))) {
            autovacuumWarning(c).ifPresent(LOG::warn);
            return java.util.Optional.empty();
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return java.util.Optional.of("PostgreSQL does not accept a connection at " + url + " as user "
                    + env.getProperty("spring.datasource.username") + ": " + message.lines().findFirst().orElse(""));
        }
    }

    /**
     * PostgreSQL's autovacuum also keeps the planner's statistics. Without them a table that grew since its last
     * ANALYZE looks empty, and the planner may take the smallest index instead of the right one: in the load
     * benchmark the repeat check then read every comment of the draft, and the accepted rate fell by a third.
     * Not a reason to refuse to start (an operator may analyse by hand), but worth a line in the log.
     */
    static java.util.Optional<String> autovacuumWarning(Connection c) {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SHOW autovacuum")) {
            return rs.next() && "off".equalsIgnoreCase(rs.getString(1))
                    ? java.util.Optional.of("PostgreSQL runs with autovacuum off: table statistics will go stale and "
                    + "query plans with them; turn it on (the default) or run ANALYZE regularly")
                    : java.util.Optional.empty();
        } catch (SQLException e) {
            return java.util.Optional.empty();
        }
    }

    private static String setting(Environment env, String key, String variable, List<String> problems) {
        String value;
        try {
            value = env.getProperty(key);
        } catch (IllegalArgumentException unresolved) {
            // application-prod.yml reads it from an environment variable that is not set.
            value = null;
        }
        if (value == null || value.isBlank()) {
            problems.add(key + " is not set (environment variable " + variable + ")");
            return null;
        }
        return value.strip();
    }

    private static URI parse(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("0.0.0.0");
    }

    /** The failed check; its message is the whole story. */
    public static class Failed extends IllegalStateException {
        Failed(String message) {
            super("Kaimen cannot start: " + message);
        }
    }

    /** Prints the failed check as Spring Boot's "APPLICATION FAILED TO START" block, without a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<Failed> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Failed cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Set the named setting (see docs/operations.md, 'Settings') and start again.", cause);
        }
    }
}
