package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.comments.internal.importing.TestFiles.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TemplateTest {

    @Test
    void the_chinese_template_has_the_chinese_header_and_one_example_row() throws IOException {
        try (XSSFWorkbook workbook = open(reader().template(Locale.SIMPLIFIED_CHINESE))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly(
                    "渠道", "联系点", "条文", "立场", "意见", "建议修改", "姓名", "电话", "邮箱", "收到日期");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getDataValidations()).hasSize(2);
        }
    }

    @Test
    void the_english_template_has_the_english_header() throws IOException {
        try (XSSFWorkbook workbook = open(reader().template(Locale.ENGLISH))) {
            assertThat(cells(workbook.getSheetAt(0).getRow(0))).containsExactly(
                    "Channel", "Station", "Provision", "Stance", "Text", "Proposed text", "Name", "Phone", "Email",
                    "Received");
        }
    }

    @Test
    void the_template_as_downloaded_holds_only_the_example_and_so_imports_nothing() {
        ImportReport report = reader().read("template.xlsx", reader().template(Locale.CHINA));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.empty");
        assertThat(report.warnings()).containsExactly("import.warning.example-row-skipped:2");
    }

    @Test
    void a_filled_in_chinese_template_reads_back_valid_and_skips_the_forgotten_example_row() throws IOException {
        byte[] filled = fill(reader().template(Locale.CHINA), List.of(
                Arrays.asList("来信", null, "第二十三条", "赞成", "支持电梯加装使用维修资金。", null, "周敏", "13700001111", null,
                        "2026-11-04"),
                Arrays.asList("基层立法联系点", "古北市民中心联系点", null, "疑问", "维修资金的利息归谁所有？", null, null, null,
                        "gubei@example.cn", "2026年11月9日")));

        ImportReport report = reader().read("filled.xlsx", filled);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.warnings()).containsExactly("import.warning.example-row-skipped:2");
        assertThat(report.totalRows()).isEqualTo(2);
        assertThat(report.valid()).extracting(ImportedComment::row, ImportedComment::channel, ImportedComment::stance)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(3, Channel.LETTER, Stance.SUPPORT),
                        org.assertj.core.api.Assertions.tuple(4, Channel.LIAISON_STATION, Stance.QUESTION));
    }

    @Test
    void a_filled_in_english_template_reads_back_valid() throws IOException {
        byte[] filled = fill(reader().template(Locale.UK), List.of(
                Arrays.asList("EMAIL", null, "Article 31", "OPPOSE", "The elevator fund should stay with the owners.",
                        null, "Ann Lee", "(021) 6234-5678", "ann@example.org", "2026-11-01")));

        ImportReport report = reader().read("filled.xlsx", filled);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.valid()).singleElement().extracting(ImportedComment::provision)
                .isEqualTo(new ProvisionCitation(31, 0, 0));
    }

    @Test
    void the_example_row_itself_is_a_valid_comment_so_clerks_copy_a_correct_pattern() throws IOException {
        for (Locale locale : List.of(Locale.CHINA, Locale.ENGLISH)) {
            byte[] edited;
            try (XSSFWorkbook workbook = open(reader().template(locale))) {
                workbook.getSheetAt(0).getRow(1).getCell(4).setCellValue("电梯维修资金应当专户存储。");
                edited = TestFiles.bytes(workbook);
            }

            ImportReport report = reader().read("example.xlsx", edited);

            assertThat(report.hasErrors()).as(locale.toString()).isFalse();
            assertThat(report.valid()).singleElement().satisfies(comment -> {
                assertThat(comment.channel()).isEqualTo(Channel.LIAISON_STATION);
                assertThat(comment.provision()).isEqualTo(new ProvisionCitation(12, 2, 0));
                assertThat(comment.stance()).isEqualTo(Stance.MODIFY);
                assertThat(comment.received()).isEqualTo(TestFiles.TODAY);
                assertThat(comment.phone()).isEqualTo("13800138000");
            });
        }
    }

    private static byte[] fill(byte[] template, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = open(template)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            TestFiles.fill(workbook, sheet, sheet.getLastRowNum() + 1, rows);
            return TestFiles.bytes(workbook);
        }
    }

    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> cells(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> values = new java.util.ArrayList<>();
        row.forEach(cell -> values.add(formatter.formatCellValue(cell)));
        return values;
    }
}
