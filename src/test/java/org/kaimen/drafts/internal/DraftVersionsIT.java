package org.kaimen.drafts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.ImportResult;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.ProvisionRef;
import org.kaimen.drafts.VersionDiff;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
@WithMockUser(username = "drafter-test", roles = "DRAFTER")
class DraftVersionsIT {

    @Autowired
    DraftService drafts;
    @Autowired
    DraftRepository repository;

    long draftId;

    /** Version 2 inserts an article after 第十二条, deletes 第五十一条 and rewords many (the demo's 修改稿). */
    @BeforeEach
    void twoVersions() {
        ImportResult first = drafts.create(DraftSource.file("binzhou.md", Regulation.bytes(Regulation.BINZHOU)),
                "版本测试", true);
        draftId = first.id();
        String v1 = repository.sourceText(draftId, 1).orElseThrow();
        ImportResult second = drafts.publishVersion(draftId, DraftSource.text(DemoDraft.secondVersion(v1)), "修改稿",
                "修改说明");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.counts().articles()).isEqualTo(59);
    }

    @Test
    void aRenumberedArticleKeepsItsIdentityInTheNextVersion() {
        Provision oldThirteen = article(1, "a13");
        ProvisionRef ref = drafts.resolve(oldThirteen.id(), 0);
        assertThat(ref.exact()).isTrue();
        assertThat(ref.version()).isEqualTo(2);
        assertThat(ref.originalVersion()).isEqualTo(1);
        assertThat(ref.provision().key()).isEqualTo("a14");
        assertThat(ref.provision().label()).isEqualTo("第十四条");
        assertThat(ref.provision().fullText()).isEqualTo(oldThirteen.fullText());
    }

    @Test
    void aParagraphAndAnItemFollowTheirArticleThroughRenumberingAndRewording() {
        Provision oldParagraph = Provision.find(drafts.tree(draftId, 1), "a20.p2");
        ProvisionRef ref = drafts.resolve(oldParagraph.id(), 2);
        assertThat(ref.exact()).isTrue();
        assertThat(ref.provision().key()).isEqualTo("a21.p2");

        Provision oldItem = Provision.find(drafts.tree(draftId, 1), "a16.p1.i2");
        assertThat(drafts.resolve(oldItem.id(), 2).provision().key()).isEqualTo("a17.p1.i2");
    }

    @Test
    void aCommentOnADeletedArticleFallsBackToItsChapter() {
        Provision deleted = article(1, "a51");
        ProvisionRef ref = drafts.resolve(deleted.id(), 2);
        assertThat(ref.exact()).isFalse();
        assertThat(ref.provision().kind()).isEqualTo(Provision.Kind.CHAPTER);
        assertThat(ref.provision().heading()).isEqualTo("监督管理");
    }

    @Test
    void theDiffNamesTheInsertedAndDeletedArticlesAndRedlinesTheRewording() {
        VersionDiff diff = drafts.diff(draftId, 2);
        assertThat(diff.previous()).isEqualTo(1);
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("INSERTED");
            assertThat(c.newLabel()).isEqualTo("第十三条");
            assertThat(c.html()).contains("<ins>").contains("每半年向全体业主公开");
        });
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo("DELETED");
            assertThat(c.oldLabel()).isEqualTo("第五十一条");
        });
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.oldLabel()).isEqualTo("第一条");
            assertThat(c.type()).isEqualTo("MODIFIED");
            assertThat(c.html()).contains("<del>企业</del><ins>人</ins>");
        });
        assertThat(diff.changes()).anySatisfy(c -> {
            assertThat(c.oldLabel()).isEqualTo("第十三条");
            assertThat(c.newLabel()).isEqualTo("第十四条");
            assertThat(c.types()).contains("RENUMBERED");
        });
        assertThat(diff.changes()).filteredOn(c -> c.types().contains("MOVED")).isEmpty();
    }

    @Test
    void theFirstVersionStaysReadableAsItWas() {
        List<Provision> v1 = drafts.tree(draftId, 1);
        assertThat(Provision.find(v1, "a13").children().get(0).text()).startsWith("业主大会会议可以采用集体讨论");
        assertThat(Provision.find(v1, "a1.p1").text()).contains("物业服务企业");
        assertThat(Provision.find(drafts.tree(draftId, 2), "a1.p1").text()).contains("物业服务人");
    }

    private Provision article(int version, String key) {
        return Provision.find(drafts.tree(draftId, version), key);
    }

}
