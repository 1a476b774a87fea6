package org.kaimen.analysis;

import static org.kaimen.testsupport.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class SearchIT {

    static final List<String> TEXTS = List.of(
            "物业费每年上涨，建议调整物业费必须经业主大会同意。",
            "电梯经常故障，维修资金使用程序太复杂，应当简化。",
            "业委会应当每季度公开账目，接受业主监督。",
            "业主委员会委员的报酬应当公开。",
            "物业公司退出时拒不移交资料，应当加大处罚。",
            "小区停车位不足，建议规划更多车位。",
            "支持本条例，没有意见。",
            "Wi-Fi 和5G基站建设应当纳入物业管理，费用标准为每月10元。",
            "<script>alert('x')</script> 物业费太高");

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;
    long draftId;

    @BeforeEach
    void commentsIndexed() {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "搜索测试", true).id();
        SecurityContextHolder.clearContext();
        for (int i = 0; i < TEXTS.size(); i++) {
            String citizen = accounts.create(Role.CITIZEN);
            as(citizen, "ROLE_CITIZEN");
            comments.submit(new NewComment(draftId, null, i % 2 == 0 ? Stance.OPPOSE : Stance.MODIFY, TEXTS.get(i),
                    null, null, null, null, null, null, false, null, null, null, null, true));
        }
        this.drafter = drafter;
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() ->
                search(CommentSearch.of(draftId, null)).total() == TEXTS.size());
    }

    String drafter;

    /** As a clerk: search is staff-only. */
    SearchResult search(CommentSearch query) {
        as(drafter, "ROLE_DRAFTER");
        try {
            return search.search(query);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aChineseWordFindsWhatAClerkExpectsAndHighlightsIt() {
        SearchResult r = search(CommentSearch.of(draftId, "物业费"));
        assertThat(r.hits()).extracting(SearchResult.Hit::text).containsExactlyInAnyOrder(TEXTS.get(0), TEXTS.get(8));
        assertThat(r.hits()).allSatisfy(h -> assertThat(h.highlight()).contains("<mark>"));
        assertThat(r.hits().stream().filter(h -> h.text().equals(TEXTS.get(0))).findFirst().orElseThrow().highlight())
                .contains("<mark>物业费</mark>");
    }

    @Test
    void phrasesDoNotMatchScatteredCharacters() {
        assertThat(search(CommentSearch.of(draftId, "维修资金")).hits()).extracting(SearchResult.Hit::text)
                .containsExactly(TEXTS.get(1));
        assertThat(search(CommentSearch.of(draftId, "电梯")).hits()).extracting(SearchResult.Hit::text)
                .containsExactly(TEXTS.get(1));
    }

    @Test
    void synonymsFindBothWordings() {
        assertThat(search(CommentSearch.of(draftId, "业委会")).hits()).extracting(SearchResult.Hit::text)
                .containsExactlyInAnyOrder(TEXTS.get(2), TEXTS.get(3));
        assertThat(search(CommentSearch.of(draftId, "物业服务企业")).hits()).extracting(SearchResult.Hit::text)
                .containsExactly(TEXTS.get(4));
    }

    @Test
    void mixedChineseEnglishAndNumbersWork() {
        assertThat(search(CommentSearch.of(draftId, "wi-fi")).hits()).hasSize(1);
        assertThat(search(CommentSearch.of(draftId, "5G基站")).hits()).hasSize(1);
        assertThat(search(CommentSearch.of(draftId, "10元")).hits()).hasSize(1);
    }

    @Test
    void highlightsAreHtmlSafe() {
        SearchResult r = search(CommentSearch.of(draftId, "物业费太高"));
        SearchResult.Hit hit = r.hits().stream().filter(h -> h.text().startsWith("<script>")).findFirst().orElseThrow();
        assertThat(hit.highlight()).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void filtersAndFacetsCountPerStance() {
        SearchResult all = search(CommentSearch.of(draftId, null));
        assertThat(all.facets().get("stance")).containsEntry("OPPOSE", 5L).containsEntry("MODIFY", 4L);
        SearchResult modify = search(new CommentSearch(draftId, null, null, null, "MODIFY", null, null, null,
                null, null, null, null, "OLDEST", 0, 20));
        assertThat(modify.total()).isEqualTo(4);
        assertThat(modify.hits().get(0).text()).isEqualTo(TEXTS.get(1));
    }

    @Test
    void aDateRangeAndTheProposalFilterNarrowTheResults() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(search(new CommentSearch(draftId, null, null, null, null, null, null, today, today, null, null,
                null, null, 0, 20)).total()).isEqualTo(TEXTS.size());
        assertThat(search(new CommentSearch(draftId, null, null, null, null, null, null, today.plusDays(1), null,
                null, null, null, null, 0, 20)).total()).isZero();
        assertThat(search(new CommentSearch(draftId, null, null, null, null, null, null, null, null, true, null,
                null, null, 0, 20)).total()).as("none of them proposes wording").isZero();
    }

    @Test
    void semanticSearchAlsoFindsTheSameThingSaidInOtherWords() {
        // "公布财务收支" shares no word with "公开账目": only the sentence vectors connect them.
        CommentSearch query = CommentSearch.of(draftId, "业主委员会公布财务收支情况");
        assertThat(search(query).hits()).extracting(SearchResult.Hit::text).doesNotContain(TEXTS.get(2));
        assertThat(search(query.withSemantic(true)).hits()).extracting(SearchResult.Hit::text)
                .contains(TEXTS.get(2)).doesNotContain(TEXTS.get(5), TEXTS.get(7));
    }

}
