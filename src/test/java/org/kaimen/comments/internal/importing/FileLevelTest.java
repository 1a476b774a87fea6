package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaimen.comments.internal.importing.TestFiles.CLEAN_ROWS;
import static org.kaimen.comments.internal.importing.TestFiles.HEADER_ZH;
import static org.kaimen.comments.internal.importing.TestFiles.reader;
import static org.kaimen.comments.internal.importing.TestFiles.withHeader;
import static org.kaimen.comments.internal.importing.TestFiles.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileLevelTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void a_pdf_or_word_file_is_the_wrong_type_whatever_its_content() {
        for (String name : List.of("意见.pdf", "意见.doc", "意见.docx", "意见.xls", "意见", "意见.txt")) {
            assertThat(reader().read(name, PDF).fileErrorKey()).as(name).isEqualTo("import.file.type");
        }
    }

    @Test
    void a_pdf_or_an_old_excel_file_renamed_to_xlsx_or_csv_is_the_wrong_type() throws IOException {
        byte[] ole2 = emptyOle2File();

        assertThat(reader().read("renamed.xlsx", PDF).fileErrorKey()).isEqualTo("import.file.type");
        assertThat(reader().read("renamed.csv", PDF).fileErrorKey()).isEqualTo("import.file.type");
        assertThat(reader().read("old.xlsx", ole2).fileErrorKey()).isEqualTo("import.file.type");
        assertThat(reader().read("old.csv", ole2).fileErrorKey()).isEqualTo("import.file.type");
        assertThat(reader().read("book.csv", xlsx(withHeader(HEADER_ZH, CLEAN_ROWS))).fileErrorKey())
                .isEqualTo("import.file.type");
    }

    private static byte[] emptyOle2File() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[16]), "Workbook");
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void garbage_named_xlsx_is_unreadable() {
        byte[] garbage = "这不是一个表格 \u0001\u0002 just noise".getBytes(StandardCharsets.UTF_8);

        assertThat(reader().read("noise.xlsx", garbage).fileErrorKey()).isEqualTo("import.file.unreadable");
    }

    @Test
    void binary_garbage_named_csv_is_the_wrong_type() {
        byte[] garbage = {0x00, 0x12, (byte) 0x80, 0x00, 0x41, 0x00, (byte) 0xFF, 0x01};

        assertThat(reader().read("noise.csv", garbage).fileErrorKey()).isEqualTo("import.file.type");
    }

    @Test
    void an_empty_file_is_empty() {
        assertThat(reader().read("empty.csv", new byte[0]).fileErrorKey()).isEqualTo("import.file.empty");
        assertThat(reader().read("empty.xlsx", new byte[0]).fileErrorKey()).isEqualTo("import.file.empty");
        assertThat(reader().read("blank.csv", "\r\n , ,\n\n".getBytes(StandardCharsets.UTF_8)).fileErrorKey())
                .isEqualTo("import.file.empty");
    }

    @Test
    void a_file_level_error_imports_nothing_and_counts_as_errors() {
        ImportReport report = reader().read("x.pdf", PDF);

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.valid()).isEmpty();
        assertThat(report.totalRows()).isZero();
    }

    @Test
    void null_arguments_are_programming_errors() {
        assertThatThrownBy(() -> reader().read(null, new byte[0])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> reader().read("a.csv", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_zip_bomb_sheet_is_unreadable_instead_of_filling_memory() throws IOException {
        byte[] normal = xlsx(withHeader(HEADER_ZH, CLEAN_ROWS));
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(normal));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    out.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(data);
                }
                out.closeEntry();
            }
        }

        ImportReport report = reader().read("bomb.xlsx", bomb.toByteArray());

        assertThat(report.fileErrorKey()).isEqualTo("import.file.unreadable");
    }

    @Test
    void a_huge_sheet_is_read_only_up_to_the_row_limit_and_rejected() throws IOException {
        byte[] huge;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("渠道");
            header.createCell(1).setCellValue("立场");
            header.createCell(2).setCellValue("意见");
            for (int r = 1; r <= 120_000; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("信件");
                row.createCell(1).setCellValue("支持");
                row.createCell(2).setCellValue("来信第" + r + "号");
            }
            huge = TestFiles.bytes(workbook);
        }

        ImportReport report = reader().read("huge.xlsx", huge);

        assertThat(report.fileErrorKey()).isEqualTo("import.file.too-many-rows");
        assertThat(report.totalRows()).isBetween(OfflineCommentReader.MAX_DATA_ROWS, 60_000);
    }

    @Test
    void a_workbook_with_more_text_than_the_budget_is_too_large_whether_strings_are_shared_or_inline()
            throws Exception {
        byte[] shared = xlsx(withHeader(HEADER_ZH, CLEAN_ROWS));
        byte[] inline;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook()) {
            TestFiles.fill(workbook, workbook.createSheet(), 0, withHeader(HEADER_ZH, CLEAN_ROWS));
            inline = TestFiles.bytes(workbook);
        }

        for (byte[] workbook : List.of(shared, inline)) {
            assertThatThrownBy(() -> XlsxTableReader.read(workbook, 100, 200))
                    .isInstanceOfSatisfying(FileProblem.class,
                            problem -> assertThat(problem.key()).isEqualTo(ImportMessageKey.FILE_TOO_LARGE));
            assertThat(XlsxTableReader.read(workbook, 100, 10_000).rows()).hasSize(6);
        }
    }
}
