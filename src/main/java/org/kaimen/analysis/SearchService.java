package org.kaimen.analysis;

import java.io.IOException;
import java.util.List;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.internal.AnalysisMetrics;
import org.kaimen.analysis.internal.Synonyms;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The drafting group's search over comments: Chinese words, phrases and bigrams, synonyms, filters and facets. */
@Service
public class SearchService {

    private final CommentIndex index;
    private final Synonyms synonyms;
    private final AnalysisMetrics metrics;

    public SearchService(CommentIndex index, Synonyms synonyms, AnalysisMetrics metrics) {
        this.index = index;
        this.metrics = metrics;
        this.synonyms = synonyms;
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public SearchResult search(CommentSearch search) {
        return metrics.search(() -> run(search));
    }

    private SearchResult run(CommentSearch search) {
        try {
            String q = search.query() == null ? null : search.query().strip();
            List<String> variants = q == null || q.isEmpty() ? List.of() : synonyms.expand(q);
            return index.search(search, variants);
        } catch (IOException | RuntimeException e) {
            String detail = e instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException ee
                    ? String.valueOf(ee.error().rootCause()) : e.toString();
            org.slf4j.LoggerFactory.getLogger(SearchService.class).warn("Search failed: {}", detail);
            throw new KaimenException(HttpStatus.SERVICE_UNAVAILABLE, "analysis.error.unavailable");
        }
    }

    public List<String> synonyms() {
        return synonyms.lines();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void replaceSynonyms(List<String> lines) {
        synonyms.replace(lines);
    }
}
