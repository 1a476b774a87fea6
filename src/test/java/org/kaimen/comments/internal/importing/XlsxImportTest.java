package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaimen.comments.internal.importing.TestFiles.CLEAN_ROWS;
import static org.kaimen.comments.internal.importing.TestFiles.HEADER_ZH;
import static org.kaimen.comments.internal.importing.TestFiles.reader;
import static org.kaimen.comments.internal.importing.TestFiles.withHeader;
import static org.kaimen.comments.internal.importing.TestFiles.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class XlsxImportTest {

    @Test
    void a_clean_file_of_five_comments_reads_back_as_five_valid_comments() {
        ImportReport report = reader().read("物业管理条例意见.xlsx", xlsx(withHeader(HEADER_ZH, CLEAN_ROWS)));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.totalRows()).isEqualTo(5);
        assertThat(report.valid())
                .extracting(ImportedComment::row, ImportedComment::channel, ImportedComment::provision,
                        ImportedComment::stance, ImportedComment::received)
                .containsExactly(
                        tuple(2, Channel.LIAISON_STATION, new ProvisionCitation(12, 0, 0), Stance.MODIFY,
                                LocalDate.of(2026, 11, 3)),
                        tuple(3, Channel.LETTER, new ProvisionCitation(23, 2, 0), Stance.SUPPORT,
                                LocalDate.of(2026, 11, 3)),
                        tuple(4, Channel.EMAIL, new ProvisionCitation(31, 1, 3), Stance.QUESTION,
                                LocalDate.of(2026, 11, 5)),
                        tuple(5, Channel.HEARING, null, Stance.OPPOSE, LocalDate.of(2026, 11, 6)),
                        tuple(6, Channel.EXPERT, new ProvisionCitation(104, 0, 0), Stance.MODIFY,
                                LocalDate.of(2026, 11, 8)));
        ImportedComment first = report.valid().get(0);
        assertThat(first.station()).isEqualTo("虹桥街道基层立法联系点");
        assertThat(first.text()).isEqualTo("物业费调价应当经业主大会表决，不能由物业公司单方面决定。");
        assertThat(first.proposedText()).isEqualTo("物业服务收费标准的调整，应当经业主大会表决通过。");
        assertThat(first.name()).isEqualTo("王秀英");
        assertThat(first.phone()).isEqualTo("13912345678");
        assertThat(first.email()).isNull();
        assertThat(report.valid().get(1).proposedText()).isNull();
        assertThat(report.valid().get(1).station()).isNull();
        assertThat(report.valid().get(2).email()).isEqualTo("chenjing@163.com");
    }

    @Test
    void each_bad_row_is_reported_with_its_row_number_and_column_and_the_good_rows_are_still_returned() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADER_ZH));
        rows.add(row("信件", "", "第十二条", "支持", "支持物业费公示制度。", "", "2026-11-01"));          // 2 valid
        rows.add(row("信件", "", "第十二条", "中立", "物业费应当公开。", "", "2026-11-01"));              // 3 stance
        rows.add(row("信件", "", "第十三条", "反对", "   ", "", "2026-11-01"));                          // 4 text
        rows.add(List.of());                                                                             // 5 blank
        rows.add(row("来信", "", "第十二款", "修改", "电梯维修应当及时。", "", "2026-11-02"));              // 6 provision
        rows.add(row("基层立法联系点", "", "第二十条", "支持", "支持设立维修资金。", "", "2026-11-02"));      // 7 station
        rows.add(row("电子邮件", "", "", "疑问", "维修资金如何监管？", "wang@@example", "2026-11-02"));     // 8 e-mail
        rows.add(row("信件", "", "12", "赞成", "赞成。", "", "2026-12-01"));                             // 9 future
        rows.add(row("专家", "", "第12条", "修改", "建议增加业主知情权条款。", "expert@pku.edu.cn", "2026-11-09")); // 10 valid
        rows.add(row("网上", "", "第十二条", "吐槽", "", "", "明天"));                                    // 11 four errors

        ImportReport report = reader().read("bad.xlsx", xlsx(rows));

        assertThat(report.fileErrorKey()).isNull();
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.totalRows()).isEqualTo(9);
        assertThat(report.valid()).extracting(ImportedComment::row).containsExactly(2, 10);
        assertThat(report.errors())
                .extracting(RowError::row, RowError::column, RowError::messageKey, RowError::value)
                .containsExactly(
                        tuple(3, "立场", "import.error.stance", "中立"),
                        tuple(4, "意见", "import.error.text-missing", ""),
                        tuple(6, "条文", "import.error.provision", "第十二款"),
                        tuple(7, "联系点", "import.error.station-missing", ""),
                        tuple(8, "邮箱", "import.error.email", "wang@@example"),
                        tuple(9, "收到日期", "import.error.date-future", "2026-12-01"),
                        tuple(11, "渠道", "import.error.channel", "网上"),
                        tuple(11, "立场", "import.error.stance", "吐槽"),
                        tuple(11, "意见", "import.error.text-missing", ""),
                        tuple(11, "收到日期", "import.error.date", "明天"));
    }

    /** Header order of the bad-rows file: 渠道 联系点 条文 立场 意见 ... 邮箱 收到日期. */
    private static List<Object> row(String channel, String station, String provision, String stance, String text,
            String email, String received) {
        return new ArrayList<>(Arrays.asList(channel, station, provision, stance, text, "", "", "", email, received));
    }

    @Test
    void a_phone_typed_as_a_number_keeps_all_its_digits_without_scientific_notation() {
        List<List<Object>> rows = new ArrayList<>();
        for (long phone : List.of(13812345678L, 8613812345678L, 2162345678L)) {
            List<Object> row = new ArrayList<>(CLEAN_ROWS.get(0));
            row.set(7, phone);
            rows.add(row);
        }

        ImportReport report = reader().read("phone.xlsx", xlsx(withHeader(HEADER_ZH, rows)));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).extracting(ImportedComment::phone)
                .containsExactly("13812345678", "8613812345678", "2162345678");
    }

    @Test
    void an_excel_date_cell_is_the_received_date_whatever_its_display_format() {
        List<Object> row = new ArrayList<>(CLEAN_ROWS.get(0));
        row.set(9, LocalDate.of(2026, 10, 28));

        ImportReport report = reader().read("date.xlsx", xlsx(withHeader(HEADER_ZH, List.of(row))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).singleElement().extracting(ImportedComment::received)
                .isEqualTo(LocalDate.of(2026, 10, 28));
    }

    @Test
    void a_numeric_provision_cell_cites_that_article() {
        List<Object> row = new ArrayList<>(CLEAN_ROWS.get(0));
        row.set(2, 12);

        ImportReport report = reader().read("n.xlsx", xlsx(withHeader(HEADER_ZH, List.of(row))));

        assertThat(report.valid()).singleElement().extracting(ImportedComment::provision)
                .isEqualTo(new ProvisionCitation(12, 0, 0));
    }

    @Test
    void a_formula_cell_reads_as_its_cached_value() {
        List<Object> row = new ArrayList<>(CLEAN_ROWS.get(0));
        row.set(4, new TestFiles.Formula("\"电梯\"&\"维修应当及时\""));
        row.set(2, new TestFiles.Formula("10+2"));

        ImportReport report = reader().read("formula.xlsx", xlsx(withHeader(HEADER_ZH, List.of(row))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).singleElement().satisfies(comment -> {
            assertThat(comment.text()).isEqualTo("电梯维修应当及时");
            assertThat(comment.provision()).isEqualTo(new ProvisionCitation(12, 0, 0));
        });
    }

    @Test
    void values_starting_with_formula_characters_are_kept_verbatim_as_text() {
        List<List<Object>> rows = new ArrayList<>();
        for (String text : List.of("=物业费不应上涨", "+1 支持", "-反对加价", "@物业公司 请回应")) {
            List<Object> row = new ArrayList<>(CLEAN_ROWS.get(1));
            row.set(4, text);
            rows.add(row);
        }

        ImportReport report = reader().read("inject.xlsx", xlsx(withHeader(HEADER_ZH, rows)));

        assertThat(report.valid()).extracting(ImportedComment::text)
                .containsExactly("=物业费不应上涨", "+1 支持", "-反对加价", "@物业公司 请回应");
    }

    @Test
    void a_merged_title_above_the_header_and_merged_section_rows_are_skipped_and_a_merged_channel_fills_down()
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("《某市物业管理条例（草案）》线下意见汇总表"));                      // row 1 title
            rows.add(new ArrayList<>(HEADER_ZH));                                             // row 2 header
            rows.add(List.of("第二章 业主大会"));                                              // row 3 section
            rows.add(Arrays.asList("基层立法联系点", "虹桥街道基层立法联系点", "第十二条", "支持", "支持。"));   // row 4
            rows.add(Arrays.asList(null, null, "第十三条", "反对", "反对。"));                   // row 5, merged above
            rows.add(List.of());                                                              // row 6 blank
            rows.add(Arrays.asList("信件", "", "第十四条", "疑问", "何时实施？"));                 // row 7
            TestFiles.fill(workbook, sheet, 0, rows);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 9));
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 9));
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));

            ImportReport report = reader().read("merged.xlsx", TestFiles.bytes(workbook));

            assertThat(report.errors()).isEmpty();
            assertThat(report.warnings()).isEmpty();
            assertThat(report.valid())
                    .extracting(ImportedComment::row, ImportedComment::channel, ImportedComment::station)
                    .containsExactly(
                            tuple(4, Channel.LIAISON_STATION, "虹桥街道基层立法联系点"),
                            tuple(5, Channel.LIAISON_STATION, "虹桥街道基层立法联系点"),
                            tuple(7, Channel.LETTER, null));
        }
    }

    @Test
    void unknown_and_duplicate_columns_are_warnings_and_columns_may_come_in_any_order() {
        List<List<Object>> rows = List.of(
                List.of("  意见（必填） ", "备注", "ＳＴＡＮＣＥ", "渠道*", "内容"),
                List.of("电梯噪音扰民，建议规定维护时段。", "张阿姨电话来访", "修改", "LETTER", "ignored"));

        ImportReport report = reader().read("order.xlsx", xlsx(rows));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings())
                .containsExactly("import.warning.unknown-column:备注", "import.warning.duplicate-column:内容");
        assertThat(report.valid()).singleElement().satisfies(comment -> {
            assertThat(comment.text()).isEqualTo("电梯噪音扰民，建议规定维护时段。");
            assertThat(comment.channel()).isEqualTo(Channel.LETTER);
            assertThat(comment.stance()).isEqualTo(Stance.MODIFY);
            assertThat(comment.provision()).isNull();
        });
    }

    @Test
    void a_password_protected_workbook_is_rejected_as_encrypted() throws Exception {
        byte[] plain = xlsx(withHeader(HEADER_ZH, CLEAN_ROWS));
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("物业");
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(plain);
            }
            fs.writeFilesystem(encrypted);
        }

        ImportReport report = reader().read("secret.xlsx", encrypted.toByteArray());

        assertThat(report.fileErrorKey()).isEqualTo("import.file.encrypted");
        assertThat(report.valid()).isEmpty();
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void a_truncated_workbook_is_unreadable() {
        byte[] whole = xlsx(withHeader(HEADER_ZH, CLEAN_ROWS));

        ImportReport report = reader().read("cut.xlsx", Arrays.copyOf(whole, whole.length / 2));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.unreadable");
    }

    @Test
    void a_workbook_whose_sheet_has_only_a_header_is_empty() {
        ImportReport report = reader().read("header-only.xlsx", xlsx(List.of(HEADER_ZH)));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.empty");
    }

    @Test
    void a_workbook_with_an_empty_sheet_is_empty() {
        ImportReport report = reader().read("blank.xlsx", xlsx(List.of()));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.empty");
    }
}
