package org.kaimen.hearings.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.kaimen.hearings.Hearing;
import org.kaimen.hearings.HearingReport;
import org.kaimen.hearings.HearingService;
import org.kaimen.hearings.LotteryRecord;
import org.kaimen.hearings.Participation;
import org.kaimen.hearings.RegistrationForm;
import org.kaimen.hearings.Side;
import org.kaimen.hearings.TimelineStep;
import org.kaimen.hearings.internal.ReportDocuments;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hearings over HTTP: the public notice, registration, the lottery with everything needed to recompute it, and the
 * published report (JSON, .docx, .pdf). The timeline is for staff.
 */
@RestController
@RequestMapping("/api/v1/hearings")
@Tag(name = "Hearings")
class HearingsApi {

    private final HearingService hearings;
    private final ReportDocuments documents;

    HearingsApi(HearingService hearings, ReportDocuments documents) {
        this.hearings = hearings;
        this.documents = documents;
    }

    /** A hearing without the internal step dates: what the notice says. */
    record Notice(long id, long draftId, String title, String place, String onlineLink, String startsAt,
                  int speakerCapacity, int observerCapacity, String registrationClosesAt,
                  List<Map<String, Object>> matters) {
    }

    record Registered(int number) {
    }

    record RegistrationRequest(Participation role, String name, String email, String sector, String district,
                               String expertise, String keyPoints, Map<Long, Side> stances) {
    }

    @GetMapping
    @Operation(summary = "Announced hearings")
    List<Notice> list() {
        return hearings.publicHearings().stream().map(HearingsApi::notice).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A hearing's notice (公告)")
    Notice get(@PathVariable long id) {
        return notice(hearings.get(id));
    }

    @PostMapping("/{id}/registrations")
    @Operation(summary = "Register as speaker (with a stance on every matter and key points) or observer")
    ResponseEntity<Registered> register(@PathVariable long id, @RequestBody RegistrationRequest r,
                                        @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                        String language) {
        String locale = language != null && language.toLowerCase().startsWith("en") ? "en" : "zh-CN";
        int number = hearings.register(id, new RegistrationForm(r.role(), r.name(), r.email(), r.sector(),
                r.district(), r.expertise(), r.keyPoints(), r.stances(), locale));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(number));
    }

    @GetMapping("/{id}/lottery")
    @Operation(summary = "The seed, the input by registration number and the result, to recompute the draw")
    LotteryRecord lottery(@PathVariable long id) {
        return hearings.lottery(id).orElseThrow(() ->
                new KaimenException(HttpStatus.NOT_FOUND, "hearings.error.no-seed"));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The statutory timeline with warnings (staff)")
    List<TimelineStep> timeline(@PathVariable long id) {
        return hearings.timeline(id);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "The hearing report (听证报告), public once published")
    HearingReport report(@PathVariable long id) {
        return published(id);
    }

    @GetMapping("/{id}/report.docx")
    @Operation(summary = "The hearing report as a Word document")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        HearingReport r = published(id);
        return file(documents.docx(r), r.title() + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @GetMapping("/{id}/report.pdf")
    @Operation(summary = "The hearing report as PDF (A4)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        HearingReport r = published(id);
        return file(documents.pdf(r), r.title() + ".pdf", MediaType.APPLICATION_PDF_VALUE);
    }

    private HearingReport published(long id) {
        return hearings.report(id).orElseThrow(() -> new KaimenException(HttpStatus.NOT_FOUND,
                "hearings.error.not-found"));
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hearing-report"
                        + name.substring(name.lastIndexOf('.')) + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }

    private static Notice notice(Hearing h) {
        return new Notice(h.id(), h.draftId(), h.title(), h.place(), h.onlineLink(), h.startsAt().toString(),
                h.speakerCapacity(), h.observerCapacity(),
                h.registrationClosesAt() == null ? null : h.registrationClosesAt().toString(),
                h.matters().stream().map(m -> Map.<String, Object>of("id", m.id(), "title", m.title(),
                        "provisions", m.provisionLabels())).toList());
    }
}
