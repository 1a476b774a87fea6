package org.kaimen.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@IntegrationTest
class HealthIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void healthReportsDatabaseElasticsearchAndMailUpWithoutSigningIn() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("elasticsearch").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mail").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void healthHidesDetailsFromAnonymousCallers() {
        JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
        assertThat(health.path("components").path("db").has("details")).isFalse();
    }
}
