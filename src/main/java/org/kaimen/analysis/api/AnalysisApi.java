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

    /** Cluster ids are strings so that the "unclustered" entry has the same shape as the others. */
    record ClusterJson(String id, String label, java.util.List<String> keywords, boolean frozen,
                       java.util.List<Long> commentIds) {
    }

    record Recomputed(int clusters) {
    }

    record ClusterEdit(String label, Boolean frozen) {
    }

    record MergeRequest(java.util.List<Long> clusterIds) {
    }

    record ClusterRef(long id) {
    }

    private final SearchService search;
    private final IndexAdmin admin;
    private final org.kaimen.analysis.CampaignService campaigns;
    private final org.kaimen.analysis.TopicService topics;
    private final org.springframework.context.MessageSource messages;

    AnalysisApi(SearchService search, IndexAdmin admin, org.kaimen.analysis.CampaignService campaigns,
                org.kaimen.analysis.TopicService topics, org.springframework.context.MessageSource messages) {
        this.topics = topics;
        this.messages = messages;
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

    @GetMapping("/drafts/{id}/clusters")
    @Operation(summary = "Topic clusters of a draft (no article) or of one article (staff), largest first",
            description = "The last entry, id \"unclustered\", lists the comments in no cluster. article is an "
                    + "article number (12) or key (a12).")
    java.util.List<ClusterJson> clusters(@PathVariable long id, @RequestParam(required = false) String article,
                                         java.util.Locale locale) {
        String scope = article == null || article.isBlank() ? org.kaimen.analysis.TopicCluster.DRAFT_SCOPE
                : article.matches("\\d+") ? "a" + article : article;
        java.util.List<ClusterJson> out = new java.util.ArrayList<>();
        topics.clusters(id, scope).forEach(c -> out.add(new ClusterJson(String.valueOf(c.id()), c.label(),
                c.keywords(), c.frozen(), c.commentIds())));
        out.add(new ClusterJson("unclustered", messages.getMessage("topics.unclustered", null, locale),
                java.util.List.of(), false, topics.unclustered(id, scope)));
        return out;
    }

    @PostMapping("/drafts/{id}/clusters/recompute")
    @Operation(summary = "Recompute a draft's topic clusters now (staff); frozen clusters stay as they are")
    Recomputed recompute(@PathVariable long id) {
        return new Recomputed(topics.recompute(id));
    }

    @GetMapping("/drafts/{id}/clusters/novel")
    @Operation(summary = "The novel-comments queue: comments far from every topic, most novel first (staff)")
    java.util.List<org.kaimen.analysis.NovelComment> novel(@PathVariable long id,
                                                            @RequestParam(defaultValue = "false") boolean seen,
                                                            @RequestParam(defaultValue = "100") int limit) {
        return topics.novel(id, seen, Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/comments/{commentId}/novel-seen")
    @Operation(summary = "Tick a comment off the novel-comments queue (staff)")
    ResponseEntity<Void> seen(@PathVariable long commentId) {
        topics.markSeen(commentId);
        return ResponseEntity.noContent().build();
    }

    @org.springframework.web.bind.annotation.PatchMapping("/clusters/{clusterId}")
    @Operation(summary = "Rename a cluster and/or freeze it (staff)")
    ClusterJson edit(@PathVariable long clusterId,
                     @org.springframework.web.bind.annotation.RequestBody ClusterEdit edit) {
        if (edit.label() != null) {
            topics.rename(clusterId, edit.label());
        }
        if (edit.frozen() != null) {
            topics.freeze(clusterId, edit.frozen());
        }
        var c = topics.cluster(clusterId);
        return new ClusterJson(String.valueOf(c.id()), c.label(), c.keywords(), c.frozen(), c.commentIds());
    }

    @PostMapping("/clusters/merge")
    @Operation(summary = "Merge clusters of one scope into the first (staff); the result is frozen")
    ClusterRef merge(@org.springframework.web.bind.annotation.RequestBody MergeRequest request) {
        return new ClusterRef(topics.merge(request.clusterIds() == null ? java.util.List.of() : request.clusterIds()));
    }

    @PostMapping("/clusters/{clusterId}/split")
    @Operation(summary = "Split a cluster in two by its members' vectors (staff); both halves are frozen")
    java.util.List<ClusterRef> split(@PathVariable long clusterId) {
        return topics.split(clusterId).stream().map(ClusterRef::new).toList();
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
