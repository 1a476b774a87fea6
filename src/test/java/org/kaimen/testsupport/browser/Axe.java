package org.kaimen.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * axe-core (vendored in src/test/resources/axe, MPL-2.0) run inside the page as it stands: a serious or critical
 * violation fails the test with the rule, the elements and axe's advice.
 */
public final class Axe {

    private static final Set<String> FAILING = Set.of("serious", "critical");
    /**
     * Rules switched off, each with its reason. Keep this empty unless a rule cannot hold for a reason outside the
     * app's control; fix the page instead.
     */
    static final Map<String, String> EXCLUDED = Map.of();

    private static String source;

    private Axe() {
    }

    /** Audits the current page against WCAG 2.1 A and AA and best practices; fails on serious or critical findings. */
    public static void check(Browser browser, String page) {
        browser.waitForVaadin();
        List<String> problems = violations(browser);
        if (!problems.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical violations on " + page + " ("
                    + browser.path() + "):\n" + String.join("\n", problems));
        }
    }

    /** The serious and critical violations on the page as it stands; notes the lesser ones on standard output. */
    public static List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.js("return !!window.axe"))) {
            browser.js(source());
        }
        Map<String, Object> rules = new java.util.HashMap<>();
        EXCLUDED.keySet().forEach(rule -> rules.put(rule, Map.of("enabled", false)));
        Object result = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'], rules: arguments[0],
                    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(JSON.stringify(r.violations)))
                  .catch(e => done(JSON.stringify({error: String(e)})));""", rules);
        try {
            JsonNode violations = new ObjectMapper().readTree(String.valueOf(result));
            if (violations.has("error")) {
                throw new AssertionError("axe-core failed: " + violations.get("error").asText());
            }
            List<String> problems = new ArrayList<>();
            for (JsonNode v : violations) {
                StringBuilder line = new StringBuilder("- [" + v.path("impact").asText() + "] " + v.path("id").asText()
                        + ": " + v.path("help").asText());
                for (JsonNode node : v.path("nodes")) {
                    line.append("\n    ").append(node.path("target").toString()).append(" ")
                            .append(node.path("failureSummary").asText().replace("\n", " "));
                }
                if (FAILING.contains(v.path("impact").asText())) {
                    problems.add(line.toString());
                } else {
                    System.out.println("axe-core (not failing) on " + browser.path() + ": " + line);
                }
            }
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
