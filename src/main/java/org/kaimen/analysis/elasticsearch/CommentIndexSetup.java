package org.kaimen.analysis.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
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
 * (comments are still accepted into PostgreSQL), so this keeps trying in the background until it succeeds. Each
 * index carries its mapping version in {@code _meta}; an older one is rebuilt from PostgreSQL.
 */
@Component
public class CommentIndexSetup {

    public static final String NAME = "comments";
    /** Raise when the mapping below changes: existing installations then rebuild their index once. */
    public static final int MAPPING_VERSION = 5;
    private static final Logger log = LoggerFactory.getLogger(CommentIndexSetup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final org.elasticsearch.client.RestClient restClient;
    private final IndexProperties properties;
    private final Clock clock;
    private final AtomicBoolean ready = new AtomicBoolean();
    private volatile boolean outdated;

    CommentIndexSetup(ElasticsearchClient client, org.elasticsearch.client.RestClient restClient,
                      IndexProperties properties, Clock clock, ObjectProvider<ManagedElasticsearchNode> managedNode) {
        this.client = client;
        this.restClient = restClient;
        this.properties = properties;
        this.clock = clock;
        // Creating the managed node (dev) starts it, so it is up before the first attempt.
        managedNode.ifAvailable(node -> { });
    }

    public String alias() {
        return properties.alias(NAME);
    }

    public boolean isReady() {
        return ready.get();
    }

    /** Whether the live index has an older mapping and waits for a rebuild. */
    public boolean isOutdated() {
        return outdated;
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
            Optional<String> current = currentIndex();
            if (current.isEmpty()) {
                String index = createIndex();
                client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(index).alias(alias())
                        .isWriteIndex(true))));
                log.info("Created Elasticsearch index {} behind alias {}", index, alias());
            } else {
                outdated = mappingVersion(current.get()) < MAPPING_VERSION;
                if (outdated) {
                    log.warn("Index {} has an older mapping; it will be rebuilt from PostgreSQL", current.get());
                }
            }
            ready.set(true);
        } catch (IOException | RuntimeException e) {
            log.warn("Elasticsearch not ready for index setup ({}); will retry", e.getMessage());
        }
        return ready.get();
    }

    public void markRebuilt() {
        outdated = false;
    }

    /** The concrete index behind the alias, if any. */
    public Optional<String> currentIndex() throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias())).value()) {
            return Optional.empty();
        }
        GetAliasResponse aliases = client.indices().getAlias(a -> a.name(alias()));
        return aliases.result().keySet().stream().findFirst();
    }

    /** Creates a fresh, empty index with the current mapping, not yet behind the alias. */
    public String createIndex() throws IOException {
        return createIndex(false);
    }

    /**
     * Creates a fresh, empty index, not yet behind the alias. One made for a bulk load is not refreshed and does not
     * sync its translog on every request until {@link #finishBulkLoad} is called: nobody searches it yet, each refresh
     * would cut a small segment that merging must then rewrite, and a crash during the load only fails the rebuild,
     * which leaves the live index as it was.
     */
    public String createIndex(boolean bulkLoad) throws IOException {
        String index = alias() + "-v" + MAPPING_VERSION + "-" + STAMP.format(clock.instant().atZone(clock.getZone()));
        // Sent as written: the typed client of this version rejects mapping options it does not know yet (such as
        // rescore_vector), which the server takes.
        org.elasticsearch.client.Request create = new org.elasticsearch.client.Request("PUT", "/" + index);
        create.setJsonEntity(indexDefinition(bulkLoad));
        restClient.performRequest(create);
        return index;
    }

    /** Makes an index made for a bulk load an ordinary one: durable, refreshed, searchable. */
    public void finishBulkLoad(String index) throws IOException {
        org.elasticsearch.client.Request settings = new org.elasticsearch.client.Request("PUT", "/" + index + "/_settings");
        settings.setJsonEntity("""
                {"index": {"refresh_interval": "1s", "translog.durability": "request"}}""");
        restClient.performRequest(settings);
        restClient.performRequest(new org.elasticsearch.client.Request("POST", "/" + index + "/_flush"));
        restClient.performRequest(new org.elasticsearch.client.Request("POST", "/" + index + "/_refresh"));
    }

    private int mappingVersion(String index) throws IOException {
        // Read as plain JSON for the same reason as createIndex: the typed client cannot parse the vector options.
        var response = restClient.performRequest(new org.elasticsearch.client.Request("GET", "/" + index + "/_mapping"));
        var meta = JSON.readTree(response.getEntity().getContent()).path(index).path("mappings").path("_meta");
        return meta.has("version") ? meta.get("version").asInt() : 1;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The sentence vectors keep the default int8 HNSW: BBQ with rescoring was tried and made a million-comment
     * rebuild slower (755 comments/s on a quiet machine against 985/s with int8 on a busy one, docs/benchmarks.md).
     * {@code sample} is the comment's facet slice ({@link FacetSample}).
     */
    String indexDefinition(boolean bulkLoad) {
        return """
                {
                  "settings": {
                    "number_of_shards": %d,
                    "number_of_replicas": %d,
                    "refresh_interval": "%s",
                    "translog": {"durability": "%s"},
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
                    "_meta": {"version": %d},
                    "properties": {
                      "draftId": {"type": "long"},
                      "version": {"type": "integer"},
                      "provisionId": {"type": "long"},
                      "articleKey": {"type": "keyword"},
                      "provisionLabel": {"type": "keyword"},
                      "stance": {"type": "keyword"},
                      "channel": {"type": "keyword"},
                      "status": {"type": "keyword"},
                      "text": {
                        "type": "text", "analyzer": "standard",
                        "fields": {"bigram": {"type": "text", "analyzer": "kaimen_bigram"}}
                      },
                      "words": {"type": "text", "analyzer": "whitespace"},
                      "proposedText": {"type": "text", "analyzer": "standard"},
                      "hasProposal": {"type": "boolean"},
                      "parentId": {"type": "long"},
                      "supports": {"type": "integer"},
                      "createdAt": {"type": "date"},
                      "authorKey": {"type": "keyword"},
                      "campaignId": {"type": "long"},
                      "clusterId": {"type": "long"},
                      "disposition": {"type": "keyword"},
                      "vector": {"type": "dense_vector", "dims": 512, "index": true, "similarity": "cosine"},
                      "sample": {"type": "byte", "doc_values": false},
                      "deleted": {"type": "boolean"}
                    }
                  }
                }
                """.formatted(properties.shards(), properties.replicas(), bulkLoad ? "-1" : "1s",
                        bulkLoad ? "async" : "request", MAPPING_VERSION);
    }
}
