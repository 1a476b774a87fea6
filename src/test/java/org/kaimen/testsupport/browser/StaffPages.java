package org.kaimen.testsupport.browser;

/** The drafting group's screens: comment search (staff/search) and the feedback desk (staff/feedback). */
public final class StaffPages {

    private StaffPages() {
    }

    public static class Search {

        private final Browser browser;

        public Search(Browser browser, long draftId) {
            this.browser = browser;
            browser.open("staff/search?draft=" + draftId);
            browser.find("#search-query");
        }

        /** Runs a full-text search and returns the summary line (共 N 条). */
        public String search(String words) {
            browser.type("#search-query", words);
            browser.click("#search-go");
            return browser.text("#search-total");
        }

        /** Narrows the results to the form-letter campaign shown on the first campaign card. */
        public String showCampaign() {
            browser.clickText("#campaigns vaadin-button", "只看这组意见");
            return browser.text("#search-total");
        }

        public String results() {
            return browser.text("#search-results");
        }
    }

    public static class Desk {

        private final Browser browser;
        private final long draftId;

        public Desk(Browser browser, long draftId) {
            this.browser = browser;
            this.draftId = draftId;
            open(null);
        }

        public Desk open(Long opinionId) {
            browser.open("staff/feedback?draft=" + draftId + (opinionId == null ? "" : "&opinion=" + opinionId));
            browser.find("#desk-progress");
            return this;
        }

        public String progress() {
            return browser.text("#desk-progress");
        }

        /** Merges the comments of a form-letter campaign into one consolidated opinion with the given summary. */
        public Desk mergeCampaign(String campaignText, String summary) {
            browser.click("#desk-from-campaign");
            browser.clickText("#desk-source-grid vaadin-grid-cell-content", campaignText);
            browser.type("#desk-source-summary", summary);
            browser.click("#desk-source-create");
            browser.find("#desk-members");
            return this;
        }

        public String members() {
            return browser.text("#desk-members");
        }

        /** @param disposition as shown: 采纳, 部分采纳, 未采纳 … */
        public Desk propose(String disposition, String reason) {
            browser.clickText("#desk-disposition vaadin-radio-button", disposition);
            browser.type("#desk-reason", reason);
            browser.click("#desk-propose");
            return this;
        }

        public Desk approve() {
            browser.click("#desk-approve");
            return this;
        }

        public String decided() {
            return browser.text("#desk-decided");
        }

        /** Publishes the adoption report: the button asks once, the second click publishes. */
        public Desk publishReport() {
            browser.click("#desk-report");
            browser.click("#desk-report-publish");
            browser.waitForText("#desk-report-publish", "确认");
            browser.click("#desk-report-publish");
            return this;
        }
    }
}
