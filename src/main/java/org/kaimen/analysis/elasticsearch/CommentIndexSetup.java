package org.kaimen.analysis.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes sure the comment index and its alias exist. Elasticsearch being down must not stop the application
 * (comments are still accepted into PostgreSQL), so this keeps trying in the background until it succeeds.
 */
@Component
public class CommentIndexSetup {

    public static final String NAME = "comments";
    private static final Logger log = LoggerFactory.getLogger(CommentIndexSetup.class);

    private final ElasticsearchClient client;
    private final IndexProperties properties;
    private final AtomicBoolean ready = new AtomicBoolean();

    CommentIndexSetup(ElasticsearchClient client, IndexProperties properties,
                      ObjectProvider<ManagedElasticsearchNode> managedNode) {
        this.client = client;
        this.properties = properties;
        // Creating the managed node (dev) starts it, so it is up before the first attempt.
        managedNode.ifAvailable(node -> { });
    }

    public String alias() {
        return properties.alias(NAME);
    }

    public boolean isReady() {
        return ready.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        ensureIndex();
    }

    @Scheduled(fixedDelayString = "${kaimen.elasticsearch.setup-retry:PT10S}", initialDelayString = "PT10S")
    void retry() {
        if (!ready.get()) {
            ensureIndex();
        }
    }

    /** @return whether the alias exists now */
    public synchronized boolean ensureIndex() {
        if (ready.get()) {
            return true;
        }
        try {
            if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
                String index = alias() + "-000001";
                client.indices().create(c -> c.index(index)
                        .withJson(new StringReader(indexDefinition()))
                        .aliases(alias(), a -> a.isWriteIndex(true)));
                log.info("Created Elasticsearch index {} behind alias {}", index, alias());
            }
            ready.set(true);
        } catch (IOException | RuntimeException e) {
            log.warn("Elasticsearch not ready for index setup ({}); will retry", e.getMessage());
        }
        return ready.get();
    }

    String indexDefinition() {
        return """
                {
                  "settings": {
                    "number_of_shards": %d,
                    "number_of_replicas": %d,
                    "analysis": {
                      "filter": {
                        "cjk_bigram_shingle": {
                          "type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2,
                          "output_unigrams": false, "token_separator": ""
                        }
                      },
                      "analyzer": {
                        "kaimen_bigram": {
                          "type": "custom", "tokenizer": "standard",
                          "filter": ["lowercase", "cjk_bigram_shingle"]
                        }
                      }
                    }
                  },
                  "mappings": {
                    "dynamic": "strict",
                    "properties": {
                      "draftId": {"type": "long"},
                      "text": {
                        "type": "text", "analyzer": "standard",
                        "fields": {"bigram": {"type": "text", "analyzer": "kaimen_bigram"}}
                      },
                      "createdAt": {"type": "date"}
                    }
                  }
                }
                """.formatted(properties.shards(), properties.replicas());
    }
}
