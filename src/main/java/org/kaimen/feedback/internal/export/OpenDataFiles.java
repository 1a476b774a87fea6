package org.kaimen.feedback.internal.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.kaimen.feedback.OpenData;
import org.springframework.stereotype.Component;

/**
 * The open-data bulk files, written as they are read so that a draft of any size streams in constant memory. JSON is
 * an array of the records of {@link OpenData}; CSV (RFC 4180, UTF-8 with BOM, CRLF) has one column per record
 * field in snake_case in the same order, lists joined with {@code ;}, times in ISO 8601 with offset, and text
 * neutralised against formula injection like the report's spreadsheets. Schema: docs/open-data.md.
 */
@Component
public class OpenDataFiles {

    private final OpenData data;
    private final ObjectMapper json;

    public OpenDataFiles(OpenData data, ObjectMapper json) {
        this.data = data;
        this.json = json;
    }

    public void commentsJson(long draftId, OutputStream out) throws IOException {
        this.<OpenData.CommentRecord>json(out, sink -> data.forEachComment(draftId, sink));
    }

    public void commentsCsv(long draftId, OutputStream out) throws IOException {
        csv(out, OpenData.CommentRecord.class, sink -> data.forEachComment(draftId, sink));
    }

    public void opinionsJson(long draftId, OutputStream out) throws IOException {
        this.<OpenData.OpinionRecord>json(out, sink -> data.approvedOpinions(draftId).forEach(sink));
    }

    public void opinionsCsv(long draftId, OutputStream out) throws IOException {
        csv(out, OpenData.OpinionRecord.class, sink -> data.approvedOpinions(draftId).forEach(sink));
    }

    /** The CSV header of a record type: its fields in snake_case, in declaration order. */
    public static List<String> columns(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            out.add(c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private <T> void json(OutputStream out, Consumer<Consumer<T>> source) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartArray();
            source.accept(item -> {
                try {
                    json.writeValue(g, item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
        }
    }

    private static <T extends Record> void csv(OutputStream out, Class<T> type, Consumer<Consumer<T>> source)
            throws IOException {
        out.write(CsvTable.BOM);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        RecordComponent[] fields = type.getRecordComponents();
        w.write(String.join(",", columns(type)));
        w.write("\r\n");
        source.accept(item -> {
            try {
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(CsvTable.field(cell(fields[i].getAccessor().invoke(item))));
                }
                w.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        w.flush();
    }

    private static Object cell(Object value) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (value instanceof Collection<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
