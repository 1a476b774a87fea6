package org.kaimen.drafts.internal.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CrossReferencesTest {

    private static void assertOffsetsMatch(String text, List<CrossReference> refs) {
        for (CrossReference r : refs) {
            assertThat(text.substring(r.start(), r.end())).isEqualTo(r.text());
        }
    }

    @Test
    void selfReferenceToAnItemIncludesTheRegulationPrefix() {
        String text = "违反本条例第十一条第（五）项规定的，由物业主管部门责令改正。";
        List<CrossReference> refs = CrossReferences.find(text, 40, 1);

        assertThat(refs).extracting(CrossReference::start, CrossReference::end, CrossReference::targetKey,
                CrossReference::text).containsExactly(tuple(2, 14, "a11.p1.i5", "本条例第十一条第（五）项"));
        assertOffsetsMatch(text, refs);
    }

    @Test
    void articleAndParagraphReference() {
        List<CrossReference> refs = CrossReferences.find("依照第十一条第二款的规定办理。", 3, 1);

        assertThat(refs).extracting(CrossReference::targetKey, CrossReference::text)
                .containsExactly(tuple("a11.p2", "第十一条第二款"));
    }

    @Test
    void relativeReferencesResolveAgainstTheCurrentArticleAndParagraph() {
        String text = "有本条第一款规定情形的，适用前款规定；前款第（二）项除外，本款另有规定的除外，前条亦同。";
        List<CrossReference> refs = CrossReferences.find(text, 20, 3);

        assertThat(refs).extracting(CrossReference::text, CrossReference::targetKey).containsExactly(
                tuple("本条第一款", "a20.p1"),
                tuple("前款", "a20.p2"),
                tuple("前款第（二）项", "a20.p2.i2"),
                tuple("本款", "a20.p3"),
                tuple("前条", "a19"));
        assertOffsetsMatch(text, refs);
    }

    @Test
    void relativeReferencesWithoutContextAreNotGuessed() {
        assertThat(CrossReferences.find("适用前款规定，本条另有规定的除外。")).isEmpty();
        assertThat(CrossReferences.find("适用前款规定。", 5, 1)).isEmpty();
    }

    @Test
    void rangeLinksBothEndpoints() {
        String text = "违反本条例第二十条至第二十二条规定的，依法处理。";
        List<CrossReference> refs = CrossReferences.find(text, 50, 1);

        assertThat(refs).extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("本条例第二十条", "a20"), tuple("第二十二条", "a22"));
        assertOffsetsMatch(text, refs);
    }

    @Test
    void enumeratedArticlesAreEachLinked() {
        List<CrossReference> refs = CrossReferences.find("依照第三十五条、第三十六条的规定。", 1, 1);

        assertThat(refs).extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("第三十五条", "a35"), tuple("第三十六条", "a36"));
    }

    @Test
    void bareLowerPartsAfterAConnectorContinueThePreviousReference() {
        assertThat(CrossReferences.find("有第五条第二款、第三款规定情形的", 9, 1))
                .extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("第五条第二款", "a5.p2"), tuple("第三款", "a5.p3"));
        assertThat(CrossReferences.find("违反本条例第三十六条第一款第一项至第八项规定的", 53, 1))
                .extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("本条例第三十六条第一款第一项", "a36.p1.i1"), tuple("第八项", "a36.p1.i8"));
    }

    @Test
    void bareParagraphOrItemWithoutPrecedingReferenceMeansTheCurrentArticle() {
        assertThat(CrossReferences.find("依照第二款规定", 7, 1)).extracting(CrossReference::targetKey)
                .containsExactly("a7.p2");
        assertThat(CrossReferences.find("第（三）项所列情形", 7, 2)).extracting(CrossReference::targetKey)
                .containsExactly("a7.p2.i3");
    }

    @Test
    void referencesToOtherLawsAreNotInternalLinks() {
        String text = "依照《物业管理条例》第十条、第十一条的规定，并适用本条例第十二条。";
        List<CrossReference> refs = CrossReferences.find(text, 1, 1);

        assertThat(refs).extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("本条例第十二条", "a12"));
        assertOffsetsMatch(text, refs);
    }

    @Test
    void unquotedLawNamesAndNestedBookTitlesAreNotInternalLinks() {
        assertThat(CrossReferences.find("依照中华人民共和国物权法第七十条的规定", 1, 1)).isEmpty();
        assertThat(CrossReferences.find("根据《国务院关于修改〈物业管理条例〉的决定》第二条", 1, 1)).isEmpty();
        assertThat(CrossReferences.find("《关于第十条的解释》另有规定", 1, 1)).isEmpty();
        assertThat(CrossReferences.find("依法第十条", 1, 1)).extracting(CrossReference::targetKey).containsExactly("a10");
    }

    @Test
    void referencesWithArabicNumeralsAndSubItems() {
        assertThat(CrossReferences.find("依照第12条第2款第（3）项第1目", 1, 1))
                .extracting(CrossReference::targetKey).containsExactly("a12.p2.i3.s1");
    }

    @Test
    void wordsThatMerelyContainTiaoAreNotReferences() {
        assertThat(CrossReferences.find("本条例所称物业，是指第22次会议通过的条件。", 1, 1)).isEmpty();
        assertThat(CrossReferences.find("第二项目标已经完成", 1, 1)).isEmpty();
    }

    @Test
    void itemReferenceWithoutParagraphFindsTheParagraphHoldingTheItemWhenTheDocumentIsGiven() {
        ParseResult document = new DraftParser().parse(Regulations.read(Regulations.NATIONAL));

        assertThat(CrossReferences.find("依照第六条第（三）项", 10, 1, document))
                .extracting(CrossReference::targetKey).containsExactly("a6.p2.i3");
        assertThat(CrossReferences.find("依照第六条第（三）项", 10, 1))
                .extracting(CrossReference::targetKey).containsExactly("a6.p1.i3");
    }

    @Test
    void bareItemsInAParagraphAfterAnItemListPointToThatList() {
        ParseResult document = new DraftParser().parse(Regulations.read(Regulations.BINZHOU));
        String text = document.articles().get(35).children().get(1).text();

        assertThat(CrossReferences.find(text, 36, 2, document))
                .extracting(CrossReference::text, CrossReference::targetKey)
                .containsExactly(tuple("前款", "a36.p1"), tuple("第一项", "a36.p1.i1"), tuple("第八项", "a36.p1.i8"));
    }

    @Test
    void barePartGluedToANumeralIsATypoAndNotLinked() {
        assertThat(CrossReferences.find("违反本条例第四十八第一款的规定", 57, 1)).isEmpty();
    }

    @Test
    void allReferencesOfTheBinzhouRegulationResolveAsExpected() {
        ParseResult document = new DraftParser().parse(Regulations.read(Regulations.BINZHOU));

        Map<String, List<String>> found = new java.util.LinkedHashMap<>();
        CrossReferences.findAll(document).forEach((key, refs) ->
                found.put(key, refs.stream().map(r -> r.text() + "→" + r.targetKey()).toList()));

        assertThat(found).containsExactly(
                Map.entry("a11.p2", List.of("前款→a11.p1")),
                Map.entry("a36.p2", List.of("前款→a36.p1", "第一项→a36.p1.i1", "第八项→a36.p1.i8")),
                Map.entry("a55.p1", List.of("本条例第二十一条→a21")),
                Map.entry("a56.p1", List.of("本条例第三十六条第一款第一项→a36.p1.i1", "第八项→a36.p1.i8")));
    }

    @Test
    void allReferencesOfTheNationalRegulationAreFoundAndPointToExistingProvisions() {
        ParseResult document = new DraftParser().parse(Regulations.read(Regulations.NATIONAL));
        Map<String, List<CrossReference>> all = CrossReferences.findAll(document);
        Map<String, ParsedProvision> index = CitationLabels.index(document.roots());

        assertThat(all).isNotEmpty();
        assertThat(all.values().stream().flatMap(List::stream))
                .allSatisfy(r -> assertThat(index).containsKey(r.targetKey()));
        String keyOfLine96 = CitationLabels.citations(document.roots()).stream()
                .filter(c -> c.provision().line() == 96).findFirst().orElseThrow().key();
        assertThat(keyOfLine96).startsWith("a12.p");
        assertThat(all.get(keyOfLine96)).extracting(CrossReference::text, CrossReference::targetKey)
                .containsSubsequence(tuple("本条例第十一条第(五)项", "a11.p1.i5"), tuple("第(六)项", "a11.p1.i6"));
    }
}
