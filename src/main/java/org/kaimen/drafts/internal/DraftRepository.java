package org.kaimen.drafts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kaimen.drafts.DraftCounts;
import org.kaimen.drafts.DraftVersionInfo;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.internal.parsing.CitationLabels;
import org.kaimen.drafts.internal.parsing.ParsedProvision;
import org.kaimen.shared.infra.ShortCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DraftRepository {

    /** The stored draft row; state and days left are derived from it by the service. */
    public record DraftRow(long id, String title, String summary, String draftingDepartment, OffsetDateTime opensAt,
                           OffsetDateTime closesAt, OffsetDateTime adoptedAt, OffsetDateTime closedAnnouncedAt,
                           boolean allowAnonymous, boolean showComments, int currentVersion) {
    }

    /** A provision row without children, with the version it belongs to. */
    public record ProvisionRow(long id, long versionId, long draftId, Long parentId, String kind, int number, String key,
                               String label, String heading, String text, int versionNumber) {
    }

    private static final String DRAFT_COLUMNS = """
            d.id, d.title, d.summary, d.drafting_department, d.opens_at, d.closes_at, d.adopted_at,
            d.closed_announced_at, d.allow_anonymous, d.show_comments,
            coalesce((SELECT max(v.number) FROM draft_version v WHERE v.draft_id = d.id), 0) AS current_version""";

    /*
     * Explicit mappers: mapping a record by its component names (query(DraftRow.class)) first asks the driver for a
     * camelCase column, which throws and fills a stack trace per column and row before the snake_case name is tried;
     * on the submission path that was a third of the request's CPU.
     */
    private static final org.springframework.jdbc.core.RowMapper<DraftRow> DRAFT_ROW = (rs, n) -> new DraftRow(
            rs.getLong("id"), rs.getString("title"), rs.getString("summary"), rs.getString("drafting_department"),
            rs.getObject("opens_at", OffsetDateTime.class), rs.getObject("closes_at", OffsetDateTime.class),
            rs.getObject("adopted_at", OffsetDateTime.class), rs.getObject("closed_announced_at", OffsetDateTime.class),
            rs.getBoolean("allow_anonymous"), rs.getBoolean("show_comments"), rs.getInt("current_version"));
    private static final org.springframework.jdbc.core.RowMapper<ProvisionRow> PROVISION_ROW = (rs, n) ->
            new ProvisionRow(rs.getLong("id"), rs.getLong("version_id"), rs.getLong("draft_id"),
                    rs.getObject("parent_id", Long.class), rs.getString("kind"), rs.getInt("number"),
                    rs.getString("key"), rs.getString("label"), rs.getString("heading"), rs.getString("text"),
                    rs.getInt("version_number"));

    private final JdbcClient jdbc;
    /*
     * Every comment submission reads its draft (is it open?) and the provision it is about. Draft rows change rarely
     * (period, metadata, a new version, the closing announcement; every such write below invalidates), and the state
     * is derived from the row at the time of asking, so a cached row still closes on time.
     */
    private final ShortCache<Long, DraftRow> draftRows;
    /*
     * Provision rows are never updated or deleted once stored; the cache is emptied when a tree is stored, so that a
     * row read inside a publishing transaction that then rolls back is not served afterwards.
     */
    private final ShortCache<Long, ProvisionRow> provisionRows;

    public DraftRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.draftRows = new ShortCache<>(Duration.ofSeconds(5), 1_000, clock);
        this.provisionRows = new ShortCache<>(Duration.ofMinutes(10), 50_000, clock);
    }

    public long insertDraft(String title, String summary, String department, String createdBy, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO draft (title, summary, drafting_department, created_by, created_at, updated_at)
                        VALUES (:title, :summary, :dept, :by, :now, :now) RETURNING id""")
                .param("title", title).param("summary", summary).param("dept", department).param("by", createdBy)
                .param("now", now).query(Long.class).single();
    }

    public Optional<DraftRow> find(long id) {
        return Optional.ofNullable(draftRows.get(id, key -> load(key).orElse(null)));
    }

    private Optional<DraftRow> load(long id) {
        return jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM draft d WHERE d.id = :id").param("id", id)
                .query(DRAFT_ROW).optional();
    }

    /** For update: serialises version publishing and period changes of one draft. */
    public Optional<DraftRow> lock(long id) {
        jdbc.sql("SELECT id FROM draft WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        // The caller is about to change the draft: it needs the row as it is now, not as cached.
        draftRows.invalidate();
        return load(id);
    }

    public List<DraftRow> all() {
        return jdbc.sql("SELECT " + DRAFT_COLUMNS + " FROM draft d ORDER BY d.id DESC").query(DRAFT_ROW).list();
    }

    public List<DraftRow> closedButNotAnnounced(OffsetDateTime now) {
        return jdbc.sql("SELECT " + DRAFT_COLUMNS + """
                         FROM draft d WHERE d.closes_at <= :now AND d.closed_announced_at IS NULL
                        FOR UPDATE SKIP LOCKED""")
                .param("now", now).query(DRAFT_ROW).list();
    }

    public List<Long> closedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("SELECT id FROM draft WHERE closes_at <= :cutoff ORDER BY id").param("cutoff", cutoff)
                .query(Long.class).list();
    }

    public void markClosedAnnounced(long id, OffsetDateTime now) {
        draftRows.invalidate();
        jdbc.sql("UPDATE draft SET closed_announced_at = :now WHERE id = :id").param("now", now).param("id", id)
                .update();
    }

    public void updateMetadata(long id, String title, String summary, String department, boolean allowAnonymous,
                               boolean showComments, OffsetDateTime now) {
        draftRows.invalidate();
        jdbc.sql("""
                        UPDATE draft SET title = :title, summary = :summary, drafting_department = :dept,
                               allow_anonymous = :anon, show_comments = :show, updated_at = :now WHERE id = :id""")
                .param("title", title).param("summary", summary).param("dept", department)
                .param("anon", allowAnonymous).param("show", showComments).param("now", now).param("id", id)
                .update();
    }

    public void updatePeriod(long id, OffsetDateTime opensAt, OffsetDateTime closesAt, OffsetDateTime now) {
        draftRows.invalidate();
        jdbc.sql("""
                        UPDATE draft SET opens_at = :opens, closes_at = :closes, updated_at = :now,
                               closed_announced_at = CASE WHEN :closes > :now THEN NULL ELSE closed_announced_at END
                        WHERE id = :id""")
                .param("opens", opensAt).param("closes", closesAt).param("now", now).param("id", id).update();
    }

    public void markAdopted(long id, OffsetDateTime now) {
        draftRows.invalidate();
        jdbc.sql("UPDATE draft SET adopted_at = :now, updated_at = :now WHERE id = :id").param("now", now)
                .param("id", id).update();
    }

    public long insertVersion(long draftId, int number, String label, String title, String preamble,
                              String explanation, String source, DraftCounts c, String createdBy,
                              OffsetDateTime now) {
        draftRows.invalidate();
        return jdbc.sql("""
                        INSERT INTO draft_version (draft_id, number, label, title, preamble, explanation, source_text,
                            chapters, sections, articles, paragraphs, items, subitems, created_by, published_at)
                        VALUES (:draft, :number, :label, :title, :preamble, :explanation, :source,
                            :chapters, :sections, :articles, :paragraphs, :items, :subitems, :by, :now)
                        RETURNING id""")
                .param("draft", draftId).param("number", number).param("label", label).param("title", title)
                .param("preamble", preamble).param("explanation", explanation).param("source", source)
                .param("chapters", c.chapters()).param("sections", c.sections()).param("articles", c.articles())
                .param("paragraphs", c.paragraphs()).param("items", c.items()).param("subitems", c.subitems())
                .param("by", createdBy).param("now", now)
                .query(Long.class).single();
    }

    public List<DraftVersionInfo> versions(long draftId) {
        return jdbc.sql("""
                        SELECT id, number, label, title, preamble, explanation, published_at,
                               chapters, sections, articles, paragraphs, items, subitems
                        FROM draft_version WHERE draft_id = :draft ORDER BY number""")
                .param("draft", draftId)
                .query((rs, i) -> new DraftVersionInfo(rs.getLong("id"), rs.getInt("number"), rs.getString("label"),
                        rs.getString("title"), rs.getString("preamble"), rs.getString("explanation"),
                        rs.getObject("published_at", OffsetDateTime.class),
                        new DraftCounts(rs.getInt("chapters"), rs.getInt("sections"), rs.getInt("articles"),
                                rs.getInt("paragraphs"), rs.getInt("items"), rs.getInt("subitems"))))
                .list();
    }

    public Optional<String> sourceText(long draftId, int version) {
        return jdbc.sql("SELECT source_text FROM draft_version WHERE draft_id = :d AND number = :n")
                .param("d", draftId).param("n", version).query(String.class).optional();
    }

    /**
     * Stores a parsed tree in document order.
     *
     * @return provision ids by key
     */
    public Map<String, Long> insertTree(long draftId, long versionId, List<ParsedProvision> roots) {
        provisionRows.invalidate();
        Map<String, Long> ids = new LinkedHashMap<>();
        int[] position = {0};
        for (ParsedProvision root : roots) {
            insert(draftId, versionId, null, new ArrayList<>(List.of(root)), ids, position);
        }
        return ids;
    }

    private void insert(long draftId, long versionId, Long parentId, List<ParsedProvision> path,
                        Map<String, Long> ids, int[] position) {
        ParsedProvision p = path.get(path.size() - 1);
        String key = unique(CitationLabels.key(path), ids.keySet());
        long id = jdbc.sql("""
                        INSERT INTO provision (version_id, draft_id, parent_id, position, kind, number, key, label,
                                               heading, text)
                        VALUES (:version, :draft, :parent, :position, :kind, :number, :key, :label, :heading, :text)
                        RETURNING id""")
                .param("version", versionId).param("draft", draftId).param("parent", parentId)
                .param("position", position[0]++).param("kind", p.kind().name()).param("number", p.number())
                .param("key", key).param("label", CitationLabels.label(path)).param("heading", p.heading())
                .param("text", p.text())
                .query(Long.class).single();
        ids.put(key, id);
        for (ParsedProvision child : p.children()) {
            path.add(child);
            insert(draftId, versionId, id, path, ids, position);
            path.remove(path.size() - 1);
        }
    }

    /** A repeated number (reported as an anomaly) must not make a second provision unreachable. */
    private static String unique(String key, Set<String> taken) {
        if (!taken.contains(key)) {
            return key;
        }
        int n = 2;
        while (taken.contains(key + "~" + n)) {
            n++;
        }
        return key + "~" + n;
    }

    /**
     * Published versions never change, so their trees are cached: the reading view, comment labels and provision
     * resolution ask for the same few trees all day.
     */
    private final Map<Long, List<Provision>> trees = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, List<Provision>> eldest) {
                    return size() > 64;
                }
            });

    /** The provision tree of one version. */
    public List<Provision> tree(long versionId) {
        List<Provision> cached = trees.get(versionId);
        if (cached != null) {
            return cached;
        }
        List<Provision> tree = loadTree(versionId);
        if (!tree.isEmpty()) {
            trees.put(versionId, tree);
        }
        return tree;
    }

    private List<Provision> loadTree(long versionId) {
        List<ProvisionRow> rows = jdbc.sql("""
                        SELECT p.id, p.version_id, p.draft_id, p.parent_id, p.kind, p.number, p.key, p.label,
                               p.heading, p.text, v.number AS version_number
                        FROM provision p JOIN draft_version v ON v.id = p.version_id
                        WHERE p.version_id = :version ORDER BY p.position""")
                .param("version", versionId).query(PROVISION_ROW).list();
        Map<Long, List<ProvisionRow>> children = new HashMap<>();
        List<ProvisionRow> roots = new ArrayList<>();
        for (ProvisionRow r : rows) {
            if (r.parentId() == null) {
                roots.add(r);
            } else {
                children.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
            }
        }
        return roots.stream().map(r -> build(r, children)).toList();
    }

    private static Provision build(ProvisionRow r, Map<Long, List<ProvisionRow>> children) {
        return new Provision(r.id(), Provision.Kind.valueOf(r.kind()), r.number(), r.key(), r.label(), r.heading(),
                r.text(), children.getOrDefault(r.id(), List.of()).stream().map(c -> build(c, children)).toList());
    }

    public Optional<ProvisionRow> provision(long id) {
        return Optional.ofNullable(provisionRows.get(id, key -> loadProvision(key).orElse(null)));
    }

    private Optional<ProvisionRow> loadProvision(long id) {
        return jdbc.sql("""
                        SELECT p.id, p.version_id, p.draft_id, p.parent_id, p.kind, p.number, p.key, p.label,
                               p.heading, p.text, v.number AS version_number
                        FROM provision p JOIN draft_version v ON v.id = p.version_id WHERE p.id = :id""")
                .param("id", id).query(PROVISION_ROW).optional();
    }

    public void link(long oldId, long newId, double similarity) {
        jdbc.sql("""
                        INSERT INTO provision_link (old_id, new_id, similarity) VALUES (:old, :new, :sim)
                        ON CONFLICT (old_id, new_id) DO NOTHING""")
                .param("old", oldId).param("new", newId).param("sim", similarity).update();
    }

    /** The best continuation of a provision in the next version, if any. */
    public Optional<Long> successor(long oldId) {
        return jdbc.sql("SELECT new_id FROM provision_link WHERE old_id = :id ORDER BY similarity DESC, new_id LIMIT 1")
                .param("id", oldId).query(Long.class).optional();
    }

}
