package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.util.AopTestUtils;

/**
 * Receipts are short, so on a draft with a million comments in a day a new one is sometimes drawn twice; the
 * submission must draw again, not fail. Receipts narrowed to two characters (961 per draft and day) make that
 * certain within 150 comments: without the redraw, the chance that no two of them collide is about 1 in 100,000.
 */
@IntegrationTest
class ReceiptCollisionIT {

    @Autowired
    CommentService comments;
    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void fullReceiptsAgain() {
        target().receiptLength = 6;
        SecurityContextHolder.clearContext();
    }

    @Test
    void aReceiptAlreadyTakenIsDrawnAgainAndEverySubmissionIsStored() {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "回执测试", true).id();
        target().receiptLength = 2;
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            SubmittedComment s = comments.submit(NewComment.online(draftId, null, Stance.SUPPORT,
                    "第" + i + "条意见：建议明确物业服务收费标准的调整程序。"));
            assertThat(s.created()).isTrue();
            receipts.add(s.receipt());
        }
        assertThat(new HashSet<>(receipts)).hasSize(150);
        assertThat(jdbc.sql("SELECT receipt FROM comment WHERE draft_id = ?").param(draftId).query(String.class)
                .list()).containsExactlyInAnyOrderElementsOf(receipts);
    }

    private CommentService target() {
        return AopTestUtils.getUltimateTargetObject(comments);
    }
}
