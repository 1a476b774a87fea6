package org.kaimen.analysis.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.IndexStatus;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analysis")
class AnalysisApi {

    record RebuildResult(long comments) {
    }

    private final SearchService search;
    private final IndexAdmin admin;
    private final org.kaimen.analysis.CampaignService campaigns;

    AnalysisApi(SearchService search, IndexAdmin admin, org.kaimen.analysis.CampaignService campaigns) {
        this.search = search;
        this.admin = admin;
        this.campaigns = campaigns;
    }

    @GetMapping("/drafts/{id}/comments/search")
    @Operation(summary = "Search a draft's comments (staff): Chinese words and phrases, synonyms, filters, facets",
            description = "article is an article number (12) or key (a12). Highlights are HTML with the text "
                    + "escaped and matches in <mark>.")
    SearchResult search(@PathVariable long id, @RequestParam(required = false) String q,
                        @RequestParam(required = false) String article,
                        @RequestParam(required = false) String stance,
                        @RequestParam(required = false) String channel,
                        @RequestParam(required = false) String status,
                        @RequestParam(required = false) Integer version,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(required = false) Boolean hasProposal,
                        @RequestParam(required = false) Long campaign,
                        @RequestParam(required = false) Long cluster,
                        @RequestParam(required = false) String sort,
                        @RequestParam(defaultValue = "false") boolean semantic,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        String articleKey = article == null || article.isBlank() ? null
                : article.matches("\\d+") ? "a" + article : article;
        return search.search(new CommentSearch(id, q, version, articleKey, upper(stance), upper(channel),
                upper(status), from, to, hasProposal, campaign, cluster, upper(sort), page, size, semantic));
    }

    @GetMapping("/drafts/{id}/campaigns")
    @Operation(summary = "Form-letter campaigns of a draft, largest first (staff)")
    java.util.List<org.kaimen.analysis.Campaign> campaigns(@PathVariable long id) {
        return campaigns.campaigns(id);
    }

    @GetMapping("/admin/index")
    @Operation(summary = "Index lag, backlog and document counts (admin)")
    IndexStatus status() {
        return admin.status();
    }

    @PostMapping("/admin/index/rebuild")
    @Operation(summary = "Rebuild the comment index from PostgreSQL and swap the alias (admin)")
    ResponseEntity<RebuildResult> rebuild() {
        return ResponseEntity.ok(new RebuildResult(admin.rebuild()));
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase();
    }
}
