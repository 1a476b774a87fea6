package org.kaimen.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.kaimen.analysis.internal.ChineseSegmenter;

/**
 * Compares the cost inside Elasticsearch of alternative shapes of the same clerk's search, one at a time on an idle
 * node, so that a design choice (exact totals, facets, phrase clauses) rests on a measurement, not a guess. Each
 * shape runs for every word, interleaved with the others, and the median and p95 of {@code took} are printed.
 */
final class SearchShapes {

    private SearchShapes() {
    }

    static void compare(ElasticsearchClient client, String index, long draftId, String[] words,
                        ChineseSegmenter segmenter, int rounds) throws Exception {
        Map<String, BiFunction<String, String, String>> shapes = new LinkedHashMap<>();
        String aggs = """
                "aggs": {"stance": {"terms": {"field": "stance", "size": 500}},
                         "channel": {"terms": {"field": "channel", "size": 500}},
                         "status": {"terms": {"field": "status", "size": 500}},
                         "articleKey": {"terms": {"field": "articleKey", "size": 500}}}""";
        shapes.put("one search: 4 clauses, exact total, 4 facets (before)", (w, seg) -> body(draftId, full(w, seg), "true", aggs, 10));
        shapes.put("4 clauses, exact total, no facets", (w, seg) -> body(draftId, full(w, seg), "true", null, 10));
        shapes.put("4 clauses, total to 1000, no facets", (w, seg) -> body(draftId, full(w, seg), "1000", null, 10));
        shapes.put("3 clauses (no text phrase), exact total, 4 facets",
                (w, seg) -> body(draftId, matchOnly(w, seg), "true", aggs, 10));
        shapes.put("count+facets only: 3 clauses as filter, size 0",
                (w, seg) -> body(draftId, "{\"constant_score\": {\"filter\": " + matchOnly(w, seg) + "}}", "true", aggs, 0));
        shapes.put("now, hits: 4 clauses, total to 10000, no facets",
                (w, seg) -> body(draftId, full(w, seg), "10000", null, 10));
        shapes.put("hits: 3 clauses, total to 10000, phrase rescores top 100",
                (w, seg) -> rescored(body(draftId, matchOnly(w, seg), "10000", null, 10), w, 100));
        shapes.put("hits: 3 clauses, total to 10000, no phrase at all",
                (w, seg) -> body(draftId, matchOnly(w, seg), "10000", null, 10));
        shapes.put("now, facets: 3 clauses as filter over slices 0-1 of 64, size 0", (w, seg) -> body(draftId,
                "{\"constant_score\": {\"filter\": {\"bool\": {\"filter\": [" + matchOnly(w, seg)
                        + ", {\"range\": {\"sample\": {\"lt\": 2}}}]}}}}", "true", aggs, 0));
        shapes.put("filters only, newest, exact total, 4 facets", (w, seg) -> """
                {"size": 20, "track_total_hits": true,
                 "query": {"bool": {"filter": [{"term": {"draftId": %d}}], "must_not": [{"term": {"deleted": true}}]}},
                 "sort": [{"createdAt": "desc"}], %s}""".formatted(draftId, aggs));
        shapes.put("filters only, newest, total to 1000, no facets", (w, seg) -> """
                {"size": 20, "track_total_hits": 1000,
                 "query": {"bool": {"filter": [{"term": {"draftId": %d}}], "must_not": [{"term": {"deleted": true}}]}},
                 "sort": [{"createdAt": "desc"}]}""".formatted(draftId));
        shapes.put("random_sampler p=0.02 facets, 3 clauses", (w, seg) -> """
                {"size": 0, "track_total_hits": false,
                 "query": {"bool": {"filter": [{"term": {"draftId": %d}}, %s], "must_not": [{"term": {"deleted": true}}]}},
                 "aggs": {"sample": {"random_sampler": {"probability": 0.02, "seed": 42}, %s}}}"""
                .formatted(draftId, matchOnly(w, seg), aggs));
        Map<String, List<Long>> took = new LinkedHashMap<>();
        shapes.keySet().forEach(k -> took.put(k, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (String w : words) {
                String seg = segmenter.segmented(w);
                for (var shape : shapes.entrySet()) {
                    String json = shape.getValue().apply(w, seg);
                    try {
                        var r = client.search(s -> s.index(index).requestCache(false)
                                .withJson(new StringReader(json)), Map.class);
                        if (round > 0) {
                            took.get(shape.getKey()).add(r.took());
                        }
                    } catch (Exception e) {
                        System.out.printf("BENCH shape %s failed: %s%n", shape.getKey(), e.getMessage());
                    }
                }
            }
        }
        for (var e : took.entrySet()) {
            List<Long> t = e.getValue();
            t.sort(Long::compare);
            if (t.isEmpty()) {
                continue;
            }
            System.out.printf("BENCH shape %-55s took p50 %4d ms, p95 %4d ms, max %4d ms (%d searches)%n", e.getKey(),
                    t.get(t.size() / 2), t.get((int) Math.ceil(t.size() * 0.95) - 1), t.get(t.size() - 1), t.size());
        }
    }

    private static String full(String w, String seg) {
        String phraseField = w.codePointCount(0, w.length()) >= 2 ? "text.bigram" : "text";
        return """
                {"bool": {"should": [
                  {"match_phrase": {"%s": {"query": "%s", "boost": 4}}},
                  {"match": {"words": {"query": "%s", "operator": "and", "boost": 2}}},
                  {"match": {"text.bigram": {"query": "%s", "minimum_should_match": "2<75%%"}}},
                  {"match_phrase": {"proposedText": {"query": "%s"}}}], "minimum_should_match": 1}}"""
                .formatted(phraseField, w, seg, w, w);
    }

    private static String matchOnly(String w, String seg) {
        return """
                {"bool": {"should": [
                  {"match": {"words": {"query": "%s", "operator": "and"}}},
                  {"match": {"text.bigram": {"query": "%s", "minimum_should_match": "2<75%%"}}},
                  {"match_phrase": {"proposedText": {"query": "%s"}}}], "minimum_should_match": 1}}"""
                .formatted(seg, w, w);
    }

    /** The exact phrase scored only among the first hits of the cheaper query, in a rescore window. */
    private static String rescored(String body, String w, int window) {
        String phraseField = w.codePointCount(0, w.length()) >= 2 ? "text.bigram" : "text";
        return body.substring(0, body.lastIndexOf('}')) + """
                , "rescore": {"window_size": %d, "query": {"rescore_query":
                    {"match_phrase": {"%s": {"query": "%s", "boost": 4}}}, "query_weight": 1, "rescore_query_weight": 1}}}"""
                .formatted(window, phraseField, w);
    }

    private static String body(long draftId, String must, String track, String aggs, int size) {
        return """
                {"size": %d, "track_total_hits": %s,
                 "query": {"bool": {"filter": [{"term": {"draftId": %d}}], "must_not": [{"term": {"deleted": true}}],
                                    "must": [%s]}},
                 "highlight": {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html",
                               "fields": {"text": {"number_of_fragments": 0}}}%s}"""
                .formatted(size, track, draftId, must, aggs == null ? "" : ", " + aggs);
    }
}
