package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.browser.BrowserTest;
import org.kaimen.testsupport.browser.ReadingPage;
import org.openqa.selenium.Keys;

/** A citizen reads a draft and comments on one paragraph, on a phone and with the keyboard alone. */
class CitizenBrowserIT extends BrowserTest {

    long draftId;
    String citizen;

    @BeforeEach
    void openConsultation() {
        draftId = openConsultation("住宅物业管理条例（征求意见稿）");
        citizen = accounts.create(Role.CITIZEN);
    }

    @Test
    void aCitizenOnAPhoneReadsADraftCommentsOnAParagraphAndGetsAReceipt() {
        browser.phone().signIn(citizen);
        ReadingPage reading = new ReadingPage(browser, draftId).open("a12");
        assertThat(reading.articleText("a12")).startsWith("第十二条");
        assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than a 360 px phone").isEqualTo(true);
        browser.screenshot("phone-reading");

        ReadingPage.CommentForm form = reading.commentOn("a12")
                .target("第二款")
                .stance("建议修改")
                .text("物业服务收费标准调整前，应当公开成本测算并经业主大会表决。");
        browser.scrollToTop().screenshot("phone-comment");
        String receipt = form.consent().submit();
        browser.screenshot("phone-receipt");

        assertThat(receipt).matches("[A-Z0-9-]{6,}");
        String commentedOn = jdbc.sql("""
                SELECT p.key FROM comment c JOIN provision p ON p.id = c.provision_id WHERE c.receipt = :r""")
                .param("r", receipt).query(String.class).single();
        assertThat(commentedOn).isEqualTo("a12.p2");
    }

    @Test
    void commentingWorksWithTheKeyboardAloneTabEnterAndSpace() {
        browser.signIn(citizen);
        new ReadingPage(browser, draftId).open("a13");

        browser.tabTo("#a13 .kaimen-comment-button", 15).press(Keys.ENTER);
        browser.find("#comment-text");
        browser.tabTo("#comment-stance", 10).press(Keys.SPACE);
        browser.tabTo("#comment-text", 10);
        browser.driver().switchTo().activeElement().sendKeys("第十三条的期限太短，建议延长到六十日。");
        browser.tabTo("#comment-consent", 10).press(Keys.SPACE);
        browser.tabTo("#comment-submit", 10).press(Keys.ENTER);

        String receipt = new ReadingPage.CommentForm(browser).receipt();
        var stored = jdbc.sql("""
                SELECT p.key, c.text FROM comment c JOIN provision p ON p.id = c.provision_id WHERE c.receipt = :r""")
                .param("r", receipt).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
        assertThat(stored).isEqualTo("a13|第十三条的期限太短，建议延长到六十日。");
    }

    @Test
    void aCrossReferenceOpensTheCitedArticleInPlaceAndSelectedWordsBecomeTheQuote() {
        browser.signIn(citizen);
        new ReadingPage(browser, draftId).open("a55");
        browser.js("window.kaimenSamePage = true");
        browser.click("#a55 a.kaimen-xref");
        browser.find("#a21.kaimen-target");
        assertThat(browser.path()).isEqualTo("drafts/" + draftId + "/a21?version=1");
        assertThat(browser.js("return window.kaimenSamePage === true")).as("the router navigated, no page load")
                .isEqualTo(true);

        // Words selected in 第十二条第二款, then the article's comment button: the form quotes them.
        new ReadingPage(browser, draftId).open("a12");
        String selected = String.valueOf(browser.js("""
                const text = document.getElementById('a12.p2').firstChild;
                const range = document.createRange();
                range.setStart(text, 2);
                range.setEnd(text, 12);
                window.getSelection().removeAllRanges();
                window.getSelection().addRange(range);
                return window.getSelection().toString();"""));
        browser.click("#a12 .kaimen-comment-button");
        assertThat(browser.waitForText("#comment-quote", selected)).contains("“" + selected + "”");
    }
}
