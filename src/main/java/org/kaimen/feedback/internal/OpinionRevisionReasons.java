package org.kaimen.feedback.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.Provision;
import org.kaimen.drafts.RevisionReasons;
import org.kaimen.feedback.FeedbackService;
import org.kaimen.feedback.Opinion;
import org.kaimen.feedback.OpinionState;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The opinions behind each change of a version. The public sees them once the report is published (until then a
 * disposition is not final); staff see approved and proposed ones while they work.
 */
@Component
class OpinionRevisionReasons implements RevisionReasons {

    private final OpinionRepository opinions;
    private final FeedbackService feedback;
    private final DraftService drafts;

    OpinionRevisionReasons(OpinionRepository opinions, FeedbackService feedback, DraftService drafts) {
        this.opinions = opinions;
        this.feedback = feedback;
        this.drafts = drafts;
    }

    @Override
    public Map<String, List<Reason>> reasons(long draftId, int version) {
        boolean staff = isStaff();
        if (!staff && !feedback.isPublished(draftId)) {
            return Map.of();
        }
        Map<Long, String> articleOf = new HashMap<>();
        walk(drafts.tree(draftId, version), null, articleOf);
        Map<String, List<Reason>> out = new LinkedHashMap<>();
        for (Opinion o : opinions.ofDraft(draftId)) {
            if (o.changedProvisionId() == null || o.disposition() == null
                    || (o.state() != OpinionState.APPROVED && !(staff && o.state() == OpinionState.PROPOSED))) {
                continue;
            }
            String article = articleOf.get(o.changedProvisionId());
            if (article != null) {
                out.computeIfAbsent(article, k -> new ArrayList<>())
                        .add(new Reason(o.id(), o.summary(), o.disposition().name(), o.comments()));
            }
        }
        return out;
    }

    private static void walk(List<Provision> nodes, String article, Map<Long, String> out) {
        for (Provision p : nodes) {
            String a = p.kind() == Provision.Kind.ARTICLE ? p.key() : article;
            if (a != null) {
                out.put(p.id(), a);
            }
            walk(p.children(), a, out);
        }
    }

    private static boolean isStaff() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals("ROLE_DRAFTER")
                || g.getAuthority().equals("ROLE_ADMIN"));
    }
}
