package org.kaimen.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.ConcurrentHashMap;
import org.kaimen.analysis.internal.Embeddings;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
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
 * with shared shingles for mail-merge copies that swap words. Kept in memory and updated as comments arrive; after a
 * restart a draft's state is rebuilt from PostgreSQL (vectors included, stored there) on first use.
 */
@Service
public class CampaignService {

    /** What changed when a comment was added: its campaign, and members whose campaign id changed with it. */
    public record Update(Long campaignId, Map<Long, Long> changedMembers) {
    }

    private static final int PAGE = 2000;
    private final CommentService comments;
    private final Embeddings embeddings;
    private final CampaignDetector.Config config;
    private final double minCosine;
    private final double minJaccard;
    private final Map<Long, HybridCampaigns> detectors = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, Long>> published = new ConcurrentHashMap<>();
    private final TemplateDiff templateDiff = new TemplateDiff();

    public CampaignService(CommentService comments, Embeddings embeddings,
                           @Value("${kaimen.analysis.campaign-threshold:0.6}") double threshold,
                           @Value("${kaimen.analysis.campaign-min-size:3}") int minSize,
                           @Value("${kaimen.analysis.campaign-min-cosine:0.88}") double minCosine,
                           @Value("${kaimen.analysis.campaign-min-shared-shingles:0.30}") double minJaccard) {
        this.comments = comments;
        this.embeddings = embeddings;
        this.minCosine = minCosine;
        this.minJaccard = minJaccard;
        this.config = CampaignDetector.Config.defaults().withThreshold(threshold).withExactThreshold(threshold)
                .withMinSize(minSize);
    }

    /** Adds (or, for hidden comments, removes) a comment; idempotent, so a redelivered event changes nothing. */
    public Update accept(IndexableComment c) {
        if (c.parentId() != null) {
            return new Update(null, Map.of());
        }
        HybridCampaigns detector = detector(c.draftId());
        float[] vector = c.status() == CommentStatus.HIDDEN ? null : embeddings.forComment(c.id(), c.text());
        synchronized (detector) {
            if (c.status() == CommentStatus.HIDDEN) {
                detector.remove(c.id());
            } else if (!detector.contains(c.id())) {
                detector.add(c.id(), c.text(), c.authorKey(), vector);
            }
            Map<Long, Long> changes = changes(c.draftId(), detector);
            return new Update(campaignOf(detector, c.id()), changes);
        }
    }

    public Long campaignOf(long draftId, long commentId) {
        HybridCampaigns detector = detector(draftId);
        synchronized (detector) {
            return campaignOf(detector, commentId);
        }
    }

    /** Every campaign member of a draft with its campaign id, in one pass (campaignOf per comment would be quadratic). */
    public Map<Long, Long> membership(long draftId) {
        HybridCampaigns detector = detector(draftId);
        Map<Long, Long> out = new HashMap<>();
        synchronized (detector) {
            detector.groups().forEach(g -> g.memberIds().forEach(m -> out.put(m, g.id())));
        }
        return out;
    }

    private static Long campaignOf(HybridCampaigns detector, long commentId) {
        return detector.groups().stream().filter(g -> g.memberIds().contains(commentId)).map(HybridCampaigns.Group::id)
                .findFirst().orElse(null);
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Campaign> campaigns(long draftId) {
        HybridCampaigns detector = detector(draftId);
        List<HybridCampaigns.Group> found;
        synchronized (detector) {
            found = detector.groups();
        }
        Map<Long, String> texts = texts(draftId);
        List<Campaign> out = new ArrayList<>();
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
        Map<Long, String> texts = texts(draftId);
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
        published.clear();
    }

    private HybridCampaigns detector(long draftId) {
        return detectors.computeIfAbsent(draftId, id -> {
            HybridCampaigns d = new HybridCampaigns(config, minCosine, minJaccard);
            long after = 0;
            List<IndexableComment> page;
            do {
                page = comments.indexableOfDraft(id, after, PAGE);
                for (IndexableComment c : page) {
                    if (c.status() != CommentStatus.HIDDEN) {
                        d.add(c.id(), c.text(), c.authorKey(), embeddings.forComment(c.id(), c.text()));
                    }
                }
                after = page.isEmpty() ? after : page.get(page.size() - 1).id();
            } while (page.size() == PAGE);
            return d;
        });
    }

    /**
     * Records that the index now has these members' campaigns. Called only after the writes succeeded, so a failed
     * (and later retried) indexing run reports the same changes again.
     */
    public void confirm(long draftId, Map<Long, Long> written) {
        Map<Long, Long> state = published.computeIfAbsent(draftId, k -> new ConcurrentHashMap<>());
        written.forEach((member, campaign) -> {
            if (campaign == null) {
                state.remove(member);
            } else {
                state.put(member, campaign);
            }
        });
    }

    /** Members whose campaign differs from what the index was last confirmed to have. */
    private Map<Long, Long> changes(long draftId, HybridCampaigns detector) {
        Map<Long, Long> now = new HashMap<>();
        for (HybridCampaigns.Group g : detector.groups()) {
            g.memberIds().forEach(m -> now.put(m, g.id()));
        }
        Map<Long, Long> before = published.computeIfAbsent(draftId, k -> new ConcurrentHashMap<>());
        Map<Long, Long> changed = new HashMap<>();
        now.forEach((m, id) -> {
            if (!id.equals(before.get(m))) {
                changed.put(m, id);
            }
        });
        before.keySet().stream().filter(m -> !now.containsKey(m)).forEach(m -> changed.put(m, null));
        return changed;
    }

    private Map<Long, String> texts(long draftId) {
        Map<Long, String> texts = new HashMap<>();
        long after = 0;
        List<IndexableComment> page;
        do {
            page = comments.indexableOfDraft(draftId, after, PAGE);
            page.forEach(c -> texts.put(c.id(), c.text()));
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return texts;
    }

}
