package org.kaimen.bench;

import static org.kaimen.testsupport.SignedIn.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.browser.BrowserTest;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Time to interactive of the public reading view of a 100-article draft, as a visitor's headless Chromium sees it
 * over loopback: from the start of navigation (Navigation Timing's origin) until the draft text is in the page and
 * Vaadin has no request in flight. Cold runs disable the HTTP cache, warm runs keep it (a returning reader). Not a
 * test and not in the suite: {@code bash bench/browser.sh} prints the BENCH lines for docs/benchmarks.md.
 */
class ReadingViewBench extends BrowserTest {

    static final int ARTICLES = 100;
    static final int RUNS = Integer.getInteger("kaimen.bench.runs", 20);
    /** Put in every page before its own scripts: notes the moment the view is ready, polling every few ms. */
    static final String PROBE = """
            (function () {
              function ready() {
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (document.readyState !== 'complete' || !flow || !flow.clients
                    || !document.getElementById('draft-text')) return false;
                const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
                return clients.length > 0 && clients.every(c => !c.isActive());
              }
              (function poll() {
                if (ready()) { window.__kaimenInteractive = performance.now(); } else { setTimeout(poll, 4); }
              })();
            })();""";

    @Test
    void readingViewOfAHundredArticleDraft() {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = as(clerk, "ROLE_DRAFTER", () -> drafts.create(DraftSource.text(hundredArticles()),
                "基准测试条例（草案）", true).id());
        var driver = browser.driver();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        driver.executeCdpCommand("Network.enable", Map.of());
        for (boolean cold : new boolean[] {true, false}) {
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cold));
            List<Double> interactive = new ArrayList<>();
            List<Double> loaded = new ArrayList<>();
            List<Double> initServer = new ArrayList<>();
            List<Double> initDone = new ArrayList<>();
            for (int run = -3; run < RUNS; run++) { // three warm-ups: JIT and caches of the server
                driver.get("about:blank");
                driver.get("http://localhost:" + port + "/drafts/" + draftId);
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                        browser.js("return window.__kaimenInteractive !== undefined") == Boolean.TRUE);
                if (run < 0) {
                    continue;
                }
                interactive.add(((Number) browser.js("return window.__kaimenInteractive")).doubleValue());
                loaded.add(((Number) browser.js(
                        "return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue());
                // Flow's first request renders the view on the server: its wait time, and when its answer arrived.
                @SuppressWarnings("unchecked")
                List<Number> init = (List<Number>) browser.js("""
                        const e = performance.getEntriesByType('resource').find(r => r.name.includes('v-r=init'))
                          || performance.getEntriesByType('navigation')[0];
                        return [e.responseStart - e.requestStart, e.responseEnd];""");
                initServer.add(init.get(0).doubleValue());
                initDone.add(init.get(1).doubleValue());
            }
            long articles = (Long) browser.js("return document.querySelectorAll('.kaimen-article').length");
            System.out.printf("BENCH reading view %d articles, %s cache, %d runs: time to interactive p50 %.0f ms,"
                            + " p95 %.0f ms, max %.0f ms; load event p50 %.0f ms; first render on the server p50 %.0f ms,"
                            + " its answer in the browser at p50 %.0f ms%n", articles, cold ? "cold" : "warm",
                    RUNS, percentile(interactive, 50), percentile(interactive, 95), percentile(interactive, 100),
                    percentile(loaded, 50), percentile(initServer, 50), percentile(initDone, 50));
        }
    }

    static String hundredArticles() {
        return Regulation.hundredArticles();
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
