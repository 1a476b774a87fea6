package org.kaimen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.browser.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * What an open reading session keeps on the server once a real browser has shown the draft (issue #9): Vaadin keeps
 * a copy of a UI's last answer to resend it should the browser repeat its request, and the answer that draws a
 * 100-article draft is ~120,000 characters. The browser's next message replaces it: Chromium sends one at once,
 * when the layout's web components report their state (the drawer, the side nav, the version select), and the
 * answer to that is a few dozen characters. Should that message stop coming (a layout without such components),
 * every open tab would keep its copy of the draft and this test fails. ReadingSessionsBench replays the same
 * messages to measure the heap per session.
 */
class ReadingSessionBrowserIT extends BrowserTest {

    /** Flow's messages to the server as the page sent them, noted before the page's own scripts run. */
    static final String RECORD_UIDL = """
            (function () {
              const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url) {
                this.__kaimenUrl = String(url); return open.apply(this, arguments); };
              XMLHttpRequest.prototype.send = function (body) {
                if (this.__kaimenUrl.includes('v-r=uidl')) (window.__kaimenUidl = window.__kaimenUidl || []).push(String(body));
                return send.apply(this, arguments); };
            })();""";

    @Autowired
    ServletWebServerApplicationContext web;

    @Test
    void afterTheDraftIsDrawnTheUiKeepsOnlyASmallCopyOfItsLastAnswer() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.hundredArticles()), "会话内存测试条例（草案）", true).id());
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_UIDL));

        browser.open("drafts/" + draftId);

        assertThat(browser.all(".kaimen-article")).hasSize(100);
        @SuppressWarnings("unchecked")
        List<String> sent = (List<String>) browser.js("return window.__kaimenUidl || []");
        assertThat(sent).as("Flow's messages: the navigation, then the components' state").hasSizeGreaterThan(1);
        assertThat(sent.get(0)).contains("ui-navigate");
        List<UI> uis = uisOf(browser.driver().manage().getCookieNamed("JSESSIONID").getValue());
        assertThat(uis).hasSize(1);
        String kept = uis.get(0).getInternals().getLastRequestResponse();
        System.out.println("Reading view in Chromium: " + sent.size() + " messages, copy of the last answer kept "
                + (kept == null ? 0 : kept.length()) + " characters");
        assertThat(kept).as("Vaadin's copy of the UI's last answer").hasSizeLessThan(2_000);
    }

    /** The UIs of the browser's session on the server, found through Tomcat's session manager. */
    List<UI> uisOf(String sessionId) {
        Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session;
        try {
            session = context.getManager().findSession(sessionId);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        HttpSession http = session.getSession();
        VaadinSession vaadin = Collections.list(http.getAttributeNames()).stream().map(http::getAttribute)
                .filter(VaadinSession.class::isInstance).map(VaadinSession.class::cast).findFirst().orElseThrow();
        vaadin.lock();
        try {
            return new ArrayList<>(vaadin.getUIs());
        } finally {
            vaadin.unlock();
        }
    }
}
