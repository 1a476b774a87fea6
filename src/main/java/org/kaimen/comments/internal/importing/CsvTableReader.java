package org.kaimen.comments.internal.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads csv as Excel writes and reads it: RFC 4180 quoting, any line ending, UTF-8 with or without byte order mark,
 * and GB18030 when the bytes are not UTF-8, because that is what "CSV" means in Excel on Chinese Windows.
 */
final class CsvTableReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvTableReader() {
    }

    /** Reads at most {@code maxNonBlankRows} non-blank rows; more are reported as truncation, not read. */
    static RawTable read(byte[] content, int maxNonBlankRows) {
        String text = decode(content);
        return parse(text, separator(text), maxNonBlankRows);
    }

    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return lenient(StandardCharsets.UTF_8, content, 3);
        }
        // Excel's "Unicode text" export and some mail clients produce UTF-16 with a byte order mark.
        if (startsWith(content, 0xFF, 0xFE)) {
            return lenient(StandardCharsets.UTF_16LE, content, 2);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return lenient(StandardCharsets.UTF_16BE, content, 2);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Chinese text in GB18030 is practically never valid UTF-8, so the fallback does not misread UTF-8 files.
            return lenient(GB18030, content, 0);
        }
    }

    private static String lenient(Charset charset, byte[] content, int offset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException cannotHappenWhenReplacing) {
            throw new IllegalStateException(cannotHappenWhenReplacing);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Comma unless the header line has more tabs or semicolons: Excel writes semicolons where the decimal separator
     * is a comma, and "csv" copied out of other tools is often tab-separated.
     */
    static char separator(String text) {
        String header = firstNonBlankLine(text);
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == '\t') {
                    tabs++;
                } else if (c == ';') {
                    semicolons++;
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }

    private static String firstNonBlankLine(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            if (!Text.isBlank(line.replace(",", "").replace(";", "").replace("\t", ""))) {
                return line;
            }
            start = end + 1;
        }
        return "";
    }

    static RawTable parse(String text, char separator, int maxNonBlankRows) {
        List<RawTable.Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean tooManyColumns = false;
        int record = 1;
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < length) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (!closed) {
                    warnings.add(ImportMessageKey.WARNING_UNCLOSED_QUOTE.warning(record));
                }
            }
            // Text after a closing quote, or a quote inside an unquoted field, is kept as written, like Excel does.
            while (i < length && !isRecordEnd(text.charAt(i)) && text.charAt(i) != separator) {
                field.append(text.charAt(i));
                i++;
            }
            if (fields.size() < RawTable.MAX_COLUMNS) {
                fields.add(field.toString());
            } else {
                tooManyColumns = true;
            }
            field.setLength(0);
            if (i < length && text.charAt(i) == separator) {
                i++;
                if (i < length) {
                    continue;
                }
            }
            RawTable.Row row = new RawTable.Row(record, fields);
            if (!row.isBlank()) {
                if (rows.size() >= maxNonBlankRows) {
                    return new RawTable(rows, true, warnings);
                }
                rows.add(row);
            }
            fields.clear();
            record++;
            if (i < length) {
                i += text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
            }
        }
        if (tooManyColumns) {
            warnings.add(ImportMessageKey.WARNING_TOO_MANY_COLUMNS.warning(""));
        }
        return new RawTable(rows, false, warnings);
    }

    private static boolean isRecordEnd(char c) {
        return c == '\n' || c == '\r';
    }
}
