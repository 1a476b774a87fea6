package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.browser.Axe;
import org.kaimen.testsupport.browser.BrowserTest;
import org.kaimen.testsupport.browser.ReadingPage;

/**
 * axe-core on every public page, on a desktop and on a phone: no serious or critical violation. The desktop pass
 * also takes the README's screenshots of these pages.
 */
class AccessibilityBrowserIT extends BrowserTest {

    long draftId;
    String citizen;

    @BeforeEach
    void openConsultationWithTwoVersions() {
        // Not the demo draft's title: DemoComments picks the first public draft by that title.
        draftId = openConsultation("某市住宅物业管理条例（草案）");
        String clerk = accounts.create(Role.DRAFTER);
        as(clerk, "ROLE_DRAFTER", () -> {
            String first = jdbc.sql("SELECT source_text FROM draft_version WHERE draft_id = :d AND number = 1")
                    .param("d", draftId).query(String.class).single();
            return drafts.publishVersion(draftId, DraftSource.text(first.replace("物业服务企业", "物业服务人")
                    .replace("五日前", "七日前")), "修改稿", "统一用语，延长公告期限");
        });
        citizen = accounts.create(Role.CITIZEN);
    }

    @Test
    void everyPublicPageHasNoSeriousOrCriticalViolationOnADesktop() {
        List<String> problems = new ArrayList<>();
        audit(problems, "", "front page", "home");
        audit(problems, "drafts/" + draftId, "reading view", "reading");
        audit(problems, "drafts/" + draftId + "/a13", "provision deep link", "reading-deep-link");
        audit(problems, "drafts/" + draftId + "/versions/2/diff", "redline", "redline");
        audit(problems, "drafts/" + draftId + "/report", "report page (not yet published)", null);
        audit(problems, "drafts/" + draftId + "?version=1", "earlier version", null);
        audit(problems, "login", "login", "login");
        audit(problems, "register", "register", null);
        audit(problems, "forgot-password", "forgot password", null);

        browser.signIn(citizen);
        new ReadingPage(browser, draftId).open("a12").commentOn("a12");
        problems.addAll(prefixed("comment form", Axe.violations(browser)));
        browser.screenshot("comment-form");
        audit(problems, "my-comments", "my comments", null);

        assertThat(problems).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    void everyPublicPageHasNoSeriousOrCriticalViolationOnAPhone() {
        browser.phone();
        List<String> problems = new ArrayList<>();
        audit(problems, "", "front page", "phone-home");
        audit(problems, "drafts/" + draftId + "/a13", "provision deep link", null);
        audit(problems, "login", "login", null);
        assertThat(problems).as("serious or critical axe-core violations on a phone").isEmpty();
    }

    @Test
    void theAuditFailsOnAPageWithAnUnlabelledFieldAndAnImageWithoutText() {
        browser.driver().get("data:text/html;charset=utf-8,<html><body><img src='x.png'><input type='text'></body></html>");
        assertThat(Axe.violations(browser)).anySatisfy(v -> assertThat(v).contains("image-alt"))
                .anySatisfy(v -> assertThat(v).contains("label"));
    }

    private void audit(List<String> problems, String path, String page, String screenshot) {
        browser.open(path);
        assertThat(browser.js("return document.documentElement.lang")).as("lang of " + page).isEqualTo("zh-CN");
        problems.addAll(prefixed(page, Axe.violations(browser)));
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
    }

    private static List<String> prefixed(String page, List<String> violations) {
        return violations.stream().map(v -> page + ": " + v).toList();
    }
}
