package org.kaimen.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kaimen.feedback.OpenData;
import org.kaimen.feedback.internal.export.OpenDataFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Open data of closed consultations, for anyone: pages keyed by a cursor (no ceiling on how far one pages) and bulk
 * downloads that stream the whole draft. 404 while the consultation is still open. Schema: docs/open-data.md.
 */
@RestController
@RequestMapping("/api/v1/open-data/drafts/{id}")
@Tag(name = "Open data")
class OpenDataApi {

    private static final String AFTER = "The next cursor of the previous page; leave out for the first page";
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final OpenData data;
    private final OpenDataFiles files;

    OpenDataApi(OpenData data, OpenDataFiles files) {
        this.data = data;
        this.files = files;
    }

    @GetMapping("/comments")
    @Operation(summary = "Published comments of a closed consultation, anonymised, in id order, one page",
            description = "Follow `next` (also in the Link header) until it is null. At most 1000 per page.")
    ResponseEntity<OpenData.Page<OpenData.CommentRecord>> comments(
            @PathVariable long id, @Parameter(description = AFTER) @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return paged(data.comments(id, after, limit), "/api/v1/open-data/drafts/" + id + "/comments", limit);
    }

    @GetMapping("/opinions")
    @Operation(summary = "Approved consolidated opinions of a closed consultation with their dispositions, one page")
    ResponseEntity<OpenData.Page<OpenData.OpinionRecord>> opinions(
            @PathVariable long id, @Parameter(description = AFTER) @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return paged(data.opinions(id, after, limit), "/api/v1/open-data/drafts/" + id + "/opinions", limit);
    }

    @GetMapping("/comments.json")
    @Operation(summary = "Every published comment of a closed consultation as one JSON array (streamed)")
    ResponseEntity<StreamingResponseBody> commentsJson(@PathVariable long id) {
        data.closedDraft(id);
        return download(MediaType.APPLICATION_JSON, "draft-" + id + "-comments.json",
                out -> files.commentsJson(id, out));
    }

    @GetMapping("/comments.csv")
    @Operation(summary = "Every published comment of a closed consultation as CSV (streamed)")
    ResponseEntity<StreamingResponseBody> commentsCsv(@PathVariable long id) {
        data.closedDraft(id);
        return download(CSV, "draft-" + id + "-comments.csv", out -> files.commentsCsv(id, out));
    }

    @GetMapping("/opinions.json")
    @Operation(summary = "Every approved opinion of a closed consultation with its disposition, as JSON")
    ResponseEntity<StreamingResponseBody> opinionsJson(@PathVariable long id) {
        data.closedDraft(id);
        return download(MediaType.APPLICATION_JSON, "draft-" + id + "-opinions.json",
                out -> files.opinionsJson(id, out));
    }

    @GetMapping("/opinions.csv")
    @Operation(summary = "Every approved opinion of a closed consultation with its disposition, as CSV")
    ResponseEntity<StreamingResponseBody> opinionsCsv(@PathVariable long id) {
        data.closedDraft(id);
        return download(CSV, "draft-" + id + "-opinions.csv", out -> files.opinionsCsv(id, out));
    }

    private static <T> ResponseEntity<OpenData.Page<T>> paged(OpenData.Page<T> page, String path, int limit) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            ok.header(HttpHeaders.LINK, "<" + path + "?after=" + page.next() + "&limit=" + limit + ">; rel=\"next\"");
        }
        return ok.body(page);
    }

    private static ResponseEntity<StreamingResponseBody> download(MediaType type, String filename,
                                                                   StreamingResponseBody body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename)
                        .build().toString())
                .body(body);
    }
}
