package org.kaimen.drafts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.kaimen.drafts.DraftSource;
import org.kaimen.shared.web.KaimenException;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

/**
 * Whatever a drafter uploads or pastes, the importer answers with a parsed draft or a clear, localized refusal:
 * never another exception, never a message key without a text.
 */
class DraftImportFuzzProperties {

    private static final ReloadableResourceBundleMessageSource MESSAGES = new ReloadableResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("classpath:i18n/messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final DraftImporter IMPORTER = new DraftImporter(MESSAGES);
    private static final byte[] DOCX = docx("第一条 为了规范物业管理活动，制定本条例。", "第二条 本条例适用于本市行政区域内的物业管理活动。");

    private static final List<String> PIECES = List.of("第一章 总则", "第一条", "第二条", "第十二条", "第一百条", "第一款",
            "（一）", "（二）", "1.", "#", "## 第一章", "<!--", "-->", "本条例", "物业", "\n", "\r\n", "\t", "　", "\uFEFF",
            "\u0000", "😀", "<script>alert(1)</script>", "=SUM(A1)", "第", "条", "章", "节", "款", "项", " ", "");

    @Property(tries = 300)
    void arbitraryBytesUnderAnyNameAreParsedOrRefusedClearly(@ForAll @Size(max = 2000) byte[] content,
                                                            @ForAll("names") String name) {
        check(DraftSource.file(name, content));
    }

    @Property(tries = 300)
    void textsMadeOfLegislativePiecesAreParsedOrRefusedClearly(@ForAll("texts") String text,
                                                              @ForAll("names") String name) {
        check(DraftSource.file(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 100)
    void damagedWordFilesAreRefusedClearly(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0,
            max = 1_000_000) Integer> positions, @ForAll byte replacement) {
        byte[] damaged = DOCX.clone();
        for (int p : positions) {
            damaged[p % damaged.length] = replacement;
        }
        check(DraftSource.file("草案.docx", damaged));
    }

    @Property(tries = 50)
    void zipFilesThatAreNotWordDocumentsAreRefusedClearly(@ForAll("entryNames") String entry,
                                                         @ForAll @Size(max = 500) byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(body);
            zip.closeEntry();
        }
        check(DraftSource.file("x.docx", out.toByteArray()));
    }

    private static void check(DraftSource source) {
        try {
            DraftImporter.Parsed parsed = IMPORTER.parse(source);
            assertThat(parsed.result().isDraft()).isTrue();
        } catch (KaimenException e) {
            String zh = MESSAGES.getMessage(e.messageKey(), e.args(), null, Locale.SIMPLIFIED_CHINESE);
            String en = MESSAGES.getMessage(e.messageKey(), e.args(), null, Locale.ENGLISH);
            assertThat(zh).as("zh-CN text of " + e.messageKey()).isNotBlank();
            assertThat(en).as("en text of " + e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("草案.txt", "draft.md", "草案.docx", "x.DOCX", "x.doc", "x.pdf", "x.wps", "noext", "")
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<String> entryNames() {
        return Arbitraries.of("word/document.xml", "[Content_Types].xml", "word/../../evil.xml", "a.txt", "word/");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
