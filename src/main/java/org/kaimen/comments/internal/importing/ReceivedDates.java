package org.kaimen.comments.internal.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the day a comment was received, in the ways Chinese offices write dates. */
final class ReceivedDates {

    // A time after the date is tolerated because date-time cells and copied timestamps carry one; it is dropped.
    private static final String TIME = "(?:[\\sT]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?";
    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?" + TIME);
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private ReceivedDates() {
    }

    /** 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日, 20261103 (an Excel date cell arrives as ISO text). */
    static Optional<LocalDate> parse(String value) {
        String folded = Text.fold(Text.clean(value));
        Matcher matcher = SEPARATED.matcher(folded);
        if (!matcher.matches()) {
            matcher = COMPACT.matcher(folded);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException impossibleDay) {
            return Optional.empty();
        }
    }
}
