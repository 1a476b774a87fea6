package org.kaimen.comments.internal;

import java.util.ArrayList;
import java.util.List;
import org.kaimen.comments.internal.moderation.NameMasker;
import org.kaimen.comments.internal.moderation.PiiMasker;
import org.kaimen.comments.internal.moderation.SensitiveWords;
import org.kaimen.comments.internal.moderation.SpamSignals;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What holds a comment for review (the administrators' sensitive-word list, spam signals) and what is masked before
 * anyone but staff sees it.
 */
@Component
public class ModerationRules {

    private final CommentRepository comments;
    private final PiiMasker pii = new PiiMasker();
    private final NameMasker names = new NameMasker();
    private final SpamSignals spam = new SpamSignals();
    private volatile SensitiveWords words = new SensitiveWords(List.of());

    ModerationRules(CommentRepository comments) {
        this.comments = comments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        reload(comments.sensitiveWords());
    }

    public void reload(List<String> list) {
        words = new SensitiveWords(list);
    }

    /** @return flags that hold the comment (SENSITIVE, SPAM); empty when it may be published at once */
    public List<String> assess(String text, String proposed) {
        List<String> flags = new ArrayList<>();
        if (words.containsAny(text) || (proposed != null && words.containsAny(proposed))) {
            flags.add("SENSITIVE");
        }
        if (spam.assess(text, proposed).isLikelySpam()) {
            flags.add("SPAM");
        }
        return flags;
    }

    public String maskText(String text) {
        return pii.mask(text).masked();
    }

    /** 张** for a Chinese name, Z*** for a Latin one. */
    public String maskName(String name) {
        return names.mask(name);
    }
}
