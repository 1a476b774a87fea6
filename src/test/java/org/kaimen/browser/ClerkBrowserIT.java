package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CampaignService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.Provision;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.testsupport.browser.Axe;
import org.kaimen.testsupport.browser.BrowserTest;
import org.kaimen.testsupport.browser.StaffPages;
import org.springframework.beans.factory.annotation.Autowired;

/** The drafting group's work from search to the published adoption report, as two clerks in a real browser. */
class ClerkBrowserIT extends BrowserTest {

    static final String TEMPLATE = "我们坚决反对物业费上涨。物业公司的服务质量没有提高，业委会也没有征求业主意见，"
            + "物业费调整必须经过业主大会表决同意，并公开成本测算。";

    @Autowired
    CommentService comments;
    @Autowired
    CampaignService campaigns;
    @Autowired
    FeedbackService feedback;

    @Test
    void aClerkSearchesMergesACampaignProposesASecondClerkApprovesAndTheReportIsPublished() {
        long draftId = openConsultation("物业服务收费管理条例（草案）");
        String clerk = accounts.create(Role.DRAFTER);
        String reviewer = accounts.create(Role.DRAFTER);
        long article = as(clerk, "ROLE_DRAFTER", () -> Provision.find(drafts.tree(draftId, 0), "a12").id());
        String[] greetings = {"", "我是3号楼业主，", "王阿姨：", "2单元住户意见：", "李先生："};
        for (String greeting : greetings) {
            submit(draftId, article, greeting + TEMPLATE);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> as(clerk, "ROLE_DRAFTER",
                () -> campaigns.campaigns(draftId)).stream().anyMatch(c -> c.size() == greetings.length));

        browser.signIn(clerk);
        StaffPages.Search search = new StaffPages.Search(browser, draftId);
        await().atMost(Duration.ofSeconds(30)).until(() -> search.search("物业费").startsWith("共 5 条"));
        assertThat(search.results()).contains("王阿姨").contains("业主大会表决");
        assertThat(search.showCampaign()).startsWith("共 5 条");
        browser.scrollToTop().screenshot("search");

        StaffPages.Desk desk = new StaffPages.Desk(browser, draftId);
        assertThat(desk.progress()).contains("未归并5条");
        desk.mergeCampaign("坚决反对物业费上涨", "物业费调整应经业主大会表决并公开成本测算");
        assertThat(desk.members()).contains("王阿姨").contains("李先生");
        desk.propose("部分采纳", "已在第十二条中增加成本公示的规定；调价表决由业主大会议事规则规定。");
        browser.scrollToTop().screenshot("feedback-desk");
        long opinion = jdbc.sql("SELECT id FROM opinion WHERE draft_id = :d").param("d", draftId)
                .query(Long.class).single();

        browser.signOut().signIn(reviewer);
        desk = new StaffPages.Desk(browser, draftId).open(opinion);
        desk.approve();
        assertThat(browser.waitForText("#desk-decided", reviewer)).contains(reviewer);
        desk.publishReport();
        await().atMost(Duration.ofSeconds(10)).until(() -> feedback.published(draftId).isPresent());

        browser.signOut().phone().open("drafts/" + draftId + "/report");
        assertThat(browser.text("#report-opinions")).contains("物业费调整应经业主大会表决并公开成本测算")
                .contains("部分采纳").contains("已在第十二条中增加成本公示的规定");
        Axe.check(browser, "published report");
        browser.screenshot("phone-report");
        browser.desktop().open("drafts/" + draftId + "/report");
        Axe.check(browser, "published report on a desktop");
        browser.screenshot("report");
    }

    private void submit(long draftId, long provisionId, String text) {
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN", () -> comments.submit(new NewComment(draftId, provisionId, Stance.OPPOSE, text,
                null, null, null, null, null, null, false, null, null, null, null, true)));
    }
}
