package org.kaimen.feedback.internal.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The comment table as CSV (RFC 4180): UTF-8 with a byte order mark, so that Excel reads the Chinese right, comma
 * separated, CRLF line ends, a field in double quotes when it holds a comma, a double quote (doubled) or a line
 * break. Text is neutralised by {@link SpreadsheetSafe} against formula injection.
 */
final class CsvTable {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CsvTable() {
    }

    static byte[] write(CommentTable table) {
        StringBuilder csv = new StringBuilder();
        line(csv, table.headers());
        for (List<Object> row : table.rows()) {
            line(csv, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(csv.length() * 3 + BOM.length);
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(values.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long n) {
            return n.toString();
        }
        if (value instanceof LocalDateTime t) {
            return t.format(DATE);
        }
        String text = SpreadsheetSafe.text(value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
