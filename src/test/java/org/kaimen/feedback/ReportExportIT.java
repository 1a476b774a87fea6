package org.kaimen.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The adoption report downloaded as .docx, .xlsx, .csv and .pdf over HTTP, opened again with POI and PDFBox: what is
 * in it, what is not (authors, contact data, live formulas), and who may have it before publication and with names.
 */
@IntegrationTest
class ReportExportIT {

    static final String TITLE = "导出测试条例";
    static final String FORMULA = "=HYPERLINK(\"http://x\")物业费调整应当经业主大会表决，并公示成本。";
    static final String FEES = "物业费调整应经业主大会同意并公开成本";
    static final String FEES_REASON = "已在第十二条中增加业主大会表决和成本公示的规定。";
    static final String PARKING = "车位优先出租给业主";
    static final String PARKING_REASON = "车位出租问题由第二十四条规定，维持原文。";
    static final String[] PRIVATE = {"王小明", "wangxm@example.com", "13812345678", "13912345678",
            "li.si@example.com"};

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    FeedbackService feedback;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditLog audit;
    @LocalServerPort
    int port;

    String clerk;
    String reviewer;
    String admin;
    String citizen;
    long draftId;
    long formulaComment;
    long letterComment;
    long parkingComment;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void draftWithThreeCommentsAndTwoApprovedOpinions() {
        clerk = accounts.create(Role.DRAFTER);
        reviewer = accounts.create(Role.DRAFTER);
        admin = accounts.create(Role.ADMIN);
        citizen = accounts.create(Role.CITIZEN);
        draftId = staff(clerk, () -> drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), TITLE,
                true).id());
        long article12 = staff(clerk, () -> Provision.find(drafts.tree(draftId, 0), "a12").id());

        formulaComment = as(citizen, "ROLE_CITIZEN", () -> comments.submit(NewComment.online(draftId, article12,
                Stance.MODIFY, FORMULA)).id());
        // A letter entered by a clerk: the author's contact data, and more of it inside the text.
        letterComment = staff(clerk, () -> comments.submit(new NewComment(draftId, article12, Stance.MODIFY,
                "我的电话是13912345678，邮箱 li.si@example.com，建议物业费涨价前公开收支账目。", null, null, null,
                Channel.LETTER, null, new NewComment.Author("王小明", "wangxm@example.com", "13812345678"), false,
                null, null, null, null, true)).id());
        parkingComment = as(accounts.create(Role.CITIZEN), "ROLE_CITIZEN", () -> comments.submit(
                NewComment.online(draftId, null, Stance.SUPPORT, "小区车位应当优先出租给业主, 不得只售不租。")).id());
        assertThat(comments.indexable(formulaComment).orElseThrow().status()).isEqualTo(CommentStatus.PUBLISHED);

        long fees = staff(clerk, () -> feedback.create(draftId, FEES, List.of(formulaComment, letterComment),
                "manual"));
        long parking = staff(clerk, () -> feedback.create(draftId, PARKING, List.of(parkingComment), "manual"));
        staff(clerk, () -> {
            feedback.propose(fees, Disposition.ADOPTED, FEES_REASON, article12);
            feedback.propose(parking, Disposition.NOT_ADOPTED, PARKING_REASON, null);
            return null;
        });
        staff(reviewer, () -> {
            feedback.approve(fees);
            feedback.approve(parking);
            return null;
        });
    }

    @Test
    void beforePublicationOnlyStaffGetThePreview() throws Exception {
        for (String format : List.of("docx", "xlsx", "csv", "pdf")) {
            HttpResponse<byte[]> anonymous = get("/api/v1/drafts/" + draftId + "/report." + format, null);
            assertThat(anonymous.statusCode()).as(format).isEqualTo(404);
            assertThat(text(anonymous)).contains("feedback.error.not-published").contains("尚未公布");
        }
        assertThat(get("/api/v1/drafts/" + draftId + "/report.csv", citizen).statusCode()).isEqualTo(404);

        HttpResponse<byte[]> preview = get("/api/v1/drafts/" + draftId + "/report.docx", clerk);
        assertThat(preview.statusCode()).isEqualTo(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(preview.body()))) {
            assertThat(text(doc)).contains("《" + TITLE + "》征求意见情况及采纳情况说明").contains("预览稿")
                    .contains(FEES);
        }
        assertThat(get("/api/v1/drafts/" + draftId + "/report.xlsx", reviewer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/drafts/" + draftId + "/report.pdf", admin).statusCode()).isEqualTo(200);
    }

    @Test
    void thePublishedReportDownloadsInEveryFormatAnonymised() throws Exception {
        publish();
        String base = "/api/v1/drafts/" + draftId + "/report.";

        HttpResponse<byte[]> docx = get(base + "docx", null);
        assertThat(docx.statusCode()).isEqualTo(200);
        assertThat(docx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("filename=\"report-" + draftId + ".docx\"")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(TITLE + "征求意见情况及采纳情况说明",
                        StandardCharsets.UTF_8) + ".docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String all = text(doc);
            assertThat(all).contains("一、总体情况", "共收到意见3条", "来自3位意见提出人", "归并整理为2项意见",
                    "网上2条", "信件1条", "按处理情况分：采纳1项，未采纳1项", "二、主要意见及采纳情况", "关于第十二条",
                    "关于草案整体", FEES + "（2条意见）", "处理情况：采纳。理由：" + FEES_REASON, PARKING,
                    PARKING_REASON, "修改的条文：第十二条").doesNotContain("预览稿");
            assertThat(all).doesNotContain(citizen).doesNotContain(PRIVATE);
            XWPFParagraph title = doc.getParagraphs().get(0);
            assertThat(title.getText()).isEqualTo("《" + TITLE + "》征求意见情况及采纳情况说明");
            assertThat(title.getAlignment()).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
            XWPFRun run = title.getRuns().get(0);
            assertThat(run.isBold()).isTrue();
            assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            XWPFRun body = doc.getParagraphs().stream().filter(p -> p.getText().contains("共收到意见")).findFirst()
                    .orElseThrow().getRuns().get(0);
            assertThat(body.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(body.getFontSizeAsDouble()).isEqualTo(16.0);
            // The page number is a PAGE field in the footer; the font table names 宋体 where the title font is missing.
            assertThat(doc.getFooterList()).isNotEmpty();
            assertThat(doc.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            PackagePart fonts = doc.getPackage().getPartsByName(java.util.regex.Pattern.compile("/word/fontTable.xml"))
                    .get(0);
            assertThat(new String(fonts.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("w:name=\"方正小标宋简体\"><w:altName w:val=\"宋体\"/>");
        }

        HttpResponse<byte[]> xlsx = get(base + "xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode(TITLE + "意见汇总表", StandardCharsets.UTF_8)
                        + ".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("意见汇总表");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            List<String> header = values(sheet.getRow(0));
            assertThat(header).containsExactly("意见编号", "提交时间", "渠道", "态度", "条文", "意见内容",
                    "归并意见编号", "归并意见摘要", "处理情况", "理由");
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getColumnWidth(5)).isGreaterThan(sheet.getColumnWidth(0));

            Row formula = row(sheet, formulaComment);
            Cell text = formula.getCell(5);
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(text.getCellStyle().getWrapText()).isTrue();
            assertThat(values(formula)).contains("网上", "建议修改", FEES, "采纳", FEES_REASON);
            assertThat(formula.getCell(6).getNumericCellValue()).isPositive();
            assertThat(formula.getCell(1).getLocalDateTimeCellValue()).isNotNull();
            Row letter = row(sheet, letterComment);
            assertThat(letter.getCell(5).getStringCellValue()).contains("139****5678").contains("l***@example.com");
            assertThat(values(letter)).contains("信件");
            assertThat(values(row(sheet, parkingComment))).contains("未采纳", PARKING_REASON, "草案整体", "支持");
            String everything = rows(sheet).stream().flatMap(List::stream).collect(Collectors.joining("|"));
            assertThat(everything).doesNotContain(citizen).doesNotContain(PRIVATE);
        }

        HttpResponse<byte[]> csv = get(base + "csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String raw = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        assertThat(raw).startsWith("意见编号,提交时间,渠道,态度,条文,意见内容,归并意见编号,归并意见摘要,处理情况,理由\r\n")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")物业费调整")
                .contains("\"小区车位应当优先出租给业主, 不得只售不租。\"")
                .doesNotContain(citizen).doesNotContain(PRIVATE);
        List<List<String>> records = parseCsv(raw);
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(10));
        List<String> formulaRecord = records.stream().filter(r -> r.get(0).equals(String.valueOf(formulaComment)))
                .findFirst().orElseThrow();
        assertThat(formulaRecord.get(5)).isEqualTo("'" + FORMULA);
        assertThat(formulaRecord.get(8)).isEqualTo("采纳");
        assertThat(records.stream().map(r -> r.get(5))).allSatisfy(t -> assertThat(t).doesNotStartWith("="));

        HttpResponse<byte[]> pdf = get(base + "pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            PDRectangle a4 = doc.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(a4.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
            String all = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
            assertThat(all).contains("《" + TITLE + "》征求意见情况及采纳情况说明", "一、总体情况", "共收到意见3条",
                    FEES, PARKING_REASON, "—1—").doesNotContain(citizen).doesNotContain(PRIVATE);
        }
    }

    @Test
    void onlyAnAdministratorGetsTheTableWithNamesAndThatIsAudited() throws Exception {
        publish();
        String path = "/api/v1/drafts/" + draftId + "/report.xlsx?names=true";
        assertThat(get(path, null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/drafts/" + draftId + "/report.csv?names=true", citizen).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> drafter = get(path, clerk);
        assertThat(drafter.statusCode()).isEqualTo(403);
        assertThat(text(drafter)).contains("feedback.error.names");

        HttpResponse<byte[]> named = get(path, admin);
        assertThat(named.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(named.body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(values(sheet.getRow(0))).endsWith("姓名", "电子邮箱", "电话");
            assertThat(values(row(sheet, letterComment))).contains("王小明", "wangxm@example.com", "13812345678");
            // Still the masked text: names are the author columns, not the unmasked comment.
            assertThat(row(sheet, letterComment).getCell(5).getStringCellValue()).doesNotContain("13912345678");
        }
        HttpResponse<byte[]> csv = get("/api/v1/drafts/" + draftId + "/report.csv?names=true", admin);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("王小明,wangxm@example.com,13812345678");
        assertThat(audit.latest(20, "draft", String.valueOf(draftId))).extracting(AuditLog.Entry::action)
                .contains("feedback.export.names");
        assertThat(audit.latest(20, "draft", String.valueOf(draftId))).filteredOn(e -> e.action()
                .equals("feedback.export.names")).extracting(AuditLog.Entry::actor).containsOnly(admin);
    }

    @Test
    void whereTheDraftShowsNoCommentsThePublicTableLeavesTheirTextOut() throws Exception {
        publish();
        staff(clerk, () -> {
            drafts.updateMetadata(draftId, TITLE, null, null, false, false);
            return null;
        });
        String path = "/api/v1/drafts/" + draftId + "/report.xlsx";
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(path, null).body()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(row(sheet, formulaComment).getCell(5).getStringCellValue()).isEqualTo("（未公开）");
            assertThat(values(row(sheet, formulaComment))).contains(FEES, "采纳", FEES_REASON);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(get(path, reviewer).body()))) {
            assertThat(row(book.getSheetAt(0), formulaComment).getCell(5).getStringCellValue())
                    .isEqualTo("'" + FORMULA);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void publish() {
        staff(clerk, () -> {
            feedback.publish(draftId);
            return null;
        });
    }

    private HttpResponse<byte[]> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(new Http(port).uri(path)).GET()
                .header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", Http.basic(user, TestAccounts.PASSWORD));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String text(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    private static List<String> values(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(format.formatCellValue(c)));
        return out;
    }

    private static List<List<String>> rows(XSSFSheet sheet) {
        List<List<String>> out = new ArrayList<>();
        sheet.forEach(r -> out.add(values(r)));
        return out;
    }

    private static Row row(XSSFSheet sheet, long commentId) {
        for (Row r : sheet) {
            Cell id = r.getCell(0);
            if (id != null && id.getCellType() == CellType.NUMERIC && (long) id.getNumericCellValue() == commentId) {
                return r;
            }
        }
        throw new AssertionError("no row for comment " + commentId);
    }

    /** A strict RFC 4180 reader: quoted fields with doubled quotes, CRLF between records. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote only opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).isEqualTo('\n');
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(record).isEmpty();
        return records;
    }

    private <T> T staff(String user, Supplier<T> action) {
        return as(user, "ROLE_DRAFTER", action);
    }
}
