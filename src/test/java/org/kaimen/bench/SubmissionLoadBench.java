package org.kaimen.bench;

import static org.kaimen.testsupport.SignedIn.as;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.AccountService;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.elasticsearch.CommentIndexSetup;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Submission under load (issue #9): the app with PostgreSQL and Elasticsearch on this machine, {@link LoadGenerator}
 * in a second JVM on loopback, then the zero-loss check: every acknowledged comment is in PostgreSQL exactly once and
 * in Elasticsearch at its current version, with nothing extra.
 *
 * <p>Citizens submit with personal API tokens. The per-address and per-account limits (fairness between clients) are
 * lifted, since every request comes from one address and a hundred accounts; the per-instance admission gate
 * (capacity) stays as configured, because shedding the excess of a burst is part of what is measured.
 *
 * <p>Not part of the suite; run with {@code bench/load.sh}. System properties: {@code kaimen.bench.load.phases}
 * ({@code 500x60}; a burst: {@code 5000x60,500x60}), {@code kaimen.bench.load.citizens} (100).
 */
@IntegrationTest
@TestPropertySource(properties = {"kaimen.comments.rate-limit-enabled=false",
        // The production defaults: the test profile's 2 s / 1 s would re-queue every waiting event each second.
        "kaimen.events.resubmit-older-than=PT1M", "kaimen.events.resubmit-interval=PT30S",
        "kaimen.analysis.catch-up-interval=PT15S"})
class SubmissionLoadBench {

    static final String PHASES = System.getProperty("kaimen.bench.load.phases", "500x60");
    static final int CITIZENS = Integer.getInteger("kaimen.bench.load.citizens", 100);

    @LocalServerPort
    int port;
    @Autowired
    DraftService drafts;
    @Autowired
    AccountService accountService;
    @Autowired
    TestAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    CommentIndexSetup index;
    @Autowired
    org.kaimen.analysis.IndexAdmin admin;

    @Test
    void submitAtTheConfiguredRatesThenCheckThatNothingWasLost() throws Exception {
        String clerk = accounts.create(Role.DRAFTER);
        long draftId = as(clerk, "ROLE_DRAFTER", () -> drafts.create(
                DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "负载测试", true).id());
        List<Long> provisions = new ArrayList<>();
        collect(drafts.tree(draftId, 1), provisions);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            String citizen = accounts.create(Role.CITIZEN);
            tokens.add(as(citizen, "ROLE_CITIZEN", () -> accountService.createApiToken("负载测试", 1).token()));
        }
        SecurityContextHolder.clearContext();
        Path dir = Path.of("target", "load");
        Files.createDirectories(dir);
        Files.write(dir.resolve("tokens.txt"), tokens);
        Files.write(dir.resolve("provisions.txt"), provisions.stream().map(String::valueOf).toList());

        if (Boolean.getBoolean("kaimen.bench.load.hold")) {
            // For profiling by hand: the app stays up with its draft and tokens; the generator is run separately.
            Files.writeString(dir.resolve("server.txt"), "http://127.0.0.1:" + port + " " + draftId + "\n");
            Thread.sleep(TimeUnit.MINUTES.toMillis(20));
        }
        AtomicBoolean sampling = new AtomicBoolean(true);
        AtomicLong maxHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                // What survives a collection is what the app holds; the used heap between collections is garbage too.
                ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
                                && pool.getCollectionUsage() != null)
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed()).reduce(Long::sum)
                        .ifPresent(live -> maxHeap.accumulateAndGet(live, Math::max));
                sleep(200);
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // This machine's PostgreSQL runs with autovacuum off; a production one has it on, and its ANALYZE after the
        // first few thousand rows is what makes the planner use the right index. Without statistics a fresh table
        // looks empty and the smallest index wins: the repeat check then read every comment of the draft. So the
        // bench analyses its database every 15 s, as autovacuum would (a minute's nap, 10 % of the rows changed).
        Thread analyzer = new Thread(() -> {
            while (sampling.get()) {
                sleep(15_000);
                jdbc.sql("ANALYZE comment, comment_embedding, campaign_link, event_publication, mail_outbox").update();
            }
        });
        analyzer.setDaemon(true);
        analyzer.start();
        long gcBefore = gcMillis();
        Map<String, Double> cpuBefore = cpuSecondsByRole(-1);
        // -Dkaimen.bench.load.jfr=target/load.jfr profiles the app while the generator runs (Java Flight Recorder).
        String jfr = System.getProperty("kaimen.bench.load.jfr", "");
        jdk.jfr.Recording recording = null;
        if (!jfr.isBlank()) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
        }

        String javaBinary = ProcessHandle.current().info().command().orElse("java");
        Process generator = new ProcessBuilder(javaBinary, "-Xmx512m", "-Dkaimen.bench.load.connections="
                + Integer.getInteger("kaimen.bench.load.connections", 64), "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName(), "http://127.0.0.1:" + port, String.valueOf(draftId),
                dir.resolve("tokens.txt").toString(), dir.resolve("provisions.txt").toString(), PHASES,
                dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("generator.log").toFile())
                .start();
        Map<String, Double> cpuWithGenerator = new HashMap<>();
        while (generator.isAlive()) {
            // The generator's own time is read while it lives: a process that has exited is gone from /proc.
            cpuWithGenerator = cpuSecondsByRole(generator.pid());
            generator.waitFor(1, TimeUnit.SECONDS);
        }
        boolean finished = !generator.isAlive();
        if (recording != null) {
            recording.dump(Path.of(jfr));
            recording.close();
        }
        Files.readAllLines(dir.resolve("generator.log")).forEach(System.out::println);
        if (!finished || generator.exitValue() != 0) {
            throw new IllegalStateException("the load generator failed");
        }
        sampling.set(false);
        System.out.printf(Locale.ROOT, "BENCH load phases %s, %d citizens with API tokens, per-client limits lifted,"
                        + " admission gate on%n", PHASES, CITIZENS);
        System.out.printf(Locale.ROOT, "BENCH app heap: at most %d MB live after a collection, of %d MB, GC time during the run %d ms%n",
                maxHeap.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20, gcMillis() - gcBefore);

        StringBuilder cpu = new StringBuilder();
        for (String role : List.of("app", "generator", "elasticsearch", "postgresql", "other")) {
            cpu.append(String.format(Locale.ROOT, " %s %.1f s,", role,
                    cpuWithGenerator.getOrDefault(role, 0.0) - cpuBefore.getOrDefault(role, 0.0)));
        }
        System.out.printf(Locale.ROOT, "BENCH CPU while the generator ran (of 2 cores):%s%n",
                cpu.substring(0, cpu.length() - 1));

        Map<Long, String> acked = new HashMap<>();
        try (Stream<String> lines = Files.lines(dir.resolve("acked.tsv"))) {
            lines.filter(l -> !l.isBlank()).map(l -> l.split("\t")).forEach(l -> acked.put(Long.parseLong(l[0]), l[1]));
        }
        Set<String> unanswered = new HashSet<>(Files.readAllLines(dir.resolve("unanswered.tsv")));
        unanswered.remove("");

        // PostgreSQL: each acknowledged comment exactly once, under the key it was sent with.
        Map<Long, String> stored = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        jdbc.sql("SELECT id, idempotency_key, row_version FROM comment WHERE draft_id = :d").param("d", draftId)
                .query(rs -> {
                    String key = rs.getString(2);
                    stored.put(rs.getLong(1), key == null ? "" : key.substring(key.indexOf(':') + 1));
                    versions.put(rs.getLong(1), rs.getLong(3));
                });
        long missingInDb = acked.keySet().stream().filter(id -> !stored.containsKey(id)).count();
        long wrongKey = acked.entrySet().stream().filter(e -> stored.containsKey(e.getKey())
                && !stored.get(e.getKey()).equals(e.getValue())).count();
        long duplicateKeys = stored.values().stream().collect(java.util.stream.Collectors.groupingBy(k -> k,
                java.util.stream.Collectors.counting())).values().stream().filter(n -> n > 1).count();
        long unacknowledged = stored.keySet().stream().filter(id -> !acked.containsKey(id)).count();
        long unansweredStored = stored.values().stream().filter(unanswered::contains).count();
        System.out.printf(Locale.ROOT, "BENCH PostgreSQL: %d acknowledged, %d missing, %d under another key, "
                        + "%d keys stored twice; %d stored without an acknowledgement (%d of them unanswered requests, "
                        + "of %d unanswered)%n", acked.size(), missingInDb, wrongKey, duplicateKeys, unacknowledged,
                unansweredStored, unanswered.size());

        // Elasticsearch: wait for the backlog to drain, then compare document by document.
        long drainStarted = System.nanoTime();
        long indexed = 0;
        while (System.nanoTime() - drainStarted < TimeUnit.MINUTES.toNanos(30)) {
            elasticsearch.indices().refresh(r -> r.index(index.alias()));
            indexed = elasticsearch.count(c -> c.index(index.alias())
                    .query(q -> q.term(t -> t.field("draftId").value(draftId)))).count();
            if (indexed >= stored.size() && admin.status().backlog() == 0) {
                break;
            }
            sleep(1000);
        }
        double drain = (System.nanoTime() - drainStarted) / 1e9;
        long missingInIndex = 0;
        long stale = 0;
        List<Long> ids = new ArrayList<>(stored.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + 1000)).stream().map(String::valueOf)
                    .toList();
            MgetResponse<Map> got = elasticsearch.mget(m -> m.index(index.alias()).ids(batch).source(s -> s.fetch(false)),
                    Map.class);
            for (var doc : got.docs()) {
                if (!doc.isResult() || !doc.result().found()) {
                    missingInIndex++;
                } else if (doc.result().version() == null || CommentIndex.rowVersion(doc.result().version())
                        != versions.get(Long.parseLong(doc.result().id())).longValue()) {
                    stale++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "BENCH Elasticsearch: %d documents for %d comments after %.1f s of draining; "
                        + "%d missing, %d stale, %d extra%n", indexed, stored.size(), drain, missingInIndex, stale,
                Math.max(0, indexed - (stored.size() - missingInIndex)));
        boolean zeroLoss = missingInDb == 0 && wrongKey == 0 && duplicateKeys == 0 && missingInIndex == 0 && stale == 0
                && indexed == stored.size();
        System.out.printf(Locale.ROOT, "BENCH zero loss: %s%n", zeroLoss ? "yes" : "NO");
        if (!zeroLoss) {
            throw new AssertionError("comments were lost, duplicated or left stale; see the BENCH lines");
        }
    }

    private static void collect(List<Provision> nodes, List<Long> out) {
        for (Provision p : nodes) {
            if (p.kind() == Provision.Kind.ARTICLE || p.kind() == Provision.Kind.PARAGRAPH) {
                out.add(p.id());
            }
            collect(p.children(), out);
        }
    }

    /**
     * CPU seconds used so far by the processes on this machine, by what they are: this JVM (the app), the
     * generator, Elasticsearch (the unprivileged user the test run starts it as), PostgreSQL, and the rest.
     */
    private static Map<String, Double> cpuSecondsByRole(long generatorPid) {
        long self = ProcessHandle.current().pid();
        Map<String, Double> seconds = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            ProcessHandle.Info info = p.info();
            double used = info.totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            String user = info.user().orElse("");
            String command = info.command().orElse("");
            String role = p.pid() == self ? "app" : p.pid() == generatorPid ? "generator"
                    : user.equals("postgres") || command.contains("postgres") ? "postgresql"
                    : command.endsWith("/java") && !user.equals("root") ? "elasticsearch" : "other";
            seconds.merge(role, used, Double::sum);
        });
        return seconds;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
