package org.kaimen.analysis.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.internal.ChineseSegmenter;
import org.kaimen.comments.IndexableComment;
import org.springframework.stereotype.Component;

/**
 * Comment documents in Elasticsearch. Document id = comment id, version = the comment's row version (external
 * versioning), so an event delivered twice or late can never overwrite a newer state.
 */
@Component
public class CommentIndex {

    /** Greater than any row version: a removed comment's tombstone wins over every earlier state. */
    static final long TOMBSTONE_VERSION = Long.MAX_VALUE / 2;
    /**
     * Partial updates (a campaign or the clusters, changed by other comments) go through Elasticsearch's update
     * API, which can only version internally: each one adds 1 to the document's version. A full write therefore
     * uses the row version shifted by these bits, so that the next change of the row still outranks any number of
     * partial updates made since (up to half a million after each of the row's two writes, the quick one and the
     * analysed one), instead of being refused as a conflict and leaving a stale document behind.
     */
    static final int PARTIAL_UPDATE_BITS = 20;

    /** The Elasticsearch version of a full write of a row at {@code rowVersion}. */
    public static long documentVersion(long rowVersion) {
        return rowVersion << PARTIAL_UPDATE_BITS;
    }

    /**
     * The Elasticsearch version of the analysed write of a row at {@code rowVersion}: above the quick write of the same
     * row and up to half a million partial updates after it.
     */
    public static long analysedVersion(long rowVersion) {
        return documentVersion(rowVersion) + (1L << (PARTIAL_UPDATE_BITS - 1));
    }

    /** The row version a document was fully written at, whatever partial updates followed. */
    public static long rowVersion(long documentVersion) {
        return documentVersion >> PARTIAL_UPDATE_BITS;
    }
    /**
     * Raw cosine similarity a comment needs to count as saying the same thing. bge-small-zh (quantized) puts
     * paraphrases at about 0.7 and merely related comments on the same subject below 0.6.
     */
    static final float SEMANTIC_MIN_SIMILARITY = 0.65f;
    private static final List<String> FACETS = List.of("stance", "channel", "status", "articleKey");

    private final ElasticsearchClient client;
    private final CommentIndexSetup setup;
    private final ChineseSegmenter segmenter;
    private final org.kaimen.analysis.internal.Embeddings embeddings;
    private final org.kaimen.analysis.internal.topics.TopicMembership topics;
    private final FacetSample facetSample;
    /** Matches are counted exactly up to this many; past it the total is an estimate. */
    private volatile int exactTotalUpTo;

    CommentIndex(ElasticsearchClient client, CommentIndexSetup setup, ChineseSegmenter segmenter,
                 org.kaimen.analysis.internal.Embeddings embeddings, org.kaimen.analysis.internal.topics.TopicMembership topics,
                 FacetSample facetSample,
                 @org.springframework.beans.factory.annotation.Value("${kaimen.analysis.exact-total-up-to:10000}")
                 int exactTotalUpTo) {
        this.exactTotalUpTo = exactTotalUpTo;
        this.client = client;
        this.facetSample = facetSample;
        this.topics = topics;
        this.setup = setup;
        this.segmenter = segmenter;
        this.embeddings = embeddings;
    }

    /** Writes one comment; a newer version already in the index is kept. @return false when the index had it */
    public boolean put(IndexableComment c, Long campaignId) throws IOException {
        return put(setup.alias(), c, campaignId);
    }

    public boolean put(String index, IndexableComment c, Long campaignId) throws IOException {
        return write(index, c, campaignId, documentVersion(c.rowVersion()));
    }

    /**
     * Writes a comment's document with what the slow analysis found: its sentence vector (stored by then), its
     * campaign and its topic clusters. It replaces the quick write of the same row version, because it is written
     * half-way up that version's range ({@link #analysedVersion}): above the quick write and any partial updates
     * since, below the next state of the row, which it therefore never overwrites. One index operation, as a single
     * write was before the quick write existed; when the quick write never happened, it is simply the first.
     */
    public void putAnalysed(IndexableComment c, Long campaignId) throws IOException {
        write(setup.alias(), c, campaignId, analysedVersion(c.rowVersion()));
    }

    /** The whole document at an external version; @return false when the index had this version or a newer one */
    private boolean write(String index, IndexableComment c, Long campaignId, long version) throws IOException {
        try {
            // require_alias: a write before the alias exists must fail (and be retried), not create a stray index
            // with dynamic mappings under the alias's name.
            boolean viaAlias = index.equals(setup.alias());
            client.index(i -> i.index(index).id(String.valueOf(c.id())).version(version)
                    .versionType(VersionType.External).requireAlias(viaAlias)
                    .document(document(c, campaignId, topics.of(c.id()),
                            embeddings.stored(c.id(), c.text()).orElse(null))));
            return true;
        } catch (ElasticsearchException | IOException e) {
            if (!isVersionConflict(e)) {
                throw e;
            }
            return false;
        }
    }

    /** Marks a comment as gone with a tombstone (a plain delete forgets its version after index.gc_deletes). */
    public void tombstone(long commentId) throws IOException {
        try {
            client.index(i -> i.index(setup.alias()).id(String.valueOf(commentId)).version(TOMBSTONE_VERSION)
                    .versionType(VersionType.External).requireAlias(true).document(Map.of("deleted", true)));
        } catch (ElasticsearchException | IOException e) {
            if (!isVersionConflict(e)) {
                throw e;
            }
        }
    }

    /** The index already holds this or a newer state: for an idempotent write that is success. */
    static boolean isVersionConflict(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.status() == 409;
        }
        return e instanceof org.elasticsearch.client.ResponseException re
                && re.getResponse().getStatusLine().getStatusCode() == 409;
    }

    /**
     * The quick writes of many comments in one bulk request, each at its row's document version (see
     * {@link #put(IndexableComment, Long)}). One request per comment cost the node more CPU than the submissions it
     * indexed at 500 comments/s; batched, the cost is shared. Version conflicts (the index has this state or a newer
     * one) count as done.
     */
    public void putAll(List<IndexableComment> comments, java.util.function.Function<IndexableComment, Long> campaignOf)
            throws IOException {
        Map<Long, String> texts = new java.util.HashMap<>();
        comments.forEach(c -> texts.put(c.id(), c.text()));
        bulk(setup.alias(), comments, campaignOf, embeddings.storedFor(texts));
    }

    /** Bulk write into a given index (a rebuild's new index, or the alias); version conflicts count as done. */
    public int bulk(String index, List<IndexableComment> comments, java.util.function.Function<IndexableComment, Long>
            campaignOf, Map<Long, float[]> vectors) throws IOException {
        if (comments.isEmpty()) {
            return 0;
        }
        BulkRequest.Builder b = new BulkRequest.Builder();
        Map<Long, List<Long>> clusters = topics.of(comments.stream().map(IndexableComment::id).toList());
        for (IndexableComment c : comments) {
            // Through the alias (quick writes) it must exist, as in write(); a rebuild names its new index.
            b.operations(op -> op.index(i -> i.index(index).id(String.valueOf(c.id()))
                    .version(documentVersion(c.rowVersion()))
                    .versionType(VersionType.External).requireAlias(index.equals(setup.alias()))
                    .document(document(c, campaignOf.apply(c), clusters.getOrDefault(c.id(), List.of()),
                            vectors.get(c.id())))));
        }
        BulkResponse response = client.bulk(b.build());
        int failed = 0;
        for (var item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                failed++;
            }
        }
        if (failed > 0) {
            throw new IOException(failed + " documents failed to index");
        }
        return comments.size();
    }

    public long count(String index) throws IOException {
        return client.count(c -> c.index(index).query(q -> q.bool(b -> b.mustNot(m -> m.term(t -> t.field("deleted")
                .value(true)))))).count();
    }

    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(setup.alias()));
    }

    public SearchResult search(CommentSearch s, List<String> queryVariants) throws IOException {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(f -> f.term(t -> t.field("draftId").value(s.draftId())));
        bool.mustNot(m -> m.term(t -> t.field("deleted").value(true)));
        term(bool, "articleKey", s.articleKey());
        term(bool, "stance", s.stance());
        term(bool, "channel", s.channel());
        term(bool, "status", s.status());
        if (s.version() != null) {
            bool.filter(f -> f.term(t -> t.field("version").value(s.version())));
        }
        if (s.hasProposal() != null) {
            bool.filter(f -> f.term(t -> t.field("hasProposal").value(s.hasProposal())));
        }
        if (s.campaignId() != null) {
            bool.filter(f -> f.term(t -> t.field("campaignId").value(s.campaignId())));
        }
        if (s.clusterId() != null) {
            bool.filter(f -> f.term(t -> t.field("clusterId").value(s.clusterId())));
        }
        if (s.from() != null || s.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("createdAt").timeZone("+08:00");
                if (s.from() != null) {
                    d.gte(s.from().toString());
                }
                if (s.to() != null) {
                    d.lte(s.to().toString());
                }
                return d;
            })));
        }
        BoolQuery filters = bool.build();
        boolean hasQuery = s.query() != null && !s.query().isBlank();
        // What counts as a match: words, bigrams or the proposed wording. The exact phrase in the text only ranks
        // (a phrase's bigrams all match the bigram clause), so counting and facets leave it out.
        List<Query> matching = new ArrayList<>();
        List<Query> ranking = new ArrayList<>();
        for (String variant : queryVariants) {
            // The phrase runs on bigrams when the query has two characters or more: a phrase of single characters
            // walks the positions of the commonest characters (物, 业) in every comment.
            String phraseField = characters(variant) >= 2 ? "text.bigram" : "text";
            ranking.add(Query.of(q -> q.matchPhrase(m -> m.field(phraseField).query(variant).boost(4f))));
            String words = segmenter.segmented(variant);
            if (!words.isBlank()) {
                matching.add(Query.of(q -> q.match(m -> m.field("words").query(words)
                        .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And).boost(2f))));
            }
            matching.add(Query.of(q -> q.match(m -> m.field("text.bigram").query(variant)
                    .minimumShouldMatch("2<75%"))));
            matching.add(Query.of(q -> q.matchPhrase(m -> m.field("proposedText").query(variant))));
        }
        Query match = hasQuery ? Query.of(q -> q.bool(b -> b.should(matching).minimumShouldMatch("1"))) : null;
        List<Query> scoring = new ArrayList<>(ranking);
        scoring.addAll(matching);
        Query scored = hasQuery ? Query.of(q -> q.bool(b -> b.should(scoring).minimumShouldMatch("1"))) : null;
        Query hitsQuery = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.bool(filters));
            if (scored != null) {
                b.must(scored);
            }
            return b;
        }));
        int size = Math.min(Math.max(s.size(), 1), 100);
        int from = Math.max(s.page(), 0) * size;
        String sort = s.sort() == null ? (hasQuery ? "RELEVANCE" : "NEWEST") : s.sort();
        // Highlights come from the text itself: every variant as a phrase, and each of its words (shingle fields
        // cannot be highlighted reliably).
        List<Query> marks = new ArrayList<>();
        for (String variant : queryVariants) {
            marks.add(Query.of(q -> q.matchPhrase(m -> m.field("text").query(variant))));
            for (String word : segmenter.words(variant)) {
                if (word.codePointCount(0, word.length()) >= 2 || word.matches("[A-Za-z0-9]+")) {
                    marks.add(Query.of(q -> q.matchPhrase(m -> m.field("text").query(word))));
                }
            }
        }
        Query highlightQuery = marks.isEmpty() ? null : Query.of(q -> q.bool(b -> b.should(marks)));
        float[] queryVector = hasQuery && s.semantic() ? embeddings.embed(s.query()) : null;
        int buckets = facetSample.buckets(s.draftId());
        // Two searches in one round trip. The page of hits counts its total only up to exactTotalUpTo, so
        // Elasticsearch can skip documents that cannot make the page; the facets count the matches apart, in a large
        // draft over a fixed slice of it (see FacetSample), since counting every match of a common word among a
        // million comments took seconds.
        var responses = client.msearch(m -> m
                .searches(h -> h.header(x -> x.index(setup.alias())).body(r -> {
                    if (queryVector != null) {
                        // Hybrid: the text query and the nearest sentence vectors both score; the result is their
                        // union.
                        List<Float> qv = new ArrayList<>();
                        for (float f : queryVector) {
                            qv.add(f);
                        }
                        r.knn(k -> k.field("vector").queryVector(qv).k(20).numCandidates(100)
                                .similarity(SEMANTIC_MIN_SIMILARITY).filter(f -> f.bool(filters)));
                    }
                    r.query(hitsQuery).from(from).size(size).trackTotalHits(t -> t.count(exactTotalUpTo));
                    switch (sort) {
                        case "OLDEST" -> r.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Asc)));
                        case "SUPPORTS" -> r.sort(o -> o.field(f -> f.field("supports").order(SortOrder.Desc)))
                                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
                        case "NEWEST" -> r.sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)));
                        default -> { }
                    }
                    if (highlightQuery != null) {
                        r.highlight(x -> x.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
                                .preTags("<mark>").postTags("</mark>")
                                .fields("text", f -> f.numberOfFragments(0).highlightQuery(highlightQuery)));
                    }
                    return r;
                }))
                .searches(h -> h.header(x -> x.index(setup.alias()))
                        .body(r -> facetsBody(r, facetQuery(filters, match, buckets)))), Map.class);
        var hitsResponse = result(responses.responses().get(0));
        var facetsResponse = result(responses.responses().get(1));
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (Hit<Map> h : hitsResponse.hits().hits()) {
            hits.add(hit(h));
        }
        var hitsTotal = hitsResponse.hits().total();
        boolean totalExact = hitsTotal == null || hitsTotal.relation()
                == co.elastic.clients.elasticsearch.core.search.TotalHitsRelation.Eq;
        long took = Math.max(hitsResponse.took(), facetsResponse.took());
        long total;
        Map<String, Map<String, Long>> facets;
        if (buckets == FacetSample.BUCKETS) {
            // The facets counted every match: their total is exact even past the page's limit.
            facets = facets(facetsResponse, 1);
            total = totalExact ? hitsTotal == null ? hits.size() : hitsTotal.value()
                    : facetsResponse.hits().total().value();
            totalExact = true;
        } else if (totalExact) {
            // Few matches in a large draft: counting all of them is cheap, and a sample would be needlessly rough.
            var exact = result(client.msearch(m -> m.searches(h -> h.header(x -> x.index(setup.alias()))
                    .body(r -> facetsBody(r, facetQuery(filters, match, FacetSample.BUCKETS)))), Map.class)
                    .responses().get(0));
            facets = facets(exact, 1);
            total = hitsTotal == null ? hits.size() : hitsTotal.value();
            took += exact.took();
        } else {
            double scale = (double) FacetSample.BUCKETS / buckets;
            facets = facets(facetsResponse, scale);
            total = Math.max(exactTotalUpTo, Math.round(facetsResponse.hits().total().value() * scale));
        }
        return new SearchResult(total, totalExact, hits, facets, took);
    }

    /** For tests that play a large draft with a few hundred comments; returns the previous value. */
    int exactTotalUpTo(int limit) {
        int previous = exactTotalUpTo;
        exactTotalUpTo = limit;
        return previous;
    }

    private static <T> co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem<T> result(
            co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem<T> item) throws IOException {
        if (item.isFailure()) {
            throw new IOException("search failed: " + item.failure().error().reason());
        }
        return item.result();
    }

    private static Query facetQuery(BoolQuery filters, Query match, int buckets) {
        return Query.of(q -> q.constantScore(c -> c.filter(f -> f.bool(b -> {
            b.filter(x -> x.bool(filters));
            if (match != null) {
                b.filter(match);
            }
            if (buckets < FacetSample.BUCKETS) {
                b.filter(x -> x.range(r -> r.number(n -> n.field("sample").lt((double) buckets))));
            }
            return b;
        }))));
    }

    private static co.elastic.clients.elasticsearch.core.msearch.MultisearchBody.Builder facetsBody(
            co.elastic.clients.elasticsearch.core.msearch.MultisearchBody.Builder r, Query query) {
        r.query(query).size(0).trackTotalHits(t -> t.enabled(true));
        for (String facet : FACETS) {
            r.aggregations(facet, a -> a.terms(t -> t.field(facet).size(500)));
        }
        return r;
    }

    private static Map<String, Map<String, Long>> facets(
            co.elastic.clients.elasticsearch.core.search.ResponseBody<?> response, double scale) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String facet : FACETS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (StringTermsBucket b : response.aggregations().get(facet).sterms().buckets().array()) {
                counts.put(b.key().stringValue(), Math.round(b.docCount() * scale));
            }
            facets.put(facet, counts);
        }
        return facets;
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(FieldValue.of(value))));
        }
    }

    private static SearchResult.Hit hit(Hit<Map> h) {
        Map<?, ?> d = h.source() == null ? Map.of() : h.source();
        String text = str(d.get("text"));
        String highlight = null;
        if (h.highlight() != null) {
            for (String field : List.of("text")) {
                List<String> parts = h.highlight().get(field);
                if (parts != null && !parts.isEmpty()) {
                    highlight = parts.get(0);
                    break;
                }
            }
        }
        if (highlight != null && highlight.contains("<mark>") && !highlightIsText(highlight, text)) {
            highlight = null;
        }
        return new SearchResult.Hit(Long.parseLong(h.id()), num(d.get("draftId")), numOrNull(d.get("provisionId")),
                str(d.get("articleKey")), str(d.get("provisionLabel")), str(d.get("stance")), str(d.get("channel")),
                str(d.get("status")), text, highlight, Boolean.TRUE.equals(d.get("hasProposal")),
                (int) num(d.get("supports")), d.get("createdAt") == null ? null
                : OffsetDateTime.parse(str(d.get("createdAt"))), numOrNull(d.get("campaignId")),
                numOrNull(d.get("clusterId") instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : d.get("clusterId")));
    }

    /** Characters that are neither space nor punctuation: what the bigram field makes pairs of. */
    static int characters(String s) {
        String bare = s.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}]", "");
        return bare.codePointCount(0, bare.length());
    }

    /** The words field highlights the segmented text (with spaces); only highlights of the text itself are shown. */
    private static boolean highlightIsText(String highlight, String text) {
        String plain = highlight.replace("<mark>", "").replace("</mark>", "").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x2F;", "/");
        return text != null && plain.equals(text);
    }

    /**
     * Comments of a draft whose vectors have at least the given cosine with a vector (kNN on the HNSW graph), for
     * the campaign detector once a draft is too large to scan in memory.
     */
    public List<Long> nearest(long draftId, long excludeId, float[] vector, double minCosine, int k)
            throws IOException {
        List<Float> query = new ArrayList<>(vector.length);
        for (float f : vector) {
            query.add(f);
        }
        // The graph scores quantized vectors, roughly: it gets a looser bound so that no close comment is lost, and
        // the returned score then decides.
        float loose = (float) Math.max(-1, minCosine - 0.1);
        double exact = (1 + minCosine) / 2;
        SearchResponse<Map> response = client.search(s -> s.index(setup.alias()).size(k).source(src -> src.fetch(false))
                .knn(n -> n.field("vector").queryVector(query).k(k).numCandidates(Math.max(100, 2 * k))
                        .similarity(loose)
                        .filter(f -> f.term(t -> t.field("draftId").value(draftId)))), Map.class);
        List<Long> out = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            long id = Long.parseLong(hit.id());
            // Cosine similarity scores (1 + cos) / 2.
            if (id != excludeId && hit.score() != null && hit.score() >= exact - 1e-6) {
                out.add(id);
            }
        }
        return out;
    }

    /** Sets a member's campaign after its campaign grew or merged; its next full write carries the same value. */
    public void setCampaign(long commentId, Long campaignId) throws IOException {
        Map<String, Object> doc = new HashMap<>();
        doc.put("campaignId", campaignId);
        try {
            client.update(u -> u.index(setup.alias()).id(String.valueOf(commentId)).retryOnConflict(5).doc(doc),
                    Map.class);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * Writes the cluster ids of many comments (partial updates; a comment's next full write carries the same
     * values, read from PostgreSQL). Comments not in the index yet are skipped: their first write includes them.
     */
    public void setClusters(Map<Long, List<Long>> clusterIds) throws IOException {
        if (clusterIds.isEmpty()) {
            return;
        }
        BulkRequest.Builder b = new BulkRequest.Builder();
        clusterIds.forEach((id, clusters) -> b.operations(op -> op.update(u -> u.index(setup.alias())
                .id(String.valueOf(id)).retryOnConflict(5).action(a -> a.doc(Map.of("clusterId", clusters))))));
        BulkResponse response = client.bulk(b.build());
        long failed = response.items().stream().filter(i -> i.error() != null && i.status() != 404).count();
        if (failed > 0) {
            throw new IOException(failed + " cluster updates failed");
        }
    }

    private Map<String, Object> document(IndexableComment c, Long campaignId, List<Long> clusterIds, float[] vector) {
        Map<String, Object> d = new HashMap<>();
        d.put("draftId", c.draftId());
        d.put("version", c.version());
        d.put("provisionId", c.provisionId());
        d.put("articleKey", c.articleKey());
        d.put("provisionLabel", c.provisionLabel());
        d.put("stance", c.stance().name());
        d.put("channel", c.channel().name());
        d.put("status", c.status().name());
        d.put("text", c.text());
        d.put("words", segmenter.segmented(c.text()));
        d.put("proposedText", c.proposedText());
        d.put("hasProposal", c.hasProposal());
        d.put("parentId", c.parentId());
        d.put("supports", c.supports());
        d.put("createdAt", c.createdAt().toString());
        d.put("authorKey", c.authorKey());
        d.put("disposition", c.disposition());
        d.put("campaignId", campaignId);
        d.put("clusterId", clusterIds);
        // Absent in the quick write: the analysed write of the same row adds it.
        d.put("vector", vector);
        d.put("sample", FacetSample.of(c.id()));
        d.put("deleted", false);
        d.values().removeIf(java.util.Objects::isNull);
        return d;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Long numOrNull(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
