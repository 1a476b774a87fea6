package org.kaimen.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ExternalCommentIT {

    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHearingStatementIsStoredOnceUnderItsChannelEvenAfterTheConsultationClosed() {
        String drafter = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(drafter, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "听证测试", true).id();
            drafts.closeNow(id);
            return id;
        });
        Provision article = Provision.find(drafts.tree(draftId, 0), "a12");
        ExternalComment statement = new ExternalComment(draftId, article.id(), Stance.OPPOSE,
                "业主大会筹备组不应由物业公司参与。", null, Channel.HEARING, "陈述人甲", "a@example.org",
                "hearing:1:speaker:2:matter:3");

        long first = comments.recordExternal(statement);
        long again = comments.recordExternal(statement);

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT channel || '/' || status || '/' || provision_id FROM comment WHERE draft_id = ?")
                .param(draftId).query(String.class).list())
                .containsExactly("HEARING/PUBLISHED/" + article.id());
    }
}
