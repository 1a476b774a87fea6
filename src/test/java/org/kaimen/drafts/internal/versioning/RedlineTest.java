package org.kaimen.drafts.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.after;
import static org.kaimen.drafts.internal.versioning.DiffAssertions.before;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedlineTest {

    private static RevisedBinzhouDraft draft;
    private static List<ArticleChange> changes;

    @BeforeAll
    static void buildTheRedline() {
        draft = RevisedBinzhouDraft.create();
        changes = Redline.of(new ProvisionMatcher().match(draft.before, draft.after));
    }

    @Test
    void rowsFollowTheNewVersionWithTheDeletionWhereItWas() {
        List<String> newKeysInOrder = changes.stream().map(ArticleChange::newKey).filter(Objects::nonNull).distinct().toList();
        assertThat(newKeysInOrder).isEqualTo(draft.after.stream().map(ArticleText::key).toList());

        int deleted = indexOf(change -> "bz-7".equals(change.oldKey()));
        assertThat(changes.get(deleted).types()).containsExactly(ChangeType.DELETED);
        assertThat(changes.get(deleted - 1).oldKey()).isEqualTo("bz-6");
        assertThat(changes).hasSize(draft.after.size() + 1);
    }

    @Test
    void everyRowCarriesTheRightChangeTypes() {
        Map<String, ArticleChange> byOld = changes.stream().filter(c -> c.oldKey() != null && !c.is(ChangeType.SPLIT))
                .collect(Collectors.toMap(ArticleChange::oldKey, Function.identity()));

        assertThat(byOld.get("bz-2").types()).containsExactly(ChangeType.UNCHANGED);
        assertThat(byOld.get("bz-11").types()).containsExactly(ChangeType.RENUMBERED);
        assertThat(byOld.get("bz-28").types()).containsExactlyInAnyOrder(ChangeType.MODIFIED, ChangeType.RENUMBERED);
        assertThat(byOld.get("bz-28").type()).isEqualTo(ChangeType.MODIFIED);
        assertThat(byOld.get("bz-53").types()).containsExactlyInAnyOrder(ChangeType.MOVED, ChangeType.RENUMBERED);
        assertThat(byOld.get("bz-53").type()).isEqualTo(ChangeType.MOVED);
        assertThat(byOld.get("bz-33").types()).containsExactlyInAnyOrder(ChangeType.MERGED, ChangeType.RENUMBERED);
        assertThat(byOld.get("bz-33").mergedOldKeys()).containsExactly("bz-33", "bz-34");
        assertThat(byOld).doesNotContainKey("bz-34");
    }

    @Test
    void insertedArticlesAreWhollyInserted() {
        List<ArticleChange> inserted = changes.stream().filter(c -> c.is(ChangeType.INSERTED)).toList();

        assertThat(inserted).extracting(ArticleChange::newNumber).containsExactly(11, 12);
        assertThat(inserted).allSatisfy(change -> {
            assertThat(change.oldKey()).isNull();
            assertThat(change.ops()).extracting(DiffOp::kind).containsOnly(DiffOp.Kind.INSERT);
        });
    }

    @Test
    void eachSplitPartIsComparedWithTheParagraphsThatWentIntoIt() {
        List<ArticleChange> parts = changes.stream().filter(c -> c.is(ChangeType.SPLIT)).toList();
        ArticleText old = draft.before.get(21);

        assertThat(parts).extracting(ArticleChange::newNumber).containsExactly(24, 25);
        assertThat(before(parts.get(0).ops())).isEqualTo(String.join("\n", old.paragraphs().subList(0, 3)));
        assertThat(before(parts.get(1).ops())).isEqualTo(String.join("\n", old.paragraphs().subList(3, 6)));
        assertThat(parts).allSatisfy(part -> assertThat(part.is(ChangeType.MODIFIED)).isFalse());
    }

    @Test
    void opsRebuildBothSidesOfEveryRow() {
        for (ArticleChange change : changes) {
            String newText = change.newKey() == null ? "" : draft.newArticle(change.newKey()).text();
            assertThat(after(change.ops())).as("new text of %s", change.newKey()).isEqualTo(newText);
            if (change.is(ChangeType.MERGED)) {
                List<String> sources = new ArrayList<>();
                for (String key : change.mergedOldKeys()) {
                    sources.add(draft.before.stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().text());
                }
                assertThat(before(change.ops())).isEqualTo(String.join("\n", sources));
            } else if (change.oldKey() != null && !change.is(ChangeType.SPLIT)) {
                String oldText = draft.before.stream().filter(a -> a.key().equals(change.oldKey())).findFirst().orElseThrow().text();
                assertThat(before(change.ops())).as("old text of %s", change.oldKey()).isEqualTo(oldText);
            }
        }
    }

    @Test
    void termReplacementRendersAsASmallRedline() {
        ArticleChange change = changes.stream().filter(c -> "bz-28".equals(c.oldKey())).findFirst().orElseThrow();
        assertThat(CharDiff.toHtml(change.ops())).isEqualTo(
                "建设单位应当通过招投标方式选聘前期物业服务<del>企业</del><ins>人</ins>，"
                        + "并在服务合同签订之日起十日内报县（市、区）物业和价格主管部门备案。");
    }

    @Test
    void deletionAtTheStartIsListedFirst() {
        List<ArticleText> before = RegulationText.binzhou().subList(0, 3);
        List<ArticleText> after = List.of(
                new ArticleText("n2", 1, before.get(1).chapterTitle(), before.get(1).paragraphs()),
                new ArticleText("n3", 2, before.get(2).chapterTitle(), before.get(2).paragraphs()));

        List<ArticleChange> rows = Redline.of(new ProvisionMatcher().match(before, after));

        assertThat(rows).extracting(ArticleChange::types).containsExactly(
                EnumSet.of(ChangeType.DELETED), EnumSet.of(ChangeType.RENUMBERED), EnumSet.of(ChangeType.RENUMBERED));
    }

    private static int indexOf(Predicate<ArticleChange> probe) {
        for (int i = 0; i < changes.size(); i++) {
            if (probe.test(changes.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
