package org.kaimen.feedback.internal.export;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kaimen.comments.Channel;
import org.kaimen.comments.Stance;
import org.kaimen.feedback.Disposition;
import org.springframework.context.MessageSource;

/**
 * The words of the exports, from the i18n bundles. The exports are documents of a Chinese people's congress, so they
 * are written in Chinese whatever the caller's language.
 */
final class Labels {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LOCALE);
    }

    String channel(Channel channel) {
        return channel == null ? "" : get("comments.channel." + channel.name());
    }

    String stance(Stance stance) {
        return stance == null ? "" : get("comments.stance." + stance.name());
    }

    String disposition(Disposition disposition) {
        return disposition == null ? "" : get("feedback.disposition." + disposition.name());
    }

    String date(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern(get("feedback.export.date-pattern"), LOCALE));
    }

    /**
     * "网上2条，信件1条": the counts of a map keyed by enum names, in the enum's order, zeros left out.
     *
     * @param unitKey {@code feedback.export.count-comments} or {@code feedback.export.count-opinions}
     */
    <E extends Enum<E>> String counts(Map<String, Long> counts, E[] order, String labelPrefix, String unitKey) {
        List<String> parts = new ArrayList<>();
        for (E e : order) {
            long n = counts.getOrDefault(e.name(), 0L);
            if (n > 0) {
                parts.add(get(unitKey, get(labelPrefix + e.name()), String.valueOf(n)));
            }
        }
        return String.join(get("feedback.export.separator"), parts);
    }
}
