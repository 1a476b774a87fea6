package org.kaimen.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kaimen.testsupport.TestAccounts;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in the browser, in Vaadin's terms: every action waits until Flow has no request in flight
 * (never a fixed sleep), fields are typed into through the input element Vaadin slots into the light DOM, and
 * shadow roots are reached with Selenium 4's {@link WebElement#getShadowRoot()}. Page objects build on this.
 */
public class Browser {

    /** A phone of the smallest common width, the one the reading view is designed from. */
    public static final int PHONE_WIDTH = 360;
    public static final int PHONE_HEIGHT = 740;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String VAADIN_IDLE = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (document.readyState !== 'complete' || !flow || !flow.clients) return false;
            const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
            return clients.length > 0 && clients.every(c => !c.isActive());""";

    private final ChromeDriver driver;
    private final String base;

    public Browser(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port + "/";
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A 360×740 touch screen at two device pixels per CSS pixel, as a mid-range Android phone. */
    public Browser phone() {
        return viewport(PHONE_WIDTH, PHONE_HEIGHT, 2, true);
    }

    public Browser desktop() {
        return viewport(1280, 900, 1, false);
    }

    private Browser viewport(int width, int height, double scale, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", scale, "mobile", mobile));
        return this;
    }

    /** Opens a path of the app ("" for the front page, "drafts/1/a12") and waits until the view is ready. */
    public Browser open(String path) {
        driver.get(base + path);
        waitForVaadin();
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public void waitForVaadin() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript(VAADIN_IDLE)));
    }

    /** The first visible element for a CSS selector, waiting for the server round trip that shows it. */
    public WebElement find(String css) {
        waitForVaadin();
        // Selenium counts an element scrolled out of the app layout's content area as hidden: bring it into view.
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            for (WebElement e : d.findElements(By.cssSelector(css))) {
                if (e.isDisplayed()) {
                    return e;
                }
                js("arguments[0].scrollIntoView({block: 'nearest'})", e);
                if (e.isDisplayed()) {
                    return e;
                }
            }
            return null;
        });
    }

    public List<WebElement> all(String css) {
        waitForVaadin();
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !all(css).isEmpty();
    }

    /** A component's shadow root, for the parts Vaadin keeps there (a button's label, a field's error message). */
    public SearchContext shadow(String hostCss) {
        return find(hostCss).getShadowRoot();
    }

    public Browser click(String css) {
        WebElement element = find(css);
        new WebDriverWait(driver, WAIT).until(d -> element.isEnabled()
                && !"true".equals(element.getDomAttribute("disabled")));
        press(element);
        return this;
    }

    /**
     * Scrolls the element to the middle of the viewport first: Selenium's own scrolling does not reach into Vaadin's
     * scrolling containers (a dialog's overlay, the app layout's content), and a phone has little room.
     */
    private void press(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        element.click();
        waitForVaadin();
    }

    /**
     * Clicks the element under {@code css} whose text is {@code text} (or, failing that, contains it): the way a
     * person picks 部分采纳 rather than 采纳 from a list.
     */
    public Browser clickText(String css, String text) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                    .toList();
            WebElement target = shown.stream().filter(e -> e.getText().strip().equals(text)).findFirst()
                    .orElse(shown.stream().filter(e -> e.getText().contains(text)).findFirst().orElse(null));
            if (target == null) {
                return false;
            }
            press(target);
            return true;
        });
        return this;
    }

    /**
     * Types into a Vaadin text field or area (or a plain input) as a person does, then leaves the field so the
     * value reaches the server whatever the field's value change mode.
     */
    public Browser type(String css, String text) {
        WebElement host = find(css);
        WebElement input = host.getTagName().startsWith("vaadin-")
                ? host.findElement(By.cssSelector("input, textarea")) : host;
        input.clear();
        input.sendKeys(text);
        js("arguments[0].dispatchEvent(new Event('change', {bubbles: true})); arguments[0].blur();", input);
        waitForVaadin();
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits until the element's text contains the given text, and returns the whole text. */
    public String waitForText(String css, String expected) {
        new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(css));
                    return !found.isEmpty() && found.get(0).getText().contains(expected);
                });
        return text(css);
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    // Keyboard-only use: Tab moves, Enter and Space act, nothing else.

    public Browser press(CharSequence key) {
        driver.switchTo().activeElement().sendKeys(key);
        waitForVaadin();
        return this;
    }

    /** Presses Tab until the focus is inside {@code css}; fails with the path the focus took if it never gets there. */
    public Browser tabTo(String css, int maxTabs) {
        List<String> path = new ArrayList<>();
        for (int i = 0; i <= maxTabs; i++) {
            if (Boolean.TRUE.equals(js("""
                    let a = document.activeElement;
                    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
                    const host = a && a.getRootNode() instanceof ShadowRoot ? a.getRootNode().host : a;
                    return !!(host && host.closest && host.closest(arguments[0]));""", css))) {
                return this;
            }
            path.add(String.valueOf(js("""
                    const a = document.activeElement;
                    return a ? a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + ' ' + (a.textContent || '')
                        .trim().slice(0, 20) : 'none';""")));
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + css + "; focus went: " + String.join(" → ", path));
    }

    public String focused() {
        return String.valueOf(js("const a = document.activeElement; return a ? a.tagName.toLowerCase() + '#' + a.id : ''"));
    }

    // Accounts.

    /** Signs in through the login page with the password every test account has. */
    public Browser signIn(String username) {
        open("login");
        WebElement user = find("vaadin-login-form input[name='username']");
        user.sendKeys(username);
        WebElement password = find("vaadin-login-form input[name='password']");
        password.sendKeys(TestAccounts.PASSWORD);
        password.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
        waitForVaadin();
        assertThat(find("#logout").isDisplayed()).as("signed in as " + username).isTrue();
        return this;
    }

    public Browser signOut() {
        driver.manage().deleteAllCookies();
        open("");
        return this;
    }

    /** Scrolls the page (and an open dialog) back to the top, for a screenshot that shows where a screen starts. */
    public Browser scrollToTop() {
        js("""
                window.scrollTo(0, 0);
                document.querySelectorAll('vaadin-app-layout, vaadin-dialog-overlay').forEach(host => {
                  const root = host.shadowRoot;
                  if (root) root.querySelectorAll('[content], [part~="content"], [part~="overlay"]')
                      .forEach(part => part.scrollTop = 0);
                });""");
        return this;
    }

    // Evidence.

    /**
     * Writes what the viewport shows to target/screenshots/{name}.png; with {@code -Dkaimen.screenshots=docs/screenshots}
     * it refreshes the README's pictures (a plain test run leaves the working tree clean).
     */
    public Browser screenshot(String name) {
        waitForVaadin();
        // Fonts and the layout's transitions settle after the last server round trip.
        js("return document.fonts ? document.fonts.ready.then(() => true) : true");
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(js("""
                return !document.getAnimations || document.getAnimations().every(a => a.playState !== 'running'
                    || a.effect && a.effect.getTiming().iterations === Infinity);""")));
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        try {
            Path dir = Path.of(System.getProperty("kaimen.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
