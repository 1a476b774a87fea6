package org.kaimen.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.testsupport.ApiClient;
import org.kaimen.testsupport.AppProcess;
import org.kaimen.testsupport.PrivatePostgres;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * PostgreSQL stopped while citizens are submitting comments, then started again: while it is down the API answers
 * quickly with 503, a localized problem detail and Retry-After; once it is back the same app (not restarted) takes comments again, and nothing is half written: every
 * acknowledged comment has its event publications (the outbox), no request answered "not saved" was stored, and one
 * whose commit the shutdown cut off is answered "unconfirmed" and stored exactly once when sent again with its key.
 *
 * <p>The database is a private cluster of this test's own; the shared server is never stopped.
 */
class DatabaseRestartIT {

    static final String DATABASE = "kaimen_restart";
    static final int CLIENTS = 3;
    static final String UNAVAILABLE_ZH = "数据库暂时无法访问，您的请求没有保存。请稍后重试。";
    static final String UNCONFIRMED_ZH = "保存时与数据库的连接中断，无法确认您的请求是否已保存。请稍后原样再提交一次：不会重复保存。";
    static final String UNAVAILABLE_EN = "The database cannot be reached right now; your request was not saved. "
            + "Please try again later.";

    PrivatePostgres postgres;
    AppProcess app;

    /** One request and what came back: a status (0 = no answer), the body, and how long it took. */
    record Outcome(String user, String key, String text, int status, String body, String retryAfter, long millis) {
    }

    @AfterEach
    void cleanUp() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void whileThePrivateDatabaseIsDownTheApiAnswers503AndAfterItsRestartNothingIsHalfWritten() throws Exception {
        postgres = PrivatePostgres.create();
        Map<String, String> properties = AppProcess.testProperties(postgres.jdbcUrl(DATABASE));
        properties.put("kaimen.elasticsearch.index-prefix", "kaimen-dbrestart-" + UUID.randomUUID().toString()
                .substring(0, 8));
        properties.put("kaimen.comments.rate-limit-enabled", "false");
        app = AppProcess.start("database-restart", properties);
        JdbcClient jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(),
                postgres.jdbcUrl(DATABASE), "postgres", ""));
        ApiClient api = new ApiClient(app.port());
        TestAccounts accounts = ApiClient.accounts(jdbc);
        long draftId = api.createDraft(accounts, "数据库重启测试");
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            citizens.add(accounts.create(Role.CITIZEN));
        }

        // Clients submit until told to stop; the database goes away under them.
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stopClients = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (String citizen : citizens) {
            clients.submit(() -> {
                for (int n = 0; !stopClients.get(); n++) {
                    outcomes.add(send(api, citizen, draftId, citizen + " 在数据库停机前后的第 " + n + " 条意见"));
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(outcomes).size() >= 15);
        postgres.stop("fast");
        int atStop = outcomes.size();
        // Long enough for every client to see a few refusals after the pool gave up on its connections.
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes.size() >= atStop + 3 * CLIENTS);
        stopClients.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Outcome> refused = outcomes.stream().filter(o -> o.status() != 200 && o.status() != 201).toList();
        assertThat(refused).as("refused while the database was down").hasSizeGreaterThanOrEqualTo(3 * CLIENTS);
        for (Outcome o : refused) {
            assertThat(o.status()).as(o.body()).isEqualTo(503);
            assertThat(o.millis()).as("answered within seconds, not hanging").isLessThan(10_000);
            assertThat(o.retryAfter()).isNotNull();
            JsonNode problem = api.readTree(o.body());
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            // A commit cut off by the shutdown cannot be known to have failed: it is answered as unconfirmed.
            if (unconfirmed(api, o)) {
                assertThat(problem.get("detail").asText()).isEqualTo(UNCONFIRMED_ZH);
            } else {
                assertThat(problem.get("code").asText()).isEqualTo("problem.http.503");
                assertThat(problem.get("detail").asText()).isEqualTo(UNAVAILABLE_ZH);
            }
        }
        Outcome english = send(api, citizens.get(0), draftId, "an English reader's comment", "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(503);
        assertThat(api.readTree(english.body()).get("detail").asText()).isEqualTo(UNAVAILABLE_EN);
        refused = new ArrayList<>(refused);
        refused.add(english);

        postgres.start();
        // The same app, not restarted, takes comments again once its pool reconnects.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                send(api, citizens.get(1), draftId, "数据库恢复后的意见 " + UUID.randomUUID()).status() == 201);
        List<Outcome> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Outcome o = send(api, citizens.get(i % CLIENTS), draftId, "恢复后的第 " + i + " 条意见");
            assertThat(o.status()).as(o.body()).isEqualTo(201);
            after.add(o);
        }

        // Nothing half written: no request answered "not saved" left a row, every stored comment has its outbox entries.
        Set<String> refusedKeys = new TreeSet<>();
        refused.stream().filter(o -> !unconfirmed(api, o)).forEach(o -> refusedKeys.add(o.key()));
        List<String> storedKeys = jdbc.sql("SELECT idempotency_key FROM comment WHERE draft_id = ?").param(draftId)
                .query(String.class).list().stream().map(k -> k.substring(k.indexOf(':') + 1)).toList();
        assertThat(storedKeys).doesNotContainAnyElementsOf(refusedKeys);
        // An unconfirmed one sent again with its key is stored exactly once, whether or not its first commit made it.
        for (Outcome o : refused.stream().filter(o -> unconfirmed(api, o)).toList()) {
            Outcome again = sendWithKey(api, o.user(), draftId, o.text(), o.key());
            assertThat(again.status()).as(again.body()).isIn(200, 201);
            assertThat(jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = ? AND idempotency_key LIKE ?")
                    .param(draftId).param("%:" + o.key()).query(Long.class).single()).isEqualTo(1);
        }
        List<Long> stored = jdbc.sql("SELECT id FROM comment WHERE draft_id = ? ORDER BY id").param(draftId)
                .query(Long.class).list();
        Set<Long> acknowledgedIds = new TreeSet<>();
        acknowledged(outcomes).forEach(o -> acknowledgedIds.add(api.commentId(o.body())));
        after.forEach(o -> acknowledgedIds.add(api.commentId(o.body())));
        assertThat(stored).containsAll(acknowledgedIds);
        for (long id : stored) {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM event_publication
                            WHERE event_type LIKE '%CommentSubmitted' AND (serialized_event::jsonb ->> 'commentId')::bigint = ?""")
                    .param(id).query(Long.class).single()).as("outbox entries of comment " + id).isPositive();
        }
        // The refused requests sent again with their keys are stored now, once.
        for (Outcome o : refused.stream().filter(o -> !unconfirmed(api, o)).limit(3).toList()) {
            Outcome again = sendWithKey(api, o.user(), draftId, o.text(), o.key());
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            assertThat(sendWithKey(api, o.user(), draftId, o.text(), o.key()).status()).isEqualTo(200);
        }
    }

    private static boolean unconfirmed(ApiClient api, Outcome o) {
        return o.status() == 503 && "problem.write-unconfirmed".equals(api.readTree(o.body()).path("code").asText());
    }

    private static List<Outcome> acknowledged(List<Outcome> outcomes) {
        synchronized (outcomes) {
            return outcomes.stream().filter(o -> o.status() == 200 || o.status() == 201).toList();
        }
    }

    private static Outcome send(ApiClient api, String user, long draftId, String text, String... headers) {
        return sendWithKey(api, user, draftId, text, UUID.randomUUID().toString(), headers);
    }

    private static Outcome sendWithKey(ApiClient api, String user, long draftId, String text, String key,
                                       String... headers) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = api.comment(user, draftId, key, text, headers);
            return new Outcome(user, key, text, r.statusCode(), r.body(),
                    r.headers().firstValue("Retry-After").orElse(null), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            return new Outcome(user, key, text, 0, e.toString(), null, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
