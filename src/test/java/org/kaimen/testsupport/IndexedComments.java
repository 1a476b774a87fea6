package org.kaimen.testsupport;

import org.kaimen.analysis.elasticsearch.CommentIndex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciles PostgreSQL and the search index for one draft, as the fault tests check after an outage or a crash:
 * nothing missing, nothing extra, nothing stale.
 */
public final class IndexedComments {

    /**
     * One comment's state.
     *
     * @param version the row version in PostgreSQL; for a document, the row version it was last fully written at
     *                ({@link CommentIndex#rowVersion}: partial updates such as a campaign id do not count)
     */
    public record State(String status, long version) {
    }

    private IndexedComments() {
    }

    /** comment id → status and document version as the index has them (after a refresh) */
    public static Map<Long, State> indexed(ElasticsearchClient client, String alias, long draftId) {
        try {
            client.indices().refresh(r -> r.index(alias));
            var response = client.search(s -> s.index(alias).size(10_000).version(true)
                    .query(q -> q.term(t -> t.field("draftId").value(draftId))), Map.class);
            Map<Long, State> out = new HashMap<>();
            response.hits().hits().forEach(h -> out.put(Long.parseLong(h.id()),
                    new State(String.valueOf(h.source().get("status")), CommentIndex.rowVersion(h.version()))));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** comment id → status and row version in PostgreSQL */
    public static Map<Long, State> database(JdbcClient jdbc, long draftId) {
        Map<Long, State> out = new HashMap<>();
        jdbc.sql("SELECT id, status, row_version FROM comment WHERE draft_id = :d").param("d", draftId)
                .query((rs, i) -> out.put(rs.getLong(1), new State(rs.getString(2), rs.getLong(3)))).list();
        return out;
    }

    /**
     * What keeps the index from agreeing with the database: comments missing from it, documents it has that the
     * database does not, and documents not at their row's state (another status, or another row version).
     *
     * @return empty when they agree
     */
    public static List<String> differences(Map<Long, State> indexed, Map<Long, State> database) {
        List<String> out = new ArrayList<>();
        for (long id : new TreeSet<>(database.keySet())) {
            State row = database.get(id);
            State doc = indexed.get(id);
            if (doc == null) {
                out.add("missing " + id);
            } else if (!doc.status().equals(row.status()) || doc.version() != row.version()) {
                out.add("stale " + id + ": index " + doc + ", database " + row);
            }
        }
        for (long id : new TreeSet<>(indexed.keySet())) {
            if (!database.containsKey(id)) {
                out.add("extra " + id);
            }
        }
        return out;
    }

    /** A client of its own for a test that talks to the node without a Spring context; close its transport after. */
    public static ElasticsearchClient client(URI node) {
        RestClient rest = RestClient.builder(HttpHost.create(node.toString())).build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }
}
