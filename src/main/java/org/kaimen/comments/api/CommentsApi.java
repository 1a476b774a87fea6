package org.kaimen.comments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentPage;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStats;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.ImportOutcome;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.comments.SubmittedComment;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Comments")
class CommentsApi {

    record Quote(Integer start, Integer end) {
    }

    record Author(String name, String email, String phone, String address) {
    }

    /** The request body of POST /api/v1/drafts/{id}/comments. */
    record CommentRequest(Long provisionId, String stance, String text, String proposedText, Quote quote,
                          String channel, String station, Author author, Boolean namePublic, Boolean privacyConsent,
                          Long parentId) {
    }

    record Receipt(long id, String receipt, CommentStatus status) {
    }

    record ChallengeJson(String challenge, int bits, String algorithm) {
    }

    record ReportRequest(String reason) {
    }

    private final CommentService comments;

    CommentsApi(CommentService comments) {
        this.comments = comments;
    }

    @PostMapping("/drafts/{id}/comments")
    @Operation(summary = "Comment on a provision, a span of it, or the whole draft",
            description = "Signed-in (HTTP Basic) or, where the draft allows it, anonymous with a solved challenge in "
                    + "the Kaimen-Challenge header. Staff may set channel and station for offline comments. "
                    + "A repeated request with the same Idempotency-Key returns the first comment.")
    ResponseEntity<Receipt> submit(@PathVariable long id, @RequestBody CommentRequest body,
                                   @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                   @RequestHeader(value = "Kaimen-Challenge", required = false) String challenge,
                                   HttpServletRequest request) {
        if (body == null) {
            throw new KaimenException(HttpStatus.BAD_REQUEST, "problem.http.400");
        }
        SubmittedComment result = comments.submit(new NewComment(id, body.provisionId(), stance(body.stance()),
                body.text(), body.proposedText(), body.quote() == null ? null : body.quote().start(),
                body.quote() == null ? null : body.quote().end(), channel(body.channel()), body.station(),
                body.author() == null ? null : new NewComment.Author(body.author().name(), body.author().email(),
                        body.author().phone(), body.author().address()),
                Boolean.TRUE.equals(body.namePublic()), key, request.getRemoteAddr(), challenge, body.parentId(),
                !Boolean.FALSE.equals(body.privacyConsent())));
        Receipt receipt = new Receipt(result.id(), result.receipt(), result.status());
        URI location = URI.create("/api/v1/drafts/" + id + "/comments/" + result.id());
        return result.created() ? ResponseEntity.created(location).body(receipt)
                : ResponseEntity.ok().location(location).body(receipt);
    }

    @GetMapping("/drafts/{id}/comments")
    @Operation(summary = "Comments of a draft: published and masked for the public, everything for staff (audited)")
    CommentPage<?> list(@PathVariable long id,
                        @Parameter(description = "provision id") @RequestParam(required = false) Long provision,
                        @RequestParam(required = false) String stance,
                        @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size) {
        if (isStaff()) {
            return comments.staffComments(id, provision, stance == null ? null : stance(stance),
                    status == null ? null : parse(CommentStatus.class, status, "comments.error.status"), page, size);
        }
        return comments.publicComments(id, provision, stance == null ? null : stance(stance), page, size);
    }

    @GetMapping("/drafts/{id}/comments/challenge")
    @Operation(summary = "A proof-of-work challenge for an anonymous comment",
            description = "Find a nonce such that SHA-256(challenge + \":\" + nonce) starts with `bits` zero bits, "
                    + "then send `challenge:nonce` in the Kaimen-Challenge header. Valid 30 minutes, once.")
    ChallengeJson challenge(@PathVariable long id) {
        var c = comments.challenge(id);
        return new ChallengeJson(c.token(), c.bits(), "SHA-256");
    }

    @GetMapping("/drafts/{id}/comments/stats")
    @Operation(summary = "Published comments per stance, channel, day and article")
    CommentStats stats(@PathVariable long id) {
        return comments.stats(id);
    }

    @PostMapping("/comments/{id}/supports")
    @Operation(summary = "+1 a published comment, once per account")
    ResponseEntity<Void> support(@PathVariable long id) {
        return comments.support(id) ? ResponseEntity.status(HttpStatus.CREATED).build()
                : ResponseEntity.ok().build();
    }

    @PostMapping("/comments/{id}/reports")
    @Operation(summary = "Report a comment to the moderators")
    ResponseEntity<Void> report(@PathVariable long id, @RequestBody(required = false) ReportRequest body,
                                HttpServletRequest request) {
        comments.report(id, body == null ? null : body.reason(), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping(value = "/drafts/{id}/comments/import", consumes = "multipart/form-data")
    @Operation(summary = "Import offline comments from .xlsx or .csv (staff)",
            description = "Every row is checked first. With problems nothing is imported (422 with the per-row "
                    + "report) unless acceptValid=true, which imports the valid rows.")
    ResponseEntity<ImportOutcome> importOffline(@PathVariable long id,
                                                @org.springframework.web.bind.annotation.RequestPart("file")
                                                org.springframework.web.multipart.MultipartFile file,
                                                @RequestParam(defaultValue = "false") boolean acceptValid)
            throws java.io.IOException {
        ImportOutcome outcome = comments.importOffline(id, file.getOriginalFilename(), file.getBytes(), acceptValid);
        return outcome.hasProblems() && !acceptValid ? ResponseEntity.unprocessableEntity().body(outcome)
                : ResponseEntity.ok(outcome);
    }

    @GetMapping("/comments/import-template.xlsx")
    @Operation(summary = "The spreadsheet template for offline comments (headers in the Accept-Language language)")
    ResponseEntity<byte[]> template(java.util.Locale locale) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"kaimen-comments-template.xlsx\"")
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(comments.importTemplate(locale));
    }

    private static Stance stance(String s) {
        if (s == null) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "comments.error.stance");
        }
        return parse(Stance.class, s, "comments.error.stance");
    }

    private static Channel channel(String s) {
        return s == null ? null : parse(Channel.class, s, "comments.error.channel-name");
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, key, value);
        }
    }

    private static boolean isStaff() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_DRAFTER") || a.getAuthority().equals("ROLE_ADMIN"));
    }
}
