package org.kaimen.drafts.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.kaimen.drafts.DraftCounts;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.ImportAnomaly;
import org.kaimen.drafts.internal.parsing.Anomaly;
import org.kaimen.drafts.internal.parsing.Counts;
import org.kaimen.drafts.internal.parsing.DraftParser;
import org.kaimen.drafts.internal.parsing.DraftTextExtractor;
import org.kaimen.drafts.internal.parsing.ParseResult;
import org.kaimen.shared.web.KaimenException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Turns what a drafter uploads or pastes into a parsed draft, or a clear refusal. */
@Component
public class DraftImporter {

    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The parsed draft and the normalised text it came from (kept as the version's source). */
    public record Parsed(ParseResult result, String text) {
    }

    private final DraftParser parser = new DraftParser();
    private final DraftTextExtractor extractor = new DraftTextExtractor();
    private final MessageSource messages;

    DraftImporter(MessageSource messages) {
        this.messages = messages;
    }

    public Parsed parse(DraftSource source) {
        if (source == null || source.content() == null || source.content().length == 0) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.empty");
        }
        if (source.content().length > MAX_BYTES) {
            throw new KaimenException(HttpStatus.PAYLOAD_TOO_LARGE, "drafts.error.too-large", MAX_BYTES / 1024 / 1024);
        }
        String text = extractText(source);
        ParseResult result = parser.parse(text);
        if (!result.isDraft()) {
            throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.not-a-draft");
        }
        return new Parsed(result, text);
    }

    private String extractText(DraftSource source) {
        String name = source.filename() == null ? "" : source.filename().toLowerCase(Locale.ROOT);
        byte[] bytes = source.content();
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (name.endsWith(".docx") || zip) {
            try {
                return extractor.normalize(extractor.fromDocx(new ByteArrayInputStream(bytes)));
            } catch (IOException | RuntimeException e) {
                throw new KaimenException(HttpStatus.UNPROCESSABLE_ENTITY, "drafts.error.unreadable-docx");
            }
        }
        if (name.endsWith(".doc") || name.endsWith(".pdf") || name.endsWith(".wps")) {
            throw new KaimenException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "drafts.error.file-type");
        }
        String text = decode(bytes);
        if (name.endsWith(".md") || text.startsWith("#") || text.contains("\n#") || text.contains("<!--")) {
            return extractor.normalize(extractor.fromMarkdown(text));
        }
        return extractor.normalize(text);
    }

    /** UTF-8 first; Chinese Windows tools still save plain text as GB18030 (GBK), so that is the fallback. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    public static DraftCounts counts(Counts c) {
        return new DraftCounts(c.chapters(), c.sections(), c.articles(), c.paragraphs(), c.items(), c.subitems());
    }

    public List<ImportAnomaly> anomalies(ParseResult result) {
        return result.anomalies().stream().map(this::anomaly).toList();
    }

    private ImportAnomaly anomaly(Anomaly a) {
        String message = messages.getMessage("drafts.anomaly." + a.type().name(),
                new Object[] {a.detail() == null ? "" : a.detail()}, a.message(), LocaleContextHolder.getLocale());
        return new ImportAnomaly(a.line(), a.type().name(), message);
    }
}
