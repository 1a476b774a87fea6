package org.kaimen.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.feedback.internal.export.ReportExports;
import org.kaimen.feedback.internal.export.ReportExports.Format;
import org.kaimen.shared.web.KaimenException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The adoption report to download. Same visibility as {@code GET /api/v1/drafts/{id}/report}: public once published,
 * before that a preview for staff (DRAFTER, ADMIN) and 404 for everyone else. Anonymised; an administrator may ask
 * for the comment table with the authors' names and contact details ({@code names=true}, audited), anyone else who
 * asks gets 403.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Feedback")
class ReportExportApi {

    private static final String NAMES = "Add the authors’ name, e-mail and phone (administrators only; audited)";

    private final FeedbackService feedback;
    private final ReportExports exports;

    ReportExportApi(FeedbackService feedback, ReportExports exports) {
        this.feedback = feedback;
        this.exports = exports;
    }

    @GetMapping("/drafts/{id}/report.docx")
    @Operation(summary = "The adoption report as a Word document (征求意见情况及采纳情况说明)")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return export(id, Format.DOCX, false);
    }

    @GetMapping("/drafts/{id}/report.pdf")
    @Operation(summary = "The adoption report as a print-ready PDF (A4)")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return export(id, Format.PDF, false);
    }

    @GetMapping("/drafts/{id}/report.xlsx")
    @Operation(summary = "Every comment with its opinion and disposition as a spreadsheet (意见汇总表)")
    ResponseEntity<byte[]> xlsx(@PathVariable long id,
                                @Parameter(description = NAMES) @RequestParam(defaultValue = "false") boolean names) {
        return export(id, Format.XLSX, names);
    }

    @GetMapping("/drafts/{id}/report.csv")
    @Operation(summary = "Every comment with its opinion and disposition as CSV (UTF-8 with BOM)")
    ResponseEntity<byte[]> csv(@PathVariable long id,
                               @Parameter(description = NAMES) @RequestParam(defaultValue = "false") boolean names) {
        return export(id, Format.CSV, names);
    }

    private ResponseEntity<byte[]> export(long id, Format format, boolean names) {
        AdoptionReport report = feedback.published(id).orElseGet(() -> {
            if (!hasRole("ROLE_DRAFTER") && !hasRole("ROLE_ADMIN")) {
                throw new KaimenException(HttpStatus.NOT_FOUND, "feedback.error.not-published");
            }
            return feedback.preview(id);
        });
        if (names && !hasRole("ROLE_ADMIN")) {
            throw new KaimenException(HttpStatus.FORBIDDEN, "feedback.error.names");
        }
        ReportExports.Export export = exports.export(report, format, names && format.canCarryNames());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, export.contentDisposition())
                .contentType(format.mediaType)
                .body(export.content());
    }

    private static boolean hasRole(String role) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals(role));
    }
}
