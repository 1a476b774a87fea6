package org.kaimen.comments.internal;

import java.util.HashMap;
import java.util.Map;
import org.kaimen.comments.CommentService;
import org.kaimen.drafts.ProvisionActivity;
import org.springframework.stereotype.Component;

/** Tells the reading view how many comments each article has, for its quiet heat marks. */
@Component
class CommentActivity implements ProvisionActivity {

    private final CommentService comments;

    CommentActivity(CommentService comments) {
        this.comments = comments;
    }

    @Override
    public Map<String, Integer> commentCountsByArticle(long draftId) {
        Map<String, Integer> out = new HashMap<>();
        comments.byArticle(draftId).forEach((k, v) -> out.put(k, v.intValue()));
        return out;
    }
}
