package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DraftParserTest {

    private final DraftParser parser = new DraftParser();

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private ParsedProvision onlyChapter(ParseResult result) {
        assertThat(result.roots()).hasSize(1);
        return result.roots().get(0);
    }

    // --- numbering anomalies --------------------------------------------------------------

    @Test
    void skippedArticleNumberIsReportedOnTheLineOfTheArticleAfterTheGap() {
        ParseResult result = parser.parse(lines(
                "某市物业管理条例（草案）",
                "第一章 总则",
                "第一条　为了规范物业管理，制定本条例。",
                "第二条　本条例适用于本市。",
                "第四条　物业服务企业应当诚信经营。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(5, AnomalyType.SKIPPED_ARTICLE_NUMBER));
        assertThat(result.anomalies().get(0).message()).isEqualTo("Skipped article number 3");
        assertThat(result.articles()).extracting(ParsedProvision::number).containsExactly(1, 2, 4);
        assertThat(result.counts().articles()).isEqualTo(3);
    }

    @Test
    void repeatedArticleNumberIsReportedAndBothArticlesAreKept() {
        ParseResult result = parser.parse(lines(
                "标题",
                "",
                "第一条　甲。",
                "",
                "第二条　乙。",
                "第二条　丙。",
                "第三条　丁。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(6, AnomalyType.REPEATED_ARTICLE_NUMBER));
        assertThat(result.articles()).extracting(ParsedProvision::number).containsExactly(1, 2, 2, 3);
    }

    @Test
    void articleNumberGoingBackwardsIsReportedAsOutOfOrder() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲。", "第二条　乙。", "第一条　丙。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(4, AnomalyType.NUMBER_OUT_OF_ORDER));
    }

    @Test
    void firstArticleOtherThanOneIsReportedAsSkipped() {
        ParseResult result = parser.parse(lines("标题", "第三条　甲。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type, Anomaly::message)
                .containsExactly(tuple(2, AnomalyType.SKIPPED_ARTICLE_NUMBER, "Skipped article numbers 1 to 2"));
    }

    @Test
    void skippedAndRepeatedChapterNumbersAreReported() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一章 总则",
                "第一条　甲。",
                "第三章 管理",
                "第二条　乙。",
                "第三章 服务",
                "第三条　丙。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type).containsExactly(
                tuple(4, AnomalyType.SKIPPED_CHAPTER_NUMBER),
                tuple(6, AnomalyType.REPEATED_CHAPTER_NUMBER));
        assertThat(result.counts().chapters()).isEqualTo(3);
    }

    @Test
    void unreadableArticleNumeralIsReportedAndTheNextNumberAssumed() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲。", "第十十条　乙。", "第三条　丙。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(3, AnomalyType.INVALID_NUMERAL));
        assertThat(result.articles()).extracting(ParsedProvision::number).containsExactly(1, 2, 3);
    }

    // --- orphans and empties -------------------------------------------------------------

    @Test
    void textBetweenAChapterHeadingAndItsFirstArticleIsAnOrphanKeptWithTheChapter() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一章 总则",
                "本章规定一般原则，不属于任何条文。",
                "第一条　甲。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type, Anomaly::detail)
                .containsExactly(tuple(3, AnomalyType.ORPHAN_TEXT, "本章规定一般原则，不属于任何条文。"));
        ParsedProvision chapter = onlyChapter(result);
        assertThat(chapter.text()).isEqualTo("本章规定一般原则，不属于任何条文。");
        assertThat(chapter.children()).hasSize(1);
    }

    @Test
    void itemsBeforeTheFirstArticleOfAChapterAreOrphans() {
        ParseResult result = parser.parse(lines("标题", "第一章 总则", "（一）孤立的项；", "第一条　甲。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(3, AnomalyType.ORPHAN_TEXT));
        assertThat(result.counts().items()).isZero();
        assertThat(onlyChapter(result).text()).isEqualTo("（一）孤立的项；");
    }

    @Test
    void articleWithoutAnyTextIsReportedAsEmpty() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲。", "第二条", "第三条　丙。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(3, AnomalyType.EMPTY_ARTICLE));
        assertThat(result.articles().get(1).children()).hasSize(1);
        assertThat(result.counts().paragraphs()).isEqualTo(3);
    }

    @Test
    void insertedArticleIsKeptAsTextAndReported() {
        ParseResult result = parser.parse(lines("标题", "第十条　甲。", "第十条之一　乙。"));

        assertThat(result.anomalies()).extracting(Anomaly::type)
                .contains(AnomalyType.INSERTED_ARTICLE);
        assertThat(result.counts().articles()).isEqualTo(1);
        assertThat(result.articles().get(0).children().get(1).text()).isEqualTo("第十条之一　乙。");
    }

    // --- drafts and non-drafts ------------------------------------------------------------

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\n\r\n", "\u3000\u3000"})
    void emptyTextIsNotADraft(String text) {
        ParseResult result = parser.parse(text);

        assertThat(result.isDraft()).isFalse();
        assertThat(result.counts()).isEqualTo(Counts.ZERO);
        assertThat(result.title()).isEmpty();
    }

    @Test
    void newsArticleIsNotADraft() {
        ParseResult result = parser.parse(lines(
                "市人大常委会召开物业管理立法座谈会",
                "",
                "本报讯 3月15日，市人大常委会召开座谈会，听取业主代表对物业管理条例草案的意见。",
                "与会代表认为，草案第十条关于业主委员会的规定还需细化。",
                "会议由第一副主任主持。"));

        assertThat(result.isDraft()).isFalse();
        assertThat(result.title()).isEqualTo("市人大常委会召开物业管理立法座谈会");
        assertThat(result.preamble()).hasSize(3);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void singleArticleMakesADraft() {
        assertThat(parser.parse("第一条 本办法自公布之日起施行。").isDraft()).isTrue();
    }

    // --- headings -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "第一章 总则", "第一章  总则", "第一章　总则", "第一章\u3000\u3000总则", "第一章 总 则", "第一章　总　则",
        "第 一 章 总则", "第 一 章　总　则", "第一章总则", "## 第一章 总则", "##第一章 总则", "**第一章 总则**",
        "\u3000\u3000第一章　总则", "第\u200B一章 总则", "# 第一章 总则 ", "第一章\t总则", "第1章 总则", "第１章 总则"
    })
    void chapterHeadingsWithOddSpacingAndMarkupAreRecognised(String heading) {
        ParseResult result = parser.parse(lines("标题", heading, "第一条　甲。"));

        ParsedProvision chapter = onlyChapter(result);
        assertThat(chapter.kind()).isEqualTo(ProvisionKind.CHAPTER);
        assertThat(chapter.number()).isEqualTo(1);
        assertThat(chapter.heading()).isEqualTo("总则");
        assertThat(chapter.line()).isEqualTo(2);
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void headingTitleWrittenOnTheNextLineIsJoinedToTheHeading() {
        ParseResult result = parser.parse(lines("标题", "第一章", "总　则", "第一条　甲。"));

        assertThat(onlyChapter(result).heading()).isEqualTo("总则");
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void partsChaptersAndSectionsNestAndChapterNumbersMayRestartInEachPart() {
        ParseResult result = parser.parse(lines(
                "某某法典",
                "第一编 总则",
                "第一章 基本规定",
                "第一节 一般规定",
                "第一条　甲。",
                "第二节 特别规定",
                "第二条　乙。",
                "第二章 附属规定",
                "第三条　丙。",
                "第二编 分则",
                "第一章 物业",
                "第四条　丁。"));

        assertThat(result.anomalies()).isEmpty();
        assertThat(result.counts()).isEqualTo(new Counts(2, 3, 2, 4, 4, 0, 0));
        ParsedProvision part1 = result.roots().get(0);
        assertThat(part1.kind()).isEqualTo(ProvisionKind.PART);
        assertThat(part1.heading()).isEqualTo("总则");
        assertThat(part1.children()).extracting(ParsedProvision::kind, ParsedProvision::number, ParsedProvision::heading)
                .containsExactly(tuple(ProvisionKind.CHAPTER, 1, "基本规定"), tuple(ProvisionKind.CHAPTER, 2, "附属规定"));
        ParsedProvision section2 = part1.children().get(0).children().get(1);
        assertThat(section2.kind()).isEqualTo(ProvisionKind.SECTION);
        assertThat(section2.children()).extracting(ParsedProvision::number).containsExactly(2);
        assertThat(result.roots().get(1).children().get(0).children()).extracting(ParsedProvision::number)
                .containsExactly(4);
    }

    @Test
    void sectionOutsideAnyChapterIsReported() {
        ParseResult result = parser.parse(lines("标题", "第一节 一般规定", "第一条　甲。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(2, AnomalyType.STRUCTURE_OUT_OF_ORDER));
        assertThat(result.counts().sections()).isEqualTo(1);
    }

    @Test
    void sentenceThatStartsWithAChapterReferenceIsNotAHeading() {
        ParseResult result = parser.parse(lines(
                "标题", "第一章 总则", "第一条　甲。", "第二章规定的事项，由市人民政府另行规定。"));

        assertThat(result.counts().chapters()).isEqualTo(1);
        assertThat(result.articles().get(0).children()).hasSize(2);
    }

    @Test
    void sentenceThatStartsWithAnArticleReferenceIsAParagraphNotAnArticle() {
        ParseResult result = parser.parse(lines(
                "标题", "第十条　甲。", "第十条规定的期限届满的，依照本条例处理。", "第十一条第二款规定的情形除外。"));

        assertThat(result.counts().articles()).isEqualTo(1);
        assertThat(result.counts().paragraphs()).isEqualTo(3);
    }

    // --- table of contents ----------------------------------------------------------------

    @Test
    void tableOfContentsAfterAMarkerIsSkippedAndItsHeadingsAreNotCountedTwice() {
        ParseResult result = parser.parse(lines(
                "某市物业管理条例",
                "目　　录",
                "第一章　总　　则",
                "第二章　附　　则",
                "",
                "第一章　总　　则",
                "第一条　甲。",
                "第二章　附　　则",
                "第二条　乙。"));

        assertThat(result.counts().chapters()).isEqualTo(2);
        assertThat(result.roots()).extracting(ParsedProvision::line).containsExactly(6, 8);
        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(2, AnomalyType.TABLE_OF_CONTENTS));
        assertThat(result.preamble()).isEmpty();
    }

    @Test
    void tableOfContentsWithPageNumbersAndSectionsIsSkipped() {
        ParseResult result = parser.parse(lines(
                "标题",
                "目录",
                "第一章 总则……………………1",
                "第一节 一般规定………………1",
                "第二章 附则……………………3",
                "第一章 总则",
                "第一节 一般规定",
                "第一条　甲。",
                "第二章 附则",
                "第二条　乙。"));

        assertThat(result.counts()).isEqualTo(new Counts(0, 2, 1, 2, 2, 0, 0));
        assertThat(result.anomalies()).extracting(Anomaly::type).containsExactly(AnomalyType.TABLE_OF_CONTENTS);
    }

    @Test
    void tableOfContentsWithoutAMarkerIsDetectedWhenTheHeadingsRestart() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一章 总则",
                "第二章 管理",
                "第三章 附则",
                "第一章 总则",
                "第一条　甲。",
                "第二章 管理",
                "第二条　乙。",
                "第三章 附则",
                "第三条　丙。"));

        assertThat(result.counts().chapters()).isEqualTo(3);
        assertThat(result.roots()).extracting(ParsedProvision::line).containsExactly(5, 7, 9);
        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(2, AnomalyType.TABLE_OF_CONTENTS));
    }

    @Test
    void markerWithoutRepeatedHeadingsIsNotTreatedAsATableOfContents() {
        ParseResult result = parser.parse(lines("标题", "目录", "第一章 总则", "说明文字", "第二章 附则"));

        assertThat(result.counts().chapters()).isEqualTo(2);
        assertThat(result.preamble()).containsExactly("目录");
        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(4, AnomalyType.ORPHAN_TEXT));
    }

    @Test
    void markerDirectlyFollowedByArticlesIsKeptAsPreamble() {
        ParseResult result = parser.parse(lines("标题", "目录", "说明", "第一条　甲。"));

        assertThat(result.preamble()).containsExactly("目录", "说明");
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.counts().articles()).isEqualTo(1);
    }

    @Test
    void tableOfContentsAnomalyCountsTheSkippedLines() {
        ParseResult result = parser.parse(lines("标题", "目录", "第一章 总则", "", "第二章 附则", "第一章 总则", "第一条　甲。"));

        assertThat(result.anomalies()).extracting(Anomaly::message)
                .containsExactly("Skipped a table of contents of 2 line(s)");
    }

    // --- articles, paragraphs, items, sub-items --------------------------------------------

    @Test
    void articleNumbersAreReadInEveryWrittenForm() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一百零四条　甲。",
                "第一百一十条　乙。",
                "第12条 丙。",
                "第两百条 丁。",
                "第一〇五条 戊。",
                "第 二 十 条 己。"));

        assertThat(result.articles()).extracting(ParsedProvision::number).containsExactly(104, 110, 12, 200, 105, 20);
        assertThat(result.articles()).extracting(a -> a.children().get(0).text())
                .containsExactly("甲。", "乙。", "丙。", "丁。", "戊。", "己。");
    }

    @Test
    void articleTextMayFollowTheNumberWithoutAnySeparator() {
        ParseResult result = parser.parse(lines("标题", "第一条为了规范物业管理，制定本条例。"));

        assertThat(result.articles()).hasSize(1);
        assertThat(result.articles().get(0).children().get(0).text()).isEqualTo("为了规范物业管理，制定本条例。");
    }

    @Test
    void articleTextWithoutSeparatorIsReadAsAnArticleUnlessItContinuesAReference() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一条中华人民共和国境内的物业管理适用本条例。",
                "第二条有关部门应当加强监督。",
                "第一条所称物业管理，是指业主委托的服务活动。",
                "第三条所有权人应当履行义务。"));

        assertThat(result.articles()).extracting(ParsedProvision::number).containsExactly(1, 2, 3);
        assertThat(result.articles().get(1).children()).extracting(ParsedProvision::text)
                .containsExactly("有关部门应当加强监督。", "第一条所称物业管理，是指业主委托的服务活动。");
    }

    @Test
    void bareArticleLineTakesTheNextLineAsItsFirstParagraph() {
        ParseResult result = parser.parse(lines("标题", "第一条", "为了规范物业管理，制定本条例。", "第二款。"));

        ParsedProvision article = result.articles().get(0);
        assertThat(article.children()).extracting(ParsedProvision::number, ParsedProvision::text, ParsedProvision::line)
                .containsExactly(tuple(1, "为了规范物业管理，制定本条例。", 3), tuple(2, "第二款。", 4));
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void articleThatIsOnlyAnItemListHasAnEmptyLeadInParagraph() {
        ParseResult result = parser.parse(lines("标题", "第一条", "（一）甲；", "（二）乙。"));

        ParsedProvision article = result.articles().get(0);
        assertThat(article.children()).hasSize(1);
        ParsedProvision lead = article.children().get(0);
        assertThat(lead.text()).isEmpty();
        assertThat(lead.children()).extracting(ParsedProvision::kind, ParsedProvision::number, ParsedProvision::text)
                .containsExactly(tuple(ProvisionKind.ITEM, 1, "甲；"), tuple(ProvisionKind.ITEM, 2, "乙。"));
        assertThat(result.counts()).isEqualTo(new Counts(0, 0, 0, 1, 1, 2, 0));
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void itemsBelongToTheCurrentParagraphAndSubItemsToTheCurrentItem() {
        ParseResult result = parser.parse(lines(
                "标题",
                "第一条　业主享有下列权利：",
                "(一)知情权；",
                "（二）监督权，包括：",
                "1.查阅账目；",
                "2．复制资料；",
                "3、提出质询；",
                "（三）其他权利。",
                "业主应当履行下列义务：",
                "（一）遵守管理规约。",
                "1.5米以下的围墙由业主自行维护。"));

        ParsedProvision article = result.articles().get(0);
        assertThat(article.children()).hasSize(3);
        ParsedProvision first = article.children().get(0);
        assertThat(first.children()).extracting(ParsedProvision::number).containsExactly(1, 2, 3);
        assertThat(first.children().get(1).children())
                .extracting(ParsedProvision::kind, ParsedProvision::number, ParsedProvision::text, ParsedProvision::line)
                .containsExactly(
                        tuple(ProvisionKind.SUBITEM, 1, "查阅账目；", 5),
                        tuple(ProvisionKind.SUBITEM, 2, "复制资料；", 6),
                        tuple(ProvisionKind.SUBITEM, 3, "提出质询；", 7));
        assertThat(article.children().get(1).children()).hasSize(1);
        assertThat(article.children().get(2).text()).isEqualTo("1.5米以下的围墙由业主自行维护。");
        assertThat(result.counts()).isEqualTo(new Counts(0, 0, 0, 1, 3, 4, 3));
        assertThat(result.anomalies()).isEmpty();
    }

    @Test
    void numberedLineOutsideAnyItemIsAParagraph() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲：", "1.乙；", "2.丙。"));

        assertThat(result.counts()).isEqualTo(new Counts(0, 0, 0, 1, 3, 0, 0));
    }

    @Test
    void itemOutOfOrderIsReportedWithItsLine() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲：", "（一）乙；", "（三）丙。"));

        assertThat(result.anomalies()).extracting(Anomaly::line, Anomaly::type)
                .containsExactly(tuple(4, AnomalyType.ITEM_OUT_OF_ORDER));
        assertThat(result.articles().get(0).children().get(0).children()).extracting(ParsedProvision::number)
                .containsExactly(1, 3);
    }

    @Test
    void articlesWithoutHeadingsAreRoots() {
        ParseResult result = parser.parse(lines("某办法", "第一条　甲。", "第二条　乙。"));

        assertThat(result.roots()).extracting(ParsedProvision::kind)
                .containsExactly(ProvisionKind.ARTICLE, ProvisionKind.ARTICLE);
    }

    // --- title, preamble, markup ----------------------------------------------------------

    @Test
    void draftSuffixOnTheLineAfterTheTitleBelongsToTheTitle() {
        ParseResult result = parser.parse(lines("某市物业管理条例", "（征求意见稿）", "2024年5月", "第一条　甲。"));

        assertThat(result.title()).isEqualTo("某市物业管理条例（征求意见稿）");
        assertThat(result.preamble()).containsExactly("2024年5月");
    }

    @Test
    void markdownTitleWinsOverAnEarlierLine() {
        ParseResult result = parser.parse(lines("草稿", "# 某市物业管理条例", "第一条　甲。"));

        assertThat(result.title()).isEqualTo("某市物业管理条例");
        assertThat(result.preamble()).containsExactly("草稿");
    }

    @Test
    void htmlCommentsSpanningLinesAreRemovedWithoutShiftingLineNumbers() {
        ParseResult result = parser.parse(lines(
                "<!-- 来源：",
                "某数据库 -->",
                "# 标题",
                "<!-- 注释 -->第一条　甲。<!-- 行尾 -->",
                "第三条　丙。"));

        assertThat(result.title()).isEqualTo("标题");
        assertThat(result.articles()).extracting(ParsedProvision::line).containsExactly(4, 5);
        assertThat(result.articles().get(0).children().get(0).text()).isEqualTo("甲。");
        assertThat(result.anomalies()).extracting(Anomaly::line).containsExactly(5);
    }

    @Test
    void unterminatedHtmlCommentIsKeptAsText() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲。", "<!-- 未结束的注释"));

        assertThat(result.articles().get(0).children()).extracting(ParsedProvision::text)
                .containsExactly("甲。", "<!-- 未结束的注释");
    }

    @Test
    void lineNumbersCountCarriageReturnLineEndsOnce() {
        ParseResult result = parser.parse("标题\r\n\r\n第一条　甲。\r\n第二条　乙。\r第三条　丙。");

        assertThat(result.articles()).extracting(ParsedProvision::line).containsExactly(3, 4, 5);
    }

    @Test
    void byteOrderMarkAndZeroWidthSpacesAreIgnored() {
        ParseResult result = parser.parse("\uFEFF标题\n第\u200B一\u200D条\u3000甲\u200B。");

        assertThat(result.title()).isEqualTo("标题");
        assertThat(result.articles().get(0).children().get(0).text()).isEqualTo("甲。");
    }

    @Test
    void fullTextOfAnArticleJoinsItsParagraphsAndItems() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲：", "（一）乙；", "丙。"));

        assertThat(result.articles().get(0).fullText()).isEqualTo("甲：\n乙；\n丙。");
    }

    @Test
    void parsedTreeIsImmutable() {
        ParseResult result = parser.parse(lines("标题", "第一条　甲。"));

        List<ParsedProvision> roots = result.roots();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> roots.add(roots.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
