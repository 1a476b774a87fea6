package org.kaimen.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kaimen.App;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.SearchService;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.SignedIn;
import org.kaimen.testsupport.TestAccounts;
import org.kaimen.testsupport.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The documented recovery, end to end: {@code deploy/backup.sh} dumps the running database, {@code deploy/restore.sh}
 * restores it into a new one, a second Kaimen started on it (with its own, empty index) rebuilds the index from
 * PostgreSQL, and the same searches find the same comments as before.
 */
@IntegrationTest
class BackupRestoreIT {

    static final String RESTORED = TestServices.DATABASE_IN_USE + "_restored";

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    TestAccounts accounts;
    Path dump;
    ConfigurableApplicationContext restored;
    // The second application sets its own (Vaadin-aware) holder strategy, statically; the shared test context's
    // method security keeps reading the first one, so it is put back afterwards.
    final SecurityContextHolderStrategy ownStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void cleanUp() throws Exception {
        if (restored != null) {
            restored.close();
        }
        SecurityContextHolder.setContextHolderStrategy(ownStrategy);
        dropRestored();
        if (dump != null) {
            Files.deleteIfExists(dump);
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseAndReindexedFindsTheSameComments() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        String citizen = accounts.create(Role.CITIZEN);
        long draftId = SignedIn.as(drafter, "ROLE_DRAFTER", () -> {
            long id = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "备份恢复测试", true).id();
            drafts.updateMetadata(id, "备份恢复测试", null, null, true, true);
            return id;
        });
        SignedIn.as(citizen, "ROLE_CITIZEN");
        String[] texts = {"电梯加装的费用分摊应当公开透明。", "建议规定电梯维保单位的响应时限。",
                "物业服务企业退出时应当移交电梯档案。", "业主大会的表决方式应当允许线上投票。"};
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(comments.submit(new NewComment(draftId, null, Stance.MODIFY, text, null, null, null, null, null,
                    null, false, null, null, null, null, true)).id());
        }
        SecurityContextHolder.clearContext();
        await().atMost(Duration.ofSeconds(60)).until(() -> found(search, draftId, "电梯").size() == 3);
        Set<Long> elevator = found(search, draftId, "电梯");
        Set<Long> vote = found(search, draftId, "线上投票");
        assertThat(vote).containsExactly(ids.get(3));

        dropRestored();
        dump = Files.createTempFile("kaimen-", ".dump");
        run("deploy/backup.sh", TestServices.DATABASE_IN_USE, dump.toString());
        run("deploy/restore.sh", dump.toString(), RESTORED);

        restored = SpringApplication.run(App.class,
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + TestServices.PG_URL + RESTORED,
                "--kaimen.datasource.create-if-missing=false",
                "--spring.elasticsearch.uris=" + TestServices.elasticsearch().httpUri(),
                "--kaimen.elasticsearch.index-prefix=kaimen-restored",
                // Mails the restored outbox still holds must not reach the shared test mailbox a second time.
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1",
                "--server.port=0", "--spring.main.banner-mode=off");
        long rebuilt = restored.getBean(IndexAdmin.class).rebuild();
        assertThat(rebuilt).isGreaterThanOrEqualTo(texts.length);

        SearchService restoredSearch = restored.getBean(SearchService.class);
        assertThat(found(restoredSearch, draftId, "电梯")).isEqualTo(elevator);
        assertThat(found(restoredSearch, draftId, "线上投票")).isEqualTo(vote);
        assertThat(restored.getBean(CommentService.class).countAll()).isEqualTo(comments.countAll());
    }

    private static Set<Long> found(SearchService service, long draftId, String query) {
        return SignedIn.as("backup-check", "ROLE_DRAFTER", () -> {
            Set<Long> out = new TreeSet<>();
            service.search(new CommentSearch(draftId, query, null, null, null, null, null, null, null, null, null,
                    null, null, 0, 100)).hits().forEach(h -> out.add(h.id()));
            return out;
        });
    }

    private static void run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGHOST", "127.0.0.1");
        pb.environment().put("PGPORT", "5432");
        pb.environment().put("PGUSER", "postgres");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(script + ": " + output).isZero();
    }

    private static void dropRestored() {
        TestServices.dropDatabase(RESTORED);
    }
}
