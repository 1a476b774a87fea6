package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kaimen.App;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The production profile started the way an operator starts it, with one setting wrong each time: it stops at once,
 * before any bean is made, and says in one line what to fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksIT {

    /** A complete production command line, with some settings replaced ("key=value") or left out ("key="). */
    private static String[] prod(String... overrides) {
        java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        args.put("spring.profiles.active", "prod");
        args.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        args.put("spring.datasource.username", "postgres");
        args.put("spring.mail.host", "127.0.0.1");
        args.put("kaimen.mail.from", "noreply@rd.example.gov.cn");
        args.put("kaimen.base-url", "https://kaimen.example.gov.cn");
        args.put("server.port", "0");
        args.put("spring.main.banner-mode", "off");
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            if (kv[1].isEmpty()) {
                args.remove(kv[0]);
            } else {
                args.put(kv[0], kv[1]);
            }
        }
        return args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Test
    void anUnreachableDatabaseStopsTheStartWithOneLineNamingTheUrl(CapturedOutput output) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> SpringApplication.run(App.class,
                prod("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/kaimen")))
                .isInstanceOf(StartupChecks.Failed.class)
                .hasMessageStartingWith("Kaimen cannot start: PostgreSQL does not accept a connection at "
                        + "jdbc:postgresql://127.0.0.1:1/kaimen as user postgres: ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Kaimen cannot start: PostgreSQL does not accept a connection");
    }

    @Test
    void aMalformedDatabaseUrlIsNamedBeforeAnyConnectionIsTried() {
        assertThatThrownBy(() -> SpringApplication.run(App.class,
                prod("spring.datasource.url=postgresql://127.0.0.1/kaimen")))
                .isInstanceOf(StartupChecks.Failed.class)
                .hasMessageContaining("must look like jdbc:postgresql://host:5432/kaimen");
    }

    @Test
    void productionWithoutAMailServerStopsAndNamesTheVariable() {
        // application-prod.yml takes the mail server from KAIMEN_SMTP_HOST, which nobody set here.
        assertThatThrownBy(() -> SpringApplication.run(App.class, prod("spring.mail.host=")))
                .isInstanceOf(StartupChecks.Failed.class)
                .hasMessage("Kaimen cannot start: spring.mail.host is not set (environment variable KAIMEN_SMTP_HOST)");
    }

    @Test
    void aDatabaseWithAutovacuumOffIsWarnedAboutAndOneWithItOnIsNot() throws Exception {
        try (org.kaimen.testsupport.PrivatePostgres pg = org.kaimen.testsupport.PrivatePostgres.create();
             java.sql.Connection c = java.sql.DriverManager.getConnection(pg.jdbcUrl("postgres"), "postgres", null)) {
            assertThat(StartupChecks.autovacuumWarning(c)).as("initdb's default").isEmpty();

            try (java.sql.Statement s = c.createStatement()) {
                s.execute("ALTER SYSTEM SET autovacuum = off");
                s.execute("SELECT pg_reload_conf()");
            }
            // The postmaster rereads its configuration asynchronously; the setting shows once it has.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> StartupChecks.autovacuumWarning(c).isPresent());
            assertThat(StartupChecks.autovacuumWarning(c)).hasValueSatisfying(w -> assertThat(w)
                    .contains("autovacuum off").contains("ANALYZE"));
        }
    }
}
