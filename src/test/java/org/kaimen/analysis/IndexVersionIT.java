package org.kaimen.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partial updates (vector, campaign, clusters) bump a document's version inside Elasticsearch; the next change of the
 * comment must still replace the document rather than be refused as an old version.
 */
@IntegrationTest
class IndexVersionIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CommentIndexSetup setup;
    @Autowired
    IndexAdmin admin;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignMemberHiddenAfterItsCampaignWasWrittenBackIsHiddenInTheIndexToo() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        long draftId = as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "版本测试", true).id());
        String letter = "我们坚决支持公开物业费收支情况，建议每季度在小区显著位置公示，并由业主委员会审核，接受全体业主监督。";
        long first = 0;
        for (int i = 0; i < 4; i++) {
            String citizen = accounts.create(Role.CITIZEN);
            long id = as(citizen, "ROLE_CITIZEN", () -> comments.submit(NewComment.online(draftId, null,
                    Stance.SUPPORT, letter)).id());
            first = first == 0 ? id : first;
        }
        long member = first;
        // The first copy was written before there was a campaign: it learnt its campaign by a partial update,
        // which Elasticsearch counts as a new version of the document.
        await().atMost(Duration.ofSeconds(90)).until(() -> document(member).found()
                && document(member).source().get("campaignId") != null);
        assertThat(document(member).version()).isGreaterThan(CommentIndex.documentVersion(rowVersion(member)));

        as(drafter, "ROLE_DRAFTER");
        comments.hide(member, "测试：并入活动之后隐藏");
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.status().backlog() == 0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            GetResponse<Map> doc = document(member);
            assertThat(doc.source().get("status")).isEqualTo("HIDDEN");
            assertThat(CommentIndex.rowVersion(doc.version())).isEqualTo(rowVersion(member));
        });
    }

    private GetResponse<Map> document(long id) throws Exception {
        return client.get(g -> g.index(setup.alias()).id(String.valueOf(id)), Map.class);
    }

    private long rowVersion(long id) {
        return jdbc.sql("SELECT row_version FROM comment WHERE id = ?").param(id).query(Long.class).single();
    }
}
