package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.addHeadingStyles;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.addList;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.addNumberedStyle;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.docx;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.number;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.paragraph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

class DraftTextExtractorTest {

    private final DraftTextExtractor extractor = new DraftTextExtractor();
    private final DraftParser parser = new DraftParser();

    // --- normalize ------------------------------------------------------------------------

    @Test
    void normalizeRemovesByteOrderMarkAndUnifiesLineEnds() {
        assertThat(extractor.normalize("\uFEFF标题\r\n第一条\r第二条\n第三条"))
                .isEqualTo("标题\n第一条\n第二条\n第三条\n");
    }

    @Test
    void normalizeTrimsIndentationButKeepsTheFullWidthSpaceAfterTheArticleNumber() {
        assertThat(extractor.normalize("\u3000\u3000第一条\u3000为了规范。\u3000 \n\u00A0第二条\u00A0乙。"))
                .isEqualTo("第一条\u3000为了规范。\n第二条 乙。\n");
    }

    @Test
    void normalizeRemovesZeroWidthAndControlCharacters() {
        assertThat(extractor.normalize("第\u200B一\u200C条\u200D\u2060甲\u0007。\u00AD")).isEqualTo("第一条甲。\n");
    }

    @Test
    void normalizeCollapsesBlankLinesAndDropsLeadingAndTrailingOnes() {
        assertThat(extractor.normalize("\n\n  \n标题\n\n\n\u3000\n第一条\n\n\n")).isEqualTo("标题\n\n第一条\n");
    }

    @Test
    void normalizeOfNothingIsEmpty() {
        assertThat(extractor.normalize(null)).isEmpty();
        assertThat(extractor.normalize("")).isEmpty();
        assertThat(extractor.normalize(" \n\u3000\r\n")).isEmpty();
    }

    @Test
    void normalizeTurnsUnicodeLineSeparatorsIntoLineBreaks() {
        assertThat(extractor.normalize("第一条\u2028第二条\u2029第三条")).isEqualTo("第一条\n第二条\n第三条\n");
    }

    // --- markdown -------------------------------------------------------------------------

    @Test
    void markdownLosesCommentsHeadingMarkersAndEmphasis() {
        String markdown = String.join("\n",
                "<!-- 来源：",
                "数据库 -->",
                "# 某市物业管理条例",
                "",
                "## 第一章 总则 ##",
                "",
                "**第一条** 为了*规范*物业管理，依照[《物业管理条例》](https://example.org)制定本条例。",
                "> 第二条 本条例自`2025年1月1日`起施行。",
                "---",
                "- 第三条 ~~删除~~保留。");

        assertThat(extractor.fromMarkdown(markdown)).isEqualTo(String.join("\n",
                "某市物业管理条例",
                "",
                "第一章 总则",
                "",
                "第一条 为了规范物业管理，依照《物业管理条例》制定本条例。",
                "第二条 本条例自2025年1月1日起施行。",
                "",
                "第三条 删除保留。",
                ""));
    }

    @Test
    void markdownKeepsNumberedSubItemsAndFillInBlanks() {
        String markdown = "第一条 甲：\n（一）乙：\n1. 丙；\n2. 丁。\n第二条 本条例自____年__月__日起施行。";

        String text = extractor.fromMarkdown(markdown);

        assertThat(text).contains("1. 丙；", "2. 丁。", "____年__月__日");
        assertThat(parser.parse(text).counts()).isEqualTo(new Counts(0, 0, 0, 2, 2, 1, 2));
    }

    @Test
    void markdownTableRowsBecomeOneLinePerCell() {
        String markdown = "| 条文 | 说明 |\n|---|:---:|\n| 第一条 甲。 | 新增 |\n";

        assertThat(extractor.fromMarkdown(markdown)).isEqualTo("条文\n说明\n\n第一条 甲。\n新增\n");
    }

    @Test
    void markdownInlineHtmlIsRemovedAndLineBreakTagsSplitLines() {
        assertThat(extractor.fromMarkdown("第一条 <u>甲</u>。<br/>乙。")).isEqualTo("第一条 甲。\n乙。\n");
    }

    // --- docx -----------------------------------------------------------------------------

    @Test
    void wordParagraphsAndTablesAreExtractedInDocumentOrderRowByRow() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            paragraph(doc, "某市物业管理条例", "Heading1");
            paragraph(doc, "第一条　甲。", null);
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("第二条　乙。");
            table.getRow(0).getCell(1).setText("第三条　丙。");
            table.getRow(1).getCell(0).setText("第四条　丁。");
            table.getRow(1).getCell(1).setText("");
            paragraph(doc, "第五条　戊。", null);
        }));

        assertThat(text).isEqualTo("某市物业管理条例\n第一条　甲。\n第二条　乙。\n第三条　丙。\n第四条　丁。\n\n第五条　戊。\n");
        assertThat(parser.parse(text).articles()).extracting(ParsedProvision::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void automaticChineseNumberingIsReconstructedAndItemsRestartInEachArticle() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            addHeadingStyles(doc);
            BigInteger list = addList(doc, "第%1条", "（%2）", STNumberFormat.CHINESE_COUNTING);
            paragraph(doc, "标题", "Heading1");
            number(paragraph(doc, "业主享有下列权利：", null), list, 0);
            number(paragraph(doc, "知情权；", null), list, 1);
            number(paragraph(doc, "监督权。", null), list, 1);
            number(paragraph(doc, "业主履行下列义务：", null), list, 0);
            number(paragraph(doc, "遵守规约。", null), list, 1);
        }));

        assertThat(text).isEqualTo("标题\n第一条\u3000业主享有下列权利：\n（一）知情权；\n（二）监督权。\n"
                + "第二条\u3000业主履行下列义务：\n（一）遵守规约。\n");
    }

    @Test
    void numberingAttachedToParagraphStylesIsReconstructedToo() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            BigInteger list = addList(doc, "第%1条", "（%2）", STNumberFormat.CHINESE_COUNTING);
            addNumberedStyle(doc, "Tiao", list, 0);
            addNumberedStyle(doc, "Xiang", list, 1);
            paragraph(doc, "业主享有下列权利：", "Tiao");
            paragraph(doc, "知情权；", "Xiang");
            paragraph(doc, "监督权。", "Xiang");
            paragraph(doc, "本条例自公布之日起施行。", "Tiao");
        }));

        assertThat(text).isEqualTo("第一条\u3000业主享有下列权利：\n（一）知情权；\n（二）监督权。\n"
                + "第二条\u3000本条例自公布之日起施行。\n");
    }

    @Test
    void automaticNumberingBeyondTenUsesConventionalNumerals() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            BigInteger list = addList(doc, "第%1条", "%2.", STNumberFormat.CHINESE_COUNTING_THOUSAND);
            for (int i = 1; i <= 12; i++) {
                number(paragraph(doc, "内容" + i + "。", null), list, 0);
            }
        }));

        assertThat(text).contains("第十条\u3000内容10。", "第十一条\u3000内容11。", "第十二条\u3000内容12。");
        assertThat(parser.parse(text).counts().articles()).isEqualTo(12);
    }

    @Test
    void arabicAutomaticNumberingBecomesSubItemLabels() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            BigInteger list = addList(doc, "（%1）", "%2.", STNumberFormat.DECIMAL);
            paragraph(doc, "第一条　甲：", null);
            number(paragraph(doc, "乙：", null), list, 0);
            number(paragraph(doc, "丙；", null), list, 1);
            number(paragraph(doc, "丁。", null), list, 1);
        }));

        // Level 0 is decimal here, so the item label is Arabic; the parser only reads Chinese items.
        assertThat(text).isEqualTo("第一条　甲：\n（1）乙：\n1.丙；\n2.丁。\n");
    }

    @Test
    void bulletNumberingIsDroppedAndTheTextKept() throws IOException {
        String text = extractor.fromDocx(docx(doc -> {
            BigInteger list = addList(doc, "•", "◦", STNumberFormat.BULLET);
            number(paragraph(doc, "第一条　甲。", null), list, 0);
        }));

        assertThat(text).isEqualTo("第一条　甲。\n");
    }

    @Test
    void emptyWordDocumentGivesEmptyTextThatIsNotADraft() throws IOException {
        String text = extractor.fromDocx(docx(doc -> { }));

        assertThat(text).isEmpty();
        assertThat(parser.parse(text).isDraft()).isFalse();
    }

    @Test
    void somethingThatIsNotAWordDocumentIsRejectedWithAnIoException() {
        assertThatThrownBy(() -> extractor.fromDocx(
                new ByteArrayInputStream("第一条 这不是Word文档".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
    }
}
