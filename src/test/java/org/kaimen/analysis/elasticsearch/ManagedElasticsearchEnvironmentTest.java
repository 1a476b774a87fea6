package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ManagedElasticsearchEnvironmentTest {

    private final ManagedElasticsearchEnvironment processor = new ManagedElasticsearchEnvironment();

    @Test
    void withoutAnExternalClusterTheAppPointsItsClientAtAManagedLoopbackNode() {
        MockEnvironment env = new MockEnvironment().withProperty("kaimen.elasticsearch.managed.enabled", "true");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.elasticsearch.uris")).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(env.getProperty("kaimen.elasticsearch.managed.active")).isEqualTo("true");
    }

    @Test
    void aConfiguredClusterIsUsedAsItIsAndNothingIsStarted() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("kaimen.elasticsearch.managed.enabled", "true")
                .withProperty("spring.elasticsearch.uris", "https://es.internal:9200");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.elasticsearch.uris")).isEqualTo("https://es.internal:9200");
        assertThat(env.getProperty("kaimen.elasticsearch.managed.active")).isNull();
    }

    @Test
    void productionNeverStartsANode() {
        MockEnvironment env = new MockEnvironment().withProperty("kaimen.elasticsearch.managed.enabled", "false");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("kaimen.elasticsearch.managed.active")).isNull();
    }
}
