package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.Provision;
import org.kaimen.experts.ConsultationKind;
import org.kaimen.experts.ConsultationService;
import org.kaimen.experts.ExpertForm;
import org.kaimen.experts.ExpertService;
import org.kaimen.experts.Field;
import org.kaimen.experts.NewConsultation;
import org.kaimen.experts.Sector;
import org.kaimen.testsupport.Mails;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An invited expert reads the invitation mail, follows its link in the browser, accepts and writes an opinion. */
class ExpertBrowserIT extends BrowserTest {

    @Autowired
    ExpertService experts;
    @Autowired
    ConsultationService consultations;

    @Test
    void anExpertFollowsTheMailedLinkAcceptsAndSubmitsAnOpinionOnAnArticle() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = openConsultation("物业条例专家论证");
        Provision article = Provision.find(drafts.tree(draftId, 0), "a12");
        String field = "b-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "expert-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long consultation = SignedIn.as(clerk, "ROLE_DRAFTER", () -> {
            experts.saveField(new Field(field, "浏览器测试" + field, "Browser " + field, 99, true));
            long expert = experts.create(new ExpertForm("钱教授", "教授", "山东大学", Sector.ACADEMIA, null, email, null,
                    "zh-CN", null, null, false, List.of(field), List.of()));
            jdbc.sql("UPDATE expert SET status = 'APPOINTED', term_start = current_date - 30,"
                    + " term_end = current_date + 1000 WHERE id = ?").param(expert).update();
            long id = consultations.create(new NewConsultation(draftId, ConsultationKind.WRITTEN, "物业费条款书面论证",
                    List.of(article.id()), List.of(field), List.of(), 1, Duration.ofDays(3),
                    OffsetDateTime.now().plusDays(10), null, 7L));
            consultations.draw(id);
            consultations.send(id);
            return id;
        });

        String mail = Mails.decoded(Mails.awaitOne(email));
        Matcher accept = Pattern.compile("http\\S*/expert/invitation\\?token=\\S+\\.accept\\.\\S+").matcher(mail);
        assertThat(accept.find()).as("an accept link in:\n%s", mail).isTrue();
        URI link = URI.create(accept.group());

        // The link opens a plain page (no Vaadin): a mail scanner that fetches it answers nothing.
        browser.driver().get("http://localhost:" + port + link.getRawPath() + "?" + link.getRawQuery());
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("钱教授");
        browser.driver().findElement(By.id("accept")).click();

        // The link signed the expert in: the portal shows the article to comment on.
        browser.waitForText("body", "第十二条");
        assertThat(browser.path()).isEqualTo("expert/portal");
        browser.type("vaadin-details vaadin-text-area", "建议明确物业费调价须经业主大会表决，并公示成本。");
        browser.screenshot("expert-portal");
        browser.click("#opinion-submit-" + jdbc.sql("SELECT id FROM expert_invitation WHERE consultation_id = ?")
                .param(consultation).query(Long.class).single());

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM comment WHERE draft_id = ? AND channel = 'EXPERT' AND provision_id = ?
                          AND text = '建议明确物业费调价须经业主大会表决，并公示成本。'""")
                .param(draftId).param(article.id()).query(Long.class).single() == 1);
    }
}
