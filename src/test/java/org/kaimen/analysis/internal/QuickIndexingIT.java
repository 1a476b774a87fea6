package org.kaimen.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kaimen.testsupport.SignedIn.as;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.IndexableComment;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.comments.internal.SubmissionGate;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.shared.infra.BackgroundPriority;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Indexing in two halves, on the real node: the words of a new comment become searchable while the background
 * analysis (vector, campaign, topic) is held up, and the analysis then completes the same document without ever
 * overwriting a newer state of the comment.
 */
@IntegrationTest
class QuickIndexingIT {

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    CommentIndex index;
    @Autowired
    CommentIndexSetup setup;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    IndexAdmin admin;
    @Autowired
    TestAccounts accounts;
    @Autowired
    CommentTextIndexer quick;
    @Autowired
    SubmissionGate gate;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor background;

    String drafter;
    long draftId;

    @BeforeEach
    void draft() {
        drafter = accounts.create(Role.DRAFTER);
        draftId = as(drafter, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "快速索引测试", true).id());
    }

    @Test
    void aNewCommentIsFoundByItsWordsWhileTheBackgroundAnalysisIsHeldUp() throws Exception {
        String token = "电梯年检" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        CountDownLatch release = new CountDownLatch(1);
        List<CountDownLatch> started = holdEveryBackgroundThread(release);
        long id;
        try {
            id = submit("建议加强" + token + "的监督，公开检验结果。");
            await().atMost(Duration.ofSeconds(15)).until(() -> hits(token).contains(id));
            // Found before any listener of the event registry could run: the analysis has not touched it.
            assertThat(document(id).source()).doesNotContainKey("vector");
            assertThat(admin.status().backlog()).isPositive();
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> document(id).source().get("vector") != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.status().backlog() == 0);
        assertThat(started).allMatch(l -> l.getCount() == 0);
    }

    @Test
    void theAnalysisReplacesTheQuickWriteOfTheSameStateAndAQuickWriteArrivingLateChangesNothing() throws Exception {
        IndexableComment c = fullyIndexed(submit("物业服务企业应当每半年公开一次物业费收支情况。"));
        IndexableComment changed = with(c, c.rowVersion() + 1, c.text());
        assertThat(index.put(changed, null)).as("the quick write of a new state").isTrue();
        assertThat(document(c.id()).version()).isEqualTo(CommentIndex.documentVersion(changed.rowVersion()));
        index.putAnalysed(changed, 555L);
        GetResponse<Map> doc = document(c.id());
        assertThat(doc.source().get("campaignId")).isEqualTo(555);
        assertThat(doc.source().get("vector")).isNotNull();
        assertThat(doc.version()).isEqualTo(CommentIndex.analysedVersion(changed.rowVersion()));
        assertThat(index.put(changed, null)).as("a quick write of the same state, late").isFalse();
        assertThat(document(c.id()).source().get("vector")).isNotNull();
    }

    @Test
    void quickWritesThatQueuedUpTogetherGoInOneBulkEachAtItsOwnStateAndAnOvertakenOneChangesNothing()
            throws Exception {
        IndexableComment a = fullyIndexed(submit("电梯维修费用应当从专项维修资金中列支。"));
        IndexableComment b = fullyIndexed(submit("物业服务用房不得擅自改变用途。"));
        IndexableComment aChanged = with(a, a.rowVersion() + 1, a.text());

        index.putAll(List.of(aChanged, b), c -> null);

        GetResponse<Map> docA = document(a.id());
        assertThat(docA.version()).isEqualTo(CommentIndex.documentVersion(aChanged.rowVersion()));
        assertThat(docA.source().get("vector")).as("the vector computed for the same text is kept").isNotNull();
        assertThat(document(b.id()).version()).as("b's analysed document is newer than its quick write")
                .isEqualTo(CommentIndex.analysedVersion(b.rowVersion()));
    }

    @Test
    void whenNoQuickWriteOfAStateHappenedTheAnalysisWritesTheWholeDocument() throws Exception {
        IndexableComment c = fullyIndexed(submit("小区公共收益应当单独列账，定期向全体业主公布。"));
        IndexableComment later = with(c, c.rowVersion() + 1, c.text());
        index.putAnalysed(later, 777L);
        GetResponse<Map> doc = document(c.id());
        assertThat(CommentIndex.rowVersion(doc.version())).isEqualTo(later.rowVersion());
        assertThat(doc.source().get("text")).isEqualTo(c.text());
        assertThat(doc.source().get("campaignId")).isEqualTo(777);
        assertThat(doc.source().get("vector")).as("the stored vector of the same text").isNotNull();
    }

    @Test
    void theAnalysisOfAnOlderStateLeavesANewerDocumentAlone() throws Exception {
        IndexableComment c = fullyIndexed(submit("维修资金的使用应当经业主大会表决。"));
        IndexableComment newer = with(c, c.rowVersion() + 1, "维修资金的使用应当公示十五日。");
        assertThat(index.put(newer, null)).isTrue();
        index.putAnalysed(c, 999L);
        GetResponse<Map> doc = document(c.id());
        assertThat(doc.source().get("text")).isEqualTo(newer.text());
        assertThat(doc.source().get("campaignId")).isNull();
        assertThat(CommentIndex.rowVersion(doc.version())).isEqualTo(newer.rowVersion());
    }

    @Test
    void inAFloodOfSubmissionsQuickWritesAreLeftToTheAnalysis() throws Exception {
        long id = submit("建议小区停车收费标准经业主大会表决。");
        double before = skippedQuickWrites();
        quick.write(java.util.List.of(id));
        assertThat(skippedQuickWrites()).as("a quick write with room to spare").isEqualTo(before);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService flood = Executors.newFixedThreadPool(64);
        try {
            for (int i = 0; i < 64; i++) {
                flood.submit(() -> gate.admit(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(10)).until(gate::atCapacity);
            quick.write(java.util.List.of(id));
            assertThat(skippedQuickWrites()).isEqualTo(before + 1);
        } finally {
            release.countDown();
            flood.shutdown();
        }
    }

    private double skippedQuickWrites() {
        return meters.get("kaimen.index.quick.skipped").counter().count();
    }

    @Test
    void quickWritesRunAtThePriorityOfTheThreadThatStartedTheApplication() throws IOException {
        // The context was built on this thread; the quick writers must not have inherited a background thread's.
        var own = BackgroundPriority.currentNice();
        List<Integer> quick = niceOfThreadsNamed("quick-index-");
        assertThat(quick).isNotEmpty();
        if (own.isPresent()) {
            assertThat(quick).allMatch(n -> n == own.getAsInt());
        }
    }

    private List<CountDownLatch> holdEveryBackgroundThread(CountDownLatch release) throws InterruptedException {
        List<CountDownLatch> started = new ArrayList<>();
        for (int i = 0; i < background.getCorePoolSize(); i++) {
            CountDownLatch s = new CountDownLatch(1);
            started.add(s);
            background.execute(() -> {
                s.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        // Wait until every thread holds: listener runs submitted from now on can only queue.
        for (CountDownLatch s : started) {
            assertThat(s.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        return started;
    }

    private long submit(String text) {
        String citizen = accounts.create(Role.CITIZEN);
        try {
            return as(citizen, "ROLE_CITIZEN", () -> comments.submit(NewComment.online(draftId, null,
                    Stance.SUPPORT, text)).id());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private IndexableComment fullyIndexed(long id) {
        await().atMost(Duration.ofSeconds(90)).until(() -> document(id).found()
                && document(id).source().get("vector") != null && admin.status().backlog() == 0);
        return comments.indexable(id).orElseThrow();
    }

    private List<Long> hits(String query) {
        SearchResult r = as(drafter, "ROLE_DRAFTER", () -> search.search(CommentSearch.of(draftId, query)));
        SecurityContextHolder.clearContext();
        return r.hits().stream().map(SearchResult.Hit::id).toList();
    }

    private GetResponse<Map> document(long id) throws IOException {
        return client.get(g -> g.index(setup.alias()).id(String.valueOf(id)), Map.class);
    }

    private static IndexableComment with(IndexableComment c, long rowVersion, String text) {
        return new IndexableComment(c.id(), c.draftId(), c.version(), c.provisionId(), c.articleKey(),
                c.provisionLabel(), c.stance(), c.channel(), c.status(), text, c.proposedText(), c.hasProposal(),
                c.parentId(), c.supports(), c.createdAt(), rowVersion, c.authorKey(), c.disposition());
    }

    /** The nice value of each of this JVM's threads whose name starts so, from Linux's /proc. */
    private static List<Integer> niceOfThreadsNamed(String prefix) throws IOException {
        List<Integer> out = new ArrayList<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path t : all.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).strip();
                    // Linux keeps the first 15 characters of a thread's name.
                    if (name.startsWith(prefix.length() > 15 ? prefix.substring(0, 15) : prefix)) {
                        BackgroundPriority.niceOf(t).ifPresent(out::add);
                    }
                } catch (IOException gone) {
                    // The thread ended while being read.
                }
            }
        }
        return out;
    }
}
