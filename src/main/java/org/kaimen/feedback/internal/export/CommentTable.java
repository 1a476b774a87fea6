package org.kaimen.feedback.internal.export;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.kaimen.feedback.CommentRow;

/**
 * 意见汇总表: one row per comment with the opinion it is in, the same columns in the .xlsx and the .csv. Cells are
 * {@link Long} (ids), {@link LocalDateTime} (when the comment was made, in the site's time zone), {@link String} or
 * null; the writers neutralise the strings with {@link SpreadsheetSafe}.
 */
record CommentTable(List<Column> columns, List<String> headers, List<List<Object>> rows) {

    /** The columns and their widths in characters (for the .xlsx). */
    enum Column {
        COMMENT(10), DATE(17), CHANNEL(14), STANCE(11), PROVISION(18), TEXT(60), OPINION(12), SUMMARY(40),
        DISPOSITION(16), REASON(50), NAME(12), EMAIL(26), PHONE(16);

        final int width;

        Column(int width) {
            this.width = width;
        }

        String key() {
            return "feedback.export.column." + name().toLowerCase();
        }

        /** Long free text that should wrap. */
        boolean wraps() {
            return this == TEXT || this == SUMMARY || this == REASON;
        }
    }

    /** A comment's author, for the export with names (administrators only, audited). */
    record Contact(String name, String email, String phone) {
    }

    /**
     * @param contacts null for the anonymised table (the default); otherwise the authors by comment id, which adds
     *                 the name, e-mail and phone columns
     */
    static CommentTable of(List<CommentRow> rows, Map<Long, Contact> contacts, Labels labels, ZoneId zone) {
        List<Column> columns = new ArrayList<>(Arrays.asList(Column.values()));
        if (contacts == null) {
            columns.removeAll(List.of(Column.NAME, Column.EMAIL, Column.PHONE));
        }
        List<String> headers = columns.stream().map(c -> labels.get(c.key())).toList();
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (CommentRow row : rows) {
            Contact contact = contacts == null ? null : contacts.get(row.commentId());
            List<Object> line = new ArrayList<>(columns.size());
            for (Column column : columns) {
                line.add(switch (column) {
                    case COMMENT -> row.commentId();
                    case DATE -> row.createdAt() == null ? null
                            : row.createdAt().atZoneSameInstant(zone).toLocalDateTime().withSecond(0).withNano(0);
                    case CHANNEL -> labels.channel(row.channel());
                    case STANCE -> labels.stance(row.stance());
                    case PROVISION -> row.provisionLabel() == null ? labels.get("feedback.export.no-provision")
                            : row.provisionLabel();
                    case TEXT -> row.text() == null ? labels.get("feedback.export.not-public") : row.text();
                    case OPINION -> row.opinionId();
                    case SUMMARY -> row.opinionSummary();
                    case DISPOSITION -> row.disposition() == null ? null : labels.disposition(row.disposition());
                    case REASON -> row.reason();
                    case NAME -> contact == null ? null : contact.name();
                    case EMAIL -> contact == null ? null : contact.email();
                    case PHONE -> contact == null ? null : contact.phone();
                });
            }
            cells.add(line);
        }
        return new CommentTable(columns, headers, cells);
    }
}
