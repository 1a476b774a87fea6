package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.addHeadingStyles;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.addList;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.docx;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.number;
import static org.kaimen.drafts.internal.parsing.DocxFixtures.paragraph;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

class RealRegulationsTest {

    private final DraftParser parser = new DraftParser();
    private final DraftTextExtractor extractor = new DraftTextExtractor();

    @Test
    void nationalRegulationParsesToSevenChaptersAndSixtySevenArticles() {
        ParseResult result = parser.parse(Regulations.read(Regulations.NATIONAL));

        assertThat(result.counts()).isEqualTo(Regulations.NATIONAL_COUNTS);
        assertThat(result.counts().chapters()).isEqualTo(7);
        assertThat(result.counts().articles()).isEqualTo(67);
        assertThat(result.counts().paragraphs()).isEqualTo(108);
        assertThat(result.counts().items()).isEqualTo(35);
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.isDraft()).isTrue();
    }

    @Test
    void binzhouRegulationParsesToNineChaptersAndFiftyNineArticles() {
        ParseResult result = parser.parse(Regulations.read(Regulations.BINZHOU));

        assertThat(result.counts()).isEqualTo(Regulations.BINZHOU_COUNTS);
        assertThat(result.counts().chapters()).isEqualTo(9);
        assertThat(result.counts().articles()).isEqualTo(59);
        assertThat(result.counts().paragraphs()).isEqualTo(103);
        assertThat(result.counts().items()).isEqualTo(74);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void nationalRegulationKeepsTitlePreambleAndChapterTitles() {
        ParseResult result = parser.parse(Regulations.read(Regulations.NATIONAL));

        assertThat(result.title()).isEqualTo("物业管理条例");
        assertThat(result.preamble()).containsExactly(
                "2003年6月8日 中华人民共和国国务院令第379号公布",
                "2007年8月26日 《国务院关于修改〈物业管理条例〉的决定》第一次修订",
                "2016年2月6日 《国务院关于修改部分行政法规的决定》第二次修订");
        assertThat(result.roots()).extracting(ParsedProvision::heading).containsExactly(
                "总则", "业主及业主大会", "前期物业管理", "物业管理服务", "物业的使用与维护", "法律责任", "附则");
        assertThat(result.roots()).extracting(ParsedProvision::line).containsExactly(12, 26, 148, 188, 244, 276, 308);
    }

    @Test
    void binzhouChapterTitlesLoseTheirDoubleSpacePadding() {
        ParseResult result = parser.parse(Regulations.read(Regulations.BINZHOU));

        assertThat(result.title()).isEqualTo("滨州市住宅物业管理条例");
        assertThat(result.preamble()).hasSize(2);
        assertThat(result.roots()).extracting(ParsedProvision::heading).containsExactly(
                "总则", "业主自治管理", "新建物业与前期物业管理", "既有住宅区专业经营设施管理", "物业的使用与维护",
                "物业服务", "监督管理", "法律责任", "附则");
    }

    @Test
    void articlesAreNumberedOneToNWithoutGapsInBothRegulations() {
        for (String name : List.of(Regulations.NATIONAL, Regulations.BINZHOU)) {
            ParseResult result = parser.parse(Regulations.read(name));
            int n = result.counts().articles();
            assertThat(result.articles()).extracting(ParsedProvision::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, n).boxed().toList());
        }
    }

    @Test
    void nationalArticleSixHasTwoParagraphsAndTenItemsInTheSecond() {
        ParseResult result = parser.parse(Regulations.read(Regulations.NATIONAL));
        ParsedProvision article6 = result.articles().get(5);

        assertThat(article6.line()).isEqualTo(28);
        assertThat(article6.text()).isEmpty();
        assertThat(article6.children()).hasSize(2);
        assertThat(article6.children().get(0).text()).isEqualTo("房屋的所有权人为业主。");
        ParsedProvision second = article6.children().get(1);
        assertThat(second.text()).isEqualTo("业主在物业管理活动中，享有下列权利：");
        assertThat(second.children()).extracting(ParsedProvision::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(second.children().get(9).text()).isEqualTo("法律、法规规定的其他权利。");
    }

    @Test
    void binzhouArticleElevenContinuesWithParagraphsAfterItsItemList() {
        ParseResult result = parser.parse(Regulations.read(Regulations.BINZHOU));
        ParsedProvision article11 = result.articles().get(10);

        assertThat(article11.line()).isEqualTo(60);
        assertThat(article11.children()).hasSize(3);
        assertThat(article11.children().get(0).children()).hasSize(5);
        assertThat(article11.children().get(1).text()).startsWith("筹备组法定职责事项及前款规定的内容");
        assertThat(article11.children().get(1).children()).isEmpty();
    }

    @Test
    void lastArticlesKeepTheirLineNumbers() {
        assertThat(parser.parse(Regulations.read(Regulations.NATIONAL)).articles().get(66).line()).isEqualTo(310);
        assertThat(parser.parse(Regulations.read(Regulations.BINZHOU)).articles().get(58).line()).isEqualTo(380);
    }

    @Test
    void nationalRegulationAsPlainTextGivesTheSameCounts() {
        String plain = extractor.fromMarkdown(Regulations.read(Regulations.NATIONAL));

        assertThat(plain).doesNotContain("#", "<!--", "-->").startsWith("物业管理条例\n");
        ParseResult result = parser.parse(plain);
        assertThat(result.counts()).isEqualTo(Regulations.NATIONAL_COUNTS);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void binzhouRegulationAsPlainTextGivesTheSameCounts() {
        String plain = extractor.fromMarkdown(Regulations.read(Regulations.BINZHOU));

        assertThat(plain).doesNotContain("#", "<!--", "-->").startsWith("滨州市住宅物业管理条例\n");
        ParseResult result = parser.parse(plain);
        assertThat(result.counts()).isEqualTo(Regulations.BINZHOU_COUNTS);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void plainTextWithWindowsLineEndsAndFullWidthIndentationGivesTheSameCounts() {
        String plain = extractor.fromMarkdown(Regulations.read(Regulations.BINZHOU));
        String windows = plain.lines().map(l -> "\u3000\u3000" + l).reduce("", (a, b) -> a + b + "\r\n");

        assertThat(parser.parse(windows).counts()).isEqualTo(Regulations.BINZHOU_COUNTS);
    }

    @Test
    void binzhouRegulationAsWordDocumentGivesTheSameCounts() throws IOException {
        String markdown = Regulations.read(Regulations.BINZHOU);
        InputStream upload = docx(doc -> {
            addHeadingStyles(doc);
            writeMarkdownAsParagraphs(doc, markdown);
        });

        String text = extractor.fromDocx(upload);
        ParseResult result = parser.parse(text);

        assertThat(result.title()).isEqualTo("滨州市住宅物业管理条例");
        assertThat(result.counts()).isEqualTo(Regulations.BINZHOU_COUNTS);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void nationalRegulationAsWordDocumentGivesTheSameCounts() throws IOException {
        String markdown = Regulations.read(Regulations.NATIONAL);
        InputStream upload = docx(doc -> {
            addHeadingStyles(doc);
            writeMarkdownAsParagraphs(doc, markdown);
        });

        assertThat(parser.parse(extractor.fromDocx(upload)).counts()).isEqualTo(Regulations.NATIONAL_COUNTS);
    }

    @Test
    void wordDocumentWithAutomaticChineseNumberingReconstructsArticleAndItemLabels() throws IOException {
        Pattern article = Pattern.compile("^第[一二三四五六七八九十百]+条 (.*)$");
        Pattern item = Pattern.compile("^[（(][一二三四五六七八九十]+[）)](.*)$");
        String markdown = Regulations.read(Regulations.NATIONAL);
        InputStream upload = docx(doc -> {
            addHeadingStyles(doc);
            BigInteger list = addList(doc, "第%1条", "（%2）", STNumberFormat.CHINESE_COUNTING_THOUSAND);
            for (String line : markdown.lines().toList()) {
                if (line.isBlank() || line.startsWith("<!--")) {
                    continue;
                }
                Matcher a = article.matcher(line);
                Matcher i = item.matcher(line);
                if (a.matches()) {
                    number(paragraph(doc, a.group(1), null), list, 0);
                } else if (i.matches()) {
                    number(paragraph(doc, i.group(1), null), list, 1);
                } else if (line.startsWith("# ")) {
                    paragraph(doc, line.substring(2), "Heading1");
                } else if (line.startsWith("## ")) {
                    paragraph(doc, line.substring(3), "Heading2");
                } else {
                    paragraph(doc, line, null);
                }
            }
        });

        String text = extractor.fromDocx(upload);
        ParseResult result = parser.parse(text);

        assertThat(text).contains("第六十七条\u3000本条例自2003年9月1日起施行。");
        assertThat(text).contains("（十）法律、法规规定的其他权利。");
        assertThat(result.counts()).isEqualTo(Regulations.NATIONAL_COUNTS);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void renderingARealRegulationAndParsingItAgainGivesTheSameTree() {
        for (String name : List.of(Regulations.NATIONAL, Regulations.BINZHOU)) {
            ParseResult original = parser.parse(Regulations.read(name));
            String rendered = new DraftTextRenderer().render(original);
            ParseResult reparsed = parser.parse(rendered);

            assertThat(reparsed.withoutLines()).isEqualTo(original.withoutLines());
        }
    }

    /** One Word paragraph per non-empty markdown line; markdown headings become Heading styles. */
    static void writeMarkdownAsParagraphs(XWPFDocument doc, String markdown) {
        for (String line : markdown.lines().toList()) {
            if (line.isBlank() || line.startsWith("<!--")) {
                continue;
            }
            if (line.startsWith("## ")) {
                paragraph(doc, line.substring(3), "Heading2");
            } else if (line.startsWith("# ")) {
                paragraph(doc, line.substring(2), "Heading1");
            } else {
                paragraph(doc, line, null);
            }
        }
    }
}
