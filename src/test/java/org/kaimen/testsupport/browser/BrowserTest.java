package org.kaimen.testsupport.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the *BrowserIT journeys: the whole app on a random port with its real services, and one headless
 * Chromium for the test class (starting one costs about a second; each test gets its cookies cleared).
 */
@IntegrationTest
public abstract class BrowserTest {

    private static Chromium chromium;

    @LocalServerPort
    protected int port;
    protected Browser browser;
    @Autowired
    protected DraftService drafts;
    @Autowired
    protected TestAccounts accounts;
    @Autowired
    protected JdbcClient jdbc;

    /** What the browser showed when a test failed: target/browser-failures/{test}.png and .html. */
    @RegisterExtension
    static final TestWatcher EVIDENCE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (chromium == null) {
                return;
            }
            try {
                java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-failures");
                java.nio.file.Files.createDirectories(dir);
                String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()
                        .replaceAll("[^A-Za-z0-9]", "");
                java.nio.file.Files.write(dir.resolve(name + ".png"),
                        chromium.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                java.nio.file.Files.writeString(dir.resolve(name + ".html"), chromium.driver().getPageSource());
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    static void startChromium() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser = new Browser(chromium.driver(), port);
        chromium.driver().manage().deleteAllCookies();
        browser.desktop();
    }

    /** A draft open for comments with the text of the 滨州 regulation, published by a fresh clerk. */
    protected long openConsultation(String title) {
        String clerk = accounts.create(Role.DRAFTER);
        return SignedIn.as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), title, true).id());
    }
}
