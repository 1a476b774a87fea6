package org.kaimen.analysis;

import static org.kaimen.testsupport.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IndexedComments;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Elasticsearch stopped in the middle of a submission run: comments are still accepted, and after it comes back the
 * backlog drains by itself until PostgreSQL and the index agree exactly (nothing missing, extra or stale).
 */
@IntegrationTest
class IndexingFaultIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CommentIndexSetup setup;
    @Autowired
    IndexAdmin admin;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void nodeBack() {
        if (!TestServices.elasticsearch().isRunning()) {
            TestServices.elasticsearch().start();
        }
    }

    @Test
    void commentsAcceptedWhileElasticsearchIsDownAreIndexedOnceItReturns() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "故障测试", true).id();
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        List<Long> before = submit(draftId, 5, "停机前");

        TestServices.elasticsearch().stop();
        List<Long> during = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            during.addAll(submit(draftId, 1, "停机中" + i));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("submission does not wait for the index")
                    .isLessThan(Duration.ofSeconds(2));
        }
        as(drafter, "ROLE_DRAFTER");
        comments.hide(during.get(0), "测试：隐藏一条停机期间的意见");
        assertThat(admin.status().backlog()).isPositive();
        // The outage shows in the health details, but the app stays ready for traffic.
        Http http = new Http(port);
        String administrator = accounts.create(Role.ADMIN);
        assertThat(http.getAs(administrator, TestAccounts.PASSWORD, "/actuator/health").body())
                .contains("\"elasticsearch\":{\"status\":\"DOWN\"");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");

        TestServices.elasticsearch().start();
        SecurityContextHolder.clearContext();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(IndexedComments.differences(indexed(draftId), IndexedComments.database(jdbc, draftId)))
                        .isEmpty());
        assertThat(indexed(draftId)).hasSize(before.size() + during.size());
        assertThat(indexed(draftId).get(during.get(0)).status()).isEqualTo("HIDDEN");
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.status().backlog() == 0);
    }

    private List<Long> submit(long draftId, int n, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(comments.submit(new NewComment(draftId, null, Stance.SUPPORT, prefix + "的意见" + i, null, null,
                    null, null, null, null, false, null, null, null, null, true)).id());
        }
        return ids;
    }

    private Map<Long, IndexedComments.State> indexed(long draftId) {
        return IndexedComments.indexed(client, setup.alias(), draftId);
    }
}
