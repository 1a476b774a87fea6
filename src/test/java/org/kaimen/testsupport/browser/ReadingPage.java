package org.kaimen.testsupport.browser;

/** The public reading view of a draft (drafts/{id}/{key}) and the comment form it opens. */
public class ReadingPage {

    private final Browser browser;
    private final long draftId;

    public ReadingPage(Browser browser, long draftId) {
        this.browser = browser;
        this.draftId = draftId;
    }

    public ReadingPage open(String key) {
        browser.open("drafts/" + draftId + (key == null ? "" : "/" + key));
        browser.find("#draft-text");
        return this;
    }

    public String articleText(String articleKey) {
        return browser.text("#" + articleKey);
    }

    /** Opens the comment form of an article with the button under it. */
    public CommentForm commentOn(String articleKey) {
        browser.click("#" + articleKey + " .kaimen-comment-button");
        browser.find("#comment-text");
        return new CommentForm(browser);
    }

    /** The comment form inside its dialog. */
    public static class CommentForm {

        private final Browser browser;

        public CommentForm(Browser browser) {
            this.browser = browser;
        }

        /** Points the comment at one paragraph or item of the article, by its position in the list (0 = article). */
        public CommentForm target(String label) {
            browser.click("#comment-target");
            browser.clickText("vaadin-select-item", label);
            return this;
        }

        /** @param label as shown: 支持, 反对, 建议修改, 有疑问 */
        public CommentForm stance(String label) {
            browser.clickText("#comment-stance vaadin-radio-button", label);
            return this;
        }

        public CommentForm text(String text) {
            browser.type("#comment-text", text);
            return this;
        }

        public CommentForm consent() {
            if (browser.present("#comment-consent")) {
                browser.click("#comment-consent");
            }
            return this;
        }

        /** Submits and returns the receipt number (回执编号) the form then shows. */
        public String submit() {
            browser.click("#comment-submit");
            return receipt();
        }

        public String receipt() {
            return browser.find("#comment-receipt-number").getText();
        }
    }
}
