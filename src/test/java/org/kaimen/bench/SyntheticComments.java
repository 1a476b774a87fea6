package org.kaimen.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.kaimen.analysis.evaluation.EvaluationSetGenerator;
import org.kaimen.analysis.evaluation.LabelledComment;
import org.kaimen.analysis.internal.Embeddings;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Realistic synthetic comments on the 滨州 draft for the scale benchmarks, loaded straight into PostgreSQL.
 *
 * <p>Texts come from {@link EvaluationSetGenerator} (one labelled set per seed, about 680 comments each, deduplicated)
 * and form a <em>pool</em> whose sentence vectors are computed for real with the app's model. Each bulk comment is a
 * pool text, with an opener and a closer drawn at random for larger runs, and gets the vector <em>of its pool text</em>
 * stored in {@code comment_embedding} under the hash of its own masked text, so the index rebuild reuses stored
 * vectors instead of spending about 50 minutes computing a million of them. The vectors of bulk comments are therefore
 * an approximation (those of their source text); the text, filters and facets are not.
 *
 * <p>Rows go in with COPY, respecting the real schema: a real draft and its article provisions, masked public texts,
 * unique receipts, channels, stances, statuses, proposals, supports and creation times spread over 30 days.
 */
final class SyntheticComments {

    record PoolText(int id, String text, String masked, int article, String stance, float[] vector) {
    }

    private static final String[] OPENERS = {"", "", "", "我是小区业主，", "作为业主代表，", "我是{estate}的居民，",
            "住在{estate}{n}号楼，", "看了征求意见稿，", "关于这一条，", "我家在{estate}，", "本人是退休职工，",
            "我在{estate}住了十几年，", "提一点意见：", "我是业委会成员，", "代表{n}号楼的几户邻居说几句，"};
    private static final String[] CLOSERS = {"", "", "", "谢谢！", "望采纳。", "以上意见供参考。", "请认真考虑。",
            "希望尽快实施。", "盼复。", "恳请立法机关重视。", "（{estate}业主）", "此致。"};
    private static final String[] ESTATES = {"渤海花园", "黄河人家", "锦绣华庭", "御景华府", "中央公园小区", "金茂家园",
            "翡翠华庭", "凤凰城", "银河小区", "安和小区", "阳光家园", "滨河新村", "幸福里", "鑫城花苑", "新立河小区",
            "丽景苑", "东方名城", "香榭丽都", "北海明珠", "颐和园小区"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "孙", "周", "吴", "徐"};

    private SyntheticComments() {
    }

    /**
     * Distinct generated texts, masked as the app masks public texts, with real vectors.
     *
     * @param mask the app's masking of public texts
     */
    static List<PoolText> pool(int size, UnaryOperator<String> mask, Embeddings embeddings) {
        Set<String> seen = new LinkedHashSet<>();
        List<LabelledComment> picked = new ArrayList<>();
        for (long seed = EvaluationSetGenerator.SEED; picked.size() < size; seed++) {
            for (LabelledComment c : EvaluationSetGenerator.generate(seed)) {
                if (picked.size() < size && c.text().length() <= 1500 && seen.add(c.text())) {
                    picked.add(c);
                }
            }
        }
        List<PoolText> out = new ArrayList<>();
        for (int i = 0; i < picked.size(); i += 64) {
            List<LabelledComment> batch = picked.subList(i, Math.min(picked.size(), i + 64));
            List<float[]> vectors = embeddings.embedAll(batch.stream().map(LabelledComment::text).toList());
            for (int j = 0; j < batch.size(); j++) {
                LabelledComment c = batch.get(j);
                out.add(new PoolText(i + j, c.text(), mask.apply(c.text()), c.article(), c.stance(), vectors.get(j)));
            }
        }
        return out;
    }

    /**
     * Inserts {@code count} comments on one draft and their stored vectors.
     *
     * @param articles article number → provision id of the draft's first version
     * @param varied   whether to add an opener and a closer (needed once the pool is much smaller than the count)
     */
    static void load(DataSource dataSource, long draftId, Map<Integer, Long> articles, List<PoolText> pool, int count,
                     boolean varied, long seed, UnaryOperator<String> mask) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_pool");
                s.execute("CREATE UNLOGGED TABLE bench_pool (id INT PRIMARY KEY, vector REAL[] NOT NULL)");
            }
            StringBuilder rows = new StringBuilder();
            for (PoolText p : pool) {
                rows.append(p.id()).append('\t').append(literal(p.vector())).append('\n');
            }
            copy.copyIn("COPY bench_pool (id, vector) FROM STDIN", new StringReader(rows.toString()));

            Random random = new Random(seed);
            OffsetDateTime end = OffsetDateTime.now().minusHours(1);
            long spanSeconds = Duration.ofDays(30).toSeconds();
            String columns = "draft_id, version_number, provision_id, stance, text, proposed_text, text_public, "
                    + "proposed_public, channel, station, author_name, author_email, anonymous, name_public, entered_by, "
                    + "receipt, status, moderation_reason, supports, row_version, created_at, updated_at";
            int chunk = 20_000;
            for (int start = 0; start < count; start += chunk) {
                rows.setLength(0);
                for (int i = start; i < Math.min(count, start + chunk); i++) {
                    PoolText p = pool.get(varied ? random.nextInt(pool.size()) : i % pool.size());
                    String opener = varied ? fill(OPENERS[random.nextInt(OPENERS.length)], random) : "";
                    String closer = varied ? fill(CLOSERS[random.nextInt(CLOSERS.length)], random) : "";
                    String text = opener + p.text() + closer;
                    String masked = opener + p.masked() + closer;
                    Long provision = articles.get(p.article());
                    String stance = p.stance() == null ? "MODIFY" : p.stance();
                    String proposed = null;
                    if ("MODIFY".equals(stance) && random.nextInt(10) < 3) {
                        String other = pool.get(random.nextInt(pool.size())).masked();
                        proposed = "建议修改为：" + other.substring(0, Math.min(other.length(), 60));
                    }
                    int ch = random.nextInt(100);
                    String channel = ch < 85 ? "ONLINE" : ch < 92 ? "LETTER" : ch < 97 ? "LIAISON_STATION" : "EMAIL";
                    String station = channel.equals("LIAISON_STATION") ? "市中街道基层立法联系点" : null;
                    int st = random.nextInt(100);
                    String status = st < 95 ? "PUBLISHED" : st < 98 ? "HELD" : "HIDDEN";
                    int author = random.nextInt(Math.max(1, count / 3));
                    OffsetDateTime created = end.minusSeconds(spanSeconds - (spanSeconds * (long) i / count));
                    int supports = random.nextInt(100) < 70 ? 0 : (int) Math.min(500, -Math.log(random.nextDouble()) * 8);
                    String receipt = "BK" + draftId + "-" + i + "-" + p.id();
                    append(rows, draftId, 1, provision, stance, text, proposed, masked, proposed, channel, station,
                            SURNAMES[author % SURNAMES.length] + "某", "u" + author + "@example.cn", false, false,
                            channel.equals("ONLINE") ? null : "clerk", receipt, status,
                            status.equals("PUBLISHED") ? null : "bench", supports, 1, created, created);
                }
                copy.copyIn("COPY comment (" + columns + ") FROM STDIN", new StringReader(rows.toString()));
            }
            try (Statement s = connection.createStatement()) {
                // The app's Embeddings.hash: SHA-256 of the masked text's UTF-8 bytes, first 32 hex digits.
                s.execute("""
                        INSERT INTO comment_embedding (comment_id, model, text_hash, vector)
                        SELECT c.id, '%s', left(encode(sha256(convert_to(c.text_public, 'UTF8')), 'hex'), 32), p.vector
                        FROM comment c JOIN bench_pool p ON p.id = split_part(c.receipt, '-', 3)::int
                        WHERE c.draft_id = %d AND c.receipt LIKE 'BK%%'""".formatted(Embeddings.MODEL, draftId));
                s.execute("DROP TABLE bench_pool");
                s.execute("VACUUM ANALYZE comment");
                s.execute("VACUUM ANALYZE comment_embedding");
            }
        }
    }

    private static String fill(String template, Random random) {
        return template.replace("{estate}", ESTATES[random.nextInt(ESTATES.length)])
                .replace("{n}", String.valueOf(1 + random.nextInt(40)));
    }

    static String literal(float[] v) {
        return org.kaimen.analysis.internal.Embeddings.literal(v);
    }

    private static void append(StringBuilder rows, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                rows.append("\\N");
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> rows.append("\\\\");
                        case '\n' -> rows.append("\\n");
                        case '\r' -> rows.append("\\r");
                        case '\t' -> rows.append("\\t");
                        default -> rows.append(c);
                    }
                }
            }
        }
        rows.append('\n');
    }
}
