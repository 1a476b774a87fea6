package org.kaimen.analysis.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sentence vectors from bge-small-zh v1.5 (quantized, in-process ONNX, no download at run time). Vectors are kept in
 * PostgreSQL by comment and text hash, so the index can be rebuilt without recomputing them.
 */
@Component
public class Embeddings {

    public static final String MODEL = "bge-small-zh-v1.5-q";
    public static final int DIMENSIONS = 512;

    private final JdbcClient jdbc;
    private volatile EmbeddingModel model;

    Embeddings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The model loads on first use (about half a second), not at startup. */
    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = loadAtBackgroundPriority();
                }
                m = model;
            }
        }
        return m;
    }

    /**
     * The ONNX runtime starts its worker threads when the model loads, and they inherit the loading thread's CPU
     * priority: loaded from a lowered thread, they yield to request threads even when a search triggers the load.
     */
    private static EmbeddingModel loadAtBackgroundPriority() {
        java.util.concurrent.FutureTask<EmbeddingModel> load =
                new java.util.concurrent.FutureTask<>(BgeSmallZhV15QuantizedEmbeddingModel::new);
        Thread loader = org.kaimen.shared.infra.BackgroundPriority.lowered(Thread::new).newThread(load);
        loader.setName("embedding-model-load");
        loader.start();
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the embedding model", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the embedding model did not load", e.getCause());
        }
    }

    public float[] embed(String text) {
        return model().embed(text == null || text.isBlank() ? " " : text).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t == null || t.isBlank() ? " " : t))
                .toList();
        List<float[]> out = new ArrayList<>();
        model().embedAll(segments).content().forEach(e -> out.add(e.vector()));
        return out;
    }

    /** The stored vector of a comment, if it was computed for its current text. */
    public Optional<float[]> stored(long commentId, String text) {
        return jdbc.sql("""
                        SELECT vector FROM comment_embedding WHERE comment_id = :id AND model = :model
                          AND text_hash = :hash""")
                .param("id", commentId).param("model", MODEL).param("hash", hash(text))
                .query((rs, i) -> toFloats(rs.getArray(1))).optional();
    }

    /** The stored vector of a comment when its text is unchanged, else a fresh one (stored). */
    public float[] forComment(long commentId, String text) {
        String hash = hash(text);
        Optional<float[]> stored = stored(commentId, text);
        if (stored.isPresent()) {
            return stored.get();
        }
        float[] vector = embed(text);
        jdbc.sql("""
                        INSERT INTO comment_embedding (comment_id, model, text_hash, vector)
                        VALUES (:id, :model, :hash, CAST(:vector AS REAL[]))
                        ON CONFLICT (comment_id) DO UPDATE SET model = :model, text_hash = :hash, vector = CAST(:vector AS REAL[]),
                            created_at = now(),
                            -- Two threads may compute the same text at once (an event and the catch-up): only a new
                            -- text makes the neighbours worth searching again.
                            neighbours_checked = comment_embedding.neighbours_checked
                                AND comment_embedding.text_hash = EXCLUDED.text_hash
                                AND comment_embedding.model = EXCLUDED.model""")
                .param("id", commentId).param("model", MODEL).param("hash", hash).param("vector", literal(vector))
                .update();
        return vector;
    }

    /** Vectors of many comments (id to text), read in batches; missing or outdated ones are computed and stored. */
    public java.util.Map<Long, float[]> forComments(java.util.Map<Long, String> texts) {
        java.util.Map<Long, float[]> out = storedFor(texts);
        for (Long id : texts.keySet()) {
            if (!out.containsKey(id)) {
                out.put(id, forComment(id, texts.get(id)));
            }
        }
        return out;
    }

    /** The stored vectors of many comments (id to text) that were computed for their current text; none computed. */
    public java.util.Map<Long, float[]> storedFor(java.util.Map<Long, String> texts) {
        java.util.Map<Long, float[]> out = new java.util.HashMap<>();
        List<Long> ids = new ArrayList<>(texts.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.sql("""
                            SELECT comment_id, text_hash, vector FROM comment_embedding
                            WHERE model = :model AND comment_id = ANY (CAST(:ids AS BIGINT[]))""")
                    .param("model", MODEL)
                    .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(batch))
                    .query(rs -> {
                        long id = rs.getLong(1);
                        if (hash(texts.get(id)).equals(rs.getString(2))) {
                            out.put(id, toFloats(rs.getArray(3)));
                        }
                    });
        }
        return out;
    }

    /** The stored vectors of some comments, whatever text they were computed for (to verify kNN candidates). */
    public java.util.Map<Long, float[]> storedVectors(List<Long> ids) {
        java.util.Map<Long, float[]> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT comment_id, vector FROM comment_embedding WHERE model = :model AND comment_id = ANY (CAST(:ids AS BIGINT[]))")
                .param("model", MODEL)
                .param("ids", org.kaimen.shared.infra.SqlArrays.bigints(ids))
                .query(rs -> {
                    out.put(rs.getLong(1), toFloats(rs.getArray(2)));
                });
        return out;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static float[] toFloats(Array array) throws java.sql.SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    /** A vector as a PostgreSQL array literal. */
    public static String literal(float[] v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v[i]);
        }
        return sb.append('}').toString();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
