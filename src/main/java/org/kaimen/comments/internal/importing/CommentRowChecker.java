package org.kaimen.comments.internal.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one data row into a comment, or into the list of everything wrong with it. */
final class CommentRowChecker {

    static final int MAX_SHORT_VALUE = 200;
    private static final int MAX_ERROR_VALUE = 200;
    private static final LocalDate EARLIEST_RECEIVED = LocalDate.of(2000, 1, 1);

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()\\-.]+");

    /** Column index and header as written, for each field present in the file. */
    record Mapped(int index, String header) {
    }

    private final Map<Column, Mapped> columns;
    private final LocalDate today;

    CommentRowChecker(Map<Column, Mapped> columns, LocalDate today) {
        this.columns = columns;
        this.today = today;
    }

    /** Either a comment (and no errors) or errors (and an empty result). */
    Optional<ImportedComment> check(RawTable.Row row, List<RowError> errors) {
        List<RowError> found = new ArrayList<>();
        Checked checked = new Checked(row, found);

        Channel channel = checked.required(Column.CHANNEL, ImportMessageKey.CHANNEL_MISSING, ImportMessageKey.CHANNEL,
                Channel::fromLabel);
        String station = checked.optional(Column.STATION);
        if (channel == Channel.LIAISON_STATION && station == null) {
            // Without a station column the clerk can only fix this via the channel, so point there.
            Column where = columns.containsKey(Column.STATION) ? Column.STATION : Column.CHANNEL;
            checked.error(where, ImportMessageKey.STATION_MISSING, checked.value(where));
        }
        checked.notLongerThan(Column.STATION, station, MAX_SHORT_VALUE, ImportMessageKey.VALUE_TOO_LONG);

        ProvisionCitation provision = null;
        String citation = checked.optional(Column.PROVISION);
        if (citation != null) {
            provision = ProvisionCitation.parse(citation).orElse(null);
            if (provision == null) {
                checked.error(Column.PROVISION, ImportMessageKey.PROVISION, citation);
            }
        }

        Stance stance = checked.required(Column.STANCE, ImportMessageKey.STANCE_MISSING, ImportMessageKey.STANCE,
                Stance::fromLabel);

        String text = checked.optional(Column.TEXT);
        if (text == null) {
            checked.error(Column.TEXT, ImportMessageKey.TEXT_MISSING, "");
        }
        checked.notLongerThan(Column.TEXT, text, OfflineCommentReader.MAX_TEXT_LENGTH, ImportMessageKey.TEXT_TOO_LONG);
        String proposed = checked.optional(Column.PROPOSED);
        checked.notLongerThan(Column.PROPOSED, proposed, OfflineCommentReader.MAX_TEXT_LENGTH,
                ImportMessageKey.PROPOSED_TOO_LONG);

        String name = checked.optional(Column.NAME);
        checked.notLongerThan(Column.NAME, name, MAX_SHORT_VALUE, ImportMessageKey.VALUE_TOO_LONG);

        String phone = foldedOrNull(checked.optional(Column.PHONE));
        if (phone != null && !isPhone(phone)) {
            checked.error(Column.PHONE, ImportMessageKey.PHONE, phone);
        }

        String email = foldedOrNull(checked.optional(Column.EMAIL));
        if (email != null && !isEmail(email)) {
            checked.error(Column.EMAIL, ImportMessageKey.EMAIL, email);
        }

        LocalDate received = null;
        String date = checked.optional(Column.RECEIVED);
        if (date != null) {
            received = ReceivedDates.parse(date).orElse(null);
            if (received == null) {
                checked.error(Column.RECEIVED, ImportMessageKey.DATE, date);
            } else if (received.isAfter(today)) {
                checked.error(Column.RECEIVED, ImportMessageKey.DATE_FUTURE, date);
            } else if (received.isBefore(EARLIEST_RECEIVED)) {
                checked.error(Column.RECEIVED, ImportMessageKey.DATE_TOO_EARLY, date);
            }
        }

        if (!found.isEmpty()) {
            errors.addAll(found);
            return Optional.empty();
        }
        return Optional.of(new ImportedComment(row.number(), channel, station, provision, stance, text, proposed,
                name, phone, email, received));
    }

    private static String foldedOrNull(String value) {
        return value == null ? null : Text.clean(Text.fold(value));
    }

    static boolean isPhone(String phone) {
        if (!PHONE.matcher(phone).matches()) {
            return false;
        }
        long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits >= 7 && digits <= 15;
    }

    static boolean isEmail(String email) {
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return false;
        }
        return email.indexOf('@') <= 64;
    }

    /** Reads the cells of one row and records errors against the column headers as the clerk wrote them. */
    private final class Checked {

        private final RawTable.Row row;
        private final List<RowError> errors;

        Checked(RawTable.Row row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        String value(Column column) {
            Mapped mapped = columns.get(column);
            return mapped == null ? "" : Text.clean(row.cell(mapped.index()));
        }

        String optional(Column column) {
            String value = value(column);
            return value.isEmpty() ? null : value;
        }

        <T> T required(Column column, ImportMessageKey missing, ImportMessageKey invalid,
                java.util.function.Function<String, Optional<T>> parser) {
            String value = value(column);
            if (value.isEmpty()) {
                error(column, missing, "");
                return null;
            }
            Optional<T> parsed = parser.apply(value);
            if (parsed.isEmpty()) {
                error(column, invalid, value);
            }
            return parsed.orElse(null);
        }

        void notLongerThan(Column column, String value, int max, ImportMessageKey key) {
            if (value != null && Text.length(value) > max) {
                error(column, key, value);
            }
        }

        void error(Column column, ImportMessageKey key, String value) {
            Mapped mapped = columns.get(column);
            // Required columns are always mapped here; optional ones only get errors when they hold a value.
            String header = mapped == null ? column.header(true) : mapped.header();
            errors.add(new RowError(row.number(), header, key.key(), Text.excerpt(value, MAX_ERROR_VALUE)));
        }
    }
}
