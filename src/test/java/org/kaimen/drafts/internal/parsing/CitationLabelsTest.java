package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CitationLabelsTest {

    private static ParsedProvision node(ProvisionKind kind, int number) {
        return new ParsedProvision(kind, number, kind.isHeading() ? "标题" : null, "", 0, List.of());
    }

    @Test
    void articleTwelveIsLabelledDiShiErTiaoWithKeyA12() {
        assertThat(CitationLabels.label(12, 0, 0, 0)).isEqualTo("第十二条");
        assertThat(CitationLabels.key(12, 0, 0, 0)).isEqualTo("a12");
    }

    @Test
    void paragraphItemAndSubItemLabelsAndKeysNestUnderTheArticle() {
        assertThat(CitationLabels.label(12, 2, 0, 0)).isEqualTo("第十二条第二款");
        assertThat(CitationLabels.label(12, 2, 3, 0)).isEqualTo("第十二条第二款第（三）项");
        assertThat(CitationLabels.label(12, 2, 3, 1)).isEqualTo("第十二条第二款第（三）项第1目");
        assertThat(CitationLabels.key(12, 2, 0, 0)).isEqualTo("a12.p2");
        assertThat(CitationLabels.key(12, 2, 3, 0)).isEqualTo("a12.p2.i3");
        assertThat(CitationLabels.key(12, 2, 3, 1)).isEqualTo("a12.p2.i3.s1");
    }

    @Test
    void largeArticleNumbersUseConventionalNumerals() {
        assertThat(CitationLabels.label(104, 0, 0, 0)).isEqualTo("第一百零四条");
        assertThat(CitationLabels.label(110, 1, 10, 0)).isEqualTo("第一百一十条第一款第（十）项");
    }

    @Test
    void pathLabelsAndKeysOmitHeadingsAboveAnArticle() {
        List<ParsedProvision> path = List.of(node(ProvisionKind.CHAPTER, 2), node(ProvisionKind.SECTION, 1),
                node(ProvisionKind.ARTICLE, 12), node(ProvisionKind.PARAGRAPH, 2), node(ProvisionKind.ITEM, 3),
                node(ProvisionKind.SUBITEM, 1));

        assertThat(CitationLabels.label(path)).isEqualTo("第十二条第二款第（三）项第1目");
        assertThat(CitationLabels.key(path)).isEqualTo("a12.p2.i3.s1");
        assertThat(CitationLabels.label(path.subList(0, 4))).isEqualTo("第十二条第二款");
        assertThat(CitationLabels.key(path.subList(0, 3))).isEqualTo("a12");
    }

    @Test
    void chapterAndSectionLabelsAndKeys() {
        List<ParsedProvision> path = List.of(node(ProvisionKind.CHAPTER, 2), node(ProvisionKind.SECTION, 1));

        assertThat(CitationLabels.label(path.subList(0, 1))).isEqualTo("第二章");
        assertThat(CitationLabels.key(path.subList(0, 1))).isEqualTo("c2");
        assertThat(CitationLabels.label(path)).isEqualTo("第二章第一节");
        assertThat(CitationLabels.key(path)).isEqualTo("c2.s1");
    }

    @Test
    void chaptersInsidePartsAreQualifiedByThePart() {
        List<ParsedProvision> path = List.of(node(ProvisionKind.PART, 1), node(ProvisionKind.CHAPTER, 2));

        assertThat(CitationLabels.label(path)).isEqualTo("第一编第二章");
        assertThat(CitationLabels.key(path)).isEqualTo("pt1.c2");
        assertThat(CitationLabels.headingLabel(ProvisionKind.PART, 3)).isEqualTo("第三编");
    }

    @Test
    void emptyPathIsRejected() {
        assertThatThrownBy(() -> CitationLabels.key(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitationLabels.headingLabel(ProvisionKind.ARTICLE, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyProvisionOfTheNationalRegulationGetsAUniqueKeyAndLabel() {
        ParseResult result = new DraftParser().parse(Regulations.read(Regulations.NATIONAL));

        List<CitationLabels.Citation> citations = CitationLabels.citations(result.roots());
        Counts c = result.counts();
        int total = c.chapters() + c.articles() + c.paragraphs() + c.items();
        assertThat(citations).hasSize(total);
        assertThat(citations).extracting(CitationLabels.Citation::key).doesNotHaveDuplicates();
        assertThat(citations).extracting(CitationLabels.Citation::label).doesNotHaveDuplicates();
        Map<String, ParsedProvision> index = CitationLabels.index(result.roots());
        assertThat(index).hasSize(total);
        assertThat(index.get("a6.p2.i10").text()).isEqualTo("法律、法规规定的其他权利。");
        assertThat(index.get("c2").heading()).isEqualTo("业主及业主大会");
        assertThat(citations).filteredOn(x -> x.key().equals("a6.p2.i10"))
                .extracting(CitationLabels.Citation::label).containsExactly("第六条第二款第（十）项");
    }
}
