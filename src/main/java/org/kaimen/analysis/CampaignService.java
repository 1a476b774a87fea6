package org.kaimen.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.ConcurrentHashMap;
import org.kaimen.analysis.internal.Embeddings;
import org.kaimen.analysis.elasticsearch.CommentIndex;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
import org.kaimen.analysis.internal.campaigns.CampaignLinks;
import org.kaimen.analysis.internal.campaigns.HybridCampaigns;
import org.kaimen.analysis.internal.campaigns.TemplateDiff;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.IndexableComment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Campaign (form-letter) detection per draft: MinHash/LSH over character shingles for copies, plus sentence vectors
 * with shared shingles for mail-merge copies that swap words. Kept in memory and updated as comments arrive. After a
 * restart a draft's state is rebuilt from PostgreSQL on first use: the shingle detector from the texts, the vector
 * links from the stored pairs, so only comments whose neighbours were never searched are searched again.
 */
@Service
public class CampaignService {

    /** What changed when a comment was added: its campaign, and members whose campaign id changed with it. */
    public record Update(Long campaignId, Map<Long, Long> changedMembers) {
    }

    private final CommentService comments;
    private final Embeddings embeddings;
    private final CampaignLinks links;
    private final CommentIndex index;
    private final CampaignDetector.Config config;
    private final double minCosine;
    private final double minJaccard;
    private final int memoryLimit;
    private final Map<Long, HybridCampaigns> detectors = new ConcurrentHashMap<>();
    // Changes not yet confirmed written to the index; reported again until they are, so a failed write is retried.
    private final Map<Long, Map<Long, Long>> pending = new ConcurrentHashMap<>();
    private final TemplateDiff templateDiff = new TemplateDiff();

    public CampaignService(CommentService comments, Embeddings embeddings, CampaignLinks links,
                           CommentIndex index,
                           @Value("${kaimen.analysis.campaign-threshold:0.6}") double threshold,
                           @Value("${kaimen.analysis.campaign-min-size:3}") int minSize,
                           @Value("${kaimen.analysis.campaign-min-cosine:0.88}") double minCosine,
                           @Value("${kaimen.analysis.campaign-min-shared-shingles:0.30}") double minJaccard,
                           @Value("${kaimen.analysis.campaign-vectors-in-memory:10000}") int memoryLimit) {
        this.comments = comments;
        this.embeddings = embeddings;
        this.links = links;
        this.index = index;
        this.minCosine = minCosine;
        this.minJaccard = minJaccard;
        this.memoryLimit = memoryLimit;
        this.config = CampaignDetector.Config.defaults().withThreshold(threshold).withExactThreshold(threshold)
                .withMinSize(minSize);
    }

    /** Adds (or, for hidden comments, removes) a comment; idempotent, so a redelivered event changes nothing. */
    public Update accept(IndexableComment c) {
        if (c.parentId() != null) {
            return new Update(null, Map.of());
        }
        HybridCampaigns detector = detector(c.draftId());
        // No database work while holding the detector: a listener's transaction keeps the row of its comment's
        // vector locked until it commits, and waiting for that row inside the monitor (the catch-up taking the same
        // comment) while the listener waits for the monitor would deadlock.
        float[] vector = c.status() == CommentStatus.HIDDEN ? null : embeddings.forComment(c.id(), c.text());
        List<Long> linked = null;
        Update update;
        synchronized (detector) {
            if (c.status() == CommentStatus.HIDDEN) {
                detector.remove(c.id());
            } else if (!detector.contains(c.id())) {
                linked = detector.add(c.id(), c.text(), c.authorKey(), vector);
            }
            Map<Long, Long> changes = pending.computeIfAbsent(c.draftId(), k -> new ConcurrentHashMap<>());
            detector.drainChanges().forEach((member, campaign) -> changes.put(member, campaign == null ? NONE : campaign));
            Map<Long, Long> report = new HashMap<>();
            changes.forEach((member, campaign) -> report.put(member, campaign == NONE ? null : campaign));
            update = new Update(detector.campaignOf(c.id()), report);
        }
        if (linked != null) {
            links.save(c.draftId(), c.id(), linked);
        }
        return update;
    }

    /**
     * Whether this instance's detector already reflects the comment (present if visible, absent if hidden). Drafts
     * not yet loaded count as known: loading reads everything from PostgreSQL.
     */
    public boolean knows(IndexableComment c) {
        if (c.parentId() != null) {
            return true;
        }
        HybridCampaigns detector = detectors.get(c.draftId());
        return detector == null || knows(detector, c);
    }

    private static boolean knows(HybridCampaigns detector, IndexableComment c) {
        synchronized (detector) {
            return detector.contains(c.id()) == (c.status() != CommentStatus.HIDDEN);
        }
    }

    /** Marks "no campaign" in the pending map, which cannot hold nulls. */
    private static final Long NONE = -1L;

    /**
     * The comment's campaign as this instance knows it now, without loading a draft's detector (that reads the whole
     * draft): for the quick text write, which the analysis that follows corrects if need be.
     */
    public Long campaignIfLoaded(IndexableComment c) {
        HybridCampaigns detector = c.parentId() == null ? detectors.get(c.draftId()) : null;
        if (detector == null) {
            return null;
        }
        synchronized (detector) {
            return detector.campaignOf(c.id());
        }
    }

    public Long campaignOf(long draftId, long commentId) {
        HybridCampaigns detector = detector(draftId);
        synchronized (detector) {
            return detector.campaignOf(commentId);
        }
    }

    /** Every campaign member of a draft with its campaign id. */
    public Map<Long, Long> membership(long draftId) {
        HybridCampaigns detector = detector(draftId);
        synchronized (detector) {
            return detector.state();
        }
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Campaign> campaigns(long draftId) {
        HybridCampaigns detector = detector(draftId);
        List<HybridCampaigns.Group> found;
        synchronized (detector) {
            found = detector.groups();
        }
        List<Campaign> out = new ArrayList<>();
        Map<Long, String> texts = texts(draftId, found.stream().map(HybridCampaigns.Group::canonicalId).toList());
        for (HybridCampaigns.Group g : found) {
            out.add(new Campaign(g.id(), g.memberIds().size(), texts.getOrDefault(g.canonicalId(), ""), g.memberIds()));
        }
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return out;
    }

    /** The members of one campaign, each with what it adds beyond the template. */
    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<CampaignMember> members(long draftId, long campaignId) {
        Campaign campaign = campaigns(draftId).stream().filter(c -> c.id() == campaignId).findFirst().orElse(null);
        if (campaign == null) {
            return List.of();
        }
        Map<Long, String> texts = texts(draftId, campaign.commentIds());
        List<CampaignMember> out = new ArrayList<>();
        for (long id : campaign.commentIds()) {
            String text = texts.getOrDefault(id, "");
            out.add(new CampaignMember(id, text, additions(campaign.canonicalText(), text)));
        }
        return out;
    }

    /** What a member adds beyond its campaign's template, as character spans of its text. */
    public List<int[]> additions(String canonical, String member) {
        return templateDiff.additions(canonical, member).stream().map(s -> new int[] {s.start(), s.end()}).toList();
    }

    /** Forgets the in-memory state (after an index rebuild, or in tests). */
    public void reset() {
        detectors.clear();
        pending.clear();
    }

    private HybridCampaigns detector(long draftId) {
        return detectors.computeIfAbsent(draftId, this::load);
    }

    private HybridCampaigns load(long draftId) {
        HybridCampaigns d = new HybridCampaigns(config, minCosine, minJaccard, memoryLimit,
                neighboursFor(draftId));
        List<IndexableComment> all = comments.visibleOfDraft(draftId);
        List<Long> ids = all.stream().map(IndexableComment::id).toList();
        java.util.Set<Long> checked = links.checked(ids);
        boolean inMemory = all.size() <= memoryLimit;
        Map<Long, float[]> vectors = new HashMap<>();
        Map<Long, String> texts = new HashMap<>();
        for (IndexableComment c : all) {
            if (inMemory || !checked.contains(c.id())) {
                texts.put(c.id(), c.text());
            }
        }
        vectors.putAll(embeddings.forComments(texts));
        for (IndexableComment c : all) {
            d.add(c.id(), c.text(), c.authorKey(), inMemory ? vectors.get(c.id()) : null, false);
        }
        for (long[] link : links.links(draftId)) {
            d.link(link[0], link[1]);
        }
        for (IndexableComment c : all) {
            if (!checked.contains(c.id())) {
                links.save(draftId, c.id(), d.linkNeighbours(c.id(), vectors.get(c.id())));
            }
        }
        // The index already has the campaign ids written before the restart; what loading found is not news.
        d.drainChanges();
        return d;
    }

    /**
     * Near copies from the index's kNN. The index quantizes vectors (int8 HNSW), so it is asked with some slack and
     * each candidate's exact cosine is checked against the stored vector: the threshold means the same as in memory.
     */
    HybridCampaigns.Neighbours neighboursFor(long draftId) {
        return (id, vector, min) -> neighbours(draftId, id, vector, min);
    }

    private List<Long> neighbours(long draftId, long id, float[] vector, double minCosine) {
        try {
            List<Long> candidates = index.nearest(draftId, id, vector, minCosine - KNN_SLACK, 50);
            Map<Long, float[]> stored = embeddings.storedVectors(candidates);
            return candidates.stream().filter(c -> stored.containsKey(c)
                    && Embeddings.cosine(vector, stored.get(c)) >= minCosine).toList();
        } catch (java.io.IOException e) {
            // The caller (indexing) fails and is retried from the event registry.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final double KNN_SLACK = 0.03;

    /**
     * Records that the index now has these members' campaigns. Called only after the writes succeeded, so a failed
     * (and later retried) indexing run reports the same changes again.
     */
    public void confirm(long draftId, Map<Long, Long> written) {
        Map<Long, Long> changes = pending.get(draftId);
        if (changes == null) {
            return;
        }
        written.forEach((member, campaign) -> changes.remove(member, campaign == null ? NONE : campaign));
    }

    private Map<Long, String> texts(long draftId, List<Long> ids) {
        Map<Long, String> texts = new HashMap<>();
        comments.indexable(ids).stream().filter(c -> c.draftId() == draftId).forEach(c -> texts.put(c.id(), c.text()));
        return texts;
    }
}
