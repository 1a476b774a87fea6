package org.kaimen.analysis;

import static org.kaimen.testsupport.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
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
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class IndexRebuildIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    IndexAdmin admin;
    @Autowired
    CommentIndexSetup setup;
    @Autowired
    TestAccounts accounts;

    @Test
    void aRebuildSwapsTheAliasToANewIndexWhileSearchesKeepAnswering() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "重建测试", true).id();
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        for (int i = 0; i < 30; i++) {
            comments.submit(new NewComment(draftId, null, Stance.OPPOSE, "电梯维修资金的第" + i + "条意见", null, null,
                    null, null, null, null, false, null, null, null, null, true));
        }
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> count(drafter, draftId) == 30);
        String before = setup.currentIndex().orElseThrow();

        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
            long end = System.currentTimeMillis() + 4000;
            while (System.currentTimeMillis() < end) {
                try {
                    assertThat(count(drafter, draftId)).isEqualTo(30);
                    answered.incrementAndGet();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        });
        long written = admin.rebuild();
        searching.join();

        assertThat(written).isGreaterThanOrEqualTo(30);
        assertThat(failure.get()).as("every search during the rebuild answered fully").isNull();
        assertThat(answered.get()).isPositive();
        assertThat(setup.currentIndex().orElseThrow()).isNotEqualTo(before);
        assertThat(count(drafter, draftId)).isEqualTo(30);
        assertThat(admin.status().documents()).isEqualTo(admin.status().comments());

        // The new index was filled without refreshes; once live it refreshes again, so a new comment shows by itself.
        as(accounts.create(Role.CITIZEN), "ROLE_CITIZEN");
        comments.submit(new NewComment(draftId, null, Stance.OPPOSE, "重建之后的维修资金意见", null, null,
                null, null, null, null, false, null, null, null, null, true));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> count(drafter, draftId) == 31);
    }

    private long count(String drafter, long draftId) {
        as(drafter, "ROLE_DRAFTER");
        try {
            return search.search(CommentSearch.of(draftId, "维修资金")).total();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

}
