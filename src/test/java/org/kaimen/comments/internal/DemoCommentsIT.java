package org.kaimen.comments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.SearchService;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's comments are inserted directly, yet must reach the index (and campaigns and topics) like any other. */
@IntegrationTest
class DemoCommentsIT {

    @Autowired
    CommentRepository comments;
    @Autowired
    DraftService drafts;
    @Autowired
    ModerationRules moderation;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;

    @Test
    void theDemoCommentsAreSearchableAfterStartup() {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "滨州市住宅物业管理条例（草案）",
                true).id();
        SecurityContextHolder.clearContext();
        tx.executeWithoutResult(s -> new DemoComments(comments, drafts, moderation, clock, events).run(null));
        long inserted = comments.count(draftId, null, null, null, false);
        assertThat(inserted).isGreaterThan(10);
        await().atMost(Duration.ofSeconds(60)).until(() -> as(drafter, "ROLE_DRAFTER",
                () -> search.search(CommentSearch.of(draftId, null)).total()) == inserted);
    }
}
