package org.kaimen.feedback.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text from citizens goes into spreadsheets that clerks open: none of it may run as a formula. */
class SpreadsheetSafeTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
            "\n=1", "=cmd|' /C calc'!A0", "  =1+1", " @x", "-", "="})
    void aValueThatAFormulaCouldStartWithGetsAQuoteInFront(String value) {
        assertThat(SpreadsheetSafe.startsFormula(value)).isTrue();
        assertThat(SpreadsheetSafe.text(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"物业费调整应当经业主大会表决。", "", " ", "a=b", "1+1", "第十二条 -", "'=1+1", "＝1+1",
            "z***@example.com", "电话138****5678"})
    void ordinaryTextStaysAsItIs(String value) {
        assertThat(SpreadsheetSafe.startsFormula(value)).isFalse();
        assertThat(SpreadsheetSafe.text(value)).isEqualTo(value);
    }

    @Test
    void nullStaysNull() {
        assertThat(SpreadsheetSafe.text(null)).isNull();
        assertThat(SpreadsheetSafe.startsFormula(null)).isFalse();
    }

    @Test
    void controlCharactersThatXmlCannotCarryAreDroppedAndCannotHideAFormula() {
        assertThat(SpreadsheetSafe.text("\u0000=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.text("意见\u0007内容\u001F")).isEqualTo("意见内容");
        assertThat(SpreadsheetSafe.text("第一行\r\n第二行\t完")).isEqualTo("第一行\r\n第二行\t完");
    }

    @Property(tries = 2000)
    void nothingComesOutThatASpreadsheetWouldReadAsAFormula(@ForAll String value) {
        String safe = SpreadsheetSafe.text(value);
        assertThat(SpreadsheetSafe.startsFormula(safe)).isFalse();
        assertThat(safe).endsWith(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", ""));
    }

    @Test
    void csvFieldsAreQuotedPerRfc4180AndNeutralised() {
        assertThat(CsvTable.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvTable.field("车位, 优先出租")).isEqualTo("\"车位, 优先出租\"");
        assertThat(CsvTable.field("第一行\n第二行")).isEqualTo("\"第一行\n第二行\"");
        assertThat(CsvTable.field("+86")).isEqualTo("'+86");
        assertThat(CsvTable.field("采纳")).isEqualTo("采纳");
        assertThat(CsvTable.field(null)).isEmpty();
        assertThat(CsvTable.field(-5L)).isEqualTo("-5");
        assertThat(CsvTable.field(LocalDateTime.of(2026, 11, 3, 9, 5))).isEqualTo("2026-11-03 09:05");
    }

    @Test
    void theFileNameIsPercentEncodedUtf8PerRfc5987() {
        assertThat(ReportExports.rfc5987("《条例》说明 v1.docx"))
                .isEqualTo("%E3%80%8A%E6%9D%A1%E4%BE%8B%E3%80%8B%E8%AF%B4%E6%98%8E%20v1.docx");
    }
}
