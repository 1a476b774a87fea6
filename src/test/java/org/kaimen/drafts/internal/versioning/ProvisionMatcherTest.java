package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.kaimen.drafts.internal.versioning.VersionMapping.ArticleMapping;
import org.kaimen.drafts.internal.versioning.VersionMapping.InsertedParagraph;
import org.kaimen.drafts.internal.versioning.VersionMapping.ParagraphLink;
import org.kaimen.drafts.internal.versioning.VersionMapping.Status;

class ProvisionMatcherTest {

    private static RevisedBinzhouDraft draft;
    private static VersionMapping mapping;

    @BeforeAll
    static void matchTheRevisedDraft() {
        draft = RevisedBinzhouDraft.create();
        mapping = new ProvisionMatcher().match(draft.before, draft.after);
    }

    @Test
    void theRealTextHasFiftyNineArticlesInNineChapters() {
        assertThat(draft.before).hasSize(59);
        assertThat(draft.before.stream().map(ArticleText::chapterTitle).distinct()).hasSize(9);
        assertThat(draft.before.get(9).paragraphs()).hasSize(9).element(1).isEqualTo("（一）业主名册；");
    }

    @Test
    void everyOldArticleFollowsItsContentNotItsNumber() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ArticleText old : draft.before) {
            List<String> successors = draft.editor.newKeysOf(old.key());
            Status status = switch (old.key()) {
                case "bz-7" -> Status.DELETED;
                case "bz-22" -> Status.SPLIT;
                case "bz-33", "bz-34" -> Status.MERGED;
                default -> Status.MATCHED;
            };
            expected.put(old.key(), status + " " + successors);
            ArticleMapping fate = mapping.article(old.key()).orElseThrow();
            actual.put(old.key(), fate.status() + " " + fate.newKeys());
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void onlyTheTwoNewArticlesAreInserted() {
        assertThat(mapping.insertedArticles()).containsExactly(
                draft.editor.newKeyOfLabel(RevisedBinzhouDraft.E_VOTING),
                draft.editor.newKeyOfLabel(RevisedBinzhouDraft.ACCOUNTS));
    }

    @Test
    void renumberedArticleKeepsItsIdentity() {
        // 第十一条 becomes 第十三条: one deletion before it, one article moved in, two inserted.
        ArticleMapping fate = mapping.article("bz-11").orElseThrow();

        assertThat(fate.status()).isEqualTo(Status.MATCHED);
        assertThat(draft.newArticle(fate.newKeys().get(0)).number()).isEqualTo(13);
        assertThat(fate.renumbered()).isTrue();
        assertThat(fate.moved()).isFalse();
        assertThat(fate.similarity()).isEqualTo(1.0);
    }

    @Test
    void renumberingIsReportedExactlyWhenTheNumberChanged() {
        for (ArticleMapping fate : mapping.articles()) {
            if (fate.status() == Status.MATCHED) {
                int newNumber = draft.newArticle(fate.newKeys().get(0)).number();
                assertThat(fate.renumbered()).as(fate.oldKey()).isEqualTo(newNumber != fate.oldNumber());
            }
        }
        assertThat(mapping.article("bz-5").orElseThrow().renumbered()).isFalse();
        assertThat(mapping.article("bz-8").orElseThrow().renumbered()).isFalse();
        assertThat(mapping.article("bz-12").orElseThrow().renumbered()).isTrue();
    }

    @Test
    void articleMovedToAnotherChapterIsTheOnlyMovedOne() {
        ArticleMapping moved = mapping.article("bz-53").orElseThrow();
        assertThat(moved.status()).isEqualTo(Status.MATCHED);
        assertThat(moved.moved()).isTrue();
        assertThat(moved.chapterChanged()).isTrue();
        assertThat(draft.newArticle(moved.newKeys().get(0)).number()).isEqualTo(7);

        assertThat(mapping.articles()).filteredOn(ArticleMapping::moved).extracting(ArticleMapping::oldKey)
                .containsExactly("bz-53");
    }

    @Test
    void termReplacedThroughoutKeepsArticlesMatchedButModified() {
        ArticleMapping fate = mapping.article("bz-28").orElseThrow();
        assertThat(fate.status()).isEqualTo(Status.MATCHED);
        assertThat(fate.similarity()).isBetween(0.8, 0.99);
        assertThat(fate.paragraphs()).singleElement()
                .satisfies(link -> assertThat(link.newIndex()).isZero());
    }

    @Test
    void clauseAddedToAShortArticleStillMatches() {
        ArticleMapping fate = mapping.article("bz-3").orElseThrow();
        assertThat(fate.status()).isEqualTo(Status.MATCHED);
        assertThat(fate.similarity()).isBetween(0.6, 0.9);
        assertThat(fate.paragraphs()).containsExactly(
                new ParagraphLink(0, fate.newKeys().get(0), 0, fate.paragraphs().get(0).similarity()));
    }

    @Test
    void changedEffectiveDateStillMatchesTheFinalArticle() {
        ArticleMapping fate = mapping.article("bz-59").orElseThrow();
        assertThat(fate.status()).isEqualTo(Status.MATCHED);
        assertThat(fate.similarity()).isLessThan(1.0);
    }

    @Test
    void unchangedArticleMapsParagraphByParagraph() {
        ArticleMapping fate = mapping.article("bz-10").orElseThrow();
        assertThat(fate.similarity()).isEqualTo(1.0);
        assertThat(fate.paragraphs()).hasSize(9).allSatisfy(link -> {
            assertThat(link.newIndex()).isEqualTo(link.oldIndex());
            assertThat(link.similarity()).isEqualTo(1.0);
        });
    }

    @Test
    void insertedItemShiftsTheItemAfterIt() {
        ArticleMapping fate = mapping.article("bz-42").orElseThrow();
        String key = draft.newKey("bz-42");

        assertThat(fate.paragraphs()).extracting(ParagraphLink::newIndex).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 9);
        assertThat(fate.paragraphs().get(8).similarity()).isGreaterThan(0.9);
        assertThat(mapping.insertedParagraphs()).contains(new InsertedParagraph(key, 8));
        assertThat(mapping.paragraph("bz-42", 8)).get().extracting(ParagraphLink::newKey).isEqualTo(key);
    }

    @Test
    void deletedParagraphIsReportedDeleted() {
        ArticleMapping fate = mapping.article("bz-24").orElseThrow();
        assertThat(fate.paragraphs()).extracting(ParagraphLink::newIndex).containsExactly(0, 1, -1);
        assertThat(fate.paragraphs().get(2).isDeleted()).isTrue();
    }

    @Test
    void rewordedItemStaysAttachedToItsSuccessor() {
        ArticleMapping fate = mapping.article("bz-36").orElseThrow();
        ParagraphLink reworded = fate.paragraphs().get(13);

        assertThat(fate.paragraphs()).extracting(ParagraphLink::newIndex)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(reworded.similarity()).isBetween(0.3, 0.9);
        assertThat(fate.paragraphs().get(15).similarity()).isBetween(0.9, 1.0);
    }

    @Test
    void splitArticleSendsEachParagraphToItsPart() {
        ArticleMapping fate = mapping.article("bz-22").orElseThrow();
        List<String> parts = draft.editor.newKeysOf("bz-22");

        assertThat(fate.newKeys()).isEqualTo(parts);
        assertThat(fate.paragraphs()).containsExactly(
                new ParagraphLink(0, parts.get(0), 0, 1.0),
                new ParagraphLink(1, parts.get(0), 1, 1.0),
                new ParagraphLink(2, parts.get(0), 2, 1.0),
                new ParagraphLink(3, parts.get(1), 0, 1.0),
                new ParagraphLink(4, parts.get(1), 1, 1.0),
                new ParagraphLink(5, parts.get(1), 2, 1.0));
        assertThat(mapping.originsOf(parts.get(1))).containsExactly("bz-22");
    }

    @Test
    void mergedArticlesShareTheirNewArticle() {
        String merged = draft.newKey("bz-33");

        assertThat(mapping.originsOf(merged)).containsExactly("bz-33", "bz-34");
        assertThat(mapping.article("bz-33").orElseThrow().paragraphs()).extracting(ParagraphLink::newKey, ParagraphLink::newIndex)
                .containsExactly(tuple(merged, 0));
        assertThat(mapping.article("bz-34").orElseThrow().paragraphs()).extracting(ParagraphLink::newKey, ParagraphLink::newIndex)
                .containsExactly(tuple(merged, 1), tuple(merged, 2));
    }

    @Test
    void deletedArticleLosesAllItsParagraphs() {
        ArticleMapping fate = mapping.article("bz-7").orElseThrow();
        assertThat(fate.newKeys()).isEmpty();
        assertThat(fate.similarity()).isZero();
        assertThat(fate.paragraphs()).singleElement().satisfies(link -> assertThat(link.isDeleted()).isTrue());
    }

    @Test
    void onlyEditedArticlesHaveInsertedParagraphs() {
        assertThat(mapping.insertedParagraphs()).containsExactly(new InsertedParagraph(draft.newKey("bz-42"), 8));
    }

    @Test
    void keysMustBeUniqueWithinAVersion() {
        ArticleText one = new ArticleText("k", 1, null, List.of("第一款"));
        ArticleText two = new ArticleText("k", 2, null, List.of("第二款"));
        assertThatThrownBy(() -> new ProvisionMatcher().match(List.of(one, two), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate key");
    }

    @Test
    void emptyVersionsAreAllInsertedOrAllDeleted() {
        List<ArticleText> articles = RegulationText.binzhou();
        VersionMapping fromNothing = new ProvisionMatcher().match(List.of(), articles);
        VersionMapping toNothing = new ProvisionMatcher().match(articles, List.of());

        assertThat(fromNothing.insertedArticles()).hasSize(59);
        assertThat(toNothing.articles()).extracting(ArticleMapping::status).containsOnly(Status.DELETED);
    }

    @Test
    void identicalDuplicateArticlesAreMatchedInOrder() {
        List<ArticleText> before = List.of(
                new ArticleText("a", 1, null, List.of("（删除）")),
                new ArticleText("b", 2, null, List.of("业主大会决定本物业管理区域内的共有事项。")),
                new ArticleText("c", 3, null, List.of("（删除）")));
        List<ArticleText> after = List.of(
                new ArticleText("x", 1, null, List.of("（删除）")),
                new ArticleText("y", 2, null, List.of("业主大会决定本物业管理区域内的共有事项。")),
                new ArticleText("z", 3, null, List.of("（删除）")));

        VersionMapping result = new ProvisionMatcher().match(before, after);

        assertThat(result.articles()).extracting(ArticleMapping::newKeys)
                .containsExactly(List.of("x"), List.of("y"), List.of("z"));
    }

    @Test
    void renumberedChaptersDoNotMakeArticlesMoved() {
        // A chapter inserted after 总则 renumbers 第二章 … 第九章; their articles stay where they were.
        List<ArticleText> before = RegulationText.binzhou();
        List<ArticleText> after = new ArrayList<>();
        for (ArticleText article : before) {
            if (article.number() == 8) {
                after.add(new ArticleText("new-chapter", 8, "第二章 物业服务人",
                        List.of("物业服务人包括物业服务企业和其他管理人。")));
            }
            String chapter = article.chapterTitle().startsWith("第一章") ? article.chapterTitle()
                    : "第" + "一二三四五六七八九十".charAt(RegulationText.chineseNumber(article.chapterTitle().substring(1, 2))) + "章"
                    + article.chapterTitle().substring(article.chapterTitle().indexOf('章') + 1);
            after.add(new ArticleText("n" + article.key(), after.size() + 1, chapter, article.paragraphs()));
        }

        VersionMapping result = new ProvisionMatcher().match(before, after);

        assertThat(after.get(8).chapterTitle()).isEqualTo("第三章 业主自治管理");
        assertThat(result.articles()).allSatisfy(fate -> {
            assertThat(fate.status()).isEqualTo(Status.MATCHED);
            assertThat(fate.moved()).as(fate.oldKey()).isFalse();
        });
        assertThat(result.insertedArticles()).containsExactly("new-chapter");
    }

    @Test
    void newArticleResemblingAnExistingOneIsInsertedNotASplitPart() {
        List<ArticleText> before = RegulationText.binzhou();
        List<ArticleText> after = new ArrayList<>(before);
        after.add(55, new ArticleText("similar", 56, before.get(54).chapterTitle(), List.of(
                "建设单位违反本条例第二十条规定未按照规划配置物业服务用房的，由县（市、区）物业主管部门责令限期改正；"
                        + "逾期不改正的，处一万元以上五万元以下罚款。")));

        VersionMapping result = new ProvisionMatcher().match(before, after);

        assertThat(result.insertedArticles()).containsExactly("similar");
        assertThat(result.articles()).extracting(ArticleMapping::status).containsOnly(Status.MATCHED);
    }
}
