package org.kaimen.shared.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

class DatabaseCreatorIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void aMissingDatabaseIsCreatedSoAFreshMachineNeedsNoManualStep() throws Exception {
        String name = "kaimen_creator_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        MockEnvironment env = new MockEnvironment()
                .withProperty("kaimen.datasource.create-if-missing", "true")
                .withProperty("spring.datasource.url", SERVER + name)
                .withProperty("spring.datasource.username", "postgres");
        try {
            new DatabaseCreator(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
            assertThat(exists(name)).isTrue();
            new DatabaseCreator(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
            assertThat(exists(name)).as("running twice is harmless").isTrue();
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void productionSwitchesCreationOff() throws Exception {
        String name = "kaimen_creator_off_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        MockEnvironment env = new MockEnvironment()
                .withProperty("kaimen.datasource.create-if-missing", "false")
                .withProperty("spring.datasource.url", SERVER + name);
        new DatabaseCreator(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
        assertThat(exists(name)).isFalse();
    }

    private static boolean exists(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            return rs.next();
        }
    }
}
