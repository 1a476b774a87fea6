package org.kaimen.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaimen.testsupport.SignedIn.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.analysis.CampaignService;
import org.kaimen.analysis.CommentSearch;
import org.kaimen.analysis.IndexAdmin;
import org.kaimen.analysis.IndexStatus;
import org.kaimen.analysis.SearchResult;
import org.kaimen.analysis.SearchService;
import org.kaimen.analysis.internal.Embeddings;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.IndexableComment;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.comments.internal.ModerationRules;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.Provision;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Speed of the comment analysis layer at scale (issue #5): index rebuild (bulk indexing) from PostgreSQL, search
 * latency while comments arrive through {@link CommentService#submit}, and how soon a new comment is found.
 *
 * <p>Not part of the suite; run with {@code bench/scale.sh} (see docs/benchmarks.md). Settings, as system properties:
 * <ul>
 *   <li>{@code kaimen.bench.comments} (20000): comments bulk-loaded into one draft before the rebuild</li>
 *   <li>{@code kaimen.bench.pool} (min(comments, 20000)): distinct generated texts whose vectors are computed;
 *       larger runs reuse them with openers and closers and store each source text's vector (see
 *       {@link SyntheticComments})</li>
 *   <li>{@code kaimen.bench.campaigns} (real): {@code off} replaces campaign detection by a stub that still computes
 *       each new comment's vector, for sizes where the per-draft detector cannot keep up (see the report)</li>
 *   <li>{@code kaimen.bench.search-seconds} (120), {@code kaimen.bench.search-rate} (20 searches/s over 4 threads),
 *       {@code kaimen.bench.arrivals} (50 comments/s), {@code kaimen.bench.probes} (200 freshness probes, 15 s each
 *       at most, for at most search-seconds + 180 s)</li>
 *   <li>{@code kaimen.bench.search} (true): false stops after the rebuild; {@code kaimen.bench.settle} (true): wait
 *       for Elasticsearch's merges after the rebuild before searching</li>
 * </ul>
 */
@IntegrationTest
@TestPropertySource(properties = {"kaimen.comments.per-account=100000000", "kaimen.comments.per-address=100000000",
        // The production defaults: the test profile's 2 s / 1 s would re-queue every waiting event each second.
        "kaimen.events.resubmit-older-than=PT1M", "kaimen.events.resubmit-interval=PT30S"})
class AnalysisScaleBench {

    static final int COMMENTS = Integer.getInteger("kaimen.bench.comments", 20_000);
    static final int POOL = Integer.getInteger("kaimen.bench.pool", Math.min(COMMENTS, 20_000));
    static final String CAMPAIGNS = System.getProperty("kaimen.bench.campaigns", "real");
    static final int SEARCH_SECONDS = Integer.getInteger("kaimen.bench.search-seconds", 120);
    static final int SEARCH_RATE = Integer.getInteger("kaimen.bench.search-rate", 20);
    static final int SEARCH_THREADS = 4;
    static final int ARRIVALS = Integer.getInteger("kaimen.bench.arrivals", 50);
    static final int PROBES = Integer.getInteger("kaimen.bench.probes", 200);
    static final int WARMUP_SECONDS = 15;
    static final boolean SEARCH = Boolean.parseBoolean(System.getProperty("kaimen.bench.search", "true"));
    /** Wait for Elasticsearch's merges after the rebuild before searching (its vector graphs are merged for minutes). */
    /** Rounds of {@link SearchShapes} (0: none) before the search phase. */
    static final int SHAPES = Integer.getInteger("kaimen.bench.shapes", 0);
    static final boolean SETTLE = Boolean.parseBoolean(System.getProperty("kaimen.bench.settle", "true"));

    /** What clerks type: subjects of the 滨州 draft, alone and in pairs. */
    static final String[] WORDS = {"物业费", "维修资金", "业委会", "电梯", "停车位", "业主大会", "物业服务用房",
            "公共收益", "专项维修资金", "前期物业", "开发商", "装修", "垃圾分类", "消防通道", "充电桩", "老旧小区",
            "物业公司退出", "业主委员会", "物业服务合同", "共有部分", "电梯 维修资金", "物业费 上涨", "停车 收费"};
    static final String[] SEMANTIC = {"物业费太贵了", "电梯坏了没人修", "维修资金用不出来", "业委会成立太难",
            "小区停车难", "物业公司不走"};

    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    IndexAdmin admin;
    @Autowired
    CampaignService campaigns;
    @Autowired
    Embeddings embeddings;
    @Autowired
    ModerationRules moderation;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    co.elastic.clients.elasticsearch.ElasticsearchClient elasticsearch;
    @Autowired
    org.kaimen.analysis.internal.ChineseSegmenter segmenter;

    String drafter;
    long draftId;
    List<SyntheticComments.PoolText> pool;
    final List<String> articleKeys = new ArrayList<>();

    /** Campaign detection replaced by a stub that keeps the vector work of the indexing path. */
    @TestConfiguration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "kaimen.bench.campaigns", havingValue = "off")
    static class NoCampaigns {
        @Bean
        @Primary
        CampaignService benchCampaignsOff(CommentService comments, Embeddings embeddings,
                                          org.kaimen.analysis.internal.campaigns.CampaignLinks links,
                                          org.kaimen.analysis.elasticsearch.CommentIndex index,
                                          @Value("${kaimen.analysis.campaign-threshold:0.6}") double threshold) {
            return new CampaignService(comments, embeddings, links, index, threshold, 3, 0.88, 0.30, 10_000) {
                @Override
                public Update accept(IndexableComment c) {
                    if (c.parentId() == null && c.status() != CommentStatus.HIDDEN) {
                        embeddings.forComment(c.id(), c.text());
                    }
                    return new Update(null, Map.of());
                }

                @Override
                public Long campaignOf(long draftId, long commentId) {
                    return null;
                }
            };
        }
    }

    @Test
    void scale() throws Exception {
        System.out.printf("BENCH scale setup: %d comments, pool %d, campaigns %s, %d cores, app heap %d MB, ES heap %s%n",
                COMMENTS, POOL, CAMPAIGNS, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("kaimen.test.elasticsearch.heap", "512m"));
        drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "规模测试", true).id();
        Map<Integer, Long> articles = new HashMap<>();
        collectArticles(drafts.tree(draftId, 1), articles);
        SecurityContextHolder.clearContext();

        UnaryOperator<String> mask = moderation::maskText;
        long t0 = System.nanoTime();
        pool = SyntheticComments.pool(POOL, mask, embeddings);
        System.out.printf("BENCH pool: %d distinct generated texts with real vectors in %.1f s (average %d characters)%n",
                pool.size(), secs(t0), pool.stream().mapToInt(p -> p.text().length()).sum() / pool.size());
        t0 = System.nanoTime();
        SyntheticComments.load(dataSource, draftId, articles, pool, COMMENTS, COMMENTS > pool.size(), 7, mask);
        long rows = jdbc.sql("SELECT count(*) FROM comment WHERE draft_id = :d").param("d", draftId).query(Long.class)
                .single();
        long vectors = jdbc.sql("SELECT count(*) FROM comment_embedding").query(Long.class).single();
        System.out.printf("BENCH load: %d comments and %d stored vectors into PostgreSQL (COPY) in %.1f s%n", rows,
                vectors, secs(t0));

        if (CAMPAIGNS.equals("real")) {
            campaigns.reset();
            t0 = System.nanoTime();
            campaigns.campaignOf(draftId, -1);
            System.out.printf("BENCH campaign state of the draft built from PostgreSQL in %.1f s (%d comments)%n",
                    secs(t0), rows);
        }
        t0 = System.nanoTime();
        long written = admin.rebuild();
        double rebuild = secs(t0);
        IndexStatus status = admin.status();
        System.out.printf("BENCH rebuild: %d comments in %.1f s = %.0f comments/s (index %s holds %d of %d)%n",
                written, rebuild, written / rebuild, status.index(), status.documents(), status.comments());
        assertThat(status.documents()).isEqualTo(status.comments());

        if (SEARCH) {
            if (SETTLE) {
                settleMerges();
            }
            if (SHAPES > 0) {
                SearchShapes.compare(elasticsearch, status.index(), draftId, WORDS, segmenter, SHAPES);
            }
            if (SEARCH_SECONDS > 0) {
                searchUnderLoad();
            }
        }
    }

    private void searchUnderLoad() throws Exception {
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            citizens.add(accounts.create(Role.CITIZEN));
        }
        List<SyntheticComments.PoolText> texts = pool;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger submitErrors = new AtomicInteger();
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicInteger searchErrors = new AtomicInteger();
        List<Long> took = Collections.synchronizedList(new ArrayList<>());
        List<Long> matched = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(SEARCH_THREADS + 3);
        List<Future<?>> tasks = new ArrayList<>();

        // Arrivals: ARRIVALS comments per second through CommentService.submit, as citizens, from two threads.
        for (int th = 0; th < 2; th++) {
          int seed = th;
          tasks.add(workers.submit(() -> {
            Random random = new Random(11 + seed);
            long start = System.nanoTime() + seed * 1_000_000_000L / ARRIVALS;
            long n = 0;
            while (running.get()) {
                long due = start + n * 2_000_000_000L / ARRIVALS;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleepNanos(wait);
                }
                var t = texts.get(random.nextInt(texts.size()));
                try {
                    as(citizens.get(random.nextInt(citizens.size())), "ROLE_CITIZEN");
                    comments.submit(NewComment.online(draftId, null, Stance.MODIFY,
                            t.text() + " （" + seed + "-" + n + "）"));
                    submitted.incrementAndGet();
                } catch (RuntimeException e) {
                    if (submitErrors.incrementAndGet() < 5) {
                        e.printStackTrace();
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                }
                n++;
            }
          }));
        }
        // The indexing backlog (events not yet handled by CommentIndexer), sampled every 2 s.
        AtomicInteger maxBacklog = new AtomicInteger();
        tasks.add(workers.submit(() -> {
            while (running.get()) {
                maxBacklog.accumulateAndGet((int) admin.status().backlog(), Math::max);
                sleepNanos(2_000_000_000L);
            }
        }));
        // Searches: SEARCH_RATE per second in total, spread over the threads.
        for (int th = 0; th < SEARCH_THREADS; th++) {
            int seed = th;
            tasks.add(workers.submit(() -> {
                Random random = new Random(100 + seed);
                long interval = 1_000_000_000L * SEARCH_THREADS / SEARCH_RATE;
                long next = System.nanoTime() + random.nextInt((int) Math.min(interval, Integer.MAX_VALUE));
                as(drafter, "ROLE_DRAFTER");
                while (running.get()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleepNanos(wait);
                    }
                    next += interval;
                    Map.Entry<String, CommentSearch> q = query(random);
                    long s = System.nanoTime();
                    try {
                        SearchResult result = search.search(q.getValue());
                        if (measuring.get()) {
                            latencies.computeIfAbsent(q.getKey(), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(System.nanoTime() - s);
                            took.add(result.tookMillis() * 1_000_000L);
                            matched.add(result.total() * 1_000_000L);
                        }
                    } catch (RuntimeException e) {
                        searchErrors.incrementAndGet();
                    }
                }
                SecurityContextHolder.clearContext();
            }));
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        int submittedBefore = submitted.get();
        measuring.set(true);
        long t0 = System.nanoTime();

        // Freshness: one probe at a time, a unique token in its text, polled for by search until found.
        List<Long> fresh = new ArrayList<>();
        int missed = 0;
        String citizen = citizens.get(0);
        Random random = new Random(5);
        int probes = 0;
        for (int i = 0; i < PROBES && secs(t0) < SEARCH_SECONDS + 180; i++) {
            probes++;
            String token = "kq" + i + "x" + Integer.toString(random.nextInt(1 << 30), 36);
            var t = texts.get(random.nextInt(texts.size()));
            as(citizen, "ROLE_CITIZEN");
            comments.submit(NewComment.online(draftId, null, Stance.MODIFY, t.text() + " 编号" + token));
            long submittedAt = System.nanoTime();
            as(drafter, "ROLE_DRAFTER");
            boolean found = false;
            while (System.nanoTime() - submittedAt < 15_000_000_000L) {
                if (search.search(CommentSearch.of(draftId, token)).total() > 0) {
                    found = true;
                    break;
                }
                Thread.sleep(25);
            }
            SecurityContextHolder.clearContext();
            if (found) {
                fresh.add(System.nanoTime() - submittedAt);
            } else {
                missed++;
            }
            Thread.sleep(200 + random.nextInt(300));
        }
        long remaining = SEARCH_SECONDS * 1_000_000_000L - (System.nanoTime() - t0);
        if (remaining > 0) {
            sleepNanos(remaining);
        }
        measuring.set(false);
        double seconds = secs(t0);
        int arrived = submitted.get() - submittedBefore;
        running.set(false);
        for (Future<?> f : tasks) {
            f.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();

        List<Long> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        System.out.printf("BENCH search under load: %d searches in %.0f s (%.1f/s, %d threads), p50 %s p95 %s p99 %s "
                        + "max %s ms; %d errors; meanwhile %d comments submitted (%.1f/s, %d errors) + %d probes%n",
                all.size(), seconds, all.size() / seconds, SEARCH_THREADS, ms(all, 50), ms(all, 95), ms(all, 99),
                ms(all, 100), searchErrors.get(), arrived, arrived / seconds, submitErrors.get(), probes);
        System.out.printf("BENCH search took inside Elasticsearch: p50 %s p95 %s p99 %s ms; matching comments per "
                + "search p50 %s p95 %s%n", ms(took, 50), ms(took, 95), ms(took, 99),
                ms(matched, 50), ms(matched, 95));
        new java.util.TreeMap<>(latencies).forEach((kind, list) -> System.out.printf(
                "BENCH search %-10s n=%5d p50 %s p95 %s p99 %s ms%n", kind, list.size(), ms(list, 50), ms(list, 95),
                ms(list, 99)));
        System.out.printf("BENCH freshness: %d of %d probes found, %d not within 15 s; submit→found p50 %s p95 %s max %s ms; "
                + "indexing backlog peaked at %d events%n", fresh.size(), probes, missed, ms(fresh, 50), ms(fresh, 95), ms(fresh, 100),
                maxBacklog.get());
        long drainStart = System.nanoTime();
        long backlog = admin.status().backlog();
        while (admin.status().backlog() > 0 && secs(drainStart) < 600) {
            Thread.sleep(500);
        }
        System.out.printf("BENCH indexing backlog when arrivals stopped: %d events, drained in %.1f s; index %d of %d%n",
                backlog, secs(drainStart), admin.status().documents(), admin.status().comments());
    }

    /** Waits (up to 20 minutes) until the node runs and queues no merge twice in a row. */
    private void settleMerges() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var uri = org.kaimen.testsupport.TestServices.elasticsearch().httpUri()
                .resolve("/_cat/thread_pool/merge?h=active,queue");
        long t0 = System.nanoTime();
        int quiet = 0;
        while (quiet < 2 && secs(t0) < 1200) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body().trim();
            quiet = body.matches("0\\s+0") ? quiet + 1 : 0;
            Thread.sleep(2000);
        }
        var segments = http.send(java.net.http.HttpRequest.newBuilder(org.kaimen.testsupport.TestServices
                        .elasticsearch().httpUri().resolve("/_cat/segments?h=segment")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body().lines().count();
        System.out.printf("BENCH merges after the rebuild settled in %.0f s (%d segments)%n", secs(t0), segments);
    }

    /** A clerk's search: words alone, with filters, by date, filters only, sorted or paged, or semantic. */
    private Map.Entry<String, CommentSearch> query(Random r) {
        String w = WORDS[r.nextInt(WORDS.length)];
        int kind = r.nextInt(100);
        String article = articleKeys.isEmpty() ? null : articleKeys.get(r.nextInt(articleKeys.size()));
        if (kind < 40) {
            return Map.entry("text", CommentSearch.of(draftId, w));
        } else if (kind < 60) {
            String stance = r.nextBoolean() ? Stance.values()[r.nextInt(4)].name() : null;
            return Map.entry("text+filter", new CommentSearch(draftId, w, null, stance == null ? article : null,
                    stance, r.nextInt(4) == 0 ? "LETTER" : null, null, null, null, r.nextInt(3) == 0 ? true : null,
                    null, null, null, 0, 20));
        } else if (kind < 70) {
            LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(r.nextInt(20));
            return Map.entry("text+dates", new CommentSearch(draftId, w, null, null, null, null, null,
                    to.minusDays(3 + r.nextInt(10)), to, null, null, null, null, 0, 20));
        } else if (kind < 80) {
            return Map.entry("filters", new CommentSearch(draftId, null, null, r.nextBoolean() ? article : null,
                    Stance.values()[r.nextInt(4)].name(), null, r.nextInt(5) == 0 ? "HELD" : null, null, null, null,
                    null, null, "NEWEST", r.nextInt(5), 20));
        } else if (kind < 90) {
            return Map.entry("text+sort", new CommentSearch(draftId, w, null, null, null, null, null, null, null, null,
                    null, null, r.nextBoolean() ? "SUPPORTS" : "NEWEST", r.nextInt(4), 20));
        }
        return Map.entry("semantic", CommentSearch.of(draftId, SEMANTIC[r.nextInt(SEMANTIC.length)])
                .withSemantic(true));
    }

    private void collectArticles(List<Provision> tree, Map<Integer, Long> out) {
        for (Provision p : tree) {
            if (p.kind() == Provision.Kind.ARTICLE) {
                out.put(p.number(), p.id());
                articleKeys.add(p.key());
            }
            if (p.children() != null) {
                collectArticles(p.children(), out);
            }
        }
    }

    static String ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return String.format(Locale.ROOT, "%.0f", sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6);
    }

    static double secs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
