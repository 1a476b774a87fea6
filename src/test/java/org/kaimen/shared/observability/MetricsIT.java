package org.kaimen.shared.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class MetricsIT {

    static final String[] BUSINESS_METRICS = {
            "kaimen_comments_received_total", "kaimen_comments_submission_seconds_bucket",
            "kaimen_mail_outbox_backlog", "kaimen_mails_queued_total", "kaimen_mails_sent_total",
            "kaimen_mails_failed_total", "kaimen_index_backlog", "kaimen_index_lag_seconds",
            "kaimen_search_seconds_bucket", "kaimen_campaigns_detection_seconds_count",
            "kaimen_topics_clustering_seconds_count"};

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DraftService drafts;
    @Autowired
    ObjectMapper json;
    Http http;
    String admin;
    String drafter;
    String citizen;
    long draftId;

    @BeforeEach
    void openDraft() {
        http = new Http(port);
        admin = accounts.create(Role.ADMIN);
        drafter = accounts.create(Role.DRAFTER);
        citizen = accounts.create(Role.CITIZEN);
        draftId = SignedIn.as(drafter, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "指标测试", true).id();
            drafts.updateMetadata(id, "指标测试", null, null, true, true);
            return id;
        });
    }

    @Test
    void theMetricsAreForAdministratorsAndTheScrapeTokenOnly() {
        assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.getAs(citizen, TestAccounts.PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(http.getAs(drafter, TestAccounts.PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer wrong-token").statusCode())
                .isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer test-scrape-token").statusCode())
                .isEqualTo(200);
        // The token opens the metrics and nothing else.
        assertThat(http.get("/actuator/metrics", "Authorization", "Bearer test-scrape-token").statusCode())
                .isEqualTo(401);
        assertThat(http.getAs(admin, TestAccounts.PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    @Test
    void everyBusinessMetricIsExportedUnderTheKaimenPrefix() {
        String scrape = scrape();
        for (String name : BUSINESS_METRICS) {
            assertThat(scrape).as(name).contains(name);
        }
        assertThat(scrape).contains("kaimen_comments_received_total{application=\"kaimen\",channel=\"LETTER\"}");
    }

    @Test
    void commentsArrivingMoveTheCountersTheLatencyAndTheMailFigures() throws Exception {
        String before = scrape();
        double received = value(before, "kaimen_comments_received_total", "channel=\"ONLINE\"");
        double submissions = value(before, "kaimen_comments_submission_seconds_count", "");
        double queued = value(before, "kaimen_mails_queued_total", "kind=\"COMMENT_RECEIPT\"");
        double searches = value(before, "kaimen_search_seconds_count", "");

        for (String text : new String[] {"建议明确物业服务收费标准的公示方式。", "反对提高住宅专项维修资金的缴存比例。"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                            http.uri("/api/v1/drafts/" + draftId + "/comments"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", Http.basic(citizen, TestAccounts.PASSWORD))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                            Map.of("stance", "MODIFY", "text", text)), StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(http.getAs(drafter, TestAccounts.PASSWORD, "/api/v1/drafts/" + draftId
                + "/comments/search?q=" + java.net.URLEncoder.encode("物业", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);

        String after = scrape();
        assertThat(value(after, "kaimen_comments_received_total", "channel=\"ONLINE\"")).isEqualTo(received + 2);
        assertThat(value(after, "kaimen_comments_submission_seconds_count", "")).isEqualTo(submissions + 2);
        assertThat(value(after, "kaimen_search_seconds_count", "")).isEqualTo(searches + 1);
        // The receipt mails are queued by a listener after the commit, then sent by the outbox.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                value(scrape(), "kaimen_mails_queued_total", "kind=\"COMMENT_RECEIPT\"")).isEqualTo(queued + 2));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                value(scrape(), "kaimen_mails_sent_total", "kind=\"COMMENT_RECEIPT\"")).isGreaterThanOrEqualTo(2));
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsAWellFormedOneFromTheProxy() {
        String generated = http.get("/actuator/health").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).matches("[0-9a-f]{16}");
        assertThat(http.get("/actuator/health", "X-Request-Id", "proxy-4711").headers()
                .firstValue("X-Request-Id")).hasValue("proxy-4711");
        assertThat(http.get("/actuator/health", "X-Request-Id", "<script>alert(1)</script>").headers()
                .firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}");
    }

    private String scrape() {
        HttpResponse<String> r = http.get("/actuator/prometheus", "Authorization", "Bearer test-scrape-token");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The value of one sample, 0 when absent; {@code label} narrows to the line that has it. */
    static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
