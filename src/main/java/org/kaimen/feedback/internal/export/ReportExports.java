package org.kaimen.feedback.internal.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kaimen.feedback.AdoptionReport;
import org.kaimen.feedback.FeedbackService;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

/**
 * The adoption report as files to download: the document as .docx and .pdf, the table of every comment with its
 * opinion (意见汇总表) as .xlsx and .csv. Anonymised: the public, masked text of the comments and never an author,
 * unless an administrator asks for the table with names (see {@link CommentAuthors}). Who may have which report
 * (published or preview) is decided by the caller; the table rows are checked again by
 * {@link FeedbackService#rows(long)}.
 */
@Service
public class ReportExports {

    public enum Format {
        DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
        CSV("csv", "text/csv;charset=UTF-8", false),
        PDF("pdf", "application/pdf", true);

        public final String extension;
        public final MediaType mediaType;
        /** The report as a document; the others are the comment table. */
        public final boolean document;

        Format(String extension, String mediaType, boolean document) {
            this.extension = extension;
            this.mediaType = MediaType.parseMediaType(mediaType);
            this.document = document;
        }

        /** Only the comment table can carry names. */
        public boolean canCarryNames() {
            return !document;
        }
    }

    /** A file to send, with its Content-Disposition (RFC 6266, the UTF-8 name per RFC 5987). */
    public record Export(byte[] content, Format format, String filename, String asciiFilename) {

        public String contentDisposition() {
            return "attachment; filename=\"" + asciiFilename + "\"; filename*=UTF-8''" + rfc5987(filename);
        }
    }

    private final FeedbackService feedback;
    private final CommentAuthors authors;
    private final Labels labels;
    private final Clock clock;

    public ReportExports(FeedbackService feedback, CommentAuthors authors, MessageSource messages, Clock clock) {
        this.feedback = feedback;
        this.authors = authors;
        this.labels = new Labels(messages);
        this.clock = clock;
    }

    /**
     * @param withNames add the authors' name, e-mail and phone (the table formats only; administrators only, audited)
     */
    public Export export(AdoptionReport report, Format format, boolean withNames) {
        String title = ReportOutline.title(report, labels);
        if (format.document) {
            List<ReportOutline.Block> blocks = ReportOutline.of(report, labels, clock.getZone());
            byte[] content = format == Format.DOCX ? DocxReport.write(blocks, title) : PdfReport.write(blocks, title);
            return new Export(content, format, filename(report, "feedback.export.file", format),
                    "report-" + report.draftId() + "." + format.extension);
        }
        Map<Long, CommentTable.Contact> contacts = withNames ? authors.of(report.draftId(), format.extension) : null;
        CommentTable table = CommentTable.of(feedback.rows(report.draftId()), contacts, labels, clock.getZone());
        byte[] content = format == Format.XLSX ? XlsxTable.write(table, labels.get("feedback.export.sheet"))
                : CsvTable.write(table);
        return new Export(content, format, filename(report, "feedback.export.table-file", format),
                "comments-" + report.draftId() + "." + format.extension);
    }

    /** e.g. 某某条例（草案）征求意见情况及采纳情况说明.docx: the draft's title without characters a file name cannot have. */
    private String filename(AdoptionReport report, String suffixKey, Format format) {
        String title = report.draftTitle() == null ? "" : report.draftTitle().strip();
        title = title.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").replaceAll("^《(.*)》$", "$1");
        if (title.length() > 80) {
            title = title.substring(0, 80);
        }
        return title + labels.get(suffixKey) + "." + format.extension;
    }

    /** RFC 5987 ext-value: attr-chars as they are, everything else percent-encoded UTF-8. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
