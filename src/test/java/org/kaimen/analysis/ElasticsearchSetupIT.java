package org.kaimen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestServices;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ElasticsearchSetupIT {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    CommentIndexSetup setup;

    @Test
    void theTestRunTalksToARealManagedNode() throws Exception {
        assertThat(TestServices.elasticsearch().isRunning()).isTrue();
        String nodes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        TestServices.elasticsearch().httpUri().resolve("/_nodes/_local/settings")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(nodes).contains("\"version\":\"8.19.21\"").contains("\"cluster_name\":\"kaimen-test\"");
        assertThat(client.cluster().health().status().jsonValue()).isIn("green", "yellow");
    }

    @Test
    void theCommentIndexSitsBehindAPrefixedAliasWithConfiguredShardsAndReplicas() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(setup::isReady);
        assertThat(setup.alias()).isEqualTo("kaimen-test-comments");
        var aliases = client.indices().getAlias(a -> a.name("kaimen-test-comments"));
        assertThat(aliases.result()).hasSize(1);
        String index = aliases.result().keySet().iterator().next();
        var settings = client.indices().getSettings(s -> s.index(index)).get(index).settings().index();
        assertThat(settings.numberOfShards()).isEqualTo("1");
        assertThat(settings.numberOfReplicas()).isEqualTo("0");
    }

    @Test
    void theBigramAnalyzerTurnsChineseIntoOverlappingPairs() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(setup::isReady);
        var tokens = client.indices().analyze(a -> a.index(setup.alias()).analyzer("kaimen_bigram").text("物业费"))
                .tokens().stream().map(t -> t.token()).toList();
        assertThat(tokens).containsExactly("物业", "业费");
    }
}
