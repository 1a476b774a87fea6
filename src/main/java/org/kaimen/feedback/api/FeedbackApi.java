package org.kaimen.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.Disposition;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionDetail;
import org.kaimen.feedback.Progress;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Feedback")
class FeedbackApi {

    /** One of commentIds, clusterId or campaignId says what the opinion is made of. */
    record NewOpinion(String summary, List<Long> commentIds, Long clusterId, Long campaignId) {
    }

    record Created(long id) {
    }

    record Members(List<Long> commentIds) {
    }

    record Proposal(Disposition disposition, String reason, Long changedProvisionId) {
    }

    record Note(String note) {
    }

    private final FeedbackService feedback;

    FeedbackApi(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/drafts/{id}/report")
    @Operation(summary = "The adoption report (征求意见情况及采纳情况说明): public once published; staff see the draft of it")
    AdoptionReport report(@PathVariable long id) {
        return feedback.published(id).orElseGet(() -> {
            if (!isStaff()) {
                throw new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.not-published");
            }
            return feedback.preview(id);
        });
    }

    @PostMapping("/drafts/{id}/report/publication")
    @Operation(summary = "Publish the report (staff); refused while a comment is in no approved opinion")
    ResponseEntity<Void> publish(@PathVariable long id) {
        feedback.publish(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/drafts/{id}/report/subscription")
    @Operation(summary = "Be told by e-mail when the report is published (signed-in citizens)")
    ResponseEntity<Void> subscribe(@PathVariable long id) {
        feedback.subscribe(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/drafts/{id}/progress")
    @Operation(summary = "The desk's progress on a draft (staff)")
    Progress progress(@PathVariable long id) {
        return feedback.progress(id);
    }

    @GetMapping("/drafts/{id}/opinions")
    @Operation(summary = "A draft's consolidated opinions (staff)")
    List<Opinion> opinions(@PathVariable long id) {
        return feedback.opinions(id);
    }

    @PostMapping("/drafts/{id}/opinions")
    @Operation(summary = "Create an opinion from comments, a topic cluster or a campaign (staff)")
    ResponseEntity<Created> create(@PathVariable long id, @RequestBody NewOpinion body) {
        long created = body.clusterId() != null ? feedback.createFromCluster(body.clusterId(), body.summary())
                : body.campaignId() != null ? feedback.createFromCampaign(id, body.campaignId(), body.summary())
                : feedback.create(id, body.summary(), body.commentIds() == null ? List.of() : body.commentIds(),
                "manual");
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
    }

    @GetMapping("/opinions/{id}")
    @Operation(summary = "An opinion with its comments, counts and record (staff)")
    OpinionDetail opinion(@PathVariable long id) {
        return feedback.detail(id);
    }

    @PostMapping("/opinions/{id}/members")
    @Operation(summary = "Move comments into this opinion (staff)")
    ResponseEntity<Void> move(@PathVariable long id, @RequestBody Members body) {
        feedback.move(body.commentIds() == null ? List.of() : body.commentIds(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/opinions/{id}/proposal")
    @Operation(summary = "Propose a disposition with its reason (staff)")
    ResponseEntity<Void> propose(@PathVariable long id, @RequestBody Proposal body) {
        feedback.propose(id, body.disposition(), body.reason(), body.changedProvisionId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/opinions/{id}/approval")
    @Operation(summary = "Approve the proposed disposition (a second clerk, not the proposer)")
    ResponseEntity<Void> approve(@PathVariable long id) {
        feedback.approve(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/opinions/{id}/return")
    @Operation(summary = "Send an opinion back to review with a note (staff)")
    ResponseEntity<Void> sendBack(@PathVariable long id, @RequestBody(required = false) Note body) {
        feedback.sendBack(id, body == null ? null : body.note());
        return ResponseEntity.noContent().build();
    }

    private static boolean isStaff() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_DRAFTER")
                || g.getAuthority().equals("ROLE_ADMIN"));
    }
}
