package org.kaimen.experts.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kaimen.experts.Consultation;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.Draw;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.ExpertStatus;
import org.kaimen.experts.Invitation;
import org.kaimen.experts.NewConsultation;
import org.kaimen.experts.YearRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Experts")
class ExpertsApi {

    record Created(long id) {
    }

    record Sent(int invited) {
    }

    record Adjustment(long expertId, String reason) {
    }

    record Recomputed(int round, List<Long> recorded, List<Long> recomputed, boolean same) {
    }

    private final ExpertService experts;
    private final ConsultationService consultations;

    ExpertsApi(ExpertService experts, ConsultationService consultations) {
        this.experts = experts;
        this.consultations = consultations;
    }

    @GetMapping("/experts")
    @Operation(summary = "Search the expert pool (staff; audited)")
    List<Expert> search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
                        @RequestParam(required = false) ExpertStatus status,
                        @RequestParam(defaultValue = "0") int page) {
        return experts.search(q, field, status, 100, Math.max(page, 0) * 100);
    }

    @PostMapping("/experts")
    @Operation(summary = "Add a candidate to the pool")
    Created create(@RequestBody ExpertForm form) {
        return new Created(experts.create(form));
    }

    @PutMapping("/experts/{id}")
    @Operation(summary = "Change an expert's details")
    ResponseEntity<Void> update(@PathVariable long id, @RequestBody ExpertForm form) {
        experts.update(id, form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/experts.xlsx")
    @Operation(summary = "The pool as a spreadsheet, also the import template")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("experts.xlsx")
                        .build().toString())
                .body(experts.exportXlsx(null, null, null));
    }

    @PostMapping(value = "/experts/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an .xlsx sheet; each row stands alone and refused rows are reported")
    ExpertService.ImportReport importXlsx(@RequestParam("file") MultipartFile file) throws java.io.IOException {
        return experts.importXlsx(file.getInputStream());
    }

    @GetMapping("/experts/records/{year}")
    @Operation(summary = "Every expert's year with dismissal and term warnings")
    List<YearRecord> records(@PathVariable int year) {
        return experts.yearRecords(year);
    }

    @PostMapping("/expert-consultations")
    @Operation(summary = "Set up a consultation of experts on a draft")
    Created createConsultation(@RequestBody NewConsultation c) {
        return new Created(consultations.create(c));
    }

    @GetMapping("/expert-consultations/{id}")
    Consultation consultation(@PathVariable long id) {
        return consultations.get(id);
    }

    @GetMapping("/expert-consultations/{id}/invitations")
    List<Invitation> invitations(@PathVariable long id) {
        return consultations.invitations(id);
    }

    @PostMapping("/expert-consultations/{id}/draw")
    @Operation(summary = "Draw the experts (proposed, not yet invited)")
    List<Long> draw(@PathVariable long id) {
        return consultations.draw(id);
    }

    @PostMapping("/expert-consultations/{id}/additions")
    ResponseEntity<Void> add(@PathVariable long id, @RequestBody Adjustment a) {
        consultations.add(id, a.expertId(), a.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/expert-consultations/{id}/removals")
    ResponseEntity<Void> remove(@PathVariable long id, @RequestBody Adjustment a) {
        consultations.remove(id, a.expertId(), a.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/expert-consultations/{id}/sending")
    @Operation(summary = "Mail the invitations to every proposed expert")
    Sent send(@PathVariable long id) {
        return new Sent(consultations.send(id));
    }

    @GetMapping("/expert-consultations/{id}/draws")
    List<Draw> draws(@PathVariable long id) {
        return consultations.draws(id);
    }

    @GetMapping("/expert-consultations/{id}/draws/{round}/recomputation")
    @Operation(summary = "Recompute a draw from its recorded seed and candidates")
    Recomputed recompute(@PathVariable long id, @PathVariable int round) {
        List<Long> recorded = consultations.draws(id).stream().filter(d -> d.round() == round).findFirst()
                .map(Draw::picked).orElse(List.of());
        List<Long> again = consultations.recompute(id, round);
        return new Recomputed(round, recorded, again, recorded.equals(again));
    }
}
