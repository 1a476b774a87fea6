package org.kaimen.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for {@code POST /api/v1/drafts/{id}/comments}, run in its own JVM by
 * {@link SubmissionLoadBench}. Requests leave on a fixed schedule whether or not earlier ones have been answered,
 * and each latency is measured from the moment the request was due, not from when it was sent: a server that stalls
 * cannot hide its stall by slowing the generator down (coordinated omission).
 *
 * <p>Arguments: base URL, draft id, a file of API tokens (one per line, used round robin as citizens), a file of
 * provision ids, phases as {@code rate x seconds} separated by commas (e.g. {@code 5000x60,500x60}), an output folder.
 * Prints lines starting with {@code LOAD}; writes {@code acked.tsv} (comment id, idempotency key) and
 * {@code unanswered.tsv} (keys of requests that got no answer).
 */
public final class LoadGenerator {

    private static final String[] WHO = {"", "我是小区业主，", "作为业委会成员，", "我在物业公司工作，", "我家住在{estate}，",
            "作为租户，", "我是退休职工，", "我们楼的邻居都认为，"};
    private static final String[] SUBJECTS = {"物业费的收取标准", "专项维修资金的使用", "业主委员会的选举", "电梯的维护保养",
            "小区停车位的分配", "物业服务用房的面积", "公共收益的公示", "前期物业服务合同", "装修管理", "垃圾分类",
            "消防通道的占用", "电动自行车充电桩", "物业公司的退出交接", "老旧小区的改造", "共有部分的经营收入"};
    private static final String[] CLAIMS = {"应当更加公开透明", "需要规定明确的期限", "建议增加街道办事处的监督职责",
            "应当允许业主通过电子投票表决", "不宜一刀切", "应当区分新旧小区分别规定", "建议明确违约责任",
            "应当每季度公示一次", "建议降低表决门槛", "应当由业主大会决定"};
    private static final String[] REASONS = {"现在很多小区根本做不到。", "否则业主无法监督。", "我们小区已经拖了{n}年。",
            "去年电梯坏了{n}次都没人管。", "这样可以减少纠纷。", "物业公司经常以此为由拒绝公开账目。", "请认真考虑。", ""};
    private static final String[] ESTATES = {"渤海花园", "黄河人家", "锦绣华庭", "御景华府", "中央公园小区", "金茂家园"};
    private static final String[] STANCES = {"SUPPORT", "OPPOSE", "MODIFY", "MODIFY"};
    /** A share of form letters, as in real consultations, so campaign detection has its usual work. */
    private static final String FORM_LETTER = "我们坚决支持本条例关于公开物业费收支情况的规定，建议每季度在小区显著位置公示，"
            + "并由业主委员会审核。";

    record Outcome(int phase, int second, int status, long latencyNanos, boolean retryAfter) {
    }

    record Job(int phase, int second, long due, String key, byte[] request) {
    }

    /** Connections kept open to the app; Integer.getInteger so a run can try another figure. */
    private static final int CONNECTIONS = Integer.getInteger("kaimen.bench.load.connections", 64);

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long draftId = Long.parseLong(args[1]);
        List<String> tokens = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        long[] provisions = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank())
                .mapToLong(Long::parseLong).toArray();
        List<int[]> phases = Arrays.stream(args[4].split(",")).map(p -> p.split("x"))
                .map(p -> new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())}).toList();
        Path out = Path.of(args[5]);
        Files.createDirectories(out);

        // A fixed set of keep-alive connections, as behind a load balancer: the schedule stays open-loop (requests
        // are due whether or not earlier ones were answered) and a request waiting for a free connection counts
        // that wait in its latency. Each connection is a plain blocking socket speaking HTTP/1.1: the JDK's
        // HttpClient took a fifth to a third of a core at these rates, CPU taken from the server under test on the
        // same two cores.
        ExecutorService callbacks = Executors.newFixedThreadPool(CONNECTIONS);
        java.util.concurrent.LinkedBlockingQueue<Job> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        URI uri = URI.create(base + "/api/v1/drafts/" + draftId + "/comments");
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int[] skipped = new int[phases.size()];
        for (int w = 0; w < CONNECTIONS; w++) {
            callbacks.submit(() -> {
                HttpConnection connection = new HttpConnection(uri.getHost(), uri.getPort());
                while (true) {
                    Job job = queue.take();
                    try {
                        HttpConnection.Response response = connection.exchange(job.request());
                        long latency = System.nanoTime() - job.due();
                        int status = response.status();
                        if (status == 201 || status == 200) {
                            acked.add(id(response.body()) + "\t" + job.key());
                        }
                        outcomes.add(new Outcome(job.phase(), job.second(), status, latency, response.retryAfter()));
                    } catch (IOException e) {
                        connection.close();
                        if (errors.incrementAndGet() <= 5) {
                            System.out.println("LOAD transport error: " + e);
                        }
                        unanswered.add(job.key());
                        outcomes.add(new Outcome(job.phase(), job.second(), -1, System.nanoTime() - job.due(), false));
                    } finally {
                        outstanding.decrementAndGet();
                    }
                }
            });
        }
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis(), 36);
        int counter = 0;

        for (int phase = 0; phase < phases.size(); phase++) {
            int rate = phases.get(phase)[0];
            int seconds = phases.get(phase)[1];
            long total = (long) rate * seconds;
            double interval = 1e9 / rate;
            long start = System.nanoTime();
            System.out.printf(Locale.ROOT, "LOAD phase %d: %d comments/s for %d s%n", phase + 1, rate, seconds);
            for (long i = 0; i < total; i++) {
                long due = start + (long) (i * interval);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (outstanding.get() > 20_000) {
                    // The generator's own limit: past it the figures would measure this client, not the server.
                    skipped[phase]++;
                    continue;
                }
                String key = "load-" + run + "-" + (counter++);
                String body = body(random, provisions, key);
                String token = tokens.get((int) (i % tokens.size()));
                byte[] request = HttpConnection.post(uri, body, "Bearer " + token, key);
                int p = phase;
                int second = (int) ((due - start) / 1_000_000_000L);
                outstanding.incrementAndGet();
                queue.add(new Job(p, second, due, key, request));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        report(phases, new ArrayList<>(outcomes), skipped, errors.get(), outstanding.get());
        System.out.printf(Locale.ROOT, "LOAD generator CPU: %.1f s%n", ProcessHandle.current().info().totalCpuDuration()
                .map(d -> d.toMillis() / 1e3).orElse(-1.0));
        Files.write(out.resolve("acked.tsv"), acked);
        Files.write(out.resolve("unanswered.tsv"), unanswered);
        callbacks.shutdownNow();
        System.exit(0);
    }

    private static String body(Random random, long[] provisions, String key) {
        String text;
        if (random.nextInt(20) == 0) {
            text = FORM_LETTER;
        } else {
            text = pick(random, WHO) + pick(random, SUBJECTS) + pick(random, CLAIMS) + "，" + pick(random, REASONS);
            text = text.replace("{estate}", pick(random, ESTATES)).replace("{n}", String.valueOf(2 + random.nextInt(9)));
            // Every comment is somebody's own: a building number keeps two random texts from being the same letter.
            text += "（" + (1 + random.nextInt(40)) + "号楼）";
        }
        long provision = provisions[random.nextInt(provisions.length)];
        return "{\"provisionId\":" + provision + ",\"stance\":\"" + pick(random, STANCES) + "\",\"text\":\""
                + text.replace("\"", "\\\"") + "\",\"privacyConsent\":true}";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static long id(String body) {
        int at = body.indexOf("\"id\":");
        int end = at + 5;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Long.parseLong(body.substring(at + 5, end));
    }

    private static void report(List<int[]> phases, List<Outcome> outcomes, int[] skipped, int errors,
                               int stillOutstanding) throws IOException {
        for (int phase = 0; phase < phases.size(); phase++) {
            int p = phase;
            int seconds = phases.get(phase)[1];
            List<Outcome> mine = outcomes.stream().filter(o -> o.phase() == p).toList();
            long[] accepted = mine.stream().filter(o -> o.status() == 200 || o.status() == 201)
                    .mapToLong(Outcome::latencyNanos).sorted().toArray();
            long[] rejected = mine.stream().filter(o -> o.status() == 429).mapToLong(Outcome::latencyNanos).sorted()
                    .toArray();
            long withRetryAfter = mine.stream().filter(o -> o.status() == 429 && o.retryAfter()).count();
            TreeMap<Integer, Long> other = new TreeMap<>();
            mine.stream().filter(o -> o.status() != 200 && o.status() != 201 && o.status() != 429)
                    .forEach(o -> other.merge(o.status(), 1L, Long::sum));
            System.out.printf(Locale.ROOT, "LOAD phase %d result: offered %d/s, sent %d, accepted %d (%.0f/s), "
                            + "429 %d (with Retry-After %d), other %s, generator-skipped %d%n", p + 1,
                    phases.get(phase)[0], mine.size(), accepted.length, accepted.length / (double) seconds,
                    rejected.length, withRetryAfter, other, skipped[phase]);
            System.out.printf(Locale.ROOT, "LOAD phase %d accepted latency ms: p50 %s p95 %s p99 %s max %s%n", p + 1,
                    ms(accepted, 0.50), ms(accepted, 0.95), ms(accepted, 0.99), ms(accepted, 1.0));
            if (rejected.length > 0) {
                System.out.printf(Locale.ROOT, "LOAD phase %d 429 latency ms: p50 %s p99 %s max %s%n", p + 1,
                        ms(rejected, 0.50), ms(rejected, 0.99), ms(rejected, 1.0));
            }
            StringBuilder windows = new StringBuilder();
            for (int from = 0; from < seconds; from += 10) {
                int lo = from;
                long[] w = mine.stream().filter(o -> o.second() >= lo && o.second() < lo + 10)
                        .filter(o -> o.status() == 200 || o.status() == 201).mapToLong(Outcome::latencyNanos)
                        .sorted().toArray();
                windows.append(String.format(Locale.ROOT, " [%d-%ds %d/s p99 %s]", lo, lo + 10, w.length / 10,
                        ms(w, 0.99)));
            }
            System.out.printf(Locale.ROOT, "LOAD phase %d by 10 s:%s%n", p + 1, windows);
        }
        System.out.printf(Locale.ROOT, "LOAD transport errors %d, unanswered at the end %d%n", errors,
                stillOutstanding);
        System.out.flush();
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
