package org.kaimen.analysis;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.kaimen.analysis.internal.ChineseSegmenter;
import org.kaimen.analysis.internal.Embeddings;
import org.kaimen.analysis.internal.topics.TopicClusterer;
import org.kaimen.analysis.internal.topics.TopicLabeler;
import org.kaimen.analysis.internal.topics.TopicPipeline;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.IndexableComment;
import org.kaimen.shared.audit.AuditLog;
import org.kaimen.shared.infra.SqlArrays;
import org.kaimen.shared.web.KaimenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Topic clusters of a draft's comments, for the whole draft and per article, computed after campaigns are collapsed.
 *
 * <p>A recomputation clusters everything except frozen clusters' members, keeps the id (and a clerk's name) of an
 * earlier cluster that mostly survives, and publishes {@link TopicsChanged} so the index learns the new ids through
 * the event registry. Between recomputations each new comment joins its nearest cluster when it is close enough, or
 * else waits in the novel-comments queue. Recomputation runs on a schedule for drafts whose comments changed.
 */
@Service
public class TopicService {

    private static final Logger log = LoggerFactory.getLogger(TopicService.class);
    private static final int LABEL_SAMPLE = 300;
    private static final int KEYWORDS = 6;
    private static final int LABEL_WORDS = 3;

    private record ScopeModel(float[] mean, List<Long> ids, List<float[]> centroids) {
    }

    private record Member(IndexableComment comment, float[] vector) {
    }

    private final CommentService comments;
    private final CampaignService campaigns;
    private final Embeddings embeddings;
    private final ChineseSegmenter segmenter;
    private final org.kaimen.analysis.internal.topics.TopicMembership membership;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final LockingTaskExecutor instanceLocks;
    private final Clock clock;
    private final TopicClusterer.Config config;
    private final double assignThreshold;
    private final int minArticleComments;
    private final Duration interval;
    private final org.kaimen.analysis.internal.AnalysisMetrics metrics;
    private final Map<Long, Map<String, ScopeModel>> models = new ConcurrentHashMap<>();
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    public TopicService(CommentService comments, CampaignService campaigns, Embeddings embeddings,
                        ChineseSegmenter segmenter, org.kaimen.analysis.internal.topics.TopicMembership membership,
                        JdbcClient jdbc, TransactionTemplate tx,
                        ApplicationEventPublisher events, AuditLog audit, Clock clock,
                        org.kaimen.analysis.internal.AnalysisMetrics metrics,
                        @Value("${kaimen.analysis.topics.merge-threshold:0.11}") double mergeThreshold,
                        @Value("${kaimen.analysis.topics.min-size:3}") int minSize,
                        @Value("${kaimen.analysis.topics.assign-threshold:0.30}") double assignThreshold,
                        @Value("${kaimen.analysis.topics.min-article-comments:6}") int minArticleComments,
                        @Value("${kaimen.analysis.topics.interval:PT10M}") Duration interval,
                        LockProvider lockProvider) {
        this.comments = comments;
        this.campaigns = campaigns;
        this.embeddings = embeddings;
        this.segmenter = segmenter;
        this.membership = membership;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.config = TopicClusterer.Config.defaults().withMergeThreshold(mergeThreshold).withMinClusterSize(minSize);
        this.assignThreshold = assignThreshold;
        this.minArticleComments = minArticleComments;
        this.interval = interval;
        this.instanceLocks = new DefaultLockingTaskExecutor(lockProvider);
    }

    // ---------------------------------------------------------------- reading

    /** The clusters of a scope ({@code draft} or an article key such as {@code a12}), largest first. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<TopicCluster> clusters(long draftId, String scope) {
        String s = scope == null ? TopicCluster.DRAFT_SCOPE : scope;
        Map<Long, List<Long>> members = new HashMap<>();
        jdbc.sql("""
                        SELECT m.cluster_id, m.comment_id FROM topic_member m JOIN topic_cluster c ON c.id = m.cluster_id
                        WHERE c.draft_id = :d AND c.scope = :s ORDER BY m.comment_id""")
                .param("d", draftId).param("s", s)
                .query(rs -> {
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        List<TopicCluster> out = jdbc.sql("""
                        SELECT id, label, keywords, frozen, label_edited FROM topic_cluster
                        WHERE draft_id = :d AND scope = :s""")
                .param("d", draftId).param("s", s)
                .query((rs, i) -> new TopicCluster(rs.getLong("id"), draftId, s, rs.getString("label"),
                        strings(rs.getArray("keywords")), rs.getBoolean("frozen"), rs.getBoolean("label_edited"),
                        members.getOrDefault(rs.getLong("id"), List.of())))
                .list();
        return out.stream().sorted((a, b) -> a.size() != b.size() ? Integer.compare(b.size(), a.size())
                : Long.compare(a.id(), b.id())).toList();
    }

    /** The whole-draft topics, largest first: their labels are public (the adoption report lists them as themes). */
    public List<TopicCluster> themes(long draftId) {
        return clusters(draftId, TopicCluster.DRAFT_SCOPE);
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public TopicCluster cluster(long clusterId) {
        record Where(long draftId, String scope) {
        }
        Where where = jdbc.sql("SELECT draft_id, scope FROM topic_cluster WHERE id = :id").param("id", clusterId)
                .query((rs, i) -> new Where(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(TopicService::notFound);
        return clusters(where.draftId(), where.scope()).stream().filter(c -> c.id() == clusterId).findFirst()
                .orElseThrow(TopicService::notFound);
    }

    /** A few members' texts, spread over the cluster, to show what it holds. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<String> examples(TopicCluster cluster, int howMany) {
        List<Long> ids = cluster.commentIds();
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < howMany && i < ids.size(); i++) {
            picked.add(ids.get((int) ((long) i * ids.size() / Math.min(howMany, ids.size()))));
        }
        return comments.indexable(picked).stream().map(IndexableComment::text).toList();
    }

    /** Visible top-level comments of a scope that belong to none of its clusters. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Long> unclustered(long draftId, String scope) {
        String s = scope == null ? TopicCluster.DRAFT_SCOPE : scope;
        Set<Long> clustered = new HashSet<>(jdbc.sql("""
                        SELECT m.comment_id FROM topic_member m JOIN topic_cluster c ON c.id = m.cluster_id
                        WHERE c.draft_id = :d AND c.scope = :s""")
                .param("d", draftId).param("s", s).query(Long.class).list());
        List<Long> out = new ArrayList<>();
        for (IndexableComment c : visible(draftId, s)) {
            if (!clustered.contains(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }

    /** When each scope of a draft was computed. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<TopicRun> runs(long draftId) {
        return jdbc.sql("""
                        SELECT scope, comments, millis, computed_at FROM topic_run WHERE draft_id = :d
                        ORDER BY scope = 'draft' DESC, scope""")
                .param("d", draftId)
                .query((rs, i) -> new TopicRun(rs.getString(1), rs.getInt(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /**
     * The novel-comments queue: comments in no cluster of the whole draft, or far from every cluster, the most
     * novel first; ticked-off ones only when asked for.
     */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<NovelComment> novel(long draftId, boolean includeSeen, int limit) {
        Map<Long, double[]> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT n.comment_id, n.similarity, n.seen_at IS NOT NULL AS seen FROM topic_novelty n
                        WHERE n.draft_id = :d AND (:all OR n.seen_at IS NULL)
                          AND (n.similarity < :t OR NOT EXISTS (SELECT 1 FROM topic_member m JOIN topic_cluster c
                                ON c.id = m.cluster_id WHERE m.comment_id = n.comment_id AND c.scope = 'draft'))
                        ORDER BY n.similarity, n.comment_id LIMIT :limit""")
                .param("d", draftId).param("all", includeSeen).param("t", assignThreshold).param("limit", limit)
                .query(rs -> {
                    rows.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getBoolean(3) ? 1 : 0});
                });
        Map<Long, IndexableComment> found = new HashMap<>();
        comments.indexable(rows.keySet()).forEach(c -> found.put(c.id(), c));
        List<NovelComment> out = new ArrayList<>();
        rows.forEach((id, r) -> {
            IndexableComment c = found.get(id);
            if (c != null && c.status() != CommentStatus.HIDDEN) {
                out.add(new NovelComment(id, c.articleKey(), c.provisionLabel(), c.text(), r[0], c.createdAt(),
                        r[1] > 0));
            }
        });
        return out;
    }

    /** Ticks a comment off the novel queue (it stays listed under "seen"). */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public void markSeen(long commentId) {
        int n = jdbc.sql("UPDATE topic_novelty SET seen_by = :u, seen_at = :t WHERE comment_id = :c AND seen_at IS NULL")
                .param("u", user()).param("t", OffsetDateTime.now(clock)).param("c", commentId).update();
        if (n == 0 && jdbc.sql("SELECT count(*) FROM topic_novelty WHERE comment_id = :c").param("c", commentId)
                .query(Long.class).single() == 0) {
            throw notFound();
        }
    }

    /** The cluster ids of comments (whole draft first, then the article), as the index stores them. */
    public Map<Long, List<Long>> clusterIdsOf(Collection<Long> commentIds) {
        return membership.of(commentIds);
    }

    // ---------------------------------------------------------------- clerks' edits

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public void rename(long clusterId, String label) {
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > 60) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "topics.error.label");
        }
        TopicCluster c = cluster(clusterId);
        jdbc.sql("UPDATE topic_cluster SET label = :l, label_edited = TRUE, updated_at = :t WHERE id = :id")
                .param("l", clean).param("t", OffsetDateTime.now(clock)).param("id", clusterId).update();
        audit.record("topics.rename", "topic_cluster", String.valueOf(clusterId), c.label() + " → " + clean);
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public void freeze(long clusterId, boolean frozen) {
        TopicCluster c = cluster(clusterId);
        jdbc.sql("UPDATE topic_cluster SET frozen = :f, updated_at = :t WHERE id = :id")
                .param("f", frozen).param("t", OffsetDateTime.now(clock)).param("id", clusterId).update();
        models.remove(c.draftId());
        audit.record(frozen ? "topics.freeze" : "topics.unfreeze", "topic_cluster", String.valueOf(clusterId),
                c.label());
    }

    /** Merges clusters of one scope into the first; the result is frozen, since a recomputation would undo it. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public long merge(List<Long> clusterIds) {
        List<TopicCluster> picked = clusterIds.stream().distinct().map(this::cluster).toList();
        if (picked.size() < 2 || picked.stream().map(c -> c.draftId() + "/" + c.scope()).distinct().count() > 1) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "topics.error.merge");
        }
        TopicCluster target = picked.get(0);
        long draftId = target.draftId();
        synchronized (lock(draftId)) {
            tx.executeWithoutResult(s -> {
                for (TopicCluster other : picked.subList(1, picked.size())) {
                    jdbc.sql("""
                                    INSERT INTO topic_member (cluster_id, comment_id)
                                    SELECT :target, comment_id FROM topic_member WHERE cluster_id = :other
                                    ON CONFLICT DO NOTHING""")
                            .param("target", target.id()).param("other", other.id()).update();
                    jdbc.sql("DELETE FROM topic_cluster WHERE id = :id").param("id", other.id()).update();
                }
                List<Long> all = picked.stream().flatMap(c -> c.commentIds().stream()).distinct().toList();
                relabel(target.id(), all, target.labelEdited());
                jdbc.sql("UPDATE topic_cluster SET frozen = TRUE, updated_at = :t WHERE id = :id")
                        .param("t", OffsetDateTime.now(clock)).param("id", target.id()).update();
                events.publishEvent(new TopicsChanged(draftId));
            });
            models.remove(draftId);
        }
        audit.record("topics.merge", "topic_cluster", String.valueOf(target.id()),
                picked.stream().map(c -> c.id() + " " + c.label()).collect(Collectors.joining("; ")));
        return target.id();
    }

    /**
     * Splits a cluster in two by clustering its members alone (two-means on their vectors). Both halves are frozen
     * so the next recomputation does not merge them back.
     */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Long> split(long clusterId) {
        TopicCluster c = cluster(clusterId);
        if (c.size() < 2) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "topics.error.split");
        }
        List<Long> ids = c.commentIds();
        Map<Long, String> texts = new HashMap<>();
        comments.indexable(ids).forEach(x -> texts.put(x.id(), x.text()));
        Map<Long, float[]> stored = embeddings.forComments(texts);
        List<float[]> vectors = ids.stream().map(stored::get).toList();
        int[] half = twoMeans(vectors);
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            (half[i] == 0 ? first : second).add(ids.get(i));
        }
        if (first.isEmpty() || second.isEmpty()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "topics.error.split");
        }
        long created;
        synchronized (lock(c.draftId())) {
            created = tx.execute(s -> {
                jdbc.sql("DELETE FROM topic_member WHERE cluster_id = :id AND comment_id = ANY (CAST(:ids AS BIGINT[]))")
                        .param("id", clusterId).param("ids", SqlArrays.bigints(second)).update();
                long id = insertCluster(c.draftId(), c.scope(), List.of(), "", null, true);
                addMembers(id, second);
                relabel(clusterId, first, c.labelEdited());
                relabel(id, second, false);
                jdbc.sql("UPDATE topic_cluster SET frozen = TRUE WHERE id = :id").param("id", clusterId).update();
                events.publishEvent(new TopicsChanged(c.draftId()));
                return id;
            });
            models.remove(c.draftId());
        }
        audit.record("topics.split", "topic_cluster", String.valueOf(clusterId), c.label() + " → " + created);
        return List.of(clusterId, created);
    }

    // ---------------------------------------------------------------- computing

    /** Recomputes a draft's topics now (a clerk's button); returns the number of whole-draft clusters. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public int recompute(long draftId) {
        int n = compute(draftId);
        audit.record("topics.recompute", "draft", String.valueOf(draftId), n + " clusters");
        return n;
    }

    /**
     * Recomputes drafts whose comments changed since their topics were last computed. Every instance keeps its own
     * list of changed drafts, so each checks; a lock per draft, and the age check made inside it, let only one
     * instance compute a draft per interval.
     */
    @Scheduled(fixedDelayString = "${kaimen.analysis.topics.check:PT1M}", initialDelayString = "PT1M")
    public void recomputeChanged() {
        for (Long draftId : List.copyOf(dirty)) {
            instanceLocks.executeWithLock((Runnable) () -> recomputeIfDue(draftId), new LockConfiguration(clock.instant(),
                    "topics-draft-" + draftId, Duration.ofMinutes(30), Duration.ZERO));
        }
    }

    private void recomputeIfDue(long draftId) {
        OffsetDateTime last = jdbc.sql("SELECT computed_at FROM topic_run WHERE draft_id = :d AND scope = 'draft'")
                .param("d", draftId).query(OffsetDateTime.class).optional().orElse(null);
        if (last == null || !last.plus(interval).isAfter(OffsetDateTime.now(clock))) {
            try {
                compute(draftId);
            } catch (RuntimeException e) {
                log.warn("Recomputing the topics of draft {} failed; will retry", draftId, e);
            }
        }
    }

    /**
     * Computes every scope of a draft: the whole draft, then each article with enough comments. Scopes of articles
     * that no longer have enough comments keep only their frozen clusters.
     */
    public int compute(long draftId) {
        return metrics.topicClustering(() -> computeNow(draftId));
    }

    private int computeNow(long draftId) {
        synchronized (lock(draftId)) {
            dirty.remove(draftId);
            List<IndexableComment> all = visible(draftId, TopicCluster.DRAFT_SCOPE);
            Map<Long, Long> campaignOf = campaigns.membership(draftId);
            Map<Long, String> texts = new HashMap<>();
            all.forEach(c -> texts.put(c.id(), c.text()));
            Map<Long, float[]> vectors = embeddings.forComments(texts);
            float[] draftMean = computeScope(draftId, TopicCluster.DRAFT_SCOPE, all, vectors, campaignOf, null);
            int draftClusters = (int) (long) jdbc.sql("""
                            SELECT count(*) FROM topic_cluster WHERE draft_id = :d AND scope = 'draft' AND NOT frozen""")
                    .param("d", draftId).query(Long.class).single();
            Map<String, List<IndexableComment>> byArticle = all.stream().filter(c -> c.articleKey() != null)
                    .collect(Collectors.groupingBy(IndexableComment::articleKey, LinkedHashMap::new,
                            Collectors.toList()));
            Set<String> scopes = new HashSet<>(jdbc.sql("""
                            SELECT DISTINCT scope FROM topic_cluster WHERE draft_id = :d AND scope <> 'draft'""")
                    .param("d", draftId).query(String.class).list());
            scopes.addAll(byArticle.keySet());
            for (String scope : scopes) {
                List<IndexableComment> list = byArticle.getOrDefault(scope, List.of());
                computeScope(draftId, scope, list.size() >= minArticleComments ? list : List.of(), vectors,
                        campaignOf, draftMean);
            }
            models.remove(draftId);
            tx.executeWithoutResult(s -> events.publishEvent(new TopicsChanged(draftId)));
            return draftClusters;
        }
    }

    /**
     * @param mean the draft's mean vector for an article's scope: similarity is judged against all the draft's
     *             comments, so an article whose comments share one topic yields that topic instead of noise
     * @return the mean the scope was centred with
     */
    private float[] computeScope(long draftId, String scope, List<IndexableComment> list, Map<Long, float[]> vectors,
                                 Map<Long, Long> campaignOf, float[] mean) {
        long started = System.nanoTime();
        record Old(long id, boolean frozen, boolean labelEdited, Set<Long> members) {
        }
        Map<Long, Old> old = new LinkedHashMap<>();
        jdbc.sql("SELECT id, frozen, label_edited FROM topic_cluster WHERE draft_id = :d AND scope = :s ORDER BY id")
                .param("d", draftId).param("s", scope)
                .query(rs -> {
                    old.put(rs.getLong(1), new Old(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), new HashSet<>()));
                });
        if (!old.isEmpty()) {
            jdbc.sql("""
                            SELECT m.cluster_id, m.comment_id FROM topic_member m JOIN topic_cluster c ON c.id = m.cluster_id
                            WHERE c.draft_id = :d AND c.scope = :s""")
                    .param("d", draftId).param("s", scope)
                    .query(rs -> {
                        old.get(rs.getLong(1)).members().add(rs.getLong(2));
                    });
        }
        Set<Long> frozenMembers = new HashSet<>();
        old.values().stream().filter(Old::frozen).forEach(o -> frozenMembers.addAll(o.members()));
        Map<Long, IndexableComment> byId = new HashMap<>();
        list.forEach(c -> byId.put(c.id(), c));

        List<TopicPipeline.Doc> docs = new ArrayList<>();
        for (IndexableComment c : list) {
            if (!frozenMembers.contains(c.id())) {
                docs.add(new TopicPipeline.Doc(c.id(), vectors.get(c.id()), campaignOf.get(c.id())));
            }
        }
        TopicPipeline.Outcome outcome = new TopicPipeline(config).run(docs, mean);
        List<List<String>> keywords = new TopicLabeler(segmenter::words).keywords(outcome.topics().stream()
                .map(t -> sample(t.commentIds()).stream().map(id -> byId.get(id).text()).toList()).toList(), KEYWORDS);

        // Keep the id (and a clerk's name) of an earlier cluster that mostly survives: saved searches and opinions
        // built on a cluster should not break on every recomputation.
        Set<Long> reused = new HashSet<>();
        long[] idOf = new long[outcome.topics().size()];
        for (int t = 0; t < outcome.topics().size(); t++) {
            Set<Long> members = Arrays.stream(outcome.topics().get(t).commentIds()).boxed().collect(Collectors.toSet());
            Old best = null;
            double bestJaccard = 0;
            for (Old o : old.values()) {
                if (o.frozen() || reused.contains(o.id())) {
                    continue;
                }
                long common = o.members().stream().filter(members::contains).count();
                double j = (double) common / (members.size() + o.members().size() - common);
                if (j > bestJaccard) {
                    bestJaccard = j;
                    best = o;
                }
            }
            if (best != null && bestJaccard >= 0.5) {
                reused.add(best.id());
                idOf[t] = best.id();
            } else {
                idOf[t] = -1;
            }
        }
        float[] centredWith = outcome.mean().length == 0 ? new float[Embeddings.DIMENSIONS] : outcome.mean();
        tx.executeWithoutResult(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            for (Old o : old.values()) {
                if (o.frozen()) {
                    // Members hidden since, or moved out of the scope, leave a frozen cluster; the rest stays put.
                    Set<Long> gone = new HashSet<>(o.members());
                    gone.removeAll(byId.keySet());
                    if (!gone.isEmpty()) {
                        jdbc.sql("DELETE FROM topic_member WHERE cluster_id = :id AND comment_id = ANY (CAST(:ids AS BIGINT[]))")
                                .param("id", o.id()).param("ids", SqlArrays.bigints(gone)).update();
                    }
                    List<Long> kept = o.members().stream().filter(byId::containsKey).toList();
                    jdbc.sql("UPDATE topic_cluster SET centroid = CAST(:c AS REAL[]) WHERE id = :id")
                            .param("c", literal(centroid(kept, vectors, centredWith))).param("id", o.id()).update();
                } else if (!reused.contains(o.id())) {
                    jdbc.sql("DELETE FROM topic_cluster WHERE id = :id").param("id", o.id()).update();
                }
            }
            for (int t = 0; t < outcome.topics().size(); t++) {
                TopicPipeline.Topic topic = outcome.topics().get(t);
                List<String> words = keywords.get(t);
                String label = words.isEmpty() ? "—" : TopicLabeler.label(words, LABEL_WORDS);
                List<Long> members = Arrays.stream(topic.commentIds()).boxed().toList();
                if (idOf[t] > 0) {
                    Old o = old.get(idOf[t]);
                    jdbc.sql("""
                                    UPDATE topic_cluster SET keywords = CAST(:k AS TEXT[]), centroid = CAST(:c AS REAL[]),
                                        label = CASE WHEN label_edited THEN label ELSE :l END, updated_at = :now
                                    WHERE id = :id""")
                            .param("k", org.kaimen.shared.infra.SqlArrays.texts(words)).param("c", literal(topic.centroid())).param("l", label)
                            .param("now", now).param("id", o.id()).update();
                    jdbc.sql("DELETE FROM topic_member WHERE cluster_id = :id").param("id", o.id()).update();
                    addMembers(o.id(), members);
                } else {
                    long id = insertCluster(draftId, scope, words, label, topic.centroid(), false);
                    addMembers(id, members);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            jdbc.sql("""
                            INSERT INTO topic_run (draft_id, scope, mean, comments, millis, computed_at)
                            VALUES (:d, :s, CAST(:m AS REAL[]), :n, :ms, :now)
                            ON CONFLICT (draft_id, scope) DO UPDATE SET mean = EXCLUDED.mean, comments = EXCLUDED.comments,
                                millis = EXCLUDED.millis, computed_at = EXCLUDED.computed_at,
                                runs = topic_run.runs + 1""")
                    .param("d", draftId).param("s", scope).param("m", literal(centredWith)).param("n", list.size())
                    .param("ms", millis).param("now", now).update();
            if (TopicCluster.DRAFT_SCOPE.equals(scope)) {
                jdbc.sql("DELETE FROM topic_novelty WHERE draft_id = :d AND comment_id <> ALL (CAST(:ids AS BIGINT[]))")
                        .param("d", draftId).param("ids", SqlArrays.bigints(byId.keySet())).update();
                Map<Long, Double> similarity = new HashMap<>(outcome.similarity());
                // Frozen members are, by a clerk's decision, part of a topic.
                frozenMembers.forEach(id -> similarity.put(id, 1.0));
                saveNovelty(draftId, similarity);
            }
        });
        log.info("Topics of draft {} scope {}: {} clusters over {} comments in {} ms", draftId, scope,
                outcome.topics().size(), list.size(), (System.nanoTime() - started) / 1_000_000);
        return centredWith;
    }

    // ---------------------------------------------------------------- new comments

    /**
     * Places a new or changed comment: into its nearest cluster of the whole draft and of its article when close
     * enough, and into the novel queue when far from every cluster. Hidden comments leave every cluster.
     */
    public void accept(IndexableComment c, float[] vector) {
        dirty.add(c.draftId());
        if (c.parentId() != null) {
            return;
        }
        if (c.status() == CommentStatus.HIDDEN) {
            jdbc.sql("DELETE FROM topic_member WHERE comment_id = :c").param("c", c.id()).update();
            jdbc.sql("DELETE FROM topic_novelty WHERE comment_id = :c").param("c", c.id()).update();
            return;
        }
        boolean member = jdbc.sql("""
                        SELECT count(*) FROM topic_member m JOIN topic_cluster t ON t.id = m.cluster_id
                        WHERE m.comment_id = :c AND t.scope = 'draft'""")
                .param("c", c.id()).query(Long.class).single() > 0;
        if (member || vector == null) {
            return;
        }
        Map<String, ScopeModel> scopes = models.computeIfAbsent(c.draftId(), this::loadModels);
        ScopeModel whole = scopes.get(TopicCluster.DRAFT_SCOPE);
        if (whole == null) {
            return;
        }
        double similarity = place(c.id(), whole, vector);
        saveNovelty(c.draftId(), Map.of(c.id(), similarity));
        ScopeModel article = c.articleKey() == null ? null : scopes.get(c.articleKey());
        if (article != null) {
            place(c.id(), article, vector);
        }
    }

    private double place(long commentId, ScopeModel model, float[] vector) {
        float[] centred = TopicClusterer.centre(vector, model.mean());
        double best = -1;
        long bestId = -1;
        for (int i = 0; i < model.ids().size(); i++) {
            double s = TopicClusterer.dot(centred, model.centroids().get(i));
            if (s > best) {
                best = s;
                bestId = model.ids().get(i);
            }
        }
        if (bestId > 0 && best >= assignThreshold) {
            jdbc.sql("INSERT INTO topic_member (cluster_id, comment_id) VALUES (:k, :c) ON CONFLICT DO NOTHING")
                    .param("k", bestId).param("c", commentId).update();
        }
        return best;
    }

    private Map<String, ScopeModel> loadModels(long draftId) {
        Map<String, float[]> means = new HashMap<>();
        jdbc.sql("SELECT scope, mean FROM topic_run WHERE draft_id = :d").param("d", draftId)
                .query(rs -> {
                    means.put(rs.getString(1), floats(rs.getArray(2)));
                });
        Map<String, ScopeModel> out = new HashMap<>();
        means.forEach((scope, mean) -> out.put(scope, new ScopeModel(mean, new ArrayList<>(), new ArrayList<>())));
        jdbc.sql("SELECT id, scope, centroid FROM topic_cluster WHERE draft_id = :d AND centroid IS NOT NULL")
                .param("d", draftId)
                .query(rs -> {
                    ScopeModel m = out.get(rs.getString(2));
                    if (m != null) {
                        m.ids().add(rs.getLong(1));
                        m.centroids().add(floats(rs.getArray(3)));
                    }
                });
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private List<IndexableComment> visible(long draftId, String scope) {
        return comments.visibleOfDraft(draftId).stream()
                .filter(c -> TopicCluster.DRAFT_SCOPE.equals(scope) || scope.equals(c.articleKey())).toList();
    }

    private void relabel(long clusterId, List<Long> members, boolean keepLabel) {
        List<String> texts = comments.indexable(sample(members.stream().mapToLong(Long::longValue).toArray()))
                .stream().map(IndexableComment::text).toList();
        List<String> words = new TopicLabeler(segmenter::words).keywords(List.of(texts), KEYWORDS).get(0);
        jdbc.sql("""
                        UPDATE topic_cluster SET keywords = CAST(:k AS TEXT[]), updated_at = :now,
                            label = CASE WHEN :keep THEN label ELSE :l END
                        WHERE id = :id""")
                .param("k", org.kaimen.shared.infra.SqlArrays.texts(words)).param("now", OffsetDateTime.now(clock)).param("keep", keepLabel)
                .param("l", words.isEmpty() ? "—" : TopicLabeler.label(words, LABEL_WORDS)).param("id", clusterId)
                .update();
    }

    private long insertCluster(long draftId, String scope, List<String> keywords, String label, float[] centroid,
                               boolean frozen) {
        return jdbc.sql("""
                        INSERT INTO topic_cluster (draft_id, scope, label, keywords, frozen, centroid, updated_at)
                        VALUES (:d, :s, :l, CAST(:k AS TEXT[]), :f, CAST(:c AS REAL[]), :now) RETURNING id""")
                .param("d", draftId).param("s", scope).param("l", label).param("k", org.kaimen.shared.infra.SqlArrays.texts(keywords))
                .param("f", frozen).param("c", centroid == null ? null : literal(centroid))
                .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
    }

    private void addMembers(long clusterId, Collection<Long> members) {
        if (!members.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO topic_member (cluster_id, comment_id)
                            SELECT :k, unnest(CAST(:ids AS BIGINT[])) ON CONFLICT DO NOTHING""")
                    .param("k", clusterId).param("ids", SqlArrays.bigints(members)).update();
        }
    }

    private void saveNovelty(long draftId, Map<Long, Double> similarity) {
        if (similarity.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(similarity.keySet());
        StringBuilder values = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            values.append(i > 0 ? "," : "").append(similarity.get(ids.get(i)));
        }
        jdbc.sql("""
                        INSERT INTO topic_novelty (comment_id, draft_id, similarity)
                        SELECT unnest(CAST(:ids AS BIGINT[])), :d, unnest(CAST(:s AS DOUBLE PRECISION[]))
                        ON CONFLICT (comment_id) DO UPDATE SET similarity = EXCLUDED.similarity""")
                .param("ids", SqlArrays.bigints(ids)).param("d", draftId).param("s", values.append('}').toString()).update();
    }

    private static float[] centroid(List<Long> members, Map<Long, float[]> vectors, float[] mean) {
        double[] sum = new double[mean.length];
        for (long id : members) {
            float[] v = vectors.get(id);
            if (v != null) {
                float[] c = TopicClusterer.centre(v, mean);
                for (int k = 0; k < c.length; k++) {
                    sum[k] += c[k];
                }
            }
        }
        double norm = Math.sqrt(Arrays.stream(sum).map(x -> x * x).sum());
        float[] out = new float[sum.length];
        for (int k = 0; k < sum.length; k++) {
            out[k] = norm == 0 ? 0 : (float) (sum[k] / norm);
        }
        return out;
    }

    /** Evenly spread members, so a topic of 50,000 comments is named from a few hundred without bias to the oldest. */
    private static List<Long> sample(long[] ids) {
        List<Long> out = new ArrayList<>();
        double step = Math.max(1.0, (double) ids.length / LABEL_SAMPLE);
        for (double i = 0; i < ids.length && out.size() < LABEL_SAMPLE; i += step) {
            out.add(ids[(int) i]);
        }
        return out;
    }

    /** Two-means on centred unit vectors, started from one member and the member least like it. */
    private static int[] twoMeans(List<float[]> vectors) {
        int n = vectors.size();
        int d = Embeddings.DIMENSIONS;
        float[] mean = new float[d];
        int present = 0;
        for (float[] v : vectors) {
            if (v != null) {
                double norm = Math.sqrt(TopicClusterer.dot(v, v));
                for (int k = 0; k < d; k++) {
                    mean[k] += (float) (v[k] / (norm == 0 ? 1 : norm));
                }
                present++;
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= Math.max(1, present);
        }
        List<float[]> centred = vectors.stream().map(v -> v == null ? new float[d] : TopicClusterer.centre(v, mean))
                .toList();
        int a = 0;
        int b = a == 0 ? 1 : 0;
        for (int i = 0; i < n; i++) {
            if (TopicClusterer.dot(centred.get(i), centred.get(a)) < TopicClusterer.dot(centred.get(b), centred.get(a))) {
                b = i;
            }
        }
        float[] ca = centred.get(a).clone();
        float[] cb = centred.get(b).clone();
        int[] side = new int[n];
        for (int it = 0; it < 10; it++) {
            double[] sa = new double[d];
            double[] sb = new double[d];
            for (int i = 0; i < n; i++) {
                float[] v = centred.get(i);
                side[i] = TopicClusterer.dot(v, ca) >= TopicClusterer.dot(v, cb) ? 0 : 1;
                double[] s = side[i] == 0 ? sa : sb;
                for (int k = 0; k < d; k++) {
                    s[k] += v[k];
                }
            }
            for (int k = 0; k < d; k++) {
                ca[k] = (float) sa[k];
                cb[k] = (float) sb[k];
            }
        }
        return side;
    }

    private Object lock(long draftId) {
        return locks.computeIfAbsent(draftId, k -> new Object());
    }

    private static KaimenException notFound() {
        return new KaimenException(HttpStatus.NOT_FOUND, "topics.error.not-found");
    }

    private static String user() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }

    private static String literal(float[] v) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? "," : "").append(v[i]);
        }
        return sb.append('}').toString();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }
}
