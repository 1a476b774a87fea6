package org.kaimen.bench;

import static org.kaimen.testsupport.SignedIn.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * Heap per open reading session (issue #9): the app in the test profile on a random port, the 100-article draft of
 * {@link ReadingViewBench}, then N visitors who each open the reading view over plain HTTP as Vaadin's client does
 * (GET of the route for the session cookie and the bootstrap page, the {@code v-r=init} request that creates the UI,
 * then the UIDL request with the 'ui-navigate' event that renders the view, then the message Chromium sends right
 * after it has drawn the view) and never leave. Heap used after a full GC, before and after, gives the cost of a session
 * with its UI. Not a test and not in the suite: {@code bash bench/sessions.sh [sessions] [heap]} prints the BENCH lines.
 * Vaadin's development-mode component tracker (which keeps a creation stack location per component and does not run
 * in production) is switched off so the figure is the one production would see.
 */
@IntegrationTest
@TestPropertySource(properties = "vaadin.devmode.componentTracker.enabled=false")
class ReadingSessionsBench {

    /** Every UI the app creates in this run (weakly), to read what each keeps besides its components. */
    static final Set<UI> UIS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @TestConfiguration(proxyBeanMethods = false)
    static class TrackUis {
        @Bean
        VaadinServiceInitListener trackUis() {
            return event -> event.getSource().addUIInitListener(e -> UIS.add(e.getUI()));
        }
    }

    static final int SESSIONS = Integer.getInteger("kaimen.bench.sessions", 2000);
    static final int WARM_UP = 20;
    static final int PARALLEL = 4;
    static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    static final Pattern CSRF = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");

    @LocalServerPort
    int port;
    @Autowired
    DraftService drafts;
    @Autowired
    TestAccounts accounts;

    /** The largest answer to the browser's first message after rendering, for the BENCH line. */
    final int[] lastFollowUp = new int[1];
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void heapPerReadingSessionOfAHundredArticleDraft() throws Exception {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(ReadingViewBench.hundredArticles()), "基准测试条例（草案）", true).id());
        List<String> kept = new ArrayList<>(); // the session cookies, so nothing on this side looks finished
        int[] lastInit = new int[1];
        for (int i = 0; i < WARM_UP; i++) {
            kept.add(openSession(draftId, lastInit));
        }
        long before = heapAfterGc();
        Histogram baseline = Histogram.take();
        long max = Runtime.getRuntime().maxMemory();
        int opened = 0;
        boolean full = false;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            while (opened < SESSIONS && !full) {
                int batch = Math.min(100, SESSIONS - opened);
                List<Future<String>> sessions = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    sessions.add(pool.submit(() -> openSession(draftId, lastInit)));
                }
                for (Future<String> session : sessions) {
                    kept.add(session.get());
                }
                opened += batch;
                // Stop before an OutOfMemoryError would take the run down: past 90 % of the heap after a full GC.
                Runtime runtime = Runtime.getRuntime();
                if (runtime.totalMemory() - runtime.freeMemory() > 0.85 * max && heapAfterGc() > 0.9 * max) {
                    full = true;
                }
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = heapAfterGc();
        Histogram now = Histogram.take();
        double perSession = (after - before) / 1024.0 / opened;
        System.out.printf("BENCH reading sessions: %d opened in %.0f s (largest view answer %d chars, largest answer"
                + " to the browser's next message %d chars), max heap %d MB%n", opened, seconds, lastInit[0],
                lastFollowUp[0], max >> 20);
        System.out.printf("BENCH heap used after full GC: before %.1f MB (%d warm-up sessions), after %.1f MB;"
                + " %.0f kB per session%n", before / 1048576.0, WARM_UP, after / 1048576.0, perSession);
        System.out.printf("BENCH server side per UI: %.0f StateNodes, %.0f components (UIs %d -> %d)%n",
                (now.stateNodes - baseline.stateNodes) / (double) opened,
                (now.components() - baseline.components()) / (double) opened, baseline.uis, now.uis);
        System.out.println("BENCH largest growth per session by class: " + now.largestGrowth(baseline, opened, 15));
        // Vaadin keeps each UI's last answer (to resend it should the browser repeat its request) until the UI's
        // next request; after the browser's message that follows the drawing it should be a few dozen characters.
        // What is kept, and what a session costs once even that copy is gone:
        long lastAnswers = 0;
        List<UI> uis;
        synchronized (UIS) {
            uis = new ArrayList<>(UIS);
        }
        for (UI ui : uis) {
            String last = ui.getInternals().getLastRequestResponse();
            lastAnswers += last == null ? 0 : last.length() * (last.chars().allMatch(c -> c < 256) ? 1L : 2L);
            ui.accessSynchronously(() -> ui.getInternals().setLastRequestResponse(null));
        }
        long withoutLast = heapAfterGc();
        System.out.printf("BENCH of which Vaadin's copy of each UI's last answer: %.0f kB per UI (%d UIs);"
                        + " without it %.0f kB per session%n", lastAnswers / 1024.0 / uis.size(), uis.size(),
                (withoutLast - before) / 1024.0 / opened);
        System.out.printf("BENCH 2,000 sessions %s in 512 MB of heap (%s; %.0f MB at this rate plus the %.0f MB"
                        + " before)%n", full ? "do NOT fit" : (before + 2000 * perSession * 1024 < 512L << 20
                        ? "fit" : "do NOT fit"), full ? "stopped at 90 % of the heap after " + opened + " sessions"
                        : "no OutOfMemoryError", 2000 * perSession / 1024, before / 1048576.0);
    }

    /**
     * One visitor: the route (bootstrap page, session cookie), Flow's init request that builds the UI, the navigation
     * that draws the view, and the browser's messages right after it.
     */
    String openSession(long draftId, int[] lastInit) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/drafts/" + draftId, null);
        Matcher cookie = SESSION_COOKIE.matcher(String.join(";", page.headers().allValues("Set-Cookie")));
        if (page.statusCode() != 200 || !cookie.find()) {
            throw new IllegalStateException("bootstrap page: " + page.statusCode() + " " + page.headers());
        }
        String session = cookie.group(1);
        // Flow's client sends it relative to the page's <base href>, the servlet's root: it creates the UI.
        HttpResponse<String> init = get("/?v-r=init&location=drafts%2F" + draftId + "&query=", session);
        Matcher csrf = CSRF.matcher(init.body());
        Matcher syncId = SYNC_ID.matcher(init.body());
        if (init.statusCode() != 200 || !csrf.find() || !syncId.find()) {
            throw new IllegalStateException("init: " + init.statusCode() + " "
                    + init.body().substring(0, Math.min(500, init.body().length())));
        }
        // Then the client asks the UI to navigate to the route (Flow.ts sends the 'ui-navigate' event to the UI's
        // root node): that renders the view.
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"drafts/%d",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":%s,"clientId":0}"""
                .formatted(csrf.group(1), draftId, syncId.group(1));
        HttpResponse<String> view = send(session, navigate);
        // The last article's text is in the answer only if the whole view was rendered.
        if (!view.body().contains("第一百条")) {
            throw new IllegalStateException("navigation: " + view.statusCode() + " "
                    + view.body().substring(0, Math.min(500, view.body().length())));
        }
        lastInit[0] = Math.max(lastInit[0], view.body().length());
        // What Chromium sends next (recorded by ReadingSessionBrowserIT): as soon as the web components are upgraded,
        // the properties and events they report (the app layout's drawer, the side nav, the version select, the
        // details); then, should the view run a script whose result the server waits for, that result. Each answer
        // replaces the copy Vaadin keeps of the UI's last answer, so a bench that stopped after the navigation kept
        // the view's large answer where a browser keeps a small one.
        JsonNode answer = uidl(view.body());
        String afterRender = send(session, message(csrf.group(1), upgradedComponents(answer), answer)).body();
        JsonNode synced = uidl(afterRender);
        for (ArrayNode channel : returnChannels(answer)) {
            ArrayNode rpc = JSON.createArrayNode();
            rpc.addObject().put("type", "channel").put("node", channel.get(1).asInt())
                    .put("channel", channel.get(2).asInt()).putArray("args").addNull();
            synced = uidl(send(session, message(csrf.group(1), rpc, synced)).body());
        }
        lastFollowUp[0] = Math.max(lastFollowUp[0], afterRender.length());
        return session;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** A UIDL answer without its anti-hijacking prefix. */
    static JsonNode uidl(String body) throws IOException {
        String json = body.startsWith("for(;;);") ? body.substring("for(;;);".length()) : body;
        JsonNode node = JSON.readTree(json);
        return node.isArray() ? node.get(0) : node;
    }

    /** The next message after {@code previous}, as Flow's client numbers it. */
    static String message(String csrf, ArrayNode rpc, JsonNode previous) {
        ObjectNode message = JSON.createObjectNode().put("csrfToken", csrf);
        message.set("rpc", rpc);
        message.put("syncId", previous.get("syncId").asInt()).put("clientId", previous.get("clientId").asInt());
        return message.toString();
    }

    /**
     * The message Chromium sent once the view's web components were upgraded: each reports the events the server
     * listens to and the properties it synchronises (values as Chromium sent them for a desktop window).
     */
    static ArrayNode upgradedComponents(JsonNode answer) {
        ArrayNode events = JSON.createArrayNode();
        ArrayNode syncs = JSON.createArrayNode();
        for (JsonNode change : answer.path("changes")) {
            if (!"tag".equals(change.path("key").asText()) || change.path("feat").asInt() != 0) {
                continue;
            }
            int node = change.get("node").asInt();
            switch (change.path("value").asText()) {
                case "vaadin-app-layout" -> {
                    event(events, node, "primary-section-changed", "drawer-opened-changed", "overlay-changed");
                    syncs.addObject().put("type", "mSync").put("node", node).put("feature", 1)
                            .put("property", "drawerOpened").put("value", true);
                    syncs.addObject().put("type", "mSync").put("node", node).put("feature", 1)
                            .put("property", "overlay").put("value", false);
                }
                case "vaadin-side-nav" -> {
                    event(events, node, "collapsed-changed");
                    syncs.addObject().put("type", "mSync").put("node", node).put("feature", 1)
                            .put("property", "collapsed").put("value", false);
                }
                case "vaadin-side-nav-item" -> {
                    event(events, node, "expanded-changed");
                    syncs.addObject().put("type", "mSync").put("node", node).put("feature", 1)
                            .put("property", "expanded").put("value", false);
                }
                case "vaadin-select" -> event(events, node, "opened-changed", "value-changed");
                case "vaadin-details" -> event(events, node, "opened-changed");
                default -> { }
            }
        }
        return events.addAll(syncs);
    }

    static void event(ArrayNode rpc, int node, String... names) {
        for (String name : names) {
            rpc.addObject().put("type", "event").put("node", node).put("event", name).putObject("data");
        }
    }

    /** The return channels of scripts whose result the server waits for ([2, node, channel] in Flow's codec). */
    static List<ArrayNode> returnChannels(JsonNode answer) {
        List<ArrayNode> channels = new ArrayList<>();
        for (JsonNode invocation : answer.path("execute")) {
            for (JsonNode parameter : invocation) {
                if (parameter.isArray() && parameter.size() == 3 && parameter.get(0).asInt() == 2) {
                    channels.add((ArrayNode) parameter);
                    break; // the first is the success channel, the one the browser calls
                }
            }
        }
        return channels;
    }

    /** A UIDL message to the session's UI, as Flow's client posts it. */
    HttpResponse<String> send(String session, String message) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/?v-r=uidl&v-uiId=0"))
                .timeout(Duration.ofSeconds(60)).header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(message, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() != 200 || !answer.body().contains("\"syncId\"")) {
            throw new IllegalStateException("UIDL: " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Instance counts from the JVM's class histogram (which itself runs a full GC). */
    record Histogram(long stateNodes, long uis, long html, long buttons, Map<String, Long> bytes) {

        /** The classes whose instances grew most in bytes between {@code before} and this one, per session. */
        String largestGrowth(Histogram before, int sessions, int top) {
            return bytes.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytes.getOrDefault(e.getKey(), 0L)))
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .map(e -> String.format("%s %.1f kB", e.getKey(), e.getValue() / 1024.0 / sessions))
                    .collect(java.util.stream.Collectors.joining("; "));
        }


        long components() {
            return html + buttons;
        }

        static Histogram take() throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()),
                    "GC.class_histogram").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return new Histogram(count(out, "com.vaadin.flow.internal.StateNode"),
                    count(out, "com.vaadin.flow.component.UI"),
                    countPrefix(out, "com.vaadin.flow.component.html."),
                    count(out, "com.vaadin.flow.component.button.Button"), bytes(out));
        }

        static Map<String, Long> bytes(String histogram) {
            Map<String, Long> bytes = new java.util.HashMap<>();
            Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(histogram);
            while (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
            return bytes;
        }

        static long count(String histogram, String type) {
            Matcher m = Pattern.compile("\\s+\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(type) + "\\s").matcher(histogram);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }

        static long countPrefix(String histogram, String prefix) {
            Matcher m = Pattern.compile("\\s+\\d+:\\s+(\\d+)\\s+\\d+\\s+" + Pattern.quote(prefix) + "[A-Za-z0-9]+\\s")
                    .matcher(histogram);
            long total = 0;
            while (m.find()) {
                total += Long.parseLong(m.group(1));
            }
            return total;
        }
    }
}
