package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ElasticsearchJvmIT {

    @Autowired
    RestClient elasticsearch;

    @Test
    void theManagedNodeRunsOnTheNewestSuitableJdkSoThatVectorWorkUsesSimd() throws Exception {
        JsonNode nodes = new ObjectMapper().readTree(elasticsearch.performRequest(new Request("GET", "/_nodes/jvm"))
                .getEntity().getContent()).path("nodes");
        JsonNode jvm = nodes.elements().next().path("jvm");
        String expected = ManagedElasticsearchNode.javaHome(Path.of(ManagedElasticsearchNode.JDK_FOLDER),
                System.getProperty("java.home"));
        int expectedVersion = ManagedElasticsearchNode.javaVersion(Path.of(expected));
        assertThat(jvm.path("version").asText()).startsWith(expectedVersion + ".");
        if (expectedVersion >= ManagedElasticsearchNode.VECTORIZED_JAVA) {
            // On this machine kind a Temurin JDK sits beside the application's Java 17.
            assertThat(jvm.path("input_arguments").toString())
                    .contains("-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=" + expectedVersion);
        }
    }
}
