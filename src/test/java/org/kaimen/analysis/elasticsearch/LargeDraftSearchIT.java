package org.kaimen.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IndexedComments;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A draft with a million comments, scaled down: past 20 matches (10,000 in production) the total and the facets are
 * estimated from a slice of about 100 comments of the draft (25,000); below it they stay exact. Each comment comes
 * from its own citizen, as the per-account limit wants.
 */
@IntegrationTest
class LargeDraftSearchIT {

    static final int COMMENTS = 300;

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CommentIndexSetup setup;
    @Autowired
    CommentIndex index;
    @Autowired
    FacetSample sample;
    int exactTotalBefore;
    int sampleTargetBefore;

    String drafter;
    long draftId;
    int lifts;
    int liftsOpposed;

    @AfterEach
    void productionLimitsBack() {
        index.exactTotalUpTo(exactTotalBefore);
        sample.target(sampleTargetBefore);
    }

    @BeforeEach
    void aLargeDraftIndexed() {
        exactTotalBefore = index.exactTotalUpTo(20);
        sampleTargetBefore = sample.target(100);
        drafter = accounts.create(Role.DRAFTER);
        draftId = as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "大量意见", true).id());
        lifts = 0;
        liftsOpposed = 0;
        for (int i = 0; i < COMMENTS; i++) {
            boolean lift = i % 5 < 3;
            Stance stance = i % 4 == 0 ? Stance.OPPOSE : Stance.MODIFY;
            String text = lift ? "第" + i + "号意见：电梯经常故障，维修资金使用程序太复杂，应当简化审批。"
                    : "第" + i + "号意见：小区停车位不足，建议规划更多车位并公开收费标准。";
            if (i == 7 || i == 13) {
                text += "另外应当规定充电桩的安装条件。";
            }
            lifts += lift ? 1 : 0;
            liftsOpposed += lift && stance == Stance.OPPOSE ? 1 : 0;
            String t = text;
            String citizen = accounts.create(Role.CITIZEN);
            as(citizen, "ROLE_CITIZEN", () -> comments.submit(NewComment.online(draftId, null, stance, t)));
        }
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                IndexedComments.indexed(client, setup.alias(), draftId).size() == COMMENTS);
    }

    SearchResult search(CommentSearch query) {
        return as(drafter, "ROLE_DRAFTER", () -> search.search(query));
    }

    @Test
    void aCommonWordInALargeDraftGetsAnEstimatedTotalAndFacetsThatAddUp() {
        SearchResult r = search(CommentSearch.of(draftId, "电梯"));

        assertThat(r.totalExact()).isFalse();
        // About a third of the draft is counted: the estimate is near the truth, not equal to it by design.
        assertThat(r.total()).isBetween((long) (lifts * 0.55), (long) (lifts * 1.45));
        long stances = r.facets().get("stance").values().stream().mapToLong(Long::longValue).sum();
        assertThat(stances).isBetween(r.total() - 2, r.total() + 2);
        assertThat(r.facets().get("stance").get("OPPOSE")).isBetween((long) (liftsOpposed * 0.3),
                (long) (liftsOpposed * 1.7));
        // The page itself is exact: every hit has the word.
        assertThat(r.hits()).hasSize(20).allSatisfy(h -> assertThat(h.text()).contains("电梯"));
        assertThat(search(CommentSearch.of(draftId, "电梯"))).as("the same slice every time")
                .extracting(SearchResult::total, SearchResult::facets).containsExactly(r.total(), r.facets());
    }

    @Test
    void aRareWordInALargeDraftIsCountedExactly() {
        SearchResult r = search(CommentSearch.of(draftId, "充电桩"));

        assertThat(r.totalExact()).isTrue();
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.facets().get("stance")).containsExactly(java.util.Map.entry("MODIFY", 2L));
        assertThat(r.hits()).extracting(SearchResult.Hit::text).allSatisfy(t -> assertThat(t).contains("充电桩"));
    }

    @Test
    void filtersAloneInALargeDraftEstimateTheWholeDraft() {
        SearchResult r = search(new CommentSearch(draftId, null, null, null, "OPPOSE", null, null, null, null, null,
                null, null, "NEWEST", 0, 20));

        assertThat(r.totalExact()).isFalse();
        assertThat(r.total()).isBetween((long) (COMMENTS / 4 * 0.5), (long) (COMMENTS / 4 * 1.5));
        assertThat(r.hits()).hasSize(20).allSatisfy(h -> assertThat(h.stance()).isEqualTo("OPPOSE"));
        assertThat(r.facets().get("stance").keySet()).containsExactly("OPPOSE");
    }
}
