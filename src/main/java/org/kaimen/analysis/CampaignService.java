package org.kaimen.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.concurrent.ConcurrentHashMap;
import org.kaimen.analysis.internal.campaigns.CampaignDetector;
import org.kaimen.analysis.internal.campaigns.TemplateDiff;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.IndexableComment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Campaign (form-letter) detection per draft with MinHash/LSH over character shingles, kept in memory and updated
 * as comments arrive; after a restart a draft's detector is rebuilt from PostgreSQL on first use.
 */
@Service
public class CampaignService {

    /** What changed when a comment was added: its campaign, and members whose campaign id changed with it. */
    public record Update(Long campaignId, Map<Long, Long> changedMembers) {
    }

    private static final int PAGE = 2000;
    private final CommentService comments;
    private final CampaignDetector.Config config;
    private final Map<Long, CampaignDetector> detectors = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, Long>> published = new ConcurrentHashMap<>();
    private final TemplateDiff templateDiff = new TemplateDiff();

    public CampaignService(CommentService comments,
                           @Value("${kaimen.analysis.campaign-threshold:0.6}") double threshold,
                           @Value("${kaimen.analysis.campaign-min-size:3}") int minSize) {
        this.comments = comments;
        this.config = CampaignDetector.Config.defaults().withThreshold(threshold).withExactThreshold(threshold)
                .withMinSize(minSize);
    }

    /** Adds (or, for hidden comments, removes) a comment; idempotent, so a redelivered event changes nothing. */
    public Update accept(IndexableComment c) {
        if (c.parentId() != null) {
            return new Update(null, Map.of());
        }
        CampaignDetector detector = detector(c.draftId());
        synchronized (detector) {
            if (c.status() == CommentStatus.HIDDEN) {
                detector.remove(c.id());
            } else if (!detector.contains(c.id())) {
                detector.add(c.id(), c.text(), c.authorKey());
            }
            return new Update(detector.campaignOf(c.id()), changes(c.draftId(), detector));
        }
    }

    public Long campaignOf(long draftId, long commentId) {
        CampaignDetector detector = detector(draftId);
        synchronized (detector) {
            return detector.campaignOf(commentId);
        }
    }

    @PreAuthorize("hasAnyRole('DRAFTER','ADMIN')")
    public List<Campaign> campaigns(long draftId) {
        CampaignDetector detector = detector(draftId);
        List<CampaignDetector.Campaign> found;
        synchronized (detector) {
            found = detector.campaigns();
        }
        Map<Long, String> texts = texts(draftId);
        List<Campaign> out = new ArrayList<>();
        for (CampaignDetector.Campaign c : found) {
            out.add(new Campaign(c.id(), c.size(), texts.getOrDefault(c.canonicalCommentId(), ""), c.memberIds()));
        }
        out.sort((a, b) -> Integer.compare(b.size(), a.size()));
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

    private CampaignDetector detector(long draftId) {
        return detectors.computeIfAbsent(draftId, id -> {
            CampaignDetector d = new CampaignDetector(config);
            long after = 0;
            List<IndexableComment> page;
            do {
                page = comments.indexableOfDraft(id, after, PAGE);
                for (IndexableComment c : page) {
                    if (c.status() != CommentStatus.HIDDEN) {
                        d.add(c.id(), c.text(), c.authorKey());
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
    private Map<Long, Long> changes(long draftId, CampaignDetector detector) {
        Map<Long, Long> now = new HashMap<>();
        for (CampaignDetector.Campaign c : detector.campaigns()) {
            c.memberIds().forEach(m -> now.put(m, c.id()));
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
