package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaimen.comments.internal.importing.TestFiles.CLEAN_ROWS;
import static org.kaimen.comments.internal.importing.TestFiles.HEADER_ZH;
import static org.kaimen.comments.internal.importing.TestFiles.csv;
import static org.kaimen.comments.internal.importing.TestFiles.encode;
import static org.kaimen.comments.internal.importing.TestFiles.reader;
import static org.kaimen.comments.internal.importing.TestFiles.withHeader;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CsvImportTest {

    private static final String CLEAN = csv(withHeader(HEADER_ZH, CLEAN_ROWS), ",", "\r\n");

    @Test
    void a_utf8_file_without_byte_order_mark_reads_all_five_comments() {
        ImportReport report = reader().read("意见.csv", CLEAN.getBytes(StandardCharsets.UTF_8));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.valid()).hasSize(5);
        assertThat(report.valid().get(0).text()).isEqualTo("物业费调价应当经业主大会表决，不能由物业公司单方面决定。");
    }

    @Test
    void a_utf8_file_with_byte_order_mark_reads_the_first_header_correctly() {
        byte[] withBom = TestFiles.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                CLEAN.getBytes(StandardCharsets.UTF_8));

        ImportReport report = reader().read("意见.CSV", withBom);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.valid()).extracting(ImportedComment::channel).first().isEqualTo(Channel.LIAISON_STATION);
    }

    @Test
    void a_gb18030_file_as_saved_by_excel_on_chinese_windows_reads_the_same_as_utf8() {
        ImportReport report = reader().read("意见.csv", encode(CLEAN, "GB18030"));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.valid()).isEqualTo(reader().read("意见.csv", CLEAN.getBytes(StandardCharsets.UTF_8)).valid());
    }

    @Test
    void a_utf16_file_with_byte_order_mark_is_read() {
        byte[] utf16 = TestFiles.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, encode(CLEAN.replace(',', '\t'), "UTF-16LE"));

        ImportReport report = reader().read("unicode.csv", utf16);

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.valid()).hasSize(5);
    }

    @Test
    void quoted_cells_keep_commas_doubled_quotes_and_line_breaks_and_rows_are_numbered_as_excel_shows_them() {
        String text = "渠道,立场,意见,收到日期\n"
                + "信件,修改,\"第一段：电梯\"\"年检\"\"费用，\r\n谁来承担？\n第三段。\",2026-11-01\n"
                + "\n"
                + "信件,支持,\"好\",2026-11-01\n"
                + "信件,支持,,2026-11-01\n";

        ImportReport report = reader().read("multi.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).extracting(ImportedComment::row, ImportedComment::text).containsExactly(
                tuple(2, "第一段：电梯\"年检\"费用，\r\n谁来承担？\n第三段。"),
                tuple(4, "好"));
        assertThat(report.errors()).extracting(RowError::row, RowError::column, RowError::messageKey)
                .containsExactly(tuple(5, "意见", "import.error.text-missing"));
    }

    @Test
    void an_english_header_in_any_case_and_spacing_is_understood() {
        String text = "CHANNEL,Station,provision,Stance,Comment Text,Proposed Text,name,PHONE,E-mail,Received (yyyy-mm-dd)\n"
                + "LIAISON_STATION,Hongqiao,Article 12,oppose,Fees are too high.,,Li Hua,+86 138 0013 8000,"
                + "li.hua@example.com,2026-11-02\n"
                + "letter,,第十二条第二款,support,Good rule.,,,,,\n";

        ImportReport report = reader().read("english.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).extracting(ImportedComment::channel, ImportedComment::stance,
                ImportedComment::provision, ImportedComment::phone, ImportedComment::received).containsExactly(
                tuple(Channel.LIAISON_STATION, Stance.OPPOSE, new ProvisionCitation(12, 0, 0), "+86 138 0013 8000",
                        LocalDate.of(2026, 11, 2)),
                tuple(Channel.LETTER, Stance.SUPPORT, new ProvisionCitation(12, 2, 0), null, null));
    }

    @Test
    void semicolons_or_tabs_separate_fields_when_the_header_has_more_of_them_than_commas() {
        String semicolons = "渠道;立场;意见\n信件;支持;赞成，理由如下：物业费应公开。\n";
        String tabs = "渠道\t立场\t意见\n信件\t支持\t赞成，理由如下：物业费应公开。\n";

        for (String text : List.of(semicolons, tabs)) {
            ImportReport report = reader().read("sep.csv", text.getBytes(StandardCharsets.UTF_8));

            assertThat(report.errors()).isEmpty();
            assertThat(report.valid()).singleElement().extracting(ImportedComment::text)
                    .isEqualTo("赞成，理由如下：物业费应公开。");
        }
    }

    @Test
    void full_width_digits_and_at_signs_from_chinese_input_methods_are_folded() {
        String text = "渠道,立场,意见,电话,邮箱\n信件,支持,好,１３９１２３４５６７８,ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ\n";

        ImportReport report = reader().read("wide.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).singleElement().satisfies(comment -> {
            assertThat(comment.phone()).isEqualTo("13912345678");
            assertThat(comment.email()).isEqualTo("wang@example.com");
        });
    }

    @Test
    void a_bad_phone_and_an_impossible_date_are_row_errors() {
        String text = "渠道,立场,意见,电话,收到日期\n"
                + "信件,支持,好,12345,2026-02-30\n"
                + "信件,支持,好,138-0013-8000 转 5,1999-12-31\n";

        ImportReport report = reader().read("bad.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.errors()).extracting(RowError::row, RowError::messageKey).containsExactly(
                tuple(2, "import.error.phone"),
                tuple(2, "import.error.date"),
                tuple(3, "import.error.phone"),
                tuple(3, "import.error.date-too-early"));
    }

    @Test
    void a_text_over_five_thousand_characters_is_too_long_but_exactly_five_thousand_is_fine() {
        String limit = "梯".repeat(OfflineCommentReader.MAX_TEXT_LENGTH);
        String text = "渠道,立场,意见\n信件,支持," + limit + "\n信件,支持," + limit + "。\n";

        ImportReport report = reader().read("long.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).extracting(ImportedComment::row).containsExactly(2);
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.messageKey()).isEqualTo("import.error.text-too-long");
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.value()).hasSizeLessThan(300);
        });
    }

    @Test
    void a_missing_required_column_is_a_file_error_that_names_the_column() {
        String text = "渠道,条文,意见\n信件,第十二条,物业费太高。\n";

        ImportReport report = reader().read("no-stance.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.missing-column");
        assertThat(report.valid()).isEmpty();
        assertThat(report.errors()).extracting(RowError::row, RowError::column, RowError::messageKey)
                .containsExactly(tuple(1, "立场", "import.file.missing-column"));
    }

    @Test
    void missing_columns_of_an_english_file_are_named_in_english() {
        String text = "Name,Text\nLi,Fees are too high.\n";

        ImportReport report = reader().read("en.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.fileErrorKey()).isEqualTo("import.file.missing-column");
        assertThat(report.errors()).extracting(RowError::column).containsExactly("Channel", "Stance");
    }

    @Test
    void an_unclosed_quote_is_a_warning_naming_its_row() {
        String text = "渠道,立场,意见\n信件,支持,\"物业费\n太高\n";

        ImportReport report = reader().read("quote.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(report.warnings()).containsExactly("import.warning.unclosed-quote:2");
        assertThat(report.valid()).singleElement().extracting(ImportedComment::text).isEqualTo("物业费\n太高");
    }

    @Test
    void more_than_fifty_thousand_rows_are_a_file_error_but_fifty_thousand_are_read() {
        StringBuilder text = new StringBuilder("渠道,立场,意见\n");
        for (int i = 0; i < OfflineCommentReader.MAX_DATA_ROWS; i++) {
            text.append("信件,支持,第").append(i).append("封来信\n");
        }
        ImportReport atLimit = reader().read("limit.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        text.append("信件,支持,最后一封\n");
        ImportReport beyond = reader().read("beyond.csv", text.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(atLimit.hasErrors()).isFalse();
        assertThat(atLimit.valid()).hasSize(OfflineCommentReader.MAX_DATA_ROWS);
        assertThat(beyond.fileErrorKey()).isEqualTo("import.file.too-many-rows");
        assertThat(beyond.valid()).isEmpty();
    }
}
