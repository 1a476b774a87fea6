package org.kaimen.comments.internal.importing;

import java.util.Map;
import java.util.Optional;

/** What the commenter wants done with the provision. */
public enum Stance {
    /** Agrees with the provision as drafted (支持, 赞成). */
    SUPPORT,
    /** Objects to the provision (反对). */
    OPPOSE,
    /** Wants the provision reworded (修改, 建议修改). */
    MODIFY,
    /** Asks what the provision means or how it will work (疑问, 询问, 提问). */
    QUESTION;

    private static final Map<String, Stance> LABELS = Map.ofEntries(
            Map.entry("支持", SUPPORT),
            Map.entry("赞成", SUPPORT),
            Map.entry("SUPPORT", SUPPORT),
            Map.entry("反对", OPPOSE),
            Map.entry("OPPOSE", OPPOSE),
            Map.entry("修改", MODIFY),
            Map.entry("建议修改", MODIFY),
            Map.entry("MODIFY", MODIFY),
            Map.entry("疑问", QUESTION),
            Map.entry("询问", QUESTION),
            Map.entry("提问", QUESTION),
            Map.entry("QUESTION", QUESTION));

    /** Reads a stance as a clerk writes it: a Chinese word or the enum name, in any case or width. */
    static Optional<Stance> fromLabel(String label) {
        return Optional.ofNullable(LABELS.get(Text.enumKey(label)));
    }
}
