package org.kaimen.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.ApiClient;
import org.kaimen.testsupport.AppProcess;
import org.kaimen.testsupport.IndexedComments;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestServices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The application killed with SIGKILL while citizens are submitting comments, then started again: every comment it
 * acknowledged is in PostgreSQL exactly once, the requests it never answered can be sent again with their
 * Idempotency-Key and end up stored once, and the search index catches up with all of them by itself.
 *
 * <p>The application runs as a separate JVM on a database and index prefix of its own, so nothing else (such as the
 * shared test context's event resubmission) can do the recovery for it.
 */
class CrashRecoveryIT {

    static final String DATABASE = TestServices.DATABASE_IN_USE + "_crash";
    static final String INDEX_PREFIX = "kaimen-crash";
    static final int CLIENTS = 4;
    /** Acknowledged comments before the kill: the run is well under way, and more requests are in flight. */
    static final int KILL_AFTER = 40;

    AppProcess app;
    ApiClient api;
    SimpleDriverDataSource dataSource;
    ElasticsearchClient elasticsearch;

    /** What one request got: an acknowledged comment id, or nothing at all (the process died under it). */
    record Sent(String user, String key, String text, Long id) {
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (app != null) {
            app.close();
        }
        if (elasticsearch != null) {
            elasticsearch.indices().delete(d -> d.index(INDEX_PREFIX + "-*").ignoreUnavailable(true));
            elasticsearch._transport().close();
        }
        TestServices.dropDatabase(DATABASE);
    }

    @Test
    void commentsSurviveAKillAndTheUnansweredOnesAreStoredOnceWhenSentAgain() throws Exception {
        TestServices.dropDatabase(DATABASE);
        Map<String, String> properties = AppProcess.testProperties(TestServices.PG_URL + DATABASE);
        properties.put("kaimen.elasticsearch.index-prefix", INDEX_PREFIX);
        properties.put("kaimen.comments.rate-limit-enabled", "false");
        app = AppProcess.start("crash-recovery", properties);
        dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), TestServices.PG_URL + DATABASE,
                "postgres", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        elasticsearch = IndexedComments.client(TestServices.elasticsearch().httpUri());

        api = new ApiClient(app.port());
        TestAccounts accounts = ApiClient.accounts(jdbc);
        long draftId = api.createDraft(accounts, "崩溃恢复测试");
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            citizens.add(accounts.create(Role.CITIZEN));
        }

        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (String citizen : citizens) {
            clients.submit(() -> {
                try {
                    for (int n = 0; ; n++) {
                        String key = UUID.randomUUID().toString();
                        String text = citizen + " 的第 " + n + " 条意见：第" + (n % 40 + 1) + "条的表述应当更加明确，编号 "
                                + key;
                        Long id = post(citizen, draftId, key, text);
                        sent.add(new Sent(citizen, key, text, id));
                        if (id == null) {
                            return; // the process is gone: this client's last request went unanswered
                        }
                        if (acknowledged.incrementAndGet() >= KILL_AFTER) {
                            enough.countDown();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    enough.countDown();
                }
            });
        }
        assertThat(enough.await(120, TimeUnit.SECONDS)).as("acknowledged before the kill").isTrue();
        assertThat(failures).isEmpty();
        assertThat(app.kill()).as("exit status after SIGKILL (128 + 9)").isEqualTo(137);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();

        List<Sent> acked = sent.stream().filter(s -> s.id() != null).toList();
        List<Sent> unanswered = sent.stream().filter(s -> s.id() == null).toList();
        assertThat(unanswered).as("every client lost its request in flight").hasSize(CLIENTS);
        // For the reader of a run: how much the restarted app had to pick up.
        System.out.printf("CrashRecoveryIT: %d acknowledged, %d unanswered (%d of them stored), %d event publications"
                        + " left incomplete by the kill%n", acked.size(), unanswered.size(),
                jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = ?").param(draftId).query(Long.class).single()
                        - acked.size(),
                jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                        .single());

        app.start();
        // Each unanswered request again, with its key: stored now if the crash lost it, answered with the stored
        // comment if it had committed. A few acknowledged ones again too: the same id, nothing new.
        Map<String, Long> finalIds = new HashMap<>();
        acked.forEach(s -> finalIds.put(s.key(), s.id()));
        for (Sent s : unanswered) {
            Long id = post(s.user(), draftId, s.key(), s.text());
            assertThat(id).as("the retry of " + s.key() + " is answered").isNotNull();
            finalIds.put(s.key(), id);
        }
        for (Sent s : acked.subList(0, 5)) {
            assertThat(post(s.user(), draftId, s.key(), s.text())).isEqualTo(s.id());
        }

        // In PostgreSQL exactly once: one row per key sent, each the id its sender was given.
        Map<String, Long> stored = new HashMap<>();
        Map<String, Integer> perText = new HashMap<>();
        jdbc.sql("SELECT id, idempotency_key, text FROM comment WHERE draft_id = ?").param(draftId)
                .query((rs, i) -> {
                    String key = rs.getString(2).substring(rs.getString(2).indexOf(':') + 1);
                    stored.put(key, rs.getLong(1));
                    perText.merge(rs.getString(3), 1, Integer::sum);
                    return null;
                }).list();
        assertThat(stored).isEqualTo(finalIds);
        assertThat(perText.values()).as("no comment stored twice").containsOnly(1);
        assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = ?").param(draftId).query(Long.class)
                .single()).isEqualTo(sent.size());

        // The index catches up by itself: the restarted app resubmits what the killed one left undone.
        String alias = INDEX_PREFIX + "-comments";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(IndexedComments.differences(IndexedComments.indexed(elasticsearch, alias, draftId),
                        IndexedComments.database(jdbc, draftId))).isEmpty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single())
                .as("event publications left incomplete").isZero());
    }

    /** @return the acknowledged comment id, or null when no answer came (connection refused or reset) */
    private Long post(String user, long draftId, String key, String text) {
        HttpResponse<String> response;
        try {
            response = api.comment(user, draftId, key, text);
        } catch (IOException unanswered) {
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return api.commentId(response.body());
    }
}
