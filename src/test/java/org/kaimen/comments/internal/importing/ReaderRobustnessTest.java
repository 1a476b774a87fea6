package org.kaimen.comments.internal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever a clerk uploads, the reader answers with a report and never with an exception. */
class ReaderRobustnessTest {

    private static final OfflineCommentReader READER = TestFiles.reader();
    private static final byte[] TEMPLATE = READER.template(Locale.CHINA);

    private static final List<String> WORDS = List.of(
            "渠道", "channel", "联系点", "条文", "立场", "Stance", "意见", "text", "建议修改", "姓名", "电话", "邮箱", "收到日期",
            "备注", "信件", "基层立法联系点", "EMAIL", "专家", "支持", "反对", "修改", "疑问", "QUESTION", "第十二条",
            "第十二条第二款第（三）项", "第一百零四条", "第十二款", "12", "2026-11-03", "2026年11月3日", "2099-01-01",
            "13812345678", "wang@example.com", "物业费太高", "=SUM(A1)", "+1", "-", "@", "\"", "\"\"", ",", ";", "\t",
            "\n", "\r\n", "\r", " ", "　", "\uFEFF", "é", "😀", "");

    @Property(tries = 300)
    @Label("read never throws on arbitrary bytes")
    void read_never_throws_on_arbitrary_bytes(
            @ForAll @Size(max = 600) byte[] content,
            @ForAll("filenames") String filename) {
        checkInvariants(READER.read(filename, content));
    }

    @Property(tries = 300)
    @Label("read never throws on arbitrary csv text")
    void read_never_throws_on_arbitrary_csv_text(@ForAll("csvTexts") String text, @ForAll("charsets") String charset) {
        checkInvariants(READER.read("x.csv", text.getBytes(java.nio.charset.Charset.forName(charset))));
    }

    @Property(tries = 60)
    @Label("read never throws on random spreadsheets built from random cell values")
    void read_never_throws_on_random_spreadsheets(@ForAll("sheets") List<List<Object>> rows) {
        checkInvariants(READER.read("x.xlsx", TestFiles.xlsx(rows)));
    }

    @Property(tries = 100)
    @Label("read never throws on a damaged workbook")
    void read_never_throws_on_a_damaged_workbook(
            @ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll byte replacement) {
        byte[] damaged = TEMPLATE.clone();
        for (int position : positions) {
            damaged[position % damaged.length] = replacement;
        }
        checkInvariants(READER.read("x.xlsx", damaged));
    }

    @Property(tries = 60)
    @Label("read never throws on a workbook whose sheet xml is damaged")
    void read_never_throws_on_damaged_sheet_xml(@ForAll("sheetXmlDamage") String insertion) throws IOException {
        checkInvariants(READER.read("x.xlsx", replaceSheetXml(TEMPLATE, insertion)));
    }

    private static final Set<String> KEYS = java.util.Arrays.stream(ImportMessageKey.values())
            .map(ImportMessageKey::key).collect(Collectors.toSet());

    private static void checkInvariants(ImportReport report) {
        assertThat(report).isNotNull();
        if (report.fileErrorKey() != null) {
            assertThat(report.valid()).isEmpty();
            assertThat(report.fileErrorKey()).startsWith("import.file.").isIn(KEYS);
        } else {
            Set<Integer> rowsWithErrors = report.errors().stream().map(RowError::row).collect(Collectors.toSet());
            assertThat(report.valid().size() + rowsWithErrors.size()).isEqualTo(report.totalRows());
            assertThat(report.valid()).allSatisfy(comment -> {
                assertThat(rowsWithErrors).doesNotContain(comment.row());
                assertThat(comment.text()).isNotBlank();
                assertThat(comment.channel() != Channel.LIAISON_STATION || comment.station() != null).isTrue();
            });
        }
        assertThat(report.errors()).allSatisfy(error -> assertThat(error.messageKey()).isIn(KEYS));
        assertThat(report.warnings()).allSatisfy(warning -> assertThat(warning.split(":", 2)[0]).isIn(KEYS));
    }

    @Provide
    Arbitrary<String> filenames() {
        return Arbitraries.of("a.xlsx", "a.csv", "A.XLSX", "b.Csv", "c.pdf", "d", ".csv", "e.xlsx.csv");
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "GB18030", "UTF-16LE", "ISO-8859-1");
    }

    @Provide
    Arbitrary<String> csvTexts() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> header = Arbitraries.of("", String.join(",", TestFiles.HEADER_ZH) + "\n", "渠道;立场;意见\r\n");
        return Combinators.combine(header, token.list().ofMaxSize(80))
                .as((h, tokens) -> h + String.join("", tokens));
    }

    @Provide
    Arbitrary<List<List<Object>>> sheets() {
        Arbitrary<Object> cell = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(Object.class::cast),
                Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.integers().between(-3000, 40000).map(d -> (Object) LocalDate.of(2026, 1, 1).plusDays(d)),
                Arbitraries.of("1/0", "NA()", "\"渠\"&\"道\"", "12", "DATE(2026,11,3)")
                        .map(f -> (Object) new TestFiles.Formula(f)),
                Arbitraries.just(null));
        Arbitrary<List<Object>> row = cell.list().ofMaxSize(14);
        Arbitrary<List<Object>> header = Arbitraries.oneOf(
                Arbitraries.just(List.<Object>copyOf(TestFiles.HEADER_ZH)),
                Arbitraries.of(WORDS).map(Object.class::cast).list().ofMaxSize(12));
        return Combinators.combine(header, row.list().ofMaxSize(12)).as((h, rows) -> {
            List<List<Object>> all = new ArrayList<>();
            all.add(h);
            all.addAll(rows);
            return all;
        });
    }

    @Provide
    Arbitrary<String> sheetXmlDamage() {
        return Arbitraries.of(
                "<row r=\"x\"><c r=\"A1\"><v>1</v></c></row>",
                "<row r=\"99999999999\"/>",
                "<row><c r=\"ZZZZ9\" t=\"s\"><v>99999</v></c></row>",
                "<row r=\"3\"><c t=\"s\"><v>-1</v></c></row>",
                "<row r=\"3\"><c r=\"A3\" t=\"b\"><v></v></c></row>",
                "<row r=\"3\"><c r=\"A3\" s=\"999\"><v>1</v></c></row>",
                "<row r=\"3\"><c r=\"A3\" t=\"e\"><v>#N/A</v></c></row>",
                "<row r=\"3\"><c r=\"A3\"><v>abc</v></c></row>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                "&e;",
                "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>信件</t></is></c>",
                "</sheetData>",
                "\u0000");
    }

    private static byte[] replaceSheetXml(byte[] workbook, String insertion) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(result)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int at = xml.indexOf("</sheetData>");
                    xml = xml.substring(0, at) + insertion + xml.substring(at);
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        return result.toByteArray();
    }
}
